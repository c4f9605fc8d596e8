package rules

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// FuzzCheck runs every built-in rule on arbitrary input, invalid UTF-8
// included: no panic; an error only for invalid UTF-8; every span, related
// span and edit in bounds and on UTF-8 boundaries (the checker refuses
// others, so an error on valid text fails); fixes keep valid text valid and
// the fixed text checks without error.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"", "Talks ended.But the the aides met. rice field.",
		"“”[But] Russia has an alternative. “\n\nSource link x\n",
		"President Vladimirputin met Stoltenberg, Stoltenberg and Stoltemberg.",
		"â€™ Ã© \u0093 確認した \ufffd", "\xff\xfe bad", "Fierce diplomacy The aim was to avoid it. To make commitments.",
		"[military] (a [b) c] {", "counterfeit consciousness and profound learning model",
	} {
		f.Add(s)
	}
	c, err := mtcheck.New(Default(), mtcheck.WithRegistry(All()), mtcheck.WithConfig(mtcheck.Config{}.Enable(names(All())...)))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		rep, err := c.Check(context.Background(), text)
		if !utf8.ValidString(text) {
			if err == nil {
				t.Fatal("invalid UTF-8 accepted")
			}
			return
		}
		if err != nil {
			t.Fatalf("check failed on valid text: %v", err)
		}
		for _, d := range rep.Diagnostics {
			if d.Confidence <= 0 || d.Confidence > 1 {
				t.Fatalf("%s: confidence %v out of range", d.Rule, d.Confidence)
			}
		}
		fixed := mtcheck.ApplyFixes(text, rep.Diagnostics, false)
		if !utf8.ValidString(fixed.Text) {
			t.Fatalf("fixes broke UTF-8: %q -> %q", text, fixed.Text)
		}
		if _, err := c.Check(context.Background(), fixed.Text); err != nil {
			t.Fatalf("re-check of fixed text failed: %v", err)
		}
	})
}

func names(rs []*mtcheck.Rule) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Name
	}
	return out
}
