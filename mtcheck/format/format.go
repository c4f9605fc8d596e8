// Package format writes mtcheck reports in the formats editors, CI systems
// and people read: text, json, sarif, github, rdjsonl and checkstyle.
//
// Formatters are pluggable by name, in the spirit of revive: [Names] lists
// them and [Lookup] returns one. Each takes the results of checking a set of
// files, one [Result] per file, in the order they should appear.
//
// Positions come from [mtcheck.Report.Position]: byte offsets are the truth,
// and each format converts them to the columns its consumers count (runes for
// text, json and checkstyle; UTF-16 code units for SARIF; UTF-8 bytes for
// rdjsonl; runes for GitHub workflow commands).
package format

import (
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// Result is the outcome of checking one file: a report, or the error that
// kept the file from being checked.
type Result struct {
	// Path names the file as the user gave it ("<stdin>" for standard input).
	Path string
	// Report holds the findings; nil when Err is set.
	Report *mtcheck.Report
	// Err is the input error (unreadable, invalid UTF-8, binary…), if any.
	Err error
}

// ColorMode says when the text format colours its output.
type ColorMode int

// The colour modes. NO_COLOR in the environment turns colour off in every
// mode.
const (
	// ColorAuto colours output written to a terminal.
	ColorAuto ColorMode = iota
	// ColorNever never colours.
	ColorNever
	// ColorAlways colours unless NO_COLOR is set.
	ColorAlways
)

// Options tune the formatters. The zero value works.
type Options struct {
	// Rules describes the rules that ran (SARIF lists them in
	// tool.driver.rules; other formats use their URLs). Diagnostics of rules
	// not listed get a minimal description.
	Rules []*mtcheck.Rule
	// ToolName defaults to "mtcheck".
	ToolName string
	// ToolVersion defaults to [Version].
	ToolVersion string
	// InformationURI defaults to [InformationURI].
	InformationURI string
	// Summary receives the text format's one-line summary (nil: none).
	Summary io.Writer
	// Color controls colour in the text format.
	Color ColorMode
	// Getenv reads the environment (NO_COLOR, GITHUB_STEP_SUMMARY); nil
	// means os.Getenv.
	Getenv func(string) string
	// BaseDir is the directory repository-relative paths (SARIF, github,
	// rdjsonl) are computed against; "" means the working directory.
	BaseDir string
}

// Version is the tool version formatters report unless Options say otherwise.
const Version = "0.1.0"

// InformationURI is the project's home page.
const InformationURI = "https://github.com/mtcheck/mtcheck"

// Formatter writes results in one format.
type Formatter interface {
	// Name is the format's name, as given to -format.
	Name() string
	// Format writes results to w.
	Format(w io.Writer, results []Result, opts Options) error
}

var registry = map[string]Formatter{}

func register(f Formatter) { registry[f.Name()] = f }

func init() {
	register(textFormatter{})
	register(jsonFormatter{})
	register(sarifFormatter{})
	register(githubFormatter{})
	register(rdjsonlFormatter{})
	register(checkstyleFormatter{})
}

// Names returns the names of all formats, sorted.
func Names() []string {
	out := make([]string, 0, len(registry))
	for n := range registry {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Lookup returns the format called name, or an error listing the known ones.
func Lookup(name string) (Formatter, error) {
	if f, ok := registry[name]; ok {
		return f, nil
	}
	return nil, fmt.Errorf("unknown format %q (known formats: %s)", name, strings.Join(Names(), ", "))
}

func (o Options) getenv(k string) string {
	if o.Getenv != nil {
		return o.Getenv(k)
	}
	return os.Getenv(k)
}

func (o Options) toolName() string {
	if o.ToolName != "" {
		return o.ToolName
	}
	return "mtcheck"
}

func (o Options) toolVersion() string {
	if o.ToolVersion != "" {
		return o.ToolVersion
	}
	return Version
}

func (o Options) infoURI() string {
	if o.InformationURI != "" {
		return o.InformationURI
	}
	return InformationURI
}

func (o Options) baseDir() string {
	if o.BaseDir != "" {
		return o.BaseDir
	}
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	return wd
}

// ruleByName indexes the rules in opts.
func (o Options) ruleByName() map[string]*mtcheck.Rule {
	m := make(map[string]*mtcheck.Rule, len(o.Rules))
	for _, r := range o.Rules {
		if r != nil {
			m[r.Name] = r
		}
	}
	return m
}

// relPath returns path relative to base with forward slashes, for formats
// that want repository-relative paths. Relative paths are cleaned; absolute
// paths inside base are made relative; other absolute paths stay absolute.
func relPath(path, base string) string {
	if path == "" || path == "-" || path == StdinName {
		return path
	}
	p := filepath.Clean(path)
	if filepath.IsAbs(p) {
		if b, err := filepath.Abs(base); err == nil {
			if r, err := filepath.Rel(b, p); err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
				p = r
			}
		}
	}
	return filepath.ToSlash(p)
}

// StdinName is the path under which standard input is reported.
const StdinName = "<stdin>"

// Totals counts what a set of results holds.
type Totals struct {
	// Files is the number of results; Failed of them could not be checked.
	Files, Failed int
	// Findings counts all diagnostics; BySeverity splits them.
	Findings   int
	BySeverity map[mtcheck.Severity]int
	// MeanScore is the mean score of the checked files (100 when none).
	MeanScore float64
	// Words counts the words of all checked files.
	Words int
}

// Count totals results.
func Count(results []Result) Totals {
	t := Totals{Files: len(results), BySeverity: map[mtcheck.Severity]int{}, MeanScore: 100}
	sum, n := 0.0, 0
	for _, r := range results {
		if r.Err != nil || r.Report == nil {
			t.Failed++
			continue
		}
		n++
		sum += r.Report.Score
		t.Words += r.Report.Words
		for _, d := range r.Report.Diagnostics {
			t.Findings++
			t.BySeverity[d.Severity]++
		}
	}
	if n > 0 {
		t.MeanScore = sum / float64(n)
	}
	return t
}

// round2 rounds to two decimals, for stable output of scores and penalties.
func round2(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return math.Round(x*100) / 100
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// severityCounts formats "2 errors, 5 warnings, 1 info".
func severityCounts(t Totals) string {
	return fmt.Sprintf("%s, %s, %d info",
		plural(t.BySeverity[mtcheck.Error], "error", "errors"),
		plural(t.BySeverity[mtcheck.Warning], "warning", "warnings"),
		t.BySeverity[mtcheck.Info])
}

// SummaryLine returns the one-line summary the text format prints:
// files, findings by severity and the mean score.
func SummaryLine(results []Result) string {
	t := Count(results)
	s := fmt.Sprintf("%s, %s (%s), mean score %.1f",
		plural(t.Files, "file", "files"), plural(t.Findings, "finding", "findings"), severityCounts(t), t.MeanScore)
	if t.Failed > 0 {
		s += fmt.Sprintf(", %d could not be checked", t.Failed)
	}
	return s
}

// mergedEdit folds the edits of a fix into one replacement of the span from
// the first edit's start to the last edit's end, for formats that take a
// single replacement per suggestion. It fails on overlapping edits.
func mergedEdit(text string, f mtcheck.Fix) (mtcheck.Span, string, bool) {
	if len(f.Edits) == 0 {
		return mtcheck.Span{}, "", false
	}
	edits := append([]mtcheck.TextEdit(nil), f.Edits...)
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
	span := mtcheck.Span{Start: edits[0].Start, End: edits[0].End}
	for _, e := range edits[1:] {
		if e.Start < span.End {
			return mtcheck.Span{}, "", false // overlapping edits
		}
		span.End = max(span.End, e.End)
	}
	if span.Start < 0 || span.End > len(text) {
		return mtcheck.Span{}, "", false
	}
	var b strings.Builder
	last := span.Start
	for _, e := range edits {
		if e.Start < last {
			return mtcheck.Span{}, "", false
		}
		b.WriteString(text[last:e.Start])
		b.WriteString(e.NewText)
		last = e.End
	}
	b.WriteString(text[last:span.End])
	return span, b.String(), true
}
