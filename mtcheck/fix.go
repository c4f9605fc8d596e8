package mtcheck

import (
	"fmt"
	"sort"
	"strings"
)

// FixResult is the outcome of [ApplyFixes].
type FixResult struct {
	// Text is the text with the accepted fixes applied.
	Text string
	// Applied lists the diagnostics whose fix was applied.
	Applied []Diagnostic
	// Skipped lists fixes that were not applied, and why.
	Skipped []SkippedFix
}

// SkippedFix is a diagnostic whose fix was not applied.
type SkippedFix struct {
	Diagnostic Diagnostic
	Reason     string
}

// ApplyFixes applies the first fix of each diagnostic to text. With safeOnly
// it applies a diagnostic's first fix only if that fix is marked Safe. A fix
// whose edits overlap an edit already accepted (diagnostics are taken in
// order of position) is skipped whole, and so is a fix with invalid edits.
// Applying the fixes of a text's own diagnostics and checking again finds
// nothing more to fix for well-behaved rules.
func ApplyFixes(text string, diags []Diagnostic, safeOnly bool) FixResult {
	order := make([]int, len(diags))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return diags[order[a]].Start < diags[order[b]].Start
	})
	var res FixResult
	var accepted []TextEdit
	for _, i := range order {
		d := diags[i]
		if len(d.Fixes) == 0 {
			continue
		}
		f := d.Fixes[0]
		if safeOnly && !f.Safe {
			continue
		}
		if reason := checkEdits(text, f.Edits, accepted); reason != "" {
			res.Skipped = append(res.Skipped, SkippedFix{Diagnostic: d, Reason: reason})
			continue
		}
		accepted = append(accepted, f.Edits...)
		res.Applied = append(res.Applied, d)
	}
	sort.SliceStable(accepted, func(a, b int) bool { return accepted[a].Start < accepted[b].Start })
	var b strings.Builder
	b.Grow(len(text))
	last := 0
	for _, e := range accepted {
		b.WriteString(text[last:e.Start])
		b.WriteString(e.NewText)
		last = e.End
	}
	b.WriteString(text[last:])
	res.Text = b.String()
	return res
}

// conflicts reports whether two edits touch the same bytes; two insertions
// at one offset conflict too, since their order would be arbitrary.
func conflicts(a, b TextEdit) bool {
	if a.Overlaps(b.Span) {
		return true
	}
	if a.Start == b.Start && (a.Len() == 0 || b.Len() == 0) {
		return true
	}
	return (a.Len() == 0 && a.Start > b.Start && a.Start < b.End) || (b.Len() == 0 && b.Start > a.Start && b.Start < a.End)
}

func checkEdits(text string, edits []TextEdit, accepted []TextEdit) string {
	for i, e := range edits {
		if err := validSpan(text, e.Span); err != nil {
			return "invalid edit: " + err.Error()
		}
		for _, o := range edits[:i] {
			if conflicts(e, o) {
				return "the fix's own edits overlap"
			}
		}
		for _, o := range accepted {
			if conflicts(e, o) {
				return fmt.Sprintf("overlaps an earlier fix at %v", o.Span)
			}
		}
	}
	return ""
}
