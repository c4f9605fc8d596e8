package markup

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// Small rules of the tests' own, standing in for the real ones.

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// wordAt reports whether text[i:i+len(w)] is the whole word w.
func wordAt(text string, i int, w string) bool {
	if !strings.HasPrefix(text[i:], w) {
		return false
	}
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		if isWordRune(r) {
			return false
		}
	}
	if j := i + len(w); j < len(text) {
		r, _ := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) {
			return false
		}
	}
	return true
}

// tehRule flags the word "teh" and offers to replace it with "the".
var tehRule = &mtcheck.Rule{
	Name:     "teh",
	Category: mtcheck.Spacing,
	Run: func(p *mtcheck.Pass) error {
		text := p.Text()
		for i := 0; ; {
			j := strings.Index(text[i:], "teh")
			if j < 0 {
				return nil
			}
			i += j
			if wordAt(text, i, "teh") {
				sp := mtcheck.Span{Start: i, End: i + 3}
				p.Reportf(sp, 0.9, []mtcheck.Fix{mtcheck.ReplaceFix("replace with \"the\"", sp, "the", true)}, "\"teh\" is a typo")
			}
			i += 3
		}
	},
}

// glueRule flags "word.Word" and offers to insert a space after the dot.
var glueRule = &mtcheck.Rule{
	Name:     "glue",
	Category: mtcheck.Spacing,
	Run: func(p *mtcheck.Pass) error {
		text := p.Text()
		for i := 1; i+1 < len(text); i++ {
			if text[i] != '.' {
				continue
			}
			before, _ := utf8.DecodeLastRuneInString(text[:i])
			after, _ := utf8.DecodeRuneInString(text[i+1:])
			if !unicode.IsLower(before) || !unicode.IsUpper(after) {
				continue
			}
			s := i
			for s > 0 {
				r, n := utf8.DecodeLastRuneInString(text[:s])
				if !unicode.IsLetter(r) {
					break
				}
				s -= n
			}
			e := i + 1
			for e < len(text) {
				r, n := utf8.DecodeRuneInString(text[e:])
				if !unicode.IsLetter(r) {
					break
				}
				e += n
			}
			p.Reportf(mtcheck.Span{Start: s, End: e}, 0.95, []mtcheck.Fix{mtcheck.InsertFix("insert a space", i+1, " ", true)},
				"missing space in %q", text[s:e])
		}
		return nil
	},
}

// spacingRule flags runs of two spaces between words and a space before
// ",", ".", ":" or ";": the findings markup blanked to spaces would cause.
var spacingRule = &mtcheck.Rule{
	Name:     "spacing",
	Category: mtcheck.Spacing,
	Run: func(p *mtcheck.Pass) error {
		text := p.Text()
		for i := 1; i+1 < len(text); i++ {
			if text[i] != ' ' || text[i-1] == ' ' || text[i-1] == '\n' {
				continue
			}
			j := i
			for j < len(text) && text[j] == ' ' {
				j++
			}
			if j == len(text) || text[j] == '\n' {
				continue
			}
			if j-i >= 2 {
				p.Reportf(mtcheck.Span{Start: i, End: j}, 0.8, []mtcheck.Fix{mtcheck.ReplaceFix("one space", mtcheck.Span{Start: i, End: j}, " ", true)}, "doubled space")
			} else if strings.IndexByte(",.:;", text[j]) >= 0 {
				p.Reportf(mtcheck.Span{Start: i, End: j}, 0.8, []mtcheck.Fix{mtcheck.DeleteFix("remove the space", mtcheck.Span{Start: i, End: j}, true)}, "space before %q", text[j])
			}
		}
		return nil
	},
}

// repeatRule flags a word repeated after a space and offers to delete the
// second copy with the space before it.
var repeatRule = &mtcheck.Rule{
	Name:     "repeat",
	Category: mtcheck.Duplication,
	Run: func(p *mtcheck.Pass) error {
		text := p.Text()
		prevS, prevE := -1, -1
		for i := 0; i < len(text); {
			r, n := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) {
				i += n
				continue
			}
			s := i
			for i < len(text) {
				r, n := utf8.DecodeRuneInString(text[i:])
				if !isWordRune(r) {
					break
				}
				i += n
			}
			if prevS >= 0 && text[prevE:s] == " " && strings.EqualFold(text[prevS:prevE], text[s:i]) {
				p.Report(mtcheck.Diagnostic{
					Span: mtcheck.Span{Start: prevS, End: i}, Confidence: 0.9,
					Message: "repeated word " + text[s:i],
					Fixes:   []mtcheck.Fix{mtcheck.DeleteFix("delete the repeat", mtcheck.Span{Start: prevE, End: i}, true)},
					Related: []mtcheck.Span{{Start: prevS, End: prevE}},
				})
			}
			prevS, prevE = s, i
		}
		return nil
	},
}

func newChecker(t testing.TB, rules ...*mtcheck.Rule) *mtcheck.Checker {
	t.Helper()
	if len(rules) == 0 {
		rules = []*mtcheck.Rule{tehRule, glueRule, spacingRule, repeatRule}
	}
	c, err := mtcheck.New(rules)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func check(t testing.TB, kind Kind, src string, rules ...*mtcheck.Rule) *mtcheck.Report {
	t.Helper()
	rep, err := Check(context.Background(), newChecker(t, rules...), kind, src)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range rep.Diagnostics {
		if d.Start < 0 || d.End > len(src) || d.Start > d.End {
			t.Fatalf("diagnostic %s %v outside the source", d.Rule, d.Span)
		}
	}
	return rep
}

func describe(src string, rep *mtcheck.Report) string {
	var b strings.Builder
	for _, d := range rep.Diagnostics {
		pos := rep.Position(d.Start)
		fmt.Fprintf(&b, "%s %q at %d:%d; ", d.Rule, src[d.Start:d.End], pos.Line, pos.Column)
	}
	return b.String()
}
