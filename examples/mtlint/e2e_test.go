package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/format"
	"github.com/mtcheck/mtcheck/mtcheck/mtchecktest"
	"github.com/mtcheck/mtcheck/rules"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// buildBinary builds mtlint once per test run, into a temporary directory.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "mtlint-e2e-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "mtlint")
		if out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

func runBinary(t *testing.T, bin string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errb.String()
}

// TestEndToEndArticle runs the built binary on an annotated article that
// reproduces every kind of artefact in the seed, and compares its JSON
// output with the article's expectations.
//
// The rules are written in parallel with the linter, so only expectations
// whose rule is registered in rules.All() are checked; the others wait for
// their rule to land. Every diagnostic the registered rules report must be
// expected.
func TestEndToEndArticle(t *testing.T) {
	bin := buildBinary(t)
	data, err := os.ReadFile("../../testdata/articles/artefacts.txt")
	if err != nil {
		t.Fatal(err)
	}
	art, err := mtchecktest.Parse(string(data))
	if err != nil {
		t.Fatal(err)
	}
	text := art.Text
	for _, w := range art.Wants {
		if rules.ByName(w.Rule) == nil {
			t.Errorf("expectation %q names rule %s, which is not built in", w.Text, w.Rule)
		}
	}
	wants := art.Wants
	path := filepath.Join(t.TempDir(), "artefacts.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runBinary(t, bin, "-format", "json", path)
	var out format.JSONOutput
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("exit %d, invalid JSON: %v\n%s\n%s", code, err, stdout, stderr)
	}
	if len(out.Files) != 1 || out.Files[0].Path != path || out.Files[0].Error != "" {
		t.Fatalf("files = %+v", out.Files)
	}
	f := out.Files[0]
	doc := mtcheck.NewDocument(text)

	// Per-file words, penalty and score agree with the diagnostics.
	if f.Words == nil || *f.Words != mtcheck.CountWords(text) {
		t.Errorf("words = %v, want %d", f.Words, mtcheck.CountWords(text))
	}
	penalty := 0.0
	for _, d := range f.Diagnostics {
		sev, err := mtcheck.ParseSeverity(d.Severity)
		if err != nil {
			t.Fatal(err)
		}
		penalty += 1000 * sev.Weight() * d.Confidence / float64(max(*f.Words, mtcheck.MinScoredWords))
	}
	if want := math.Max(0, 100-mtcheck.ScoreScale*penalty); f.Score == nil || math.Abs(*f.Score-want) > 0.01 {
		t.Errorf("score = %v, want %.2f", f.Score, want)
	}

	// Every diagnostic is expected, every expectation met.
	matched := make([]bool, len(wants))
	failing := false
	sawNonASCII := false
	for _, d := range f.Diagnostics {
		got := text[d.Start:d.End]
		// Positions: line and rune column derived from the byte offsets.
		pos := doc.Position(d.Start)
		lineStart := d.Start - (pos.ByteColumn - 1)
		if d.Line != pos.Line || d.Column != utf8.RuneCountInString(text[lineStart:d.Start])+1 {
			t.Errorf("%s %q: line/column %d:%d, want %d:%d", d.Rule, got, d.Line, d.Column, pos.Line, utf8.RuneCountInString(text[lineStart:d.Start])+1)
		}
		if end := doc.Position(d.End); d.EndLine != end.Line || d.EndColumn != end.Column {
			t.Errorf("%s %q: end %d:%d, want %d:%d", d.Rule, got, d.EndLine, d.EndColumn, end.Line, end.Column)
		}
		if pos.Column != pos.ByteColumn {
			sawNonASCII = true
		}
		if sev, _ := mtcheck.ParseSeverity(d.Severity); sev >= mtcheck.Warning {
			failing = true
		}
		ok := false
		for i, w := range wants {
			if !matched[i] && w.Rule == d.Rule && w.Line == art.FileLine(d.Line) && w.Text == got {
				matched[i], ok = true, true
				break
			}
		}
		if !ok {
			t.Errorf("artefacts.txt:%d:%d: unexpected %s %q (confidence %.2f): %s", art.FileLine(d.Line), d.Column, d.Rule, got, d.Confidence, d.Message)
		}
	}
	needNonASCII := false
	for i, w := range wants {
		if !matched[i] {
			t.Errorf("artefacts.txt:%d: expected %s %q on line %d, not reported", w.AnnotationLine, w.Rule, w.Text, w.Line)
		}
		ln := doc.Line(lineOfFileLine(art, w.Line))
		if at := strings.Index(text[ln.Start:ln.End], w.Text); at > 0 && !isASCII(text[ln.Start:ln.Start+at]) {
			needNonASCII = true
		}
	}
	if needNonASCII && !sawNonASCII {
		t.Errorf("no diagnostic after non-ASCII text on its line: rune columns untested")
	}
	wantCode := 0
	if failing {
		wantCode = 1
	}
	if code != wantCode {
		t.Errorf("exit code %d, want %d; stderr: %s", code, wantCode, stderr)
	}
	if len(wants) == 0 {
		t.Skip("no rule of the article's expectations is registered yet")
	}
	if code != 1 {
		t.Errorf("the article's artefacts must fail the run")
	}

	// A clean text passes.
	clean := filepath.Join(t.TempDir(), "clean.txt")
	os.WriteFile(clean, []byte("The council met on Monday and approved the budget. Work on the new bridge will begin in May.\n\nResidents welcomed the decision, and the mayor thanked the engineers for their patience.\n"), 0o644)
	if code, stdout, stderr := runBinary(t, bin, "-format", "json", clean); code != 0 || strings.Contains(stdout, `"rule"`) {
		t.Errorf("clean file: exit %d\n%s\n%s", code, stdout, stderr)
	}
}

// lineOfFileLine maps a line of the annotated file back to the line of the
// stripped text.
func lineOfFileLine(f *mtchecktest.File, fileLine int) int {
	n := strings.Count(f.Text, "\n") + 1
	for i := 1; i <= n; i++ {
		if f.FileLine(i) == fileLine {
			return i
		}
	}
	return 0
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// TestEndToEndSample runs the README's first command on the sample.
func TestEndToEndSample(t *testing.T) {
	bin := buildBinary(t)
	code, stdout, stderr := runBinary(t, bin, "../../testdata/articles/sample.txt")
	if len(rules.Default()) == 0 {
		t.Skip("no default rules registered yet")
	}
	if code != 1 || !strings.Contains(stdout, "sample.txt:") || !strings.Contains(stderr, "mean score") {
		t.Errorf("exit %d\n%s\n%s", code, stdout, stderr)
	}
}
