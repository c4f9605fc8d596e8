package rules

import (
	"strings"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/mtchecktest"
)

func TestRepeatedWordPositive(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/repeated-word/positive.txt", RepeatedWord)
}

func TestRepeatedWordNegative(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/repeated-word/negative.txt", RepeatedWord)
}

func TestRepeatedWordClean(t *testing.T) {
	mtchecktest.RunAll(t, "../testdata/clean/*.txt", RepeatedWord)
}

func TestRepeatedWordSeed(t *testing.T) {
	text := mtchecktest.Seed(t)
	if got := mtchecktest.Flagged(t, text, RepeatedWord); len(got) != 0 {
		t.Errorf("seed: flagged %q, want nothing", got)
	}
}

func TestRepeatedWordConfidence(t *testing.T) {
	tests := []struct {
		text string
		conf float64
		safe bool
	}{
		{"We met the the minister.", rpwConfFunction, true},
		{"Markets rose rose by 2%.", rpwConfWord, false},
		{"It was a very very long day.", rpwConfEmphatic, false},
		{"The plan is is unlikely to pass.", rpwConfCopula, false},
		{"Officials who attended the meeting described the talks as tense\ntense and long.", rpwConfWordLine, false},
	}
	for _, tt := range tests {
		rep := mtchecktest.Check(t, tt.text, RepeatedWord)
		if len(rep.Diagnostics) != 1 {
			t.Errorf("%q: got %d diagnostics, want 1", tt.text, len(rep.Diagnostics))
			continue
		}
		d := rep.Diagnostics[0]
		if d.Confidence != tt.conf || d.Fixes[0].Safe != tt.safe {
			t.Errorf("%q: confidence %.2f safe %v, want %.2f %v", tt.text, d.Confidence, d.Fixes[0].Safe, tt.conf, tt.safe)
		}
	}
}

func TestRepeatedWordTriple(t *testing.T) {
	// Three function words in a row are two slips; the fixes leave one.
	text := "We met in the the the capital.\n"
	rep := mtchecktest.Check(t, text, RepeatedWord)
	fixed := mtcheck.ApplyFixes(text, rep.Diagnostics, true)
	if want := "We met in the capital.\n"; fixed.Text != want {
		t.Errorf("got %q, want %q", fixed.Text, want)
	}
}

func TestRepeatedWordCase(t *testing.T) {
	// Only the first letter's case may differ.
	for _, text := range []string{"encodeS encodes an S-type instruction.", "the THE end"} {
		if got := mtchecktest.Flagged(t, text, RepeatedWord); len(got) != 0 {
			t.Errorf("%q: flagged %q, want nothing", text, got)
		}
	}
}

func TestRepeatedWordNoPanic(t *testing.T) {
	inputs := []string{"", "a", "a a", "the the", "The\nthe", "x’", "’’ ’", "the’ the’", "é é", "a-", "the -the",
		strings.Repeat("the ", 1000), "\"the the", "the the [si", "[sic] the the"}
	for _, in := range inputs {
		mtchecktest.Check(t, in, RepeatedWord)
	}
}

func BenchmarkRepeatedWord(b *testing.B) {
	mspBench(b, RepeatedWord)
}

// FuzzRulesA checks missing-space and repeated-word on arbitrary text: no
// errors or panics, valid spans (the checker validates them), and fixes
// that leave nothing more to fix.
func FuzzRulesA(f *testing.F) {
	for _, s := range []string{
		"Officials denied it.But the troops stayed.\n",
		"He said.”Then he left. She smiled.\"We wait,\" she said.\n",
		"U.S.-led e.g. J.R.R. Tolkien v1.2.3 example.com www.NATO.int a@b.co README.md\n",
		"the the the\nthe\n\nthe The the Bora Bora bye bye had had\n",
		"Kyiv.Zelensky met aides to President Zelensky. errors.Is errors.As\n",
		"what it is is, very very, \"the the\" [sic] libc_x libc_x\n",
	} {
		f.Add(s)
	}
	mtfFuzzFixes(f, MissingSpace, RepeatedWord)
}
