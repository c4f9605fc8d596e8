package markup

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// Kind is the markup language of a document.
type Kind uint8

// The supported kinds of document.
const (
	// Text is plain text: checked as it is, apart from suppression lines.
	Text Kind = iota
	// Markdown is CommonMark with GitHub tables, strikethrough and autolinks.
	Markdown
	// HTML is an HTML document or fragment.
	HTML
)

// String returns "text", "markdown" or "html".
func (k Kind) String() string {
	switch k {
	case Text:
		return "text"
	case Markdown:
		return "markdown"
	case HTML:
		return "html"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// ParseKind returns the kind called s ("text", "markdown" or "md", "html").
func ParseKind(s string) (Kind, error) {
	switch strings.ToLower(s) {
	case "text", "txt", "plain":
		return Text, nil
	case "markdown", "md":
		return Markdown, nil
	case "html", "htm":
		return HTML, nil
	}
	return Text, fmt.Errorf("unknown markup kind %q (want text, markdown or html)", s)
}

// KindFromPath returns the kind of a file from its extension: .md and
// .markdown are Markdown, .html and .htm are HTML, anything else is Text.
func KindFromPath(path string) Kind {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown":
		return Markdown
	case ".html", ".htm":
		return HTML
	}
	return Text
}

// pieceKind says how a piece of check text relates to the source.
type pieceKind uint8

const (
	// pCopy: the check text equals the source bytes, byte for byte.
	pCopy pieceKind = iota
	// pAtom: an indivisible replacement, e.g. a decoded character reference,
	// a backslash escape or a collapsed run of HTML white space. Offsets
	// inside it map to its whole source span; edits must not cut it.
	pAtom
	// pBreak: a separator the front-end added where a block ends; it has no
	// source bytes.
	pBreak
	// pOpaque: a placeholder word standing for code, an image or a URL.
	// Findings that start or end at it are dropped.
	pOpaque
)

// piece maps the check text [t0,t1) to the source [s0,s1).
type piece struct {
	t0, t1 int
	s0, s1 int
	// ins is where an insertion at t0 goes in the source when markup was
	// skipped between the previous piece and this one.
	ins  int
	kind pieceKind
	// ws marks collapsible white space, dropped again at a block's end.
	ws bool
}

// Extracted is the prose of a document: the check text the rules see and
// the map from it back to the source.
type Extracted struct {
	// Kind is the document's markup language.
	Kind Kind
	// Source is the original document.
	Source string
	// Text is the check text: the prose as a reader sees it, with markup,
	// code, URLs and front matter left out, character references decoded,
	// and blank lines where blocks end.
	Text string
	// Directives are the suppression comments found in the source.
	Directives []Directive

	pieces []piece
	blocks []block
}

// block is a paragraph of the check text (between breaks) with, when the
// front-end knows it, the source span whose deletion removes the block
// cleanly, markup and all (e.g. "<p>…</p>" or "- item\n").
type block struct {
	t0, t1 int
	s0, s1 int // s0 < 0: unknown
}

// Placeholders stand for content that is not checked but takes a word's
// place in the sentence around it. Each is the kind's word followed by
// five lowercase letters derived from the content, so that two lines
// differing only in their code do not read as duplicates, while identical
// code still gives identical words.
const (
	codePlaceholder  = "code"
	imagePlaceholder = "image"
	linkPlaceholder  = "link"
)

// placeholder returns the placeholder word for content.
func placeholder(word, content string) string {
	h := uint32(2166136261)
	for i := 0; i < len(content); i++ {
		h ^= uint32(content[i])
		h *= 16777619
	}
	var buf [16]byte
	n := copy(buf[:], word)
	for range 5 {
		buf[n] = byte('a' + h%26)
		h /= 26
		n++
	}
	return string(buf[:n])
}

// Extract returns the prose of src, a document of the given kind. It fails
// only for text that is not valid UTF-8 or holds NUL bytes.
func Extract(kind Kind, src string) (*Extracted, error) {
	if err := mtcheck.ValidateText([]byte(src)); err != nil {
		return nil, err
	}
	b := newBuilder(src)
	switch kind {
	case Markdown:
		extractMarkdown(b)
	case HTML:
		h := newHTMLState(b)
		b.pos = bomLen(src)
		h.run(b.pos, len(src))
		h.reset()
	default:
		extractText(b)
	}
	if kind != Text {
		b.finish()
	}
	return &Extracted{Kind: kind, Source: src, Text: string(b.buf), Directives: b.directives, pieces: b.pieces, blocks: b.blocks}, nil
}

// builder assembles the check text and its pieces in source order.
type builder struct {
	src    string
	buf    []byte
	pieces []piece
	// pos is the source offset after the last piece's source bytes.
	pos int
	// opener is the source offset of the first inline opener (an emphasis
	// delimiter, "[" or a start tag) skipped since the last piece, or -1.
	opener     int
	directives []Directive

	blocks []block
	// blockT0 is where the current block began in the check text, and
	// blockPrev the source offset after the previous block's pieces.
	blockT0, blockPrev int
	// blockSrc is the clean source span of the block about to end, set by
	// the front-end just before brk; s0 < 0 when unknown.
	blockSrc block
}

func newBuilder(src string) *builder {
	return &builder{src: src, opener: -1, buf: make([]byte, 0, len(src)), pieces: make([]piece, 0, len(src)/32+4), blockSrc: block{s0: -1}}
}

// setBlockSource declares [s0,s1) as the source span whose deletion removes
// the block that the next brk ends. It is ignored unless the span holds all
// of the block's pieces and nothing of the previous block's.
func (b *builder) setBlockSource(s0, s1 int) {
	b.blockSrc = block{s0: -1}
	if len(b.pieces) == 0 || s0 < b.blockPrev || s1 < b.pos || s1 > len(b.src) {
		return
	}
	i := len(b.pieces) - 1
	for i > 0 && b.pieces[i-1].t1 > b.blockT0 {
		i--
	}
	if b.pieces[i].t0 < b.blockT0 || s0 > b.pieces[i].s0 {
		return
	}
	b.blockSrc = block{s0: s0, s1: s1}
}

// endBlock records the block that ends at the end of the check text. A
// block without a single letter (a table cell holding "[" or "42", a list
// of symbols) holds no prose: it is left out.
func (b *builder) endBlock() {
	if len(b.buf) > b.blockT0 && !hasLetter(b.buf[b.blockT0:]) {
		for len(b.pieces) > 0 && b.pieces[len(b.pieces)-1].t0 >= b.blockT0 {
			b.pieces = b.pieces[:len(b.pieces)-1]
		}
		b.buf = b.buf[:b.blockT0]
	}
	if len(b.buf) > b.blockT0 {
		blk := b.blockSrc
		blk.t0, blk.t1 = b.blockT0, len(b.buf)
		b.blocks = append(b.blocks, blk)
	}
	b.blockSrc = block{s0: -1}
}

// add appends a piece of check text mapped to the source [s0,s1).
func (b *builder) add(text string, s0, s1 int, kind pieceKind, ws bool) {
	if s0 < b.pos || s1 < s0 || s1 > len(b.src) {
		return // out of order: drop rather than corrupt the map
	}
	if text == "" {
		return
	}
	ins := s0
	if b.opener >= b.pos && b.opener <= s0 {
		ins = b.opener
	}
	b.opener = -1
	t0 := len(b.buf)
	b.buf = append(b.buf, text...)
	if kind == pCopy && len(b.pieces) > 0 {
		last := &b.pieces[len(b.pieces)-1]
		if last.kind == pCopy && last.s1 == s0 && last.t1 == t0 && last.ws == ws {
			last.t1 += len(text)
			last.s1 = s1
			b.pos = s1
			return
		}
	}
	b.pieces = append(b.pieces, piece{t0: t0, t1: len(b.buf), s0: s0, s1: s1, ins: ins, kind: kind, ws: ws})
	b.pos = s1
}

// copy appends the source bytes [s,e) unchanged.
func (b *builder) copy(s, e int) {
	if s < e {
		b.add(b.src[s:e], s, e, pCopy, false)
	}
}

// open records an inline opener at source offset off.
func (b *builder) open(off int) {
	if b.opener < b.pos && off >= b.pos {
		b.opener = off
	}
}

// opaque appends a placeholder word for the source [s,e).
func (b *builder) opaque(word, content string, s, e int) {
	if s < b.pos {
		s = b.pos
	}
	if e < s {
		e = s
	}
	b.add(placeholder(word, content), s, e, pOpaque, false)
}

// trimWS drops collapsible white space at the end of the check text.
func (b *builder) trimWS() {
	for len(b.pieces) > 0 && b.pieces[len(b.pieces)-1].ws {
		p := b.pieces[len(b.pieces)-1]
		b.buf = b.buf[:p.t0]
		b.pieces = b.pieces[:len(b.pieces)-1]
		// b.pos stays: the source bytes are skipped, not re-emitted.
	}
	// Trailing white space of copied text is invisible in the rendered block.
	if n := len(b.pieces); n > 0 && b.pieces[n-1].kind == pCopy {
		p := &b.pieces[n-1]
		for p.t1 > p.t0 && (b.buf[p.t1-1] == ' ' || b.buf[p.t1-1] == '\t' || b.buf[p.t1-1] == '\n') {
			p.t1--
			p.s1--
		}
		b.buf = b.buf[:p.t1]
		if p.t1 == p.t0 {
			b.pieces = b.pieces[:n-1]
		}
	}
}

// brk ends a block: the check text gets a blank line unless it already
// ends with one or is empty.
func (b *builder) brk() {
	b.trimWS()
	n := len(b.buf)
	if n == 0 {
		b.blockSrc = block{s0: -1}
		return
	}
	b.endBlock()
	defer func() { b.blockT0, b.blockPrev = len(b.buf), b.pos }()
	if n = len(b.buf); n == 0 {
		return
	}
	need := 2
	for i := n - 1; i >= 0 && need > 0 && b.buf[i] == '\n'; i-- {
		need--
	}
	if need == 0 {
		return
	}
	b.opener = -1
	t0 := len(b.buf)
	b.buf = append(b.buf, "\n\n"[:need]...)
	b.pieces = append(b.pieces, piece{t0: t0, t1: len(b.buf), s0: b.pos, s1: b.pos, ins: b.pos, kind: pBreak})
}

// endsInSpace reports whether the check text is empty or ends in white space.
func (b *builder) endsInSpace() bool {
	if len(b.buf) == 0 {
		return true
	}
	c := b.buf[len(b.buf)-1]
	return c == ' ' || c == '\n' || c == '\t'
}

func (b *builder) finish() {
	b.trimWS()
	b.endBlock()
	// Drop a trailing break: the text should end where the prose ends.
	for len(b.pieces) > 0 && b.pieces[len(b.pieces)-1].kind == pBreak {
		p := b.pieces[len(b.pieces)-1]
		b.buf = b.buf[:p.t0]
		b.pieces = b.pieces[:len(b.pieces)-1]
	}
}

func hasLetter(t []byte) bool {
	for i := 0; i < len(t); {
		c := t[i]
		if c < utf8.RuneSelf {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(t[i:])
		if unicode.IsLetter(r) {
			return true
		}
		i += n
	}
	return false
}

// locate returns the index of the piece holding check byte off, or of the
// piece starting at off; len(pieces) when off is at the end of the text.
func (x *Extracted) locate(off int) int {
	return sort.Search(len(x.pieces), func(i int) bool { return x.pieces[i].t0 > off }) - 1
}

// endPos is where an insertion at the end of the check text goes.
func (x *Extracted) endPos() int {
	if len(x.pieces) == 0 {
		return len(x.Source)
	}
	return x.pieces[len(x.pieces)-1].s1
}

// startOf maps a check offset that starts a span. cut reports that it lies
// strictly inside an indivisible piece (the result is the piece's start).
func (x *Extracted) startOf(off int) (src int, cut bool) {
	if off >= len(x.Text) || len(x.pieces) == 0 {
		return x.endPos(), false
	}
	if off < 0 {
		off = 0
	}
	p := x.pieces[max(x.locate(off), 0)]
	if p.kind == pCopy {
		return p.s0 + off - p.t0, false
	}
	return p.s0, off != p.t0
}

// endOf maps a check offset that ends a non-empty span.
func (x *Extracted) endOf(off int) (src int, cut bool) {
	if len(x.pieces) == 0 {
		return 0, false
	}
	if off <= 0 {
		return x.pieces[0].s0, false
	}
	if off > len(x.Text) {
		off = len(x.Text)
	}
	p := x.pieces[max(x.locate(off-1), 0)]
	if p.kind == pCopy {
		return p.s0 + off - p.t0, false
	}
	return p.s1, off != p.t1
}

// insertOf maps a check offset where text is inserted.
func (x *Extracted) insertOf(off int) (src int, cut bool) {
	if len(x.pieces) == 0 {
		return len(x.Source), false
	}
	if off >= len(x.Text) {
		return x.endPos(), false
	}
	if off <= 0 {
		return x.pieces[0].ins, false
	}
	i := max(x.locate(off), 0)
	p := x.pieces[i]
	if off > p.t0 {
		if p.kind == pCopy {
			return p.s0 + off - p.t0, false
		}
		return p.s0, true
	}
	if i > 0 && x.pieces[i-1].s1 == p.s0 {
		return p.s0, false
	}
	return p.ins, false
}

// SourceSpan maps a span of the check text to the source. A span that
// starts or ends inside a decoded character reference grows to cover it;
// an empty span maps to where an insertion there would go.
func (x *Extracted) SourceSpan(s mtcheck.Span) mtcheck.Span {
	if s.End <= s.Start {
		p, _ := x.insertOf(s.Start)
		return mtcheck.Span{Start: p, End: p}
	}
	a, _ := x.startOf(s.Start)
	e, _ := x.endOf(s.End)
	// A span covering a whole block starts with the block's opening inline
	// markup ("**Note:** text", not "Note:** text").
	if i := sort.Search(len(x.blocks), func(k int) bool { return x.blocks[k].t0 >= s.Start }); i < len(x.blocks) &&
		x.blocks[i].t0 == s.Start && s.End >= x.blocks[i].t1 {
		if p := x.pieces[max(x.locate(s.Start), 0)]; p.t0 == s.Start && p.ins < a {
			a = p.ins
		}
	}
	if e < a {
		e = a
	}
	return mtcheck.Span{Start: a, End: e}
}

// SourceOffset maps an offset of the check text to the source, as the
// start of a span.
func (x *Extracted) SourceOffset(off int) int {
	p, _ := x.startOf(off)
	return p
}

// mapEdit maps one edit of the check text to the source. It fails when the
// edit would cut through a character reference or touch markup, code or a
// block boundary.
func (x *Extracted) mapEdit(e mtcheck.TextEdit) (mtcheck.TextEdit, bool) {
	if e.Start < 0 || e.End > len(x.Text) || e.Start > e.End {
		return e, false
	}
	var out mtcheck.TextEdit
	out.NewText = x.escape(e.NewText)
	if e.Start == e.End {
		p, cut := x.insertOf(e.Start)
		if cut || x.Kind == Markdown && makesBlockMarker(x.Source, p, out.NewText) {
			return out, false
		}
		out.Span = mtcheck.Span{Start: p, End: p}
		return out, true
	}
	if out.NewText == "" {
		if sp, ok := x.blockDeletion(e.Span); ok {
			out.Span = sp
			return out, true
		}
	}
	a, cut1 := x.startOf(e.Start)
	b, cut2 := x.endOf(e.End)
	if cut1 || cut2 || b < a {
		return out, false
	}
	first := max(x.locate(e.Start), 0)
	last := max(x.locate(e.End-1), 0)
	for i := first; i <= last; i++ {
		p := x.pieces[i]
		if p.kind == pBreak || p.kind == pOpaque {
			return out, false
		}
		if i > first && x.pieces[i-1].s1 != p.s0 {
			return out, false // markup between the two pieces
		}
	}
	out.Span = mtcheck.Span{Start: a, End: b}
	return out, true
}

// blockDeletion maps the deletion of whole blocks of the check text (with
// or without the line breaks after them) to the deletion of their source,
// markup included. It fails unless the span starts where a block starts,
// ends in the break after a block, and every block it covers has a known
// source span, with only white space in the source between them.
func (x *Extracted) blockDeletion(sp mtcheck.Span) (mtcheck.Span, bool) {
	i := sort.Search(len(x.blocks), func(k int) bool { return x.blocks[k].t0 >= sp.Start })
	if i == len(x.blocks) || x.blocks[i].t0 != sp.Start {
		return sp, false
	}
	j := i
	for j+1 < len(x.blocks) && x.blocks[j+1].t0 < sp.End {
		j++
	}
	last := x.blocks[j]
	next := len(x.Text)
	if j+1 < len(x.blocks) {
		next = x.blocks[j+1].t0
	}
	if sp.End < last.t1 || sp.End > next || strings.TrimSpace(x.Text[last.t1:sp.End]) != "" {
		return sp, false
	}
	for k := i; k <= j; k++ {
		if x.blocks[k].s0 < 0 {
			return sp, false
		}
		if k > i && strings.TrimSpace(x.Source[x.blocks[k-1].s1:x.blocks[k].s0]) != "" {
			return sp, false
		}
	}
	start, end := x.blocks[i].s0, last.s1
	if sp.End > last.t1 {
		// The deletion takes the break after the block: take the white
		// space after it in the source too, up to the next block, but keep
		// the next line's indentation.
		limit := len(x.Source)
		if j+1 < len(x.blocks) && x.blocks[j+1].s0 >= end {
			limit = x.blocks[j+1].s0
		}
		e := end
		for e < limit && isHTMLSpace(x.Source[e]) {
			e++
		}
		if nl := strings.LastIndexByte(x.Source[end:e], '\n'); nl >= 0 {
			end += nl + 1
			// The block's own indentation goes with it.
			ls := strings.LastIndexByte(x.Source[:start], '\n') + 1
			if strings.TrimLeft(x.Source[ls:start], " \t") == "" {
				start = ls
			}
		} else if end > 0 && x.Source[end-1] == '\n' {
			// Already at a line start (Markdown blocks end with their line).
		} else {
			end = e
		}
	}
	return mtcheck.Span{Start: start, End: end}, true
}

// makesBlockMarker reports whether inserting text at off in Markdown src
// would turn the start of the line into a block marker: a space after
// "#", "-", "+", "*", ">" or "12." at the start of a line makes a heading,
// list item or quote of a paragraph line.
func makesBlockMarker(src string, off int, text string) bool {
	if text == "" || (text[0] != ' ' && text[0] != '\t') {
		return false
	}
	ls := strings.LastIndexByte(src[:off], '\n') + 1
	prefix := strings.TrimLeft(src[ls:off], " ")
	if len(src[ls:off])-len(prefix) > 3 || prefix == "" {
		return false
	}
	switch {
	case strings.Trim(prefix, "#") == "" && len(prefix) <= 6:
		return true
	case prefix == "-" || prefix == "+" || prefix == "*" || strings.Trim(prefix, "> ") == "":
		return true
	}
	last := prefix[len(prefix)-1]
	digits := prefix[:len(prefix)-1]
	if (last == '.' || last == ')') && len(digits) >= 1 && len(digits) <= 9 && strings.Trim(digits, "0123456789") == "" {
		return true
	}
	return false
}

// escape makes replacement text safe to insert into the source.
func (x *Extracted) escape(s string) string {
	switch x.Kind {
	case HTML:
		if strings.ContainsAny(s, "&<>") {
			return htmlEscaper.Replace(s)
		}
	case Markdown:
		if strings.ContainsAny(s, "\\`*_[]<>") {
			return mdEscaper.Replace(s)
		}
	}
	return s
}

var (
	htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	mdEscaper   = strings.NewReplacer("\\", "\\\\", "`", "\\`", "*", "\\*", "_", "\\_", "[", "\\[", "]", "\\]", "<", "\\<", ">", "\\>")
)

// touchesOpaque reports whether s starts or ends at a placeholder.
func (x *Extracted) touchesOpaque(s mtcheck.Span) bool {
	i := max(x.locate(s.Start)-1, 0)
	for ; i < len(x.pieces); i++ {
		p := x.pieces[i]
		if p.t0 > s.End {
			break
		}
		if p.kind != pOpaque {
			continue
		}
		if (s.Start >= p.t0 && s.Start <= p.t1) || (s.End >= p.t0 && s.End <= p.t1) {
			return true
		}
	}
	return false
}

// MapDiagnostic maps a diagnostic found in the check text to the source:
// its span, related spans and fixes. It returns false for a diagnostic
// that starts or ends at a placeholder for code, an image or a URL: such
// findings are about content that is not prose. Fixes whose edits cannot be
// mapped without damaging markup are dropped; the diagnostic stays.
func (x *Extracted) MapDiagnostic(d mtcheck.Diagnostic) (mtcheck.Diagnostic, bool) {
	if x.touchesOpaque(d.Span) {
		return d, false
	}
	out := d
	out.Span = x.SourceSpan(d.Span)
	if len(d.Related) > 0 {
		out.Related = make([]mtcheck.Span, len(d.Related))
		for i, r := range d.Related {
			out.Related[i] = x.SourceSpan(r)
		}
	}
	out.Fixes = nil
	for _, f := range d.Fixes {
		nf := f
		nf.Edits = make([]mtcheck.TextEdit, 0, len(f.Edits))
		ok := true
		for _, e := range f.Edits {
			me, good := x.mapEdit(e)
			if !good {
				ok = false
				break
			}
			nf.Edits = append(nf.Edits, me)
		}
		if ok {
			out.Fixes = append(out.Fixes, nf)
		}
	}
	return out, true
}

// checkInvariants verifies the map; tests and the fuzzer call it.
func (x *Extracted) checkInvariants() error {
	t := 0
	pos := 0
	for i, p := range x.pieces {
		if p.t0 != t || p.t1 <= p.t0 {
			return fmt.Errorf("piece %d: check span [%d,%d) after %d", i, p.t0, p.t1, t)
		}
		if p.s0 < pos || p.s1 < p.s0 || p.s1 > len(x.Source) {
			return fmt.Errorf("piece %d: source span [%d,%d) after %d", i, p.s0, p.s1, pos)
		}
		if p.ins < pos || p.ins > p.s0 {
			return fmt.Errorf("piece %d: insertion point %d outside [%d,%d]", i, p.ins, pos, p.s0)
		}
		for _, o := range []int{p.s0, p.s1, p.ins} {
			if o < len(x.Source) && !utf8.RuneStart(x.Source[o]) {
				return fmt.Errorf("piece %d: source offset %d inside a UTF-8 sequence", i, o)
			}
		}
		if p.kind == pCopy && x.Text[p.t0:p.t1] != x.Source[p.s0:p.s1] {
			return fmt.Errorf("piece %d: copied text %q differs from source %q", i, x.Text[p.t0:p.t1], x.Source[p.s0:p.s1])
		}
		if !utf8.ValidString(x.Text[p.t0:p.t1]) {
			return fmt.Errorf("piece %d: check text %q is not valid UTF-8", i, x.Text[p.t0:p.t1])
		}
		t, pos = p.t1, p.s1
	}
	if t != len(x.Text) {
		return fmt.Errorf("pieces cover %d of %d check bytes", t, len(x.Text))
	}
	return nil
}
