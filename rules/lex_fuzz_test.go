package rules

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// FuzzLexRules runs tortured-phrase and encoding on arbitrary text: no
// panics, spans and fix edits on UTF-8 boundaries, fixed text valid UTF-8.
func FuzzLexRules(f *testing.F) {
	for _, s := range []string{
		"", "â€", "Ã", "Â", "Ã©tÃ©", "ItÃ¢â‚¬â„¢s", "a\u200bb", "\ufeffx\ufeff", "\f", "x\fy", "\x01",
		"The minister said 確認した on Monday.", "«мир» (peace)", "Mоscow", "βόλος.com", "α-β",
		"a profound learning model with neural data", "An irregular woodland", "counterfeit\nconsciousness",
		"flag-to-commotion", "Parkinson’s illness", "ที่สวยงาม", "\u0085\u009d", "ç¢ºèª",
	} {
		f.Add(s)
	}
	c, err := mtcheck.New([]*mtcheck.Rule{TorturedPhrase, Encoding})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		rep, err := c.Check(context.Background(), text)
		if err != nil {
			t.Fatal(err)
		}
		boundary := func(off int) bool { return off == len(text) || off < len(text) && utf8.RuneStart(text[off]) }
		for _, d := range rep.Diagnostics {
			if d.Start < 0 || d.End > len(text) || d.Start >= d.End || !boundary(d.Start) || !boundary(d.End) {
				t.Fatalf("bad span %v for %q", d.Span, text)
			}
			for _, fx := range d.Fixes {
				for _, e := range fx.Edits {
					if e.Start < 0 || e.End > len(text) || e.Start > e.End || !boundary(e.Start) || !boundary(e.End) {
						t.Fatalf("bad edit %v for %q", e.Span, text)
					}
				}
			}
		}
		if fixed := mtcheck.ApplyFixes(text, rep.Diagnostics, false).Text; !utf8.ValidString(fixed) {
			t.Fatalf("fixed text is not valid UTF-8: %q", fixed)
		}
	})
}
