package rules

import (
	"strings"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// MTFingerprint flags phrases that round-trip machine translation leaves
// behind, such as a lone "rice field." after a sentence (Japanese
// sentence-final "た" read as the noun 田, "rice field").
var MTFingerprint = &mtcheck.Rule{
	Name: "mt-fingerprint",
	Doc: "round-trip translation residue such as a stray \"rice field.\" after a sentence\n" +
		"Each fingerprint is a lowercase orphan sentence that a machine translator produced " +
		"from a sentence-final particle read as a word. The stray phrase is deleted by the fix.",
	Category: mtcheck.Mistranslation,
	Severity: mtcheck.Error,
	Run:      mtfRun,
}

// mtfFingerprint is one known round-trip residue: an orphan lowercase
// sentence Phrase + "." standing after a complete sentence.
type mtfFingerprint struct {
	// Phrase is the residue without its final period, in lower case as
	// the translator emits it.
	Phrase string
	// Lang is the source language (ISO 639-1) of the round trip.
	Lang string
	// Explanation says what the translator misread; it ends the message.
	Explanation string
	// Origin records where the fingerprint was observed.
	Origin string
	// Confidence is the measured share of guarded matches that are residue.
	Confidence float64
}

// mtfTable is the curated fingerprint table. Keep it small and precise:
// every entry needs observed residue and a measured confidence.
//
// Candidates considered and rejected: "Has been done." (Japanese
// "されています"; also found as a terse reply in English notes, 2 of 4
// public hits were English), "trout." (ます read as 鱒; no residue found in
// 10 public hits, all English), orphan "is." / "was." (no evidence
// gathered, and too close to elliptical English such as "It is.").
var mtfTable = []mtfFingerprint{
	{
		Phrase:      "rice field",
		Lang:        "ja",
		Explanation: `Japanese sentence-final "た" read as 田, "rice field"`,
		// Seed article (2 of 2), and Japanese-to-English technical
		// documentation on GitHub (3 hits of ". rice field." on
		// find_string, all residue once guarded; the 2 further hits, a
		// label list "paddy field. rice field. agricultural field." and
		// a dictionary line "aleisigron n. rice field.", are excluded by
		// the guards). Fixtures: 10 positives, none of the 11 negative
		// "rice field" lines flagged; no report on about 3 MB of correct
		// English (fiction, release notes, changelogs, manuals).
		Origin:     "seed article; Japanese-to-English technical docs",
		Confidence: 0.95,
	},
	{
		Phrase:      "increase",
		Lang:        "ja",
		Explanation: `Japanese polite ending "ます" read as 増す, "increase"`,
		// Public text hits of a lowercase orphan "increase." after a
		// sentence: 5 residue (terms of service, app captions, a
		// translated tech blog, a hash-function chapter) against 1
		// English ("says nonsign. increase.", an abbreviation, now
		// excluded by mtfAbbrevs): 5 of 6 before the guard. Fixtures: 3
		// positives, none of 5 negative "increase" lines flagged.
		Origin:     "Japanese-to-English app captions, terms of service, docs",
		Confidence: 0.8,
	},
}

// mtfAbbrevs are words that end in a period without ending a sentence; a
// fingerprint right after one is part of that sentence ("U.S. rice field").
var mtfAbbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "mt": true,
	"ft": true, "no": true, "vs": true, "approx": true, "incl": true, "est": true,
	"avg": true, "sig": true, "nonsign": true, "cf": true, "ca": true, "fig": true,
	"vol": true, "pp": true, "op": true,
}

// mtfMinWords is the number of words the sentence before a fingerprint must
// have. Residue follows complete sentences; labels in a list ("paddy field.
// rice field.") and dictionary lines do not reach it.
const mtfMinWords = 3

// mtfLookback bounds the backward scan for the preceding sentence.
const mtfLookback = 400

func mtfRun(pass *mtcheck.Pass) error {
	text := pass.Text()
	lastEnd := -1 // end of the last flagged phrase (just after its period)
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '.')
		if j < 0 {
			break
		}
		dot := i + j
		i = dot + 1
		fp, start := mtfMatchBefore(text, dot)
		if fp == nil {
			continue
		}
		end := dot + 1
		ok, lineAlone := mtfContextOK(text, start, end, lastEnd)
		if !ok {
			continue
		}
		lastEnd = end
		pass.Report(mtcheck.Diagnostic{
			Span:       mtcheck.Span{Start: start, End: end},
			Message:    "round-trip residue \"" + fp.Phrase + ".\" (" + fp.Explanation + ")",
			Confidence: mtfConfidence(fp, lineAlone),
			Fixes:      []mtcheck.Fix{mtfFix(text, start, end, lineAlone, fp)},
		})
	}
	return nil
}

// mtfConfidence lowers the confidence of a fingerprint standing alone on a
// line, where a list of lowercase labels is a (rare) alternative reading.
func mtfConfidence(fp *mtfFingerprint, lineAlone bool) float64 {
	if lineAlone {
		return fp.Confidence - 0.1
	}
	return fp.Confidence
}

// mtfMatchBefore returns the fingerprint whose phrase ends just before the
// period at dot, and the phrase's start, or nil.
func mtfMatchBefore(text string, dot int) (*mtfFingerprint, int) {
	for k := range mtfTable {
		fp := &mtfTable[k]
		start := dot - len(fp.Phrase)
		if start < 0 {
			continue
		}
		if text[start:dot] == fp.Phrase {
			return fp, start
		}
	}
	return nil, 0
}

// mtfContextOK reports whether the phrase at [start,end) is an orphan
// sentence after a complete one (or alone on its line) and is followed by
// the end of a line or a new sentence. lastEnd is the end of the previous
// flagged phrase, which counts as a complete sentence.
func mtfContextOK(text string, start, end, lastEnd int) (ok, lineAlone bool) {
	// After: spaces, then end of text or line, a capital, digit, opening
	// quote or bracket, or another fingerprint.
	k := end
	for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
		k++
	}
	atLineEnd := k == len(text) || text[k] == '\n' || text[k] == '\r'
	if !atLineEnd {
		if k == end {
			return false, false // "rice field.com", "increase.5"
		}
		if !mtfStartsSentence(text[k:]) {
			return false, false
		}
	}
	// Before: white space after the end of a sentence, or a line of its own
	// after a line that ends a sentence.
	b := start
	for b > 0 && (text[b-1] == ' ' || text[b-1] == '\t') {
		b--
	}
	if b == 0 || text[b-1] == '\n' {
		if !atLineEnd {
			return false, false
		}
		for b > 0 && (text[b-1] == ' ' || text[b-1] == '\t' || text[b-1] == '\n' || text[b-1] == '\r') {
			b--
		}
		return b == lastEnd || mtfSentenceEndsAt(text, b), true
	}
	if b == start {
		return false, false // "price field."
	}
	if b == lastEnd {
		return true, false // a second residue right after a flagged one
	}
	return mtfSentenceEndsAt(text, b), false
}

// mtfSentenceEndsAt reports whether a complete sentence of at least
// mtfMinWords words ends just before offset b: a terminator, optionally
// followed by closing quotes or brackets, that does not end an
// abbreviation.
func mtfSentenceEndsAt(text string, b int) bool {
	p := b
	for p > 0 && strings.IndexByte("\"')]", text[p-1]) >= 0 {
		p--
	}
	// Closing curly quotes are three bytes: ” (E2 80 9D) and ’ (E2 80 99).
	for p >= 3 && text[p-3] == 0xE2 && text[p-2] == 0x80 && (text[p-1] == 0x9D || text[p-1] == 0x99) {
		p -= 3
	}
	switch {
	case p == 0:
		return false
	case text[p-1] == '.' || text[p-1] == '!' || text[p-1] == '?':
		p--
	case p >= 3 && text[p-3:p] == "\u2026":
		p -= 3
	default:
		return false
	}
	if text[p] == '.' && mtfAbbrevBefore(text, p) {
		return false
	}
	return mtfWordsBefore(text, p) >= mtfMinWords
}

// mtfStartsSentence reports whether s starts like a new sentence or another
// fingerprint.
func mtfStartsSentence(s string) bool {
	c := s[0]
	switch {
	case c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	case c == '"' || c == '\'' || c == '(' || c == '[':
		return true
	case strings.HasPrefix(s, "\u201c") || strings.HasPrefix(s, "\u2018"):
		return true
	}
	for k := range mtfTable {
		p := mtfTable[k].Phrase
		if len(s) > len(p) && s[:len(p)] == p && s[len(p)] == '.' {
			return true
		}
	}
	return false
}

// mtfAbbrevBefore reports whether the period at dot ends an abbreviation: a
// single letter ("U.S."), a word with an inner period ("e.g.") or a word in
// mtfAbbrevs.
func mtfAbbrevBefore(text string, dot int) bool {
	if dot > 0 && text[dot-1] == '.' {
		return false // an ellipsis "..."
	}
	w := dot
	for w > 0 && dot-w < 16 && (mtfIsLetter(text[w-1]) || text[w-1] == '.') {
		w--
	}
	word := text[w:dot]
	if word == "" {
		return false // "2020." or "”." : not an abbreviation
	}
	if len(word) == 1 || strings.IndexByte(word, '.') >= 0 {
		return true
	}
	return mtfAbbrevs[strings.ToLower(word)]
}

// mtfWordsBefore counts the words of the sentence that ends at the
// terminator at end, up to mtfMinWords.
func mtfWordsBefore(text string, end int) int {
	words := 0
	inWord := false
	for p := end - 1; p >= 0 && end-p <= mtfLookback; p-- {
		c := text[p]
		if c == '\n' || ((c == '.' || c == '!' || c == '?') && p+1 < len(text) && (text[p+1] == ' ' || text[p+1] == '\n')) {
			break
		}
		if mtfIsLetter(c) || (c >= '0' && c <= '9') || c >= 0x80 {
			if !inWord {
				words++
				inWord = true
				if words >= mtfMinWords {
					return words
				}
			}
		} else {
			inWord = false
		}
	}
	return words
}

func mtfIsLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// mtfFix deletes the phrase with the white space before it; a phrase alone
// on its line goes with its line break.
func mtfFix(text string, start, end int, lineAlone bool, fp *mtfFingerprint) mtcheck.Fix {
	msg := "delete \"" + fp.Phrase + ".\""
	if lineAlone {
		s := start
		for s > 0 && text[s-1] != '\n' {
			s--
		}
		e := end
		for e < len(text) && (text[e] == ' ' || text[e] == '\t' || text[e] == '\r') {
			e++
		}
		if e < len(text) && text[e] == '\n' {
			e++
		}
		return mtcheck.DeleteFix(msg, mtcheck.Span{Start: s, End: e}, true)
	}
	s := start
	for s > 0 && (text[s-1] == ' ' || text[s-1] == '\t') {
		s--
	}
	e := end
	// Trailing white space at the end of a line goes too.
	k := end
	for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
		k++
	}
	if k == len(text) || text[k] == '\n' || text[k] == '\r' {
		e = k
	}
	return mtcheck.DeleteFix(msg, mtcheck.Span{Start: s, End: e}, true)
}
