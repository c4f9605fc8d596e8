package rules

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// MissingSpace finds a sentence end glued to the next sentence, as in
// "invasion.But" or "said.”Then", and offers to insert the missing space.
var MissingSpace = &mtcheck.Rule{
	Name: "missing-space",
	Doc: "a sentence end glued to the next sentence (\"invasion.But\")\n" +
		"Abbreviations (U.S., e.g., J.R.R.), numbers, versions, URLs, domains, e-mail\n" +
		"addresses, file names and code identifiers are left alone.",
	Category: mtcheck.Spacing,
	Severity: mtcheck.Warning,
	Run:      mspRun,
}

// Confidences of the missing-space classes, measured on the rule's
// fixtures (testdata/rules/missing-space: positive and negative files),
// the clean corpus (testdata/clean), the seed, and ~70 MB of technical
// English split into ~5,300 documents (the Go distribution's comments,
// /usr/share/doc, Debian changelogs), whose hits were judged by hand:
//
//   - word + mark + strong sentence starter ("invasion.But", "said.”Then"):
//     15 of 15 fixture positives and the seed's "invasion.But"; 0 in the
//     negatives, the clean corpus and the seed otherwise; in the technical
//     corpus 4 of 4 hits were real ("repository.The").
//   - word + mark + other starter ("delayed.Since", "Friday.Customers"): 1
//     fixture positive and 1 in testdata/articles, 0 false in fixtures; in
//     the technical corpus 0 of 3 hits were real ("errors.As", "sync.Once").
//   - number + mark + starter ("2014.But"): 1 positive, 0 false anywhere.
//   - all-caps word + mark + starter ("NATO.The"): 1 positive, 0 false.
//   - word + mark + name attested elsewhere in mid-sentence
//     ("Union.Stoltenberg"): 4 fixture positives and the seed's
//     "Union.Stoltenberg", 0 false in fixtures and clean prose; in the
//     technical corpus 0 of 15 hits were real (Go identifiers such as
//     "time.Time" in comments without other code marks).
//   - word + mark + a capitalised word whose lower-case form the text uses
//     elsewhere ("sharply.Ridership" beside "ridership"), only in documents
//     without any code mark: 2 fixture positives, 0 false in fixtures, the
//     clean corpus and the CI clean corpus (Debian Reference, licences, Go
//     docs: 111k words); weaker than a name, as nothing but the text says it
//     starts a sentence.
//   - capitalised word + mark + acronym ("Moscow.NATO"): 1 positive, 0 false
//     in fixtures; 0 of 1 real in the technical corpus.
const (
	mspConfStarter        = 0.95
	mspConfWeakStarter    = 0.8
	mspConfName           = 0.7
	mspConfNumberStarter  = 0.85
	mspConfAcronymStarter = 0.85
	mspConfAcronym        = 0.6
	mspConfWord           = 0.6
)

// mspStarters are capitalised words that commonly open an English sentence.
// A lowercase word, a full stop and one of these is almost never correct.
var mspStarters = mspSet(`The A An But And Or So Yet Nor He She It We They I You This That These
Those There Here In On At As For From With Without After Before When While If However Meanwhile
Moreover Also Then Now Still His Her Its Their Our My Your Some Many Most All One Two Three No Not
What Why How Who Where Which Since Although Though Despite According During Last Next Earlier Later
Today Yesterday Tomorrow Instead Indeed Thus Therefore Finally Both Each Such Other Another Only
Even Asked By To Of Under Over Among Because Until Unless Once Whether Let Do Does Did Is Are Was Were
Has Have Had Will Would Can Could Should May Might Must Yes Well Oh Furthermore Nevertheless
Nonetheless Otherwise Similarly Likewise Besides Overall Anyway Again Hence Perhaps Maybe Just
Every Few Several Those Whatever Whoever Whenever Wherever Above Below Into Through Against Around
Following Speaking Recently Currently Previously Initially Ultimately Eventually Specifically
Unlike Like Upon Within Throughout Along Near Behind Beyond Amid Regarding Given Based Officials
Critics Analysts Experts Police Authorities Residents People Some Most Others Nobody Nothing
Everyone Everything Someone Something Customers Workers Investors Voters Students Doctors
Scientists Researchers Lawyers Protesters Witnesses Soldiers Troops Farmers Shoppers Passengers
Fans Parents Teachers Prices Sales Shares Markets Supporters Opponents Leaders Ministers Diplomats
Economists Officers Prosecutors Judges Firefighters Rescuers Visitors Tourists Drivers Patients`)

// mspStrongStarters are the sentence starters that code rarely uses as an
// identifier after a dot; only these are reported in technical documents.
var mspStrongStarters = mspSet(`The But However This These Those We They He She Then There Also
Meanwhile Moreover Furthermore Therefore Thus Instead Although Because If When While A An I It You
Our Their His Her My Nobody Nothing Everyone Everything Someone Something Yet Why What How Asked
According Earlier Later Officials Critics Analysts`)

// mspAbbrevs are abbreviations (lower-cased, without the full stop) after
// which a capital letter is expected and not a glued sentence.
var mspAbbrevs = mspSet(`mr mrs ms messrs mme mlle dr prof st jr sr gen col lt sgt capt cmdr adm gov sen rep
rev hon pres supt vol vols fig figs inc ltd co corp bros vs etc al cf ca approx dept jan feb
apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri mt ft ave blvd rd ph op ed
eds pp ch ibid viz esq univ assn govt intl natl nr tel ext min max pt ref repr trans dir fr sgt`)

// mspExtensions are top-level domains and file extensions: "Amazon.Com",
// "System.IO" and "Node.JS" are names, not glued sentences. English words
// that are also domains ("in", "it", "no", "to") are deliberately absent.
var mspExtensions = mspSet(`com org net int gov edu mil io js ts jsx tsx go py rb rs md txt pdf doc docx
xls xlsx ppt pptx html htm xml json csv tsv exe dll so zip gz tar png jpg jpeg gif svg css scss php
cpp hpp cs java kt swift sh bat yaml yml toml ini cfg conf sql db log uk de fr jp cn ru eu ch nl se
info biz tv fm ly ai app dev xyz ca au nz za ie es pl kr br mx ar readme news todo license
licence changelog copying authors install done`)

// mspBangNames are names that end in an exclamation mark.
var mspBangNames = mspSet(`yahoo jeopardy wham oklahoma`)

func mspSet(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

func mspRun(p *mtcheck.Pass) error {
	text := p.Text()
	var cands []mspCandidate
	quotes := 0 // straight double quotes seen so far on the current line
	tech := 0   // code marks seen: braces, backticks, calls "f(", "::", "==", "a_b"
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '\n':
			quotes = 0
		case '"':
			quotes++
		case '`', '{', '}':
			tech++
		case '(', '_':
			if i > 0 && i+1 < len(text) && mspIsAlnum(text[i-1]) && (c == '(' || mspIsAlnum(text[i+1])) {
				tech++
			}
		case ':', '=', '&', '|':
			if i+1 < len(text) && (text[i+1] == c || c == ':' && text[i+1] == '=' || c == '=' && text[i+1] == '>') {
				tech++
				i++
			}
		case '.', '!', '?':
			j := i + 1
			for j < len(text) && (text[j] == '.' || text[j] == '!' || text[j] == '?') {
				j++
			}
			if j < len(text) && i > 0 && mspMaybeLeft(text[i-1]) && mspMaybeRight(text[j]) {
				if cand, ok := mspCheck(text, i, j, quotes); ok {
					cands = append(cands, cand)
				}
			}
			i = j - 1
		}
	}
	if len(cands) == 0 {
		return nil
	}
	// The same glued token three times or more is a term ("unsafe.Pointer"),
	// not damage, unless a strong sentence starter follows the mark
	// ("said.But" repeated by a systematic slip).
	seen := make(map[string]int, len(cands))
	needEvidence := false
	for _, c := range cands {
		seen[text[c.span.Start:c.span.End]]++
		needEvidence = needEvidence || c.name || !c.strong
	}
	var ev mspEvidence
	if needEvidence {
		ev = mspGather(text, cands)
	}
	technical := tech >= mspTechMarks
	for _, c := range cands {
		switch {
		case !c.strong && seen[text[c.span.Start:c.span.End]] >= 3:
			continue
		case mspHasInnerMark(text, c, cands):
			continue
		case technical && !c.strong:
			continue
		case !c.strong && ev.namespace[c.left]:
			continue // "errors.Is" beside "errors.As": a package, not a sentence
		case c.name && !ev.proper[c.right] && (tech > 0 || !ev.ordinary[c.right]):
			continue // "data.Swap": nothing says Swap is a name or a word
		}
		conf := c.conf
		if c.name && !ev.proper[c.right] {
			conf = mspConfWord
		}
		fix := mtcheck.InsertFix("insert a space", c.insertAt, " ", c.safe)
		p.Reportf(c.span, conf, []mtcheck.Fix{fix}, "missing space after %q%s between %q and %q",
			text[c.ps:c.pe], c.quoteNote, text[c.span.Start:c.ps], c.fullRight)
	}
	return nil
}

// mspTechMarks is how many code marks make a document technical. There,
// "errors.Is" and "net.Socket" are identifiers, so only a glued sentence
// starter that code rarely uses ("invasion.The") is reported.
const mspTechMarks = 3

// mspCandidate is a glued sentence end found before the document-level
// filters run.
type mspCandidate struct {
	span     mtcheck.Span
	insertAt int
	safe     bool
	conf     float64
	left     string
	right    string
	strong   bool // a starter that code rarely uses: reported even in technical text
	name     bool // a name or acronym follows: needs evidence that it is a name
	// ps, pe delimit the punctuation; ts, te the token around it;
	// quoteNote and fullRight complete the message.
	ps, pe    int
	ts, te    int
	quoteNote string
	fullRight string
}

// mspEvidence is what the whole document says about candidate words.
type mspEvidence struct {
	// namespace holds left words that qualify other identifiers: they are
	// the left of two weak candidates with different right words, or are glued
	// by a dot to a lowercase or CamelCase word elsewhere ("gzip.NewReader").
	namespace map[string]bool
	// proper holds right words that also occur capitalised in mid-sentence
	// ("said Stoltenberg"), as names do.
	proper map[string]bool
	// ordinary holds right words whose lower-case form the text also uses
	// ("…fell sharply.Ridership…" beside "ridership fell"): an ordinary
	// word capitalised because it starts a sentence.
	ordinary map[string]bool
}

// mspGather makes one pass over text collecting evidence about the words of
// cands.
func mspGather(text string, cands []mspCandidate) mspEvidence {
	ev := mspEvidence{namespace: map[string]bool{}, proper: map[string]bool{}, ordinary: map[string]bool{}}
	lefts := make(map[string]string, len(cands)) // left word -> a right word seen with it
	rights := make(map[string]bool, len(cands))
	lowerRights := make(map[string]string, len(cands)) // lower-cased right word -> right word
	// A cheap filter before the map look-ups: the first bytes and lengths
	// (up to 63 bytes) of the words sought.
	var firsts [256]bool
	var lens uint64
	want := func(w string) {
		firsts[w[0]] = true
		if len(w) < 64 {
			lens |= 1 << len(w)
		} else {
			lens |= 1
		}
	}
	for _, c := range cands {
		if c.strong {
			continue // "said.But" and "said.The" are two slips, not a package "said"
		}
		if r, ok := lefts[c.left]; ok && r != c.right {
			ev.namespace[c.left] = true
		}
		lefts[c.left] = c.right
		want(c.left)
		if c.name {
			rights[c.right] = true
			want(c.right)
			if low := strings.ToLower(c.right); low != c.right {
				lowerRights[low] = c.right
				want(low)
			}
		}
	}
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && !mspASCIILetter[c] || c >= utf8.RuneSelf && mspLetterLen(text, i) == 0 {
			i++
			continue
		}
		s := i
		for i < len(text) {
			if c := text[i]; c < utf8.RuneSelf {
				if !mspASCIILetter[c] {
					break
				}
				i++
				continue
			}
			n := mspLetterLen(text, i)
			if n == 0 {
				break
			}
			i += n
		}
		w := text[s:i]
		if !firsts[w[0]] || len(w) < 64 && lens&(1<<len(w)) == 0 || len(w) >= 64 && lens&1 == 0 {
			continue
		}
		if i+1 < len(text) && text[i] == '.' {
			if nx := text[i+1]; 'a' <= nx && nx <= 'z' || mspCamelAt(text, i+1) {
				if _, ok := lefts[w]; ok {
					ev.namespace[w] = true
				}
			}
		}
		if r, ok := lowerRights[w]; ok && (s == 0 || text[s-1] != '.') {
			ev.ordinary[r] = true
		}
		if s >= 2 && text[s-1] == ' ' && (i == len(text) || text[i] != '.' || i+1 == len(text) || !mspIsAlnum(text[i+1]) || mspIsCandidateAt(cands, i)) {
			if pc := text[s-2]; pc == ',' || 'a' <= pc && pc <= 'z' || 'A' <= pc && pc <= 'Z' || pc >= 0x80 {
				if rights[w] {
					ev.proper[w] = true
				}
			}
		}
	}
	return ev
}

// mspASCIILetter marks the ASCII letters.
var mspASCIILetter = func() (t [utf8.RuneSelf]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	return t
}()

// mspLetterLen returns the length of the letter starting at text[i], or 0
// when no letter starts there.
func mspLetterLen(text string, i int) int {
	c := text[i]
	if c < utf8.RuneSelf {
		if 'a' <= c|0x20 && c|0x20 <= 'z' {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	if unicode.IsLetter(r) {
		return n
	}
	return 0
}

// mspIsCandidateAt reports whether a candidate's punctuation starts at
// offset i: a word glued to the next sentence still ends its own, so the
// evidence is the same before and after the fix.
func mspIsCandidateAt(cands []mspCandidate, i int) bool {
	k := sort.Search(len(cands), func(k int) bool { return cands[k].ps >= i })
	return k < len(cands) && cands[k].ps == i
}

// mspCamelAt reports whether an ASCII word with a capital after its first
// letter starts at text[i] ("NewReader").
func mspCamelAt(text string, i int) bool {
	if i >= len(text) || text[i] < 'A' || text[i] > 'Z' {
		return false
	}
	for k := i + 1; k < len(text) && k < i+64; k++ {
		c := text[k]
		switch {
		case 'A' <= c && c <= 'Z':
			return k > i+1 || k+1 < len(text) && 'a' <= text[k+1] && text[k+1] <= 'z'
		case 'a' <= c && c <= 'z':
		default:
			return false
		}
	}
	return false
}

func mspIsAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// mspMaybeLeft reports whether byte c may end the word before a glued
// sentence end: a letter, a digit or part of a multi-byte character.
func mspMaybeLeft(c byte) bool {
	return c >= 0x80 || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// mspMaybeRight reports whether byte c may start what follows a glued
// sentence end: a capital, a quote, a bracket or a multi-byte character.
func mspMaybeRight(c byte) bool {
	return c >= 0x80 || 'A' <= c && c <= 'Z' || c == '"' || c == '\'' || c == ')' || c == ']'
}

// mspWordInfo describes the letters of a word.
type mspWordInfo struct {
	letters, digits, upper int
	lower, vowel, inner    bool // inner: a capital after the first letter
}

func mspDescribe(w string) mspWordInfo {
	var in mspWordInfo
	first := true
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			in.digits++
		case unicode.IsLetter(r):
			in.letters++
			if unicode.IsUpper(r) {
				in.upper++
				if !first {
					in.inner = true
				}
			} else {
				in.lower = true
			}
			if r >= 0x80 || strings.ContainsRune("aeiouyAEIOUY", r) {
				in.vowel = true
			}
		}
		first = false
	}
	return in
}

func mspIsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-'
}

// mspCheck examines the punctuation run text[ps:pe] and returns a candidate
// when it glues two sentences together. quotes counts the straight double
// quotes earlier on the line.
func mspCheck(text string, ps, pe, quotes int) (c mspCandidate, ok bool) {
	run := text[ps:pe]
	if strings.Contains(run, "..") || len(run) > 3 {
		return c, false // ellipsis or a shouted run: not a plain sentence end
	}

	// The word before the punctuation.
	ls := ps
	for ls > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:ls])
		if !mspIsWordRune(r) {
			break
		}
		ls -= n
	}
	for ls < ps && (text[ls] == '\'' || text[ls] == '-' || strings.HasPrefix(text[ls:], "’")) {
		_, n := utf8.DecodeRuneInString(text[ls:])
		ls += n
	}
	if ls == ps {
		return c, false
	}
	left := text[ls:ps]
	if last, _ := utf8.DecodeLastRuneInString(left); !unicode.IsLetter(last) && !unicode.IsDigit(last) {
		return c, false
	}
	li := mspDescribe(left)
	number := li.digits > 0 && li.letters == 0
	if li.digits > 0 && li.letters > 0 {
		return c, false // "3rd", "v1", "COVID-19": not a plain word
	}

	// Closing or opening marks between the punctuation and the next word.
	rs := pe
	insertAt := pe
	safe := true
	quoteNote := ""
	for k := 0; k < 2 && rs < len(text); k++ {
		r, n := utf8.DecodeRuneInString(text[rs:])
		switch r {
		case '”', '’', ')', ']', '»':
			rs += n
			insertAt = rs
		case '"':
			rs += n
			if quotes%2 == 1 { // this quote closes the one opened earlier
				insertAt = rs
			}
			safe = false
		case '\'':
			rs += n
			insertAt = rs
			safe = false
		case '“', '‘', '«':
			if k > 0 {
				return c, false
			}
			rs += n
			k = 2 // nothing may follow an opening mark but the word
		default:
			k = 2
			continue
		}
		quoteNote = " and the quotation mark"
	}

	// The word after.
	first, n := utf8.DecodeRuneInString(text[rs:])
	if !unicode.IsUpper(first) {
		return c, false
	}
	re := rs + n
	for re < len(text) {
		r, n := utf8.DecodeRuneInString(text[re:])
		if unicode.IsLetter(r) {
			re += n
			continue
		}
		if (r == '\'' || r == '’') && re+n < len(text) {
			if r2, _ := utf8.DecodeRuneInString(text[re+n:]); unicode.IsLetter(r2) && unicode.IsLower(r2) {
				re += n
				continue
			}
		}
		break
	}
	right := text[rs:re]
	after := byte(' ')
	if re < len(text) {
		after = text[re]
	}
	if after == '(' || '0' <= after && after <= '9' || after == '_' {
		return c, false // a call "fmt.Println(" or an identifier "Item2"
	}
	if ls > 0 && (text[ls-1] == '[' || text[ls-1] == '(' || text[ls-1] == '*' || text[ls-1] == '&' || text[ls-1] == '%' || text[ls-1] == '$' || text[ls-1] == '#') {
		return c, false // "[errors.Is]", "(attr.Dir", "*poll.FD", "%Array.Prototype%"
	}
	ri := mspDescribe(right)

	ts, te := mspTokenAround(text, ls, re)
	if mspIsCodeToken(text, ts, te) {
		return c, false
	}
	lowerLeft := strings.ToLower(left)
	if mspAbbrevs[lowerLeft] && run == "." {
		return c, false
	}
	if mspBangNames[lowerLeft] && run[0] == '!' {
		return c, false
	}
	if mspExtensions[strings.ToLower(right)] {
		return c, false
	}

	starter := mspStarters[right]
	if ri.letters == 1 && right != "A" && right != "I" {
		return c, false // "compare.R", "Plan.B"
	}
	if right == "A" || right == "I" {
		// A lone capital is a sentence starter only when a lowercase word
		// follows: "invasion.A spokesman", not "Plan.A" or "Section 3.I".
		starter = re+1 < len(text) && text[re] == ' ' && 'a' <= text[re+1] && text[re+1] <= 'z'
		if !starter || number {
			return c, false
		}
	}
	allCapsRight := ri.letters >= 2 && ri.upper == ri.letters

	var conf float64
	switch {
	case number:
		if !starter {
			return c, false
		}
		conf = mspConfNumberStarter
	case li.letters < 2:
		return c, false // "U.S.", "e.g.", "J.R.R."
	case !li.lower: // an all-caps word
		if !starter {
			return c, false
		}
		conf = mspConfAcronymStarter
	case !li.vowel:
		return c, false // "fmt.Println", "pkg.Foo": code, not words
	case starter && mspStrongStarters[right]:
		conf = mspConfStarter
	case starter:
		conf = mspConfWeakStarter
	case after == ')' || after == ']' || after == '.' || after == ':' || after == ';' || after == ',':
		// A name or acronym closing a bracket or a clause is an identifier
		// or a user name ("(Dan.Williams)", "net.Server,"), not a sentence.
		return c, false
	case allCapsRight:
		// Only a capitalised word before an acronym: "Moscow.NATO", not
		// "common.PORT" or "Debian.NEWS".
		if li.letters < 3 || ri.letters > 5 || li.inner || li.upper != 1 || !mspIsUpperStart(left) {
			return c, false
		}
		conf = mspConfAcronym
	case ri.inner:
		return c, false // "Foo.ReadFile", "Sales.McDonald": CamelCase, likely code or a name
	default:
		if li.upper == 0 && li.letters <= 2 || li.inner {
			return c, false // "os.Exit", "io.Reader", "iPhone.Apple"
		}
		conf = mspConfName
	}
	c = mspCandidate{
		span:      mtcheck.Span{Start: ls, End: re},
		insertAt:  insertAt,
		safe:      safe,
		conf:      conf,
		left:      left,
		right:     mspKey(right),
		strong:    starter && mspStrongStarters[right],
		name:      !starter,
		ps:        ps,
		pe:        pe,
		ts:        ts,
		te:        te,
		quoteNote: quoteNote,
		fullRight: right,
	}
	return c, true
}

// mspTokenAround returns the whitespace-delimited token around text[ls:re],
// cut to mspMaxToken bytes on each side.
func mspTokenAround(text string, ls, re int) (ts, te int) {
	ts = ls
	for ts > 0 && ls-ts < mspMaxToken && !mspIsSpaceByte(text[ts-1]) {
		ts--
	}
	te = re
	for te < len(text) && te-re < mspMaxToken && !mspIsSpaceByte(text[te]) {
		te++
	}
	return ts, te
}

// mspIsCodeToken reports whether the token text[ts:te] looks like a URL, an
// e-mail address, a path or markup rather than two glued sentences.
func mspIsCodeToken(text string, ts, te int) bool {
	tok := text[ts:te]
	if strings.ContainsAny(tok, "@/\\=_<>{}|~^`") {
		return true
	}
	return strings.Contains(strings.ToLower(tok), "www.")
}

// mspHasInnerMark reports whether the token of c holds another sentence
// mark followed by a letter or digit that is not itself a glued sentence
// end: "www.NATO.int", "J.R.R.Tolkien", "v1.2.Then", "Foo.Bar.Baz". Glued
// ends in the same token ("said.But.Then") do not count, so fixing one of
// them does not change the verdict on the others.
func mspHasInnerMark(text string, c mspCandidate, cands []mspCandidate) bool {
	for k := c.ts; k < c.te-1; k++ {
		switch text[k] {
		case '.', '!', '?':
			if k >= c.ps && k < c.pe {
				continue
			}
			if nx := text[k+1]; nx < utf8.RuneSelf && mspMaybeLeft(nx) && !mspIsCandidateAt(cands, mspRunStart(text, k)) {
				return true
			}
		}
	}
	return false
}

// mspRunStart returns where the run of sentence marks ending at text[k]
// starts ("?!" in "it?!Nobody").
func mspRunStart(text string, k int) int {
	for k > 0 && (text[k-1] == '.' || text[k-1] == '!' || text[k-1] == '?') {
		k--
	}
	return k
}

func mspIsSpaceByte(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

// mspKey returns w up to its first apostrophe: "Russia’s" gives "Russia".
func mspKey(w string) string {
	if k := strings.IndexAny(w, "'’"); k > 0 {
		return w[:k]
	}
	return w
}

// mspMaxToken bounds the look around a candidate, so that a text without
// spaces costs linear time.
const mspMaxToken = 256

func mspIsUpperStart(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
