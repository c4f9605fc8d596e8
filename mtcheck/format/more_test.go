package format

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck"
)

func TestTextColor(t *testing.T) {
	f, _ := Lookup("text")
	for _, tc := range []struct {
		mode    ColorMode
		noColor string
		want    bool
	}{
		{ColorAlways, "", true},
		{ColorAlways, "1", false},
		{ColorAuto, "", false}, // a buffer is not a terminal
		{ColorNever, "", false},
	} {
		var out, sum bytes.Buffer
		opts := fixtureOptions(map[string]string{"NO_COLOR": tc.noColor})
		opts.Color, opts.Summary = tc.mode, &sum
		if err := f.Format(&out, fixtureResults(t), opts); err != nil {
			t.Fatal(err)
		}
		got := strings.Contains(out.String(), "\x1b[") && strings.Contains(sum.String(), "\x1b[")
		if got != tc.want {
			t.Errorf("mode %d NO_COLOR=%q: coloured = %v, want %v\n%q", tc.mode, tc.noColor, got, tc.want, out.String())
		}
	}
}

func TestGitHubCapsAndStepSummary(t *testing.T) {
	var diags []mtcheck.Diagnostic
	var b strings.Builder
	for i := 0; i < 15; i++ {
		start := b.Len()
		fmt.Fprintf(&b, "Line %d has a problem, with: commas\n", i)
		for _, sev := range []mtcheck.Severity{mtcheck.Error, mtcheck.Warning, mtcheck.Info} {
			diags = append(diags, mtcheck.Diagnostic{Span: mtcheck.Span{Start: start, End: start + 4}, Rule: "r-" + sev.String(),
				Severity: sev, Confidence: 0.5 + float64(i)/100, Message: "50% sure\nof | this"})
		}
	}
	text := b.String()
	rep := mtcheck.NewReport(mtcheck.NewDocument(text), diags)
	summary := filepath.Join(t.TempDir(), "summary.md")
	os.WriteFile(summary, []byte("earlier step\n"), 0o644)
	f, _ := Lookup("github")
	var out bytes.Buffer
	if err := f.Format(&out, []Result{{Path: "a,b:c.txt", Report: rep}}, fixtureOptions(map[string]string{"GITHUB_STEP_SUMMARY": summary})); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	count := map[string]int{}
	for _, ln := range lines {
		for _, lvl := range []string{"error", "warning", "notice"} {
			if strings.HasPrefix(ln, "::"+lvl+" ") || strings.HasPrefix(ln, "::"+lvl+"::") {
				count[lvl]++
			}
		}
	}
	if count["error"] != 10 || count["warning"] != 10 || count["notice"] != 10 {
		t.Errorf("annotations per level = %v, want 10 each (9 notices + totals)", count)
	}
	// Most severe first; within a level the most confident first.
	if !strings.HasPrefix(lines[0], "::error file=a%2Cb%3Ac.txt,line=15,col=1,endColumn=4,title=mtcheck r-error::50%25 sure%0Aof | this") {
		t.Errorf("first line = %q", lines[0])
	}
	if !strings.HasPrefix(lines[10], "::warning ") || !strings.HasPrefix(lines[20], "::notice ") {
		t.Errorf("order wrong:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "::notice::mtcheck: 1 file, 45 findings (15 errors, 15 warnings, 15 info)") ||
		!strings.Contains(out.String(), "16 more not annotated") {
		t.Errorf("totals notice missing:\n%s", out.String())
	}
	if n := strings.Count(out.String(), "a,b:c.txt:"); n != 16 {
		t.Errorf("%d plain lines for the findings beyond the caps, want 16", n)
	}
	md, _ := os.ReadFile(summary)
	s := string(md)
	if !strings.HasPrefix(s, "earlier step\n## mtcheck") || strings.Count(s, "| `a,b:c.txt:") != 45 || !strings.Contains(s, `50% sure of \| this`) {
		t.Errorf("step summary:\n%s", s)
	}
}

func TestCheckstyleIsWellFormedXML(t *testing.T) {
	f, _ := Lookup("checkstyle")
	var out bytes.Buffer
	f.Format(&out, fixtureResults(t), fixtureOptions(nil))
	var doc struct {
		Files []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Line     int    `xml:"line,attr"`
				Column   int    `xml:"column,attr"`
				Severity string `xml:"severity,attr"`
				Message  string `xml:"message,attr"`
				Source   string `xml:"source,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	if err := xml.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Files) != 3 || len(doc.Files[0].Errors) != 4 {
		t.Fatalf("parsed %+v", doc)
	}
	e := doc.Files[0].Errors[3]
	if e.Line != 5 || e.Column != 32 || e.Severity != "info" || e.Source != "mtcheck.name-variant" || !strings.HasPrefix(e.Message, `"Ana Kovacs"`) {
		t.Errorf("error = %+v", e)
	}
}

func TestRDJSONLines(t *testing.T) {
	f, _ := Lookup("rdjsonl")
	var out bytes.Buffer
	f.Format(&out, fixtureResults(t), fixtureOptions(nil))
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d lines", len(lines))
	}
	var d rdDiagnostic
	if err := json.Unmarshal([]byte(lines[1]), &d); err != nil {
		t.Fatal(err)
	}
	// Byte columns: "The café “opened” at noon 🙂 " is 36 bytes.
	if d.Location.Range.Start.Column != 37 || d.Severity != "WARNING" || d.Code.Value != "missing-space" || d.Source.Name != "mtcheck" ||
		len(d.Suggestions) != 1 || d.Suggestions[0].Text != " " || d.Suggestions[0].Range.Start.Column != 43 {
		t.Errorf("diagnostic = %+v", d)
	}
}

func TestMergedEdit(t *testing.T) {
	text := "abcdefgh"
	span, repl, ok := mergedEdit(text, mtcheck.Fix{Edits: []mtcheck.TextEdit{
		{Span: mtcheck.Span{Start: 6, End: 7}, NewText: "G"},
		{Span: mtcheck.Span{Start: 1, End: 2}, NewText: "BB"},
	}})
	if !ok || span != (mtcheck.Span{Start: 1, End: 7}) || repl != "BBcdefG" {
		t.Errorf("mergedEdit = %v %q %v", span, repl, ok)
	}
	if _, _, ok := mergedEdit(text, mtcheck.Fix{Edits: []mtcheck.TextEdit{{Span: mtcheck.Span{Start: 1, End: 4}}, {Span: mtcheck.Span{Start: 2, End: 3}}}}); ok {
		t.Error("overlapping edits merged")
	}
}

func TestJSONContract(t *testing.T) {
	f, _ := Lookup("json")
	var out bytes.Buffer
	f.Format(&out, fixtureResults(t), fixtureOptions(nil))
	var raw map[string][]map[string]any
	if err := json.Unmarshal(out.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	d := raw["files"][0]["diagnostics"].([]any)[0].(map[string]any)
	for _, k := range []string{"rule", "category", "severity", "confidence", "message", "start", "end", "line", "column", "endLine", "endColumn", "fixes"} {
		if _, ok := d[k]; !ok {
			t.Errorf("diagnostic lacks %q", k)
		}
	}
	for _, k := range []string{"path", "words", "score", "diagnostics"} {
		if _, ok := raw["files"][0][k]; !ok {
			t.Errorf("file lacks %q", k)
		}
	}
	if _, ok := raw["files"][1]["error"]; !ok {
		t.Error("failed file lacks error")
	}
}
