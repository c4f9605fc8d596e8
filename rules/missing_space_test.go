package rules

import (
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
	mtchecktest.RunAll(t, "../testdata/clean/*.txt", MissingSpace)
}

func TestMissingSpaceSeed(t *testing.T) {
	text := mtchecktest.Seed(t)
	got := mtchecktest.Flagged(t, text, MissingSpace)
	want := []string{"invasion.But", "Union.Stoltenberg"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("seed: flagged %q, want %q", got, want)
	}
}

func TestMissingSpaceTechnical(t *testing.T) {
	// A document with code marks keeps only strong sentence starters.
	text := "Call `f()` and check err := g(x) { }.\nThe helper wraps gzip.Reader for us.\nThe buffer is released.Then the next request starts.\n"
	got := mtchecktest.Flagged(t, text, MissingSpace)
	if strings.Join(got, "|") != "released.Then" {
		t.Errorf("technical text: flagged %q, want only %q", got, "released.Then")
	}
}

func TestMissingSpaceNameEvidence(t *testing.T) {
	// A capitalised word glued after a sentence end is reported only when
	// the document also uses it as a name in mid-sentence.
	without := "The talks collapsed in the spring.Stoltenberg spoke later.\n"
	if got := mtchecktest.Flagged(t, without, MissingSpace); len(got) != 0 {
		t.Errorf("without evidence: flagged %q, want nothing", got)
	}
	with := without + "Aides to Jens Stoltenberg confirmed it.\n"
	if got := mtchecktest.Flagged(t, with, MissingSpace); strings.Join(got, "|") != "spring.Stoltenberg" {
		t.Errorf("with evidence: flagged %q, want %q", got, "spring.Stoltenberg")
	}
}

func TestMissingSpaceFixSafety(t *testing.T) {
	rep := mtchecktest.Check(t, "It ended.But not for long. He said \"no.\"Then left.\n", MissingSpace)
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
		mtchecktest.Check(t, in, MissingSpace)
	}
}

func BenchmarkMissingSpace(b *testing.B) {
	mspBench(b, MissingSpace)
}

// mspBench checks about 1 MB of the clean corpus and the positive fixtures
// of this rule and repeated-word.
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
	mtchecktest.Bench(b, sb.String(), r)
}

func TestMissingSpaceRepeatedTerm(t *testing.T) {
	// A glued name repeated three times is a term; a glued strong starter
	// repeated is still damage.
	term := "The proc.Call helper. See proc.Call and proc.Call again, as Call says.\n"
	if got := mtchecktest.Flagged(t, term, MissingSpace); len(got) != 0 {
		t.Errorf("term: flagged %q, want nothing", got)
	}
	slips := strings.Repeat("Talks ended.But the aides stayed. ", 3)
	if got := mtchecktest.Flagged(t, slips, MissingSpace); len(got) != 3 {
		t.Errorf("slips: flagged %q, want three", got)
	}
}
