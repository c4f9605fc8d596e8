//go:build !mtcheck_noprose

package mtcheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchProse returns about size bytes of the clean news corpus.
func benchProse(b *testing.B, size int) string {
	b.Helper()
	files, _ := filepath.Glob("../testdata/clean/*.txt")
	if len(files) == 0 {
		b.Skip("no clean corpus")
	}
	var sb strings.Builder
	for i := 0; sb.Len() < size; i++ {
		data, err := os.ReadFile(files[i%len(files)])
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(data)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// BenchmarkLayers measures what each analysis layer costs on news-like text
// (each iteration starts from a fresh document, so nothing is cached).
func BenchmarkLayers(b *testing.B) {
	mb := benchProse(b, 1<<20)
	small := benchProse(b, 64<<10)
	proseModel() // load once, outside the timings
	sentenceTokenizer()
	run := func(name, text string, f func(d *Document)) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				f(NewDocument(text))
			}
		})
	}
	run("lines+paragraphs/1MB", mb, func(d *Document) { d.Paragraphs() })
	run("sentences/1MB", mb, func(d *Document) { d.Sentences() })
	run("tokens/1MB", mb, func(d *Document) { d.Tokens() })
	run("tags/64KB", small, func(d *Document) {
		for _, s := range d.Sentences() {
			d.Tag(s.Span)
		}
	})
	run("entities/64KB", small, func(d *Document) {
		for _, s := range d.Sentences() {
			d.Entities(s.Span)
		}
	})
}
