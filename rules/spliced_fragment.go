package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// SplicedFragment finds link or headline text that a scraper spliced into
// running prose: a short phrase followed, with no punctuation, by a
// capitalised function word or pronoun that starts a new clause, as in
// "…due to the storm. Heavy losses The plan was…" or "…met in Paris Talks on
// new trade rules It will…".
//
// The signal is a capitalised function word (The, It, They, In, Was…) right
// after a word on the same line and followed by a lowercase word. The
// diagnostic covers the spliced phrase in front of it: the run from the
// nearest capitalised word back to the boundary ("Heavy losses", "Talks on
// new trade rules"), or the run between two such boundaries ("Was not
// accepted" in "…of them Was not accepted They…"). Where only a name stands
// before the trigger ("…dinner with Macron The two…") the diagnostic covers
// the boundary ("Macron The"), at lower confidence: that is as likely a
// missing full stop. Titles ("the film It Happened One Night"), names
// ("Winnie The Pooh", "Moon Jae In said"), headlines on their own line, text
// after a colon or dash, tables and the pronoun "I" stay quiet.
// Part-of-speech tags of a few words around each candidate confirm it: the
// word before the trigger can end a clause, the trigger starts one, and the
// phrase is not itself a clause. No fix is offered: a person must decide
// whether to delete the phrase or restore the punctuation.
var SplicedFragment = &mtcheck.Rule{
	Name: "spliced-fragment",
	Doc: "link or headline text spliced into a sentence\n" +
		"Flags a short phrase that runs into a capitalised function word or pronoun (\"The\", \"It\", \"In\"…) " +
		"with no punctuation between, as scrapers leave link and headline text inside paragraphs.",
	Category: mtcheck.Splice,
	Severity: mtcheck.Warning,
	Needs:    mtcheck.NeedTags,
	Run:      spfRun,
}

// Confidences, graded by shape. Measured while developing on
// testdata/rules/spliced-fragment (28 splices, 94 lines of near misses), the seed
// (4 splices) and about 400k words of clean prose (the Debian Reference,
// licence texts and Go docs that .ci/clean-corpus uses; prose's sherlock.txt
// and article.txt; the WSJ sample of prose's treebank data rebuilt into
// paragraphs; Candide from x/text's testdata; Rust's release notes; two Vim
// help files): no match in correct English, so the grades rest on the
// near misses each shape lets through before tagging and on how often the
// flagged phrase is foreign text rather than a missing full stop.
//   - spfConfPair: a phrase between two boundaries ("…them Was not accepted
//     They…"): 6 of 6 real (5 fixtures, 1 seed).
//   - spfConfAfterStop: a phrase of 1–5 words between a sentence end and the
//     boundary: 15 of 15 real (13 fixtures, 2 seed); in the WSJ sample it
//     also found 2 headings that had been run into the next paragraph.
//   - spfConfMid: a capitalised run mid-sentence before the boundary: 10 of
//     10 real (9 fixtures, 1 seed); a name may end the clause before it.
//   - spfConfBreak: a single capitalised word mid-sentence before the
//     boundary ("…met Macron The talks…"): as likely a missing full stop
//     as a splice (1 fixture); no match of this shape in clean text.
const (
	spfConfPair      = 0.9
	spfConfAfterStop = 0.85
	spfConfMid       = 0.75
	spfConfBreak     = 0.6
)

// spfMaxRun is the longest spliced phrase, in words.
const spfMaxRun = 6

// spfTriggers are the function words and pronouns that start the clause after
// a splice, in their capitalised form. "I" is absent: it is capitalised
// everywhere.
var spfTriggers = map[string]bool{
	"The": true, "A": true, "An": true, "This": true, "These": true, "Those": true,
	"It": true, "Its": true, "They": true, "Their": true, "He": true, "His": true,
	"She": true, "Her": true, "We": true, "Our": true, "There": true,
	"In": true, "On": true, "At": true, "For": true, "From": true, "With": true, "By": true,
	"Was": true, "Were": true, "Is": true, "Are": true, "Has": true, "Have": true, "Had": true,
	"But": true,
}

// spfNoClauseEnd are words after which a clause cannot end, so a capitalised
// word after them begins a name or title ("in The Hague", "the film It
// Happened One Night", "read The Economist").
var spfNoClauseEnd = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "in": true, "on": true, "at": true, "to": true,
	"for": true, "from": true, "with": true, "by": true, "about": true, "into": true, "onto": true,
	"as": true, "than": true, "like": true, "via": true, "per": true, "and": true, "or": true,
	"but": true, "nor": true, "that": true, "which": true, "who": true, "whose": true, "whom": true,
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true,
	"has": true, "have": true, "had": true, "do": true, "does": true, "did": true, "will": true,
	"would": true, "can": true, "could": true, "shall": true, "should": true, "may": true,
	"might": true, "must": true, "not": true, "this": true, "these": true, "those": true,
	"his": true, "her": true, "its": true, "their": true, "our": true, "my": true, "your": true,
	"called": true, "named": true, "titled": true, "entitled": true, "dubbed": true, "nicknamed": true,
	"film": true, "films": true, "movie": true, "novel": true, "book": true, "books": true,
	"song": true, "songs": true, "single": true, "album": true, "show": true, "series": true,
	"sitcom": true, "play": true, "poem": true, "story": true, "magazine": true, "newspaper": true,
	"paper": true, "journal": true, "band": true, "group": true, "episode": true, "opera": true,
	"musical": true, "painting": true, "documentary": true, "podcast": true, "game": true,
	"read": true, "reads": true, "reading": true, "watched": true, "watching": true,
	"see": true, "saw": true, "seen": true, "starring": true, "starred": true, "wrote": true,
	"written": true, "directed": true, "sang": true, "sing": true, "sings": true, "performed": true,
	"edition": true, "vitamin": true, "grade": true, "type": true, "plan": true, "class": true,
	"category": true, "exhibit": true, "option": true, "section": true, "part": true,
	"level": true, "letter": true, "row": true, "gate": true, "block": true, "phase": true,
	"model": true, "version": true, "route": true, "team": true, "division": true, "league": true,
	"hepatitis": true, "triple": true, "double": true, "influenza": true, "flu": true, "size": true, "cup": true, "pool": true,
}

// spfComplementVerbs take a clause as object; a capitalised pronoun after
// them starts that clause ("Christians believe He rose again").
var spfComplementVerbs = map[string]bool{
	"say": true, "says": true, "said": true, "believe": true, "believes": true, "believed": true,
	"think": true, "thinks": true, "thought": true, "know": true, "knows": true, "knew": true,
	"hope": true, "hopes": true, "hoped": true, "fear": true, "fears": true, "feared": true,
	"claim": true, "claims": true, "claimed": true, "argue": true, "argues": true, "argued": true,
	"insist": true, "insists": true, "insisted": true, "feel": true, "feels": true, "felt": true,
	"suggest": true, "suggests": true, "suggested": true, "warn": true, "warns": true,
	"warned": true, "admit": true, "admits": true, "admitted": true, "deny": true, "denies": true,
	"denied": true, "expect": true, "expects": true, "expected": true, "confess": true,
	"confessed": true, "pray": true, "prayed": true, "trust": true, "trusted": true,
	"wrote": true, "writes": true, "write": true, "sang": true, "sing": true, "sings": true,
	"reply": true, "replied": true, "answer": true, "answered": true, "cried": true, "shouted": true,
	"saying": true, "thinking": true, "believing": true, "warning": true, "claiming": true,
	"arguing": true, "insisting": true, "asking": true, "writing": true, "stating": true,
	"declaring": true, "ask": true, "asks": true, "asked": true, "wonder": true, "wonders": true,
	"wondered": true, "state": true, "states": true, "stated": true, "declared": true,
	"announced": true, "read": true, "reads": true, "tweeted": true, "posted": true,
}

// spfPrepositions are the triggers that are prepositions.
var spfPrepositions = map[string]bool{
	"In": true, "On": true, "At": true, "For": true, "From": true, "With": true, "By": true,
}

// spfNPStart are words that begin the noun phrase after a clause-opening
// "In" ("In a", "In the", "In response").
var spfNPStart = map[string]bool{
	"a": true, "an": true, "the": true, "his": true, "her": true, "its": true, "their": true,
	"our": true, "this": true, "that": true, "these": true, "those": true, "some": true,
	"reference": true, "response": true, "addition": true, "fact": true, "contrast": true,
	"particular": true, "recent": true, "order": true, "total": true, "general": true, "short": true,
}

// spfLowerFunction are function words that may not follow "A"/"An" in a
// splice ("vitamin A and", "Plan A is").
var spfLowerFunction = map[string]bool{
	"and": true, "or": true, "in": true, "is": true, "was": true, "of": true, "to": true,
	"for": true, "on": true, "at": true, "by": true, "with": true, "as": true, "are": true,
	"were": true, "has": true, "had": true, "have": true, "from": true,
}

// spfWord is a word of a line, with its byte span in the document.
type spfWord struct {
	start, end int
	text       string
}

func spfRun(pass *mtcheck.Pass) error {
	text := pass.Text()
	doc := pass.Doc
	lastLine := -1
	lineProse := false
	var lineSpan mtcheck.Span
	var found []spfFinding
	for i := 1; i < len(text); i++ {
		c := text[i]
		if c < 'A' || c > 'Z' || text[i-1] != ' ' {
			continue
		}
		// A capitalised word after a blank: read it.
		j := i + 1
		for j < len(text) && text[j] >= 'a' && text[j] <= 'z' {
			j++
		}
		w := text[i:j]
		if !spfTriggers[w] {
			continue
		}
		n := doc.LineOf(i)
		if n != lastLine {
			lastLine = n
			lineSpan = doc.Line(n)
			lineProse = spfIsProseLine(text[lineSpan.Start:lineSpan.End])
		}
		if !lineProse {
			continue
		}
		if f, ok := spfCandidate(text, lineSpan, i, j); ok {
			found = append(found, f)
		}
		i = j
	}
	// A boundary that starts a later boundary's phrase is reported once, with
	// that phrase.
	for k, f := range found {
		if k+1 < len(found) && found[k+1].shape == spfShapePair && found[k+1].phrase.Start == f.word.Start {
			continue
		}
		if !spfConfirm(pass, f) {
			continue
		}
		phrase := text[f.phrase.Start:f.phrase.End]
		var conf float64
		var msg string
		switch f.shape {
		case spfShapePair:
			conf = spfConfPair
			msg = "%q looks spliced in: it runs into %q with no punctuation between"
		case spfShapeAfterStop:
			conf = spfConfAfterStop
			msg = "%q looks like headline or link text spliced before %q"
		case spfShapeBreak:
			pass.Reportf(f.phrase, spfConfBreak, nil, "no sentence break between %q and %q: a missing full stop or spliced text",
				strings.TrimRight(text[f.phrase.Start:f.word.Start], " \t"), text[f.word.Start:f.word.End])
			continue
		default:
			conf = spfConfMid
			msg = "%q looks like headline or link text spliced before %q"
		}
		pass.Reportf(f.phrase, conf, nil, msg, phrase, text[f.word.Start:f.word.End])
	}
	return nil
}

type spfShape int

const (
	spfShapeMid spfShape = iota
	spfShapeAfterStop
	spfShapePair
	spfShapeBreak
)

// spfFinding is a candidate splice: the capitalised function word that
// starts the next clause and the phrase before it.
type spfFinding struct {
	word   mtcheck.Span
	phrase mtcheck.Span
	shape  spfShape
}

// spfIsProseLine reports whether a line reads as running prose: it ends in
// sentence punctuation and is not mostly capitalised words (a headline).
func spfIsProseLine(line string) bool {
	line = strings.TrimRight(line, " \t\r")
	line = strings.TrimRight(line, "\"'”’)]")
	if line == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if last != '.' && last != '!' && last != '?' && last != '…' {
		return false
	}
	// Count words by their first letter, without allocating.
	words, caps := 0, 0
	atStart := true
	for _, r := range line {
		if r == ' ' || r == '\t' {
			atStart = true
			continue
		}
		if atStart && unicode.IsLetter(r) {
			words++
			if unicode.IsUpper(r) {
				caps++
			}
		}
		atStart = false
	}
	return words >= 6 && caps*2 <= words
}

// spfIsWordRune reports whether r may be part of a word.
func spfIsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-'
}

// spfCandidate checks the capitalised trigger text[ws:we] and finds the
// phrase spliced before it.
func spfCandidate(text string, line mtcheck.Span, ws, we int) (spfFinding, bool) {
	w := text[ws:we]
	// The trigger must be followed by a blank and a lowercase word.
	if we >= line.End || text[we] != ' ' {
		return spfFinding{}, false
	}
	ns := we + 1
	r, _ := utf8.DecodeRuneInString(text[ns:line.End])
	if !unicode.IsLower(r) {
		return spfFinding{}, false
	}
	ne := ns
	for ne < line.End {
		r, size := utf8.DecodeRuneInString(text[ne:line.End])
		if !spfIsWordRune(r) {
			break
		}
		ne += size
	}
	next := text[ns:ne]
	if (w == "A" || w == "An") && spfLowerFunction[next] {
		return spfFinding{}, false
	}
	if spfPrepositions[w] && (next == "the" || next == "a" || next == "an") && ne+1 < line.End && text[ne] == ' ' {
		// "On the Waterfront", "In the Heat of the Night": a title or name.
		if r, _ := utf8.DecodeRuneInString(text[ne+1 : line.End]); unicode.IsUpper(r) {
			return spfFinding{}, false
		}
	}
	// Words before the trigger, nearest first, up to the phrase limit. Only
	// spaces separate them: tabs mark tables and columns.
	var words [spfMaxRun + 1]spfWord
	nw := 0
	stop := byte(0) // what ended the walk: '.' a sentence end, '^' line start, ',' other punctuation
	pos := ws
	for nw <= spfMaxRun {
		// Skip blanks.
		k := pos
		for k > line.Start && text[k-1] == ' ' {
			k--
		}
		if k == pos && nw > 0 || k == line.Start {
			stop = '^'
			if k != line.Start {
				stop = ','
			}
			break
		}
		if k == pos { // the trigger itself must follow a blank
			return spfFinding{}, false
		}
		e := k
		s := e
		for s > line.Start {
			r, size := utf8.DecodeLastRuneInString(text[line.Start:s])
			if !spfIsWordRune(r) {
				break
			}
			s -= size
		}
		if s == e || !spfHasAlnum(text[s:e]) {
			stop = ',' // punctuation, including dashes ("--")
			break
		}
		words[nw] = spfWord{s, e, text[s:e]}
		nw++
		pos = s
		if s > line.Start {
			prev := text[s-1]
			switch {
			case prev == ' ':
				// Is the word before that a sentence end?
				k := s - 1
				for k > line.Start && text[k-1] == ' ' {
					k--
				}
				if k > line.Start && (text[k-1] == '.' || text[k-1] == '!' || text[k-1] == '?') {
					stop = '.'
				}
			default:
				stop = ','
			}
			if stop != 0 {
				break
			}
		} else {
			stop = '^'
			break
		}
	}
	if nw == 0 {
		return spfFinding{}, false
	}
	p := words[0].text
	// A verb that takes a clause ("warning", "says") ends no phrase, except
	// as the noun of a two-word headline right after a sentence end:
	// "…drought. Flood warning The river rose…".
	headlineNoun := nw == 2 && stop == '.' && spfCapitalised(words[1].text)
	if spfNoClauseEnd[p] || spfComplementVerbs[p] && !headlineNoun || p == "I" || spfAllCaps(p) {
		return spfFinding{}, false
	}
	pr, _ := utf8.DecodeRuneInString(p)
	if unicode.IsUpper(pr) && (w == "A" || w == "An" || w == "He" || w == "In" && !spfNPStart[next]) {
		// Names and labels: "Nguyen Van An", "Plan A", "Premier He",
		// "Moon Jae In said"; "In" still counts before a noun phrase, as in
		// "…rates. Treasury Securities In a surprise move…".
		return spfFinding{}, false
	}
	if strings.HasSuffix(p, "'s") || strings.HasSuffix(p, "’s") || strings.HasSuffix(p, "s'") || strings.HasSuffix(p, "s’") {
		return spfFinding{}, false // a possessive owns what follows: "Stephen King's It was filmed twice"
	}
	// The rightmost capitalised word before the trigger starts the phrase.
	c := -1
	for k := 0; k < nw; k++ {
		r, _ := utf8.DecodeRuneInString(words[k].text)
		if unicode.IsUpper(r) && words[k].text != "I" {
			c = k
			break
		}
	}
	titleRun := c == 0
	if c == 0 {
		// A Title-Case run right before the trigger is one phrase:
		// "…rates. Treasury Securities In a…".
		for c+1 < nw && spfCapitalised(words[c+1].text) {
			c++
		}
	}
	if c < 0 {
		// A lowercase run right after a sentence end: "…overnight. read more
		// It left…".
		if r, _ := utf8.DecodeRuneInString(words[nw-1].text); (stop == '.' || stop == '^') && nw <= 3 && unicode.IsLower(r) {
			return spfFinding{
				word:   mtcheck.Span{Start: ws, End: we},
				phrase: mtcheck.Span{Start: words[nw-1].start, End: words[0].end},
				shape:  spfShapeAfterStop,
			}, true
		}
		return spfFinding{}, false
	}
	f := spfFinding{word: mtcheck.Span{Start: ws, End: we}, phrase: mtcheck.Span{Start: words[c].start, End: words[0].end}}
	cw := words[c].text
	switch {
	case spfTriggers[cw] && c+1 < nw:
		// A boundary itself: "…them Was not accepted They…".
		f.shape = spfShapePair
	case c == nw-1 && (stop == '.' || stop == '^') && c+1 <= 5:
		f.shape = spfShapeAfterStop
	case titleRun && c+1 < nw:
		// Capitalised words ending right before the trigger mid-sentence are
		// most often a name that ends the clause ("…with Macron The…"):
		// flag the boundary.
		f.phrase = mtcheck.Span{Start: words[0].start, End: we}
		f.shape = spfShapeBreak
	case c+1 < nw && c+1 <= spfMaxRun:
		// Mid-sentence: the word before the phrase must be a plain word
		// that can end a clause.
		before := words[c+1].text
		if spfNoClauseEnd[before] {
			return spfFinding{}, false
		}
		f.shape = spfShapeMid
	default:
		return spfFinding{}, false
	}
	if f.shape == spfShapePair {
		before := words[c+1].text
		if spfNoClauseEnd[before] {
			return spfFinding{}, false
		}
	}
	return f, true
}

// spfTagContext is roughly how many bytes of context around a candidate
// are tagged.
const spfTagContext = 14

// spfBlankBefore returns the offset just after the last blank at or before
// off, not before lo (lo if there is none).
func spfBlankBefore(text string, lo, off int) int {
	if off <= lo {
		return lo
	}
	for i := off; i > lo; i-- {
		if text[i-1] == ' ' {
			return i
		}
	}
	return lo
}

// spfBlankAfter returns the offset of the first blank at or after off, not
// beyond hi (hi if there is none).
func spfBlankAfter(text string, hi, off int) int {
	if off >= hi {
		return hi
	}
	for i := off; i < hi; i++ {
		if text[i] == ' ' {
			return i
		}
	}
	return hi
}

// spfHasAlnum reports whether s holds a letter or digit.
func spfHasAlnum(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// spfCapitalised reports whether s starts with an upper-case letter and is
// not the pronoun "I".
func spfCapitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) && s != "I"
}

// spfAllCaps reports whether s has two or more letters, all upper case
// (acronyms and datelines: "NATO", "US").
func spfAllCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// spfConfirm tags the candidate's sentence and checks three things: the
// word before the trigger can end a clause (a noun, pronoun, participle,
// adverb or number, not a determiner, preposition or auxiliary), a pronoun
// trigger is followed by a verb and a determiner trigger by no verb (so it
// starts a clause, not a title), and a headline phrase holds no pronoun or
// modal (which would make it a clause of the sentence).
func spfConfirm(pass *mtcheck.Pass, f spfFinding) bool {
	text := pass.Text()
	// Tag a window of a few words around the phrase and the trigger, within
	// the line and not reaching back past a sentence end: the tagger's cost
	// is per token, and the rule needs no sentence layer.
	lim := pass.Doc.Line(pass.Doc.LineOf(f.word.Start))
	start := spfBlankBefore(text, lim.Start, f.phrase.Start-spfTagContext)
	if k := strings.LastIndex(text[start:f.phrase.Start], ". "); k >= 0 {
		start += k + 2
	}
	span := mtcheck.Span{Start: start, End: spfBlankAfter(text, lim.End, f.word.End+spfTagContext)}
	toks := pass.Tag(span)
	wi := -1
	for i, t := range toks {
		if t.Start == f.word.Start {
			wi = i
			break
		}
	}
	if wi < 1 || wi+1 >= len(toks) {
		return false
	}
	prev := toks[wi-1].Tag
	switch prev {
	case "DT", "CC", "TO", "PRP$", "MD", "WDT", "WP", "WP$", "POS", "EX":
		return false
	}
	next := toks[wi+1].Tag
	switch text[f.word.Start:f.word.End] {
	case "It", "They", "He", "She", "We":
		if !strings.HasPrefix(next, "VB") && next != "MD" && next != "RB" {
			return false
		}
	case "The", "A", "An", "Its", "Their", "His", "Her", "Our":
		if next == "VBD" || next == "VBZ" || next == "VBP" || next == "MD" {
			return false
		}
		// After a past or base verb the determiner starts its object
		// ("God gave His only son").
		if prev == "VBD" || prev == "VB" {
			return false
		}
	}
	if f.shape == spfShapePair {
		return true
	}
	for _, t := range toks[:wi] {
		if t.Start < f.phrase.Start || f.shape == spfShapeBreak {
			continue
		}
		switch t.Tag {
		case "MD", "PRP", "WP", "WDT", "VBD":
			// A pronoun, modal or past tense makes the phrase a clause of the
			// sentence ("Critics loved On the Waterfront"); headlines use
			// the present.
			return false
		}
		// Headlines drop articles; a phrase with one is part of the
		// sentence ("Moody's gave a triple A rating").
		switch t.Text {
		case "a", "an", "the":
			return false
		}
	}
	return true
}
