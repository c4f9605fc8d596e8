package mtcheck

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLinesAndParagraphs(t *testing.T) {
	text := "Title\r\n\r\nFirst line\nsecond line\n  \nLast"
	d := NewDocument(text)
	require.Equal(t, 6, d.LineCount())
	assert.Equal(t, "Title", d.Line(1).Text(text), "CR is not part of the line")
	assert.Equal(t, "", d.Line(2).Text(text))
	assert.Equal(t, "Last", d.Line(6).Text(text))
	var paras []string
	for _, p := range d.Paragraphs() {
		paras = append(paras, p.Text(text))
	}
	assert.Equal(t, []string{"Title", "First line\nsecond line", "Last"}, paras)
	assert.Equal(t, 3, d.LineOf(strings.Index(text, "First")))
	assert.Equal(t, 6, d.LineOf(len(text)))
}

func TestPosition(t *testing.T) {
	// "é" is 2 bytes, 1 rune, 1 UTF-16 unit; "😀" is 4 bytes, 1 rune, 2 units.
	text := "ab\né😀x — y\nz"
	d := NewDocument(text)
	off := strings.Index(text, "x")
	p := d.Position(off)
	assert.Equal(t, Position{Offset: off, Line: 2, Column: 3, UTF16Column: 4, ByteColumn: 7}, p)
	y := strings.Index(text, "y")
	p = d.Position(y)
	assert.Equal(t, 2, p.Line)
	assert.Equal(t, 7, p.Column)
	assert.Equal(t, 8, p.UTF16Column)
	assert.Equal(t, Position{Offset: len(text) - 1, Line: 3, Column: 1, UTF16Column: 1, ByteColumn: 1}, d.Position(len(text)-1))
	assert.Equal(t, len(text), d.Position(len(text)+10).Offset, "clamped")
	// Round trips from line and column back to offsets.
	assert.Equal(t, off, d.OffsetOfUTF16(2, 4))
	assert.Equal(t, off, d.OffsetOfRune(2, 3))
	assert.Equal(t, d.Line(2).End, d.OffsetOfRune(2, 99))
}

func TestPositionLongLineMatchesNaiveCount(t *testing.T) {
	// A long single line crosses many checkpoints; compare with a naive count.
	var b strings.Builder
	for i := 0; i < 3000; i++ {
		b.WriteString("naïve 😀 text — ")
	}
	text := b.String()
	d := NewDocument(text)
	for _, off := range []int{0, 1, 2047, 2048, 2049, 4100, len(text) / 2, len(text) - 1, len(text)} {
		for off < len(text) && !utf8.RuneStart(text[off]) {
			off++
		}
		p := d.Position(off)
		wantRunes := utf8.RuneCountInString(text[:off])
		wantUnits := 0
		for _, r := range text[:off] {
			if r >= 0x10000 {
				wantUnits += 2
			} else {
				wantUnits++
			}
		}
		assert.Equal(t, wantRunes+1, p.Column, "offset %d", off)
		assert.Equal(t, wantUnits+1, p.UTF16Column, "offset %d", off)
	}
}

func TestSentencesHaveSourceOffsets(t *testing.T) {
	skipWithoutLayers(t)
	text := "“I know — café history,” he said. Don't go… The U.S. army met Mr. J.R.R. Tolkien at 3.5 p.m. today.\n\nSecond paragraph here. Who? Yes!"
	d := NewDocument(text)
	var got []string
	for _, s := range d.Sentences() {
		got = append(got, s.Text(text))
	}
	assert.Equal(t, []string{
		"“I know — café history,” he said.",
		"Don't go… The U.S. army met Mr. J.R.R. Tolkien at 3.5 p.m. today.",
		"Second paragraph here.",
		"Who?",
		"Yes!",
	}, got)
	s, ok := d.SentenceAt(strings.Index(text, "Tolkien"))
	require.True(t, ok)
	assert.True(t, strings.HasPrefix(s.Text(text), "Don't"))
	_, ok = d.SentenceAt(strings.Index(text, "\n\n") + 1)
	assert.False(t, ok, "blank lines belong to no sentence")
	assert.Equal(t, NeedSentences, d.Used())
}

func TestTokensAlignToSource(t *testing.T) {
	skipWithoutLayers(t)
	text := "“Don't,” she said… Café owners’ $100 (approx.) rose 3.5%. &rsquo;Twas fine."
	d := NewDocument(text)
	toks := d.Tokens()
	var got []string
	for _, tk := range toks {
		require.Equal(t, tk.Text, text[tk.Start:tk.End], "token text is the source text")
		got = append(got, tk.Text)
	}
	// prose itself drops the "n't,”" after "Do" and keeps "3.5%" whole; its
	// straight quotes map back to the curly ones and "&rsquo;" in the source.
	assert.Equal(t, []string{"“", "Do", "she", "said…", "Café", "owners", "’", "$", "100", "(", "approx", ".", ")", "rose", "3.5%", ".", "&rsquo;Twas", "fine", "."}, got)
	for i := 1; i < len(toks); i++ {
		assert.LessOrEqual(t, toks[i-1].End, toks[i].Start, "tokens are ordered and disjoint")
	}
	assert.Equal(t, NeedSentences|NeedTokens, d.Used())
}

func TestTagAndEntitiesAlign(t *testing.T) {
	skipWithoutLayers(t)
	text := "Intro sentence. “We met Jens Stoltenberg in Brussels,” the minister said on Monday."
	d := NewDocument(text)
	s, ok := d.SentenceAt(strings.Index(text, "We"))
	require.True(t, ok)
	toks := d.Tag(s.Span)
	require.NotEmpty(t, toks)
	for _, tk := range toks {
		assert.Equal(t, tk.Text, text[tk.Start:tk.End])
		assert.NotEmpty(t, tk.Tag, "token %q has a tag", tk.Text)
	}
	assert.Equal(t, "“", toks[0].Text)
	var said Token
	for _, tk := range toks {
		if tk.Text == "said" {
			said = tk
		}
	}
	assert.Equal(t, "VBD", said.Tag)
	ents := d.Entities(s.Span)
	var names []string
	for _, e := range ents {
		assert.Equal(t, e.Text, text[e.Start:e.End])
		names = append(names, e.Text)
	}
	assert.Contains(t, names, "Jens Stoltenberg")
	assert.Equal(t, NeedSentences|NeedTags|NeedEntities, d.Used())
	// Cached: the same slice comes back.
	assert.Equal(t, &toks[0], &d.Tag(s.Span)[0])
}

func TestAlignTokensSkipsWhatItCannotPlace(t *testing.T) {
	// A token that is not in the text is dropped, not misplaced.
	text := "alpha beta"
	got := alignTokens(nil, text, Span{0, len(text)}, []proseToken{{Text: "alpha"}, {Text: "zzz"}, {Text: "beta"}})
	require.Len(t, got, 2)
	assert.Equal(t, Span{6, 10}, got[1].Span)
}

func TestSentencesOfHugeParagraph(t *testing.T) {
	// A paragraph far larger than one segmenter chunk: sentences come out
	// whole (none cut at a chunk edge), in order, with source offsets.
	skipWithoutLayers(t)
	unit := "The committee met on Monday in Geneva. Talks lasted “four hours” today! "
	text := strings.Repeat(unit, 4*maxSegmentChunk/len(unit))
	d := NewDocument(text)
	ss := d.Sentences()
	require.NotEmpty(t, ss)
	for i, s := range ss {
		got := s.Text(text)
		if got != "The committee met on Monday in Geneva." && got != "Talks lasted “four hours” today!" {
			t.Fatalf("sentence %d cut wrongly: %q", i, got)
		}
		if i > 0 {
			require.Less(t, ss[i-1].End, s.Start)
		}
	}
	assert.Len(t, ss, 2*strings.Count(text, "Geneva."))
	// Chunks cover the paragraph exactly.
	cs := segmentChunks(text, Span{0, len(text)})
	assert.Greater(t, len(cs), 3)
	assert.Equal(t, 0, cs[0].Start)
	assert.Equal(t, len(text), cs[len(cs)-1].End)
	for i := 1; i < len(cs); i++ {
		assert.Equal(t, cs[i-1].End, cs[i].Start)
		assert.LessOrEqual(t, cs[i].Len(), maxSegmentChunk)
	}
}
