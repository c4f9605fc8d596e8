// Package mtchecktest checks rules against annotated text files, keeping the
// expectations beside the text they describe.
//
// An annotated file is ordinary text in which lines starting at column 0
// with "//" are annotations. They are removed before checking; positions are
// still reported in the file's own lines. An annotation of the form
//
//	// want RULE "flagged text"
//
// expects a diagnostic from RULE that starts on the nearest text line above
// and covers exactly the flagged text (a Go string literal, so "\n" and
// "\u201c" work). Every diagnostic must be expected and every expectation
// met. Other annotations are comments. A file without expectations is clean
// prose: any diagnostic fails the test.
//
// When the file X has a sibling X.golden, the text with every diagnostic's
// first fix applied must equal it (run the test with -mtcheck.update to
// rewrite it), and checking the fixed text again must change nothing.
package mtchecktest

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// update is registered only in test binaries, so that programs importing
// this package (the evaluation command) do not grow a stray flag.
var update = new(bool)

func init() {
	if testing.Testing() {
		update = flag.Bool("mtcheck.update", false, "rewrite .golden files with the fixed text")
	}
}

// Want is one expectation parsed from an annotated file.
type Want struct {
	// Line is the 1-based line, in the annotated file, where the diagnostic
	// must start.
	Line int
	// AnnotationLine is the line of the "// want" annotation itself.
	AnnotationLine int
	// Rule is the expected rule name.
	Rule string
	// Text is the exact text the diagnostic must cover.
	Text string
}

// File is an annotated file split into the text to check and expectations.
type File struct {
	// Text is the file without its annotation lines.
	Text string
	// Wants are the expectations in file order.
	Wants []Want
	// lines maps each line of Text (0-based) to its 1-based file line.
	lines []int
}

// FileLine returns the line in the annotated file of 1-based line n of Text.
func (f *File) FileLine(n int) int {
	if n < 1 || n > len(f.lines) {
		return n
	}
	return f.lines[n-1]
}

// Parse splits annotated data into text and expectations.
func Parse(data string) (*File, error) {
	f := &File{}
	var b strings.Builder
	lastText := 0
	fileLines := strings.SplitAfter(data, "\n")
	for i, ln := range fileLines {
		n := i + 1
		if !strings.HasPrefix(ln, "//") {
			if ln == "" {
				continue
			}
			b.WriteString(ln)
			f.lines = append(f.lines, n)
			lastText = n
			continue
		}
		body := strings.TrimSpace(strings.TrimPrefix(ln, "//"))
		if !strings.HasPrefix(body, "want ") {
			continue
		}
		if lastText == 0 {
			return nil, fmt.Errorf("line %d: want annotation before any text", n)
		}
		rest := strings.TrimSpace(strings.TrimPrefix(body, "want "))
		sp := strings.IndexByte(rest, ' ')
		if sp < 0 {
			return nil, fmt.Errorf("line %d: want annotation needs a rule and a quoted text", n)
		}
		rule, lit := rest[:sp], strings.TrimSpace(rest[sp+1:])
		text, err := strconv.Unquote(lit)
		if err != nil {
			return nil, fmt.Errorf("line %d: bad quoted text %s: %v", n, lit, err)
		}
		f.Wants = append(f.Wants, Want{Line: lastText, AnnotationLine: n, Rule: rule, Text: text})
	}
	// A file ending without a newline leaves the final text line as it is;
	// one ending in an annotation after a text line keeps that line's newline.
	f.Text = b.String()
	return f, nil
}

// Run checks the annotated file at path with a Checker running rules, fails
// t for every difference from the expectations, and returns the report.
func Run(t testing.TB, path string, rules ...*mtcheck.Rule) *mtcheck.Report {
	t.Helper()
	c, err := mtcheck.New(rules)
	if err != nil {
		t.Fatalf("mtcheck.New: %v", err)
	}
	return RunChecker(t, c, path)
}

// RunChecker is like Run with a Checker of the caller's making.
func RunChecker(t testing.TB, c *mtcheck.Checker, path string) *mtcheck.Report {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading annotated file: %v", err)
	}
	f, err := Parse(string(data))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	rep, err := c.Check(context.Background(), f.Text)
	if err != nil {
		t.Fatalf("%s: Check: %v", path, err)
	}
	name := filepath.Base(path)
	var needs mtcheck.Need
	for _, r := range c.Rules() {
		needs |= r.Needs
	}
	if extra := rep.Document().Used() &^ needs; extra != 0 {
		t.Errorf("%s: rules used the layers %v without declaring them in Needs", name, extra)
	}
	res := Compare(f, rep)
	for _, d := range res.Unexpected {
		pos := rep.Position(d.Start)
		t.Errorf("%s:%d:%d: unexpected %s %q (confidence %.2f): %s", name, f.FileLine(pos.Line), pos.Column, d.Rule, f.Text[d.Start:d.End], d.Confidence, d.Message)
	}
	for _, w := range res.Missing {
		t.Errorf("%s:%d: expected %s %q on line %d, not reported", name, w.AnnotationLine, w.Rule, w.Text, w.Line)
	}
	golden := path + ".golden"
	if _, err := os.Stat(golden); err == nil || *update {
		checkGolden(t, c, golden, f.Text, rep, *update)
	}
	return rep
}

// Comparison is the outcome of comparing a report with a file's expectations.
type Comparison struct {
	// Matched are the diagnostics that met an expectation.
	Matched []mtcheck.Diagnostic
	// Unexpected are the diagnostics no expectation asked for.
	Unexpected []mtcheck.Diagnostic
	// Missing are the expectations no diagnostic met.
	Missing []Want
}

// Compare matches the diagnostics of rep, a report on f.Text, with f's
// expectations: same rule, same starting line, exactly the expected text.
func Compare(f *File, rep *mtcheck.Report) Comparison {
	var res Comparison
	matched := make([]bool, len(f.Wants))
	for _, d := range rep.Diagnostics {
		line := f.FileLine(rep.Position(d.Start).Line)
		got := f.Text[d.Start:d.End]
		ok := false
		for i, w := range f.Wants {
			if !matched[i] && w.Rule == d.Rule && w.Line == line && w.Text == got {
				matched[i] = true
				ok = true
				break
			}
		}
		if ok {
			res.Matched = append(res.Matched, d)
		} else {
			res.Unexpected = append(res.Unexpected, d)
		}
	}
	for i, w := range f.Wants {
		if !matched[i] {
			res.Missing = append(res.Missing, w)
		}
	}
	return res
}

func checkGolden(t testing.TB, c *mtcheck.Checker, golden, text string, rep *mtcheck.Report, write bool) {
	t.Helper()
	fixed := mtcheck.ApplyFixes(text, rep.Diagnostics, false)
	if write {
		if fixed.Text == text {
			return // nothing to fix: no golden file needed
		}
		if err := os.WriteFile(golden, []byte(fixed.Text), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if fixed.Text != string(want) {
		t.Errorf("%s: fixed text differs from golden file (run with -mtcheck.update to rewrite):\n--- got\n%s\n--- want\n%s", filepath.Base(golden), fixed.Text, want)
	}
	again, err := c.Check(context.Background(), fixed.Text)
	if err != nil {
		t.Fatalf("re-checking fixed text: %v", err)
	}
	if twice := mtcheck.ApplyFixes(fixed.Text, again.Diagnostics, false); twice.Text != fixed.Text {
		t.Errorf("%s: fixes are not idempotent: fixing the fixed text changed it again:\n%s", filepath.Base(golden), twice.Text)
	}
}

// SeedPath returns the path of the shared seed article
// (shared/seeds/000_c1cc901c0a21e962.txt beside the repository), or "" when
// the shared folder is not there.
func SeedPath() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, "shared", "seeds", "000_c1cc901c0a21e962.txt")
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Seed returns the seed article's text, skipping t when it is absent.
func Seed(t testing.TB) string {
	t.Helper()
	p := SeedPath()
	if p == "" {
		t.Skip("shared seed article not found beside the repository")
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Check runs rules on text with a new Checker and returns the report. It
// stops t at once when the Checker cannot be made or the check fails.
func Check(t testing.TB, text string, rules ...*mtcheck.Rule) *mtcheck.Report {
	t.Helper()
	return check(t, text, rules)
}

// CheckConfig is like Check with the Checker configured by cfg.
func CheckConfig(t testing.TB, cfg mtcheck.Config, text string, rules ...*mtcheck.Rule) *mtcheck.Report {
	t.Helper()
	return check(t, text, rules, mtcheck.WithConfig(cfg))
}

func check(t testing.TB, text string, rules []*mtcheck.Rule, opts ...mtcheck.Option) *mtcheck.Report {
	t.Helper()
	c, err := mtcheck.New(rules, opts...)
	if err != nil {
		t.Fatalf("mtcheck.New: %v", err)
	}
	rep, err := c.Check(context.Background(), text)
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	return rep
}

// Flagged runs rules on text like Check and returns the text each
// diagnostic covers, in report order.
func Flagged(t testing.TB, text string, rules ...*mtcheck.Rule) []string {
	t.Helper()
	var out []string
	for _, d := range Check(t, text, rules...).Diagnostics {
		out = append(out, text[d.Start:d.End])
	}
	return out
}

// RunAll calls Run on every file matching the pattern glob (as
// filepath.Glob reads it). It stops t when the pattern is malformed or
// matches no file, so that a missing corpus cannot pass unseen.
func RunAll(t testing.TB, glob string, rules ...*mtcheck.Rule) {
	t.Helper()
	files, err := filepath.Glob(glob)
	if err != nil {
		t.Fatalf("bad pattern %q: %v", glob, err)
	}
	if len(files) == 0 {
		t.Fatalf("no file matches %q", glob)
	}
	for _, f := range files {
		Run(t, f, rules...)
	}
}

// Bench measures whole checks of text by a Checker running rules: it sets
// the bytes per operation to len(text) and reports allocations. Making the
// Checker is not timed.
func Bench(b *testing.B, text string, rules ...*mtcheck.Rule) {
	b.Helper()
	c, err := mtcheck.New(rules)
	if err != nil {
		b.Fatalf("mtcheck.New: %v", err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	ctx := context.Background()
	for b.Loop() {
		if _, err := c.Check(ctx, text); err != nil {
			b.Fatalf("Check: %v", err)
		}
	}
}

// BenchRun measures rule's Run alone on text, a fresh Document each time,
// without the Checker's validation, word count and report. It sets the
// bytes per operation to len(text) and reports allocations.
func BenchRun(b *testing.B, text string, rule *mtcheck.Rule) {
	b.Helper()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		pass := &mtcheck.Pass{Rule: rule, Doc: mtcheck.NewDocument(text)}
		if err := rule.Run(pass); err != nil {
			b.Fatalf("%s: %v", rule.Name, err)
		}
	}
}
