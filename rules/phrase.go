package rules

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// PhraseSpec describes a house rule made of phrases and regular expressions,
// written in configuration rather than Go (Vale's existence and substitution
// rules in spirit). [NewPhraseRule] turns it into a rule.
type PhraseSpec struct {
	// Name is the rule's name: lower-case letters, digits and hyphens,
	// starting with a letter.
	Name string
	// Doc describes the rule; empty gives a generic description.
	Doc string
	// Message is reported for each match; every "%s" in it is replaced by
	// the matched text (white space folded). Empty gives a default message.
	Message string
	// Category is the kind of damage; empty means mtcheck.Mistranslation.
	Category mtcheck.Category
	// Severity is the rule's default severity; zero means warning.
	Severity mtcheck.Severity
	// Confidence is reported with each match, in (0, 1]; zero means 1.
	Confidence float64
	// Match lists phrases found case-insensitively and only as whole words:
	// "utilize" does not match inside "utilizes" or "co-utilize". A space in
	// a phrase matches any run of white space holding at most one line
	// break, so phrases match across wrapped lines; ' and ’ are the same.
	// A phrase must start with a letter or digit.
	Match []string
	// Regex lists Go regular expressions (package regexp syntax), matched as
	// written: add (?i) for case-insensitive matching and \b for word
	// boundaries. An expression with a literal of three or more characters
	// that every match contains (like "utili" in (?i)\butili[sz]e\b) and
	// no *, + or anchors runs only around that literal's occurrences and
	// costs little; any other runs over the whole text, about 20 ms per MB.
	Regex []string
	// Replace, when not empty, makes each match offer a fix replacing it.
	// The replacement takes the initial capital (or all capitals) of the
	// matched text. For regex matches, $1 and ${name} expand to submatches
	// ($$ is a dollar sign).
	Replace string
	// Safe marks the fix as safe for tools to apply without asking.
	Safe bool
}

// PhraseError is the error [NewPhraseRule] returns for an invalid spec: it
// names the field at fault and, for Match and Regex, the item.
type PhraseError struct {
	// Field is the spec field: "name", "message", "category", "severity",
	// "confidence", "match", "regex" or "replace".
	Field string
	// Index is the 0-based item of Match or Regex at fault, or -1.
	Index int
	// Err says what is wrong.
	Err error
}

// Error formats the error with its position.
func (e *PhraseError) Error() string {
	if e.Index >= 0 {
		return fmt.Sprintf("%s item %d: %v", e.Field, e.Index+1, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Field, e.Err)
}

// Unwrap returns the underlying error.
func (e *PhraseError) Unwrap() error { return e.Err }

func phrErr(field string, index int, format string, args ...any) error {
	return &PhraseError{Field: field, Index: index, Err: fmt.Errorf(format, args...)}
}

// phrNameRE is the shape of rule names.
var phrNameRE = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// NewPhraseRule builds a rule from spec. All phrases are found in one pass
// over the text (a map from each phrase's first word to the phrases starting
// with it), and each regular expression in one further pass. Overlapping
// matches are reported once, the earliest (then longest) winning.
func NewPhraseRule(spec PhraseSpec) (*mtcheck.Rule, error) {
	if !phrNameRE.MatchString(spec.Name) {
		return nil, phrErr("name", -1, "invalid rule name %q (want lower-case letters, digits and hyphens, starting with a letter)", spec.Name)
	}
	if spec.Category == "" {
		spec.Category = mtcheck.Mistranslation
	}
	if _, err := mtcheck.ParseCategory(string(spec.Category)); err != nil {
		return nil, &PhraseError{Field: "category", Index: -1, Err: err}
	}
	if spec.Severity != 0 && (spec.Severity < mtcheck.Info || spec.Severity > mtcheck.Error) {
		return nil, phrErr("severity", -1, "invalid severity %d", int(spec.Severity))
	}
	if spec.Confidence == 0 {
		spec.Confidence = 1
	}
	if !(spec.Confidence > 0 && spec.Confidence <= 1) {
		return nil, phrErr("confidence", -1, "must be above 0 and at most 1, got %v", spec.Confidence)
	}
	if len(spec.Match) == 0 && len(spec.Regex) == 0 {
		return nil, phrErr("match", -1, "a phrase rule needs at least one phrase (match) or regular expression (regex)")
	}
	if !utf8.ValidString(spec.Replace) {
		return nil, phrErr("replace", -1, "not valid UTF-8")
	}
	if !utf8.ValidString(spec.Message) {
		return nil, phrErr("message", -1, "not valid UTF-8")
	}
	m := &phrMatcher{byKey: make(map[string][]phrPhrase)}
	seen := make(map[string]bool)
	for i, p := range spec.Match {
		ph, key, err := phrCompile(p)
		if err != nil {
			return nil, &PhraseError{Field: "match", Index: i, Err: err}
		}
		if seen[ph.lower] {
			continue
		}
		seen[ph.lower] = true
		m.byKey[key] = append(m.byKey[key], ph)
		m.lens[key[0]] |= 1 << min(len(key), 63)
	}
	for key, list := range m.byKey {
		// Longest first, so "in order to" wins over "in order".
		slices.SortStableFunc(list, func(a, b phrPhrase) int { return utf8.RuneCountInString(b.lower) - utf8.RuneCountInString(a.lower) })
		m.byKey[key] = list
	}
	for i, expr := range spec.Regex {
		re, err := regexp.Compile(expr)
		if err != nil {
			return nil, &PhraseError{Field: "regex", Index: i, Err: err}
		}
		if re.MatchString("") {
			return nil, phrErr("regex", i, "%q matches the empty text", expr)
		}
		m.regexes = append(m.regexes, phrNewRegex(re))
	}
	m.expand = strings.Contains(spec.Replace, "$")
	doc := spec.Doc
	if doc == "" {
		doc = "House phrase rule " + spec.Name + " (from configuration)."
	}
	r := &mtcheck.Rule{
		Name:     spec.Name,
		Doc:      doc,
		Category: spec.Category,
		Severity: spec.Severity,
	}
	r.Run = func(p *mtcheck.Pass) error {
		phrRun(p, m, &spec)
		return nil
	}
	return r, nil
}

// phrPhrase is one compiled phrase: lower-cased runes, white space folded to
// a single ' ', apostrophes to '\”.
type phrPhrase struct {
	lower   string // folded text
	keyLen  int    // bytes of the leading word (the map key)
	next    byte   // lower-cased ASCII byte after the key and a space, or 0
	wordEnd bool   // the phrase ends with a word character: check the boundary
}

type phrMatcher struct {
	byKey map[string][]phrPhrase // by lower-cased leading word
	// lens has, for each first byte of a key, bit n set when a key of n
	// bytes starts with it (bit 63: 63 bytes or more), so most words are
	// dismissed without a map look-up.
	lens    [256]uint64
	regexes []phrRegex
	expand  bool // Replace holds $ templates for regex matches
}

type phrMatch struct {
	span mtcheck.Span
	re   *regexp.Regexp // set for regex matches
	sub  []int          // submatch indexes, when expanding
}

func phrIsWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// phrJoiner reports runes that join two words into one ("re-use", "don't").
func phrJoiner(r rune) bool { return r == '-' || r == '\'' || r == '’' }

var phrASCIIWord = func() (t [128]bool) {
	for c := 0; c < 128; c++ {
		t[c] = phrIsWord(rune(c))
	}
	return t
}()

func phrFold(r rune) rune {
	if r == '’' {
		return '\''
	}
	return unicode.ToLower(r)
}

// phrCompile lower-cases and folds a phrase and returns its key: the
// lower-cased leading run of word characters.
func phrCompile(p string) (phrPhrase, string, error) {
	if !utf8.ValidString(p) {
		return phrPhrase{}, "", errors.New("not valid UTF-8")
	}
	fields := strings.Fields(p)
	if len(fields) == 0 {
		return phrPhrase{}, "", errors.New("empty phrase")
	}
	var lower []rune
	for i, f := range fields {
		if i > 0 {
			lower = append(lower, ' ')
		}
		for _, r := range f {
			lower = append(lower, phrFold(r))
		}
	}
	if !phrIsWord(lower[0]) {
		return phrPhrase{}, "", fmt.Errorf("phrase %q must start with a letter or digit (use regex for others)", p)
	}
	var key []byte
	for _, r := range lower {
		if !phrIsWord(r) {
			break
		}
		key = utf8.AppendRune(key, r)
	}
	folded := string(lower)
	ph := phrPhrase{lower: folded, keyLen: len(key), wordEnd: phrIsWord(lower[len(lower)-1])}
	if rest := folded[len(key):]; len(rest) > 1 && rest[0] == ' ' && rest[1] < utf8.RuneSelf && rest[1] != '\'' {
		ph.next = rest[1]
	}
	return ph, string(key), nil
}

// phrRun finds every match and reports it.
func phrRun(p *mtcheck.Pass, m *phrMatcher, spec *PhraseSpec) {
	text := p.Text()
	var found []phrMatch
	if len(m.byKey) > 0 {
		found = m.findPhrases(text, found)
	}
	nPhrases := len(found)
	for i := range m.regexes {
		r := &m.regexes[i]
		for _, loc := range r.findAll(text, m.expand) {
			if loc[1] > loc[0] {
				f := phrMatch{span: mtcheck.Span{Start: loc[0], End: loc[1]}, re: r.re}
				if m.expand {
					f.sub = loc
				}
				found = append(found, f)
			}
		}
	}
	if len(found) > nPhrases {
		slices.SortStableFunc(found, func(a, b phrMatch) int {
			if a.span.Start != b.span.Start {
				return a.span.Start - b.span.Start
			}
			return b.span.End - a.span.End
		})
	}
	last := -1
	for _, f := range found {
		if f.span.Start < last {
			continue // overlaps a match already reported
		}
		last = f.span.End
		phrReport(p, spec, text, f)
	}
}

// findPhrases scans text once, word by word, looking each word up among the
// phrases' first words.
func (m *phrMatcher) findPhrases(text string, found []phrMatch) []phrMatch {
	var buf []byte
	i := 0
	for i < len(text) {
		c := text[i]
		var lead rune
		if c < utf8.RuneSelf {
			if !phrASCIIWord[c] {
				i++
				continue
			}
			lead = rune(c)
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			if !phrIsWord(r) {
				i += size
				continue
			}
			lead = r
		}
		// A word starts at i; find its end.
		start := i
		ascii := true
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				if !phrASCIIWord[c] {
					break
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if !phrIsWord(r) {
				break
			}
			ascii = false
			i += size
		}
		// Cheap filters before lower-casing the word.
		var fb byte
		if lead < utf8.RuneSelf {
			fb = byte(unicode.ToLower(lead))
		} else {
			var tmp [utf8.UTFMax]byte
			utf8.EncodeRune(tmp[:], unicode.ToLower(lead))
			fb = tmp[0]
		}
		lens := m.lens[fb]
		if lens == 0 || (ascii && lens&(1<<min(i-start, 63)) == 0) {
			continue
		}
		buf = buf[:0]
		if ascii && lead < utf8.RuneSelf {
			for k := start; k < i; k++ {
				c := text[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf = append(buf, c)
			}
		} else {
			for _, r := range text[start:i] {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
			}
		}
		list := m.byKey[string(buf)]
		if len(list) == 0 || !phrStartBoundary(text, start) {
			continue
		}
		// The lower-cased ASCII byte that starts the next word, if the word
		// is followed by white space: phrases whose second word starts
		// otherwise cannot match.
		var next byte
		if k := phrSkipSpace(text, i); k > i && k < len(text) && text[k] < utf8.RuneSelf {
			next = text[k]
			if 'A' <= next && next <= 'Z' {
				next += 'a' - 'A'
			}
		}
		for k := range list {
			ph := &list[k]
			if ph.next != 0 && next != 0 && ph.next != next {
				continue
			}
			if end, ok := phrMatchAt(text, i, ph); ok {
				found = append(found, phrMatch{span: mtcheck.Span{Start: start, End: end}})
				i = end
				break
			}
		}
	}
	return found
}

// phrStartBoundary reports whether a match may start at i: the word there is
// not joined to a word before it by a hyphen or apostrophe.
func phrStartBoundary(text string, i int) bool {
	r, size := utf8.DecodeLastRuneInString(text[:i])
	if size == 0 || !phrJoiner(r) {
		return true
	}
	r, size = utf8.DecodeLastRuneInString(text[:i-size])
	return size == 0 || !phrIsWord(r)
}

// phrSkipSpace returns the end of the run of white space at text[i:].
func phrSkipSpace(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f' && c != '\v' {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			return i
		}
		i += size
	}
	return i
}

// phrMatchAt matches the rest of ph, after its leading word, at text[k:]
// (where the text's word equal to that leading word ends) and returns the
// end of the match.
func phrMatchAt(text string, k int, ph *phrPhrase) (int, bool) {
	p := ph.lower
	for j := ph.keyLen; j < len(p); {
		pc := p[j]
		if pc == ' ' {
			end := phrSkipSpace(text, k)
			if end == k || strings.Count(text[k:end], "\n") > 1 {
				return 0, false
			}
			k = end
			j++
			continue
		}
		if k >= len(text) {
			return 0, false
		}
		if tc := text[k]; pc < utf8.RuneSelf && tc < utf8.RuneSelf {
			if 'A' <= tc && tc <= 'Z' {
				tc += 'a' - 'A'
			}
			if tc != pc {
				return 0, false
			}
			j++
			k++
			continue
		}
		want, ws := utf8.DecodeRuneInString(p[j:])
		r, size := utf8.DecodeRuneInString(text[k:])
		if phrFold(r) != want {
			return 0, false
		}
		j += ws
		k += size
	}
	if ph.wordEnd && k < len(text) {
		r, size := utf8.DecodeRuneInString(text[k:])
		if phrIsWord(r) {
			return 0, false
		}
		if phrJoiner(r) {
			if r2, _ := utf8.DecodeRuneInString(text[k+size:]); phrIsWord(r2) {
				return 0, false
			}
		}
	}
	return k, true
}

func phrReport(p *mtcheck.Pass, spec *PhraseSpec, text string, f phrMatch) {
	matched := text[f.span.Start:f.span.End]
	shown := strings.Join(strings.Fields(matched), " ")
	msg := spec.Message
	switch {
	case msg == "" && spec.Replace != "":
		msg = `prefer "` + spec.Replace + `" to "%s"`
	case msg == "":
		msg = `"%s" is against house style`
	}
	msg = strings.ReplaceAll(msg, "%s", shown)
	d := mtcheck.Diagnostic{Span: f.span, Message: msg, Confidence: spec.Confidence}
	if spec.Replace != "" {
		repl := spec.Replace
		if f.re != nil && f.sub != nil {
			repl = string(f.re.ExpandString(nil, spec.Replace, text, f.sub))
		}
		repl = phrMatchCase(matched, repl)
		if repl != matched {
			d.Fixes = []mtcheck.Fix{mtcheck.ReplaceFix(fmt.Sprintf("replace with %q", repl), f.span, repl, spec.Safe)}
		}
	}
	p.Report(d)
}

// phrMatchCase gives repl the capitalisation of matched: all capitals when
// matched has two or more letters and all are capitals, else an initial
// capital when matched starts with one. A replacement that starts with a
// capital keeps its case otherwise.
func phrMatchCase(matched, repl string) string {
	letters, upper := 0, 0
	firstUpper := false
	for _, r := range matched {
		if !unicode.IsLetter(r) {
			continue
		}
		if letters == 0 {
			firstUpper = unicode.IsUpper(r)
		}
		letters++
		if unicode.IsUpper(r) {
			upper++
		}
	}
	if letters >= 2 && upper == letters {
		return strings.ToUpper(repl)
	}
	if !firstUpper {
		return repl
	}
	for i, r := range repl {
		if unicode.IsLetter(r) {
			if unicode.IsUpper(r) {
				return repl
			}
			return repl[:i] + string(unicode.ToTitle(r)) + repl[i+utf8.RuneLen(r):]
		}
	}
	return repl
}

// phrRegex is a regular expression with, when it allows one, a literal
// prefilter: a literal every match contains and a bound on a match's length
// let the expression run only on short windows around the literal's
// occurrences, which finds exactly the matches a run over the whole text
// finds (no window can start or end a match: each reaches at least one
// character beyond any match containing its occurrences), several times
// faster, since Go's regexp cannot skip ahead over text that starts with \b.
type phrRegex struct {
	re     *regexp.Regexp
	lit    string // required literal, lower-case when fold; "" for none
	fold   bool   // lit matches ASCII case-insensitively
	maxLen int    // bytes a match spans at most
}

// phrMinLit is the shortest literal worth a prefilter.
const phrMinLit = 3

func phrNewRegex(re *regexp.Regexp) phrRegex {
	r := phrRegex{re: re}
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return r
	}
	tree = tree.Simplify()
	runes, ok := phrMaxRunes(tree)
	if !ok || runes > 256 {
		return r
	}
	parts := []*syntax.Regexp{tree}
	if tree.Op == syntax.OpConcat {
		parts = tree.Sub
	}
	for _, part := range parts {
		for part.Op == syntax.OpCapture {
			part = part.Sub[0]
		}
		if part.Op != syntax.OpLiteral {
			continue
		}
		lit, fold, ok := phrLiteral(part)
		if ok && len(lit) > len(r.lit) {
			r.lit, r.fold = lit, fold
		}
	}
	if len(r.lit) < phrMinLit {
		r.lit = ""
		return r
	}
	r.maxLen = runes * utf8.UTFMax
	return r
}

// phrLiteral returns the text of a literal node, lower-cased when it folds
// case; a folding literal qualifies only if it is ASCII whose letters fold
// to ASCII alone (not k or s, which also match the Kelvin sign and long s).
func phrLiteral(n *syntax.Regexp) (string, bool, bool) {
	fold := n.Flags&syntax.FoldCase != 0
	var b strings.Builder
	for _, c := range n.Rune {
		if fold {
			if c >= utf8.RuneSelf {
				return "", false, false
			}
			for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
				if f >= utf8.RuneSelf {
					return "", false, false
				}
			}
			c = unicode.ToLower(c)
		}
		b.WriteRune(c)
	}
	return b.String(), fold, true
}

// phrMaxRunes returns the most runes a match of n spans; ok is false when
// that is unbounded or n has anchors (^ $ \A \z), which windows would change.
func phrMaxRunes(n *syntax.Regexp) (int, bool) {
	switch n.Op {
	case syntax.OpNoMatch, syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0, true
	case syntax.OpLiteral:
		return len(n.Rune), true
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1, true
	case syntax.OpCapture, syntax.OpQuest:
		return phrMaxRunes(n.Sub[0])
	case syntax.OpRepeat:
		if n.Max < 0 {
			return 0, false
		}
		m, ok := phrMaxRunes(n.Sub[0])
		return m * n.Max, ok
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, sub := range n.Sub {
			m, ok := phrMaxRunes(sub)
			if !ok {
				return 0, false
			}
			if n.Op == syntax.OpConcat {
				total += m
			} else {
				total = max(total, m)
			}
		}
		return total, true
	}
	return 0, false // star, plus, anchors
}

// findAll returns the matches of the expression in text, with submatch
// indexes when sub is set, as regexp's FindAll functions do.
func (r *phrRegex) findAll(text string, sub bool) [][]int {
	if r.lit == "" {
		if sub {
			return r.re.FindAllStringSubmatchIndex(text, -1)
		}
		return r.re.FindAllStringIndex(text, -1)
	}
	var out [][]int
	ws, we := -1, -1 // the current window
	flush := func() {
		if ws < 0 {
			return
		}
		var locs [][]int
		if sub {
			locs = r.re.FindAllStringSubmatchIndex(text[ws:we], -1)
		} else {
			locs = r.re.FindAllStringIndex(text[ws:we], -1)
		}
		for _, loc := range locs {
			for k := range loc {
				if loc[k] >= 0 {
					loc[k] += ws
				}
			}
			out = append(out, loc)
		}
	}
	// The margin keeps at least one character between a window's edge and
	// any match containing an occurrence inside it.
	margin := r.maxLen + utf8.UTFMax
	for from := 0; ; {
		h := r.index(text, from)
		if h < 0 {
			break
		}
		from = h + 1
		s, e := max(0, h-margin), min(len(text), h+len(r.lit)+margin)
		for s > 0 && !utf8.RuneStart(text[s]) {
			s--
		}
		for e < len(text) && !utf8.RuneStart(text[e]) {
			e++
		}
		if ws >= 0 && s <= we {
			we = e
			continue
		}
		flush()
		ws, we = s, e
	}
	flush()
	return out
}

// index returns the first occurrence of the literal in text[from:], as an
// offset into text, or -1.
func (r *phrRegex) index(text string, from int) int {
	if !r.fold {
		if i := strings.Index(text[from:], r.lit); i >= 0 {
			return from + i
		}
		return -1
	}
	first := r.lit[0]
	upper := first
	if 'a' <= first && first <= 'z' {
		upper -= 'a' - 'A'
	}
	for i := from; i+len(r.lit) <= len(text); i++ {
		c := text[i]
		if c != first && c != upper {
			continue
		}
		ok := true
		for k := 1; k < len(r.lit); k++ {
			c := text[i+k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != r.lit[k] {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}
