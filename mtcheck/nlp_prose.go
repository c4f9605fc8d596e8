//go:build !mtcheck_noprose

package mtcheck

import (
	"sync"

	"github.com/jdkato/prose/v2"
	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/english"
)

// LayersAvailable reports whether this build can compute the sentence,
// token, tag and entity layers. It is false in builds with the tag
// mtcheck_noprose, which leave out prose and its model data.
const LayersAvailable = true

type proseToken = prose.Token

// The sentence tokenizer and the prose model are loaded once per process, on
// first need.
var (
	segmenterOnce sync.Once
	segmenter     *sentences.DefaultSentenceTokenizer

	modelOnce sync.Once
	model     *prose.Model
)

func sentenceTokenizer() *sentences.DefaultSentenceTokenizer {
	segmenterOnce.Do(func() {
		t, err := english.NewSentenceTokenizer(nil)
		if err != nil {
			panic("mtcheck: loading the built-in sentence model: " + err.Error())
		}
		segmenter = t
	})
	return segmenter
}

func proseModel() *prose.Model {
	modelOnce.Do(func() {
		doc, err := prose.NewDocument("", prose.WithSegmentation(false))
		if err != nil {
			panic("mtcheck: loading the built-in prose model: " + err.Error())
		}
		model = doc.Model
	})
	return model
}

// segmentText returns the byte spans of the sentences of para. It takes no
// lock: after loading, the punkt tokenizer only reads its model, and every
// call works on tokens of its own.
func segmentText(para string) []Span {
	ss := sentenceTokenizer().Tokenize(para)
	out := make([]Span, len(ss))
	for i, s := range ss {
		out[i] = Span{s.Start, s.End}
	}
	return out
}

// tokenizeText returns prose's tokens of a sentence, without tags.
func tokenizeText(s string) []proseToken {
	doc, err := prose.NewDocument(s,
		prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
	if err != nil {
		return nil
	}
	return doc.Tokens()
}

// analyseText returns prose's tagged tokens of s, with entity labels when
// entities is set.
func analyseText(s string, entities bool) []proseToken {
	doc, err := prose.NewDocument(s,
		prose.WithSegmentation(false), prose.WithExtraction(entities), prose.UsingModel(proseModel()))
	if err != nil {
		return nil
	}
	return doc.Tokens()
}
