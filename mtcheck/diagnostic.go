package mtcheck

import "sort"

// Diagnostic is one finding: where, which rule, how sure and how bad.
type Diagnostic struct {
	Span
	// Rule is the name of the rule that reported the finding.
	Rule string `json:"rule"`
	// Category is the kind of damage.
	Category Category `json:"category"`
	// Message explains the finding to a person.
	Message string `json:"message"`
	// Confidence is the rule's own estimate, in (0, 1], that the finding is
	// real damage.
	Confidence float64 `json:"confidence"`
	// Severity is how bad the finding is, from configuration or the rule's
	// default.
	Severity Severity `json:"severity"`
	// Fixes are alternative repairs, best first.
	Fixes []Fix `json:"fixes,omitempty"`
	// Related points at other places that explain the finding, such as the
	// first occurrence of a repeated line.
	Related []Span `json:"related,omitempty"`
}

// Fix is one way to repair a finding: a set of non-overlapping edits.
type Fix struct {
	// Message describes the repair, e.g. "insert a space".
	Message string `json:"message"`
	// Edits are applied together.
	Edits []TextEdit `json:"edits"`
	// Safe marks a fix that tools may apply without asking.
	Safe bool `json:"safe"`
}

// TextEdit replaces the bytes of Span with NewText. An empty span inserts;
// an empty NewText deletes.
type TextEdit struct {
	Span
	NewText string `json:"text"`
}

// InsertFix returns a fix that inserts text at byte offset off.
func InsertFix(message string, off int, text string, safe bool) Fix {
	return Fix{Message: message, Safe: safe, Edits: []TextEdit{{Span: Span{off, off}, NewText: text}}}
}

// DeleteFix returns a fix that deletes span.
func DeleteFix(message string, span Span, safe bool) Fix {
	return Fix{Message: message, Safe: safe, Edits: []TextEdit{{Span: span}}}
}

// ReplaceFix returns a fix that replaces span with text.
func ReplaceFix(message string, span Span, text string, safe bool) Fix {
	return Fix{Message: message, Safe: safe, Edits: []TextEdit{{Span: span, NewText: text}}}
}

// SortDiagnostics puts diagnostics in report order: by start, then end,
// then rule name, keeping the order of diagnostics equal in all three.
func SortDiagnostics(diags []Diagnostic) {
	sort.SliceStable(diags, func(i, j int) bool {
		a, b := diags[i], diags[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		return a.Rule < b.Rule
	})
}
