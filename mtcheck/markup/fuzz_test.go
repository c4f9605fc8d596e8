package markup

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
)

func onBoundary(s string, off int) bool {
	return off >= 0 && off <= len(s) && (off == len(s) || utf8.RuneStart(s[off]))
}

// FuzzExtract checks that extraction never panics and that every span and
// edit it maps lies in the source on UTF-8 boundaries, for Markdown and
// HTML (and plain text).
func FuzzExtract(f *testing.F) {
	seeds := []string{
		"", "a", "&", "&amp", "&#", "&#x;", "\\", "<", "<!--", "<!-- mtcheck-disable -->",
		"# h\n\n- a\n- b\n\n> q\n\n```\nc\n```\n",
		"**a.**_B_ `c` [d](e \"f\") ![g](h) <i>j</i> www.k.com &eacute;\\*",
		"---\nfm\n---\ntext", "+++\nx\n+++\n", "| a | b |\n|---|---|\n| c \\| d | é |\n",
		"<p>caf&eacute;&NotEqualTilde;<br>x<script>y</script><code>z</code></p>",
		"<pre><code>a</code></pre><!-- c --><img alt=x>é",
		"  \n\t\n  x  \n", "text  \nhard\\\nbreak\n", "<div>\n\n*md*\n\n</div>\n",
	}
	for _, name := range []string{"quiet.md", "flagged.md", "quiet.html", "flagged.html", "fix.md", "fix.html"} {
		if b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "markup", name)); err == nil {
			seeds = append(seeds, string(b))
		}
	}
	for _, s := range seeds {
		f.Add(s)
	}
	c, err := mtcheck.New([]*mtcheck.Rule{tehRule, glueRule, spacingRule, repeatRule, everyParagraphRule})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if mtcheck.ValidateText([]byte(src)) != nil {
			if _, err := Extract(Markdown, src); err == nil {
				t.Fatal("invalid text accepted")
			}
			return
		}
		for _, kind := range []Kind{Markdown, HTML, Text} {
			x, err := Extract(kind, src)
			if err != nil {
				t.Fatalf("%v: %v", kind, err)
			}
			if err := x.checkInvariants(); err != nil {
				t.Fatalf("%v: %v\ncheck text %q", kind, err, x.Text)
			}
			if !utf8.ValidString(x.Text) {
				t.Fatalf("%v: check text not valid UTF-8", kind)
			}
			// Map every span between rune boundaries a few bytes apart.
			var offs []int
			for i := range x.Text {
				offs = append(offs, i)
			}
			offs = append(offs, len(x.Text))
			for i, a := range offs {
				for j := i; j < len(offs) && j <= i+4; j++ {
					b := offs[j]
					sp := x.SourceSpan(mtcheck.Span{Start: a, End: b})
					if sp.Start > sp.End || !onBoundary(src, sp.Start) || !onBoundary(src, sp.End) {
						t.Fatalf("%v: span [%d,%d) maps to %v", kind, a, b, sp)
					}
					for _, repl := range []string{"x", ""} {
						if e, ok := x.mapEdit(mtcheck.TextEdit{Span: mtcheck.Span{Start: a, End: b}, NewText: repl}); ok {
							if e.Start > e.End || !onBoundary(src, e.Start) || !onBoundary(src, e.End) {
								t.Fatalf("%v: edit [%d,%d) maps to %v", kind, a, b, e.Span)
							}
						}
					}
				}
			}
			rep, err := Check(context.Background(), c, kind, src)
			if err != nil {
				t.Fatalf("%v: Check: %v", kind, err)
			}
			for _, d := range rep.Diagnostics {
				if d.Start > d.End || !onBoundary(src, d.Start) || !onBoundary(src, d.End) {
					t.Fatalf("%v: diagnostic at %v", kind, d.Span)
				}
			}
			fixed := mtcheck.ApplyFixes(src, rep.Diagnostics, true)
			if !utf8.ValidString(fixed.Text) {
				t.Fatalf("%v: fixed text not valid UTF-8", kind)
			}
			if kind == Text && len(x.Directives) == 0 && x.Text != src {
				t.Fatalf("plain text changed: %q", x.Text)
			}
			if kind != Text && strings.Contains(x.Text, "\n\n\n") {
				t.Fatalf("%v: check text has more than one blank line in a row: %q", kind, x.Text)
			}
		}
	})
}

// everyParagraphRule offers to delete every paragraph with the blank lines
// after it, so the fuzzer exercises whole-block deletions.
var everyParagraphRule = &mtcheck.Rule{
	Name: "every-paragraph",
	Run: func(p *mtcheck.Pass) error {
		paras := p.Doc.Paragraphs()
		for i, para := range paras {
			end := p.Doc.Len()
			if i+1 < len(paras) {
				end = paras[i+1].Start
			}
			p.Reportf(para, 0.5, []mtcheck.Fix{mtcheck.DeleteFix("delete", mtcheck.Span{Start: para.Start, End: end}, true)}, "paragraph")
		}
		return nil
	},
}
