package rules

import (
	"errors"
	"fmt"
	"regexp"
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
	// boundaries.
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

func (e *PhraseError) Error() string {
	if e.Index >= 0 {
		return fmt.Sprintf("%s item %d: %v", e.Field, e.Index+1, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Field, e.Err)
}

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
		m.regexes = append(m.regexes, re)
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
	regexes []*regexp.Regexp
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
	for _, re := range m.regexes {
		if m.expand {
			for _, loc := range re.FindAllStringSubmatchIndex(text, -1) {
				if loc[1] > loc[0] {
					found = append(found, phrMatch{span: mtcheck.Span{Start: loc[0], End: loc[1]}, re: re, sub: loc})
				}
			}
			continue
		}
		for _, loc := range re.FindAllStringIndex(text, -1) {
			if loc[1] > loc[0] {
				found = append(found, phrMatch{span: mtcheck.Span{Start: loc[0], End: loc[1]}, re: re})
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
