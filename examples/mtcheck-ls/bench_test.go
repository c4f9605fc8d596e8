package main

import (
	"strconv"
	"strings"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck/mtchecktest"
)

// BenchmarkOpenToDiagnostics measures didOpen to publishDiagnostics through
// the protocol, the server's part of "time to first diagnostics" once the
// process runs.
func BenchmarkOpenToDiagnostics(b *testing.B) {
	for _, tc := range []struct {
		name string
		text func(testing.TB) string
	}{
		{"short-md", func(testing.TB) string { return harbourText }},
		{"seed-txt", func(tb testing.TB) string { return mtchecktest.Seed(tb) }},
		{"100KB-md", func(testing.TB) string { return strings.Repeat(twoFindings+"\n", 100<<10/len(twoFindings)) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			text := tc.text(b)
			c := startServer(b, nil)
			c.initialize(map[string]any{}, "")
			b.SetBytes(int64(len(text)))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				uri := "file:///bench/" + strconv.Itoa(i) + ".md"
				c.open(uri, "markdown", 1, text)
				if p := c.publish(uri); len(p.Diagnostics) == 0 {
					b.Fatal("no diagnostics")
				}
				c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
				c.publish(uri)
			}
		})
	}
}
