package mtcheck

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Document is a text under check together with its derived layers. Lines and
// paragraphs are cheap; sentences, tokens, tags and entities are computed on
// first request and cached. A Document is safe for concurrent use.
type Document struct {
	text string

	linesOnce  sync.Once
	lineStarts []int // byte offset where each line starts

	cpOnce      sync.Once
	checkpoints []checkpoint

	paraOnce   sync.Once
	paragraphs []Span

	nlp nlpLayers
}

// NewDocument returns a document for text. The text is not validated; use
// [ValidateText] on input of unknown origin.
func NewDocument(text string) *Document {
	return &Document{text: text}
}

// Text returns the document's text.
func (d *Document) Text() string { return d.text }

// Len returns the length of the text in bytes.
func (d *Document) Len() int { return len(d.text) }

func (d *Document) lines() []int {
	d.linesOnce.Do(func() {
		starts := make([]int, 1, 1+strings.Count(d.text, "\n"))
		for i := 0; ; {
			j := strings.IndexByte(d.text[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			starts = append(starts, i)
		}
		d.lineStarts = starts
	})
	return d.lineStarts
}

// LineCount returns the number of lines; a text ending in a newline has an
// empty last line.
func (d *Document) LineCount() int { return len(d.lines()) }

// Line returns the span of 1-based line n without its line terminator
// ("\n" or "\r\n").
func (d *Document) Line(n int) Span {
	starts := d.lines()
	if n < 1 || n > len(starts) {
		return Span{len(d.text), len(d.text)}
	}
	start := starts[n-1]
	end := len(d.text)
	if n < len(starts) {
		end = starts[n] - 1
		if end > start && d.text[end-1] == '\r' {
			end--
		}
	}
	return Span{start, end}
}

// Lines returns the spans of all lines, without line terminators.
func (d *Document) Lines() []Span {
	n := d.LineCount()
	out := make([]Span, n)
	for i := range out {
		out[i] = d.Line(i + 1)
	}
	return out
}

// LineOf returns the 1-based line that contains byte offset off.
func (d *Document) LineOf(off int) int {
	starts := d.lines()
	return sort.Search(len(starts), func(i int) bool { return starts[i] > off })
}

// Paragraphs returns the spans of maximal runs of non-blank lines. A line is
// blank when it holds only white space.
func (d *Document) Paragraphs() []Span {
	d.paraOnce.Do(func() {
		var out []Span
		open := false
		var cur Span
		for n := 1; n <= d.LineCount(); n++ {
			ln := d.Line(n)
			if strings.TrimSpace(d.text[ln.Start:ln.End]) == "" {
				if open {
					out = append(out, cur)
					open = false
				}
				continue
			}
			if !open {
				cur = ln
				open = true
			} else {
				cur.End = ln.End
			}
		}
		if open {
			out = append(out, cur)
		}
		d.paragraphs = out
	})
	return d.paragraphs
}

// Position is a place in a document: its byte offset and the derived 1-based
// line and columns. Column counts characters (runes); UTF16Column counts
// UTF-16 code units as LSP and SARIF clients expect; ByteColumn counts bytes.
type Position struct {
	Offset      int `json:"offset"`
	Line        int `json:"line"`
	Column      int `json:"column"`
	UTF16Column int `json:"utf16Column"`
	ByteColumn  int `json:"byteColumn"`
}

// checkpoint records rune and UTF-16 counts from the start of the text up to
// a rune boundary, so that positions on long lines cost O(checkpointStride).
type checkpoint struct {
	off, runes, utf16 int
}

const checkpointStride = 2048

func (d *Document) checkpointsList() []checkpoint {
	d.cpOnce.Do(func() {
		cps := make([]checkpoint, 1, len(d.text)/checkpointStride+1)
		next := checkpointStride
		runes, u16 := 0, 0
		for i := 0; i < len(d.text); {
			if i >= next {
				cps = append(cps, checkpoint{i, runes, u16})
				next = i + checkpointStride
			}
			c := d.text[i]
			if c < utf8.RuneSelf {
				i++
				runes++
				u16++
				continue
			}
			r, size := utf8.DecodeRuneInString(d.text[i:])
			i += size
			runes++
			if r >= 0x10000 && size == 4 {
				u16 += 2
			} else {
				u16++
			}
		}
		d.checkpoints = cps
	})
	return d.checkpoints
}

// counts returns the number of runes and UTF-16 units before offset off.
// An offset inside a multi-byte rune counts that rune as not yet begun.
func (d *Document) counts(off int) (runes, u16 int) {
	cps := d.checkpointsList()
	k := sort.Search(len(cps), func(i int) bool { return cps[i].off > off }) - 1
	cp := cps[k]
	runes, u16 = cp.runes, cp.utf16
	for i := cp.off; i < off; {
		c := d.text[i]
		if c < utf8.RuneSelf {
			i++
			runes++
			u16++
			continue
		}
		r, size := utf8.DecodeRuneInString(d.text[i:])
		if i+size > off {
			break
		}
		i += size
		runes++
		if r >= 0x10000 && size == 4 {
			u16 += 2
		} else {
			u16++
		}
	}
	return runes, u16
}

// Position converts a byte offset to a position. Offsets outside the text are
// clamped to it.
func (d *Document) Position(off int) Position {
	if off < 0 {
		off = 0
	}
	if off > len(d.text) {
		off = len(d.text)
	}
	line := d.LineOf(off)
	start := d.lines()[line-1]
	r1, u1 := d.counts(start)
	r2, u2 := d.counts(off)
	return Position{Offset: off, Line: line, Column: r2 - r1 + 1, UTF16Column: u2 - u1 + 1, ByteColumn: off - start + 1}
}

// OffsetOfUTF16 converts a 1-based line and 1-based UTF-16 column (as LSP
// clients send them) to a byte offset. Positions past the end of a line
// resolve to the line's end.
func (d *Document) OffsetOfUTF16(line, col int) int {
	return d.offsetOf(line, col, true)
}

// OffsetOfRune converts a 1-based line and 1-based rune column to a byte
// offset. Positions past the end of a line resolve to the line's end.
func (d *Document) OffsetOfRune(line, col int) int {
	return d.offsetOf(line, col, false)
}

func (d *Document) offsetOf(line, col int, utf16 bool) int {
	if line < 1 {
		return 0
	}
	if line > d.LineCount() {
		return len(d.text)
	}
	ln := d.Line(line)
	units := 1
	for i := ln.Start; i < ln.End; {
		if units >= col {
			return i
		}
		r, size := utf8.DecodeRuneInString(d.text[i:])
		if utf16 && r >= 0x10000 && size == 4 {
			units += 2
		} else {
			units++
		}
		i += size
	}
	return ln.End
}
