package rules

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/mtchecktest"
)

func TestNameConsistencySeed(t *testing.T) {
	text := mtchecktest.Seed(t)
	var got []string
	for _, d := range mtchecktest.Check(t, text, NameConsistency).Diagnostics {
		got = append(got, d.Text(text))
		t.Logf("%s (%.2f): %s", d.Text(text), d.Confidence, d.Message)
		if d.Text(text) == "Stoltemberg" {
			if len(d.Related) != 4 {
				t.Errorf("related spans: got %d, want the 4 \"Stoltenberg\"s", len(d.Related))
			}
			for _, r := range d.Related {
				if r.Text(text) != "Stoltenberg" {
					t.Errorf("related span %v covers %q", r, r.Text(text))
				}
			}
		}
	}
	if strings.Join(got, "|") != "Stoltemberg" {
		t.Errorf("seed: got %q, want only \"Stoltemberg\"", got)
	}
}

func TestNameConsistencyFixtures(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/name-consistency/positive.txt", NameConsistency)
	mtchecktest.Run(t, "../testdata/rules/name-consistency/negative.txt", NameConsistency)
	mtchecktest.Run(t, "../testdata/rules/name-consistency/positive_variants.txt", NameConsistency)
	mtchecktest.Run(t, "../testdata/rules/name-consistency/negative_crowded.txt", NameConsistency)
}

// nmcBenchText builds about size bytes of prose-like text. Capitalised names
// come from a pool of pool distinct made-up names, the frequent ones often
// (so most names recur, as in news), and many of them are one edit apart, so
// the comparison stage has real work to do.
func nmcBenchText(size, pool int) string {
	words := strings.Fields("the officials said that talks would continue on monday while the army moved troops toward the border and ministers met in the capital to discuss prices energy and grain")
	syll := strings.Fields("ka lo ber sten vi mar to ru shen ko del ana pet rov gar min zel ski ton ham " +
		"bu quin dra fel gos hul jen wat yev pla cro bis nor tre lam sar ez ob ith ung")
	seed := uint32(1)
	rnd := func(n int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>8) % n
	}
	names := make([]string, pool)
	for i := range names {
		name := syll[rnd(len(syll))] + syll[rnd(len(syll))] + syll[rnd(len(syll))]
		names[i] = strings.ToUpper(name[:1]) + name[1:]
	}
	var b strings.Builder
	for b.Len() < size {
		n := 8 + rnd(12)
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			if rnd(6) == 0 {
				r := rnd(pool)
				b.WriteString(names[r*rnd(pool)/pool]) // skewed towards the first names
				continue
			}
			w := words[rnd(len(words))]
			if i == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			b.WriteString(w)
		}
		b.WriteString(". ")
		if rnd(8) == 0 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// BenchmarkNameConsistency runs over 1 MB with 3,000 distinct names, about
// what a megabyte of news holds.
func BenchmarkNameConsistency(b *testing.B) {
	mtchecktest.Bench(b, nmcBenchText(1<<20, 3000), NameConsistency)
}

// BenchmarkNameConsistencyManyNames is the adversarial case: 30,000
// distinct names in 1 MB, nearly all of them compared.
func BenchmarkNameConsistencyManyNames(b *testing.B) {
	mtchecktest.Bench(b, nmcBenchText(1<<20, 30000), NameConsistency)
}

func TestNameConsistencyClean(t *testing.T) {
	mtchecktest.RunAll(t, "../testdata/clean/*.txt", NameConsistency)
}

// FuzzNameConsistency checks that any input yields valid diagnostics
// without panics.
func FuzzNameConsistency(f *testing.F) {
	nmcFuzz(f, NameConsistency)
}

// nmcFuzz checks rule on the names seeds and arbitrary valid text: no
// error, no panic, and spans the checker accepts.
func nmcFuzz(f *testing.F, rule *mtcheck.Rule) {
	for _, s := range []string{
		"", "A", "Stoltenberg Stoltenberg Stoltemberg", "Jens Stoltenberg. Jens Stoltemberg. Stoltenberg W. X. Y. Z. Stoltenberg",
		"O'Neill O’Neil O'Neill", "Erdoğan Erdogan Erdogan", "VladimirPutin Vladimirputin ReutersThe APIs",
		"Ünal Ünal Ünel ÜnalÖzil", "x.Stoltenberg Stoltenberg/ @Stoltenberg", "\u00a0Ab\u00a0Ab Ab' 'Ab", "ǅemal ǅemal ǅemel",
	} {
		f.Add(s)
	}
	c, err := mtcheck.New([]*mtcheck.Rule{rule})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		if _, err := c.Check(context.Background(), text); err != nil {
			t.Fatal(err)
		}
	})
}

// TestNameConsistencyConfidence checks that the evidence orders the
// confidence: a shared first name beats none, long names beat short ones,
// and transliteration variants stay low.
func TestNameConsistencyConfidence(t *testing.T) {
	conf := func(text, flagged string) float64 {
		t.Helper()
		var got []string
		for _, d := range mtchecktest.Check(t, text, NameConsistency).Diagnostics {
			if d.Text(text) == flagged {
				return d.Confidence
			}
			got = append(got, d.Text(text))
		}
		t.Fatalf("%q not flagged in %q (got %q)", flagged, text, got)
		return 0
	}
	agree := conf("Jens Kowalczyk spoke. Jens Kowalczyk left. Kowalczyk returned. Jens Kowalcyzk said no.", "Kowalcyzk")
	long := conf("Kowalczyk spoke. Then Kowalczyk left. Later Kowalcyzk said no.", "Kowalcyzk")
	short := conf("Officials said Scholz spoke, then Scholz left, and Sholz said no.", "Sholz")
	variant := conf("Officials said Zelensky spoke, then Zelensky left, and Zelenskyy said no.", "Zelenskyy")
	if !(agree > long && long > short && short > variant) {
		t.Errorf("confidences out of order: agree %.2f, long %.2f, short %.2f, variant %.2f", agree, long, short, variant)
	}
	if variant > nmcConfVariant {
		t.Errorf("variant confidence %.2f above %.2f", variant, nmcConfVariant)
	}
	for _, d := range mtchecktest.Check(t, "Charles Michel spoke. Charles Michel left. Michael Saylor said no.", NameConsistency).Diagnostics {
		t.Errorf("distinct people flagged: %s", d.Message)
	}
}

// BenchmarkNameConsistencyNews runs over 1 MB of the clean news corpus.
func BenchmarkNameConsistencyNews(b *testing.B) {
	mtchecktest.Bench(b, newsText(b, 1<<20), NameConsistency)
}

// TestNameConsistencyOptions checks the variants and distinct options.
func TestNameConsistencyOptions(t *testing.T) {
	text := "Officials said Lindqvist spoke, then Lindqvist left, and later Lindkvist said no."
	check := func(opts map[string]any) []mtcheck.Diagnostic {
		t.Helper()
		cfg := mtcheck.Config{Rules: map[string]mtcheck.RuleConfig{"name-consistency": {Options: opts}}}
		return mtchecktest.CheckConfig(t, cfg, text, NameConsistency).Diagnostics
	}
	if ds := check(nil); len(ds) != 1 || ds[0].Confidence < nmcConfNeutral {
		t.Fatalf("default: got %+v", ds)
	}
	if ds := check(map[string]any{"variants": []any{"Lindqvist/Lindkvist"}}); len(ds) != 1 || ds[0].Confidence > nmcConfVariant {
		t.Errorf("variants: got %+v", ds)
	}
	if ds := check(map[string]any{"distinct": []any{"Lindqvist / Lindkvist"}}); len(ds) != 0 {
		t.Errorf("distinct: got %+v", ds)
	}
	cfg := mtcheck.Config{Rules: map[string]mtcheck.RuleConfig{"name-consistency": {Options: map[string]any{"variants": []any{"Lindqvist"}}}}}
	if _, err := mtcheck.New([]*mtcheck.Rule{NameConsistency}, mtcheck.WithConfig(cfg)); err == nil {
		t.Error("a one-spelling variants entry was accepted")
	}
}
