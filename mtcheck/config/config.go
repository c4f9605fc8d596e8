// Package config reads mtcheck's project file, .mtcheck.yml, and turns it
// into the [mtcheck.Config] and [mtcheck.Checker] for each checked file. The
// linter, the language server and the HTTP server all use it, so a project
// is checked the same way everywhere.
//
// # Finding the file
//
// [Find] walks up from a checked file's directory to the filesystem root and
// stops at the first directory holding .mtcheck.yml or .mtcheck.yaml (both
// in one directory is an error). [Load] reads it. Glob patterns in the file
// are relative to the file's own directory.
//
// # Schema
//
// Every key is optional; an empty file means the defaults.
//
//	min-confidence: 0.5     # drop findings less sure than this (0..1; default 0)
//	fail-level: warning     # the linter fails on findings this bad or worse:
//	                        # info, warning or error (unset: the linter's default)
//	include: ["**/*.md", "articles/**/*.txt"]   # files to check when walking
//	                                            # directories (all if empty)
//	exclude: ["vendor/**", "drafts"]            # files and directories to skip
//	rules:                  # per-rule settings, by rule name
//	  missing-space: error            # on, with this severity
//	  sentence-fragment: off          # off or false turns a rule off;
//	                                  # on or true turns an opt-in rule on
//	  tortured-phrase:                # a mapping turns the rule on and may set:
//	    enabled: true                 #   on or off explicitly
//	    severity: warning             #   info, warning or error
//	    min-confidence: 0.7           #   this rule's own threshold
//	    options: {lists: [house-terms.txt]}   # the rule's options
//	overrides:              # settings for some files; later entries win
//	  - files: ["press-releases/**"]  # required: globs, as for include
//	    min-confidence: 0.8           # optional
//	    rules: {boilerplate: off}     # as the top-level rules
//	phrases:                # house rules without Go code
//	  - name: house-utilize           # required: a new rule name
//	    message: 'Prefer "use" to "%s".'  # %s is the matched text
//	    category: mistranslation      # one of mtcheck's categories (default)
//	    severity: warning             # default warning
//	    confidence: 0.9               # (0, 1], default 1
//	    match: [utilize, utilise]     # whole words, case-insensitive
//	    regex: ['(?i)\butili[sz]e\b']  # Go regular expressions, as written
//	    replace: use                  # optional: offers a fix; for regex
//	                                  # matches $1, ${name} expand groups
//	    safe: false                   # true lets -fix apply it unasked
//	    doc: House style prefers plain words.   # optional description
//
// Globs are slash-separated paths relative to the configuration file's
// directory. Each segment is matched with [path.Match] ("*" does not cross
// "/"); a "**" segment matches any number of directories, none included. A
// pattern also covers everything below a directory it matches, so "drafts"
// and "drafts/**" mean the same. "*.md" matches only at the top; write
// "**/*.md" for every depth. A file is included when include is empty or
// some include pattern matches it, and no exclude pattern does. Include and
// exclude are for drivers that walk directories: files named explicitly
// should be checked whatever the patterns say (drivers decide).
//
// Options that name files (tortured-phrase's lists, say: see
// [mtcheck.OptionSpec].Path) are relative to the configuration file's
// directory, like globs.
//
// Configuring a rule by a mapping turns it on, opt-in rules included, unless
// the mapping says enabled: false. Overrides merge into the base setting of
// each rule field by field (options key by key), in file order.
//
// Phrase rules ([rules.NewPhraseRule]) run by default like built-in rules
// (the effective configuration enables them); rules and overrides may turn
// them off or change their severity by name.
//
// # Errors
//
// A bad file — a YAML syntax error, an unknown key or rule or option, a
// value of the wrong type, a bad severity, category, regular expression or
// glob, a confidence outside 0..1 — fails [Load] with an [*Error] whose text
// is "file:line:col: reason". Rule names and options are validated by
// building a checker for each setting, so every error the core reports is
// placed at the setting that caused it.
//
// # Using it
//
// [File.Checker] returns the checker for a file (built-in default rules, and
// every built-in rule and the phrase rules known for enabling), cached per
// distinct effective configuration; [File.For] returns just the effective
// configuration. Every method works on a nil *File, which stands for "no
// configuration file": the defaults, every file included.
package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/goccy/go-yaml/ast"
	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/rules"
)

// FileNames are the names a project file may have; one directory may hold
// only one of them.
var FileNames = []string{".mtcheck.yml", ".mtcheck.yaml"}

// ErrNotFound is returned by [Find] when no directory up to the root holds
// a project file. It matches fs.ErrNotExist with errors.Is.
var ErrNotFound = fmt.Errorf("no %s or %s found: %w", FileNames[0], FileNames[1], fs.ErrNotExist)

// File is a loaded project file. It is safe for concurrent use.
type File struct {
	// Path is the file's path as given to Load or Parse.
	Path string
	// Dir is the absolute directory globs are relative to.
	Dir string
	// MinConfidence is the top-level min-confidence (0 when unset).
	MinConfidence float64
	// FailLevel is the severity at or above which the linter fails; zero
	// when the file does not set it.
	FailLevel mtcheck.Severity
	// Include and Exclude are the patterns as written.
	Include, Exclude []string

	include, exclude []glob
	base             map[string]mtcheck.RuleConfig
	overrides        []override
	phrases          []*mtcheck.Rule

	cache checkerCache
}

type override struct {
	node          ast.Node
	files         []glob
	minConfidence *float64
	rules         map[string]mtcheck.RuleConfig
}

// Find returns the path of the project file that governs files in start (a
// directory, or a file whose directory is meant): the first .mtcheck.yml or
// .mtcheck.yaml found walking up to the filesystem root. It returns
// [ErrNotFound] when there is none, and an error when one directory holds
// both names.
func Find(start string) (string, error) {
	dir, err := filepath.Abs(start)
	if err != nil {
		return "", err
	}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		dir = filepath.Dir(dir)
	}
	for {
		var found []string
		for _, name := range FileNames {
			p := filepath.Join(dir, name)
			// A name that cannot be seen (absent, or in a directory we
			// may not search) does not govern anything.
			if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
				found = append(found, p)
			}
		}
		switch len(found) {
		case 1:
			return found[0], nil
		case 2:
			return "", fmt.Errorf("both %s and %s exist; keep one", found[0], found[1])
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", ErrNotFound
		}
		dir = parent
	}
}

// ForFile finds and loads the project file governing the file at path. It
// returns a nil *File, which means the defaults, when there is none.
func ForFile(path string) (*File, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	cfg, err := Find(filepath.Dir(abs))
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return Load(cfg)
}

// Load reads and validates the project file at path.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse validates data as the project file at path (which need not exist:
// an editor's unsaved buffer). Globs are relative to path's directory.
func Parse(path string, data []byte) (*File, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	p := &parse{name: path}
	f := &File{Path: path, Dir: filepath.Dir(abs), base: map[string]mtcheck.RuleConfig{}}
	if err := p.file(f, data); err != nil {
		return nil, err
	}
	return f, nil
}

// parse holds the state of one parse: the file name for errors and the
// rule settings to validate once the phrase rules are known.
type parse struct {
	name     string
	settings []ruleSetting
}

// ruleSetting is one rule's setting as written, kept for validation.
type ruleSetting struct {
	name    string
	keyN    ast.Node
	rc      mtcheck.RuleConfig
	options []entry
}

var topKeys = []string{"min-confidence", "fail-level", "include", "exclude", "rules", "overrides", "phrases"}

func (p *parse) file(f *File, data []byte) error {
	body, err := p.yamlDoc(data)
	if err != nil {
		return err
	}
	if body == nil {
		return nil
	}
	if _, ok := body.(*ast.NullNode); ok {
		return nil
	}
	top, err := p.mapping(body, "configuration", topKeys)
	if err != nil {
		return err
	}
	var rulesN, overridesN ast.Node
	for _, e := range top {
		switch e.key {
		case "min-confidence":
			if f.MinConfidence, err = p.confidence(e.value, e.key, false); err != nil {
				return err
			}
		case "fail-level":
			s, err := p.str(e.value, e.key)
			if err != nil {
				return err
			}
			if f.FailLevel, err = mtcheck.ParseSeverity(s); err != nil {
				return p.wrap(e.value, fmt.Errorf("fail-level: %w", err))
			}
		case "include", "exclude":
			pats, globs, err := p.globs(e.value, e.key)
			if err != nil {
				return err
			}
			if e.key == "include" {
				f.Include, f.include = pats, globs
			} else {
				f.Exclude, f.exclude = pats, globs
			}
		case "rules":
			rulesN = e.value
		case "overrides":
			overridesN = e.value
		case "phrases":
			if f.phrases, err = p.phrases(e.value); err != nil {
				return err
			}
		}
	}
	// Rule settings come after the phrases, which they may name.
	if rulesN != nil {
		if f.base, err = p.rules(rulesN, "rules"); err != nil {
			return err
		}
	}
	if overridesN != nil {
		if f.overrides, err = p.overrides(overridesN); err != nil {
			return err
		}
	}
	return p.validate(f)
}

func (p *parse) globs(n ast.Node, what string) ([]string, []glob, error) {
	pats, nodes, err := p.strList(n, what)
	if err != nil {
		return nil, nil, err
	}
	globs := make([]glob, len(pats))
	for i, s := range pats {
		if globs[i], err = compileGlob(s); err != nil {
			return nil, nil, p.wrap(nodes[i], fmt.Errorf("%s: %w", what, err))
		}
	}
	return pats, globs, nil
}

var ruleKeys = []string{"enabled", "severity", "min-confidence", "options"}

// rules reads a rules mapping: name → off|on|severity|mapping.
func (p *parse) rules(n ast.Node, what string) (map[string]mtcheck.RuleConfig, error) {
	if _, ok := n.(*ast.NullNode); ok {
		return map[string]mtcheck.RuleConfig{}, nil
	}
	entries, err := p.mapping(n, what, nil)
	if err != nil {
		return nil, err
	}
	out := make(map[string]mtcheck.RuleConfig, len(entries))
	for _, e := range entries {
		rs := ruleSetting{name: e.key, keyN: e.keyN}
		on := true
		switch v := e.value.(type) {
		case *ast.BoolNode:
			on = v.Value
			rs.rc.Enabled = &on
		case *ast.StringNode:
			switch strings.ToLower(v.Value) {
			case "off":
				on = false
				rs.rc.Enabled = &on
			case "on":
				rs.rc.Enabled = &on
			default:
				sev, err := mtcheck.ParseSeverity(v.Value)
				if err != nil {
					return nil, p.errf(v, "rule %s: want off, on, info, warning, error or a mapping, got %q", e.key, v.Value)
				}
				rs.rc.Enabled, rs.rc.Severity = &on, sev
			}
		case *ast.MappingNode, *ast.MappingValueNode:
			fields, err := p.mapping(v, "rule "+e.key, ruleKeys)
			if err != nil {
				return nil, err
			}
			rs.rc.Enabled = &on
			for _, fe := range fields {
				what := "rule " + e.key + ": " + fe.key
				switch fe.key {
				case "enabled":
					b, err := p.boolean(fe.value, what)
					if err != nil {
						return nil, err
					}
					rs.rc.Enabled = &b
				case "severity":
					s, err := p.str(fe.value, what)
					if err != nil {
						return nil, err
					}
					if rs.rc.Severity, err = mtcheck.ParseSeverity(s); err != nil {
						return nil, p.wrap(fe.value, fmt.Errorf("%s: %w", what, err))
					}
				case "min-confidence":
					c, err := p.confidence(fe.value, what, false)
					if err != nil {
						return nil, err
					}
					rs.rc.MinConfidence = &c
				case "options":
					if _, null := fe.value.(*ast.NullNode); null {
						continue
					}
					opts, err := p.mapping(fe.value, "rule "+e.key+": options", nil)
					if err != nil {
						return nil, err
					}
					rs.options = opts
					rs.rc.Options = make(map[string]any, len(opts))
					for _, o := range opts {
						if rs.rc.Options[o.key], err = p.value(o.value); err != nil {
							return nil, err
						}
					}
				}
			}
		default:
			return nil, p.errf(e.value, "rule %s: want off, on, info, warning, error or a mapping, got %s", e.key, describe(e.value))
		}
		out[e.key] = rs.rc
		p.settings = append(p.settings, rs)
	}
	return out, nil
}

var overrideKeys = []string{"files", "min-confidence", "rules"}

func (p *parse) overrides(n ast.Node) ([]override, error) {
	if _, ok := n.(*ast.NullNode); ok {
		return nil, nil
	}
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		return nil, p.errf(n, "overrides: want a list of {files, rules} entries, got %s", describe(n))
	}
	var out []override
	for i, item := range seq.Values {
		what := fmt.Sprintf("overrides item %d", i+1)
		entries, err := p.mapping(item, what, overrideKeys)
		if err != nil {
			return nil, err
		}
		o := override{node: item}
		hasFiles := false
		for _, e := range entries {
			switch e.key {
			case "files":
				if _, o.files, err = p.globs(e.value, what+": files"); err != nil {
					return nil, err
				}
				hasFiles = len(o.files) > 0
			case "min-confidence":
				c, err := p.confidence(e.value, what+": min-confidence", false)
				if err != nil {
					return nil, err
				}
				o.minConfidence = &c
			case "rules":
				if o.rules, err = p.rules(e.value, what+": rules"); err != nil {
					return nil, err
				}
			}
		}
		if !hasFiles {
			return nil, p.errf(item, "%s: needs files: the globs it applies to", what)
		}
		out = append(out, o)
	}
	return out, nil
}

var phraseKeys = []string{"name", "doc", "message", "category", "severity", "confidence", "match", "regex", "replace", "safe"}

func (p *parse) phrases(n ast.Node) ([]*mtcheck.Rule, error) {
	if _, ok := n.(*ast.NullNode); ok {
		return nil, nil
	}
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		return nil, p.errf(n, "phrases: want a list of phrase rules, got %s", describe(n))
	}
	builtin := make(map[string]bool)
	_, all := builtinRules()
	for _, r := range all {
		builtin[r.Name] = true
	}
	names := make(map[string]int)
	var out []*mtcheck.Rule
	for i, item := range seq.Values {
		what := fmt.Sprintf("phrases item %d", i+1)
		entries, err := p.mapping(item, what, phraseKeys)
		if err != nil {
			return nil, err
		}
		var spec rules.PhraseSpec
		fieldN := map[string]ast.Node{}
		var matchN, regexN []ast.Node
		for _, e := range entries {
			fieldN[e.key] = e.value
			fw := what + ": " + e.key
			switch e.key {
			case "name":
				spec.Name, err = p.str(e.value, fw)
			case "doc":
				spec.Doc, err = p.str(e.value, fw)
			case "message":
				spec.Message, err = p.str(e.value, fw)
			case "category":
				var s string
				if s, err = p.str(e.value, fw); err == nil {
					var c mtcheck.Category
					if c, err = mtcheck.ParseCategory(s); err != nil {
						return nil, p.wrap(e.value, fmt.Errorf("%s: %w", fw, err))
					}
					spec.Category = c
				}
			case "severity":
				var s string
				if s, err = p.str(e.value, fw); err == nil {
					if spec.Severity, err = mtcheck.ParseSeverity(s); err != nil {
						return nil, p.wrap(e.value, fmt.Errorf("%s: %w", fw, err))
					}
				}
			case "confidence":
				spec.Confidence, err = p.confidence(e.value, fw, true)
			case "match":
				spec.Match, matchN, err = p.strList(e.value, fw)
			case "regex":
				spec.Regex, regexN, err = p.strList(e.value, fw)
			case "replace":
				spec.Replace, err = p.str(e.value, fw)
			case "safe":
				spec.Safe, err = p.boolean(e.value, fw)
			}
			if err != nil {
				return nil, err
			}
		}
		if _, ok := fieldN["name"]; !ok {
			return nil, p.errf(item, "%s: needs a name", what)
		}
		nameN := fieldN["name"]
		if builtin[spec.Name] {
			return nil, p.errf(nameN, "%s: name %q is a built-in rule; choose another", what, spec.Name)
		}
		if line, dup := names[spec.Name]; dup {
			return nil, p.errf(nameN, "%s: name %q is already used by the phrase rule at line %d", what, spec.Name, line)
		}
		names[spec.Name] = nodePos(nameN).Line
		r, err := rules.NewPhraseRule(spec)
		if err != nil {
			at := item
			var pe *rules.PhraseError
			if errors.As(err, &pe) {
				switch {
				case pe.Field == "match" && pe.Index >= 0 && pe.Index < len(matchN):
					at = matchN[pe.Index]
				case pe.Field == "regex" && pe.Index >= 0 && pe.Index < len(regexN):
					at = regexN[pe.Index]
				case fieldN[pe.Field] != nil:
					at = fieldN[pe.Field]
				}
			}
			return nil, p.wrap(at, fmt.Errorf("%s (%s): %w", what, spec.Name, err))
		}
		out = append(out, r)
	}
	return out, nil
}

// validate checks every rule setting against the rules, by building a
// checker for it, and places each error at the setting's key or value.
func (p *parse) validate(f *File) error {
	defaults, registry := f.ruleSets()
	known := make(map[string]*mtcheck.Rule)
	for _, set := range [][]*mtcheck.Rule{defaults, registry} {
		for _, r := range set {
			known[r.Name] = r
		}
	}
	build := func(cfg mtcheck.Config) error {
		_, err := mtcheck.New(defaults, mtcheck.WithRegistry(registry), mtcheck.WithConfig(cfg))
		return err
	}
	for _, s := range p.settings {
		r := known[s.name]
		if r == nil {
			return p.errf(s.keyN, "unknown rule %q%s (known rules: %s)", s.name, suggest(s.name, sortedKeys(known)), strings.Join(sortedKeys(known), ", "))
		}
		specs := make(map[string]*mtcheck.OptionSpec, len(r.Options))
		var optNames []string
		for i := range r.Options {
			specs[r.Options[i].Name] = &r.Options[i]
			optNames = append(optNames, r.Options[i].Name)
		}
		for _, o := range s.options {
			spec := specs[o.key]
			if spec != nil && spec.Path {
				s.rc.Options[o.key] = f.resolvePaths(s.rc.Options[o.key])
			}
			if spec == nil {
				if len(optNames) == 0 {
					return p.errf(o.keyN, "rule %s: unknown option %q (the rule takes no options)", s.name, o.key)
				}
				return p.errf(o.keyN, "rule %s: unknown option %q%s (known options: %s)", s.name, o.key, suggest(o.key, optNames), strings.Join(optNames, ", "))
			}
			one := mtcheck.RuleConfig{Options: map[string]any{o.key: s.rc.Options[o.key]}}
			if err := build(mtcheck.Config{Only: []string{s.name}, Rules: map[string]mtcheck.RuleConfig{s.name: one}}); err != nil {
				return p.wrap(o.value, err)
			}
		}
		if err := build(mtcheck.Config{Only: []string{s.name}, Rules: map[string]mtcheck.RuleConfig{s.name: s.rc}}); err != nil {
			return p.wrap(s.keyN, err)
		}
	}
	// The whole base configuration, and each override applied to it.
	if _, err := f.checker(f.effective(nil)); err != nil {
		return &Error{File: p.name, Line: 1, Column: 1, Msg: err.Error(), Err: err}
	}
	for _, o := range f.overrides {
		cfg := f.effective(nil)
		if o.minConfidence != nil {
			cfg.MinConfidence = *o.minConfidence
		}
		for name, rc := range o.rules {
			if cfg.Rules == nil {
				cfg.Rules = map[string]mtcheck.RuleConfig{}
			}
			cfg.Rules[name] = mergeRule(cfg.Rules[name], rc)
		}
		if err := build(cfg); err != nil {
			return p.wrap(o.node, err)
		}
	}
	return nil
}

// resolvePaths makes the relative file names in an option value (a string
// or a list) relative to the configuration file's directory. Values of
// other types are left for the core to reject.
func (f *File) resolvePaths(v any) any {
	abs := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(f.Dir, filepath.FromSlash(p))
	}
	switch x := v.(type) {
	case string:
		return abs(x)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			if s, ok := e.(string); ok {
				out[i] = abs(s)
			} else {
				out[i] = e
			}
		}
		return out
	}
	return v
}

// ruleSets returns the rules that run by default (the built-in defaults)
// and the further rules configuration may enable (every built-in rule and
// the phrase rules, which the effective configuration enables).
func (f *File) ruleSets() (defaults, registry []*mtcheck.Rule) {
	defaults, registry = builtinRules()
	if f != nil {
		registry = append(registry[:len(registry):len(registry)], f.phrases...)
	}
	return defaults, registry
}

// builtinRules returns the built-in default rules and every built-in rule;
// tests replace it.
var builtinRules = func() (defaults, all []*mtcheck.Rule) {
	return rules.Default(), rules.All()
}

// Rules returns the phrase rules the file defines, in file order. Drivers
// building their own checker pass them with mtcheck.WithRegistry: the
// configuration from [File.For] enables each one unless the file turns it
// off (and mtcheck.New fails on a configuration naming them when they are
// missing, so they cannot be dropped silently). [File.Checker] does this.
func (f *File) Rules() []*mtcheck.Rule {
	if f == nil {
		return nil
	}
	return append([]*mtcheck.Rule(nil), f.phrases...)
}

// rel returns path relative to the configuration directory as segments, or
// nil when path lies outside it.
func (f *File) rel(path string) ([]string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	r, err := filepath.Rel(f.Dir, abs)
	if err != nil {
		return nil, nil
	}
	r = filepath.ToSlash(r)
	if r == "." || r == ".." || strings.HasPrefix(r, "../") {
		return nil, nil
	}
	return strings.Split(r, "/"), nil
}

// Includes reports whether a driver walking directories should check the
// file at path (relative to the working directory, or absolute): include
// is empty or matches it, and exclude does not. Files outside the
// configuration file's directory are included only when include is empty.
func (f *File) Includes(path string) bool {
	if f == nil {
		return true
	}
	rel, err := f.rel(path)
	if err != nil {
		return false
	}
	if rel == nil {
		return len(f.include) == 0
	}
	return (len(f.include) == 0 || matchAny(f.include, rel)) && !matchAny(f.exclude, rel)
}

// SkipDir reports whether a driver walking directories may skip the
// directory at path entirely: an exclude pattern covers it.
func (f *File) SkipDir(path string) bool {
	if f == nil {
		return false
	}
	rel, err := f.rel(path)
	return err == nil && rel != nil && matchAny(f.exclude, rel)
}

// For returns the effective configuration for the file at path: the
// top-level settings with every matching override merged in, in order,
// and every phrase rule enabled unless the settings turn it off.
func (f *File) For(path string) (mtcheck.Config, error) {
	if f == nil {
		return mtcheck.Config{}, nil
	}
	rel, err := f.rel(path)
	if err != nil {
		return mtcheck.Config{}, err
	}
	return f.effective(rel), nil
}

func (f *File) effective(rel []string) mtcheck.Config {
	cfg := mtcheck.Config{MinConfidence: f.MinConfidence, Rules: make(map[string]mtcheck.RuleConfig, len(f.base)+len(f.phrases))}
	for _, r := range f.phrases {
		on := true
		cfg.Rules[r.Name] = mtcheck.RuleConfig{Enabled: &on}
	}
	for name, rc := range f.base {
		cfg.Rules[name] = mergeRule(cfg.Rules[name], rc)
	}
	for _, o := range f.overrides {
		if rel == nil || !matchAny(o.files, rel) {
			continue
		}
		if o.minConfidence != nil {
			cfg.MinConfidence = *o.minConfidence
		}
		for name, rc := range o.rules {
			cfg.Rules[name] = mergeRule(cfg.Rules[name], rc)
		}
	}
	if len(cfg.Rules) == 0 {
		cfg.Rules = nil
	}
	return cfg
}

// mergeRule returns base with the fields set in over replacing its own, and
// over's options merged in key by key. It never shares maps with its inputs.
func mergeRule(base, over mtcheck.RuleConfig) mtcheck.RuleConfig {
	out := base
	if over.Enabled != nil {
		v := *over.Enabled
		out.Enabled = &v
	}
	if over.Severity != 0 {
		out.Severity = over.Severity
	}
	if over.MinConfidence != nil {
		v := *over.MinConfidence
		out.MinConfidence = &v
	}
	if len(base.Options)+len(over.Options) > 0 {
		out.Options = make(map[string]any, len(base.Options)+len(over.Options))
		for k, v := range base.Options {
			out.Options[k] = v
		}
		for k, v := range over.Options {
			out.Options[k] = v
		}
	}
	return out
}

// Checker returns the checker for the file at path: the built-in default
// rules and the phrase rules, with every built-in rule known for enabling,
// configured by [File.For]. Checkers are cached by effective configuration,
// so files sharing one share a checker.
func (f *File) Checker(path string) (*mtcheck.Checker, error) {
	if f == nil {
		return defaultChecker()
	}
	cfg, err := f.For(path)
	if err != nil {
		return nil, err
	}
	return f.checker(cfg)
}

func (f *File) checker(cfg mtcheck.Config) (*mtcheck.Checker, error) {
	return f.Build(cfg)
}

// Build returns a checker for cfg over the built-in rules and the file's
// phrase rules, cached by configuration. Drivers use it to apply their own
// settings (command-line flags, a request's options) on top of
// [File.For]. It works on a nil *File (no project file).
func (f *File) Build(cfg mtcheck.Config) (*mtcheck.Checker, error) {
	key, err := json.Marshal(cfg)
	if err != nil {
		return nil, err
	}
	cache := &noFileCache
	if f != nil {
		cache = &f.cache
	}
	cache.mu.Lock()
	defer cache.mu.Unlock()
	if c := cache.checkers[string(key)]; c != nil {
		return c, nil
	}
	defaults, registry := f.ruleSets()
	c, err := mtcheck.New(defaults, mtcheck.WithRegistry(registry), mtcheck.WithConfig(cfg))
	if err != nil {
		if f != nil {
			return nil, fmt.Errorf("%s: %w", f.Path, err)
		}
		return nil, err
	}
	if cache.checkers == nil {
		cache.checkers = make(map[string]*mtcheck.Checker)
	}
	cache.checkers[string(key)] = c
	return c, nil
}

// checkerCache holds checkers by the JSON of their configuration.
type checkerCache struct {
	mu       sync.Mutex
	checkers map[string]*mtcheck.Checker
}

// noFileCache caches checkers built without a project file.
var noFileCache checkerCache

func defaultChecker() (*mtcheck.Checker, error) {
	return (*File)(nil).Build(mtcheck.Config{})
}
