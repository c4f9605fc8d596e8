package main

import (
	"container/list"
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/mtcheck/mtcheck/mtcheck"
)

func defaultInflight() int { return runtime.GOMAXPROCS(0) }

// selection is a request's choice of rules on top of the base configuration.
type selection struct {
	Only    []string `json:"only,omitempty"`
	Enable  []string `json:"enable,omitempty"`
	Disable []string `json:"disable,omitempty"`
	// none: run no rule at all (an LT enabledOnly request naming no rule
	// mtcheck knows).
	none bool
}

func sortedSet(in []string) []string {
	if len(in) == 0 {
		return nil
	}
	out := slices.Clone(in)
	sort.Strings(out)
	return slices.Compact(out)
}

// normalize sorts and deduplicates the lists, so equal selections share a
// key and a checker.
func (s selection) normalize() selection {
	return selection{Only: sortedSet(s.Only), Enable: sortedSet(s.Enable), Disable: sortedSet(s.Disable), none: s.none}
}

func (s selection) empty() bool {
	return !s.none && len(s.Only) == 0 && len(s.Enable) == 0 && len(s.Disable) == 0
}

// key identifies a normalized selection.
func (s selection) key() string {
	if s.none {
		return "none"
	}
	return "only=" + strings.Join(s.Only, ",") + ";enable=" + strings.Join(s.Enable, ",") + ";disable=" + strings.Join(s.Disable, ",")
}

// apply returns the configuration for s on top of base. Disabled rules are
// taken out of an Only list (Only ignores Enabled settings), and enabled
// rules added to a base Only list; a selection that leaves no rule at all
// reports none=true.
func (s selection) apply(base mtcheck.Config) (cfg mtcheck.Config, none bool) {
	cfg = base
	if s.none {
		return cfg, true
	}
	only := base.Only
	if len(s.Only) > 0 {
		only = s.Only
	}
	if len(only) > 0 {
		var out []string
		for _, n := range append(slices.Clone(only), s.Enable...) {
			if !slices.Contains(s.Disable, n) && !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
		if len(out) == 0 {
			return cfg, true
		}
		cfg.Only = out
		return cfg, false
	}
	return cfg.Enable(s.Enable...).Disable(s.Disable...), false
}

// checkerCache holds the base checker and a bounded LRU of checkers for
// other configurations (a project file's overrides for a path) and rule
// selections. Each checker is built once, however many requests ask for it
// at the same moment.
type checkerCache struct {
	base     *mtcheck.Checker
	none     *mtcheck.Checker
	baseKey  string
	all, def []*mtcheck.Rule
	known    map[string]*mtcheck.Rule
	max      int

	mu      sync.Mutex
	lru     *list.List // of *cacheEntry, most recent first
	entries map[string]*list.Element
	builds  int // checkers built for selections, for tests
}

type cacheEntry struct {
	key   string
	ready chan struct{}
	c     *mtcheck.Checker
	err   error
}

// configKey identifies a configuration.
func configKey(cfg mtcheck.Config) (string, error) {
	b, err := json.Marshal(cfg)
	return string(b), err
}

func newCheckerCache(base mtcheck.Config, all, def []*mtcheck.Rule, max int) (*checkerCache, error) {
	bc, err := mtcheck.New(def, mtcheck.WithRegistry(all), mtcheck.WithConfig(base))
	if err != nil {
		return nil, err
	}
	none, err := mtcheck.New(nil)
	if err != nil {
		return nil, err
	}
	baseKey, err := configKey(base)
	if err != nil {
		return nil, err
	}
	cc := &checkerCache{base: bc, none: none, baseKey: baseKey, all: all, def: def, max: max,
		known: map[string]*mtcheck.Rule{}, lru: list.New(), entries: map[string]*list.Element{}}
	for _, list := range [][]*mtcheck.Rule{def, all} {
		for _, r := range list {
			if cc.known[r.Name] == nil {
				cc.known[r.Name] = r
			}
		}
	}
	return cc, nil
}

// rules lists every known rule: the defaults, then the rest of the registry.
func (cc *checkerCache) rules() []*mtcheck.Rule {
	seen := map[string]bool{}
	var out []*mtcheck.Rule
	for _, list := range [][]*mtcheck.Rule{cc.def, cc.all} {
		for _, r := range list {
			if !seen[r.Name] {
				seen[r.Name] = true
				out = append(out, r)
			}
		}
	}
	return out
}

// unknown returns an error naming the first rule of s that is not known.
func (cc *checkerCache) unknown(s selection) error {
	for _, l := range [][]string{s.Only, s.Enable, s.Disable} {
		for _, n := range l {
			if cc.known[n] == nil {
				names := make([]string, 0, len(cc.known))
				for k := range cc.known {
					names = append(names, k)
				}
				sort.Strings(names)
				return fmt.Errorf("unknown rule %q (known rules: %s)", n, strings.Join(names, ", "))
			}
		}
	}
	return nil
}

func (cc *checkerCache) len() int {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	return cc.lru.Len()
}

// get returns the checker for configuration cfg with selection s, building
// it on first use. The base and the no-rule checkers are never evicted.
func (cc *checkerCache) get(cfg mtcheck.Config, s selection) (*mtcheck.Checker, error) {
	s = s.normalize()
	if s.none {
		return cc.none, nil
	}
	ck, err := configKey(cfg)
	if err != nil {
		return nil, err
	}
	if ck == cc.baseKey && s.empty() {
		return cc.base, nil
	}
	key := ck + "\x00" + s.key()
	cc.mu.Lock()
	if el, ok := cc.entries[key]; ok {
		cc.lru.MoveToFront(el)
		e := el.Value.(*cacheEntry)
		cc.mu.Unlock()
		<-e.ready
		return e.c, e.err
	}
	e := &cacheEntry{key: key, ready: make(chan struct{})}
	cc.entries[key] = cc.lru.PushFront(e)
	for cc.lru.Len() > cc.max {
		old := cc.lru.Back()
		cc.lru.Remove(old)
		delete(cc.entries, old.Value.(*cacheEntry).key)
	}
	cc.builds++
	cc.mu.Unlock()

	applied, none := s.apply(cfg)
	if none {
		e.c = cc.none
	} else {
		e.c, e.err = mtcheck.New(cc.def, mtcheck.WithRegistry(cc.all), mtcheck.WithConfig(applied))
	}
	close(e.ready)
	if e.err != nil {
		cc.mu.Lock()
		if el, ok := cc.entries[key]; ok && el.Value == e {
			cc.lru.Remove(el)
			delete(cc.entries, key)
		}
		cc.mu.Unlock()
	}
	return e.c, e.err
}
