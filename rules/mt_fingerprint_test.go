package rules

import (
	"math/rand"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/mtchecktest"
)

func TestMTFingerprintPositive(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/mt-fingerprint/positive.txt", MTFingerprint)
}

func TestMTFingerprintNegative(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/mt-fingerprint/negative.txt", MTFingerprint)
}

func TestMTFingerprintSeed(t *testing.T) {
	text := mtchecktest.Seed(t)
	got := mtchecktest.Flagged(t, text, MTFingerprint)
	want := []string{"rice field.", "rice field."}
	if !slices.Equal(got, want) {
		t.Errorf("seed: flagged %q, want %q", got, want)
	}
	// The safe fixes leave each sentence ending in its own period, with no
	// double space and nothing left to fix.
	fixed := mtfFixAll(t, MTFingerprint, text, true)
	if strings.Contains(fixed, "rice field") || strings.Contains(fixed, ".  ") || strings.Contains(fixed, ". \n") {
		t.Errorf("seed: fixed text still has residue or stray spaces")
	}
	if again := mtfFixAll(t, MTFingerprint, fixed, true); again != fixed {
		t.Errorf("seed: fixes are not idempotent")
	}
}

func TestMTFingerprintFixes(t *testing.T) {
	cases := []struct{ in, want string }{
		{"It ended in transparency. rice field.", "It ended in transparency."},
		{"It ended in transparency. rice field.\nNext line here.", "It ended in transparency.\nNext line here."},
		{"It ended in transparency. rice field. The next one began.", "It ended in transparency. The next one began."},
		{"It ended in transparency. rice field.   \n", "It ended in transparency.\n"},
		{"It ended in transparency. rice field. rice field.", "It ended in transparency."},
		{"The port extended its hours.\nrice field.\nThe end came soon.", "The port extended its hours.\nThe end came soon."},
		{"The port extended its hours.\r\nrice field.\r\nThe end came soon.", "The port extended its hours.\r\nThe end came soon."},
		{"The port extended its hours.\nrice field.\nrice field.\n", "The port extended its hours.\n"},
		{"The port extended its hours. increase. rice field.", "The port extended its hours."},
	}
	for _, c := range cases {
		if got := mtfFixAll(t, MTFingerprint, c.in, true); got != c.want {
			t.Errorf("fix %q = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMTFingerprintEdges(t *testing.T) {
	// No panics and no reports on fragments at the edges of the text.
	for _, s := range []string{"", ".", "rice field.", " rice field.", ". rice field", "a. increase.", "…", "”. rice field.", "\n.\n", "increase"} {
		mtchecktest.Flagged(t, s, MTFingerprint)
	}
	if got := mtchecktest.Flagged(t, "rice field.", MTFingerprint); len(got) != 0 {
		t.Errorf("a text that is only the phrase: flagged %q", got)
	}
}

func TestMTFingerprintClean(t *testing.T) {
	mtchecktest.RunAll(t, "../testdata/clean/*.txt", MTFingerprint)
}

func BenchmarkMTFingerprint(b *testing.B) { mtfBench(b, MTFingerprint) }

// mtfFixAll applies the rule's fixes (only safe ones with safeOnly).
func mtfFixAll(t testing.TB, rule *mtcheck.Rule, text string, safeOnly bool) string {
	t.Helper()
	return mtcheck.ApplyFixes(text, mtchecktest.Check(t, text, rule).Diagnostics, safeOnly).Text
}

// mtfBenchText returns about 1 MB of varied text: sentences of generated
// prose with unique lines, and a little residue of every kind.
func mtfBenchText() string {
	words := strings.Fields("the council said it would review a plan for new roads and schools in " +
		"spring while officials from both parties met on Monday to discuss rice field price budget " +
		"talks increase growth workers river bridge port ministry figures survey households")
	r := rand.New(rand.NewSource(1))
	var b strings.Builder
	for n := 0; b.Len() < 1<<20; n++ {
		for s := 0; s < 4; s++ {
			k := 6 + r.Intn(14)
			for w := 0; w < k; w++ {
				word := words[r.Intn(len(words))]
				if w == 0 {
					word = strings.ToUpper(word[:1]) + word[1:]
				} else {
					b.WriteByte(' ')
				}
				b.WriteString(word)
			}
			b.WriteString(". ")
		}
		switch n % 50 {
		case 7:
			b.WriteString("rice field.")
		case 19:
			b.WriteString("\n\nSource link Council meets again\n\nPlease enter your comment!")
		case 31:
			b.WriteString("\n\nThe council met again on Monday to review the plan.")
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// mtfBench measures rule's Run alone (not the checker's validation, word
// count and report) over mtfBenchText, or the file named by
// MTCHECK_BENCH_FILE.
func mtfBench(b *testing.B, rule *mtcheck.Rule) {
	text := mtfBenchText()
	if p := os.Getenv("MTCHECK_BENCH_FILE"); p != "" {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		text = string(data)
	}
	mtchecktest.BenchRun(b, text, rule)
}

// FuzzRulesB checks mt-fingerprint, boilerplate and duplicate-line on
// arbitrary text: no errors or panics, valid spans (the checker validates
// them), and fixes that leave nothing more to fix.
func FuzzRulesB(f *testing.F) {
	for _, s := range []string{
		"It ended in transparency. rice field.\n",
		"Said so. rice field. rice field. increase.\r\n",
		"Body.\n\nShare post:\n\nMore like this\n\nHead line here\n\nSnippet text...\n",
		"[caption id=\"a\"] x[/caption]\n[/caption]\n",
		"More about this source text\n\nSend feedback\nSide panels\n",
		"Four words in line\nFour words in line\n\nFour words in line here\nFour words in line here\n",
		"The post X appeared first on Y.\nSource link X\n",
	} {
		f.Add(s)
	}
	mtfFuzzFixes(f, MTFingerprint, Boilerplate, DuplicateLine)
}

// mtfFuzzFixes fuzzes rules on arbitrary valid text: no errors or panics,
// valid spans (the checker validates them), and fixes that leave nothing
// more to fix.
func mtfFuzzFixes(f *testing.F, rules ...*mtcheck.Rule) {
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		for _, r := range rules {
			fixed := mtfFixAll(t, r, text, false)
			if again := mtfFixAll(t, r, fixed, false); again != fixed {
				t.Errorf("%s: fixes not idempotent:\n%q\n-> %q\n-> %q", r.Name, text, fixed, again)
			}
		}
	})
}
