package mtcheck

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// Need names an analysis layer a rule asks for. Needs combine with |.
type Need uint8

// The analysis layers.
const (
	// NeedSentences: sentence spans.
	NeedSentences Need = 1 << iota
	// NeedTokens: word and punctuation tokens with byte spans.
	NeedTokens
	// NeedTags: part-of-speech tags (prose's perceptron tagger), per span.
	NeedTags
	// NeedEntities: named entities (prose's classifier), per span.
	NeedEntities
)

// String lists the layers, e.g. "sentences|tags".
func (n Need) String() string {
	var parts []string
	for i, name := range []string{"sentences", "tokens", "tags", "entities"} {
		if n&(1<<i) != 0 {
			parts = append(parts, name)
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "|")
}

// Sentence is a sentence's span, without surrounding white space.
type Sentence struct {
	Span
}

// Token is a word or punctuation mark with its byte span in the document.
// Text is the source text the token covers (curly quotes stay curly). Tag is
// the Penn Treebank part-of-speech tag and Label the IOB entity label, both
// empty unless the token came from [Pass.Tag] or [Pass.Entities].
type Token struct {
	Span
	Text  string
	Tag   string
	Label string
}

// Entity is a named entity found by prose, with its byte span.
type Entity struct {
	Span
	Text  string
	Label string // e.g. "PERSON", "GPE"
}

// nlpLayers caches the expensive layers of a document.
type nlpLayers struct {
	used atomic.Uint32

	sentOnce  sync.Once
	sentences []Sentence

	tokOnce sync.Once
	tokens  []Token

	mu     sync.Mutex
	tagged map[taggedKey][]Token
}

type taggedKey struct {
	span     Span
	entities bool
}

// Used reports which expensive layers have been computed for the document.
func (d *Document) Used() Need { return Need(d.nlp.used.Load()) }

func (d *Document) markUsed(n Need) {
	for {
		old := d.nlp.used.Load()
		if old&uint32(n) == uint32(n) || d.nlp.used.CompareAndSwap(old, old|uint32(n)) {
			return
		}
	}
}

// Sentences returns the sentences of the document. Each paragraph (see
// [Document.Paragraphs]) is segmented on its own, so a sentence never spans a
// blank line.
func (d *Document) Sentences() []Sentence {
	d.markUsed(NeedSentences)
	d.nlp.sentOnce.Do(func() {
		var out []Sentence
		for _, p := range d.Paragraphs() {
			for _, c := range segmentChunks(d.text, p) {
				chunk := d.text[c.Start:c.End]
				for _, s := range segmentText(chunk) {
					if s.Start < 0 || s.End > len(chunk) || s.Start > s.End {
						continue
					}
					sp := trimSpan(d.text, Span{c.Start + s.Start, c.Start + s.End})
					if sp.Len() > 0 {
						out = append(out, Sentence{sp})
					}
				}
			}
		}
		d.nlp.sentences = out
	})
	return d.nlp.sentences
}

// maxSegmentChunk bounds the text handed to the sentence segmenter at once,
// which holds a token object per word: a 30 MB paragraph on one line is cut
// into pieces of at most this size, so memory stays bounded.
const maxSegmentChunk = 64 << 10

// segmentChunks cuts paragraph p into pieces of at most maxSegmentChunk
// bytes, each ending at a likely sentence end (". ", "? ", "! " before a
// capital or a quote) in its second half, else at white space, else at a
// rune boundary.
func segmentChunks(text string, p Span) []Span {
	if p.Len() <= maxSegmentChunk {
		return []Span{p}
	}
	var out []Span
	start := p.Start
	for p.End-start > maxSegmentChunk {
		limit := start + maxSegmentChunk
		cut := -1
		for i := limit - 2; i > start+maxSegmentChunk/2; i-- {
			if (text[i] == '.' || text[i] == '?' || text[i] == '!') && text[i+1] == ' ' && i+2 < p.End {
				if c := text[i+2]; c >= 'A' && c <= 'Z' || c == '"' || c == 0xE2 {
					cut = i + 2
					break
				}
			}
		}
		if cut < 0 {
			for i := limit - 1; i > start; i-- {
				if text[i] == ' ' || text[i] == '\n' {
					cut = i + 1
					break
				}
			}
		}
		if cut < 0 {
			cut = limit
			for cut > start && !utf8.RuneStart(text[cut]) {
				cut--
			}
		}
		out = append(out, Span{start, cut})
		start = cut
	}
	return append(out, Span{start, p.End})
}

// SentenceAt returns the sentence containing byte offset off, if any.
func (d *Document) SentenceAt(off int) (Sentence, bool) {
	ss := d.Sentences()
	lo, hi := 0, len(ss)
	for lo < hi {
		m := (lo + hi) / 2
		if ss[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(ss) && ss[lo].Start <= off {
		return ss[lo], true
	}
	return Sentence{}, false
}

// Tokens returns the word and punctuation tokens of the whole document, with
// byte spans, tokenized sentence by sentence with prose's tokenizer.
func (d *Document) Tokens() []Token {
	d.markUsed(NeedTokens)
	d.nlp.tokOnce.Do(func() {
		var out []Token
		for _, s := range d.Sentences() {
			out = alignTokens(out, d.text, s.Span, tokenizeText(d.text[s.Start:s.End]))
		}
		d.nlp.tokens = out
	})
	return d.nlp.tokens
}

// Tag returns the tokens of span with part-of-speech tags. Tagging costs about
// 1.5 s per MB: ask only for candidate sentences.
func (d *Document) Tag(span Span) []Token {
	d.markUsed(NeedTags)
	return d.analyse(span, false)
}

// Entities returns the named entities prose finds in span. Extraction costs
// about 8 s per MB: ask only for candidate sentences.
func (d *Document) Entities(span Span) []Entity {
	d.markUsed(NeedEntities)
	toks := d.analyse(span, true)
	// prose labels only the first token of many names (B-PERSON on "Jens",
	// O on "Stoltenberg"); like prose's own chunker, a proper noun right
	// after an entity token continues the entity.
	var out []Entity
	var prevTag string
	open := false
	for _, t := range toks {
		lab := t.Label
		switch {
		case open && (lab == "I-"+out[len(out)-1].Label || lab == "O" && strings.HasPrefix(t.Tag, "NNP") && strings.HasPrefix(prevTag, "NNP")):
			out[len(out)-1].End = t.End
		case strings.HasPrefix(lab, "B-") || strings.HasPrefix(lab, "I-"):
			out = append(out, Entity{Span: t.Span, Label: lab[2:]})
			open = true
		default:
			open = false
		}
		prevTag = t.Tag
	}
	for i := range out {
		out[i].Text = d.text[out[i].Start:out[i].End]
	}
	return out
}

func (d *Document) analyse(span Span, entities bool) []Token {
	if span.Start < 0 || span.End > len(d.text) || span.Start >= span.End {
		return nil
	}
	key := taggedKey{span, entities}
	d.nlp.mu.Lock()
	if t, ok := d.nlp.tagged[key]; ok {
		d.nlp.mu.Unlock()
		return t
	}
	d.nlp.mu.Unlock()
	toks := alignTokens(nil, d.text, span, analyseText(d.text[span.Start:span.End], entities))
	d.nlp.mu.Lock()
	if d.nlp.tagged == nil {
		d.nlp.tagged = make(map[taggedKey][]Token)
	}
	d.nlp.tagged[key] = toks
	d.nlp.mu.Unlock()
	return toks
}

// alignSearchWindow bounds how far ahead of the cursor a token that did not
// match in place is looked for.
const alignSearchWindow = 64

// alignTokens finds each prose token in text[within] from left to right and
// appends it with its byte span to out. prose rewrites curly quotes as
// straight ones and drops white space; tokens that cannot be found within a
// short window are dropped rather than misplaced.
func alignTokens(out []Token, text string, within Span, toks []proseToken) []Token {
	cur := within.Start
	for _, pt := range toks {
		for cur < within.End {
			r, size := utf8.DecodeRuneInString(text[cur:])
			if !unicode.IsSpace(r) {
				break
			}
			cur += size
		}
		end := matchToken(text, cur, within.End, pt.Text)
		start := cur
		if end < 0 {
			limit := min(within.End, cur+alignSearchWindow)
			for s := cur + 1; s < limit; s++ {
				if !utf8.RuneStart(text[s]) {
					continue
				}
				if e := matchToken(text, s, within.End, pt.Text); e >= 0 {
					start, end = s, e
					break
				}
			}
		}
		if end < 0 {
			continue
		}
		out = append(out, Token{Span: Span{start, end}, Text: text[start:end], Tag: pt.Tag, Label: pt.Label})
		cur = end
	}
	return out
}

// matchToken reports where token ends if it matches text at offset at (not
// beyond limit), treating prose's straight quotes as matching curly ones.
func matchToken(text string, at, limit int, token string) int {
	i := at
	for _, tr := range token {
		if i >= limit {
			return -1
		}
		sr, size := utf8.DecodeRuneInString(text[i:limit])
		switch {
		case sr == tr:
		case tr == '"' && (sr == '\u201c' || sr == '\u201d'):
		case tr == '\'' && (sr == '\u2018' || sr == '\u2019'):
		case tr == '\'' && strings.HasPrefix(text[i:limit], "&rsquo;"):
			size = len("&rsquo;")
		default:
			return -1
		}
		i += size
	}
	return i
}

// trimSpan shrinks s to exclude leading and trailing white space.
func trimSpan(text string, s Span) Span {
	for s.Start < s.End {
		r, size := utf8.DecodeRuneInString(text[s.Start:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.Start += size
	}
	for s.End > s.Start {
		r, size := utf8.DecodeLastRuneInString(text[s.Start:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.End -= size
	}
	return s
}
