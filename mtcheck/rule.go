package mtcheck

import (
	"context"
	"fmt"
	"math"
	"sort"
)

// Rule is a check: a value that names itself, says what it needs and
// reports diagnostics from Run. Rules are registered in explicit slices,
// never through init side effects.
type Rule struct {
	// Name is the stable identifier used in configuration and output,
	// e.g. "missing-space".
	Name string
	// Doc is a one-line description; further lines may follow.
	Doc string
	// URL points at longer documentation, if any.
	URL string
	// Category is the kind of damage the rule finds.
	Category Category
	// Severity is the rule's default severity; zero means Warning.
	Severity Severity
	// Needs lists the expensive analysis layers Run asks for.
	Needs Need
	// Options declares the per-rule options the rule accepts, with defaults.
	Options []OptionSpec
	// Prepare, if set, turns validated options into the rule's prepared
	// state once per Checker; Run reads it with [Pass.Prepared]. An error is
	// a configuration error.
	Prepare func(Options) (any, error)
	// Run inspects the pass and reports diagnostics.
	Run func(*Pass) error
}

// DefaultSeverity returns the rule's severity when configuration sets none.
func (r *Rule) DefaultSeverity() Severity {
	if r.Severity == 0 {
		return Warning
	}
	return r.Severity
}

// Summary returns the first line of the rule's Doc.
func (r *Rule) Summary() string {
	for i := 0; i < len(r.Doc); i++ {
		if r.Doc[i] == '\n' {
			return r.Doc[:i]
		}
	}
	return r.Doc
}

// OptionSpec declares one option of a rule. The type of Default (bool, int,
// float64, string or []string) is the option's type.
type OptionSpec struct {
	Name    string
	Doc     string
	Default any
	// Path marks a string or string-list option that names files: a
	// configuration file resolves relative names against its own
	// directory, not the working directory.
	Path bool
}

// Options holds a rule's validated option values, defaults filled in.
type Options map[string]any

// Bool returns the boolean option name (false if absent).
func (o Options) Bool(name string) bool { v, _ := o[name].(bool); return v }

// Int returns the integer option name (0 if absent).
func (o Options) Int(name string) int { v, _ := o[name].(int); return v }

// Float returns the numeric option name (0 if absent).
func (o Options) Float(name string) float64 { v, _ := o[name].(float64); return v }

// String returns the string option name ("" if absent).
func (o Options) String(name string) string { v, _ := o[name].(string); return v }

// Strings returns the string-list option name (nil if absent).
func (o Options) Strings(name string) []string { v, _ := o[name].([]string); return v }

// resolveOptions validates user values against the rule's specs and returns
// the complete option set.
func resolveOptions(r *Rule, user map[string]any) (Options, error) {
	out := make(Options, len(r.Options))
	specs := make(map[string]OptionSpec, len(r.Options))
	for _, s := range r.Options {
		specs[s.Name] = s
		out[s.Name] = s.Default
	}
	names := make([]string, 0, len(user))
	for k := range user {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		spec, ok := specs[k]
		if !ok {
			known := make([]string, 0, len(specs))
			for n := range specs {
				known = append(known, n)
			}
			sort.Strings(known)
			if len(known) == 0 {
				return nil, fmt.Errorf("rule %s: unknown option %q (the rule takes no options)", r.Name, k)
			}
			return nil, fmt.Errorf("rule %s: unknown option %q (known: %v)", r.Name, k, known)
		}
		v, err := convertOption(spec.Default, user[k])
		if err != nil {
			return nil, fmt.Errorf("rule %s: option %s: %v", r.Name, k, err)
		}
		out[k] = v
	}
	return out, nil
}

func convertOption(def, v any) (any, error) {
	switch def.(type) {
	case bool:
		if b, ok := v.(bool); ok {
			return b, nil
		}
		return nil, fmt.Errorf("want true or false, got %T %v", v, v)
	case string:
		if s, ok := v.(string); ok {
			return s, nil
		}
		return nil, fmt.Errorf("want a string, got %T %v", v, v)
	case float64:
		f, ok := toFloat(v)
		if !ok || math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("want a number, got %T %v", v, v)
		}
		return f, nil
	case int:
		f, ok := toFloat(v)
		if !ok || f != math.Trunc(f) || math.Abs(f) > 1<<31 {
			return nil, fmt.Errorf("want an integer, got %T %v", v, v)
		}
		return int(f), nil
	case []string:
		switch l := v.(type) {
		case []string:
			return append([]string(nil), l...), nil
		case []any:
			out := make([]string, len(l))
			for i, e := range l {
				s, ok := e.(string)
				if !ok {
					return nil, fmt.Errorf("item %d: want a string, got %T %v", i+1, e, e)
				}
				out[i] = s
			}
			return out, nil
		}
		return nil, fmt.Errorf("want a list of strings, got %T %v", v, v)
	}
	return nil, fmt.Errorf("option has unsupported default type %T", def)
}

func toFloat(v any) (float64, bool) {
	switch n := v.(type) {
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case uint64:
		return float64(n), true
	case float64:
		return n, true
	case float32:
		return float64(n), true
	}
	return 0, false
}

// Pass is what a rule's Run sees: the document, its options, and Report.
type Pass struct {
	// Rule is the rule being run.
	Rule *Rule
	// Doc is the document under check.
	Doc *Document

	ctx      context.Context
	options  Options
	prepared any
	diags    []Diagnostic
}

// Context returns the check's context; long-running rules should stop when
// it is done.
func (p *Pass) Context() context.Context { return p.ctx }

// Text returns the document's text.
func (p *Pass) Text() string { return p.Doc.text }

// Options returns the rule's validated options.
func (p *Pass) Options() Options { return p.options }

// Prepared returns what the rule's Prepare returned for this Checker.
func (p *Pass) Prepared() any { return p.prepared }

// Sentences returns the document's sentences (needs NeedSentences).
func (p *Pass) Sentences() []Sentence { return p.Doc.Sentences() }

// Tokens returns the document's tokens (needs NeedTokens).
func (p *Pass) Tokens() []Token { return p.Doc.Tokens() }

// Tag returns the tagged tokens of span (needs NeedTags). Once the check's
// context is done it returns nil at once, so that rules tagging many
// candidates stop early; the checker then reports the context's error.
func (p *Pass) Tag(span Span) []Token {
	if p.ctx.Err() != nil {
		return nil
	}
	return p.Doc.Tag(span)
}

// Entities returns the named entities in span (needs NeedEntities). Like
// Tag, it returns nil once the check's context is done.
func (p *Pass) Entities(span Span) []Entity {
	if p.ctx.Err() != nil {
		return nil
	}
	return p.Doc.Entities(span)
}

// Report records a diagnostic. Rule and Category default to the rule's own;
// a zero Confidence means 1.
func (p *Pass) Report(d Diagnostic) {
	if d.Rule == "" {
		d.Rule = p.Rule.Name
	}
	if d.Category == "" {
		d.Category = p.Rule.Category
	}
	if d.Confidence <= 0 || d.Confidence > 1 {
		d.Confidence = 1
	}
	p.diags = append(p.diags, d)
}

// Reportf records a diagnostic at span with the given confidence, message
// and fixes.
func (p *Pass) Reportf(span Span, confidence float64, fixes []Fix, format string, args ...any) {
	p.Report(Diagnostic{Span: span, Confidence: confidence, Fixes: fixes, Message: fmt.Sprintf(format, args...)})
}
