package mtchecktest

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	f, err := Parse("First line.\n// a comment\nSecond.Line here\n// want missing-space \"Second.Line\"\n// want other \"a\\nb\"\nThird\n")
	require.NoError(t, err)
	assert.Equal(t, "First line.\nSecond.Line here\nThird\n", f.Text)
	require.Len(t, f.Wants, 2)
	assert.Equal(t, Want{Line: 3, AnnotationLine: 4, Rule: "missing-space", Text: "Second.Line"}, f.Wants[0])
	assert.Equal(t, "a\nb", f.Wants[1].Text)
	assert.Equal(t, 6, f.FileLine(3))

	_, err = Parse("// want x \"y\"\ntext\n")
	assert.ErrorContains(t, err, "before any text")
	_, err = Parse("text\n// want x y\n")
	assert.ErrorContains(t, err, "bad quoted text")
}

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, format)
}
func (r *recorder) Helper() {}

func TestRunReportsMismatches(t *testing.T) {
	teh := tehRule(nil)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	require.NoError(t, os.WriteFile(good, []byte("Say teh word.\n// want teh \"teh\"\nClean line.\n"), 0o644))
	require.NoError(t, os.WriteFile(good+".golden", []byte("Say the word.\nClean line.\n"), 0o644))
	Run(t, good, teh)

	bad := filepath.Join(dir, "bad.txt")
	require.NoError(t, os.WriteFile(bad, []byte("Say teh word.\nAnd teh.\n// want teh \"teh\"\n// want teh \"nothing\"\n"), 0o644))
	r := &recorder{TB: t}
	Run(r, bad, teh)
	joined := strings.Join(r.errs, "\n")
	assert.Contains(t, joined, "unexpected", "the diagnostic on line 1 was not expected")
	assert.Contains(t, joined, "not reported", "the second want on line 2 was not met")

	// A rule that uses a layer it did not declare fails the test.
	sneaky := &mtcheck.Rule{Name: "sneaky", Run: func(p *mtcheck.Pass) error { p.Sentences(); return nil }}
	r = &recorder{TB: t}
	Run(r, good, sneaky, teh)
	assert.Contains(t, strings.Join(r.errs, "\n"), "without declaring them")
}

// fatalRecorder is a recorder that also records fatal failures; call the
// helper under test through fatalRecorder.do, which ends the helper's
// goroutine at a fatal failure as testing does.
type fatalRecorder struct {
	recorder
	fatals []string
}

func (r *fatalRecorder) Fatalf(format string, args ...any) {
	r.fatals = append(r.fatals, fmt.Sprintf(format, args...))
	runtime.Goexit()
}

func (r *fatalRecorder) do(f func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	<-done
}

// tehRule flags every "teh" with a safe fix to "the"; given a counter, it
// counts its runs.
func tehRule(runs *atomic.Int64) *mtcheck.Rule {
	return &mtcheck.Rule{Name: "teh", Run: func(p *mtcheck.Pass) error {
		if runs != nil {
			runs.Add(1)
		}
		text := p.Text()
		for i := 0; ; {
			j := strings.Index(text[i:], "teh")
			if j < 0 {
				return nil
			}
			s := mtcheck.Span{Start: i + j, End: i + j + 3}
			p.Reportf(s, 1, []mtcheck.Fix{mtcheck.ReplaceFix("fix", s, "the", true)}, "typo")
			i = s.End
		}
	}}
}

func TestCheck(t *testing.T) {
	rep := Check(t, "Say teh word, teh end.", tehRule(nil))
	require.Len(t, rep.Diagnostics, 2)
	assert.Equal(t, mtcheck.Span{Start: 4, End: 7}, rep.Diagnostics[0].Span)
	assert.Equal(t, mtcheck.Span{Start: 14, End: 17}, rep.Diagnostics[1].Span)

	// A failed check stops the test.
	r := &fatalRecorder{recorder: recorder{TB: t}}
	var got *mtcheck.Report
	r.do(func() { got = Check(r, "bad \xff text", tehRule(nil)) })
	assert.Nil(t, got, "Check returned after a failed check")
	require.Len(t, r.fatals, 1)
	assert.Contains(t, r.fatals[0], "Check")

	// So does a Checker that cannot be made.
	r = &fatalRecorder{recorder: recorder{TB: t}}
	r.do(func() { Check(r, "text", tehRule(nil), tehRule(nil)) })
	require.Len(t, r.fatals, 1)
	assert.Contains(t, r.fatals[0], "mtcheck.New")
}

func TestCheckConfig(t *testing.T) {
	// An option the rule reads changes what it reports.
	word := &mtcheck.Rule{Name: "word", Options: []mtcheck.OptionSpec{{Name: "word", Default: ""}}, Run: func(p *mtcheck.Pass) error {
		w := p.Options().String("word")
		if i := strings.Index(p.Text(), w); w != "" && i >= 0 {
			p.Reportf(mtcheck.Span{Start: i, End: i + len(w)}, 1, nil, "found %q", w)
		}
		return nil
	}}
	text := "Say teh word."
	assert.Empty(t, CheckConfig(t, mtcheck.Config{}, text, word).Diagnostics)
	cfg := mtcheck.Config{Rules: map[string]mtcheck.RuleConfig{"word": {Options: map[string]any{"word": "word"}}}}
	rep := CheckConfig(t, cfg, text, word)
	require.Len(t, rep.Diagnostics, 1)
	assert.Equal(t, mtcheck.Span{Start: 8, End: 12}, rep.Diagnostics[0].Span)

	// A configuration the Checker refuses stops the test.
	bad := mtcheck.Config{Rules: map[string]mtcheck.RuleConfig{"word": {Options: map[string]any{"word": 3}}}}
	r := &fatalRecorder{recorder: recorder{TB: t}}
	r.do(func() { CheckConfig(r, bad, text, word) })
	require.Len(t, r.fatals, 1)
	assert.Contains(t, r.fatals[0], "mtcheck.New")
}

func TestFlagged(t *testing.T) {
	shout := &mtcheck.Rule{Name: "shout", Run: func(p *mtcheck.Pass) error {
		if i := strings.Index(p.Text(), "SAY"); i >= 0 {
			p.Reportf(mtcheck.Span{Start: i, End: i + 3}, 1, nil, "shouting")
		}
		return nil
	}}
	assert.Equal(t, []string{"SAY", "teh", "teh"}, Flagged(t, "SAY teh word, teh end.", tehRule(nil), shout))
	assert.Nil(t, Flagged(t, "Nothing to see.", tehRule(nil)))
}

func TestRunAll(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Clean line.\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Say teh word.\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "c.md"), []byte("Say teh word.\n"), 0o644))

	// Every matching file is run, and only those.
	r := &fatalRecorder{recorder: recorder{TB: t}}
	r.do(func() { RunAll(r, filepath.Join(dir, "*.txt"), tehRule(nil)) })
	assert.Empty(t, r.fatals)
	assert.Len(t, r.errs, 1, "one unexpected diagnostic, in b.txt")

	var runs atomic.Int64
	RunAll(t, filepath.Join(dir, "a.txt"), tehRule(&runs))
	assert.Equal(t, int64(1), runs.Load())

	// A pattern that matches nothing, or is malformed, fails.
	for _, glob := range []string{filepath.Join(dir, "*.none"), filepath.Join(dir, "[")} {
		r = &fatalRecorder{recorder: recorder{TB: t}}
		r.do(func() { RunAll(r, glob, tehRule(nil)) })
		assert.Len(t, r.fatals, 1, glob)
	}
}

// withBenchtime runs f with -test.benchtime set to v.
func withBenchtime(t *testing.T, v string, f func()) {
	t.Helper()
	old := flag.Lookup("test.benchtime").Value.String()
	require.NoError(t, flag.Set("test.benchtime", v))
	defer flag.Set("test.benchtime", old)
	f()
}

// TestBench checks Bench (whole checks) and BenchRun (the rule's Run
// alone): one run of the rule a loop, bytes set, allocations counted.
func TestBench(t *testing.T) {
	text := "Say teh word, teh end."
	for name, bench := range map[string]func(*testing.B, *mtcheck.Rule){
		"Bench":    func(b *testing.B, r *mtcheck.Rule) { Bench(b, text, r) },
		"BenchRun": func(b *testing.B, r *mtcheck.Rule) { BenchRun(b, text, r) },
	} {
		var runs atomic.Int64
		var res testing.BenchmarkResult
		withBenchtime(t, "20x", func() {
			res = testing.Benchmark(func(b *testing.B) { bench(b, tehRule(&runs)) })
		})
		assert.Equal(t, 20, res.N, name)
		assert.Equal(t, int64(len(text)), res.Bytes, name)
		assert.Equal(t, int64(20), runs.Load(), "%s: one run of the rule a loop", name)
		assert.NotZero(t, res.MemAllocs, "%s: allocations are counted", name)
	}
}
