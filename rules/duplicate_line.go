package rules

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// DuplicateLine flags a title or paragraph line that appears again later in
// the document, as scrapers leave it when they copy a headline twice.
var DuplicateLine = &mtcheck.Rule{
	Name: "duplicate-line",
	Doc: "a title or paragraph line repeated later in the document\n" +
		"Only lines that are whole paragraphs (blank lines around them) count; they are " +
		"compared after trimming, with runs of white space folded. Short lines (fewer than 4 " +
		"words or 20 bytes), lines that do not start like prose (list items, markup, code), " +
		"lines other than the title that do not end a sentence (headings, credits), lines " +
		"repeated three or more times (refrains, templates) and boilerplate lines (the " +
		"boilerplate rule's) are left alone. The fix deletes the later line and is never " +
		"safe: a person must decide.",
	Category: mtcheck.Duplication,
	Severity: mtcheck.Warning,
	Run:      dplRun,
}

// Thresholds. A line must have dplMinWords words and dplMinBytes bytes to
// count: "Share", "Advertisement", "***", "Read more", "Photo: Reuters" and
// one-line refrains stay below; the shortest repeated line in the fixtures
// and the seed has 7 words and 40 bytes. Four words and twenty bytes still
// admit short headlines ("Storm closes coastal roads", 26 bytes).
const (
	dplMinWords = 4
	dplMinBytes = 20
	// dplLongWords marks a long line: a whole paragraph repeated verbatim.
	dplLongWords = 12
)

// Confidences. Fixtures and seed (residue by construction): repeated title
// 2 of 2, repeated long paragraph 1 of 1, short line 3 of 3. On about 3 MB
// of correct English (Sherlock Holmes, Candide, Rust release notes, Python
// and pyenv changelogs, Vim docs, the CommonMark spec) the rule reports 3
// lines, all deliberate: one long and two short sentences repeated in
// technical documents; no title repeats. Hence a high title level and
// cautious levels for the rest, the shortest lowest.
const (
	dplConfTitle = 0.9
	dplConfLong  = 0.75
	dplConfShort = 0.55
)

// dplEntry is one distinct line: its first and second occurrence.
type dplEntry struct {
	first  mtcheck.Span
	second mtcheck.Span
	count  int
	fix    mtcheck.Span // the deletion of the second occurrence
}

func dplRun(pass *mtcheck.Pass) error {
	text := pass.Text()
	d := dplState{text: text, seen: make(map[string]int, len(text)/512), titleStart: -1}
	// A line counts only when it is a whole paragraph: a blank line (or the
	// text's edge) on both sides. pend is a line that opened a paragraph and
	// waits to learn what follows it.
	var pend blpLine
	pendOK := false
	prevBlank := true
	for pos := 0; pos < len(text); {
		l := blpNextLine(text, pos)
		pos = l.next
		if l.ts == l.te {
			if pendOK {
				d.add(pend)
				pendOK = false
			}
			prevBlank = true
			continue
		}
		if d.titleStart < 0 {
			d.titleStart = l.ts
		}
		pendOK = prevBlank
		pend = l
		prevBlank = false
	}
	if pendOK {
		d.add(pend)
	}
	for _, i := range d.dups {
		e := &d.entries[i]
		if e.count != 2 {
			continue // a refrain or template line, not a copying slip
		}
		line := text[e.second.Start:e.second.End]
		if len(blpMatchLine(line, e.second.Start, "", true)) > 0 {
			continue // boilerplate's to report
		}
		conf, what := dplConfShort, "line"
		switch {
		case e.first.Start == d.titleStart:
			conf, what = dplConfTitle, "title"
		case dplWords(line) >= dplLongWords:
			conf, what = dplConfLong, "paragraph"
		}
		pass.Report(mtcheck.Diagnostic{
			Span:       e.second,
			Confidence: conf,
			Message:    "repeats the " + what + " on line " + strconv.Itoa(pass.Doc.LineOf(e.first.Start)),
			Related:    []mtcheck.Span{e.first},
			Fixes:      []mtcheck.Fix{mtcheck.DeleteFix("delete the repeated "+what, e.fix, false)},
		})
	}
	return nil
}

// dplState collects the candidate lines of one text.
type dplState struct {
	text       string
	seen       map[string]int
	entries    []dplEntry
	dups       []int // entries seen twice, in order of their second occurrence
	scratch    []byte
	titleStart int    // offset of the first non-blank line
	titleKey   string // its key, once it is a candidate
}

// add records the whole-paragraph line l if it is a candidate: long enough,
// starting like prose (not a list item, markup or code) and ending a
// sentence, unless it is the title.
func (d *dplState) add(l blpLine) {
	line := d.text[l.ts:l.te]
	if len(line) < dplMinBytes || !dplProseStart(line) {
		return
	}
	words, fold := dplScan(line)
	if words < dplMinWords {
		return
	}
	key := line
	if fold {
		d.scratch = dplFold(d.scratch[:0], line)
		key = string(d.scratch)
	}
	if l.ts == d.titleStart {
		d.titleKey = key
	} else if key != d.titleKey && !dplEndsSentence(line) {
		return // headings repeat in contents lists; credits in headers and footers
	}
	i, ok := d.seen[key]
	if !ok {
		d.seen[key] = len(d.entries)
		d.entries = append(d.entries, dplEntry{first: mtcheck.Span{Start: l.ts, End: l.te}, count: 1})
		return
	}
	e := &d.entries[i]
	e.count++
	if e.count == 2 {
		e.second = mtcheck.Span{Start: l.ts, End: l.te}
		e.fix = blpLineDeletion(d.text, l, true)
		d.dups = append(d.dups, i)
	}
}

// dplProseStart reports whether line starts like prose: a letter, digit or
// opening quote, and not a list item marker such as "d) ", "2. " or "iv) ".
func dplProseStart(line string) bool {
	if k := strings.IndexAny(line[:min(len(line), 6)], ".)"); k > 0 && k+1 < len(line) && line[k+1] == ' ' && dplListLabel(line[:k]) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(line)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'\u201c\u2018\u00ab", r)
}

// dplListLabel reports whether s labels a list item: up to three digits, a
// single letter or a small roman numeral.
func dplListLabel(s string) bool {
	if len(s) == 1 && mtfIsLetter(s[0]) {
		return true
	}
	if len(s) > 4 {
		return false
	}
	switch strings.ToLower(s) {
	case "ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii":
		return true
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// dplEndsSentence reports whether line ends with a sentence terminator,
// possibly followed by closing quotes or brackets.
func dplEndsSentence(line string) bool {
	line = strings.TrimRight(line, "\"')]\u201d\u2019\u00bb")
	return strings.HasSuffix(line, ".") || strings.HasSuffix(line, "!") || strings.HasSuffix(line, "?") || strings.HasSuffix(line, "\u2026")
}

// dplWords counts runs of letters and digits (any non-ASCII byte counts as
// a letter), so "| --- | --- |" has no words.
func dplWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80 {
			if !in {
				n++
				in = true
			}
		} else {
			in = false
		}
	}
	return n
}

// dplScan counts the words of s (up to dplMinWords) and reports whether s
// holds white space other than single spaces, which dplFold would change.
// One loop, since it runs over every paragraph.
func dplScan(s string) (words int, fold bool) {
	in := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80 {
			if !in {
				words++
				in = true
			}
			continue
		}
		in = false
		switch c {
		case '\t', '\r', '\f', '\v':
			return max(words, dplWords(s)), true
		case ' ':
			if i+1 < len(s) && s[i+1] == ' ' {
				return max(words, dplWords(s)), true
			}
		}
	}
	return words, false
}

// dplFold appends s to dst with every run of white space made one space.
func dplFold(dst []byte, s string) []byte {
	space := false
	for i := 0; i < len(s); i++ {
		if blpSpace(s[i]) {
			space = true
			continue
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		dst = append(dst, s[i])
	}
	return dst
}
