package markup

import (
	"bytes"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

var (
	mdOnce   sync.Once
	mdParser parser.Parser
)

func markdownParser() parser.Parser {
	mdOnce.Do(func() {
		mdParser = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify, extension.TaskList, extension.Footnote)).Parser()
	})
	return mdParser
}

// frontMatterEnd returns the length of a YAML (---) or TOML (+++) front
// matter block at the start of src, including its closing line, or 0.
func frontMatterEnd(src string) int {
	var fence string
	switch {
	case strings.HasPrefix(src, "---\n"), strings.HasPrefix(src, "---\r\n"):
		fence = "---"
	case strings.HasPrefix(src, "+++\n"), strings.HasPrefix(src, "+++\r\n"):
		fence = "+++"
	default:
		return 0
	}
	i := strings.IndexByte(src, '\n') + 1
	for i < len(src) {
		j := strings.IndexByte(src[i:], '\n')
		end := len(src)
		if j >= 0 {
			end = i + j + 1
		}
		line := strings.TrimRight(src[i:end], " \t\r\n")
		if line == fence || fence == "---" && line == "..." {
			return end
		}
		i = end
	}
	return 0 // unclosed: not front matter
}

// bomLen returns the length of a byte order mark at the start of src.
func bomLen(src string) int {
	if strings.HasPrefix(src, "\ufeff") {
		return len("\ufeff")
	}
	return 0
}

// blankOut returns src with the bytes [0,n) replaced by spaces, keeping
// line breaks, so a parser sees blank lines at the same offsets.
func blankOut(src string, n int) []byte {
	out := []byte(src)
	for i := 0; i < n; i++ {
		if out[i] != '\n' {
			out[i] = ' '
		}
	}
	return out
}

type mdWalker struct {
	b   *builder
	src []byte
	h   *htmlState
}

func extractMarkdown(b *builder) {
	bom := bomLen(b.src)
	fm := frontMatterEnd(b.src[bom:])
	if fm > 0 {
		fm += bom
	} else {
		fm = bom
	}
	var src []byte
	if fm > 0 {
		src = blankOut(b.src, fm)
		b.pos = fm
	} else {
		src = []byte(b.src)
	}
	doc := markdownParser().Parse(text.NewReader(src))
	w := &mdWalker{b: b, src: src, h: newHTMLState(b)}
	w.block(doc)
}

func (w *mdWalker) children(n ast.Node, f func(ast.Node)) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		f(c)
	}
}

// block walks a block node: every block starts and ends a paragraph of the
// check text.
func (w *mdWalker) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Document:
		w.children(n, w.block)
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.ThematicBreak:
		w.b.brk()
	case *ast.HTMLBlock:
		w.b.brk()
		w.htmlBlock(n)
		w.b.brk()
	case *ast.Paragraph, *ast.TextBlock, *ast.Heading, *east.TableCell:
		w.b.brk()
		w.children(n, w.inline)
		w.h.reset()
		if s0, s1, ok := w.blockSource(n); ok {
			w.b.setBlockSource(s0, s1)
		}
		w.b.brk()
	default:
		w.b.brk()
		w.children(n, func(c ast.Node) {
			if c.Type() == ast.TypeInline {
				w.inline(c)
			} else {
				w.block(c)
			}
		})
		w.b.brk()
	}
}

// htmlBlock extracts the prose of a raw HTML block.
func (w *mdWalker) htmlBlock(n *ast.HTMLBlock) {
	lines := n.Lines()
	var segs []text.Segment
	for i := 0; i < lines.Len(); i++ {
		segs = append(segs, lines.At(i))
	}
	if n.HasClosure() {
		segs = append(segs, n.ClosureLine)
	}
	w.runSegments(segs)
	w.h.reset()
}

// runSegments runs the HTML reader over contiguous stretches of segments,
// so comments and tags spanning lines are seen whole.
func (w *mdWalker) runSegments(segs []text.Segment) {
	for i := 0; i < len(segs); {
		j := i + 1
		for j < len(segs) && w.contiguous(segs[j-1], segs[j]) {
			j++
		}
		w.h.run(segs[i].Start, segs[j-1].Stop)
		i = j
	}
}

// contiguous reports whether segment b follows a with only a line break
// between them.
func (w *mdWalker) contiguous(a, b text.Segment) bool {
	if b.Start == a.Stop {
		return true
	}
	return b.Start > a.Stop && b.Start-a.Stop <= 2 && len(bytes.Trim(w.src[a.Stop:b.Start], "\r\n")) == 0
}

func (w *mdWalker) inline(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		if w.h.skipping() {
			return
		}
		seg := n.Segment
		w.b.mdText(seg.Start, seg.Stop)
		if n.HardLineBreak() || n.SoftLineBreak() {
			// A hard line break ("  " or "\\" before the line end) is
			// often an accident of the editor; like a soft one, it keeps
			// the paragraph together.
			w.newline(seg.Stop)
		}
	case *ast.String:
		// Generated text without source bytes: nothing to check.
	case *ast.CodeSpan:
		if w.h.skipping() {
			return
		}
		end := w.codeSpanEnd(n)
		w.b.opaque(codePlaceholder, string(w.src[max(n.Pos(), 0):max(end, n.Pos(), 0)]), n.Pos(), end)
	case *ast.Image:
		if w.h.skipping() {
			return
		}
		w.b.opaque(imagePlaceholder, string(n.Destination), n.Pos(), n.Pos())
	case *ast.AutoLink:
		if w.h.skipping() {
			return
		}
		w.b.opaque(linkPlaceholder, string(n.URL(w.src)), max(n.Pos(), 0), max(n.Pos(), 0))
	case *ast.RawHTML:
		var segs []text.Segment
		for i := 0; i < n.Segments.Len(); i++ {
			segs = append(segs, n.Segments.At(i))
		}
		w.runSegments(segs)
	case *east.TaskCheckBox:
	case *ast.Link:
		if w.h.skipping() {
			return
		}
		if bytes.HasPrefix(n.Destination, []byte("#")) {
			// A link to a place in the same page (a table of contents
			// entry) repeats a heading: it stands as a placeholder.
			w.b.opaque(linkPlaceholder, string(n.Destination), max(n.Pos(), 0), max(n.Pos(), 0))
			return
		}
		w.b.open(n.Pos())
		w.children(n, w.inline)
	case *ast.Emphasis, *east.Strikethrough:
		w.b.open(n.Pos())
		w.children(n, w.inline)
	default:
		if n.Type() == ast.TypeBlock {
			w.block(n)
			return
		}
		w.children(n, w.inline)
	}
}

// newline appends the line break that ends a paragraph line at src offset
// stop (after trailing white space that the parser trimmed).
func (w *mdWalker) newline(stop int) {
	if w.b.endsInSpace() {
		return // after a block boundary (inline HTML such as <br>)
	}
	for i := stop; i < len(w.src); i++ {
		switch w.src[i] {
		case '\n':
			w.b.add("\n", i, i+1, pCopy, false)
			return
		case ' ', '\t', '\r':
			continue
		}
		break
	}
	w.b.add("\n", stop, stop, pBreak, false)
}

// codeSpanEnd returns the source offset after a code span's closing
// backticks, or its start when they cannot be found.
func (w *mdWalker) codeSpanEnd(n *ast.CodeSpan) int {
	start := n.Pos()
	if start < 0 || start >= len(w.src) {
		return max(start, w.b.pos)
	}
	k := 0
	for start+k < len(w.src) && w.src[start+k] == '`' {
		k++
	}
	from := start + k
	if t, ok := n.LastChild().(*ast.Text); ok && t.Segment.Stop > from {
		from = t.Segment.Stop
	}
	if from > len(w.src) {
		return start
	}
	ticks := strings.Repeat("`", k)
	if j := bytes.Index(w.src[from:], []byte(ticks)); j >= 0 {
		return from + j + k
	}
	return start
}

// blockSource returns the source span whose deletion removes the block n
// cleanly: its whole lines with their container markers ("- ", "> ", "# ")
// and line break, or, for a table cell, the cell's content.
func (w *mdWalker) blockSource(n ast.Node) (s0, s1 int, ok bool) {
	lines := n.Lines()
	if lines == nil || lines.Len() == 0 {
		return 0, 0, false
	}
	s0, s1 = lines.At(0).Start, lines.At(lines.Len()-1).Stop
	if s0 < 0 || s1 > len(w.src) || s0 > s1 {
		return 0, 0, false
	}
	if _, cell := n.(*east.TableCell); cell {
		return s0, s1, true
	}
	// A list item's first paragraph takes the item marker with it only
	// when it is the item's only block.
	if p := n.Parent(); p != nil && p.Kind() == ast.KindListItem && p.ChildCount() > 1 {
		return 0, 0, false
	}
	ls := bytes.LastIndexByte(w.src[:s0], '\n') + 1
	if !onlyMarkers(w.src[ls:s0]) {
		return 0, 0, false
	}
	le := len(w.src)
	if i := bytes.IndexByte(w.src[s1:], '\n'); i >= 0 {
		le = s1 + i + 1
	}
	rest := bytes.TrimRight(w.src[s1:le], " \t\r\n#\\")
	if len(rest) > 0 {
		return 0, 0, false
	}
	if _, ok := n.(*ast.Heading); ok && le < len(w.src) && bytes.IndexByte(w.src[ls:s0], '#') < 0 {
		// A setext heading's underline goes with it.
		ne := len(w.src)
		if i := bytes.IndexByte(w.src[le:], '\n'); i >= 0 {
			ne = le + i + 1
		}
		u := bytes.TrimLeft(bytes.TrimSpace(w.src[le:ne]), ">")
		u = bytes.TrimSpace(u)
		if len(u) > 0 && (len(bytes.Trim(u, "=")) == 0 || len(bytes.Trim(u, "-")) == 0) {
			le = ne
		}
	}
	return ls, le, true
}

// onlyMarkers reports whether b holds only indentation and container
// markers: list bullets and numbers, block quote markers.
func onlyMarkers(b []byte) bool {
	for _, c := range b {
		switch {
		case c == ' ' || c == '\t' || c == '>' || c == '-' || c == '*' || c == '+' || c == '.' || c == ')' || c == '#':
		case c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return true
}
