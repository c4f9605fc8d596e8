package rules

import (
	"strings"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/mtchecktest"
)

func TestFusedWordsSeed(t *testing.T) {
	text := mtchecktest.Seed(t)
	var got []string
	for _, d := range mtchecktest.Check(t, text, FusedWords).Diagnostics {
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
	mtchecktest.Run(t, "../testdata/rules/fused-words/negative_more.txt", FusedWords)
	mtchecktest.Run(t, "../testdata/rules/fused-words/positive_world.txt", FusedWords)
	mtchecktest.Run(t, "../testdata/rules/fused-words/negative_world.txt", FusedWords)
}

// BenchmarkFusedWords runs over 1 MB with 3,000 distinct names.
func BenchmarkFusedWords(b *testing.B) {
	mtchecktest.Bench(b, nmcBenchText(1<<20, 3000), FusedWords)
}

// BenchmarkFusedWordsManyNames has 30,000 distinct names in 1 MB, every
// long one tried as a fusion.
func BenchmarkFusedWordsManyNames(b *testing.B) {
	mtchecktest.Bench(b, nmcBenchText(1<<20, 30000), FusedWords)
}

func TestFusedWordsClean(t *testing.T) {
	mtchecktest.RunAll(t, "../testdata/clean/*.txt", FusedWords)
}

// FuzzFusedWords checks that any input yields valid diagnostics without
// panics.
func FuzzFusedWords(f *testing.F) {
	nmcFuzz(f, FusedWords)
}

// TestFusedWordsConfidence checks each kind's confidence and that only the
// confident kinds carry safe fixes.
func TestFusedWordsConfidence(t *testing.T) {
	cases := []struct {
		text, flagged string
		conf          float64
		safe          bool
	}{
		{"Vladimir Putin spoke. Later Vladimirputin left.", "Vladimirputin", fswConfPairSeen, true},
		{"Officials said Joebiden left.", "Joebiden", fswConfPairKnown, true},
		{"Officials said Reyes left, and Danielreyes stayed.", "Danielreyes", fswConfPairDoc, false},
		{"Officials said Kirazakharova left.", "Kirazakharova", fswConfPairSurname, false},
		{"Officials said Peskov spoke. Then Peskovsaid no.", "Peskovsaid", fswConfGlueDoc, true},
		{"Then Peskovsaid no.", "Peskovsaid", fswConfGlueList, false},
		{"A rally. ReutersThe crowd cheered.", "ReutersThe", fswConfCredit, true},
		{"NewsThe crowd cheered.", "NewsThe", fswConfSection, false},
		{"Stoltenberg spoke. StoltenbergThe allies agreed.", "StoltenbergThe", fswConfNameStarter, false},
	}
	for _, c := range cases {
		var found bool
		for _, d := range mtchecktest.Check(t, c.text, FusedWords).Diagnostics {
			if d.Text(c.text) != c.flagged {
				t.Errorf("%q: unexpected %q", c.text, d.Text(c.text))
				continue
			}
			found = true
			if d.Confidence != c.conf || d.Fixes[0].Safe != c.safe {
				t.Errorf("%q: confidence %.2f safe %v, want %.2f %v", c.flagged, d.Confidence, d.Fixes[0].Safe, c.conf, c.safe)
			}
		}
		if !found {
			t.Errorf("%q: %q not flagged", c.text, c.flagged)
		}
	}
}

// BenchmarkFusedWordsNews runs over 1 MB of the clean news corpus.
func BenchmarkFusedWordsNews(b *testing.B) {
	mtchecktest.Bench(b, newsText(b, 1<<20), FusedWords)
}

// TestFusedWordsOptions checks that names given as options are known like
// the built-in ones, and that bad entries are configuration errors.
func TestFusedWordsOptions(t *testing.T) {
	text := "The mayor, Teresaholm, welcomed the vote."
	if ds := mtchecktest.Check(t, text, FusedWords).Diagnostics; len(ds) != 0 {
		t.Fatalf("without options: got %d diagnostics", len(ds))
	}
	cfg := mtcheck.Config{Rules: map[string]mtcheck.RuleConfig{
		"fused-words": {Options: map[string]any{"first-names": []any{"Teresa"}, "surnames": []any{"Holm"}}},
	}}
	rep := mtchecktest.CheckConfig(t, cfg, text, FusedWords)
	if len(rep.Diagnostics) != 1 || rep.Diagnostics[0].Text(text) != "Teresaholm" || rep.Diagnostics[0].Fixes[0].Edits[0].NewText != "Teresa Holm" {
		t.Errorf("with options: got %+v", rep.Diagnostics)
	}
	bad := mtcheck.Config{Rules: map[string]mtcheck.RuleConfig{
		"fused-words": {Options: map[string]any{"surnames": []any{"holm"}}},
	}}
	if _, err := mtcheck.New([]*mtcheck.Rule{FusedWords}, mtcheck.WithConfig(bad)); err == nil {
		t.Error("a lower-case surname option was accepted")
	}
}
