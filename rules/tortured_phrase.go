package rules

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// TorturedEntry is one tortured phrase: the synonym-swapped form a spinning
// tool leaves and the established term it replaced.
type TorturedEntry struct {
	// Phrase is the tortured phrase, e.g. "counterfeit consciousness".
	// Matching ignores case, and the words may be separated by spaces, a
	// single line break or a hyphen.
	Phrase string
	// Expected is the established term, e.g. "artificial intelligence".
	Expected string
	// Context, when not empty, marks a phrase that ordinary English also
	// uses ("a profound learning experience"). Such a phrase is reported
	// only when a cue word of the named domain appears nearby, with lower
	// confidence and without a safe fix. Domains: "computing", "medicine",
	// "science", "economy" and "any" (a cue of any domain).
	Context string
	// Source says where the entry was defined ("file:line"), if anywhere.
	Source string
}

// TorturedPhrase reports tortured phrases from the built-in table: fixed
// terms that a spinning tool replaced word by word with synonyms.
//
// Its option "lists" names files of further entries (see
// [ParseTorturedList] for the format); they are read once when the Checker
// is built, and an entry there overrides a built-in one with the same phrase.
var TorturedPhrase = NewTorturedPhrase(TorturedBuiltin())

// NewTorturedPhrase returns a tortured-phrase rule that looks for entries
// (and for the entries of the files its "lists" option names). Entries are
// validated when the Checker is built.
func NewTorturedPhrase(entries []TorturedEntry) *mtcheck.Rule {
	base := append([]TorturedEntry(nil), entries...)
	return &mtcheck.Rule{
		Name: "tortured-phrase",
		Doc: `synonym-swapped fixed terms left by spinning tools ("counterfeit consciousness" for "artificial intelligence")
Each phrase in a curated table of about 220 entries (science, computing, medicine, news) or in a
user list is matched case-insensitively on word boundaries, across runs of spaces, single line
breaks and hyphens, with a plural "s" on the last word, in one pass keyed on the phrase's first
word. Phrases that ordinary English also uses ("profound learning", "versatile organization")
are reported only in context: two distinct cue words of their domain ("neural", "model",
"patient", "market"…) within 200 bytes in the same paragraph, or a cue word right after the
phrase ("profound learning model"), and never before a word that marks the literal sense
("profound learning experience"); they get lower confidence and an unsafe fix. A phrase inside
quotation marks is a mention and stays quiet. The fix keeps the capitalisation, separators and
apostrophes of the original and corrects a preceding "a"/"an".`,
		Category: mtcheck.Mistranslation,
		Severity: mtcheck.Warning,
		Options: []mtcheck.OptionSpec{{
			Name:    "lists",
			Doc:     "files of extra entries, one \"tortured phrase → expected term\" a line",
			Default: []string{},
			Path:    true,
		}},
		Prepare: func(o mtcheck.Options) (any, error) {
			all := base
			for _, path := range o.Strings("lists") {
				f, err := os.Open(path)
				if err != nil {
					return nil, fmt.Errorf("option lists: %w", err)
				}
				more, err := ParseTorturedList(f, path)
				f.Close()
				if err != nil {
					return nil, fmt.Errorf("option lists: %w", err)
				}
				all = append(all[:len(all):len(all)], more...)
			}
			return tphCompile(all)
		},
		Run: tphRun,
	}
}

// ParseTorturedList reads entries from r, a text of lines
//
//	tortured phrase → expected term
//	[domain] ambiguous phrase -> expected term
//
// where "->" may stand for "→", lines starting with "#" are comments and
// blank lines are ignored. A leading "[domain]" marks a phrase ordinary
// English also uses; see [TorturedEntry.Context]. name (usually the file
// name) prefixes error messages, which give the line and the reason.
func ParseTorturedList(r io.Reader, name string) ([]TorturedEntry, error) {
	var out []TorturedEntry
	var errs []error
	seen := map[string]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		e, err := tphParseLine(line)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %v", name, n, err))
			if len(errs) >= 10 {
				break
			}
			continue
		}
		if e == nil {
			continue
		}
		key := tphKey(e.Phrase)
		if first, ok := seen[key]; ok {
			errs = append(errs, fmt.Errorf("%s:%d: phrase %q already listed on line %d", name, n, e.Phrase, first))
			continue
		}
		seen[key] = n
		e.Source = fmt.Sprintf("%s:%d", name, n)
		out = append(out, *e)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s:%d: %v", name, n+1, err))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

func tphParseLine(line string) (*TorturedEntry, error) {
	line = strings.TrimSpace(line)
	if line == "" || strings.HasPrefix(line, "#") {
		return nil, nil
	}
	var e TorturedEntry
	if strings.HasPrefix(line, "[") {
		end := strings.IndexByte(line, ']')
		if end < 0 {
			return nil, errors.New(`unclosed "[" of a domain`)
		}
		e.Context = strings.ToLower(strings.TrimSpace(line[1:end]))
		if _, ok := tphDomains[e.Context]; !ok {
			return nil, fmt.Errorf("unknown domain %q (want one of %s)", e.Context, tphDomainNames())
		}
		line = strings.TrimSpace(line[end+1:])
	}
	arrow, alen := strings.Index(line, "→"), len("→")
	if a := strings.Index(line, "->"); a >= 0 && (arrow < 0 || a < arrow) {
		arrow, alen = a, 2
	}
	if arrow < 0 {
		return nil, errors.New(`no "→" or "->" between the phrase and the expected term`)
	}
	e.Phrase = strings.TrimSpace(line[:arrow])
	e.Expected = strings.TrimSpace(line[arrow+alen:])
	if strings.Contains(e.Expected, "→") || strings.Contains(e.Expected, "->") {
		return nil, errors.New("more than one arrow")
	}
	if err := tphCheckEntry(e); err != nil {
		return nil, err
	}
	return &e, nil
}

// tphCheckEntry validates an entry from any source.
func tphCheckEntry(e TorturedEntry) error {
	if e.Phrase == "" {
		return errors.New("empty tortured phrase")
	}
	if e.Expected == "" {
		return fmt.Errorf("no expected term for %q", e.Phrase)
	}
	for _, r := range e.Phrase {
		if !tphIsWordRune(r) && r != ' ' && r != '-' && r != '\t' {
			return fmt.Errorf("phrase %q: %q is not allowed (only letters, digits, apostrophes, spaces and hyphens)", e.Phrase, r)
		}
	}
	if len(tphWords(e.Phrase)) == 0 {
		return fmt.Errorf("phrase %q has no words", e.Phrase)
	}
	if tphKey(e.Phrase) == tphKey(e.Expected) {
		return fmt.Errorf("phrase %q is the same as its expected term", e.Phrase)
	}
	if e.Context != "" {
		if _, ok := tphDomains[e.Context]; !ok {
			return fmt.Errorf("phrase %q: unknown domain %q (want one of %s)", e.Phrase, e.Context, tphDomainNames())
		}
	}
	return nil
}

// tphEntry is a compiled entry.
type tphEntry struct {
	TorturedEntry
	words    []string // lower-case words
	cues     map[string]bool
	pluralOK bool
}

// tphMatcher finds entries by their first word.
type tphMatcher struct {
	entries []tphEntry
	first   map[string][]int // first word -> entries, most words first
	// lens[b] has bit n set when some first word starts with the ASCII
	// byte b (lower case) and is n bytes long (n capped at 63): a cheap
	// filter before the map lookup. Non-ASCII first bytes always pass.
	lens [128]uint64
}

func tphCompile(entries []TorturedEntry) (*tphMatcher, error) {
	m := &tphMatcher{first: map[string][]int{}}
	byKey := map[string]int{}
	var errs []error
	for _, e := range entries {
		if err := tphCheckEntry(e); err != nil {
			if e.Source != "" {
				err = fmt.Errorf("%s: %v", e.Source, err)
			}
			errs = append(errs, err)
			continue
		}
		ce := tphEntry{TorturedEntry: e, words: tphWords(e.Phrase)}
		ce.pluralOK = tphPluralOK(ce.words, e.Expected)
		if e.Context != "" {
			ce.cues = tphDomains[e.Context]
		}
		key := strings.Join(ce.words, " ")
		if i, ok := byKey[key]; ok {
			m.entries[i] = ce // later entries override earlier ones
			continue
		}
		byKey[key] = len(m.entries)
		m.entries = append(m.entries, ce)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	for i, e := range m.entries {
		w := e.words[0]
		m.first[w] = append(m.first[w], i)
		if w[0] < utf8.RuneSelf {
			m.lens[w[0]] |= 1 << min(len(w), 63)
		}
	}
	for _, l := range m.first {
		sort.SliceStable(l, func(a, b int) bool { return len(m.entries[l[a]].words) > len(m.entries[l[b]].words) })
	}
	return m, nil
}

// Confidence of a report, measured on testdata/rules/tortured-phrase:
// unambiguous phrases matched 36 times in positive.txt, all damage, and
// never in negative.txt (where they appear only quoted, as mentions), nor
// in 3.1 million words of /usr/share/doc, the Debian Reference, licence
// texts and the Go docs. Entries found to have literal uses ("lung
// malignancy", "petroleum derivative", "iron inadequacy") were dropped or
// gated on context, so unseen literal uses may still exist. Gated phrases
// matched 19 times in positive.txt, all damage; of about 50 literal uses
// (the hard cases in negative.txt, many written with a cue word beside them
// on purpose, plus "the preparing set of instructions … every user of the
// app", left out of the fixtures) one was flagged: 19 of 20 reports real.
const (
	tphConfFixed   = 0.9  // 36/36 on fixtures; below 1 for unseen literal uses
	tphConfContext = 0.65 // 19/20 on fixtures written to be hard; context tests are brittle
)

var tphBufPool = sync.Pool{New: func() any { b := make([]byte, 0, 64); return &b }}

func tphRun(pass *mtcheck.Pass) error {
	m, _ := pass.Prepared().(*tphMatcher)
	if m == nil {
		var err error
		if m, err = tphCompile(TorturedBuiltin()); err != nil {
			return err
		}
	}
	text := pass.Text()
	bp := tphBufPool.Get().(*[]byte)
	defer tphBufPool.Put(bp)
	buf := *bp
	prevStart, prevEnd := -1, -1
	for i := 0; i < len(text); {
		var ws, we int
		if c := text[i]; c < utf8.RuneSelf {
			if !tphIsAlnumASCII(c) {
				i++
				continue
			}
			// ASCII fast path: scan the word, and fall back to the
			// general scanner only if it continues past ASCII.
			j := i + 1
			for j < len(text) && tphIsAlnumASCII(text[j]) {
				j++
			}
			ascii := true
			if j < len(text) && (text[j] >= utf8.RuneSelf || text[j] == '\'') {
				ws, we = tphWordAt(text, i)
				ascii = we == j
			} else {
				ws, we = i, j
			}
			lc := c | 0x20
			if c < 'A' {
				lc = c
			}
			if ascii && m.lens[lc]&(1<<min(we-ws, 63)) == 0 {
				prevStart, prevEnd = ws, we
				i = we
				continue
			}
		} else {
			ws, we = tphNextWord(text, i)
			if ws < 0 {
				break
			}
		}
		i = we
		buf = tphLower(buf[:0], text[ws:we])
		cands, ok := m.first[string(buf)]
		if !ok {
			prevStart, prevEnd = ws, we
			continue
		}
		matched := false
		for _, ci := range cands {
			e := &m.entries[ci]
			end, plural, ok := tphMatchRest(text, we, e.words[1:], &buf, e.pluralOK)
			if !ok {
				continue
			}
			span := mtcheck.Span{Start: ws, End: end}
			if tphQuoted(text, span) {
				continue
			}
			conf := tphConfFixed
			if e.cues != nil {
				if !tphHasCue(text, span, e.cues) {
					continue
				}
				conf = tphConfContext
			}
			tphReport(pass, e, span, prevStart, prevEnd, conf, plural)
			i = end
			matched = true
			break
		}
		if !matched {
			prevStart, prevEnd = ws, we
		} else {
			prevStart, prevEnd = -1, -1
		}
	}
	*bp = buf
	return nil
}

func tphReport(pass *mtcheck.Pass, e *tphEntry, span mtcheck.Span, prevStart, prevEnd int, conf float64, plural bool) {
	text := pass.Text()
	got := text[span.Start:span.End]
	expected := e.Expected
	if plural {
		expected += "s"
	}
	repl := tphSeparators(got, tphCase(got, expected))
	if strings.Contains(got, "’") {
		repl = strings.ReplaceAll(repl, "'", "’")
	}
	safe := e.cues == nil
	edits := []mtcheck.TextEdit{{Span: span, NewText: repl}}
	// Keep "a"/"an" in agreement with the replacement's first sound.
	if prevStart >= 0 && tphOnlySpace(text[prevEnd:span.Start]) {
		art := text[prevStart:prevEnd]
		if la := strings.ToLower(art); la == "a" || la == "an" {
			want := "a"
			if tphVowelSound(e.Expected) {
				want = "an"
			}
			if want != la {
				if art[0] == 'A' {
					want = strings.ToUpper(want[:1]) + want[1:]
				}
				edits = append([]mtcheck.TextEdit{{Span: mtcheck.Span{Start: prevStart, End: prevEnd}, NewText: want}}, edits...)
			}
		}
	}
	msg := fmt.Sprintf("tortured phrase %q: the established term is %q", tphOneLine(got), expected)
	if e.cues != nil {
		msg += " (in this context)"
	}
	pass.Report(mtcheck.Diagnostic{
		Span:       span,
		Message:    msg,
		Confidence: conf,
		Fixes:      []mtcheck.Fix{{Message: fmt.Sprintf("replace with %q", repl), Edits: edits, Safe: safe}},
	})
}

// tphMatchRest matches words after a first word that ended at off and
// returns the end of the last one.
func tphMatchRest(text string, off int, words []string, bp *[]byte, pluralOK bool) (end int, plural, ok bool) {
	end = off
	for k, w := range words {
		j, ok := tphSkipSep(text, end)
		if !ok {
			return 0, false, false
		}
		ws, we := tphWordAt(text, j)
		if ws < 0 {
			return 0, false, false
		}
		*bp = tphLower((*bp)[:0], text[ws:we])
		if string(*bp) != w {
			// The last word may take a plural "s": "irregular woodlands".
			b := *bp
			if !pluralOK || k != len(words)-1 || len(b) != len(w)+1 || b[len(b)-1] != 's' || string(b[:len(w)]) != w {
				return 0, false, false
			}
			plural = true
		}
		end = we
	}
	return end, plural, true
}

// tphPluralOK reports whether both the phrase and the expected term form
// their plural with a plain "s" on the last word (as far as spelling
// shows), so that "irregular woodlands" can become "random forests".
func tphPluralOK(words []string, expected string) bool {
	if len(words) < 2 {
		return false
	}
	ok := func(w string) bool {
		if len(w) < 3 {
			return false
		}
		c := w[len(w)-1]
		return c >= 'a' && c <= 'z' && strings.IndexByte("sxyzh", c) < 0
	}
	return ok(words[len(words)-1]) && ok(expected)
}

// tphSkipSep skips the separator between two words of a phrase: a hyphen,
// or spaces and tabs with at most one line break among them.
func tphSkipSep(text string, i int) (int, bool) {
	if i < len(text) && text[i] == '-' {
		return i + 1, true
	}
	start, nl := i, 0
	for i < len(text) {
		switch text[i] {
		case ' ', '\t', '\r':
		case '\n':
			nl++
			if nl > 1 {
				return 0, false
			}
		default:
			return i, i > start
		}
		i++
	}
	return 0, false
}

func tphIsWordRune(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '\'') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '’')
}

func tphIsAlnumASCII(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// tphLetterAt reports whether a letter or digit starts at i, and its size.
func tphLetterAt(text string, i int) (bool, int) {
	c := text[i]
	if c < utf8.RuneSelf {
		return tphIsAlnumASCII(c), 1
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r), size
}

// tphNextWord returns the first word starting at or after i, or -1.
func tphNextWord(text string, i int) (int, int) {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if tphIsAlnumASCII(c) {
				return tphWordAt(text, i)
			}
			i++
			continue
		}
		ok, size := tphLetterAt(text, i)
		if ok {
			return tphWordAt(text, i)
		}
		i += size
	}
	return -1, -1
}

// tphWordAt returns the word starting at i, or -1 if none starts there. A
// word is a run of letters and digits (with combining marks), and an
// apostrophe between letters belongs to it.
func tphWordAt(text string, i int) (int, int) {
	if i >= len(text) {
		return -1, -1
	}
	if ok, _ := tphLetterAt(text, i); !ok {
		return -1, -1
	}
	start := i
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if tphIsAlnumASCII(c) {
				i++
				continue
			}
			if c == '\'' && i+1 < len(text) {
				if ok, _ := tphLetterAt(text, i+1); ok {
					i++
					continue
				}
			}
			break
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			i += size
			continue
		}
		if r == '’' && i+size < len(text) {
			if ok, _ := tphLetterAt(text, i+size); ok {
				i += size
				continue
			}
		}
		break
	}
	return start, i
}

// tphLower appends the lower-case form of word to buf, with ’ as '.
func tphLower(buf []byte, word string) []byte {
	for i := 0; i < len(word); {
		c := word[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(word[i:])
		if r == '’' {
			buf = append(buf, '\'')
		} else {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
		i += size
	}
	return buf
}

// tphWords splits a phrase into lower-case words.
func tphWords(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		ws, we := tphNextWord(s, i)
		if ws < 0 {
			break
		}
		out = append(out, string(tphLower(nil, s[ws:we])))
		i = we
	}
	return out
}

func tphKey(s string) string { return strings.Join(tphWords(s), " ") }

// tphQuoted reports whether span stands inside quotation marks, as a
// mention of the phrase rather than a use.
func tphQuoted(text string, span mtcheck.Span) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:span.Start])
	after, _ := utf8.DecodeRuneInString(text[span.End:])
	switch before {
	case '"':
		return after == '"'
	case '“':
		return after == '”'
	case '‘':
		return after == '’'
	case '\'':
		return after == '\''
	case '«':
		return after == '»'
	}
	return false
}

// tphWindow is how far, in bytes, a cue word may stand from the phrase.
const tphWindow = 200

// tphHasCue reports whether the context of span marks the technical sense
// of an ambiguous phrase: at least two distinct cue words within tphWindow
// bytes (not crossing a paragraph break), or a cue word right after the
// phrase ("profound learning model"). A phrase followed by a word that
// marks the literal sense ("profound learning experience") never is.
func tphHasCue(text string, span mtcheck.Span, cues map[string]bool) bool {
	var buf [48]byte
	if ws, we := tphNextWord(text, span.End); ws >= 0 && tphOnlySpace(text[span.End:ws]) && we-ws <= len(buf) {
		w := string(tphLower(buf[:0], text[ws:we]))
		if tphLiteralNext[w] {
			return false
		}
		if tphIsCue(w, cues) {
			return true
		}
	}
	lo := max(0, span.Start-tphWindow)
	if k := strings.LastIndex(text[lo:span.Start], "\n\n"); k >= 0 {
		lo += k + 2
	}
	hi := min(len(text), span.End+tphWindow)
	if k := strings.Index(text[span.End:hi], "\n\n"); k >= 0 {
		hi = span.End + k
	}
	first := ""
	for _, part := range [2][2]int{{lo, span.Start}, {span.End, hi}} {
		sub := text[:part[1]]
		for i := part[0]; i < part[1]; {
			ws, we := tphNextWord(sub, i)
			if ws < 0 {
				break
			}
			i = we
			if ws == lo && lo > 0 {
				// A word cut by the window's edge is not a word.
				if ok, _ := tphLetterAt(text, lo-1); ok {
					continue
				}
			}
			if we-ws > len(buf) {
				continue
			}
			w := tphLower(buf[:0], text[ws:we])
			if !tphIsCue(string(w), cues) {
				continue
			}
			if first == "" {
				first = string(w)
			} else if first != string(w) {
				return true
			}
		}
	}
	return false
}

func tphIsCue(w string, cues map[string]bool) bool {
	w = strings.TrimSuffix(w, "'s")
	return cues[w] || len(w) > 3 && w[len(w)-1] == 's' && cues[w[:len(w)-1]]
}

// tphLiteralNext holds words that, right after an ambiguous phrase, show
// its ordinary sense: "a profound learning experience".
var tphLiteralNext = map[string]bool{
	"experience": true, "experiences": true, "curve": true, "moment": true, "moments": true,
	"opportunity": true, "opportunities": true, "journey": true, "campaign": true, "campaigns": true,
	"gap": true, "gaps": true, "asymmetry": true, "asymmetries": true, "overload": true,
	"ceremony": true, "rules": true,
}

func tphOnlySpace(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' {
			return false
		}
	}
	return true
}

// tphCase gives expected the capitalisation of got: all capitals, every
// word capitalised, or the first letter capitalised.
func tphCase(got, expected string) string {
	first, _ := utf8.DecodeRuneInString(got)
	if !unicode.IsUpper(first) {
		return expected
	}
	words := strings.Fields(strings.ReplaceAll(got, "-", " "))
	allUpper, title := true, len(words) > 1
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			title = false
		}
		if strings.ToUpper(w) != w {
			allUpper = false
		}
	}
	if allUpper && len(got) > 1 {
		return strings.ToUpper(expected)
	}
	if title {
		ew := strings.Split(expected, " ")
		for i, w := range ew {
			ew[i] = tphUpperFirst(w)
		}
		return strings.Join(ew, " ")
	}
	return tphUpperFirst(expected)
}

func tphUpperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// tphVowelSound guesses whether s starts with a vowel sound, for "a"/"an".
func tphVowelSound(s string) bool {
	l := strings.ToLower(s)
	for _, p := range []string{"uni", "use", "usu", "uti", "eu", "one", "once", "ur"} {
		if strings.HasPrefix(l, p) {
			return false
		}
	}
	for _, p := range []string{"hour", "honest", "honor", "honour", "heir"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	if len(l) > 1 && l[0] >= 'a' && l[0] <= 'z' && strings.IndexByte("aeiou", l[1]) < 0 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' {
		// An initialism is read letter by letter: "an MRI", "a CT scan".
		return strings.IndexByte("aefhilmnorsx", l[0]) >= 0
	}
	return l != "" && strings.IndexByte("aeiou", l[0]) >= 0
}

// tphSeparators gives repl the separators of got (hyphens, line breaks)
// when both have the same number of words.
func tphSeparators(got, repl string) string {
	parts := strings.Split(repl, " ")
	var seps []string
	last := -1
	for i := 0; i < len(got); {
		ws, we := tphNextWord(got, i)
		if ws < 0 {
			break
		}
		if last >= 0 {
			seps = append(seps, got[last:ws])
		}
		last, i = we, we
	}
	if len(seps) != len(parts)-1 {
		return repl
	}
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteString(seps[i-1])
		}
		b.WriteString(p)
	}
	return b.String()
}

func tphOneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// tphDomains holds the cue words of each domain (lower case, singular).
var tphDomains = func() map[string]map[string]bool {
	lists := map[string]string{
		"computing": `algorithm ai api overfitting architecture automated automation bandwidth bit byte classifier
			classification cloud cluster clustering code computational compute computer computing convolutional cpu data
			database dataset deep device encryption feature gpu hardware internet iot latency layer machine model
			network neural node optimization parameter pixel prediction predictive processor protocol regression robot
			router sensor server software supervised throughput trained training transformer wireless 5g 4g lte
			smartphone app user cyber cybersecurity`,
		"medicine": `blood cancer cardiac cell chemotherapy chronic clinical clinician diagnosis diagnosed disease dose drug
			hospital infection lesion malignant medical medicine metastasis mortality oncology organ patient
			physician surgery surgical symptom gene protein dna rna genome syndrome therapy tissue treatment tumor tumour vaccine virus`,
		"science": `analysis coefficient correlation data dataset experiment experimental hypothesis laboratory measurement
			model parameter particle physics chemistry regression sample significance statistical statistic variable
			variance energy temperature equation simulation scientist telescope galaxy gravity gravitational astronomer star orbit`,
		"economy": `bank central currency economic economy export gdp growth inflation interest investment investor market
			percent price recession revenue share stock tariff trade`,
	}
	out := map[string]map[string]bool{"any": {}}
	for dom, l := range lists {
		set := map[string]bool{}
		for _, w := range strings.Fields(l) {
			set[w] = true
			out["any"][w] = true
		}
		out[dom] = set
	}
	return out
}()

func tphDomainNames() string {
	names := make([]string, 0, len(tphDomains))
	for n := range tphDomains {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

var (
	tphBuiltinOnce sync.Once
	tphBuiltin     []TorturedEntry
)

// TorturedBuiltin returns a copy of the built-in table of tortured phrases,
// to extend and pass to [NewTorturedPhrase].
func TorturedBuiltin() []TorturedEntry {
	tphBuiltinOnce.Do(func() {
		// The table is checked by TestTorturedBuiltinParses.
		tphBuiltin, _ = ParseTorturedList(strings.NewReader(tphTable), "built-in")
		for i := range tphBuiltin {
			tphBuiltin[i].Source = ""
		}
	})
	return append([]TorturedEntry(nil), tphBuiltin...)
}
