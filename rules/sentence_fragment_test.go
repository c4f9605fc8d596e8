package rules

import (
	"slices"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck/mtchecktest"
)

func TestSentenceFragmentPositive(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/sentence-fragment/positive.txt", SentenceFragment)
}

func TestSentenceFragmentNegative(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/sentence-fragment/negative.txt", SentenceFragment)
}

func TestSentenceFragmentSeed(t *testing.T) {
	text := mtchecktest.Seed(t)
	got := mtchecktest.Flagged(t, text, SentenceFragment)
	want := []string{"Pledge not to deploy US missiles in Ukraine.", "To make mutual commitments."}
	if !slices.Equal(got, want) {
		t.Errorf("seed: flagged %q, want %q", got, want)
	}
}

func TestSentenceFragmentClean(t *testing.T) {
	mtchecktest.RunAll(t, "../testdata/clean/*.txt", SentenceFragment)
}
