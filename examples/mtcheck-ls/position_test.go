package main

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
)

func TestConverterRoundTrip(t *testing.T) {
	texts := []string{
		"",
		"plain\nascii\n",
		"a — b 🚢 c\r\nd 🇯🇵 é\r\n\r\nlast",
		"\n\n🚢",
		"tail without newline é",
	}
	for _, text := range texts {
		for _, u8 := range []bool{false, true} {
			c := converter{doc: mtcheck.NewDocument(text), utf8: u8}
			for off := 0; off <= len(text); off++ {
				if off < len(text) && (text[off]&0xC0 == 0x80) {
					continue // not a character boundary
				}
				p := c.position(off)
				if want := lspPos(text, off, u8); p != want && !(off > 0 && text[off-1] == '\r') {
					t.Errorf("%q utf8=%v: position(%d) = %+v, want %+v", text, u8, off, p, want)
				}
				back := c.offset(p)
				if back != off && !(off < len(text) && text[off] == '\n' && off > 0 && text[off-1] == '\r') {
					t.Errorf("%q utf8=%v: offset(position(%d)=%+v) = %d", text, u8, off, p, back)
				}
			}
		}
	}
}

func TestConverterClamps(t *testing.T) {
	text := "ab🚢cd\r\nxyz\n"
	for _, tc := range []struct {
		p    position
		utf8 bool
		want int
	}{
		{position{-1, 5}, false, 0},
		{position{0, -3}, false, 0},
		{position{0, 99}, false, strings.Index(text, "\r")}, // past the line: before its "\r\n"
		{position{0, 3}, false, strings.Index(text, "cd")},  // inside the surrogate pair: after the emoji
		{position{0, 3}, true, strings.Index(text, "🚢")},    // inside the UTF-8 sequence: its start
		{position{0, 6}, true, strings.Index(text, "cd")},
		{position{1, 99}, true, strings.Index(text, "xyz") + 3},
		{position{2, 0}, false, len(text)},
		{position{50, 0}, false, len(text)},
	} {
		c := converter{doc: mtcheck.NewDocument(text), utf8: tc.utf8}
		if got := c.offset(tc.p); got != tc.want {
			t.Errorf("offset(%+v, utf8=%v) = %d, want %d", tc.p, tc.utf8, got, tc.want)
		}
	}
}

// FuzzConverter checks that any LSP position maps to a character boundary
// inside the text, and that boundaries survive the round trip.
func FuzzConverter(f *testing.F) {
	f.Add("a — b 🚢 c\r\nd", 0, 5, true)
	f.Add("\n\n🚢\r\n", 2, 1, false)
	f.Fuzz(func(t *testing.T, text string, line, char int, u8 bool) {
		if !utf8.ValidString(text) {
			return
		}
		c := converter{doc: mtcheck.NewDocument(text), utf8: u8}
		off := c.offset(position{line, char})
		if off < 0 || off > len(text) || (off < len(text) && !utf8.RuneStart(text[off])) {
			t.Fatalf("offset(%d, %d) = %d: not a boundary of %q", line, char, off, text)
		}
		p := c.position(off)
		if back := c.offset(p); back != off && !(off > 0 && text[off-1] == '\r') {
			t.Fatalf("offset(position(%d) = %+v) = %d in %q", off, p, back, text)
		}
	})
}

// FuzzDecode feeds arbitrary bytes to the framing reader and decoder.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("Content-Length: 2\r\n\r\n{}"))
	f.Add([]byte("Content-Length: 40\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}"))
	f.Fuzz(func(t *testing.T, in []byte) {
		rd := newReader(bytes.NewReader(in))
		for i := 0; i < 10; i++ {
			body, err := rd.read()
			if err != nil {
				return
			}
			if m, rerr := decode(body); rerr == nil && m == nil {
				t.Fatal("no message and no error")
			}
		}
	})
}
