package rules

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/mtchecktest"
)

// phrTestRules are the house rules the annotated files under
// testdata/rules/phrase/ are written for.
func phrTestRules(t testing.TB) []*mtcheck.Rule {
	t.Helper()
	specs := []PhraseSpec{
		{
			Name:       "house-use",
			Message:    `prefer a form of "use" to "%s"`,
			Regex:      []string{`(?i)\butili[sz](e|es|ed|ing)\b`},
			Replace:    "us${1}",
			Confidence: 0.9,
		},
		{
			Name:     "house-email",
			Match:    []string{"e-mail", "electronic mail"},
			Replace:  "email",
			Safe:     true,
			Category: mtcheck.Name,
			Severity: mtcheck.Info,
		},
		{
			Name:    "house-avoid",
			Message: `avoid "%s"`,
			Match: []string{
				"in order to", "at this point", "at this point in time", "don't",
				"a number of", "per cent", "déjà vu", "data base", "state of the art",
				"going forward", "AT THIS POINT", // a duplicate, ignored
			},
		},
	}
	var out []*mtcheck.Rule
	for _, s := range specs {
		r, err := NewPhraseRule(s)
		if err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		out = append(out, r)
	}
	return out
}

func TestPhrasePositive(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/phrase/positive.txt", phrTestRules(t)...)
}

func TestPhraseNegative(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/phrase/negative.txt", phrTestRules(t)...)
}

func TestPhraseClean(t *testing.T) {
	// house-avoid flags contractions, which clean prose has; the other two
	// house rules target words clean prose does not use.
	mtchecktest.RunAll(t, "../testdata/clean/*.txt", phrTestRules(t)[:2]...)
}

func TestPhraseReportFields(t *testing.T) {
	r, err := NewPhraseRule(PhraseSpec{
		Name: "house-utilize", Message: `Prefer "use" to "%s".`, Category: mtcheck.Mistranslation,
		Severity: mtcheck.Error, Confidence: 0.7, Match: []string{"utilize", "make use of"}, Replace: "use",
	})
	if err != nil {
		t.Fatal(err)
	}
	text := "Staff Make use\nof the hall."
	rep := mtchecktest.Check(t, text, r)
	if len(rep.Diagnostics) != 1 {
		t.Fatalf("got %d diagnostics, want 1", len(rep.Diagnostics))
	}
	d := rep.Diagnostics[0]
	if got := text[d.Start:d.End]; got != "Make use\nof" {
		t.Errorf("span covers %q", got)
	}
	if d.Message != `Prefer "use" to "Make use of".` || d.Category != mtcheck.Mistranslation ||
		d.Severity != mtcheck.Error || d.Confidence != 0.7 {
		t.Errorf("got %+v", d)
	}
	if len(d.Fixes) != 1 || d.Fixes[0].Edits[0].NewText != "Use" || d.Fixes[0].Safe {
		t.Errorf("fixes %+v, want one unsafe fix to \"Use\"", d.Fixes)
	}
	if got := mtcheck.ApplyFixes(text, rep.Diagnostics, false).Text; got != "Staff Use the hall." {
		t.Errorf("fixed text %q", got)
	}
}

func TestPhraseMatchCase(t *testing.T) {
	for _, c := range []struct{ matched, repl, want string }{
		{"utilize", "use", "use"},
		{"Utilize", "use", "Use"},
		{"UTILIZE", "use", "USE"},
		{"I", "we", "We"},
		{"utilize", "JavaScript", "JavaScript"},
		{"Utilize", "make use of", "Make use of"},
		{"Étage", "écrit", "Écrit"},
		{"Utilize", "", ""},
		{"“Utilize", "«use", "«Use"},
	} {
		if got := phrMatchCase(c.matched, c.repl); got != c.want {
			t.Errorf("phrMatchCase(%q, %q) = %q, want %q", c.matched, c.repl, got, c.want)
		}
	}
}

func TestPhraseManyPhrasesOnePass(t *testing.T) {
	phrases := phrBenchPhrases()
	r, err := NewPhraseRule(PhraseSpec{Name: "many", Match: phrases})
	if err != nil {
		t.Fatal(err)
	}
	// Every phrase, in varied case, separated by filler: each found once,
	// in order.
	var b strings.Builder
	var want []string
	for i, p := range phrases {
		if i%3 == 1 {
			p = strings.ToUpper(p)
		}
		fmt.Fprintf(&b, "Filler words here; %s, then more.\n", p)
		want = append(want, p)
	}
	text := b.String()
	got := mtchecktest.Flagged(t, text, r)
	if !slices.Equal(got, want) {
		t.Errorf("got %d matches, want %d\nfirst differences: %v", len(got), len(want), phrFirstDiff(got, want))
	}
}

func phrFirstDiff(got, want []string) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf("at %d got %q want %q", i, got[i], want[i])
		}
	}
	return "lengths differ"
}

func TestPhraseRegexAndPhraseOverlap(t *testing.T) {
	r, err := NewPhraseRule(PhraseSpec{
		Name:  "mix",
		Match: []string{"cutting edge", "edge"},
		Regex: []string{`(?i)\bcutting\b`, `\bedge case\b`},
	})
	if err != nil {
		t.Fatal(err)
	}
	text := "A cutting edge tool; an edge case; the edge."
	got := mtchecktest.Flagged(t, text, r)
	// "cutting edge" (phrase, longer) wins over "cutting" (regex) at the
	// same start; "edge case" (regex) wins over "edge" (phrase).
	if want := []string{"cutting edge", "edge case", "edge"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestPhraseNoPanicOnOddInput(t *testing.T) {
	r, err := NewPhraseRule(PhraseSpec{Name: "odd", Match: []string{"a", "ab c", "é"}, Regex: []string{`b`}})
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"", "a", "-", "a-", "-a", "ab", "ab ", "ab\n\nc", "é", "É-", "’a", "a’", "\u0301a", "a\u0301"} {
		mtchecktest.Check(t, text, r)
	}
}

func TestPhraseSpecErrors(t *testing.T) {
	for _, c := range []struct {
		spec  PhraseSpec
		field string
		index int
	}{
		{PhraseSpec{Name: "Bad Name", Match: []string{"x"}}, "name", -1},
		{PhraseSpec{Name: "x"}, "match", -1},
		{PhraseSpec{Name: "x", Match: []string{"ok", "  "}}, "match", 1},
		{PhraseSpec{Name: "x", Match: []string{"-dash"}}, "match", 0},
		{PhraseSpec{Name: "x", Regex: []string{"ok", "(unclosed"}}, "regex", 1},
		{PhraseSpec{Name: "x", Regex: []string{"a*"}}, "regex", 0},
		{PhraseSpec{Name: "x", Match: []string{"y"}, Confidence: 1.5}, "confidence", -1},
		{PhraseSpec{Name: "x", Match: []string{"y"}, Category: "style"}, "category", -1},
		{PhraseSpec{Name: "x", Match: []string{"y"}, Severity: 9}, "severity", -1},
	} {
		_, err := NewPhraseRule(c.spec)
		var pe *PhraseError
		if !errors.As(err, &pe) || pe.Field != c.field || pe.Index != c.index {
			t.Errorf("%+v: got %v, want a %s error at item %d", c.spec, err, c.field, c.index)
		}
	}
}

// phrBenchPhrases returns 200 distinct phrases: common house-style targets
// and made-up ones sharing first words with ordinary English.
func phrBenchPhrases() []string {
	out := []string{
		"in order to", "a number of", "at this point in time", "utilize", "utilise", "going forward",
		"state of the art", "per cent", "the fact that", "due to the fact that", "in the event that",
		"with regard to", "with respect to", "in terms of", "on a daily basis", "at the end of the day",
		"first and foremost", "each and every", "needless to say", "it goes without saying",
		"at the present time", "in spite of the fact", "for the purpose of", "in the near future",
		"a large number of", "the vast majority of", "prior to", "subsequent to", "in close proximity",
		"make use of", "take into consideration", "give rise to", "is able to", "has the ability to",
		"in a timely manner", "on the basis of", "by means of", "in the absence of", "e-mail", "data base",
	}
	firsts := []string{"the", "a", "in", "of", "and", "to", "said", "was", "on", "for"}
	for i := 0; len(out) < 200; i++ {
		out = append(out, fmt.Sprintf("%s zq%03d word", firsts[i%len(firsts)], i))
	}
	return out
}

// BenchmarkPhrase runs a rule of 200 phrases (and one regex, with or
// without a literal to prefilter on) over 1 MB of news-like prose, timing
// the rule's Run alone.
func BenchmarkPhrase(b *testing.B) {
	text := newsText(b, 1<<20)
	for _, c := range []struct {
		name  string
		regex []string
	}{
		{"200phrases", nil},
		{"200phrases+regex", []string{`(?i)\butili[sz]e\b`}},              // prefiltered by "utili"
		{"200phrases+regex-without-literal", []string{`\b\d{3}-\d{4}\b`}}, // whole text
	} {
		r, err := NewPhraseRule(PhraseSpec{Name: "bench", Match: phrBenchPhrases(), Regex: c.regex})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) { mtchecktest.BenchRun(b, text, r) })
	}
}

// FuzzPhrase checks the phrase matcher on arbitrary text: no panics, and
// every match, folded and with white space collapsed, is one of the
// phrases, standing as whole words.
func FuzzPhrase(f *testing.F) {
	phrases := []string{"in order to", "don't", "e-mail", "déjà vu", "a", "İstanbul", "state of the art", "k"}
	r, err := NewPhraseRule(PhraseSpec{Name: "fuzz", Match: phrases, Replace: "x"})
	if err != nil {
		f.Fatal(err)
	}
	want := map[string]bool{}
	for _, p := range phrases {
		want[phrFoldString(p)] = true
	}
	for _, s := range []string{"In order to", "don’t", "E-MAIL", "DÉJÀ  VU", "a-b a", "İSTANBUL istanbul", "state of\nthe art", "\u212a", "a\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		for _, d := range mtchecktest.Check(t, text, r).Diagnostics {
			m := text[d.Start:d.End]
			if !want[phrFoldString(m)] {
				t.Errorf("match %q is none of the phrases", m)
			}
			if !phrStartBoundary(text, d.Start) {
				t.Errorf("match %q starts inside a word", m)
			}
			if prev, _ := utf8.DecodeLastRuneInString(text[:d.Start]); d.Start > 0 && phrIsWord(prev) {
				t.Errorf("match %q follows a word character", m)
			}
		}
	})
}

func phrFoldString(s string) string {
	var b strings.Builder
	for i, f := range strings.Fields(s) {
		if i > 0 {
			b.WriteByte(' ')
		}
		for _, r := range f {
			b.WriteRune(phrFold(r))
		}
	}
	return b.String()
}

// TestPhraseSeed: the seed article uses none of the test rules' phrases,
// so all three house rules stay quiet on it.
func TestPhraseSeed(t *testing.T) {
	text := mtchecktest.Seed(t)
	for _, r := range phrTestRules(t) {
		if rep := mtchecktest.Check(t, text, r); len(rep.Diagnostics) != 0 {
			t.Errorf("%s flagged %d places in the seed", r.Name, len(rep.Diagnostics))
		}
	}
}

// phrDiffRegexes are expressions for comparing the prefiltered search with
// a plain one.
var phrDiffRegexes = []string{
	`(?i)\butili[sz](e|es|ed|ing)\b`, `\bcolou?r\b`, `(?i)in order to`, `\d{3}-\d{4}`,
	`(?i)\bthe\s{1,3}the\b`, `x(ab|cd)xyz`, `(?s)foo.{0,5}bar`, `(?i)straße`, `é+tude`,
	`(?i)\bkilo\b`, `(?m)^abc`, `(abc){2}\B`, `(?i)ab[^x]{0,3}cd`, `aaa`,
}

func TestPhraseRegexPrefilter(t *testing.T) {
	for expr, want := range map[string]string{
		`(?i)\butili[sz](e|es|ed|ing)\b`: "utili",
		`\bcolou?r\b`:                    "colo",
		`(?i)in order to`:                "in order to",
		`\d{3}-\d{4}`:                    "",
		`(?s)foo.{0,5}bar`:               "foo",
		`(?i)straße`:                     "", // ß folds beyond ASCII
		`(?i)\bkilo\b`:                   "", // k matches the Kelvin sign
		`é+tude`:                         "", // unbounded
		`(?m)^abc`:                       "", // anchors
		`(abc){2}`:                       "abc",
	} {
		if got := phrNewRegex(regexp.MustCompile(expr)).lit; got != want {
			t.Errorf("%s: prefilter literal %q, want %q", expr, got, want)
		}
	}
}

// FuzzPhraseRegex checks that the prefiltered search finds exactly what a
// search over the whole text finds.
func FuzzPhraseRegex(f *testing.F) {
	var rs []phrRegex
	for _, e := range phrDiffRegexes {
		rs = append(rs, phrNewRegex(regexp.MustCompile(e)))
	}
	for _, s := range []string{
		"Utilized and UTILISING, utilize-d, reutilize", "colour color colouur", "in ORDER to in order  to",
		"the  the THE\nthe", "xabxyz xcdxyz", "foo12345bar foobar", "STRASSE straße", "éétude", "KILO \u212aILO",
		"abc\nabc", "abcabcabcabcd", "ab12cd abxcd",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		for _, r := range rs {
			got := r.findAll(text, true)
			want := r.re.FindAllStringSubmatchIndex(text, -1)
			if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
				t.Errorf("%s on %q: got %v, want %v", r.re, text, got, want)
			}
		}
	})
}

func TestPhraseRegexPrefilterLongText(t *testing.T) {
	text := newsText(t, 200<<10)
	// Sprinkle matches of every expression, some next to each other.
	var b strings.Builder
	bits := []string{"Utilized", "colour", "in order to", "555-1234", "the the", "xabxyz", "foo--bar", "abcabc", "ab12cd", "aaaa"}
	for i, para := range strings.SplitAfter(text, "\n\n") {
		b.WriteString(para)
		b.WriteString(bits[i%len(bits)])
		if i%3 == 0 {
			b.WriteString(bits[(i+1)%len(bits)])
		}
		b.WriteString(" ")
	}
	text = b.String()
	for _, e := range phrDiffRegexes {
		r := phrNewRegex(regexp.MustCompile(e))
		got, want := r.findAll(text, true), r.re.FindAllStringSubmatchIndex(text, -1)
		if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
			t.Errorf("%s: %d matches, want %d", e, len(got), len(want))
		}
		if len(want) == 0 && e != `(?i)straße` && e != `é+tude` && e != `(?i)\bkilo\b` && e != `(?m)^abc` {
			t.Errorf("%s: the text has no match; the comparison is empty", e)
		}
	}
}
