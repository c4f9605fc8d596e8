package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// SentenceFragment finds orphan sentences without a subject or finite verb
// inside running prose, as round-trip translation leaves them when it drops
// a clause: "To secure a lasting deal." (an infinitive on its own), "Did not
// arrive." (a predicate without its subject), "Vow not to raise taxes." (a
// commitment verb that lost its subject and tense).
//
// Only short sentences that follow a full sentence in the same paragraph and
// end in a plain full stop are candidates; their part-of-speech tags decide.
// Headlines, list items, lines without final punctuation, quotations,
// dialogue answers ("Yes.", "Not yet.", "Of course."), answers to a question
// ("Why? To win."), infinitives that spell out an aim named just before ("One
// goal. To win the league."), negative imperatives ("Do not …") and
// imperatives in prose that addresses the reader stay quiet, and so do
// stylistic verbless fragments ("A bold move."), which the rule does not try
// to tell from damage. The severity is warning because a dropped clause loses
// meaning; the confidences stay at or below 0.6. No fix is offered: the
// missing clause cannot be guessed.
var SentenceFragment = &mtcheck.Rule{
	Name: "sentence-fragment",
	Doc: "orphan sentence fragment left by a dropped clause\n" +
		"Flags a short sentence inside running prose that is an infinitive on its own (\"To reach a deal.\"), " +
		"a predicate without a subject (\"Did not arrive.\") or a commitment verb without subject " +
		"(\"Pledge not to raise taxes.\").",
	Category: mtcheck.Fragment,
	Severity: mtcheck.Warning,
	Needs:    mtcheck.NeedSentences | mtcheck.NeedTags,
	Run:      sfrRun,
}

// Confidences, graded by shape. Measured while developing on
// testdata/rules/sentence-fragment (23 fragments, 32 lines of near misses), the seed
// (2 fragments) and about 400k words of clean prose (the Debian Reference,
// licence texts and Go docs that .ci/clean-corpus uses; prose's sherlock.txt
// and article.txt; the WSJ sample of prose's treebank data rebuilt into
// paragraphs; Candide; Rust's release notes; two Vim help files). Clean prose
// gave two matches, both an infinitive clause before an imperative ("To
// recover, boot the system…", "To enable it configure with…"), now excluded
// by the comma and second-verb tests; after that, none. The grades weigh how often correct English can take
// each shape:
//   - sfrConfInfinitive: "To"/"In order to" + verb, no finite verb: 11 of 11
//     real (10 fixtures, 1 seed); "To be sure." and kin are excluded by list.
//   - sfrConfNoSubject: auxiliary + "not" + verb with no subject: 7 of 7
//     real; literary narration can drop subjects this way ("Was not sure.").
//   - sfrConfCommitment: a commitment verb ("pledge", "vow", "agreed") with
//     no subject, followed by "to"/"not": 7 of 7 real (6 fixtures, 1 seed),
//     but an imperative in an opinion piece has the same shape.
const (
	sfrConfInfinitive = 0.6
	sfrConfNoSubject  = 0.55
	sfrConfCommitment = 0.45
)

// sfrMaxWords is the longest candidate sentence, in words.
const sfrMaxWords = 12

// sfrMinPrevWords is the least number of words in the full sentence before a
// candidate.
const sfrMinPrevWords = 5

// sfrAux are auxiliaries that start a subjectless predicate ("Did not …").
var sfrAux = map[string]bool{
	"Did": true, "Does": true, "Was": true, "Were": true, "Is": true, "Are": true,
	"Has": true, "Have": true, "Had": true, "Will": true, "Would": true, "Could": true,
	"Can": true, "Should": true, "Must": true, "Might": true, "Shall": true,
}

// sfrCommitment are verbs of commitment and statement that news prose uses
// with a subject; without one they mark a dropped clause. Imperatives in
// clean prose rarely use them.
var sfrCommitment = map[string]bool{
	"Pledge": true, "Pledges": true, "Pledged": true, "Vow": true, "Vows": true, "Vowed": true,
	"Promise": true, "Promises": true, "Promised": true, "Agree": true, "Agrees": true, "Agreed": true,
	"Refuse": true, "Refuses": true, "Refused": true, "Threaten": true, "Threatens": true,
	"Threatened": true, "Urge": true, "Urges": true, "Urged": true, "Decide": true, "Decides": true,
	"Decided": true, "Propose": true, "Proposes": true, "Proposed": true, "Intend": true,
	"Intends": true, "Intended": true, "Seek": true, "Seeks": true, "Sought": true,
	"Vowing": true, "Pledging": true, "Promising": true, "Agreeing": true, "Refusing": true,
}

// sfrInfinitiveIdioms are "To …" sentences that are stylistic, not damage.
var sfrInfinitiveIdioms = []string{
	"To be sure", "To be fair", "To be clear", "To be honest", "To be frank", "To be precise",
	"To be continued", "To be exact", "To sum up", "To put it", "To wit", "To say the least",
	"To say nothing", "To each his own", "To each their own", "To err is", "To date",
	"To this day", "To be or not", "To be announced", "To be confirmed", "To be determined",
	"To be decided", "To be held",
}

func sfrRun(pass *mtcheck.Pass) error {
	text := pass.Text()
	sents := pass.Sentences()
	paras := pass.Doc.Paragraphs()
	pi := 0
	for k := 1; k < len(sents); k++ {
		s, prev := sents[k].Span, sents[k-1].Span
		for pi < len(paras) && paras[pi].End < s.Start {
			pi++
		}
		if pi >= len(paras) {
			break
		}
		para := paras[pi]
		if prev.Start < para.Start || !para.Contains(s) {
			continue // first sentence of its paragraph
		}
		st := text[s.Start:s.End]
		shape, ok := sfrShapeOf(st)
		if !ok {
			continue
		}
		// Same line as the previous sentence or running on from it: not a list
		// item or a caption under a heading.
		if strings.IndexByte(text[prev.End:s.Start], '\n') >= 0 {
			continue
		}
		pt := text[prev.Start:prev.End]
		if !sfrFullSentence(pt) || strings.HasSuffix(strings.TrimRight(pt, "\"'”’)"), "?") {
			continue // a fragment answering a question is style: "Why? To win."
		}
		if shape == sfrShapeInfinitive && sfrNamesPurpose(pt) {
			continue // "The club has one goal. To win the league."
		}
		if sfrInsideQuote(text[para.Start:s.Start]) {
			continue
		}
		if shape == sfrShapeCommitment && sfrAddressed(text[prev.Start:prev.End]) {
			continue // prose that addresses the reader may go on in the imperative
		}
		if !sfrConfirm(pass, s, shape) {
			continue
		}
		switch shape {
		case sfrShapeInfinitive:
			pass.Reportf(s, sfrConfInfinitive, nil, "%q is an infinitive without a main clause: a clause may have been dropped", st)
		case sfrShapeNoSubject:
			pass.Reportf(s, sfrConfNoSubject, nil, "%q has no subject: a clause may have been dropped", st)
		default:
			pass.Reportf(s, sfrConfCommitment, nil, "%q has no subject: a clause may have been dropped", st)
		}
	}
	return nil
}

type sfrShape int

const (
	sfrShapeInfinitive sfrShape = iota + 1
	sfrShapeNoSubject
	sfrShapeCommitment
)

// sfrShapeOf checks the cheap, lexical shape of a candidate sentence: short,
// ending in a plain full stop, without quotes or brackets, and starting with
// "To", an auxiliary + "not", or a commitment verb + "to"/"not".
func sfrShapeOf(s string) (sfrShape, bool) {
	if len(s) < 8 || s[len(s)-1] != '.' || strings.HasSuffix(s, "..") {
		return 0, false
	}
	// The first word decides whether the sentence can be a candidate at all.
	sp := strings.IndexByte(s, ' ')
	if sp < 0 {
		return 0, false
	}
	if first := s[:sp]; first != "To" && first != "In" && !sfrAux[first] && !sfrCommitment[first] {
		return 0, false
	}
	if strings.ContainsAny(s, "\"“”‘()[]:;`") {
		return 0, false
	}
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > sfrMaxWords {
		return 0, false
	}
	w0, w1 := words[0], strings.TrimSuffix(words[1], ".")
	r1, _ := utf8.DecodeRuneInString(w1)
	switch {
	case w0 == "In" && len(words) > 3 && words[1] == "order" && words[2] == "to":
		// "In order to deter attacks.": the same infinitive, three words long.
		if strings.IndexByte(s, ',') >= 0 {
			return 0, false
		}
		return sfrShapeInfinitive, true
	case w0 == "To":
		// "To recover, boot the system…": a comma introduces the main clause.
		if !unicode.IsLower(r1) || strings.IndexByte(s, ',') >= 0 {
			return 0, false
		}
		for _, idiom := range sfrInfinitiveIdioms {
			if strings.HasPrefix(s, idiom) {
				return 0, false
			}
		}
		return sfrShapeInfinitive, true
	case sfrAux[w0]:
		if w1 != "not" || len(words) < 3 {
			return 0, false
		}
		return sfrShapeNoSubject, true
	case sfrCommitment[w0]:
		if len(words) < 3 || (w1 != "to" && w1 != "not") {
			return 0, false
		}
		return sfrShapeCommitment, true
	}
	return 0, false
}

// sfrFullSentence reports whether s reads as a full sentence of running
// prose: enough words, ending in sentence punctuation.
func sfrFullSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’)")
	if s == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if last != '.' && last != '!' && last != '?' {
		return false
	}
	return len(strings.Fields(s)) >= sfrMinPrevWords
}

// sfrPurposeNouns name an aim that a following infinitive fragment may
// spell out in correct, if informal, prose.
var sfrPurposeNouns = map[string]bool{
	"goal": true, "goals": true, "aim": true, "aims": true, "plan": true, "plans": true,
	"mission": true, "task": true, "job": true, "priority": true, "priorities": true,
	"ambition": true, "ambitions": true, "objective": true, "objectives": true, "purpose": true,
	"dream": true, "hope": true, "wish": true, "idea": true, "option": true, "options": true,
	"choice": true, "way": true, "reason": true, "intention": true, "target": true,
	"focus": true, "challenge": true, "message": true, "promise": true, "promises": true,
	"solution": true, "answer": true, "thing": true, "strategy": true, "motive": true,
	"instruction": true, "instructions": true, "order": true, "orders": true, "advice": true,
	"request": true, "demand": true, "call": true, "decision": true, "temptation": true,
	"alternative": true, "step": true, "steps": true, "remedy": true, "cure": true, "fix": true,
}

// sfrNamesPurpose reports whether s names an aim that an infinitive could
// spell out.
func sfrNamesPurpose(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if sfrPurposeNouns[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// sfrAddressed reports whether s speaks in the first or second person.
func sfrAddressed(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch w { // case matters: "US" is a country
		case "we", "We", "us", "our", "Our", "you", "You", "your", "Your", "I", "my", "My", "me":
			return true
		}
	}
	return false
}

// sfrInsideQuote reports whether a quotation opened in before (the paragraph
// up to the candidate) is still open.
func sfrInsideQuote(before string) bool {
	open := false
	for _, r := range before {
		switch r {
		case '“':
			open = true
		case '”':
			open = false
		case '"':
			open = !open
		}
	}
	return open
}

// sfrConfirm tags the candidate sentence and checks that it has no subject
// and (beyond a leading auxiliary) no finite verb.
func sfrConfirm(pass *mtcheck.Pass, s mtcheck.Span, shape sfrShape) bool {
	toks := pass.Tag(s)
	if len(toks) < 3 {
		return false
	}
	for i, t := range toks {
		if i == 0 {
			continue
		}
		switch t.Tag {
		case "VBD", "VBZ", "VBP", "MD":
			if !(shape == sfrShapeCommitment && i == 1) && !(shape == sfrShapeNoSubject && i == 2) {
				return false
			}
		case "PRP":
			if strings.EqualFold(t.Text, "you") || strings.EqualFold(t.Text, "we") {
				return false // addressed to the reader: an imperative
			}
		}
	}
	switch shape {
	case sfrShapeInfinitive:
		// A second bare verb not joined to the first is an imperative main
		// clause: "To enable it configure with the flag."
		for i := 2; i < len(toks); i++ {
			if toks[i].Tag == "VB" {
				switch strings.ToLower(toks[i-1].Text) {
				case "to", "and", "or", "not":
				default:
					return false
				}
			}
		}
		if toks[0].Text == "In" {
			return len(toks) > 4 && toks[3].Tag == "VB"
		}
		return toks[1].Tag == "VB"
	case sfrShapeNoSubject:
		// Aux + not + a verb: "Did not reach.", "Was not accepted."
		if len(toks) < 3 {
			return false
		}
		switch toks[2].Tag {
		case "VB", "VBN", "VBG", "VBD":
			return true
		case "JJ": // "Were not able to…", "Was not available."
			switch toks[0].Text {
			case "Was", "Were", "Is", "Are":
				return true
			}
		}
		return false
	default:
		return true
	}
}
