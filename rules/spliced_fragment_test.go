package rules

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/mtchecktest"
)

func TestSplicedFragmentPositive(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/spliced-fragment/positive.txt", SplicedFragment)
}

func TestSplicedFragmentNegative(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/spliced-fragment/negative.txt", SplicedFragment)
}

func TestSplicedFragmentSeed(t *testing.T) {
	text := mtchecktest.Seed(t)
	got := spfFlagged(t, SplicedFragment, text)
	want := []string{"Fierce diplomacy", "Fresh attack", "Request for new defense pact", "Was not accepted"}
	if !slices.Equal(got, want) {
		t.Errorf("seed: flagged %q, want %q", got, want)
	}
}

func TestSplicedFragmentClean(t *testing.T) {
	spfCheckClean(t, SplicedFragment)
}

// spfFlagged runs rule on text and returns the flagged texts in order.
func spfFlagged(t *testing.T, rule *mtcheck.Rule, text string) []string {
	t.Helper()
	c, err := mtcheck.New([]*mtcheck.Rule{rule})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := c.Check(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range rep.Diagnostics {
		got = append(got, text[d.Start:d.End])
	}
	return got
}

// spfCheckClean fails t for any diagnostic of rule in testdata/clean.
func spfCheckClean(t *testing.T, rule *mtcheck.Rule) {
	t.Helper()
	files, _ := filepath.Glob("../testdata/clean/*")
	if len(files) == 0 {
		t.Skip("no clean corpus in testdata/clean")
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".golden") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range spfFlagged(t, rule, string(b)) {
			t.Errorf("%s: %s flagged %q in clean prose", filepath.Base(f), rule.Name, s)
		}
	}
}
