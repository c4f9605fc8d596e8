// Command mtlint checks English text files for the damage machine
// translation and automatic rewriting leave, and reports it in the format a
// person, an editor or a CI system wants.
//
// Usage:
//
//	mtlint [flags] path ...
//	mtlint -jsonl [flags] < in.jsonl > out.jsonl
//
// A path may be a file, a directory (searched recursively for .txt and .md
// files, skipping hidden folders, node_modules and vendor) or "-" for
// standard input. Exit status: 0 when nothing at or above -fail-level was
// found, 1 when something was, 2 for usage errors and input errors (a file
// that cannot be read, is not UTF-8, is binary, or a directory loop); one bad
// file never stops the others from being checked.
//
// With -jsonl, mtlint is a JSON Lines filter from standard input to standard
// output (see jsonl.go for the contract).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"text/tabwriter"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/config"
	"github.com/mtcheck/mtcheck/mtcheck/format"
	"github.com/mtcheck/mtcheck/mtcheck/markup"
	"github.com/mtcheck/mtcheck/rules"
)

// version is the linter's version.
const version = format.Version

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// ruleSets returns the registry and the default rules; tests replace it.
var ruleSets = func() (all, def []*mtcheck.Rule) { return rules.All(), rules.Default() }

// options are the parsed command line.
type options struct {
	format        string
	minConfidence float64
	failLevel     mtcheck.Severity
	disable       []string
	enable        []string
	only          []string
	listRules     bool
	fix           bool
	diff          bool
	version       bool
	exts          []string
	jsonl         bool
	maxLine       int
	paths         []string
	usage         func()

	minConfidenceSet bool   // -min-confidence was given
	failLevelSet     bool   // -fail-level was given
	configPath       string // -config
	noConfig         bool   // -no-config
	initConfig       bool   // -init
	kind             string // -type: txt, md or html; "" = by extension
	reportUnused     bool   // -report-unused-disables
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

const usageText = `usage: mtlint [flags] path ...

Checks English text for machine-translation and spinning damage.
A path may be a file, a directory (searched for -ext files) or - for stdin.
Exit status: 0 clean, 1 findings at or above -fail-level, 2 usage or input error.

Flags:
`

// parseArgs parses the command line; a non-nil error is a usage error.
func parseArgs(args []string, stderr io.Writer) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("mtlint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
	}
	o.usage = fs.Usage
	fs.StringVar(&o.format, "format", "text", "output format: "+strings.Join(format.Names(), "|"))
	fs.Float64Var(&o.minConfidence, "min-confidence", 0, "drop findings whose confidence is below this (0..1)")
	failLevel := fs.String("fail-level", "warning", "exit 1 only for findings at or above this severity: info|warning|error")
	disable := fs.String("disable", "", "comma-separated rules to switch off")
	enable := fs.String("enable", "", "comma-separated opt-in rules to switch on")
	only := fs.String("only", "", "comma-separated rules to run, and no others")
	fs.BoolVar(&o.listRules, "rules", false, "list the rules and exit")
	fs.BoolVar(&o.fix, "fix", false, "apply safe fixes to the files in place")
	fs.BoolVar(&o.diff, "diff", false, "print a unified diff of the safe fixes instead of writing them or the report")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	ext := fs.String("ext", ".txt,.md,.markdown,.html,.htm", "comma-separated file extensions searched for in directories")
	fs.StringVar(&o.configPath, "config", "", "project file to use instead of the nearest .mtcheck.yml above each file")
	fs.BoolVar(&o.noConfig, "no-config", false, "ignore project files")
	fs.BoolVar(&o.initConfig, "init", false, "write a commented starter .mtcheck.yml into the working directory and exit")
	fs.StringVar(&o.kind, "type", "", "document type: txt|md|html (default: by file extension; standard input: txt)")
	fs.BoolVar(&o.reportUnused, "report-unused-disables", false, "report mtcheck-disable comments that suppress nothing")
	fs.BoolVar(&o.jsonl, "jsonl", false, "filter JSON Lines from stdin to stdout: each {\"text\":…} line gets an \"mtcheck\" member")
	fs.IntVar(&o.maxLine, "max-line", defaultMaxLine, "with -jsonl, the longest line checked in bytes; longer lines get an error object")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "min-confidence":
			o.minConfidenceSet = true
		case "fail-level":
			o.failLevelSet = true
		}
	})
	if o.maxLine < 1 {
		return nil, fmt.Errorf("-max-line must be positive, got %d", o.maxLine)
	}
	if o.kind != "" {
		if _, err := markup.ParseKind(o.kind); err != nil {
			return nil, fmt.Errorf("-type: %v", err)
		}
	}
	if o.configPath != "" && o.noConfig {
		return nil, fmt.Errorf("-config and -no-config exclude each other")
	}
	o.paths = fs.Args()
	if _, err := format.Lookup(o.format); err != nil {
		return nil, err
	}
	sev, err := mtcheck.ParseSeverity(*failLevel)
	if err != nil {
		return nil, fmt.Errorf("-fail-level: %v", err)
	}
	o.failLevel = sev
	if o.minConfidence < 0 || o.minConfidence > 1 || o.minConfidence != o.minConfidence {
		return nil, fmt.Errorf("-min-confidence must be between 0 and 1, got %v", o.minConfidence)
	}
	o.disable, o.enable, o.only = splitList(*disable), splitList(*enable), splitList(*only)
	for _, e := range splitList(*ext) {
		if !strings.HasPrefix(e, ".") {
			e = "." + e
		}
		o.exts = append(o.exts, strings.ToLower(e))
	}
	return o, nil
}

// checkRuleFlags rejects rule names in -enable, -disable and -only that no
// rule has (built in, or a phrase rule of the -config file).
func checkRuleFlags(o *options, extra []*mtcheck.Rule) error {
	all, def := ruleSets()
	known := map[string]bool{}
	for _, list := range [][]*mtcheck.Rule{all, def, extra} {
		for _, r := range list {
			known[r.Name] = true
		}
	}
	for _, list := range [][]string{o.enable, o.disable, o.only} {
		for _, n := range list {
			if !known[n] {
				return fmt.Errorf("unknown rule %q (see mtlint -rules)", n)
			}
		}
	}
	return nil
}

func listRules(w io.Writer, c *mtcheck.Checker) {
	running := map[string]bool{}
	for _, r := range c.Rules() {
		running[r.Name] = true
	}
	all, defaults := ruleSets()
	def := map[string]bool{}
	for _, r := range defaults {
		def[r.Name] = true
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tCATEGORY\tSEVERITY\tDEFAULT\tRUNS\tDESCRIPTION")
	for _, r := range all {
		onoff := "off"
		if def[r.Name] {
			onoff = "on"
		}
		runs := "no"
		if running[r.Name] {
			runs = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.Name, r.Category, r.DefaultSeverity(), onoff, runs, r.Summary())
	}
	tw.Flush()
	if len(all) == 0 {
		fmt.Fprintln(w, "(no rules registered)")
	}
}

// run is the whole program; it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	o, err := parseArgs(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "mtlint: %v\n", err)
		return 2
	}
	if o.version {
		fmt.Fprintf(stdout, "mtlint %s (%s)\n", version, runtime.Version())
		return 0
	}
	if o.initConfig {
		if err := initConfig(config.FileNames[0]); err != nil {
			fmt.Fprintf(stderr, "mtlint: -init: %v\n", err)
			return 2
		}
		fmt.Fprintf(stderr, "mtlint: wrote %s\n", config.FileNames[0])
		return 0
	}
	proj, err := newProject(o)
	if err != nil {
		fmt.Fprintf(stderr, "mtlint: %v\n", err)
		return 2
	}
	if err := checkRuleFlags(o, proj.phraseRules(o.paths)); err != nil {
		fmt.Fprintf(stderr, "mtlint: %v\n", err)
		return 2
	}
	if o.listRules {
		checker, _, err := proj.checkerFor("")
		if err != nil {
			fmt.Fprintf(stderr, "mtlint: %v\n", err)
			return 2
		}
		listRules(stdout, checker)
		return 0
	}
	if o.jsonl {
		if len(o.paths) > 0 || o.fix || o.diff {
			fmt.Fprintln(stderr, "mtlint: -jsonl filters standard input to standard output; it takes no paths, -fix or -diff")
			return 2
		}
		// The project file of the working directory applies, as for
		// standard input; texts are plain text.
		checker, _, err := proj.checkerFor("")
		if err != nil {
			fmt.Fprintf(stderr, "mtlint: %v\n", err)
			return 2
		}
		return runJSONL(checker, o.maxLine, stdin, stdout, stderr)
	}
	if len(o.paths) == 0 {
		o.usage()
		return 2
	}
	if o.fix && !o.diff {
		for _, p := range o.paths {
			if p == "-" {
				fmt.Fprintln(stderr, "mtlint: -fix cannot rewrite standard input; use -diff")
				return 2
			}
		}
	}
	inputs := filterIncluded(proj, o.paths, collect(o.paths, o.exts))
	prog := startProgress(stderr, len(inputs), progressDelay(), progressEvery, isTerminal(stderr))
	files := checkAll(proj, inputs, stdin, prog)
	prog.finish()

	status := 0
	for i := range files {
		f := &files[i]
		if f.err != nil {
			continue
		}
		switch {
		case o.diff:
			if err := writeDiff(stdout, f); err != nil {
				f.err = err
			}
		case o.fix:
			fixFile(f, stderr)
		}
	}
	results := make([]format.Result, len(files))
	for i, f := range files {
		results[i] = format.Result{Path: f.path, Report: f.report, Err: f.err}
		if f.err != nil {
			fmt.Fprintf(stderr, "mtlint: %s: %v\n", f.path, f.err)
			status = 2
		}
	}
	if !o.diff {
		fm, _ := format.Lookup(o.format)
		opts := format.Options{Rules: describedRules(proj.running()), ToolName: "mtcheck", ToolVersion: version}
		if o.format == "text" {
			opts.Summary = stderr
		}
		if err := fm.Format(stdout, results, opts); err != nil {
			fmt.Fprintf(stderr, "mtlint: writing output: %v\n", err)
			return 2
		}
	}
	if status != 0 {
		return status
	}
	for _, f := range files {
		if f.report == nil {
			continue
		}
		for _, d := range f.report.Diagnostics {
			if d.Severity >= f.failLevel {
				return 1
			}
		}
	}
	return 0
}

// describedRules lists the rules output formats describe (SARIF's
// tool.driver.rules): every registered rule, so rule indexes do not depend on
// the flags, then any other rule the checker runs.
func describedRules(running []*mtcheck.Rule) []*mtcheck.Rule {
	all, def := ruleSets()
	out := append([]*mtcheck.Rule(nil), all...)
	seen := map[string]bool{}
	for _, r := range all {
		seen[r.Name] = true
	}
	for _, list := range [][]*mtcheck.Rule{def, running} {
		for _, r := range list {
			if !seen[r.Name] {
				seen[r.Name] = true
				out = append(out, r)
			}
		}
	}
	return out
}

// file is one input being checked.
type file struct {
	input
	text   string
	state  fileState
	report *mtcheck.Report
	// check checks a new text of this file the way the file was checked
	// (its document type and checker), for re-checking after fixes.
	check     func(text string) (*mtcheck.Report, error)
	failLevel mtcheck.Severity
}

// checkAll reads and checks every input on all cores with the one shared
// checker; the result order is the input order. prog (nil: none) counts
// the files done.
func checkAll(p *project, inputs []input, stdin io.Reader, prog *progress) []file {
	files := make([]file, len(inputs))
	for i, in := range inputs {
		files[i].input = in
		if in.err == nil && in.stdin {
			var b strings.Builder
			if _, err := io.Copy(&b, stdin); err != nil {
				files[i].err = fmt.Errorf("reading standard input: %w", err)
			} else {
				files[i].text = b.String()
			}
		}
	}
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				checkOne(p, &files[i])
				prog.add()
			}
		}()
	}
	for i := range files {
		if files[i].err == nil {
			jobs <- i
		}
	}
	close(jobs)
	wg.Wait()
	return files
}

func checkOne(p *project, f *file) {
	if !f.stdin {
		text, st, err := readFile(f.real)
		if err != nil {
			f.err = err
			return
		}
		f.text, f.state = text, st
	}
	if err := validate(f.text); err != nil {
		f.err = err
		f.text = ""
		return
	}
	path := f.real
	if f.stdin {
		path = ""
	}
	c, cfg, err := p.checkerFor(path)
	if err != nil {
		f.err = err
		return
	}
	f.failLevel = p.o.failLevel
	if !p.o.failLevelSet && cfg != nil && cfg.FailLevel != 0 {
		f.failLevel = cfg.FailLevel
	}
	kind := markup.Text
	if p.o.kind != "" {
		kind, _ = markup.ParseKind(p.o.kind)
	} else if !f.stdin {
		kind = markup.KindFromPath(f.path)
	}
	opts := markup.CheckOptions{ReportUnusedDisables: p.o.reportUnused}
	f.check = func(text string) (*mtcheck.Report, error) {
		return markup.CheckWith(context.Background(), c, kind, text, opts)
	}
	rep, err := f.check(f.text)
	if err != nil {
		f.err = fmt.Errorf("check failed: %w", err)
		return
	}
	f.report = rep
}

// filterIncluded drops files found by searching directories that the
// governing project file's include and exclude patterns leave out. Files
// named on the command line are always checked.
func filterIncluded(p *project, named []string, in []input) []input {
	explicit := map[string]bool{}
	for _, n := range named {
		explicit[n] = true
	}
	out := in[:0]
	for _, i := range in {
		if i.err == nil && !i.stdin && !explicit[i.path] {
			cfg, err := p.configFor(i.real)
			if err == nil && !cfg.Includes(i.real) {
				continue
			}
		}
		out = append(out, i)
	}
	return out
}

// validate reports text that is not valid UTF-8 or holds NUL bytes, naming
// the byte offset. The fast path copies nothing.
func validate(text string) error {
	if strings.IndexByte(text, 0) < 0 && utf8ValidString(text) {
		return nil
	}
	return mtcheck.ValidateText([]byte(text))
}

// sortInputs orders inputs by path so output is deterministic.
func sortInputs(in []input) {
	sort.SliceStable(in, func(i, j int) bool { return in[i].path < in[j].path })
}
