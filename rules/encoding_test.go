package rules

import (
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/mtchecktest"
)

func TestEncodingPositive(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/encoding/positive.txt", Encoding)
}

func TestEncodingNegative(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/encoding/negative.txt", Encoding)
}

func TestEncodingSeed(t *testing.T) {
	seed := mtchecktest.Seed(t)
	for _, d := range mtchecktest.Check(t, seed, Encoding).Diagnostics {
		t.Errorf("unexpected %q: %s", d.Span.Text(seed), d.Message)
	}
}

func TestEncodingClean(t *testing.T) {
	mtchecktest.RunAll(t, "../testdata/clean/*.txt", Encoding)
}

func BenchmarkEncoding(b *testing.B) {
	mtchecktest.Bench(b, lexBenchText(), Encoding)
}

// BenchmarkLexNews measures both rules on about 1 MB of clean news prose.
func BenchmarkLexNews(b *testing.B) {
	text := newsText(b, 1<<20)
	for _, r := range []*mtcheck.Rule{Encoding, TorturedPhrase} {
		b.Run(r.Name, func(b *testing.B) {
			mtchecktest.Bench(b, text, r)
		})
	}
}
