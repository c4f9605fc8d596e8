package markup

import (
	"context"
	"strings"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// CheckOptions adjust [CheckWith].
type CheckOptions struct {
	// ReportUnusedDisables adds an "unused-disable" diagnostic for every
	// suppression comment that suppressed nothing. These diagnostics do not
	// count towards the score.
	ReportUnusedDisables bool
}

// Check runs c over the prose of src, a document of the given kind, and
// returns a report against src itself: offsets, lines, columns, related
// spans and fix edits all point into src, and applying the fixes leaves the
// markup intact. Findings covered by suppression comments are dropped.
func Check(ctx context.Context, c *mtcheck.Checker, kind Kind, src string) (*mtcheck.Report, error) {
	return CheckWith(ctx, c, kind, src, CheckOptions{})
}

// CheckWith is [Check] with options.
func CheckWith(ctx context.Context, c *mtcheck.Checker, kind Kind, src string, opts CheckOptions) (*mtcheck.Report, error) {
	if kind == Text && !strings.Contains(src, "mtcheck-") {
		// Plain text without suppression comments is its own check text:
		// no copy, no offset map.
		return c.Check(ctx, src)
	}
	x, err := Extract(kind, src)
	if err != nil {
		return nil, err
	}
	checked, err := c.Check(ctx, x.Text)
	if err != nil {
		return nil, err
	}
	var running []string
	for _, r := range c.Rules() {
		running = append(running, r.Name)
	}
	if running == nil {
		running = []string{}
	}
	return x.Report(checked, running, opts), nil
}

// Report turns a report on the check text into a report on the source:
// diagnostics are mapped back (see [Extracted.MapDiagnostic]), suppressed
// ones dropped, and the score recomputed. Words are counted in the prose
// (the check text), so code and markup do not dilute the penalty. running
// names the rules that ran, for judging unused suppressions.
func (x *Extracted) Report(checked *mtcheck.Report, running []string, opts CheckOptions) *mtcheck.Report {
	diags := make([]mtcheck.Diagnostic, 0, len(checked.Diagnostics))
	for _, d := range checked.Diagnostics {
		if m, ok := x.MapDiagnostic(d); ok {
			diags = append(diags, m)
		}
	}
	kept, unused := x.Suppress(diags, running)
	mtcheck.SortDiagnostics(kept)
	rep := mtcheck.NewReport(mtcheck.NewDocument(x.Source), kept)
	rep.Words = mtcheck.CountWords(x.Text)
	rep.Penalty, rep.Score, rep.Categories = mtcheck.Score(kept, rep.Words)
	if opts.ReportUnusedDisables && len(unused) > 0 {
		rep.Diagnostics = append(append([]mtcheck.Diagnostic(nil), kept...), unused...)
		mtcheck.SortDiagnostics(rep.Diagnostics)
	}
	return rep
}
