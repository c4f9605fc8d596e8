package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/mtchecktest"
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

// firstBatch returns the rules of the first batch, none of which needs
// prose.
func firstBatch() []*mtcheck.Rule {
	var set []*mtcheck.Rule
	for _, n := range []string{"missing-space", "mt-fingerprint", "boilerplate", "duplicate-line", "repeated-word"} {
		if r := ByName(n); r != nil {
			set = append(set, r)
		}
	}
	return set
}

// BenchmarkCheck measures whole checks: the first batch of rules and every
// default rule, on 1 MB and 10 MB of news-like text and on 1 MB dense with
// artefacts.
func BenchmarkCheck(b *testing.B) {
	mb := newsText(b, 1<<20)
	b.Run("firstbatch/1MB", func(b *testing.B) { mtchecktest.Bench(b, mb, firstBatch()...) })
	b.Run("firstbatch/10MB", func(b *testing.B) { mtchecktest.Bench(b, newsText(b, 10<<20), firstBatch()...) })
	b.Run("firstbatch/dense1MB", func(b *testing.B) { mtchecktest.Bench(b, denseText(1<<20), firstBatch()...) })
	b.Run("default/1MB", func(b *testing.B) { mtchecktest.Bench(b, mb, Default()...) })
	b.Run("default/dense1MB", func(b *testing.B) { mtchecktest.Bench(b, denseText(1<<20), Default()...) })
}
