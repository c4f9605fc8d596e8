package main

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// pieces build texts where artefacts follow multi-byte characters, on
// lines ending in "\n" or "\r\n".
var pieces = []string{
	"The ferry — late again — left the pier.",
	"Crew 🚢🇯🇵 waited for the winter talks.But nobody came.",
	"The harbour master waved from the quay. rice field.",
	"She promised “” to the crew.",
	"Café owners met on Friday.",
	"Zoë said “the tide is high” and left.",
	"",
	"# Heading with é",
	"`talks.But` stays code.",
}

// TestDiagnosticsMatchDirectCheck checks random documents through the
// server and directly: every published range, read back with an
// independent position count, covers exactly the text the direct check
// flagged.
func TestDiagnosticsMatchDirectCheck(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for _, enc := range []string{"utf-16", "utf-8"} {
		u8 := enc == "utf-8"
		c := startServer(t, nil)
		c.initialize(map[string]any{"general": map[string]any{"positionEncodings": []string{enc}}}, "")
		ck, err := (&projects{}).checkerFor("", "")
		if err != nil {
			t.Fatal(err)
		}
		total := 0
		for i := 0; i < 40; i++ {
			var b strings.Builder
			nl := "\n"
			if rng.Intn(2) == 0 {
				nl = "\r\n"
			}
			for j := 0; j < 3+rng.Intn(8); j++ {
				b.WriteString(pieces[rng.Intn(len(pieces))])
				b.WriteString(nl)
				if rng.Intn(3) == 0 {
					b.WriteString(nl)
				}
			}
			text := b.String()
			lang := []string{"markdown", "plaintext"}[rng.Intn(2)]
			rep, err := checkText(context.Background(), ck, lang, text)
			if err != nil {
				t.Fatal(err)
			}
			uri := fmt.Sprintf("file:///pipeline/%s/%d.md", enc, i)
			c.open(uri, lang, 1, text)
			p := c.publish(uri)
			if len(p.Diagnostics) != len(rep.Diagnostics) {
				t.Fatalf("%s %q: %d published, %d direct", enc, text, len(p.Diagnostics), len(rep.Diagnostics))
			}
			for k, d := range p.Diagnostics {
				want := rep.Diagnostics[k]
				a, z := offsetOf(text, d.Range.Start, u8), offsetOf(text, d.Range.End, u8)
				if a != want.Start || z != want.End || d.Code != want.Rule {
					t.Errorf("%s %q: published %s %+v = bytes [%d,%d), direct %s %v", enc, text, d.Code, d.Range, a, z, want.Rule, want.Span)
				}
				total++
			}
			c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
			c.publish(uri)
		}
		if total < 40 {
			t.Errorf("%s: only %d findings compared; the generator should make more", enc, total)
		}
	}
}
