package rules_test

import (
	"context"
	"fmt"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/rules"
)

// Check a text with the default rules and print each finding with its
// position, then apply the safe fixes.
func Example() {
	checker, err := mtcheck.New(rules.Default())
	if err != nil {
		panic(err)
	}
	text := "The ministers met in Brussels on Monday.But no deal was reached. rice field.\n"
	report, err := checker.Check(context.Background(), text)
	if err != nil {
		panic(err)
	}
	for _, d := range report.Diagnostics {
		pos := report.Position(d.Start)
		fmt.Printf("%d:%d %s %s %q (%.2f)\n", pos.Line, pos.Column, d.Severity, d.Rule, text[d.Start:d.End], d.Confidence)
	}
	fmt.Printf("score %.1f\n", report.Score)
	fixed := mtcheck.ApplyFixes(text, report.Diagnostics, true)
	fmt.Print(fixed.Text)
	// Output:
	// 1:34 warning missing-space "Monday.But" (0.95)
	// 1:66 error mt-fingerprint "rice field." (0.95)
	// score 43.0
	// The ministers met in Brussels on Monday. But no deal was reached.
}
