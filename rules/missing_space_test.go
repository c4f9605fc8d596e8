package rules

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/mtchecktest"
)

func TestMissingSpacePositive(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/missing-space/positive.txt", MissingSpace)
}

func TestMissingSpaceNegative(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/missing-space/negative.txt", MissingSpace)
}

func TestMissingSpaceClean(t *testing.T) {
	mspRunClean(t, MissingSpace)
}

func TestMissingSpaceSeed(t *testing.T) {
	text := mtchecktest.Seed(t)
	got := mspFlagged(t, MissingSpace, text)
	want := []string{"invasion.But", "Union.Stoltenberg"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("seed: flagged %q, want %q", got, want)
	}
}

func TestMissingSpaceTechnical(t *testing.T) {
	// A document with code marks keeps only strong sentence starters.
	text := "Call `f()` and check err := g(x) { }.\nThe helper wraps gzip.Reader for us.\nThe buffer is released.Then the next request starts.\n"
	got := mspFlagged(t, MissingSpace, text)
	if strings.Join(got, "|") != "released.Then" {
		t.Errorf("technical text: flagged %q, want only %q", got, "released.Then")
	}
}

func TestMissingSpaceNameEvidence(t *testing.T) {
	// A capitalised word glued after a sentence end is reported only when
	// the document also uses it as a name in mid-sentence.
	without := "The talks collapsed in the spring.Stoltenberg spoke later.\n"
	if got := mspFlagged(t, MissingSpace, without); len(got) != 0 {
		t.Errorf("without evidence: flagged %q, want nothing", got)
	}
	with := without + "Aides to Jens Stoltenberg confirmed it.\n"
	if got := mspFlagged(t, MissingSpace, with); strings.Join(got, "|") != "spring.Stoltenberg" {
		t.Errorf("with evidence: flagged %q, want %q", got, "spring.Stoltenberg")
	}
}

func TestMissingSpaceFixSafety(t *testing.T) {
	rep := mspCheckText(t, MissingSpace, "It ended.But not for long. He said \"no.\"Then left.\n")
	if len(rep.Diagnostics) != 2 {
		t.Fatalf("got %d diagnostics, want 2", len(rep.Diagnostics))
	}
	if f := rep.Diagnostics[0].Fixes[0]; !f.Safe || f.Edits[0].Start != len("It ended.") {
		t.Errorf("plain glue: fix %+v, want a safe insertion after the full stop", f)
	}
	if f := rep.Diagnostics[1].Fixes[0]; f.Safe {
		t.Errorf("straight quote: fix %+v should not be safe", f)
	}
	fixed := mtcheck.ApplyFixes(rep.Document().Text(), rep.Diagnostics, true)
	if want := "It ended. But not for long. He said \"no.\"Then left.\n"; fixed.Text != want {
		t.Errorf("safe fixes: got %q, want %q", fixed.Text, want)
	}
}

func TestMissingSpaceNoPanic(t *testing.T) {
	inputs := []string{"", ".", "a.B", ".B", "a.", "é.É", "x.”", "x.“", "ab.\"", "ab.'A", strings.Repeat("a.", 1000) + "B",
		strings.Repeat("x", 5000) + ".The" + strings.Repeat("y", 5000), "word.A", "word.I", "word.“"}
	for _, in := range inputs {
		mspCheckText(t, MissingSpace, in)
	}
}

func BenchmarkMissingSpace(b *testing.B) {
	mspBench(b, MissingSpace)
}

// The helpers below are shared by this rule's and repeated-word's tests.

func mspCheckText(t testing.TB, r *mtcheck.Rule, text string) *mtcheck.Report {
	t.Helper()
	c, err := mtcheck.New([]*mtcheck.Rule{r})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := c.Check(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func mspFlagged(t testing.TB, r *mtcheck.Rule, text string) []string {
	t.Helper()
	var out []string
	for _, d := range mspCheckText(t, r, text).Diagnostics {
		out = append(out, text[d.Start:d.End])
	}
	return out
}

func mspRunClean(t *testing.T, r *mtcheck.Rule) {
	files, _ := filepath.Glob("../testdata/clean/*.txt")
	if len(files) == 0 {
		t.Skip("no clean prose in testdata/clean")
	}
	for _, f := range files {
		mtchecktest.Run(t, f, r)
	}
}

// mspBench checks about 1 MB of the clean corpus and the rule's positive
// fixtures.
func mspBench(b *testing.B, r *mtcheck.Rule) {
	var sb strings.Builder
	files, _ := filepath.Glob("../testdata/clean/*.txt")
	files = append(files, "../testdata/rules/missing-space/positive.txt", "../testdata/rules/repeated-word/positive.txt")
	for sb.Len() < 1<<20 {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			sb.Write(data)
			sb.WriteString("\n\n")
		}
	}
	text := sb.String()
	c, err := mtcheck.New([]*mtcheck.Rule{r})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := c.Check(context.Background(), text); err != nil {
			b.Fatal(err)
		}
	}
}

func TestMissingSpaceRepeatedTerm(t *testing.T) {
	// A glued name repeated three times is a term; a glued strong starter
	// repeated is still damage.
	term := "The proc.Call helper. See proc.Call and proc.Call again, as Call says.\n"
	if got := mspFlagged(t, MissingSpace, term); len(got) != 0 {
		t.Errorf("term: flagged %q, want nothing", got)
	}
	slips := strings.Repeat("Talks ended.But the aides stayed. ", 3)
	if got := mspFlagged(t, MissingSpace, slips); len(got) != 3 {
		t.Errorf("slips: flagged %q, want three", got)
	}
}
