package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/config"
)

// project resolves, for each checked file, the project configuration that
// governs it (-config, or the nearest .mtcheck.yml above the file) and the
// checker for its effective settings: the file's configuration with the
// command-line flags on top. Checkers are shared by files with the same
// effective settings; project files are read once.
type project struct {
	o        *options
	explicit *config.File

	mu       sync.Mutex
	found    map[string]string       // directory → project file path ("" for none)
	loaded   map[string]*config.File // project file path → parsed file
	checkers map[string]*mtcheck.Checker
}

func newProject(o *options) (*project, error) {
	p := &project{o: o, found: map[string]string{}, loaded: map[string]*config.File{}, checkers: map[string]*mtcheck.Checker{}}
	if o.configPath != "" {
		f, err := config.Load(o.configPath)
		if err != nil {
			return nil, err
		}
		p.explicit = f
	}
	return p, nil
}

// configFor returns the project file governing the file at path (standard
// input: the working directory), or nil when there is none.
func (p *project) configFor(path string) (*config.File, error) {
	if p.explicit != nil || p.o.noConfig {
		return p.explicit, nil
	}
	dir := "."
	if path != "" {
		dir = filepath.Dir(path)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	cfgPath, ok := p.found[abs]
	p.mu.Unlock()
	if !ok {
		cfgPath, err = config.Find(abs)
		if errors.Is(err, config.ErrNotFound) {
			cfgPath, err = "", nil
		}
		if err != nil {
			return nil, err
		}
		p.mu.Lock()
		p.found[abs] = cfgPath
		p.mu.Unlock()
	}
	if cfgPath == "" {
		return nil, nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if f, ok := p.loaded[cfgPath]; ok {
		return f, nil
	}
	f, err := config.Load(cfgPath)
	if err != nil {
		return nil, err
	}
	p.loaded[cfgPath] = f
	return f, nil
}

// phraseRules returns the phrase rules of the project files governing the
// command-line paths, so that flags may name them.
func (p *project) phraseRules(paths []string) []*mtcheck.Rule {
	var out []*mtcheck.Rule
	seen := map[*config.File]bool{}
	for _, path := range append([]string{""}, paths...) {
		target := path
		if path == "-" {
			target = ""
		} else if fi, err := os.Stat(path); err == nil && fi.IsDir() {
			target = filepath.Join(path, "x")
		}
		f, err := p.configFor(target)
		if err != nil || f == nil || seen[f] {
			continue // errors surface when the files are checked
		}
		seen[f] = true
		out = append(out, f.Rules()...)
	}
	return out
}

// overlay puts the command-line settings on top of a file's configuration.
func (p *project) overlay(cfg mtcheck.Config) mtcheck.Config {
	o := p.o
	if o.minConfidenceSet {
		cfg.MinConfidence = o.minConfidence
	}
	if len(o.only) > 0 {
		cfg.Only = o.only
	}
	return cfg.Enable(o.enable...).Disable(o.disable...)
}

// checkerFor returns the checker and project file for the file at path
// ("" for standard input).
func (p *project) checkerFor(path string) (*mtcheck.Checker, *config.File, error) {
	f, err := p.configFor(path)
	if err != nil {
		return nil, nil, err
	}
	target := path
	if target == "" {
		target, _ = os.Getwd()
		target = filepath.Join(target, "stdin")
	}
	cfg, err := f.For(target)
	if err != nil {
		return nil, nil, err
	}
	cfg = p.overlay(cfg)
	key, err := json.Marshal(cfg)
	if err != nil {
		return nil, nil, err
	}
	cfgPath := ""
	if f != nil {
		cfgPath = f.Path
	}
	k := cfgPath + "\x00" + string(key)
	p.mu.Lock()
	defer p.mu.Unlock()
	if c := p.checkers[k]; c != nil {
		return c, f, nil
	}
	all, def := ruleSets()
	registry := append(append([]*mtcheck.Rule(nil), all...), f.Rules()...)
	c, err := mtcheck.New(def, mtcheck.WithRegistry(registry), mtcheck.WithConfig(cfg))
	if err != nil {
		if cfgPath != "" {
			return nil, nil, fmt.Errorf("%s: %w", cfgPath, err)
		}
		return nil, nil, err
	}
	p.checkers[k] = c
	return c, f, nil
}

// running returns every rule some checker built so far runs, in a stable
// order (for formats that describe rules).
func (p *project) running() []*mtcheck.Rule {
	p.mu.Lock()
	defer p.mu.Unlock()
	seen := map[string]bool{}
	var out []*mtcheck.Rule
	for _, c := range p.checkers {
		for _, r := range c.Rules() {
			if !seen[r.Name] {
				seen[r.Name] = true
				out = append(out, r)
			}
		}
	}
	return out
}

// initConfig writes the commented starter project file into the working
// directory, refusing to overwrite one.
func initConfig(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("%s already exists; not overwriting it", path)
		}
		return err
	}
	if _, err := f.WriteString(config.Starter); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
