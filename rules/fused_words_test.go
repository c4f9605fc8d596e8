package rules

import (
	"strings"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck/mtchecktest"
)

func TestFusedWordsSeed(t *testing.T) {
	text := mtchecktest.Seed(t)
	var got []string
	for _, d := range nmcCheck(t, FusedWords, text) {
		got = append(got, d.Text(text))
		t.Logf("%s (%.2f): %s", d.Text(text), d.Confidence, d.Message)
		if d.Text(text) == "Vladimirputin" {
			if len(d.Fixes) != 1 || d.Fixes[0].Edits[0].NewText != "Vladimir Putin" {
				t.Errorf("fix: got %+v, want \"Vladimir Putin\"", d.Fixes)
			}
		}
	}
	if strings.Join(got, "|") != "Vladimirputin" {
		t.Errorf("seed: got %q, want only \"Vladimirputin\"", got)
	}
}

func TestFusedWordsFixtures(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/fused-words/positive.txt", FusedWords)
	mtchecktest.Run(t, "../testdata/rules/fused-words/negative.txt", FusedWords)
}

// BenchmarkFusedWords runs over 1 MB with 3,000 distinct names.
func BenchmarkFusedWords(b *testing.B) {
	nmcBench(b, FusedWords, nmcBenchText(1<<20, 3000))
}

// BenchmarkFusedWordsManyNames has 30,000 distinct names in 1 MB, every
// long one tried as a fusion.
func BenchmarkFusedWordsManyNames(b *testing.B) {
	nmcBench(b, FusedWords, nmcBenchText(1<<20, 30000))
}
