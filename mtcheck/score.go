package mtcheck

import (
	"math"
	"unicode"
	"unicode/utf8"
)

// Scoring constants; see the package documentation for the formula.
const (
	// ScoreScale is the number of score points one penalty point costs.
	ScoreScale = 2.0
	// MinScoredWords is the word count below which texts count as this long.
	MinScoredWords = 200
)

// Report is the result of checking one text.
type Report struct {
	// Diagnostics are sorted by start offset, then end offset, then rule.
	Diagnostics []Diagnostic
	// Words is the number of words in the text.
	Words int
	// Penalty is the weighted findings per 1,000 words.
	Penalty float64
	// Score is 100 for a clean text, falling towards 0 with the penalty.
	Score float64
	// Categories splits Penalty by category (only categories with findings).
	Categories map[Category]float64

	doc *Document
}

// Document returns the checked document, for positions and text.
func (r *Report) Document() *Document { return r.doc }

// Position converts a byte offset in the checked text to a position.
func (r *Report) Position(off int) Position { return r.doc.Position(off) }

// NewReport builds a report for diagnostics found in doc, counting words and
// scoring. Front-ends that check an extracted text (the prose of a Markdown
// file, say) use it to report against the original document.
func NewReport(doc *Document, diags []Diagnostic) *Report {
	return newReport(doc, diags)
}

func newReport(doc *Document, diags []Diagnostic) *Report {
	r := &Report{Diagnostics: diags, Words: CountWords(doc.text), doc: doc, Categories: map[Category]float64{}}
	r.Penalty, r.Score, r.Categories = Score(diags, r.Words)
	return r
}

// Score computes the penalty per 1,000 words, the 0..100 score and the
// penalty by category of diagnostics found in a text of words words.
func Score(diags []Diagnostic, words int) (penalty, score float64, byCategory map[Category]float64) {
	byCategory = map[Category]float64{}
	n := float64(max(words, MinScoredWords))
	for _, d := range diags {
		p := 1000 * d.Severity.Weight() * d.Confidence / n
		penalty += p
		byCategory[d.Category] += p
	}
	score = math.Max(0, 100-ScoreScale*penalty)
	return penalty, score, byCategory
}

// asciiClass classifies ASCII bytes for CountWords: 1 space, 2 letter or
// digit, 0 other.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for _, c := range " \t\n\r\v\f" {
		t[c] = 1
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = 2
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = 2
		t[c-'a'+'A'] = 2
	}
	return t
}()

// CountWords counts the runs of non-space characters that hold at least one
// letter or digit.
func CountWords(text string) int {
	n := 0
	counted := false
	for i := 0; i < len(text); {
		c := text[i]
		var class uint8
		if c < utf8.RuneSelf {
			class = asciiClass[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			switch {
			case unicode.IsSpace(r):
				class = 1
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				class = 2
			}
		}
		switch class {
		case 1:
			counted = false
		case 2:
			if !counted {
				n++
				counted = true
			}
		}
	}
	return n
}
