package rules

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/mtchecktest"
)

func TestSplicedFragmentPositive(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/spliced-fragment/positive.txt", SplicedFragment)
}

func TestSplicedFragmentNegative(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/spliced-fragment/negative.txt", SplicedFragment)
}

func TestSplicedFragmentSeed(t *testing.T) {
	text := mtchecktest.Seed(t)
	got := mtchecktest.Flagged(t, text, SplicedFragment)
	want := []string{"Fierce diplomacy", "Fresh attack", "Request for new defense pact", "Was not accepted"}
	if !slices.Equal(got, want) {
		t.Errorf("seed: flagged %q, want %q", got, want)
	}
}

func TestSplicedFragmentClean(t *testing.T) {
	mtchecktest.RunAll(t, "../testdata/clean/*.txt", SplicedFragment)
}

// spfRepeat repeats unit, separated by blank lines, to about 1 MB.
func spfRepeat(unit string) string {
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		sb.WriteString(unit)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// spfFixtureText returns the two rules' fixtures (near misses and damage,
// with annotation lines removed): a worst case, nearly every line a candidate.
func spfFixtureText(b *testing.B) string {
	b.Helper()
	var parts []string
	for _, f := range []string{
		"../testdata/rules/spliced-fragment/negative.txt",
		"../testdata/rules/sentence-fragment/negative.txt",
		"../testdata/rules/spliced-fragment/positive.txt",
		"../testdata/rules/sentence-fragment/positive.txt",
	} {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		pf, err := mtchecktest.Parse(string(data))
		if err != nil {
			b.Fatal(err)
		}
		parts = append(parts, pf.Text)
	}
	return strings.Join(parts, "\n\n")
}

// spfBench runs rules (by default the splice and fragment rules) over text.
func spfBench(b *testing.B, text string, rules ...*mtcheck.Rule) {
	if len(rules) == 0 {
		rules = []*mtcheck.Rule{SplicedFragment, SentenceFragment}
	}
	// Load the sentence and tagger models before timing.
	mtchecktest.Check(b, text[:min(len(text), 4096)], rules...)
	mtchecktest.Bench(b, text, rules...)
}

// BenchmarkSplicedFragment measures spliced-fragment and sentence-fragment
// together (and spliced-fragment alone, which needs no sentence layer), 1 MB
// at a time: on clean news prose (testdata/clean), on the seed
// article (real news, heavily damaged: six candidates that need tags per 5 KB)
// and on the rules' fixtures (the worst case: nearly every line a candidate).
func BenchmarkSplicedFragment(b *testing.B) {
	b.Run("news", func(b *testing.B) { spfBench(b, newsText(b, 1<<20)) })
	b.Run("news/splice-only", func(b *testing.B) { spfBench(b, newsText(b, 1<<20), SplicedFragment) })
	b.Run("seed", func(b *testing.B) { spfBench(b, spfRepeat(mtchecktest.Seed(b))) })
	b.Run("fixtures", func(b *testing.B) { spfBench(b, spfRepeat(spfFixtureText(b))) })
}

// FuzzSplicedFragment feeds arbitrary valid text to the splice and fragment
// rules: no error or panic, and every diagnostic on rune boundaries.
func FuzzSplicedFragment(f *testing.F) {
	for _, s := range []string{
		"", "A", " The", "x The y", "Talks end. Heavy losses The plan was. To go.",
		"One two. three The four five.\nX It y. Did not go.", "é The é. Pledge not to go é.",
		"word \tThe\tx", "a. b c d e f g h The x y z.", "x -- The y. To be. Was not. They x.",
	} {
		f.Add(s)
	}
	c, err := mtcheck.New([]*mtcheck.Rule{SplicedFragment, SentenceFragment})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if mtcheck.ValidateText([]byte(text)) != nil {
			return
		}
		rep, err := c.Check(context.Background(), text)
		if err != nil {
			t.Fatalf("Check: %v", err)
		}
		for _, d := range rep.Diagnostics {
			if d.Start < 0 || d.End > len(text) || d.Start >= d.End ||
				!utf8.RuneStart(text[d.Start]) || d.End < len(text) && !utf8.RuneStart(text[d.End]) {
				t.Fatalf("bad span %v in %q", d.Span, text)
			}
		}
	})
}
