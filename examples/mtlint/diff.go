package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// diffContext is the number of unchanged lines shown around a change.
const diffContext = 3

// unifiedDiff writes a unified diff (as diff -u prints it) of text against
// text with edits applied. The edits are known, so no diff algorithm is
// needed: each edit replaces the lines it touches, and edits on shared lines
// are grouped. Edits must be sorted and must not overlap.
func unifiedDiff(w *strings.Builder, aName, bName, text string, edits []mtcheck.TextEdit) {
	if len(edits) == 0 {
		return
	}
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' && i+1 < len(text) {
			starts = append(starts, i+1)
		}
	}
	n := len(starts) // number of lines
	if len(text) == 0 {
		n = 0
	}
	lineStart := func(i int) int {
		if i >= n {
			return len(text)
		}
		return starts[i]
	}
	lineOf := func(off int) int {
		if n == 0 || (off == len(text) && text[len(text)-1] == '\n') {
			return n // the virtual line after a final newline
		}
		return sort.Search(n, func(i int) bool { return starts[i] > off }) - 1
	}
	type group struct {
		lo, hi int // old lines [lo, hi)
		edits  []mtcheck.TextEdit
	}
	var groups []group
	for _, e := range edits {
		lo := lineOf(e.Start)
		last := lineOf(e.End)
		if e.End > e.Start && text[e.End-1] == '\n' && (e.NewText == "" || strings.HasSuffix(e.NewText, "\n")) {
			last = lineOf(e.End - 1)
		}
		hi := min(last+1, n)
		if hi < lo {
			hi = lo
		}
		if k := len(groups) - 1; k >= 0 && lo < groups[k].hi {
			groups[k].hi = max(groups[k].hi, hi)
			groups[k].edits = append(groups[k].edits, e)
			continue
		}
		groups = append(groups, group{lo, hi, []mtcheck.TextEdit{e}})
	}
	fmt.Fprintf(w, "--- %s\n+++ %s\n", aName, bName)
	delta := 0
	for i := 0; i < len(groups); {
		j := i + 1
		for j < len(groups) && groups[j].lo-groups[j-1].hi <= 2*diffContext {
			j++
		}
		from := max(0, groups[i].lo-diffContext)
		to := min(n, groups[j-1].hi+diffContext)
		var body strings.Builder
		oldCount, newCount := 0, 0
		context := func(a, b int) {
			for _, ln := range splitLines(text[lineStart(a):lineStart(b)]) {
				writeDiffLine(&body, ' ', ln)
				oldCount++
				newCount++
			}
		}
		at := from
		for _, g := range groups[i:j] {
			context(at, g.lo)
			segStart, segEnd := lineStart(g.lo), lineStart(g.hi)
			var nb strings.Builder
			last := segStart
			for _, e := range g.edits {
				nb.WriteString(text[last:e.Start])
				nb.WriteString(e.NewText)
				last = e.End
			}
			nb.WriteString(text[last:max(last, segEnd)])
			for _, ln := range splitLines(text[segStart:segEnd]) {
				writeDiffLine(&body, '-', ln)
				oldCount++
			}
			for _, ln := range splitLines(nb.String()) {
				writeDiffLine(&body, '+', ln)
				newCount++
			}
			at = g.hi
		}
		context(at, to)
		oldStart, newStart := from+1, from+1+delta
		if oldCount == 0 {
			oldStart--
		}
		if newCount == 0 {
			newStart--
		}
		fmt.Fprintf(w, "@@ -%d,%d +%d,%d @@\n", oldStart, oldCount, newStart, newCount)
		w.WriteString(body.String())
		delta += newCount - oldCount
		i = j
	}
}

// splitLines splits s into lines that keep their "\n"; the last may lack it.
func splitLines(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

func writeDiffLine(w *strings.Builder, op byte, line string) {
	w.WriteByte(op)
	w.WriteString(line)
	if !strings.HasSuffix(line, "\n") {
		w.WriteString("\n\\ No newline at end of file\n")
	}
}
