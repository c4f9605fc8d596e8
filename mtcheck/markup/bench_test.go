package markup

import (
	"context"
	"strings"
	"testing"
)

// benchDoc builds about n bytes of Markdown (or HTML) from the fixtures
// and some plain paragraphs.
func benchDoc(b *testing.B, kind Kind, n int) string {
	var parts []string
	if kind == HTML {
		parts = []string{readFixture(b, "flagged.html"), readFixture(b, "quiet.html")}
	} else {
		parts = []string{readFixture(b, "flagged.md"), readFixture(b, "quiet.md"), readFixture(b, "fix.md")}
	}
	para := "The committee met on Tuesday to discuss the budget, and its members agreed on most points. " +
		"A *few* questions about the [new rules](https://example.com/rules) remained open, and `make check` was run.\n\n"
	var sb strings.Builder
	for sb.Len() < n {
		for _, p := range parts {
			sb.WriteString(p)
			sb.WriteString("\n\n")
			for range 8 {
				sb.WriteString(para)
			}
		}
	}
	return sb.String()
}

func BenchmarkExtractMarkdown(b *testing.B) {
	src := benchDoc(b, Markdown, 1<<20)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract(Markdown, src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExtractHTML(b *testing.B) {
	src := benchDoc(b, HTML, 1<<20)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract(HTML, src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckMarkdown includes the test rules, mapping and report.
func BenchmarkCheckMarkdown(b *testing.B) {
	src := benchDoc(b, Markdown, 1<<20)
	c := newChecker(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Check(context.Background(), c, Markdown, src); err != nil {
			b.Fatal(err)
		}
	}
}
