package rules

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// newsText returns about size bytes of news-like prose built from the clean
// corpus, paragraph-aligned.
func newsText(tb testing.TB, size int) string {
	tb.Helper()
	files, err := filepath.Glob("../testdata/clean/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no clean corpus: %v", err)
	}
	var parts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		parts = append(parts, strings.TrimSpace(string(b)))
	}
	var sb strings.Builder
	for i := 0; sb.Len() < size; i++ {
		sb.WriteString(parts[i%len(parts)])
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// denseText returns about size bytes with an artefact every 30 bytes or so.
func denseText(size int) string {
	unit := "Talks ended.But the the aides " // 30 bytes, two findings
	return strings.Repeat(unit, size/len(unit))
}

// firstBatch are the rules of the first batch, none of which needs prose.
var firstBatch = []string{"missing-space", "mt-fingerprint", "boilerplate", "duplicate-line", "repeated-word"}

func benchChecker(b *testing.B, names []string) *mtcheck.Checker {
	b.Helper()
	set := Default()
	if names != nil {
		set = nil
		for _, n := range names {
			if r := ByName(n); r != nil {
				set = append(set, r)
			}
		}
	}
	c, err := mtcheck.New(set)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

func runBench(b *testing.B, c *mtcheck.Checker, text string) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := c.Check(ctx, text); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheck measures whole checks: the first batch of rules and every
// default rule, on 1 MB and 10 MB of news-like text and on 1 MB dense with
// artefacts.
func BenchmarkCheck(b *testing.B) {
	mb := newsText(b, 1<<20)
	b.Run("firstbatch/1MB", func(b *testing.B) { runBench(b, benchChecker(b, firstBatch), mb) })
	b.Run("firstbatch/10MB", func(b *testing.B) { runBench(b, benchChecker(b, firstBatch), newsText(b, 10<<20)) })
	b.Run("firstbatch/dense1MB", func(b *testing.B) { runBench(b, benchChecker(b, firstBatch), denseText(1<<20)) })
	b.Run("default/1MB", func(b *testing.B) { runBench(b, benchChecker(b, nil), mb) })
	b.Run("default/dense1MB", func(b *testing.B) { runBench(b, benchChecker(b, nil), denseText(1<<20)) })
}
