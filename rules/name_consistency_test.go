package rules

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/mtchecktest"
)

func nmcCheck(t testing.TB, r *mtcheck.Rule, text string) []mtcheck.Diagnostic {
	t.Helper()
	c, err := mtcheck.New([]*mtcheck.Rule{r})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := c.Check(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	return rep.Diagnostics
}

func TestNameConsistencySeed(t *testing.T) {
	text := mtchecktest.Seed(t)
	var got []string
	for _, d := range nmcCheck(t, NameConsistency, text) {
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
}

var _ = os.ReadFile

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

func nmcBench(b *testing.B, r *mtcheck.Rule, text string) {
	c, err := mtcheck.New([]*mtcheck.Rule{r})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := c.Check(context.Background(), text); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNameConsistency runs over 1 MB with 3,000 distinct names, about
// what a megabyte of news holds.
func BenchmarkNameConsistency(b *testing.B) {
	nmcBench(b, NameConsistency, nmcBenchText(1<<20, 3000))
}

// BenchmarkNameConsistencyManyNames is the adversarial case: 30,000
// distinct names in 1 MB, nearly all of them compared.
func BenchmarkNameConsistencyManyNames(b *testing.B) {
	nmcBench(b, NameConsistency, nmcBenchText(1<<20, 30000))
}
