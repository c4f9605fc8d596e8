package rules

import (
	"context"
	"strings"
	"testing"
	"time"
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

// TestLexRulesLinear checks that adversarial inputs of 1 MB take about as
// long as ordinary text: nothing in either rule is quadratic.
func TestLexRulesLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	c, err := mtcheck.New([]*mtcheck.Rule{TorturedPhrase, Encoding})
	if err != nil {
		t.Fatal(err)
	}
	const size = 1 << 20
	for name, unit := range map[string]string{
		"cyrillic-digit token": "а1",
		"one long line":        "мир the ",
		"lines":                "мир\n",
		"homoglyphs":           "aаbс",
		"mojibake":             "Ã©",
		"replacement":          "\ufffd",
		"first words":          "profound ",
		"gated phrase":         "profound learning ",
		"spaces":               "counterfeit" + strings.Repeat(" ", 1000),
		"cjk":                  "確認した",
		"spaced runs":          "Officials said мир on Monday, aides told us. ",
		"quoted cjk":           "the «確» said ",
	} {
		text := strings.Repeat(unit, size/len(unit))
		start := time.Now()
		if _, err := c.Check(context.Background(), text); err != nil {
			t.Fatal(err)
		}
		// Generous for a loaded machine: ordinary text takes about 10 ms, the
		// worst of these about a second, a quadratic path hours.
		d := time.Since(start)
		t.Logf("%s: %v", name, d)
		if d > 20*time.Second {
			t.Errorf("%s: %v for 1 MB", name, d)
		}
	}
}
