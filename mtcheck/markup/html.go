package markup

import (
	"strings"

	"golang.org/x/net/html"
)

// skipKind says what an element whose content is not prose leaves in the
// check text.
type skipKind uint8

const (
	// skipHidden elements render nothing: they leave nothing.
	skipHidden skipKind = iota + 1
	// skipBlock elements render as blocks: they end the paragraph.
	skipBlock
	// skipInline elements render as words: they leave a placeholder.
	skipInline
)

// htmlSkip lists the elements whose content is not prose.
var htmlSkip = map[string]skipKind{
	"script": skipHidden, "style": skipHidden, "template": skipHidden, "noscript": skipHidden,
	"pre": skipBlock, "textarea": skipBlock, "svg": skipBlock, "math": skipBlock,
	"iframe": skipBlock, "object": skipBlock, "xmp": skipBlock, "plaintext": skipBlock,
	"code": skipInline, "kbd": skipInline, "samp": skipInline,
}

// htmlBlock lists the elements that start and end a paragraph.
var htmlBlock = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true,
	"br": true, "caption": true, "center": true, "dd": true, "details": true,
	"dialog": true, "dir": true, "div": true, "dl": true, "dt": true, "fieldset": true,
	"figcaption": true, "figure": true, "footer": true, "form": true, "frameset": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"header": true, "hgroup": true, "hr": true, "html": true, "legend": true,
	"li": true, "main": true, "menu": true, "nav": true, "ol": true, "optgroup": true,
	"option": true, "p": true, "section": true, "select": true, "summary": true,
	"table": true, "tbody": true, "td": true, "tfoot": true, "th": true, "thead": true,
	"title": true, "tr": true, "ul": true, "video": true, "audio": true, "canvas": true,
	"button": true,
}

// htmlState tokenizes HTML, in whole documents or in the fragments of a
// Markdown file, keeping track of elements whose content is skipped.
type htmlState struct {
	b     *builder
	skip  string
	depth int
	// skipStart is where the skipped inline element started, and
	// skipWord its placeholder word when not "code".
	skipStart int
	skipWord  string
	// open holds the block elements not yet closed, innermost last.
	open []openBlock
}

type openBlock struct {
	name  string
	start int
}

func newHTMLState(b *builder) *htmlState {
	return &htmlState{b: b}
}

func (h *htmlState) skipping() bool { return h.skip != "" }

// endSkip ends the skipped element at source offset end: an inline one
// leaves its placeholder, a block one ends the paragraph.
func (h *htmlState) endSkip(end int) {
	kind := htmlSkip[h.skip]
	if h.skipWord != "" {
		kind = skipInline
	}
	switch kind {
	case skipInline:
		end = max(end, h.skipStart)
		word := h.skipWord
		if word == "" {
			word = codePlaceholder
		}
		h.b.opaque(word, h.b.src[h.skipStart:end], h.skipStart, end)
	case skipBlock:
		h.b.brk()
	}
	h.skip, h.depth, h.skipWord = "", 0, ""
}

// reset ends an unclosed skipped element at the end of a Markdown block or
// of the document.
func (h *htmlState) reset() {
	if h.skipping() {
		h.endSkip(h.b.pos)
	}
	h.open = h.open[:0]
}

// run extracts the prose of the source bytes [s,e).
func (h *htmlState) run(s, e int) {
	src := h.b.src
	if s < 0 || e > len(src) || s >= e {
		return
	}
	z := html.NewTokenizer(strings.NewReader(src[s:e]))
	off := s
	for off < e {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		n := len(z.Raw())
		start, end := off, off+n
		if end > e || n == 0 && tt == html.TextToken {
			return
		}
		off = end
		switch tt {
		case html.TextToken:
			if !h.skipping() {
				h.b.htmlText(start, end)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) == "a" && hasAttr && !h.skipping() && tt == html.StartTagToken && anchorHref(z) {
				// A link to a place in the same page (a table of contents
				// entry) repeats a heading: it stands as a placeholder.
				h.skip, h.depth, h.skipStart, h.skipWord = "a", 1, start, linkPlaceholder
				continue
			}
			h.startTag(string(name), tt == html.SelfClosingTagToken, start, end)
		case html.EndTagToken:
			name, _ := z.TagName()
			h.endTag(string(name), end)
		case html.CommentToken:
			if !h.skipping() {
				if d, ok := parseDirective(src, start, end); ok {
					h.b.directives = append(h.b.directives, d)
				}
			}
		}
	}
}

func (h *htmlState) startTag(name string, selfClosing bool, start, end int) {
	if h.skipping() {
		if name == h.skip && !selfClosing {
			h.depth++
		}
		return
	}
	if kind, ok := htmlSkip[name]; ok {
		switch {
		case selfClosing && kind == skipInline:
			h.b.opaque(codePlaceholder, "", start, end)
		case kind == skipInline:
			h.skipStart = start // the placeholder comes when the element ends
		case kind == skipBlock:
			h.b.brk()
		}
		if !selfClosing {
			h.skip, h.depth = name, 1
		}
		return
	}
	switch {
	case htmlBlock[name]:
		h.b.brk()
		if !selfClosing && !htmlVoid[name] {
			if len(h.open) > 64 {
				h.open = h.open[1:]
			}
			h.open = append(h.open, openBlock{name, start})
		}
	case name == "img":
		h.b.opaque(imagePlaceholder, h.b.src[start:end], start, end)
	default:
		h.b.open(start)
	}
}

func (h *htmlState) endTag(name string, end int) {
	if h.skipping() {
		if name == h.skip {
			h.depth--
			if h.depth == 0 {
				h.endSkip(end)
			}
		}
		return
	}
	if htmlBlock[name] {
		for i := len(h.open) - 1; i >= 0; i-- {
			if h.open[i].name == name {
				h.b.setBlockSource(h.open[i].start, end)
				h.open = h.open[:i]
				break
			}
		}
		h.b.brk()
	}
}

// htmlVoid lists the block elements that have no end tag.
var htmlVoid = map[string]bool{"br": true, "hr": true}

// anchorHref reports whether the current start tag has an href that points
// into the same page ("#section").
func anchorHref(z *html.Tokenizer) bool {
	for {
		key, val, more := z.TagAttr()
		if string(key) == "href" {
			return strings.HasPrefix(strings.TrimSpace(string(val)), "#")
		}
		if !more {
			return false
		}
	}
}
