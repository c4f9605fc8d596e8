package rules

import (
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/mtchecktest"
)

func TestQuotesPositive(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/quotes/positive.txt", Quotes)
}

func TestQuotesNegative(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/quotes/negative.txt", Quotes)
}

// qtsFlagged returns "line:text" for each diagnostic.
func qtsFlagged(t testing.TB, rule *mtcheck.Rule, text string) []string {
	t.Helper()
	doc := mtcheck.NewDocument(text)
	var out []string
	for _, d := range mtchecktest.Check(t, text, rule).Diagnostics {
		out = append(out, strconv.Itoa(doc.LineOf(d.Start))+":"+text[d.Start:d.End])
	}
	return out
}

// TestQuotesSeed: the seed article has one empty pair and three paragraphs
// ending in a lone opening quote that opens nothing; its correctly quoted
// paragraphs stay quiet.
func TestQuotesSeed(t *testing.T) {
	text := mtchecktest.Seed(t)
	got := qtsFlagged(t, Quotes, text)
	want := []string{"8:\u201c\u201d", "8:\u201c", "22:\u201c", "24:\u201c"}
	if !slices.Equal(got, want) {
		t.Errorf("seed: got %q, want %q", got, want)
	}
	// The empty pair and the dangling quotes have safe fixes; applying them
	// leaves no quote finding behind.
	diags := mtchecktest.Check(t, text, Quotes).Diagnostics
	fixed := mtcheck.ApplyFixes(text, diags, true)
	if len(fixed.Applied) != 4 {
		t.Errorf("safe fixes applied to %d findings, want 4", len(fixed.Applied))
	}
	if again := mtchecktest.Check(t, fixed.Text, Quotes).Diagnostics; len(again) != 0 {
		t.Errorf("after fixing, still %d findings: %v", len(again), again)
	}
}

func TestQuotesClean(t *testing.T) {
	mtchecktest.RunAll(t, "../testdata/clean/*.txt", Quotes)
}

func TestQuotesCases(t *testing.T) {
	qtsRunCases(t, Quotes, []qtsCase{
		{"multi-paragraph quotation", "“One paragraph open.\n\n“Another one.\n\n“Closed now,” he said.\n", nil},
		{"last paragraph left open", "“One paragraph open.\n\nThe next one is narration.\n", []string{"“"}},
		{"quotation carried over a paragraph break", "He said “the plan\n\nis dead” and left.\n", nil},
		{"truncated excerpt", "The team said “the results were…\n", nil},
		{"inch mark after digit", "A 12\" board and \"quoted text.\n", nil},
		{"straight empty string", "Use \"\" here.\n", nil},
		{"CRLF paragraphs", "He left. “\r\n\r\n“Fine,” she said.\r\n", []string{"“"}},
		{"lone mark", "“", []string{"“"}},
		{"lone closing mark", "”", []string{"”"}},
		{"low-nine quotes", "„Ja“ and „nein” are fine.", nil},
		{"low-nine unclosed", "„Ja and no more.", []string{"„"}},
		{"single quotes ignored", "‘unclosed single and ’tis fine", nil},
	})
}

// qtsCase is a text and what a rule must flag in it.
type qtsCase struct {
	name, text string
	want       []string // flagged texts, in order
}

// qtsRunCases checks each case in a subtest of its name.
func qtsRunCases(t *testing.T, rule *mtcheck.Rule, cases []qtsCase) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := mtchecktest.Flagged(t, c.text, rule)
			if !slices.Equal(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// qtsKindOf names the kind of a quotes finding from its message.
func qtsKindOf(d mtcheck.Diagnostic) string {
	for _, k := range []struct{ prefix, kind string }{
		{"empty pair", "empty"},
		{"opening quotation mark at the end", "dangling"},
		{"quotation marks reversed", "reversed-pair"},
		{"opening quotation mark “ used", "reversed"},
		{"closing quotation mark ” used", "reversed"},
		{"closing quotation mark without", "stray"},
		{"quotation opened here", "unclosed"},
		{"unbalanced straight", "straight"},
		{"straight quotation mark", "straight"},
	} {
		if strings.HasPrefix(d.Message, k.prefix) {
			return k.kind
		}
	}
	return "?" + d.Message
}

// TestQuotesConfidenceCounts tallies the findings on the fixtures by kind,
// the counts recorded beside the confidence constants, and checks that each
// kind carries its confidence.
func TestQuotesConfidenceCounts(t *testing.T) {
	conf := map[string]float64{
		"empty": qtsConfEmpty, "dangling": qtsConfDangling, "reversed-pair": qtsConfReversedPair,
		"reversed": qtsConfReversed, "stray": qtsConfStray, "unclosed": qtsConfUnclosed, "straight": qtsConfStraight,
	}
	counts := map[string]int{}
	text, diags := qtsFixtureFindings(t, Quotes, "../testdata/rules/quotes/")
	for _, d := range diags {
		k := qtsKindOf(d)
		if d.Confidence != conf[k] {
			t.Errorf("%s finding %q has confidence %.2f, want %.2f", k, text[d.Start:d.End], d.Confidence, conf[k])
		}
		counts[k]++
	}
	want := map[string]int{"empty": 6, "dangling": 7, "reversed-pair": 3, "reversed": 3, "stray": 4, "unclosed": 4, "straight": 3}
	if !maps.Equal(counts, want) {
		t.Errorf("findings by kind on the positive fixture: %v, want %v", counts, want)
	}
}

// qtsFixtureFindings checks rule on the annotated positive.txt and
// negative.txt in dir (annotations removed), fails t for any finding in the
// negative one, and returns the positive one's text and findings.
func qtsFixtureFindings(t *testing.T, rule *mtcheck.Rule, dir string) (string, []mtcheck.Diagnostic) {
	t.Helper()
	var text string
	var diags []mtcheck.Diagnostic
	for _, name := range []string{"positive.txt", "negative.txt"} {
		b, err := os.ReadFile(dir + name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := mtchecktest.Parse(string(b))
		if err != nil {
			t.Fatal(err)
		}
		rep := mtchecktest.Check(t, f.Text, rule)
		if name == "positive.txt" {
			text, diags = f.Text, rep.Diagnostics
			continue
		}
		for _, d := range rep.Diagnostics {
			t.Errorf("negative fixture flagged %q", f.Text[d.Start:d.End])
		}
	}
	return text, diags
}

func FuzzQuotes(f *testing.F) {
	for _, s := range []string{"“”", "a “ b", "”x“", "\"", "6'2\"", "„a“", "“\n\n“"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip("the checker rejects invalid UTF-8")
		}
		for _, d := range mtchecktest.Check(t, s, Quotes).Diagnostics {
			if d.Start < 0 || d.End > len(s) || d.Start > d.End {
				t.Fatalf("bad span %v", d.Span)
			}
		}
		for _, d := range mtchecktest.Check(t, s, Brackets).Diagnostics {
			if d.Start < 0 || d.End > len(s) || d.Start > d.End {
				t.Fatalf("bad span %v", d.Span)
			}
		}
	})
}

// qtsBenchText is about 1 MB of prose with quotations, apostrophes and
// brackets, and a little damage.
func qtsBenchText() string {
	para := "“We are ready to talk,” the envoy said on Monday (after the meeting). " +
		"Russia’s ministers met the students’ union; the ’90s are over [1]. " +
		"A 12\" board costs $5 (about £4). “But we will not give up,” she added.\n\n" +
		"The council approved the plan. “” Residents were not consulted. The plan (which was late) passed.\n\n"
	var b strings.Builder
	for b.Len() < 1<<20 {
		b.WriteString(para)
	}
	return b.String()
}

func BenchmarkQuotes(b *testing.B) {
	mtchecktest.Bench(b, qtsBenchText(), Quotes)
}
