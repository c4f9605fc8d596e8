package main

import (
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// testProject returns a project that reads no project file, and its checker
// for standard input.
func testProject(tb testing.TB) (*project, *mtcheck.Checker) {
	tb.Helper()
	p, err := newProject(&options{noConfig: true, failLevel: mtcheck.Warning})
	if err != nil {
		tb.Fatal(err)
	}
	c, _, err := p.checkerFor("")
	if err != nil {
		tb.Fatal(err)
	}
	return p, c
}

const benchArticles = 1000

// lintDirOnce collects and checks every file under dir, as mtlint does, and
// returns the number of files checked.
func lintDirOnce(tb testing.TB, p *project, dir string) int {
	files := checkAll(p, collect([]string{dir}, []string{".txt", ".md"}), nil, nil)
	for _, f := range files {
		if f.err != nil {
			tb.Fatalf("%s: %v", f.path, f.err)
		}
	}
	return len(files)
}

// benchSetup writes the articles and builds a warmed-up checker with the
// default rules and no project file (the prose model loads once per
// process, not per run).
func benchSetup(tb testing.TB) (*project, string, int64) {
	dir := tb.TempDir()
	size := genArticles(tb, dir, benchArticles)
	p, c := testProject(tb)
	if _, err := c.Check(tb.Context(), cleanParagraphs(tb)[0]+" The bridge opened on Monday.Drivers queued."); err != nil {
		tb.Fatal(err)
	}
	return p, dir, size
}

// BenchmarkLintDir checks a directory of 1,000 generated articles (3 to 5 KB
// each, clean paragraphs with artefacts mixed in) with the default rules and
// reports files per second. Run it at one and two cores:
//
//	go test ./examples/mtlint -run '^$' -bench LintDir -benchtime 2x -cpu 1,2
func BenchmarkLintDir(b *testing.B) {
	c, dir, size := benchSetup(b)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		n += lintDirOnce(b, c, dir)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "files/s")
}

// TestLintDirSpeedup measures files per second at GOMAXPROCS 1 and 2 and
// the speed-up. It is a measurement, not a check: it runs only with
// MTCHECK_BENCH=1.
func TestLintDirSpeedup(t *testing.T) {
	if os.Getenv("MTCHECK_BENCH") != "1" {
		t.Skip("set MTCHECK_BENCH=1 to measure")
	}
	c, dir, size := benchSetup(t)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	rate := map[int]float64{}
	for _, procs := range []int{1, 2} {
		runtime.GOMAXPROCS(procs)
		start := time.Now()
		n := lintDirOnce(t, c, dir)
		el := time.Since(start)
		rate[procs] = float64(n) / el.Seconds()
		t.Logf("GOMAXPROCS=%d: %d files (%.1f MB) in %v: %.0f files/s, %.2f MB/s", procs, n, float64(size)/1e6, el.Round(time.Millisecond), rate[procs], float64(size)/1e6/el.Seconds())
	}
	t.Logf("speed-up at 2 cores: %.2fx (load average matters: the machine may be shared)", rate[2]/rate[1])
}
