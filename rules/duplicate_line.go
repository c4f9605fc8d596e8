package rules

import (
	"strconv"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// DuplicateLine flags a title or paragraph line that appears again later in
// the document, as scrapers leave it when they copy a headline twice.
var DuplicateLine = &mtcheck.Rule{
	Name: "duplicate-line",
	Doc: "a title or paragraph line repeated later in the document\n" +
		"Lines are compared after trimming, with runs of white space folded. Short lines " +
		"(fewer than 4 words or 20 bytes) and lines repeated three or more times (refrains, " +
		"templates) are left alone, and so are boilerplate lines, which the boilerplate rule " +
		"reports. The fix deletes the later line and is never safe: a person must decide.",
	Category: mtcheck.Duplication,
	Severity: mtcheck.Warning,
	Run:      dplRun,
}

// Thresholds. A line must have dplMinWords words and dplMinBytes bytes to
// count: "Share", "Advertisement", "***", "Read more", "Photo: Reuters" and
// one-line refrains stay below; the shortest repeated headline in the
// fixtures has 5 words and 30 bytes. Four words and twenty bytes still
// admit short headlines ("Storm closes coastal roads").
const (
	dplMinWords = 4
	dplMinBytes = 20
	// dplLongWords marks a long line: a whole paragraph repeated verbatim.
	dplLongWords = 12
)

// Confidences, measured on the fixtures: a repeated first line (the title)
// was residue in 3 of 3 cases (seed 1, fixtures 2); long repeated lines in
// 4 of 4; short repeated lines (4 to 11 words) were residue in 3 of 5, the
// other two being a repeated interview question and a section heading
// repeated on purpose, which is why that level is low.
const (
	dplConfTitle = 0.9
	dplConfLong  = 0.85
	dplConfShort = 0.6
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
	seen := make(map[string]int)
	var entries []dplEntry
	var dups []int // entries seen twice, in order of their second occurrence
	var scratch []byte
	prevBlank := true
	titleStart := -1
	for pos := 0; pos < len(text); {
		l := blpNextLine(text, pos)
		pos = l.next
		if l.ts == l.te {
			prevBlank = true
			continue
		}
		if titleStart < 0 {
			titleStart = l.ts
		}
		blank := prevBlank
		prevBlank = false
		line := text[l.ts:l.te]
		if len(line) < dplMinBytes || dplWords(line) < dplMinWords {
			continue
		}
		key := line
		if dplNeedsFold(line) {
			scratch = dplFold(scratch[:0], line)
			key = string(scratch)
		}
		i, ok := seen[key]
		if !ok {
			seen[key] = len(entries)
			entries = append(entries, dplEntry{first: mtcheck.Span{Start: l.ts, End: l.te}, count: 1})
			continue
		}
		e := &entries[i]
		e.count++
		if e.count == 2 {
			e.second = mtcheck.Span{Start: l.ts, End: l.te}
			e.fix = blpLineDeletion(text, l, blank)
			dups = append(dups, i)
		}
	}
	for _, i := range dups {
		e := &entries[i]
		if e.count != 2 {
			continue // a refrain or template line, not a copying slip
		}
		line := text[e.second.Start:e.second.End]
		if len(blpMatchLine(line, e.second.Start, "", true)) > 0 {
			continue // boilerplate's to report
		}
		firstLine := pass.Doc.LineOf(e.first.Start)
		conf, what := dplConfShort, "line"
		switch {
		case e.first.Start == titleStart:
			conf, what = dplConfTitle, "title"
		case dplWords(line) >= dplLongWords:
			conf, what = dplConfLong, "paragraph"
		}
		pass.Report(mtcheck.Diagnostic{
			Span:       e.second,
			Confidence: conf,
			Message:    "repeats the " + what + " on line " + strconv.Itoa(firstLine),
			Related:    []mtcheck.Span{e.first},
			Fixes:      []mtcheck.Fix{mtcheck.DeleteFix("delete the repeated "+what, e.fix, false)},
		})
	}
	return nil
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

// dplNeedsFold reports whether s holds white space other than single
// spaces, which dplFold would change.
func dplNeedsFold(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\t', '\r', '\f', '\v':
			return true
		case ' ':
			if i+1 < len(s) && s[i+1] == ' ' {
				return true
			}
		}
	}
	return false
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
