package mtcheck

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"unicode/utf8"
)

// Checker runs a fixed set of configured rules. Build it once with [New]; it
// is safe for concurrent use by many goroutines.
type Checker struct {
	rules []ruleState
	needs Need
}

type ruleState struct {
	rule     *Rule
	severity Severity
	minConf  float64
	options  Options
	prepared any
}

// New builds a Checker that runs rules, adjusted by options. It fails on
// configuration that names unknown rules or options, or gives bad values.
func New(rules []*Rule, opts ...Option) (*Checker, error) {
	var s settings
	for _, o := range opts {
		o(&s)
	}
	if err := checkConfidence("minimum confidence", s.cfg.MinConfidence); err != nil {
		return nil, err
	}
	selected, known, err := selectRules(rules, &s)
	if err != nil {
		return nil, err
	}
	// Validate settings of every known rule, running or not.
	for name, rc := range s.cfg.Rules {
		r := known[name]
		if rc.Severity != 0 && (rc.Severity < Info || rc.Severity > Error) {
			return nil, fmt.Errorf("rule %s: invalid severity %d", name, int(rc.Severity))
		}
		if rc.MinConfidence != nil {
			if err := checkConfidence("rule "+name+": minimum confidence", *rc.MinConfidence); err != nil {
				return nil, err
			}
		}
		if _, err := resolveOptions(r, rc.Options); err != nil {
			return nil, err
		}
	}
	c := &Checker{}
	for _, r := range selected {
		if r.Needs != 0 && !LayersAvailable {
			return nil, fmt.Errorf("rule %s needs %v, which this build leaves out (built with tag mtcheck_noprose)", r.Name, r.Needs)
		}
		rc := s.cfg.Rules[r.Name]
		st := ruleState{rule: r, severity: r.DefaultSeverity(), minConf: s.cfg.MinConfidence}
		if rc.Severity != 0 {
			st.severity = rc.Severity
		}
		if rc.MinConfidence != nil {
			st.minConf = *rc.MinConfidence
		}
		if st.options, err = resolveOptions(r, rc.Options); err != nil {
			return nil, err
		}
		if r.Prepare != nil {
			if st.prepared, err = r.Prepare(st.options); err != nil {
				return nil, fmt.Errorf("rule %s: %w", r.Name, err)
			}
		}
		c.rules = append(c.rules, st)
		c.needs |= r.Needs
	}
	return c, nil
}

// Rules returns the rules the Checker runs, in order.
func (c *Checker) Rules() []*Rule {
	out := make([]*Rule, len(c.rules))
	for i, st := range c.rules {
		out[i] = st.rule
	}
	return out
}

// Needs returns the union of the analysis layers the running rules need.
func (c *Checker) Needs() Need { return c.needs }

// ErrInvalidUTF8 is returned (wrapped, with the byte offset) for text that is
// not valid UTF-8.
var ErrInvalidUTF8 = errors.New("invalid UTF-8")

// ErrBinary is returned (wrapped) for input that looks like a binary file.
var ErrBinary = errors.New("binary data")

// ValidateText checks that b is text mtcheck can check: valid UTF-8 without
// NUL bytes. The error names the first offending byte offset.
func ValidateText(b []byte) error {
	for i := 0; i < len(b); {
		c := b[i]
		if c == 0 {
			return fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return fmt.Errorf("%w at byte offset %d", ErrInvalidUTF8, i)
		}
		i += size
	}
	return nil
}

// Check runs the rules over text. It fails for text that is not valid UTF-8,
// when ctx is done, or when a rule fails or reports a malformed diagnostic.
func (c *Checker) Check(ctx context.Context, text string) (*Report, error) {
	if !utf8.ValidString(text) {
		return nil, ValidateText([]byte(text))
	}
	return c.CheckDocument(ctx, NewDocument(text))
}

// CheckDocument runs the rules over a prepared document.
func (c *Checker) CheckDocument(ctx context.Context, doc *Document) (*Report, error) {
	perRule := make([][]Diagnostic, len(c.rules))
	total := 0
	for i := range c.rules {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		st := &c.rules[i]
		got, err := runRule(ctx, st, doc)
		if err != nil {
			return nil, err
		}
		if err := ctx.Err(); err != nil {
			return nil, err // the rule may have stopped early: its findings are partial
		}
		kept := got[:0]
		for _, d := range got {
			if d.Confidence < st.minConf {
				continue
			}
			if err := validateDiagnostic(doc.text, d); err != nil {
				return nil, fmt.Errorf("rule %s: %w", st.rule.Name, err)
			}
			d.Severity = st.severity
			kept = append(kept, d)
		}
		perRule[i] = kept
		total += len(kept)
	}
	var diags []Diagnostic
	if total > 0 {
		diags = make([]Diagnostic, 0, total)
		for _, got := range perRule {
			diags = append(diags, got...)
		}
	}
	SortDiagnostics(diags)
	return newReport(doc, diags), nil
}

func runRule(ctx context.Context, st *ruleState, doc *Document) (diags []Diagnostic, err error) {
	p := &Pass{Rule: st.rule, Doc: doc, ctx: ctx, options: st.options, prepared: st.prepared}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("rule %s panicked: %v\n%s", st.rule.Name, r, debug.Stack())
		}
	}()
	if err := st.rule.Run(p); err != nil {
		return nil, fmt.Errorf("rule %s: %w", st.rule.Name, err)
	}
	return p.diags, nil
}

func validSpan(text string, s Span) error {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return fmt.Errorf("span %v outside text of %d bytes", s, len(text))
	}
	if (s.Start < len(text) && !utf8.RuneStart(text[s.Start])) || (s.End < len(text) && !utf8.RuneStart(text[s.End])) {
		return fmt.Errorf("span %v splits a UTF-8 sequence", s)
	}
	return nil
}

func validateDiagnostic(text string, d Diagnostic) error {
	if err := validSpan(text, d.Span); err != nil {
		return err
	}
	for _, r := range d.Related {
		if err := validSpan(text, r); err != nil {
			return fmt.Errorf("related: %w", err)
		}
	}
	for _, f := range d.Fixes {
		for _, e := range f.Edits {
			if err := validSpan(text, e.Span); err != nil {
				return fmt.Errorf("fix %q: %w", f.Message, err)
			}
			if !utf8.ValidString(e.NewText) {
				return fmt.Errorf("fix %q: replacement is not valid UTF-8", f.Message)
			}
		}
	}
	return nil
}
