package mtcheck

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

func checkSpan(t *testing.T, what string, text string, s Span) {
	t.Helper()
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		t.Fatalf("%s span %v outside text of %d bytes", what, s, len(text))
	}
	if s.Start < len(text) && !utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End]) {
		t.Fatalf("%s span %v splits a rune", what, s)
	}
}

// FuzzDocument feeds arbitrary text, invalid UTF-8 included, to the document
// layers: no panic, every span in bounds and on rune boundaries, positions
// consistent with offsets.
func FuzzDocument(f *testing.F) {
	for _, s := range []string{
		"", "a", "Hello.World", "“”[But] x. “\n\nNext “para”.", "don't… ’90s rock ’n’ roll",
		"\xff\xfe", "é\r\n\r\n😀 x.y", "U.S. e.g. 3.5 example.com", strings.Repeat("word ", 50),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := NewDocument(text)
		valid := utf8.ValidString(text)
		for _, p := range d.Paragraphs() {
			if valid {
				checkSpan(t, "paragraph", text, p)
			}
		}
		prev := Position{Line: 1, Column: 1}
		for off := 0; off <= len(text); off++ {
			p := d.Position(off)
			if p.Line < prev.Line || p.Line > d.LineCount() || p.Column < 1 || p.UTF16Column < p.Column {
				t.Fatalf("bad position %+v at %d (previous %+v)", p, off, prev)
			}
			prev = p
			// Offsets inside a line terminator do not round-trip.
			if valid && utf8.RuneStart(safeByte(text, off)) && off <= d.Line(p.Line).End {
				if back := d.OffsetOfUTF16(p.Line, p.UTF16Column); back != off {
					t.Fatalf("offset %d -> %+v -> %d", off, p, back)
				}
			}
		}
		if !valid {
			return // the checker refuses invalid UTF-8 before any layer runs
		}
		for _, s := range d.Sentences() {
			checkSpan(t, "sentence", text, s.Span)
		}
		for _, tk := range d.Tokens() {
			checkSpan(t, "token", text, tk.Span)
			if tk.Text != text[tk.Start:tk.End] {
				t.Fatalf("token text %q differs from source %q", tk.Text, text[tk.Start:tk.End])
			}
		}
	})
}

func safeByte(s string, i int) byte {
	if i >= len(s) {
		return 0
	}
	return s[i]
}

// FuzzCheckCore runs a checker with fix-producing test rules on arbitrary
// input: no panic, an error only for invalid UTF-8, fixes keep text valid.
func FuzzCheckCore(f *testing.F) {
	f.Add("teh cat. teh")
	f.Add("\xffteh")
	c, err := New([]*Rule{wordRule("a", "teh", "the", 1), wordRule("b", "eh", "", 0.5)})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		rep, err := c.Check(context.Background(), text)
		if !utf8.ValidString(text) {
			if err == nil {
				t.Fatal("invalid UTF-8 accepted")
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		res := ApplyFixes(text, rep.Diagnostics, false)
		if !utf8.ValidString(res.Text) {
			t.Fatalf("fixes broke UTF-8: %q", res.Text)
		}
	})
}
