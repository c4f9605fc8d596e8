package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/format"
)

// Test rules stand in for the real ones, which are written elsewhere.
var (
	tGlueRE = regexp.MustCompile(`[a-z]\.[A-Z]`)
	tGlue   = &mtcheck.Rule{Name: "t-glue", Doc: "Finds sentences glued without a space.", Category: mtcheck.Spacing, Severity: mtcheck.Warning,
		Run: func(p *mtcheck.Pass) error {
			for _, m := range tGlueRE.FindAllStringIndex(p.Text(), -1) {
				p.Reportf(mtcheck.Span{Start: m[0], End: m[1]}, 0.9,
					[]mtcheck.Fix{mtcheck.InsertFix("insert a space", m[0]+2, " ", true)}, "missing space after %q", p.Text()[m[0]:m[0]+2])
			}
			return nil
		}}
	tBoiler = &mtcheck.Rule{Name: "t-boiler", Doc: "Finds share-button lines.", Category: mtcheck.Boilerplate, Severity: mtcheck.Error,
		Run: func(p *mtcheck.Pass) error {
			for _, ln := range p.Doc.Lines() {
				if ln.Text(p.Text()) == "Share post:" {
					p.Reportf(ln, 0.95, []mtcheck.Fix{mtcheck.DeleteFix("delete the line", ln, false)}, "share-button residue")
				}
			}
			return nil
		}}
	tInfo = &mtcheck.Rule{Name: "t-info", Doc: "Notes the word very.", Category: mtcheck.Mistranslation, Severity: mtcheck.Info,
		Run: func(p *mtcheck.Pass) error {
			t := p.Text()
			for i := 0; ; {
				j := strings.Index(t[i:], "very")
				if j < 0 {
					return nil
				}
				p.Reportf(mtcheck.Span{Start: i + j, End: i + j + 4}, 0.5, nil, "weak intensifier")
				i += j + 4
			}
		}}
	tOptIn = &mtcheck.Rule{Name: "t-optin", Doc: "Opt-in: flags zzz.", Category: mtcheck.Encoding,
		Run: func(p *mtcheck.Pass) error {
			if i := strings.Index(p.Text(), "zzz"); i >= 0 {
				p.Reportf(mtcheck.Span{Start: i, End: i + 3}, 1, nil, "zzz")
			}
			return nil
		}}
)

// useTestRules makes run use the test rules.
func useTestRules(t testing.TB) {
	t.Helper()
	old := ruleSets
	ruleSets = func() (all, def []*mtcheck.Rule) {
		return []*mtcheck.Rule{tGlue, tBoiler, tInfo, tOptIn}, []*mtcheck.Rule{tGlue, tBoiler, tInfo}
	}
	t.Cleanup(func() { ruleSets = old })
}

type runResult struct {
	code           int
	stdout, stderr string
}

func runArgs(t testing.TB, stdin string, args ...string) runResult {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return runResult{code, out.String(), errb.String()}
}

func writeFile(t testing.TB, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func decodeJSON(t testing.TB, s string) format.JSONOutput {
	t.Helper()
	var out format.JSONOutput
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		t.Fatalf("invalid JSON output: %v\n%s", err, s)
	}
	return out
}

const (
	cleanText = "The council met on Monday. Nothing changed.\n"
	glueText  = "The council met on Monday.Nothing changed.\nThe mayor left early.Others stayed.\n"
)

func TestUsageAndVersion(t *testing.T) {
	useTestRules(t)
	r := runArgs(t, "")
	if r.code != 2 || !strings.Contains(r.stderr, "usage: mtlint") || !strings.Contains(r.stderr, "-fail-level") {
		t.Errorf("no path: code %d, stderr %q", r.code, r.stderr)
	}
	r = runArgs(t, "", "-version")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "mtlint "+version) {
		t.Errorf("-version: code %d, stdout %q", r.code, r.stdout)
	}
	r = runArgs(t, "", "-h")
	if r.code != 0 || !strings.Contains(r.stderr, "-min-confidence") {
		t.Errorf("-h: code %d, stderr %q", r.code, r.stderr)
	}
	r = runArgs(t, "", "-nosuchflag", "x")
	if r.code != 2 {
		t.Errorf("bad flag: code %d", r.code)
	}
}

func TestBadFlagValues(t *testing.T) {
	useTestRules(t)
	dir := t.TempDir()
	p := writeFile(t, dir, "a.txt", cleanText)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-format", "xml", p}, `unknown format "xml"`},
		{[]string{"-fail-level", "fatal", p}, "-fail-level"},
		{[]string{"-min-confidence", "1.5", p}, "-min-confidence"},
		{[]string{"-disable", "t-glue,nope", p}, `unknown rule "nope"`},
		{[]string{"-enable", "nope", p}, `unknown rule "nope"`},
		{[]string{"-only", "nope", p}, `unknown rule "nope"`},
		{[]string{"-fix", "-"}, "standard input"},
	} {
		r := runArgs(t, "", tc.args...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: code %d, stderr %q, want 2 and %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
}

func TestRulesList(t *testing.T) {
	useTestRules(t)
	r := runArgs(t, "", "-rules", "-enable", "t-optin", "-disable", "t-info")
	if r.code != 0 {
		t.Fatalf("code %d: %s", r.code, r.stderr)
	}
	for _, re := range []string{
		`t-glue\s+spacing\s+warning\s+on\s+yes\s+Finds sentences glued`,
		`t-info\s+mistranslation\s+info\s+on\s+no\s+Notes the word very`,
		`t-optin\s+encoding\s+warning\s+off\s+yes\s+Opt-in`,
		`t-boiler\s+boilerplate\s+error\s+on\s+yes`,
	} {
		if !regexp.MustCompile(re).MatchString(r.stdout) {
			t.Errorf("-rules output lacks %s:\n%s", re, r.stdout)
		}
	}
}

func TestExitCodesAndSelection(t *testing.T) {
	useTestRules(t)
	dir := t.TempDir()
	clean := writeFile(t, dir, "clean.txt", cleanText)
	glue := writeFile(t, dir, "glue.txt", glueText)
	info := writeFile(t, dir, "info.txt", "It was very cold.\n")
	boiler := writeFile(t, dir, "boiler.txt", "A fine day.\nShare post:\n")
	opt := writeFile(t, dir, "opt.txt", "A zzz day.\n")
	for _, tc := range []struct {
		name string
		args []string
		code int
	}{
		{"clean", []string{clean}, 0},
		{"warning", []string{glue}, 1},
		{"warning below fail-level error", []string{"-fail-level", "error", glue}, 0},
		{"error at fail-level error", []string{"-fail-level", "error", boiler}, 1},
		{"info below default", []string{info}, 0},
		{"info at fail-level info", []string{"-fail-level", "info", info}, 1},
		{"min-confidence drops", []string{"-min-confidence", "0.95", glue}, 0},
		{"min-confidence keeps", []string{"-min-confidence", "0.9", glue}, 1},
		{"disable", []string{"-disable", "t-glue", glue}, 0},
		{"only other rule", []string{"-only", "t-info", glue}, 0},
		{"only this rule", []string{"-only", "t-glue", glue}, 1},
		{"opt-in off by default", []string{opt}, 0},
		{"enable opt-in", []string{"-enable", "t-optin", opt}, 1},
		{"mixed", []string{clean, glue}, 1},
	} {
		r := runArgs(t, "", tc.args...)
		if r.code != tc.code {
			t.Errorf("%s: code %d, want %d\nstdout: %s\nstderr: %s", tc.name, r.code, tc.code, r.stdout, r.stderr)
		}
	}
}

func TestTextOutput(t *testing.T) {
	useTestRules(t)
	dir := t.TempDir()
	glue := writeFile(t, dir, "glue.txt", "Café “x” ok.Then more.\n")
	r := runArgs(t, "", glue)
	want := glue + `:1:11: warning t-glue: missing space after "k."` + "\n"
	if r.stdout != want {
		t.Errorf("stdout = %q, want %q", r.stdout, want)
	}
	if !strings.Contains(r.stderr, "1 file, 1 finding (0 errors, 1 warning, 0 info), mean score") {
		t.Errorf("summary missing from stderr: %q", r.stderr)
	}
	if strings.Contains(r.stdout+r.stderr, "\x1b[") {
		t.Errorf("colour written to a non-terminal")
	}
}

func TestJSONOutput(t *testing.T) {
	useTestRules(t)
	dir := t.TempDir()
	text := "Über “quoted” text.Next one.\n\nShare post:\n"
	p := writeFile(t, dir, "a.txt", text)
	empty := writeFile(t, dir, "empty.txt", "")
	r := runArgs(t, "", "-format", "json", p, empty)
	if r.code != 1 {
		t.Fatalf("code %d: %s", r.code, r.stderr)
	}
	out := decodeJSON(t, r.stdout)
	if len(out.Files) != 2 || out.Files[0].Path != p || out.Files[1].Path != empty {
		t.Fatalf("files = %+v", out.Files)
	}
	f := out.Files[0]
	if f.Words == nil || *f.Words != 6 || f.Score == nil || *f.Score >= 100 {
		t.Errorf("words/score = %v/%v", f.Words, f.Score)
	}
	if len(f.Diagnostics) != 2 {
		t.Fatalf("diagnostics = %+v", f.Diagnostics)
	}
	d := f.Diagnostics[0]
	start := strings.Index(text, "t.N")
	if d.Rule != "t-glue" || d.Start != start || d.End != start+3 || d.Line != 1 || d.Column != 18 || d.EndColumn != 21 ||
		d.Severity != "warning" || d.Category != "spacing" || d.Confidence != 0.9 {
		t.Errorf("diagnostic = %+v (byte start %d)", d, start)
	}
	if len(d.Fixes) != 1 || !d.Fixes[0].Safe || d.Fixes[0].Edits[0].Start != start+2 || d.Fixes[0].Edits[0].Text != " " {
		t.Errorf("fix = %+v", d.Fixes)
	}
	if b := f.Diagnostics[1]; b.Rule != "t-boiler" || b.Line != 3 || b.Severity != "error" || b.Fixes[0].Safe {
		t.Errorf("boilerplate = %+v", b)
	}
	e := out.Files[1]
	if e.Words == nil || *e.Words != 0 || *e.Score != 100 || len(e.Diagnostics) != 0 {
		t.Errorf("empty file = %+v", e)
	}
}

func TestAllFormatsRun(t *testing.T) {
	useTestRules(t)
	dir := t.TempDir()
	p := writeFile(t, dir, "a.txt", glueText)
	for _, name := range format.Names() {
		r := runArgs(t, "", "-format", name, p)
		if r.code != 1 || r.stdout == "" {
			t.Errorf("-format %s: code %d, stdout %q, stderr %q", name, r.code, r.stdout, r.stderr)
		}
	}
}

func TestStdin(t *testing.T) {
	useTestRules(t)
	r := runArgs(t, glueText, "-format", "json", "-")
	if r.code != 1 {
		t.Fatalf("code %d: %s", r.code, r.stderr)
	}
	out := decodeJSON(t, r.stdout)
	if len(out.Files) != 1 || out.Files[0].Path != format.StdinName || len(out.Files[0].Diagnostics) != 2 {
		t.Errorf("stdin result = %+v", out.Files)
	}
	if r := runArgs(t, cleanText, "-"); r.code != 0 {
		t.Errorf("clean stdin: code %d", r.code)
	}
}

func TestDirectoryWalk(t *testing.T) {
	useTestRules(t)
	dir := t.TempDir()
	writeFile(t, dir, "b.txt", glueText)
	writeFile(t, dir, "a.md", cleanText)
	writeFile(t, dir, "c.go", glueText)
	writeFile(t, dir, ".hidden/h.txt", glueText)
	writeFile(t, dir, "node_modules/n.txt", glueText)
	writeFile(t, dir, "vendor/v.txt", glueText)
	writeFile(t, dir, "sub/d.TXT", cleanText)
	writeFile(t, dir, "other/o.txt", cleanText)
	if err := os.Symlink(filepath.Join(dir, "other"), filepath.Join(dir, "sub", "link")); err != nil {
		t.Fatal(err)
	}
	r := runArgs(t, "", "-format", "json", dir)
	if r.code != 1 {
		t.Fatalf("code %d: %s", r.code, r.stderr)
	}
	var got []string
	for _, f := range decodeJSON(t, r.stdout).Files {
		rel, _ := filepath.Rel(dir, f.Path)
		got = append(got, filepath.ToSlash(rel))
	}
	// other/o.txt is reached twice (directly and through sub/link) but checked once.
	want := []string{"a.md", "b.txt", "other/o.txt", "sub/d.TXT"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("files = %v, want %v", got, want)
	}
	// -ext widens the search.
	r = runArgs(t, "", "-format", "json", "-ext", "go", dir)
	if files := decodeJSON(t, r.stdout).Files; len(files) != 1 || filepath.Base(files[0].Path) != "c.go" {
		t.Errorf("-ext go: %+v", files)
	}
}

func TestDirectoryLoop(t *testing.T) {
	useTestRules(t)
	dir := t.TempDir()
	writeFile(t, dir, "top/a.txt", glueText)
	if err := os.Symlink("..", filepath.Join(dir, "top", "up")); err != nil {
		t.Fatal(err)
	}
	r := runArgs(t, "", "-format", "json", filepath.Join(dir, "top"))
	if r.code != 2 || !strings.Contains(r.stderr, "directory loop") || !strings.Contains(r.stderr, filepath.Join("top", "up")) {
		t.Errorf("code %d, stderr %q", r.code, r.stderr)
	}
	out := decodeJSON(t, r.stdout)
	found := false
	for _, f := range out.Files {
		if filepath.Base(f.Path) == "a.txt" && len(f.Diagnostics) == 2 {
			found = true
		}
	}
	if !found {
		t.Errorf("a.txt not checked beside the loop: %s", r.stdout)
	}
}

func TestBadInputs(t *testing.T) {
	useTestRules(t)
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", glueText)
	bad := writeFile(t, dir, "latin1.txt", "caf\xe9 au lait\n")
	bin := writeFile(t, dir, "bin.txt", "ab\x00cd")
	dangling := filepath.Join(dir, "dangling.txt")
	if err := os.Symlink(filepath.Join(dir, "nowhere"), dangling); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.txt")
	r := runArgs(t, "", "-format", "json", bad, good, bin, dangling, missing)
	if r.code != 2 {
		t.Fatalf("code %d, want 2: %s", r.code, r.stderr)
	}
	for _, want := range []string{
		bad + ": invalid UTF-8 at byte offset 3",
		bin + ": binary data: NUL byte at offset 2",
		dangling + ": cannot read: no such file",
		missing + ": cannot read: no such file",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	out := decodeJSON(t, r.stdout)
	if len(out.Files) != 5 {
		t.Fatalf("want 5 files, got %+v", out.Files)
	}
	for _, f := range out.Files {
		if f.Path == good {
			if f.Error != "" || len(f.Diagnostics) != 2 {
				t.Errorf("good file not checked: %+v", f)
			}
		} else if f.Error == "" {
			t.Errorf("%s: no error in JSON", f.Path)
		}
	}
	// An unreadable file inside a walked directory is reported too.
	if os.Geteuid() != 0 {
		locked := writeFile(t, dir, "d/locked.txt", cleanText)
		os.Chmod(locked, 0)
		defer os.Chmod(locked, 0o644)
		r = runArgs(t, "", locked)
		if r.code != 2 || !strings.Contains(r.stderr, "permission denied") {
			t.Errorf("chmod 000: code %d, stderr %q", r.code, r.stderr)
		}
	}
}

func TestHugeSingleLine(t *testing.T) {
	useTestRules(t)
	const size = 4 << 20
	var b strings.Builder
	b.Grow(size + 64)
	b.WriteString("Ça commence ici.")
	for b.Len() < size {
		b.WriteString("word after word in one long line without end ")
	}
	b.WriteString("the end.Final words")
	text := b.String()
	p := writeFile(t, t.TempDir(), "huge.txt", text)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	r := runArgs(t, "", "-format", "json", p)
	runtime.ReadMemStats(&after)
	if r.code != 1 {
		t.Fatalf("code %d: %s", r.code, r.stderr)
	}
	out := decodeJSON(t, r.stdout)
	d := out.Files[0].Diagnostics
	if len(d) != 1 || d[0].Line != 1 || d[0].Start != len(text)-len("d.Final words") || d[0].Column != d[0].Start+1-1 {
		t.Errorf("diagnostic = %+v (len %d)", d, len(text))
	}
	// The file is read into one string; checking, positions and output must
	// not copy it per line or per finding.
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%d-byte single line: %d bytes allocated (%.2fx)", len(text), alloc, float64(alloc)/float64(len(text)))
	if alloc > 4*uint64(len(text)) {
		t.Errorf("allocated %d bytes for a %d-byte file (%.1fx)", alloc, len(text), float64(alloc)/float64(len(text)))
	}
}

// BenchmarkHugeSingleLine checks a 30 MB file that is one line, with the
// test rules (one finding), and writes JSON: the path the memory target
// is about.
func BenchmarkHugeSingleLine(b *testing.B) {
	useTestRules(b)
	const size = 30 << 20
	var sb strings.Builder
	sb.Grow(size + 64)
	for sb.Len() < size {
		sb.WriteString("Ça va. Word after word in one long line without end. ")
	}
	sb.WriteString("The end.Final words")
	p := writeFile(b, b.TempDir(), "huge.txt", sb.String())
	b.SetBytes(int64(sb.Len()))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var out, errb bytes.Buffer
		if code := run([]string{"-format", "json", p}, nil, &out, &errb); code != 1 {
			b.Fatalf("code %d: %s", code, errb.String())
		}
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

func TestSARIFListsEveryRule(t *testing.T) {
	useTestRules(t)
	p := writeFile(t, t.TempDir(), "a.txt", glueText)
	r := runArgs(t, "", "-format", "sarif", "-only", "t-glue", p)
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID string }
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, rl := range log.Runs[0].Tool.Driver.Rules {
		ids = append(ids, rl.ID)
	}
	if strings.Join(ids, ",") != "t-glue,t-boiler,t-info,t-optin" {
		t.Errorf("rules = %v", ids)
	}
	for _, res := range log.Runs[0].Results {
		if ids[res.RuleIndex] != res.RuleID {
			t.Errorf("ruleIndex %d for %s", res.RuleIndex, res.RuleID)
		}
	}
}
