package rules

import (
	"context"
	"path/filepath"
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
	c, err := mtcheck.New([]*mtcheck.Rule{Encoding})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := c.Check(context.Background(), seed)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range rep.Diagnostics {
		t.Errorf("unexpected %q: %s", d.Span.Text(seed), d.Message)
	}
}

func TestEncodingClean(t *testing.T) {
	files, _ := filepath.Glob("../testdata/clean/*")
	if len(files) == 0 {
		t.Skip("no clean corpus")
	}
	for _, f := range files {
		mtchecktest.Run(t, f, Encoding)
	}
}

func BenchmarkEncoding(b *testing.B) {
	text := lexBenchText()
	c, err := mtcheck.New([]*mtcheck.Rule{Encoding})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Check(context.Background(), text); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLexNews measures both rules on about 1 MB of clean news prose.
func BenchmarkLexNews(b *testing.B) {
	text := newsText(b, 1<<20)
	for _, r := range []*mtcheck.Rule{Encoding, TorturedPhrase} {
		b.Run(r.Name, func(b *testing.B) {
			c, err := mtcheck.New([]*mtcheck.Rule{r})
			if err != nil {
				b.Fatal(err)
			}
			runBench(b, c, text)
		})
	}
}
