package config

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/rules"
)

const fullConfig = `# a full configuration
min-confidence: 0.5
fail-level: error
include: ["**/*.md", "articles/**/*.txt"]
exclude: ["vendor/**", drafts]
rules:
  duplicate-line: {severity: error}
  quotes: off
  brackets: false
  boilerplate: info
  mt-fingerprint:
    min-confidence: 0.7
overrides:
  - files: ["press-releases/**"]
    rules: {boilerplate: off, house-utilize: {severity: error}}
  - files: ["press-releases/2024/**"]
    min-confidence: 0.9
    rules: {boilerplate: {enabled: true}}
phrases:
  - name: house-utilize
    message: 'Prefer "use" to "%s".'
    category: mistranslation
    severity: warning
    confidence: 0.9
    match: [utilize, utilise]
    regex: ['(?i)\butiliz(ed|ing)\b']
    replace: use
  - name: house-email
    match: e-mail
    replace: email
    safe: true
`

// writeTree writes files (path → content, "/"-separated) under a new
// temporary directory and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func loadFull(t *testing.T) (*File, string) {
	t.Helper()
	dir := writeTree(t, map[string]string{".mtcheck.yml": fullConfig})
	f, err := Load(filepath.Join(dir, ".mtcheck.yml"))
	if err != nil {
		t.Fatal(err)
	}
	return f, dir
}

func TestLoadFull(t *testing.T) {
	f, dir := loadFull(t)
	if f.MinConfidence != 0.5 || f.FailLevel != mtcheck.Error || f.Dir != dir {
		t.Errorf("got min-confidence %v, fail-level %v, dir %q", f.MinConfidence, f.FailLevel, f.Dir)
	}
	if !slices.Equal(f.Include, []string{"**/*.md", "articles/**/*.txt"}) || !slices.Equal(f.Exclude, []string{"vendor/**", "drafts"}) {
		t.Errorf("include %q exclude %q", f.Include, f.Exclude)
	}
	var names []string
	for _, r := range f.Rules() {
		names = append(names, r.Name)
	}
	if !slices.Equal(names, []string{"house-utilize", "house-email"}) {
		t.Errorf("phrase rules %q", names)
	}
	cfg, err := f.For(filepath.Join(dir, "a.md"))
	if err != nil {
		t.Fatal(err)
	}
	on, off := true, false
	seven := 0.7
	want := mtcheck.Config{MinConfidence: 0.5, Rules: map[string]mtcheck.RuleConfig{
		"duplicate-line": {Enabled: &on, Severity: mtcheck.Error},
		"quotes":         {Enabled: &off},
		"brackets":       {Enabled: &off},
		"boilerplate":    {Enabled: &on, Severity: mtcheck.Info},
		"mt-fingerprint": {Enabled: &on, MinConfidence: &seven},
		"house-utilize":  {Enabled: &on},
		"house-email":    {Enabled: &on},
	}}
	if d := cfgDiff(cfg, want); d != "" {
		t.Errorf("base config: %s", d)
	}
}

// cfgDiff describes how two configurations differ, or returns "".
func cfgDiff(got, want mtcheck.Config) string {
	var out []string
	if got.MinConfidence != want.MinConfidence {
		out = append(out, "min-confidence")
	}
	for _, name := range sortedKeys(mergeMaps(got.Rules, want.Rules)) {
		g, w := got.Rules[name], want.Rules[name]
		if ptrStr(g.Enabled) != ptrStr(w.Enabled) || g.Severity != w.Severity || ptrStr(g.MinConfidence) != ptrStr(w.MinConfidence) || len(g.Options) != len(w.Options) {
			out = append(out, name+": got "+rcStr(g)+" want "+rcStr(w))
		}
	}
	return strings.Join(out, "; ")
}

func mergeMaps(a, b map[string]mtcheck.RuleConfig) map[string]bool {
	m := map[string]bool{}
	for k := range a {
		m[k] = true
	}
	for k := range b {
		m[k] = true
	}
	return m
}

func ptrStr[T any](p *T) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprint(*p)
}

func rcStr(rc mtcheck.RuleConfig) string {
	return "{enabled " + ptrStr(rc.Enabled) + " severity " + rc.Severity.String() + " min-conf " + ptrStr(rc.MinConfidence) + "}"
}

func TestOverrides(t *testing.T) {
	f, dir := loadFull(t)
	on, off := true, false
	for _, c := range []struct {
		path    string
		minConf float64
		rules   map[string]mtcheck.RuleConfig
	}{
		{"press-releases/a.md", 0.5, map[string]mtcheck.RuleConfig{
			"boilerplate":   {Enabled: &off, Severity: mtcheck.Info},
			"house-utilize": {Enabled: &on, Severity: mtcheck.Error},
		}},
		{"press-releases/2024/q1/b.md", 0.9, map[string]mtcheck.RuleConfig{
			// Later overrides win, field by field.
			"boilerplate":   {Enabled: &on, Severity: mtcheck.Info},
			"house-utilize": {Enabled: &on, Severity: mtcheck.Error},
		}},
		{"press-releases-old/a.md", 0.5, nil},
		{"../outside/press-releases/a.md", 0.5, nil},
	} {
		cfg, err := f.For(filepath.Join(dir, filepath.FromSlash(c.path)))
		if err != nil {
			t.Fatal(err)
		}
		base, _ := f.For(filepath.Join(dir, "x.md"))
		want := base
		want.MinConfidence = c.minConf
		want.Rules = map[string]mtcheck.RuleConfig{}
		for k, v := range base.Rules {
			want.Rules[k] = v
		}
		for k, v := range c.rules {
			want.Rules[k] = v
		}
		if d := cfgDiff(cfg, want); d != "" {
			t.Errorf("%s: %s", c.path, d)
		}
	}
	// Merging never shares maps: changing one result leaves the file alone.
	cfg, _ := f.For(filepath.Join(dir, "press-releases/a.md"))
	cfg.Rules["boilerplate"] = mtcheck.RuleConfig{}
	again, _ := f.For(filepath.Join(dir, "press-releases/a.md"))
	if again.Rules["boilerplate"].Enabled == nil {
		t.Error("For returned a map shared with the file")
	}
}

func TestOptionsMergeKeyByKey(t *testing.T) {
	base := mtcheck.RuleConfig{Options: map[string]any{"a": 1, "b": 2}}
	over := mtcheck.RuleConfig{Options: map[string]any{"b": 3, "c": 4}}
	got := mergeRule(base, over)
	if len(got.Options) != 3 || got.Options["a"] != 1 || got.Options["b"] != 3 || got.Options["c"] != 4 {
		t.Errorf("merged options %v", got.Options)
	}
	if base.Options["b"] != 2 {
		t.Error("merge changed its input")
	}
}

func TestCheckerPerConfigAndPhrases(t *testing.T) {
	f, dir := loadFull(t)
	a, err := f.Checker(filepath.Join(dir, "a.md"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := f.Checker(filepath.Join(dir, "sub/b.md"))
	p, _ := f.Checker(filepath.Join(dir, "press-releases/c.md"))
	if a != b {
		t.Error("files with the same effective configuration got different checkers")
	}
	if a == p {
		t.Error("an overridden file got the base checker")
	}
	var names []string
	for _, r := range a.Rules() {
		names = append(names, r.Name)
	}
	for _, want := range []string{"house-utilize", "house-email", "duplicate-line", "boilerplate"} {
		if !slices.Contains(names, want) {
			t.Errorf("checker lacks %s: %q", want, names)
		}
	}
	for _, gone := range []string{"quotes", "brackets"} {
		if slices.Contains(names, gone) {
			t.Errorf("checker runs %s, which the file turns off", gone)
		}
	}
	text := "We utilize the hall. Staff utilized it. Send an E-mail today.\n"
	rep, err := a.Check(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range rep.Diagnostics {
		got = append(got, d.Rule+" "+text[d.Start:d.End]+" "+d.Severity.String())
	}
	want := []string{"house-utilize utilize warning", "house-utilize utilized warning", "house-email E-mail warning"}
	if !slices.Equal(got, want) {
		t.Errorf("base: got %q, want %q", got, want)
	}
	rep, _ = p.Check(context.Background(), text)
	if len(rep.Diagnostics) == 0 || rep.Diagnostics[0].Severity != mtcheck.Error {
		t.Errorf("override: house-utilize not raised to error: %+v", rep.Diagnostics)
	}
	// Concurrent use shares the cache.
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if c, err := f.Checker(filepath.Join(dir, "z.md")); err != nil || c != a {
				t.Error("concurrent Checker did not return the cached checker")
			}
		}()
	}
	wg.Wait()
}

func TestNilFile(t *testing.T) {
	var f *File
	if !f.Includes("anything.bin") || f.SkipDir("vendor") || f.Rules() != nil {
		t.Error("nil file is not the defaults")
	}
	cfg, err := f.For("a.md")
	if err != nil || cfg.Rules != nil || cfg.MinConfidence != 0 {
		t.Errorf("nil For: %+v %v", cfg, err)
	}
	c, err := f.Checker("a.md")
	if err != nil || len(c.Rules()) != len(rules.Default()) {
		t.Errorf("nil Checker: %v", err)
	}
}

func TestEmptyFiles(t *testing.T) {
	for _, data := range []string{"", "# nothing\n", "---\n", "~\n", "rules:\noverrides:\nphrases:\ninclude:\n"} {
		f, err := Parse(".mtcheck.yml", []byte(data))
		if err != nil {
			t.Errorf("%q: %v", data, err)
			continue
		}
		if !f.Includes("a.md") {
			t.Errorf("%q: a.md not included", data)
		}
	}
}

func TestStarterLoads(t *testing.T) {
	f, err := Parse(".mtcheck.yml", []byte(Starter))
	if err != nil {
		t.Fatalf("starter: %v", err)
	}
	if f.MinConfidence != 0.5 || f.FailLevel != mtcheck.Warning || !f.Includes("docs/a.md") || f.Includes("vendor/x/a.md") || f.Includes("a.go") {
		t.Errorf("starter settings: %+v", f)
	}
	// Its commented examples (indented "# " lines) are valid too.
	examples := strings.ReplaceAll(Starter, "\n  # ", "\n  ")
	if examples == Starter {
		t.Fatal("no examples found")
	}
	g, err := Parse(".mtcheck.yml", []byte(examples))
	if err != nil {
		t.Fatalf("starter examples: %v\n%s", err, examples)
	}
	if len(g.Rules()) != 2 || len(g.overrides) != 1 {
		t.Errorf("starter examples: %d phrase rules, %d overrides", len(g.Rules()), len(g.overrides))
	}
	c, err := g.Checker("x.md")
	if err != nil {
		t.Fatal(err)
	}
	text := "Volunteers utilized the hall.\n"
	rep, _ := c.Check(context.Background(), text)
	if len(rep.Diagnostics) != 1 || rep.Diagnostics[0].Fixes[0].Edits[0].NewText != "used" {
		t.Errorf("starter example rule: %+v", rep.Diagnostics)
	}
}

func TestErrors(t *testing.T) {
	for _, c := range []struct{ name, data, want string }{
		{"syntax", "rules:\n  quotes: off\n bad: [1\n", "cfg.yml:3:"},
		{"syntax-mapping", "a: b: c\n", "cfg.yml:1:4: YAML: mapping value is not allowed in this context"},
		{"duplicate-key", "min-confidence: 0.1\nmin-confidence: 0.2\n", "cfg.yml:2:1: YAML: mapping key \"min-confidence\" already defined at [1:1]"},
		{"not-mapping", "- a\n- b\n", "cfg.yml:1:1: configuration: want a mapping (key: value lines), got a list"},
		{"unknown-key", "min-confidence: 0.5\nfail-levels: error\n", "cfg.yml:2:1: configuration: unknown key \"fail-levels\" (did you mean \"fail-level\"?)"},
		{"confidence-range", "min-confidence: 1.5\n", "cfg.yml:1:17: min-confidence: must be between 0 and 1, got 1.5"},
		{"confidence-type", "min-confidence: high\n", "cfg.yml:1:17: min-confidence: want a number between 0 and 1, got the text \"high\""},
		{"fail-level", "fail-level: fatal\n", "cfg.yml:1:13: fail-level: unknown severity \"fatal\""},
		{"include-type", "include: {a: b}\n", "cfg.yml:1:10: include: want a list of texts, got a mapping"},
		{"include-item-type", "include:\n  - \"*.md\"\n  - 42\n", "cfg.yml:3:5: include item 2: want text, got the number 42 (quote it: \"42\")"},
		{"bad-glob", "exclude: [\"vendor/**\", \"dr[afts/**\"]\n", "cfg.yml:1:24: exclude: pattern \"dr[afts/**\": bad segment \"dr[afts\": syntax error in pattern"},
		{"glob-dotdot", "include: [\"../x/*.md\"]\n", "cfg.yml:1:11: include: pattern \"../x/*.md\": .. is not allowed"},
		{"glob-absolute", "include: [/etc/*.md]\n", "cfg.yml:1:11: include: pattern \"/etc/*.md\": patterns are relative"},
		{"glob-starstar", "include: [\"a/**b/c\"]\n", "cfg.yml:1:11: include: pattern \"a/**b/c\": ** must be a whole path segment"},
		{"unknown-rule", "rules:\n  quotes: off\n  duplicate-lines: error\n", "cfg.yml:3:3: unknown rule \"duplicate-lines\" (did you mean \"duplicate-line\"?)"},
		{"bad-rule-scalar", "rules:\n  quotes: loud\n", "cfg.yml:2:11: rule quotes: want off, on, info, warning, error or a mapping, got \"loud\""},
		{"bad-rule-type", "rules:\n  quotes: 3\n", "cfg.yml:2:11: rule quotes: want off, on, info, warning, error or a mapping, got the number 3"},
		{"bad-severity", "rules:\n  quotes: {severity: fatal}\n", "cfg.yml:2:22: rule quotes: severity: unknown severity \"fatal\""},
		{"unknown-rule-key", "rules:\n  quotes:\n    severity: error\n    level: 2\n", "cfg.yml:4:5: rule quotes: unknown key \"level\""},
		{"rule-enabled-type", "rules:\n  quotes: {enabled: yes}\n", "cfg.yml:2:21: rule quotes: enabled: want true or false, got the text \"yes\""},
		{"rule-confidence", "rules:\n  quotes:\n    min-confidence: -0.1\n", "cfg.yml:3:21: rule quotes: min-confidence: must be between 0 and 1, got -0.1"},
		{"unknown-option", "rules:\n  quotes:\n    options: {strict: true}\n", "cfg.yml:3:15: rule quotes: unknown option \"strict\" (the rule takes no options)"},
		{"override-no-files", "overrides:\n  - rules: {quotes: off}\n", "cfg.yml:2:5: overrides item 1: needs files"},
		{"override-unknown-rule", "overrides:\n  - files: [a/**]\n    rules:\n      qoutes: off\n", "cfg.yml:4:7: unknown rule \"qoutes\" (did you mean \"quotes\"?)"},
		{"override-type", "overrides: {files: a}\n", "cfg.yml:1:12: overrides: want a list"},
		{"override-bad-glob", "overrides:\n  - files: [\"[\"]\n    rules: {quotes: off}\n", "cfg.yml:2:13: overrides item 1: files: pattern \"[\": bad segment"},
		{"phrase-no-name", "phrases:\n  - match: [x]\n", "cfg.yml:2:5: phrases item 1: needs a name"},
		{"phrase-bad-name", "phrases:\n  - name: House Rule\n    match: [x]\n", "cfg.yml:2:11: phrases item 1 (House Rule): name: invalid rule name \"House Rule\""},
		{"phrase-builtin-name", "phrases:\n  - name: quotes\n    match: [x]\n", "cfg.yml:2:11: phrases item 1: name \"quotes\" is a built-in rule"},
		{"phrase-dup-name", "phrases:\n  - name: a\n    match: [x]\n  - name: a\n    match: [y]\n", "cfg.yml:4:11: phrases item 2: name \"a\" is already used by the phrase rule at line 2"},
		{"phrase-bad-regex", "phrases:\n  - name: a\n    regex:\n      - 'ok'\n      - '(unclosed'\n", "cfg.yml:5:9: phrases item 1 (a): regex item 2: error parsing regexp: missing closing ): `(unclosed`"},
		{"phrase-empty-regex", "phrases:\n  - name: a\n    regex: ['x*']\n", "cfg.yml:3:13: phrases item 1 (a): regex item 1: \"x*\" matches the empty text"},
		{"phrase-bad-match", "phrases:\n  - name: a\n    match: [ok, '--x']\n", "cfg.yml:3:17: phrases item 1 (a): match item 2: phrase \"--x\" must start with a letter or digit"},
		{"phrase-nothing", "phrases:\n  - name: a\n    message: hi\n", "cfg.yml:2:5: phrases item 1 (a): match: a phrase rule needs at least one phrase"},
		{"phrase-category", "phrases:\n  - name: a\n    match: [x]\n    category: style\n", "cfg.yml:4:15: phrases item 1: category: unknown category \"style\""},
		{"phrase-severity", "phrases:\n  - name: a\n    match: [x]\n    severity: critical\n", "cfg.yml:4:15: phrases item 1: severity: unknown severity \"critical\""},
		{"phrase-confidence", "phrases:\n  - name: a\n    match: [x]\n    confidence: 0\n", "cfg.yml:4:17: phrases item 1: confidence: must be above 0 and at most 1, got 0"},
		{"phrase-unknown-key", "phrases:\n  - name: a\n    match: [x]\n    swap: y\n", "cfg.yml:4:5: phrases item 1: unknown key \"swap\" (known keys:"},
		{"phrase-safe-type", "phrases:\n  - name: a\n    match: [x]\n    safe: maybe\n", "cfg.yml:4:11: phrases item 1: safe: want true or false, got the text \"maybe\""},
		{"phrases-type", "phrases: house\n", "cfg.yml:1:10: phrases: want a list of phrase rules, got the text \"house\""},
		{"alias", "include: &x [a]\nexclude: *x\n", "cfg.yml:2:10: YAML aliases are not supported here"},
		{"two-docs", "min-confidence: 0.1\n---\nmin-confidence: 0.2\n", "cfg.yml:3:1: the file holds more than one YAML document"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("cfg.yml", []byte(c.data))
			if err == nil {
				t.Fatalf("no error, want %q", c.want)
			}
			var ce *Error
			if !errors.As(err, &ce) {
				t.Errorf("error %T is not a *config.Error: %v", err, err)
			}
			if !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("got  %q\nwant %q...", err.Error(), c.want)
			}
		})
	}
}

// withTestRules adds to the built-in rules an opt-in rule with options
// whose Prepare rejects mode "bad", for the length of the test.
func withTestRules(t *testing.T) {
	t.Helper()
	opt := &mtcheck.Rule{
		Name:     "test-options",
		Category: mtcheck.Mistranslation,
		Options: []mtcheck.OptionSpec{
			{Name: "lists", Default: []string(nil)},
			{Name: "threshold", Default: 0.5},
			{Name: "mode", Default: "plain"},
			{Name: "files", Default: []string{}, Path: true},
		},
		Prepare: func(o mtcheck.Options) (any, error) {
			if o.String("mode") == "bad" {
				return nil, errors.New("mode bad is not supported")
			}
			for _, p := range o.Strings("files") {
				if _, err := os.ReadFile(p); err != nil {
					return nil, fmt.Errorf("option files: %w", err)
				}
			}
			return nil, nil
		},
		Run: func(*mtcheck.Pass) error { return nil },
	}
	old := builtinRules
	builtinRules = func() (defaults, all []*mtcheck.Rule) {
		d, a := old()
		return d, append(a[:len(a):len(a)], opt)
	}
	t.Cleanup(func() { builtinRules = old })
}

func TestOptions(t *testing.T) {
	withTestRules(t)
	for _, c := range []struct{ name, data, want string }{
		{"type", "rules:\n  test-options:\n    options:\n      mode: x\n      lists: 5\n", "cfg.yml:5:14: rule test-options: option lists: want a list of strings, got"},
		{"item-type", "rules:\n  test-options:\n    options: {lists: [a, [b]]}\n", "cfg.yml:3:22: rule test-options: option lists: item 2: want a string"},
		{"number", "rules:\n  test-options:\n    options: {threshold: high}\n", "cfg.yml:3:26: rule test-options: option threshold: want a number"},
		{"unknown", "rules:\n  test-options:\n    options: {treshold: 1}\n", "cfg.yml:3:15: rule test-options: unknown option \"treshold\" (did you mean \"threshold\"?) (known options: lists, threshold, mode, files)"},
		{"prepare", "rules:\n  test-options:\n    options:\n      mode: bad\n", "cfg.yml:4:13: rule test-options: mode bad is not supported"},
		{"override", "overrides:\n  - files: [a]\n    rules:\n      test-options: {options: {mode: bad}}\n", "cfg.yml:4:38: rule test-options: mode bad is not supported"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("cfg.yml", []byte(c.data))
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("got  %v\nwant %s...", err, c.want)
			}
		})
	}
	f, err := Parse("/p/.mtcheck.yml", []byte("rules:\n  test-options:\n    options: {lists: [a.txt], threshold: 1}\noverrides:\n  - files: [x]\n    rules:\n      test-options: {options: {mode: loud}}\n"))
	if err != nil {
		t.Fatal(err)
	}
	cfg, _ := f.For("/p/x/y.md")
	rc := cfg.Rules["test-options"]
	if rc.Enabled == nil || !*rc.Enabled || fmt.Sprint(rc.Options) != "map[lists:[a.txt] mode:loud threshold:1]" {
		t.Errorf("merged setting %+v", rc)
	}
	c, err := f.Checker("/p/x/y.md")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(c.Rules(), func(r *mtcheck.Rule) bool { return r.Name == "test-options" }) {
		t.Error("configuring an opt-in rule by a mapping did not turn it on")
	}
}

func TestFind(t *testing.T) {
	dir := writeTree(t, map[string]string{
		".mtcheck.yml":             "min-confidence: 0.1\n",
		"a/b/c/doc.md":             "text",
		"a/.mtcheck.yaml":          "min-confidence: 0.2\n",
		"a/b/.mtcheck.yml/keep":    "a directory named like the file is not one",
		"both/.mtcheck.yml":        "",
		"both/.mtcheck.yaml":       "",
		"both/x/doc.md":            "",
		"plain/doc.md":             "",
		"a/b/c/.mtcheck.ymlx/file": "",
	})
	for _, c := range []struct{ start, want string }{
		{"a/b/c", "a/.mtcheck.yaml"},
		{"a/b/c/doc.md", "a/.mtcheck.yaml"}, // a file: its directory
		{"a", "a/.mtcheck.yaml"},
		{"plain", ".mtcheck.yml"},
		{".", ".mtcheck.yml"},
	} {
		got, err := Find(filepath.Join(dir, c.start))
		if err != nil {
			t.Errorf("%s: %v", c.start, err)
			continue
		}
		if want := filepath.Join(dir, filepath.FromSlash(c.want)); got != want {
			t.Errorf("%s: found %s, want %s", c.start, got, want)
		}
	}
	if _, err := Find(filepath.Join(dir, "both/x")); err == nil || !strings.Contains(err.Error(), "keep one") {
		t.Errorf("both names: got %v", err)
	}
	// ForFile loads the nearest file.
	f, err := ForFile(filepath.Join(dir, "a/b/c/doc.md"))
	if err != nil || f == nil || f.MinConfidence != 0.2 {
		t.Errorf("ForFile: %+v %v", f, err)
	}
}

func TestFindNotFound(t *testing.T) {
	dir := writeTree(t, map[string]string{"x/doc.md": ""})
	// Only meaningful when no ancestor of the temporary directory holds a
	// project file.
	for d := dir; ; d = filepath.Dir(d) {
		for _, n := range FileNames {
			if _, err := os.Stat(filepath.Join(d, n)); err == nil {
				t.Skipf("%s holds %s", d, n)
			}
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	_, err := Find(filepath.Join(dir, "x"))
	if !errors.Is(err, ErrNotFound) || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("got %v, want ErrNotFound", err)
	}
	f, err := ForFile(filepath.Join(dir, "x/doc.md"))
	if f != nil || err != nil {
		t.Errorf("ForFile without a file: %v %v", f, err)
	}
}

func TestIncludes(t *testing.T) {
	f, err := Parse("/proj/.mtcheck.yml", []byte(`
include: ["**/*.md", "articles/**/*.txt", "./top.txt"]
exclude: ["vendor/**", drafts, "**/_*.md"]
`))
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{
		"/proj/README.md":                 true,
		"/proj/docs/a/b/guide.md":         true,
		"/proj/articles/x.txt":            true,
		"/proj/articles/2024/05/x.txt":    true,
		"/proj/top.txt":                   true,
		"/proj/docs/top.txt":              false,
		"/proj/notes.txt":                 false,
		"/proj/vendor/lib/README.md":      false,
		"/proj/drafts/a.md":               false,
		"/proj/drafts/deep/er/a.md":       false,
		"/proj/docs/drafts/a.md":          true, // drafts only at the top
		"/proj/docs/_partial.md":          false,
		"/proj/a.md/inner.go":             true, // the directory a.md matches **/*.md
		"/elsewhere/README.md":            false,
		"/proj/../proj/docs/x.md":         true,
		"/proj/articles/x.txt.bak":        false,
		"/proj/vendor-notes/readme.md":    true,
		"/proj/articles/sub/dir/file.txt": true,
	} {
		if got := f.Includes(path); got != want {
			t.Errorf("Includes(%s) = %v, want %v", path, got, want)
		}
	}
	for dir, want := range map[string]bool{"/proj/vendor": true, "/proj/drafts": true, "/proj/docs": false, "/proj": false, "/elsewhere": false} {
		if got := f.SkipDir(dir); got != want {
			t.Errorf("SkipDir(%s) = %v, want %v", dir, got, want)
		}
	}
	// Without include, everything not excluded, inside or outside.
	g, _ := Parse("/proj/.mtcheck.yml", []byte("exclude: [vendor]\n"))
	if !g.Includes("/proj/x.go") || !g.Includes("/other/x") || g.Includes("/proj/vendor/x") {
		t.Error("empty include is not everything")
	}
}

func TestGlobMatch(t *testing.T) {
	for _, c := range []struct {
		pat, path string
		want      bool
	}{
		{"**", "a/b/c", true},
		{"**/*.md", "x.md", true},
		{"**/*.md", "a/b/x.md", true},
		{"a/**/b", "a/b", true},
		{"a/**/b", "a/x/y/b", true},
		{"a/**/b", "a/x/y/c", false},
		{"a/**/**/b", "a/b", true},
		{"*.md", "a/x.md", false},
		{"a/*", "a/x/y", true}, // a/x matches: y is below it
		{"a/?.md", "a/x.md", true},
		{"a/[xy].md", "a/z.md", false},
		{"./a", "a/z.md", true},
		{"a/", "a/z.md", true},
	} {
		g, err := compileGlob(c.pat)
		if err != nil {
			t.Errorf("%s: %v", c.pat, err)
			continue
		}
		if got := g.match(strings.Split(c.path, "/")); got != c.want {
			t.Errorf("%q matches %q: %v, want %v", c.pat, c.path, got, c.want)
		}
	}
	for _, bad := range []string{"", " ", "/a", "a/../b", "a\\b", "a**", "[", ".", "./"} {
		if _, err := compileGlob(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestPhraseRulesOffAndDriverBuiltChecker(t *testing.T) {
	f, err := Parse("/p/.mtcheck.yml", []byte(`
rules: {house-a: off}
overrides:
  - files: [on/**]
    rules: {house-a: on}
phrases:
  - {name: house-a, match: [alpha]}
  - {name: house-b, match: [beta]}
`))
	if err != nil {
		t.Fatal(err)
	}
	runs := func(path string) []string {
		c, err := f.Checker(path)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range c.Rules() {
			if strings.HasPrefix(r.Name, "house-") {
				out = append(out, r.Name)
			}
		}
		return out
	}
	if got := runs("/p/x.md"); !slices.Equal(got, []string{"house-b"}) {
		t.Errorf("base: phrase rules %q, want house-b only", got)
	}
	if got := runs("/p/on/x.md"); !slices.Equal(got, []string{"house-a", "house-b"}) {
		t.Errorf("override: phrase rules %q, want both", got)
	}
	// A driver building its own checker: with the phrase rules in the
	// registry it works; without them mtcheck.New refuses.
	cfg, _ := f.For("/p/x.md")
	if _, err := mtcheck.New(rules.Default(), mtcheck.WithRegistry(append(rules.All(), f.Rules()...)), mtcheck.WithConfig(cfg)); err != nil {
		t.Errorf("driver-built checker: %v", err)
	}
	if _, err := mtcheck.New(rules.Default(), mtcheck.WithRegistry(rules.All()), mtcheck.WithConfig(cfg)); err == nil {
		t.Error("a checker without the phrase rules was built silently")
	}
}

func TestPathOptionsRelativeToConfig(t *testing.T) {
	withTestRules(t)
	dir := writeTree(t, map[string]string{
		"proj/.mtcheck.yml":     "rules:\n  test-options:\n    options: {files: [lists/house.txt]}\n",
		"proj/lists/house.txt":  "entry\n",
		"proj/bad/.mtcheck.yml": "rules:\n  test-options:\n    options:\n      files: [lists/missing.txt]\n",
	})
	// The working directory is not the project's.
	f, err := Load(filepath.Join(dir, "proj/.mtcheck.yml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg, _ := f.For(filepath.Join(dir, "proj/a.md"))
	got := fmt.Sprint(cfg.Rules["test-options"].Options["files"])
	if want := fmt.Sprint([]any{filepath.Join(dir, "proj/lists/house.txt")}); got != want {
		t.Errorf("files option %s, want %s", got, want)
	}
	_, err = Load(filepath.Join(dir, "proj/bad/.mtcheck.yml"))
	want := filepath.Join(dir, "proj/bad/.mtcheck.yml") + ":4:14: rule test-options: option files: open " + filepath.Join(dir, "proj/bad/lists/missing.txt")
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("got  %v\nwant %s...", err, want)
	}
}

// TestTorturedPhraseLists uses the real path option of tortured-phrase,
// when that rule is built in.
func TestTorturedPhraseLists(t *testing.T) {
	if rules.ByName("tortured-phrase") == nil {
		t.Skip("no tortured-phrase rule")
	}
	dir := writeTree(t, map[string]string{
		".mtcheck.yml":     "rules:\n  tortured-phrase: {options: {lists: [terms/house.txt]}}\n",
		"terms/house.txt":  "crimson fluid → blood\n",
		"bad/.mtcheck.yml": "rules:\n  tortured-phrase:\n    options:\n      lists: [nowhere.txt]\n",
	})
	f, err := Load(filepath.Join(dir, ".mtcheck.yml"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := f.Checker(filepath.Join(dir, "a.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := "The crimson fluid tests came back clean.\n"
	rep, err := c.Check(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range rep.Diagnostics {
		found = found || (d.Rule == "tortured-phrase" && text[d.Start:d.End] == "crimson fluid")
	}
	if !found {
		t.Errorf("the house list entry was not used: %+v", rep.Diagnostics)
	}
	_, err = Load(filepath.Join(dir, "bad/.mtcheck.yml"))
	if err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, "bad/.mtcheck.yml")+":4:14: ") {
		t.Errorf("missing list: %v", err)
	}
}

// BenchmarkLoad parses and validates the full example configuration.
func BenchmarkLoad(b *testing.B) {
	data := []byte(fullConfig)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("/p/.mtcheck.yml", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkChecker measures the per-file cost of finding a file's cached
// checker (effective configuration and cache look-up).
func BenchmarkChecker(b *testing.B) {
	f, err := Parse("/p/.mtcheck.yml", []byte(fullConfig))
	if err != nil {
		b.Fatal(err)
	}
	paths := []string{"/p/a.md", "/p/press-releases/x.md", "/p/press-releases/2024/y.md", "/p/docs/deep/z.md"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := f.Checker(paths[i%len(paths)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
