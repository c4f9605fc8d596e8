package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// RepeatedWord finds a word written twice in a row ("the the", "said
// said"), also across a line break and at a sentence start ("The the"), and
// offers to delete the second one.
var RepeatedWord = &mtcheck.Rule{
	Name: "repeated-word",
	Doc: "a word repeated by accident (\"the the\")\n" +
		"Grammatical doubles (\"had had\", \"that that\", \"what it is is\"), reduplications\n" +
		"(\"bye bye\", \"Bora Bora\", \"Walla Walla\"), numbers, quoted mentions and \"[sic]\"\n" +
		"are left alone; emphatic doubles (\"very very\") get a low confidence.",
	Category: mtcheck.Duplication,
	Severity: mtcheck.Warning,
	Run:      rpwRun,
}

// Confidences of the repeated-word classes, measured on the rule's
// fixtures (testdata/rules/repeated-word), the clean corpus, the seed, and
// ~70 MB of technical English split into ~5,300 documents (the Go
// distribution's comments, /usr/share/doc, Debian changelogs), whose hits
// were judged by hand:
//
//   - a function word twice ("the the", "to to", "said said"): 10 fixture
//     positives, 0 false in negatives, clean prose and the seed; in the
//     technical corpus 73 of 75 distinct hits were real slips (the misses:
//     a stranded preposition "interested in in this test" and a quoted typo
//     list "substition, the the.").
//   - another word twice ("rose rose", "measures measures"): 3 fixture
//     positives, 0 false in fixtures; in the technical corpus only 20 of 50
//     hits were slips, the rest parameter names ("with name name"),
//     compounds ("template template parameters") and code.
//   - the Debian Reference, the licence texts and the Go docs (111,000
//     words, .ci/clean-corpus): 0 hits in any class once terminal listings,
//     prompts and tables are recognised.
//   - another word across a line break: 3 of 7 real in the technical corpus.
//   - "is is", "was was", "do do" without a pronoun before them: often real
//     ("the house is is big") but also spoken "the point is is that"; 1
//     fixture positive, no hits in the technical corpus.
//   - emphatic doubles ("very very", "much much"): 1 fixture positive; in the
//     technical corpus 0 of 2 were slips ("much much faster").
const (
	rpwConfFunction = 0.95
	rpwConfWord     = 0.5
	rpwConfWordLine = 0.4
	rpwConfCopula   = 0.5
	rpwConfEmphatic = 0.3
)

// rpwAllowed are doubles that are correct English: grammatical ("had had",
// "that that") and reduplicated ("bye bye", "chop chop", "so so").
var rpwAllowed = mspSet(`had that bye chop so no long etc yeah ha haha blah bla tut tsk knock night there now
well come hush pom tom dum choo mahi ylang beri aye hear boo go yo uh um oh ah ho hey bang bling
goody murmur tick tock ding dong pooh hip cha quack woof meow baa moo buzz chug clap cheep tweet
tsk-tsk wink nudge hubba bye-bye din don la na ta yum`)

// rpwEmphatic are words doubled for emphasis ("very very good").
var rpwEmphatic = mspSet(`very really much many far too way ever quite more most little big so-so
again over round`)

// rpwCopulas are verbs that a subject clause may legitimately double: "what
// it is is", "what they do do".
var rpwCopulas = mspSet(`is was do does did`)

// rpwSubjects end the clause before a doubled copula ("what it is is").
var rpwSubjects = mspSet(`it this that what which who he she they there all thing one we you i`)

// rpwNames are function words that are also first names: "Will will chair
// the meeting".
var rpwNames = mspSet(`will may can`)

// rpwFunction are function words: doubling one is almost never deliberate.
var rpwFunction = mspSet(`the a an to of in on at for with and or but nor as by from into onto upon
about over under than then it its he him his she her hers they them their we us our you your i me
my this these those be been being are were has have having will would shall should can could may
might must not no if when while because although though after before since until also just only
even still yet which who whom whose where why how what said says say`)

func rpwRun(p *mtcheck.Pass) error {
	text := p.Text()
	prevS, prevE := -1, -1   // the previous word
	prev2S, prev2E := -1, -1 // the word before it
	runS, runE := 0, 0       // the first word of the run of equal words ending here
	// gap is what separates the current position from the previous word:
	// rpwGapSpace after one space, rpwGapLine after a line break (with at
	// most one space before it); anything else (punctuation, tabs, runs of
	// spaces, indentation, blank lines) breaks the pair.
	gap := rpwGapNone
	for i := 0; i < len(text); {
		n := 1
		if c := text[i]; c >= utf8.RuneSelf {
			n = rpwWordCharLen(text, i)
		} else if !rpwWordByte[c] {
			n = 0
		}
		if n == 0 {
			switch c := text[i]; c {
			case ' ':
				if gap == rpwGapWord {
					gap = rpwGapSpace
				} else {
					gap = rpwGapNone
				}
			case '\r':
				if gap != rpwGapWord && gap != rpwGapSpace {
					gap = rpwGapNone
				}
			case '\n':
				if gap == rpwGapWord || gap == rpwGapSpace {
					gap = rpwGapLine
				} else {
					gap = rpwGapNone
				}
			default:
				gap = rpwGapNone
			}
			if c := text[i]; c >= utf8.RuneSelf {
				_, sz := utf8.DecodeRuneInString(text[i:])
				i += sz
			} else {
				i++
			}
			continue
		}
		s := i
		i += n
		for i < len(text) {
			if c := text[i]; c < utf8.RuneSelf && rpwWordByte[c] {
				i++
				continue
			}
			if n := rpwWordCharLen(text, i); n > 0 {
				i += n
				continue
			}
			// An apostrophe or hyphen inside a word: "don't", "Baden-Baden".
			if c := text[i]; c == '\'' || c == '-' {
				if n := rpwWordCharLen(text, i+1); n > 0 {
					i += 1 + n
					continue
				}
			} else if strings.HasPrefix(text[i:], "’") {
				if n := rpwWordCharLen(text, i+3); n > 0 {
					i += 3 + n
					continue
				}
			}
			break
		}
		e := i
		if (gap == rpwGapSpace || gap == rpwGapLine) && e-s == prevE-prevS && rpwSame(text[prevS:prevE], text[s:e]) {
			rpwJudge(p, text, runS, runE, prev2S, prev2E, prevS, prevE, s, e, gap == rpwGapLine)
		} else {
			runS, runE = s, e
		}
		prev2S, prev2E = prevS, prevE
		prevS, prevE = s, e
		gap = rpwGapWord
	}
	return nil
}

// The states of what lies between two words.
const (
	rpwGapNone  = iota // something that separates them
	rpwGapWord         // nothing yet: right after a word
	rpwGapSpace        // one space
	rpwGapLine         // a line break, with at most one space before it
)

// rpwWordByte marks the ASCII bytes that make up words: letters, digits and
// the underscore of identifiers.
var rpwWordByte = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = mspASCIILetter[c] || '0' <= c && c <= '9' || c == '_'
	}
	return t
}()

// rpwWordCharLen returns the length of the letter or digit at text[i], or 0.
func rpwWordCharLen(text string, i int) int {
	if i >= len(text) {
		return 0
	}
	c := text[i]
	if c < utf8.RuneSelf {
		if rpwWordByte[c] {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
		return n
	}
	return 0
}

// rpwSame reports whether a and b are the same word, allowing a different
// case of the first letter only ("The the", not "encodeS encodes").
func rpwSame(a, b string) bool {
	ra, na := utf8.DecodeRuneInString(a)
	rb, nb := utf8.DecodeRuneInString(b)
	if na != nb || a[na:] != b[nb:] {
		return false
	}
	return ra == rb || unicode.SimpleFold(ra) == rb || unicode.SimpleFold(rb) == ra
}

// rpwJudge decides about the word text[s1:e1] repeated as text[s2:e2], the
// word before them being text[s0:e0] (s0 < 0 when there is none) and the
// run of equal words starting with text[runS:runE].
func rpwJudge(p *mtcheck.Pass, text string, runS, runE, s0, e0, s1, e1, s2, e2 int, newline bool) {
	// Case is judged against the run's first word, so that "A a A" and the
	// "A A" its fix leaves get the same verdict.
	first, second := text[runS:runE], text[s2:e2]
	lower := strings.ToLower(first)
	for _, r := range lower {
		if unicode.IsDigit(r) {
			return // "10 10", "4x4 4x4": numbers and codes
		}
	}
	if rpwAllowed[lower] {
		return
	}
	if strings.IndexByte(lower, '_') >= 0 || !rpwHasVowel(lower) || rpwIsCamel(first) {
		return // "libc_read", "ptr", "gpg", "readValue": identifiers and abbreviations
	}
	if utf8.RuneCountInString(lower) == 1 && first != "a" && first != "A" && second != "I" {
		return // "x x", "i i", "B B": symbols, variables, grades, initials
	}
	if rpwIsIdentifier(text, s1, e2) {
		return
	}
	cap1, cap2 := rpwIsUpperStart(first), rpwIsUpperStart(second)
	start := rpwSentenceStart(text, runS) // "A A A": the run, not the pair, opens the sentence
	function := rpwFunction[lower]
	if !function && (s0 >= 0 && e0-s0 == e1-s1 && strings.EqualFold(text[s0:e0], first) || rpwNextIs(text, e2, first)) {
		return // "bad bad bad", "aa aa aa aa": a deliberate run or data
	}
	switch {
	case cap2 && !cap1:
		return // "the The Hague": a name follows
	case rpwIsAllCaps(first) || rpwIsAllCaps(second):
		return // "THE THE", "AND and": a sign, a keyword or an acronym
	case cap1 && cap2:
		// "Bora Bora", "Walla Walla", "Sing Sing": reduplicated names. Only
		// a function word doubled at a sentence start is a slip ("The The").
		if !start || !function {
			return
		}
	case cap1 && (!function || rpwNames[lower]):
		return // "Will will", "Mark mark": a name, then the word
	}
	if newline && (cap2 || cap1 || e1-strings.LastIndexByte(text[:e1], '\n') < rpwMinWrappedLine) {
		return // a list, a headline or a command on its own line, not a wrapped sentence
	}
	if rpwIsMention(text, s1, e2) {
		return
	}
	if rpwInCodeLine(text, s1, e2, !function) {
		return // "-rw-r--r-- 1 root root", "$ man man", "|^A a |": a listing, a command or a table
	}
	conf := rpwConfWord
	switch {
	case function:
		conf = rpwConfFunction
	case rpwEmphatic[lower]:
		conf = rpwConfEmphatic
	case newline:
		conf = rpwConfWordLine
	}
	if rpwCopulas[lower] {
		if s0 >= 0 && rpwSubjects[strings.ToLower(text[s0:e0])] {
			return // "what it is is", "what they do do"
		}
		conf = rpwConfCopula
	}
	del := mtcheck.Span{Start: e1, End: e2}
	fix := mtcheck.DeleteFix("delete the repeated "+strings.ToLower(second), del, conf >= rpwConfFunction)
	p.Reportf(mtcheck.Span{Start: s1, End: e2}, conf, []mtcheck.Fix{fix}, "repeated word %q", first)
}

// rpwMinWrappedLine is the shortest line, in bytes, whose last word may be
// repeated at the start of the next line by accident: shorter lines are
// lists, headings and commands ("make\nmake install").
const rpwMinWrappedLine = 30

// rpwIsIdentifier reports whether the pair text[s:e] belongs to code: a
// member or a call ("in in.token", "x.in in", "read read(").
func rpwIsIdentifier(text string, s, e int) bool {
	if s > 0 {
		switch text[s-1] {
		case '.', '$', '@', '#', '/', '\\', '<', '&', '*', '%', ':':
			return true
		case '-': // a command-line option: "-duration duration"
			if s == 1 || !mspIsAlnum(text[s-2]) {
				return true
			}
		}
	}
	if e < len(text) {
		switch text[e] {
		case '(', '[', '=', '>', '/', '\\':
			return true
		case '.':
			return e+1 < len(text) && mspIsAlnum(text[e+1])
		}
	}
	return false
}

// rpwIsCamel reports whether w has a capital after a lowercase letter, as
// identifiers do ("readValue").
func rpwIsCamel(w string) bool {
	lower := false
	for _, r := range w {
		if unicode.IsUpper(r) && lower {
			return true
		}
		lower = unicode.IsLower(r)
	}
	return false
}

// rpwHasVowel reports whether w has a vowel or a non-ASCII letter; English
// words do, abbreviations and identifiers ("ptr", "gpg") often do not.
func rpwHasVowel(w string) bool {
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			return true
		}
		if w[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

func rpwIsAllCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		n++
	}
	return n > 1
}

// rpwNextIs reports whether one space and then the word w (in any case)
// follow offset e.
func rpwNextIs(text string, e int, w string) bool {
	if e+1+len(w) > len(text) || text[e] != ' ' || !strings.EqualFold(text[e+1:e+1+len(w)], w) {
		return false
	}
	return rpwWordCharLen(text, e+1+len(w)) == 0
}

// rpwInCodeLine reports whether the line around text[s:e] looks like code,
// a terminal or a table: it starts with a shell prompt or holds an
// identifier with an underscore, an empty string, a call, braces, "::", an
// operator, a table rule "|", a tab, a backslash or file permissions.
// Unless strict, only the surest of these marks count. Only the 300 bytes on each side are
// looked at.
func rpwInCodeLine(text string, s, e int, strict bool) bool {
	ls := s
	for ls > 0 && s-ls < 300 && text[ls-1] != '\n' {
		ls--
	}
	le := e
	for le < len(text) && le-e < 300 && text[le] != '\n' {
		le++
	}
	line := strings.TrimLeft(text[ls:le], " \t") // indentation is not a table
	if strings.HasPrefix(line, "$ ") || strings.HasPrefix(line, "# ") || strings.HasPrefix(line, "% ") {
		return true // a shell prompt
	}
	if rpwHasPermissions(line) {
		return true // "ls -l" output
	}
	for _, mark := range []string{"|", "\t", "\\", `""`, "{", "}"} {
		if strings.Contains(line, mark) {
			return true
		}
	}
	if !strict {
		return false // a doubled function word is a slip even beside "foo_bar()"
	}
	for _, mark := range []string{"_", "()", "::", "=", "->", "<", ">"} {
		if strings.Contains(line, mark) {
			return true
		}
	}
	return false
}

// rpwHasPermissions reports whether line holds Unix file permissions such
// as "-rw-r--r--" or "drwxr-xr-x".
func rpwHasPermissions(line string) bool {
	// Every permission string but "----------" holds one of these; the
	// check keeps the per-byte scan off ordinary prose.
	if !strings.Contains(line, "rw") && !strings.Contains(line, "r-") {
		return false
	}
	for k := 0; k+10 <= len(line); k++ {
		if !strings.ContainsRune("-dlcbps", rune(line[k])) || line[k+1] != 'r' && line[k+1] != '-' {
			continue
		}
		ok := k == 0 || line[k-1] == ' '
		for j := k + 1; ok && j < k+10; j++ {
			ok = strings.IndexByte("rwxsStT-", line[j]) >= 0
		}
		if ok && (k+10 == len(line) || line[k+10] == ' ' || line[k+10] == '.' || line[k+10] == '+' || line[k+10] == '@') {
			return true
		}
	}
	return false
}

func rpwIsUpperStart(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// rpwSentenceStart reports whether the word at s opens a sentence: nothing
// but quotes and brackets lie between it and a sentence mark, a line start
// or the start of the text.
func rpwSentenceStart(text string, s int) bool {
	for k := s; k > 0; {
		r, n := utf8.DecodeLastRuneInString(text[:k])
		switch r {
		case '"', '\'', '“', '‘', '(', '[', '«', '—', '-', '*':
		case ' ', '\t':
		case '\n', '.', '!', '?', ':':
			return true
		default:
			return false
		}
		k -= n
	}
	return true
}

// rpwIsMention reports whether the doubled words text[s:e] are quoted as
// words or marked as quoted verbatim: `"the the"`, `the the [sic]`.
func rpwIsMention(text string, s, e int) bool {
	after := strings.TrimLeft(text[e:min(len(text), e+16)], " ")
	if strings.HasPrefix(after, "[sic]") || strings.HasPrefix(after, "(sic)") {
		return true
	}
	r0, _ := utf8.DecodeLastRuneInString(text[:s])
	if r0 != '"' && r0 != '“' && r0 != '‘' && r0 != '\'' {
		return false
	}
	after = strings.TrimLeft(text[e:min(len(text), e+8)], ".,;:!?")
	r1, _ := utf8.DecodeRuneInString(after)
	return r1 == '"' || r1 == '”' || r1 == '’' || r1 == '\''
}
