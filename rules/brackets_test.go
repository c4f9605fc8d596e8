package rules

import (
	"maps"
	"slices"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/mtchecktest"
)

func TestBracketsPositive(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/brackets/positive.txt", Brackets)
}

func TestBracketsNegative(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/brackets/negative.txt", Brackets)
}

// TestBracketsSeed: in the seed only the stray "[military]" between two
// sentences is bracket damage; "(NATO)" is balanced and "[But]" inside the
// broken quotation is an editorial insertion (its quotes are the quotes
// rule's business).
func TestBracketsSeed(t *testing.T) {
	text := mtchecktest.Seed(t)
	got := qtsFlagged(t, Brackets, text)
	want := []string{"24:[military]"}
	if !slices.Equal(got, want) {
		t.Errorf("seed: got %q, want %q", got, want)
	}
	for _, d := range mtchecktest.Check(t, text, Brackets).Diagnostics {
		if d.Confidence != brkConfInsertion {
			t.Errorf("seed %q: confidence %.2f, want %.2f", text[d.Start:d.End], d.Confidence, brkConfInsertion)
		}
		if len(d.Fixes) != 1 || d.Fixes[0].Safe {
			t.Errorf("seed %q: want one unsafe fix, got %+v", text[d.Start:d.End], d.Fixes)
		}
	}
}

func TestBracketsClean(t *testing.T) {
	mtchecktest.RunAll(t, "../testdata/clean/*.txt", Brackets)
}

func TestBracketsCases(t *testing.T) {
	qtsRunCases(t, Brackets, []qtsCase{
		{"closing on a later line", "The study (run\nover two years) ended.\n", nil},
		{"across a paragraph break", "The study (run\n\nover two years) ended.\n", []string{"(", ")"}},
		{"nested", "A (b [c {d} e] f) g.", nil},
		{"abbreviation before", "Troops of the U.S. [army] Command left.", nil},
		{"Mr. before", "He met Mr. [name] Smith.", nil},
		{"inside straight quotes", "\"It ended. [laughs] We left,\" he said.", nil},
		{"inside curly quotes", "“It ended. [pause] We left,” he said.", nil},
		{"capitalised word", "It ended. [Military] Troops left.", nil},
		{"followed by lowercase", "It ended. [military] troops left.", nil},
		{"exempt stage direction", "It ended. [applause] Then he left.", nil},
		{"after question mark", "Why not? [army] They left.", []string{"[army]"}},
		{"after closing quote", "He said “no.” [navy] They left.", []string{"[navy]"}},
		{"at paragraph end", "It ended. [military]", nil},
		{"digits", "It ended. [2] Then it began.", nil},
		{"stray closers", ")]}", []string{")", "]", "}"}},
		{"openers", "([{", []string{"(", "[", "{"}},
		{"word before paren", "the end) of it", []string{")"}},
		{"roman-looking word", "a civil) war", []string{")"}},
		{"smiley run", "ok)) bye", nil},
		{"frown and wink", "sad :( but ;-) fine", nil},
	})
}

// brkKindOf names the kind of a brackets finding from its confidence.
func brkKindOf(d mtcheck.Diagnostic) string {
	switch d.Confidence {
	case brkConfMismatch:
		return "mismatch"
	case brkConfUnclosed:
		return "unclosed"
	case brkConfStray:
		return "stray"
	case brkConfInsertion:
		return "insertion"
	}
	return "?"
}

// TestBracketsConfidenceCounts tallies the findings on the fixtures by kind,
// the counts recorded beside the confidence constants.
func TestBracketsConfidenceCounts(t *testing.T) {
	counts := map[string]int{}
	_, diags := qtsFixtureFindings(t, Brackets, "../testdata/rules/brackets/")
	for _, d := range diags {
		counts[brkKindOf(d)]++
	}
	want := map[string]int{"insertion": 3, "unclosed": 5, "stray": 4, "mismatch": 2}
	if !maps.Equal(counts, want) {
		t.Errorf("findings by kind on the positive fixture: %v, want %v", counts, want)
	}
}

func BenchmarkBrackets(b *testing.B) {
	mtchecktest.Bench(b, qtsBenchText(), Brackets)
}
