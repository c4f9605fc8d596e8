package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// FusedWords finds two words run together where a space was lost: a name
// pair ("Vladimirputin"), a name glued to the next word ("Peskovcalled"), or
// a photo credit or site-section label glued to the text after it
// ("ReutersThe", "HomeWorldDoes").
var FusedWords = &mtcheck.Rule{
	Name: "fused-words",
	Doc: "two words run together where a space was lost\n" +
		"Flags a first name fused with a surname (\"Vladimirputin\"), a known name fused with a common " +
		"verb or function word (\"Peskovcalled\"), and a photo credit or site-section word fused with " +
		"the next word (\"ReutersThe\", \"HomeWorldDoes\"). Real CamelCase and prefixed names " +
		"(McDonald, DeSantis, YouTube, iPhone) stay quiet.",
	Category: mtcheck.Name,
	Severity: mtcheck.Warning,
	Options: []mtcheck.OptionSpec{
		{Name: "first-names", Doc: "first names to know besides the built-in list (\"Teresa\")", Default: []string{}},
		{Name: "surnames", Doc: "surnames to know besides the built-in list (\"Holm\")", Default: []string{}},
	},
	Prepare: fswPrepare,
	Run:     fswRun,
}

// Confidence per kind. Measured on the fixtures in testdata/rules/fused-words
// and the seed (flags there are real by construction) and on a 12 MB stress
// run over clean third-party text full of names and CamelCase identifiers
// (fortune quote collections, 238 package READMEs; not committed). The stress
// run's false alarms, all fixed by the guards now in the code, are listed
// per kind:
//
//   - fswConfPairSeen: first name + surname fused, and the same two words
//     stand side by side elsewhere ("Olaf Scholz", "Marcus Hill"), with the
//     first name on the list. Fixtures 2 of 2. Stress: "Hitchhiker" beside
//     "Hitch Hiker" and a GitHub handle "KevinEady" beside "Kevin Eady" were
//     wrong until the list had to vouch for the first name and Markdown
//     link text and handles with digits were skipped.
//   - fswConfPairKnown: both halves on the lists, or one on the lists and
//     the other used as a name in the text (a surname after a listed first
//     name). Fixtures and seed 9 of 9 (Vladimirputin, Joebiden, Xijinping,
//     VladimirPutin, Andrzejkowalczyk...). Stress: "Aliquid" (Ali + Quid)
//     and "MoonBall" were wrong until short first names needed a listed
//     surname and Moon/Kim left the first-name list.
//   - fswConfPairDoc: a listed first name + a capitalised word the text
//     uses inside sentences but never after a first name ("Danielreyes"
//     beside "Reyes said"). Fixtures 1 of 1; weaker because Bill + Board is
//     a billboard, so four-letter first names need the word twice.
//   - fswConfPairSurname: an unknown first name + a listed surname of six or
//     more letters ("Kirazakharova"). Only the confidence test exercises it;
//     short surnames end common words (Rosebush), hence the length.
//   - Recall, on the clean news fixtures with one "First Last" pair fused at
//     a time where the surname recurs: 10 of the 12 person names (missed:
//     Tom + a surname never used alone, a first name on no list).
//   - World names (positive_world.txt, negative_world.txt): with the
//     regional lists in fused_words_names.go, 36 of 36 fused names from
//     Japan to Mexico are found (31 both listed, 2 a listed first name +
//     a surname the text uses, 1 seen apart, 1 name + "said"; 2 of 36
//     before the lists). The negative file's compound given names
//     (Mohammadreza, Karlheinz, Hanspeter, Zhaochen), place names
//     (Ahmednagar, Pavlograd), shops and brands (Takashimaya, DenizBank,
//     GautamGroup) stay quiet only through the guards: a second given
//     name, the tails in fswSurnameEndings, five letters for a surname
//     known only from the text, brand words in fswNotNames. On 4.2M
//     words of /usr/share/doc text the lists and guards removed 7 false
//     alarms (Zhaochen, Hansjoerg, Hanspeter) and added none; on 110
//     AUTHORS/THANKS files one ("DiegoCaraballo", a user name alone on its
//     line, now skipped).
//   - fswConfGlueDoc: a name the text uses alone + said/called/and...
//     ("Kremlinsaid", "Peskovcalled"). Fixtures 5 of 5; stress 0 false alarms.
//   - fswConfGlueList: the same with the name known only from the lists
//     ("Danilovsaid"). Fixtures 1 of 1; stress 0.
//   - fswConfCredit: a photo credit + a capitalised word ("ReutersThe",
//     "ImagesJoe", "APThe"). Fixtures 5 of 5; stress 0 ("APIs" stays quiet:
//     two-letter credits need a real word after them).
//   - fswConfSection: a site-section word + a word that opens a sentence
//     or a first name ("HomeWorldDoes"). Fixtures 3 of 3; stress 0; brand
//     names built from section words (NewsGuard, SportsCenter) are the risk.
//   - fswConfNameStarter: a name the text uses + a sentence opener
//     ("StoltenbergThe"). Fixtures 1 of 1; stress 1 false alarm, a chat
//     nick "<LisaHere>", now skipped.
const (
	fswConfPairSeen    = 0.95
	fswConfPairKnown   = 0.9
	fswConfPairDoc     = 0.8
	fswConfPairSurname = 0.7
	fswConfGlueDoc     = 0.9
	fswConfGlueList    = 0.8
	fswConfCredit      = 0.95
	fswConfSection     = 0.7
	fswConfNameStarter = 0.7
	// fswSafeFrom is the confidence from which a fix is marked safe.
	fswSafeFrom = 0.9
)

// fswForm is a distinct capitalised word (first letter upper, rest lower).
type fswForm struct {
	count      int
	firstUse   bool    // seen directly before another capitalised word
	afterFirst bool    // seen directly after a first name on the built-in list
	mid        int     // occurrences inside a sentence, not at its start
	occs       []int32 // starts, kept only for words long enough to be fused
}

type fswScan struct {
	text  string
	forms map[string]*fswForm
	camel map[string][]int32
	lower map[string]struct{}
	pairs map[string]struct{}
	buf   []byte // scratch for lower-casing
	// first and last are the first names and surnames known without the
	// text: the built-in lists and the rule's options.
	first, last map[string]struct{}
	lastLow     map[string]struct{}
	key         []byte // scratch for pair keys
}

// usedAlone reports whether right stands somewhere in the text without left
// and a space before it ("Lindqvist said" besides "Ingrid Lindqvist"). It
// looks at no more than 64 occurrences.
func (s *fswScan) usedAlone(left, right string) bool {
	f := s.forms[right]
	if f == nil {
		return false
	}
	for i, occ := range f.occs {
		if i == 64 {
			break
		}
		o := int(occ)
		if o < len(left)+1 || s.text[o-1] != ' ' || s.text[o-len(left)-1:o-1] != left {
			return true
		}
	}
	return false
}

// pairSeen reports whether "left right" stands in the text, without
// allocating the key.
func (s *fswScan) pairSeen(left, right string) bool {
	s.key = append(append(append(s.key[:0], left...), ' '), right...)
	_, ok := s.pairs[string(s.key)]
	return ok
}

// fswLists are the name lists a Checker prepares from the rule's options.
type fswLists struct {
	first, last map[string]struct{}
	lastLow     map[string]struct{} // last, lower-cased
}

// fswLowerSet returns the lower-cased words of m.
func fswLowerSet(m map[string]struct{}) map[string]struct{} {
	out := make(map[string]struct{}, len(m))
	for w := range m {
		out[strings.ToLower(w)] = struct{}{}
	}
	return out
}

var fswDefaultLists = &fswLists{first: fswFirstNames, last: fswSurnames, lastLow: fswLowerSet(fswSurnames)}

// fswPrepare merges the options' names into the built-in lists.
func fswPrepare(o mtcheck.Options) (any, error) {
	l := &fswLists{first: fswFirstNames, last: fswSurnames}
	extend := func(base map[string]struct{}, opt string) (map[string]struct{}, error) {
		more := o.Strings(opt)
		if len(more) == 0 {
			return base, nil
		}
		m := make(map[string]struct{}, len(base)+len(more))
		for w := range base {
			m[w] = struct{}{}
		}
		for _, w := range more {
			r, _ := utf8.DecodeRuneInString(w)
			if w == "" || !fswIsUpper(r) || strings.ContainsAny(w, " \t\n") {
				return nil, fmt.Errorf("option %s: %q is not a capitalised single word", opt, w)
			}
			m[w] = struct{}{}
		}
		return m, nil
	}
	var err error
	if l.first, err = extend(l.first, "first-names"); err != nil {
		return nil, err
	}
	if l.last, err = extend(l.last, "surnames"); err != nil {
		return nil, err
	}
	l.lastLow = fswLowerSet(l.last)
	return l, nil
}

// fswMinFused is the shortest all-lowercase-tail word tried as a fusion.
const fswMinFused = 7

func fswRun(pass *mtcheck.Pass) error {
	text := pass.Text()
	if len(text) > 1<<31-1 {
		return nil
	}
	lists, _ := pass.Prepared().(*fswLists)
	if lists == nil {
		lists = fswDefaultLists
	}
	s := &fswScan{
		first:   lists.first,
		last:    lists.last,
		lastLow: lists.lastLow,
		text:    text,
		forms:   make(map[string]*fswForm),
		camel:   make(map[string][]int32),
		lower:   make(map[string]struct{}),
		pairs:   make(map[string]struct{}),
	}
	s.scan()
	for tok, occs := range s.camel {
		if d, ok := s.camelCase(tok); ok {
			s.emit(pass, tok, occs, d)
		}
	}
	for tok, f := range s.forms {
		if len(tok) < fswMinFused || f.occs == nil {
			continue
		}
		if d, ok := s.lowerTail(tok); ok {
			s.emit(pass, tok, f.occs, d)
		}
	}
	return nil
}

// fswFinding is what was found in one distinct token.
type fswFinding struct {
	message string
	conf    float64
	cuts    []int  // byte offsets in the token where a space goes
	replace string // when set, the token's replacement (capitalises too)
	pair    bool   // a first name and a surname
}

func (s *fswScan) emit(pass *mtcheck.Pass, tok string, occs []int32, d fswFinding) {
	safe := d.conf >= fswSafeFrom
	for _, o := range occs {
		start := int(o)
		if d.pair && fswAloneOnLine(s.text, start, start+len(tok)) {
			continue // a user name in a list of contributors ("DiegoCaraballo")
		}
		span := mtcheck.Span{Start: start, End: start + len(tok)}
		var fix mtcheck.Fix
		if d.replace != "" {
			fix = mtcheck.ReplaceFix(fmt.Sprintf("replace with %q", d.replace), span, d.replace, safe)
		} else {
			fix = mtcheck.Fix{Message: "insert a space", Safe: safe}
			if len(d.cuts) > 1 {
				fix.Message = "insert spaces"
			}
			for _, c := range d.cuts {
				fix.Edits = append(fix.Edits, mtcheck.TextEdit{Span: mtcheck.Span{Start: start + c, End: start + c}, NewText: " "})
			}
		}
		pass.Report(mtcheck.Diagnostic{Span: span, Message: d.message, Confidence: d.conf, Fixes: []mtcheck.Fix{fix}})
	}
}

func fswIsUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'A' && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

func fswIsLower(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z'
	}
	return unicode.IsLower(r)
}

// scan makes the one pass over the text's letter runs.
func (s *fswScan) scan() {
	text := s.text
	var prev *fswForm
	prevStart, prevEnd := -1, -1
	i := 0
	for i < len(text) {
		c := text[i]
		var r rune
		n := 1
		if c < utf8.RuneSelf {
			if (c|0x20) < 'a' || (c|0x20) > 'z' {
				i++
				continue
			}
			r = rune(c)
		} else {
			r, n = utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) {
				i += n
				continue
			}
		}
		start := i
		firstUpper := fswIsUpper(r)
		restLower, camel := true, false
		prevLower := false
		i += n
		for i < len(text) {
			c = text[i]
			if c < utf8.RuneSelf {
				switch {
				case c >= 'a' && c <= 'z':
					prevLower = true
					i++
					continue
				case c >= 'A' && c <= 'Z':
					restLower = false
					if prevLower {
						camel = true
					} else if i+1 < len(text) && text[i+1] >= 'a' && text[i+1] <= 'z' && i-start >= 2 {
						camel = true // "AFPVladimir"
					}
					prevLower = false
					i++
					continue
				}
				break
			}
			r, n = utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) {
				break
			}
			if unicode.IsUpper(r) {
				restLower = false
				if prevLower {
					camel = true
				}
				prevLower = false
			} else {
				prevLower = unicode.IsLower(r)
			}
			i += n
		}
		end := i
		tok := text[start:end]
		if fswInURL(text, start, end) {
			prev = nil
			continue
		}
		switch {
		case !firstUpper:
			if restLower && len(tok) >= 4 { // as long as a part we look up
				if _, seen := s.lower[tok]; !seen { // a lookup is cheaper than an assignment
					s.lower[tok] = struct{}{}
				}
			}
			prev = nil
		case camel:
			s.camel[tok] = append(s.camel[tok], int32(start))
			prev = nil
		case restLower && len(tok) >= 2:
			f := s.forms[tok]
			if f == nil {
				f = &fswForm{}
				s.forms[tok] = f
			}
			f.count++
			if !fswSentenceStart(text, start) {
				f.mid++
			}
			if len(tok) >= fswMinFused {
				f.occs = append(f.occs, int32(start))
			}
			if prev != nil && prevEnd+1 == start && text[prevEnd] == ' ' {
				prev.firstUse = true
				s.pairs[text[prevStart:end]] = struct{}{}
				if _, ok := s.first[text[prevStart:prevEnd]]; ok {
					f.afterFirst = true
				}
			}
			prev, prevStart, prevEnd = f, start, end
		default:
			prev = nil
		}
	}
}

// fswInURL reports whether the token is part of a URL, address, handle or
// hashtag: a chat nick, a Markdown handle or a word touching digits, or
// what nmsInURL finds.
func fswInURL(text string, start, end int) bool {
	if end < len(text) && start > 0 && ((text[end] == '>' && text[start-1] == '<') || (text[end] == ']' && text[start-1] == '[')) {
		return true // <nick> in a chat log, [handle](link) in Markdown
	}
	if (end < len(text) && text[end] >= '0' && text[end] <= '9') || (start > 0 && text[start-1] >= '0' && text[start-1] <= '9') {
		return true // DavidCai1993: a handle or identifier
	}
	return nmsInURL(text, start, end)
}

// fswSentenceStart reports whether the word at off opens a sentence, a line
// or the text.
func fswSentenceStart(text string, off int) bool {
	for i := off - 1; i >= 0; i-- {
		switch text[i] {
		case ' ', '\t', '"', '\'', '(', '[':
			continue
		case '.':
			// "Dr. Verma", "George W. Bush": a title or an initial, not a full stop.
			j := i
			for j > 0 && text[j-1] >= 'A' && text[j-1] <= 'z' {
				j--
			}
			_, abbr := fswAbbrevs[text[j:i]]
			return !abbr && !(i-j == 1 && text[j] >= 'A' && text[j] <= 'Z')
		case '\n', '!', '?', ':':
			return true
		}
		if text[i] >= 0x80 { // curly quotes and other marks: look further back
			_, n := utf8.DecodeLastRuneInString(text[:i+1])
			i -= n - 1
			continue
		}
		return false
	}
	return true
}

var fswAbbrevs = nmsSet("Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt",
	"Sgt", "Rev", "Hon", "Maj", "Jr", "Sr")

// known reports whether w is used in the text on its own as a capitalised
// word that is not a common word.
func (s *fswScan) known(w string) bool {
	if _, ok := s.forms[w]; !ok {
		return false
	}
	if _, stop := fswNotNames[w]; stop {
		return false
	}
	if _, ok := s.lower[string(nmsLower(&s.buf, w))]; ok { // no allocation for the lookup
		return false
	}
	return true
}

// wordish reports whether the whole token is a word the text also uses in
// lower case, or a name on the built-in lists.
func (s *fswScan) wordish(tok string) bool {
	if _, ok := s.lower[strings.ToLower(tok)]; ok {
		return true
	}
	_, first := s.first[tok]
	_, last := s.last[tok]
	return first || last
}

// lowerTail examines a capitalised token whose tail is lower case:
// "Vladimirputin" (name pair) and "Peskovcalled" (name + common word).
func (s *fswScan) lowerTail(tok string) (fswFinding, bool) {
	d, ok := s.lowerTailSplit(tok)
	if !ok || s.wordish(tok) {
		return fswFinding{}, false
	}
	return d, true
}

func (s *fswScan) lowerTailSplit(tok string) (fswFinding, bool) {
	// Name + glue word.
	for _, g := range fswGlue {
		if len(tok)-len(g) < 4 || !strings.HasSuffix(tok, g) {
			continue
		}
		left := tok[:len(tok)-len(g)]
		if _, blocked := fswNotNames[left]; blocked {
			continue
		}
		conf := 0.0
		switch {
		case s.known(left) && s.forms[left].mid > 0: // a name, not a word opening a sentence
			conf = fswConfGlueDoc
		case s.listed(left):
			conf = fswConfGlueList
		default:
			continue
		}
		return fswFinding{
			message: fmt.Sprintf("%q and %q run together", left, g),
			conf:    conf,
			cuts:    []int{len(left)},
		}, true
	}
	// First name + surname.
	for cut := 2; cut <= len(tok)-2; cut++ {
		if !utf8.RuneStart(tok[cut]) {
			continue
		}
		left, tail := tok[:cut], tok[cut:]
		if _, blocked := fswSurnameEndings[tail]; blocked {
			continue
		}
		_, leftList := s.first[left]
		leftDoc := false
		if !leftList {
			if f := s.forms[left]; f != nil && f.firstUse && len(left) >= 3 && s.known(left) {
				leftDoc = true
			}
		}
		if !leftList && !leftDoc {
			// Only a well-known surname can vouch for an unknown first name.
			if len(left) < 4 || len(tail) < 6 {
				continue
			}
			if _, ok := s.lastLow[string(nmsLower(&s.buf, tail))]; !ok {
				continue
			}
		}
		right := fswTitle(tail)
		if d, ok := s.namePair(left, right, leftList, leftDoc); ok {
			d.replace = left + " " + right
			return d, true
		}
		// A first name the text uses before another name, fused with a
		// lower-case tail into the very pair the text spells apart, whose
		// surname the text also uses alone ("Ingridlindqvist" beside
		// "Ingrid Lindqvist" and "Lindqvist said"). CamelCase handles
		// ("KevinEady") keep needing a listed first name; compounds such as
		// "Hitchhiker" beside the title "The Hitch Hiker's Guide" have no
		// surname used alone.
		if r, _ := utf8.DecodeRuneInString(tail); leftDoc && unicode.IsLower(r) && s.pairSeen(left, right) && s.usedAlone(left, right) {
			if _, blocked := fswNotNames[left]; !blocked {
				return fswFinding{message: fmt.Sprintf("%q and %q run together", left, right), conf: fswConfPairSeen, replace: left + " " + right, pair: true}, true
			}
		}
	}
	return fswFinding{}, false
}

// namePair decides whether left and right, found run together, are a first
// name and a surname. leftList and leftDoc say whether left is a listed first
// name or one the text uses before another name.
func (s *fswScan) namePair(left, right string, leftList, leftDoc bool) (fswFinding, bool) {
	if _, blocked := fswNotNames[left]; blocked {
		return fswFinding{}, false
	}
	_, rightList := s.last[right]
	pairSeen := s.pairSeen(left, right)
	if _, rightFirst := s.first[right]; rightFirst && !rightList && !pairSeen {
		// Two given names make one compound given name (Hanspeter,
		// Alireza, Juancarlos, Zhaochen) unless the text spells them apart.
		return fswFinding{}, false
	}
	conf := 0.0
	if len(right) >= 4 && s.known(right) {
		f := s.forms[right]
		switch {
		case f.afterFirst && (leftList || leftDoc):
			// A surname the text uses after a first name ("Andrzej Kowalczyk").
			conf = fswConfPairKnown
		case leftList && len(right) >= 5 && ((len(left) >= 5 && f.mid >= 1) || (len(left) == 4 && f.mid >= 2)):
			// A capitalised word the text uses inside sentences ("Tatum
			// scored"); weaker, since Bill + Board is a billboard. Four
			// letters are too few: Takashi + Maya is a shop (Takashimaya),
			// Pavlo + Grad a city, Deniz + Bank a bank.
			conf = fswConfPairDoc
		}
	}
	if rightList {
		switch {
		case leftList:
			conf = max(conf, fswConfPairKnown)
		case leftDoc && len(left) >= 4:
			conf = max(conf, fswConfPairKnown)
		case len(right) >= 6 && len(left) >= 4:
			// An unknown first name before a well-known surname
			// ("Mariazakharova"); short surnames end common words (Rosebush).
			conf = max(conf, fswConfPairSurname)
		}
	}
	if pairSeen && leftList {
		conf = fswConfPairSeen // "Marcus Hill" elsewhere, even if "hill" is a word too
	}
	if conf == 0 {
		return fswFinding{}, false
	}
	if len(left) <= 3 && !rightList && !pairSeen {
		return fswFinding{}, false // Ali + quid: short first names start many words
	}
	if pairSeen {
		conf = fswConfPairSeen
	}
	return fswFinding{message: fmt.Sprintf("%q and %q run together", left, right), conf: conf, pair: true}, true
}

// fswAloneOnLine reports whether the token at [start,end) is all its line
// holds, spaces aside: a name list's user name or a heading, not prose.
func fswAloneOnLine(text string, start, end int) bool {
	for i := start - 1; i >= 0 && text[i] != '\n'; i-- {
		if text[i] != ' ' && text[i] != '\t' && text[i] != '\r' {
			return false
		}
	}
	for i := end; i < len(text) && text[i] != '\n'; i++ {
		if text[i] != ' ' && text[i] != '\t' && text[i] != '\r' {
			return false
		}
	}
	return true
}

// listed reports whether w is on a name list.
func (s *fswScan) listed(w string) bool {
	_, a := s.first[w]
	_, b := s.last[w]
	return a || b
}

// fswTitle capitalises the first letter of a lower-case word.
func fswTitle(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

// fswSegments splits a CamelCase token at its case boundaries and returns
// the byte offsets where each segment after the first starts: before a
// capital that follows a lower-case letter ("ReutersThe"), and before the
// last capital of a run that a lower-case letter follows ("AFPVladimir").
func fswSegments(tok string) []int {
	var cuts []int
	var p1, p2 rune // the two runes before i
	p1at := 0       // offset of p1
	for i, r := range tok {
		switch {
		case i == 0:
		case fswIsUpper(r) && fswIsLower(p1):
			cuts = append(cuts, i)
		case fswIsLower(r) && fswIsUpper(p1) && fswIsUpper(p2):
			cuts = append(cuts, p1at)
		}
		p2, p1, p1at = p1, r, i
	}
	return cuts
}

// camelCase examines a token with inner capitals: credits and section
// labels glued to the next word, name pairs, and names glued to a word that
// opens a sentence.
func (s *fswScan) camelCase(tok string) (fswFinding, bool) {
	cuts := fswSegments(tok)
	if len(cuts) == 0 {
		return fswFinding{}, false
	}
	segs := make([]string, 0, len(cuts)+1)
	last := 0
	for _, c := range cuts {
		segs = append(segs, tok[last:c])
		last = c
	}
	segs = append(segs, tok[last:])
	// Decide boundaries right to left, so that a chain of section words
	// ("HomeWorldDoes") holds when its last link does.
	accepted := make([]float64, len(cuts)) // confidence per cut, 0 = keep
	kindName := make([]string, len(cuts))
	for k := len(cuts) - 1; k >= 0; k-- {
		left, right := segs[k], segs[k+1]
		_, anyWord := fswCreditsAny[left]
		_, credit := fswCredits[left]
		_, section := fswSections[left]
		_, starter := fswStarters[right]
		_, rightFirst := s.first[right]
		_, rightSection := fswSections[right]
		_, rightCredit := fswCredits[right]
		_, rightCredit2 := fswCreditsAny[right]
		wordy := fswStartsWord(right) // a capital and two or more lower-case letters
		nextOK := k+1 < len(cuts) && accepted[k+1] > 0
		switch {
		case rightCredit || rightCredit2:
			// "GettyImages": one credit, written together.
		case anyWord && wordy:
			accepted[k], kindName[k] = fswConfCredit, "credit"
		case credit && wordy && (starter || rightFirst || s.listed(right) || s.known(right)):
			accepted[k], kindName[k] = fswConfCredit, "credit"
		case section && (starter || rightFirst || (rightSection && nextOK)):
			accepted[k], kindName[k] = fswConfSection, "section"
		}
	}
	var out []int
	conf := 1.0
	kind := ""
	for k, c := range accepted {
		if c > 0 {
			out = append(out, cuts[k])
			conf = min(conf, c)
			if kind == "" || kindName[k] == "section" {
				kind = kindName[k]
			}
		}
	}
	if len(out) > 0 {
		what := "photo credit"
		if kind == "section" {
			what = "site-section label"
		}
		var b strings.Builder
		last := 0
		for _, c := range out {
			b.WriteString(tok[last:c])
			b.WriteByte(' ')
			last = c
		}
		b.WriteString(tok[last:])
		return fswFinding{
			message: fmt.Sprintf("%s run into the next word: %q", what, b.String()),
			conf:    conf,
			cuts:    out,
		}, true
	}
	if len(segs) != 2 {
		return fswFinding{}, false
	}
	left, right := segs[0], segs[1]
	if !fswIsUpper([]rune(left)[0]) {
		return fswFinding{}, false
	}
	// First name + surname: "VladimirPutin". An unlisted first name needs
	// the pair spelled apart elsewhere: CamelCase brands are made of names
	// (HarperCollins).
	_, leftFirst := s.first[left]
	pairSeen := s.pairSeen(left, right)
	leftDoc := len(left) >= 3 && s.known(left) && s.forms[left].firstUse && pairSeen
	if leftFirst || leftDoc {
		if d, ok := s.namePair(left, right, leftFirst, leftDoc); ok {
			d.cuts = []int{len(left)}
			return d, true
		}
	}
	// A name the text uses + a word that opens a sentence: "StoltenbergThe".
	if _, starter := fswStarters[right]; starter && len(left) >= 4 && (s.known(left) || s.listed(left)) {
		return fswFinding{message: fmt.Sprintf("%q and %q run together", left, right), conf: fswConfNameStarter, cuts: []int{len(left)}}, true
	}
	return fswFinding{}, false
}

// fswStartsWord reports whether a segment after a photo credit looks like
// the first word of a caption or sentence: a capital and at least two lower
// case letters.
func fswStartsWord(seg string) bool {
	n := 0
	for i, r := range seg {
		if i == 0 {
			if !fswIsUpper(r) {
				return false
			}
			continue
		}
		if !fswIsLower(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// fswGlue are words that follow a name in news prose; a name fused with one
// of them lost its space. Two-letter words (is, in, on) are left out: too
// many real names end in them (Boston, Austin, Dennis).
var fswGlue = []string{
	"said", "says", "told", "tells", "called", "calls", "added", "adds", "asked", "warned", "warns",
	"stated", "noted", "wrote", "writes", "claimed", "insisted", "denied", "announced", "explained",
	"argued", "urged", "replied", "responded", "confirmed", "accused", "praised", "spoke",
	"and", "the", "was", "were", "has", "had", "have", "who", "which", "from", "that", "also",
	"will", "would", "could", "should", "after", "during", "about", "because", "administration",
	"government", "himself", "herself",
}

// fswCreditsAny are photo credits that never start a real CamelCase word:
// glued to any capitalised word, they lost a space or line break.
var fswCreditsAny = nmsSet("Alamy", "Reuters", "Getty", "Images", "Shutterstock", "AFP", "EPA", "WireImage",
	"Handout", "Xinhua", "Corbis", "iStock")

// fswCredits are credit words that also start brand names (BloombergQuint,
// APIs): they count only before a word that opens a sentence or a name.
var fswCredits = nmsSet("AP", "UPI", "DPA", "AAP", "ANP", "TASS", "Tass", "Bloomberg", "Sputnik",
	"Anadolu", "Photo", "Credit", "Caption", "Pool", "Contributor", "Courtesy")

// fswSections are site-navigation words that scrapers leave glued to the
// first word of the article.
var fswSections = nmsSet("Home", "World", "News", "Politics", "Business", "Sport", "Sports", "Opinion",
	"Video", "Videos", "Live", "Share", "Advertisement", "Read", "More", "Health", "Science", "Tech",
	"Technology", "Travel", "Culture", "Style", "Lifestyle", "Entertainment", "Markets", "Economy",
	"Climate", "Weather", "Menu", "Search", "Subscribe", "Related", "Latest", "Trending", "Topics",
	"Watch", "Listen", "Podcast", "Newsletter", "Europe", "Asia", "Africa", "Americas", "Australia",
	"Local", "National", "International", "Comment", "Comments", "Features", "Analysis", "Breaking",
	"Top", "Stories", "Story", "Advertising", "Sponsored", "Close", "Next", "Previous", "Back")

// fswStarters are words that open sentences and captions; a known name or a
// credit fused with one of them lost a space or a line break.
var fswStarters = nmsSet("The", "An", "In", "On", "At", "He", "She", "It", "They", "We", "His", "Her",
	"Their", "This", "That", "These", "Those", "There", "But", "And", "When", "While", "After", "Before",
	"As", "If", "For", "From", "With", "By", "Mr", "Mrs", "Ms", "Dr", "President", "Prime", "Officials",
	"What", "Why", "How", "Who", "Where", "Does", "Do", "Did", "Is", "Are", "Was", "Were", "Can",
	"Could", "Will", "Would", "Should", "Here", "Some", "Many", "Most", "All", "One", "Two", "Our",
	"Its", "No", "Now", "Then", "So", "Still", "Also", "Meanwhile", "However", "According", "Police",
	"Former", "Last", "Earlier", "Since", "Under", "Despite", "During", "Today", "Yesterday")

// fswNotNames are capitalised words that are never the first half of a
// fused name.
var fswNotNames = nmsSet("The", "This", "That", "There", "These", "Those", "New", "North", "South", "East",
	"West", "Saint", "San", "Santa", "Los", "Las", "Fort", "Port", "Mount", "Lake", "Great", "Little",
	"Upper", "Lower", "Old", "Royal", "National", "United", "General", "Green", "Black", "White", "Red",
	"Blue", "Brown", "Gold", "Silver", "Long", "High", "King", "Queen", "Prince", "Grand", "Central",
	"Middle", "Western", "Eastern", "Northern", "Southern", "When", "What", "While", "After", "Before",
	"And", "But", "For", "With", "From", "Into", "Over", "Under", "About", "Some", "Many", "Most", "More",
	"Head", "Home", "World", "News", "Free", "Star", "Sun", "Moon", "Day", "Night", "Land", "Water",
	"Wood", "Stone", "Field", "Hill", "River", "Bridge", "Castle", "Church", "Market", "Park", "Street",
	"House", "Hall", "Town", "City", "Bay", "Sea", "Ocean", "Island", "Valley", "Spring", "Summer",
	"Winter", "Autumn", "Fall", "May", "June", "August", "April", "March", "Monday", "Sunday", "Here",
	"Where", "Round", "Self", "Under", "Fore", "Hand", "Back", "Down", "Out", "Up", "Over",
	// Words that end brand names made of a first name (DenizBank,
	// AliExpress): never a surname.
	"Bank", "Group", "Media", "Motors", "Express", "Capital", "Energy", "Holding", "Holdings", "Foods",
	"Pharma", "Telecom", "Mobile", "Games", "Studio", "Studios", "Systems", "Airlines", "Airways", "Tech")

// fswSurnameEndings are tails that make a real surname or place name out of
// a first name: Williamson, Charlesworth, Georgetown.
var fswSurnameEndings = nmsSet("son", "sen", "sson", "ton", "town", "worth", "well", "wood", "ford", "field",
	"stone", "land", "ley", "berg", "burg", "stein", "man", "mann", "by", "ham", "ville", "dale", "more",
	"shaw", "smith", "s", "es", "e", "a", "o", "y", "ie", "ina", "ine", "ette", "ella", "ito", "ita", "on",
	"an", "en", "in", "er", "el", "ia", "io", "us", "is", "as", "ov", "ova", "ev", "eva", "ski", "sky",
	"ovich", "ovna", "ez", "es", "son's", "kins", "kin", "ing", "ings", "ville", "port", "mouth", "chester",
	"bury", "borough", "wick", "wich", "gate", "bridge", "ridge", "bourne", "hurst", "ward", "stead",
	"down", "book", "board", "way", "line", "ion", "ions", "ing", "et", "ets", "ber", "ple",
	// Parts of compound given names and surnames: Habibullah, Nasrallah,
	// Salahuddin, Alizadeh, Alipour, Vijaykumar, Jagannath, Manpreet,
	// Ranjit, Kemaloglu, Ivanenko.
	"ullah", "allah", "uddin", "zadeh", "pour", "kumar", "nath", "preet", "jeet", "jit", "oglu", "enko",
	// Place-name and brand tails: Ahmedabad, Ahmednagar, Pavlograd,
	// Pavlohrad, Narayanganj, Denizbank.
	"abad", "nagar", "ganj", "garh", "puram", "grad", "hrad", "ivka", "ovka", "bank")

// fswFirstNames are frequent first names in world news: the core list and
// the regional lists in fused_words_names.go.
var fswFirstNames = fswMerge(fswFirstCore, fswFirstJapanese, fswFirstChinese, fswFirstKorean,
	fswFirstSouthAsian, fswFirstAfrican, fswFirstArabicPersianTurkish, fswFirstSoutheastAsian,
	fswFirstEastEuropean, fswFirstWestEuropean)

// fswFirstCore are the first names most frequent in English-language news.
var fswFirstCore = []string{
	"Vladimir", "Joe", "Donald", "Kamala", "Emmanuel", "Olaf", "Angela", "Boris", "Rishi", "Keir", "Liz",
	"Theresa", "Xi", "Narendra", "Recep", "Volodymyr", "Dmitry", "Dmitri", "Sergei", "Sergey", "Alexei",
	"Alexey", "Benjamin", "Justin", "Jacinda", "Jair", "Jens", "Ursula", "Antonio", "Mohammed",
	"Fumio", "Shinzo", "Imran", "Ebrahim", "Bashar", "Cyril", "Elon", "Jeff", "Barack", "Hillary",
	"Bernie", "Nancy", "Mitch", "Kevin", "Nikki", "Marco", "Lindsey", "Antony", "Lloyd", "Jerome",
	"Janet", "Christine", "Kristalina", "Giorgia", "Pedro", "Mette", "Sanna", "Viktor", "Andrzej",
	"Mateusz", "Kyriakos", "Josep", "Roberta", "Greta", "Oleksii", "Oleksiy", "Dmytro", "Vitali",
	"Vitaliy", "Yulia", "Ramzan", "Yevgeny", "Mikhail", "Nikolai", "Valery", "Lionel", "Cristiano",
	"Jinping", "Shehbaz", "Ali", "Hassan", "Abdel", "Mahmoud", "Naftali", "Yair",
	"Isaac", "Tayyip", "Alexander", "Charles", "William", "Harry", "Meghan",
	"Kate", "Camilla", "Elizabeth", "George", "John", "James", "David", "Michael", "Robert", "Richard",
	"Thomas", "Stephen", "Andrew", "Peter", "Paul", "Mark", "Mike", "Ron", "Ted", "Pete", "Jake",
	"Mario", "Sebastian", "Jacob", "Gavin", "Chuck", "Bill", "Tim", "Sundar", "Satya", "Sam", "Mark",
	// Frequent English first names.
	"Scott", "Daniel", "Anthony", "Marcus", "Catherine", "Helen", "Helena", "Maria", "Sarah", "Emma",
	"Olivia", "Sophie", "Laura", "Rachel", "Rebecca", "Jessica", "Jennifer", "Elizabeth", "Margaret",
	"Susan", "Karen", "Linda", "Patricia", "Barbara", "Mary", "Anna", "Julia", "Claire", "Alice",
	"Charlotte", "Victoria", "Amanda", "Melissa", "Michelle", "Nicole", "Stephanie", "Natalie", "Hannah",
	"Matthew", "Christopher", "Joseph", "Brian", "Edward", "Ronald", "Timothy", "Jason", "Jeffrey",
	"Ryan", "Gary", "Nicholas", "Eric", "Jonathan", "Justin", "Brandon", "Benjamin", "Samuel", "Gregory",
	"Patrick", "Frank", "Raymond", "Dennis", "Jerry", "Tyler", "Aaron", "Henry", "Douglas", "Adam",
	"Nathan", "Zachary", "Kyle", "Walter", "Ethan", "Jeremy", "Christian", "Keith", "Roger", "Terry",
	"Sean", "Gerald", "Carl", "Arthur", "Lawrence", "Dylan", "Jesse", "Bryan", "Joe", "Jordan",
	"Albert", "Willie", "Gabriel", "Logan", "Alan", "Juan", "Wayne", "Roy", "Ralph", "Randy", "Eugene",
	"Vincent", "Russell", "Louis", "Philip", "Bobby", "Johnny", "Bradley", "Oliver", "Hugo", "Felix",
	"Lucas", "Martin", "Simon", "Philippe", "Pierre", "Jean", "Francois", "Hans", "Klaus", "Wolfgang",
	"Giuseppe", "Giovanni", "Carlos", "Miguel", "Jose", "Luis", "Ahmed", "Omar", "Yusuf", "Ibrahim",
	"Priya", "Rahul", "Amit", "Anjali", "Ravi", "Hiroshi", "Takeshi", "Chen", "Wei", "Olena", "Oksana",
	"Ivan", "Igor", "Natalia", "Tatiana", "Irina", "Svetlana", "Anastasia", "Ekaterina", "Katarzyna",
}

// fswSurnames are frequent surnames in world news: the core list and
// fswSurnamesWorld.
var fswSurnames = fswMerge(fswSurnamesCore, fswSurnamesWorld)

// fswSurnamesCore are the surnames most frequent in English-language news.
var fswSurnamesCore = []string{
	"Putin", "Biden", "Trump", "Obama", "Clinton", "Macron", "Scholz", "Merkel", "Johnson", "Sunak",
	"Starmer", "Truss", "Zelensky", "Zelenskyy", "Erdogan", "Modi", "Jinping", "Netanyahu", "Trudeau",
	"Ardern", "Bolsonaro", "Lula", "Stoltenberg", "Leyen", "Guterres", "Lavrov", "Peskov", "Shoigu",
	"Medvedev", "Navalny", "Lukashenko", "Kuleba", "Danilov", "Podolyak", "Klitschko", "Kadyrov",
	"Prigozhin", "Gerasimov", "Zakharova", "Blinken", "Pelosi", "McConnell", "Schumer", "McCarthy",
	"DeSantis", "Haley", "Rubio", "Sanders", "Buttigieg", "Yellen", "Lagarde", "Georgieva", "Draghi",
	"Meloni", "Frederiksen", "Orban", "Duda", "Morawiecki", "Tsipras", "Mitsotakis", "Rutte", "Borrell",
	"Metsola", "Thunberg", "Kishida", "Raisi", "Khamenei", "Rouhani", "Assad", "Ramaphosa", "Musk",
	"Bezos", "Zuckerberg", "Pichai", "Nadella", "Altman", "Saylor", "Harris", "Kushner", "Pompeo",
	"Bolton", "Sullivan", "Shmyhal", "Reznikov", "Zaluzhnyi", "Yermak", "Kim", "Xi", "Abe", "Bennett",
	"Lapid", "Gantz", "Sisi", "Salman", "Kerry", "Pence", "Cheney", "Bush", "Reagan", "Kennedy",
	"Mandela", "Gorbachev", "Yeltsin", "Stalin", "Lenin", "Zelenskiy",
}
