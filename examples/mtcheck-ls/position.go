package main

import (
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// converter maps between byte offsets in a text and LSP positions in the
// negotiated encoding: UTF-16 code units (the LSP default) or bytes
// ("utf-8"). Lines end at "\n"; a "\r" before it belongs to the line
// terminator, so "\r\n" files have the same positions as "\n" files.
type converter struct {
	doc  *mtcheck.Document
	utf8 bool
}

// position returns the LSP position of byte offset off.
func (c converter) position(off int) position {
	p := c.doc.Position(off)
	col := p.UTF16Column
	if c.utf8 {
		col = p.ByteColumn
	}
	return position{Line: p.Line - 1, Character: col - 1}
}

// rangeOf returns the LSP range of a span.
func (c converter) rangeOf(s mtcheck.Span) lspRange {
	return lspRange{Start: c.position(s.Start), End: c.position(s.End)}
}

// offset returns the byte offset of an LSP position. Lines past the end
// resolve to the end of the text, characters past the end of a line to the
// line's end (before its terminator), and a position inside a character to
// that character's start (UTF-8) or end (inside a UTF-16 surrogate pair).
func (c converter) offset(p position) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= c.doc.LineCount() {
		return c.doc.Len()
	}
	ch := max(p.Character, 0)
	if !c.utf8 {
		return c.doc.OffsetOfUTF16(p.Line+1, ch+1)
	}
	ln := c.doc.Line(p.Line + 1)
	off := min(ln.Start+ch, ln.End)
	text := c.doc.Text()
	for off > ln.Start && off < len(text) && !utf8.RuneStart(text[off]) {
		off--
	}
	return off
}
