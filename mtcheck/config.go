package mtcheck

import (
	"fmt"
	"sort"
	"strings"
)

// Config says which rules run and how their findings are treated. The zero
// Config runs the rules given to [New] with their defaults.
type Config struct {
	// MinConfidence drops findings whose confidence is below it.
	MinConfidence float64 `json:"minConfidence,omitempty"`
	// Only, when not empty, runs exactly these rules (from the rules given
	// to New and the registry), ignoring Enabled settings.
	Only []string `json:"only,omitempty"`
	// Rules holds per-rule settings by rule name.
	Rules map[string]RuleConfig `json:"rules,omitempty"`
}

// RuleConfig holds the settings of one rule.
type RuleConfig struct {
	// Enabled turns the rule on (an opt-in rule from the registry) or off;
	// nil leaves the default.
	Enabled *bool `json:"enabled,omitempty"`
	// Severity overrides the rule's default severity when set.
	Severity Severity `json:"severity,omitempty"`
	// MinConfidence overrides Config.MinConfidence for this rule.
	MinConfidence *float64 `json:"minConfidence,omitempty"`
	// Options are the rule's options by name.
	Options map[string]any `json:"options,omitempty"`
}

// Enable returns cfg with the named rules switched on.
func (c Config) Enable(names ...string) Config {
	return c.setEnabled(true, names)
}

// Disable returns cfg with the named rules switched off.
func (c Config) Disable(names ...string) Config {
	return c.setEnabled(false, names)
}

func (c Config) setEnabled(on bool, names []string) Config {
	rules := make(map[string]RuleConfig, len(c.Rules)+len(names))
	for k, v := range c.Rules {
		rules[k] = v
	}
	for _, n := range names {
		rc := rules[n]
		v := on
		rc.Enabled = &v
		rules[n] = rc
	}
	c.Rules = rules
	return c
}

// Option configures a [Checker] built by [New].
type Option func(*settings)

type settings struct {
	cfg      Config
	registry []*Rule
}

// WithConfig applies cfg.
func WithConfig(cfg Config) Option {
	return func(s *settings) { s.cfg = cfg }
}

// WithRegistry makes further rules known without running them: configuration
// may enable them (Enabled or Only) and set their options.
func WithRegistry(rules []*Rule) Option {
	return func(s *settings) { s.registry = append(s.registry, rules...) }
}

func checkConfidence(what string, v float64) error {
	if v < 0 || v > 1 || v != v {
		return fmt.Errorf("%s must be between 0 and 1, got %v", what, v)
	}
	return nil
}

// selectRules resolves which rules run: defaults plus enabled minus disabled,
// or exactly Only.
func selectRules(defaults []*Rule, s *settings) ([]*Rule, map[string]*Rule, error) {
	known := make(map[string]*Rule)
	var order []string
	add := func(r *Rule) error {
		if r == nil || r.Name == "" || r.Run == nil {
			return fmt.Errorf("invalid rule %+v: a rule needs a name and a Run function", r)
		}
		if prev, ok := known[r.Name]; ok {
			if prev != r {
				return fmt.Errorf("two different rules are named %q", r.Name)
			}
			return nil
		}
		known[r.Name] = r
		order = append(order, r.Name)
		return nil
	}
	for _, r := range defaults {
		if err := add(r); err != nil {
			return nil, nil, err
		}
	}
	nDefault := len(order)
	for _, r := range s.registry {
		if err := add(r); err != nil {
			return nil, nil, err
		}
	}
	unknown := func(name string) error {
		names := append([]string(nil), order...)
		sort.Strings(names)
		return fmt.Errorf("unknown rule %q (known rules: %s)", name, strings.Join(names, ", "))
	}
	for name := range s.cfg.Rules {
		if known[name] == nil {
			return nil, nil, unknown(name)
		}
	}
	on := make(map[string]bool, len(order))
	if len(s.cfg.Only) > 0 {
		for _, name := range s.cfg.Only {
			if known[name] == nil {
				return nil, nil, unknown(name)
			}
			on[name] = true
		}
	} else {
		for i, name := range order {
			on[name] = i < nDefault
			if rc, ok := s.cfg.Rules[name]; ok && rc.Enabled != nil {
				on[name] = *rc.Enabled
			}
		}
	}
	var out []*Rule
	for _, name := range order {
		if on[name] {
			out = append(out, known[name])
		}
	}
	return out, known, nil
}
