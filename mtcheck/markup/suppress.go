package markup

import (
	"fmt"
	"strings"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// DirectiveKind is the kind of a suppression comment.
type DirectiveKind uint8

// The suppression comments.
const (
	// Disable ("mtcheck-disable") suppresses findings from here on, until a
	// matching Enable or the end of the document.
	Disable DirectiveKind = iota + 1
	// Enable ("mtcheck-enable") ends the suppression of the rules it names,
	// or of all rules.
	Enable
	// DisableNextLine ("mtcheck-disable-next-line") suppresses findings that
	// start on the line after the comment.
	DisableNextLine
)

// String returns the directive's keyword, e.g. "mtcheck-disable".
func (k DirectiveKind) String() string {
	switch k {
	case Disable:
		return "mtcheck-disable"
	case Enable:
		return "mtcheck-enable"
	case DisableNextLine:
		return "mtcheck-disable-next-line"
	}
	return fmt.Sprintf("DirectiveKind(%d)", int(k))
}

// Directive is one suppression comment, such as
// <!-- mtcheck-disable missing-space,repeated-word -->.
type Directive struct {
	// Span is the comment in the source, "<!--" to "-->".
	Span mtcheck.Span
	// Kind is what the comment does.
	Kind DirectiveKind
	// Rules are the rule names it lists; empty means every rule.
	Rules []string
}

// UnusedDisableRule is the rule name of the diagnostics that report
// suppression comments that suppressed nothing.
const UnusedDisableRule = "unused-disable"

// parseDirective parses the comment src[s:e] ("<!--" ... "-->").
func parseDirective(src string, s, e int) (Directive, bool) {
	c := src[s:e]
	if !strings.HasPrefix(c, "<!--") || !strings.HasSuffix(c, "-->") || len(c) < 7 {
		return Directive{}, false
	}
	body := strings.TrimSpace(c[4 : len(c)-3])
	word, rest, _ := strings.Cut(body, " ")
	if i := strings.IndexAny(word, "\t\n\r"); i >= 0 {
		word, rest = word[:i], word[i:]+" "+rest
	}
	d := Directive{Span: mtcheck.Span{Start: s, End: e}}
	switch word {
	case "mtcheck-disable":
		d.Kind = Disable
	case "mtcheck-enable":
		d.Kind = Enable
	case "mtcheck-disable-next-line":
		d.Kind = DisableNextLine
	default:
		return Directive{}, false
	}
	// A reason may follow the rule list after "--".
	if i := strings.Index(rest, "--"); i >= 0 {
		rest = rest[:i]
	}
	for _, f := range strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' }) {
		d.Rules = append(d.Rules, f)
	}
	return d, true
}

// region is a stretch of source in which a directive suppresses rules.
type region struct {
	span   mtcheck.Span // diagnostics starting in [Start, End] are covered
	dir    int          // index of the directive
	rules  map[string]bool
	except map[string]bool
}

func (g *region) covers(rule string, off int) bool {
	if off < g.span.Start || off > g.span.End {
		return false
	}
	if g.rules == nil {
		return !g.except[rule]
	}
	return g.rules[rule]
}

func ruleSet(names []string) map[string]bool {
	if len(names) == 0 {
		return nil
	}
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// regions turns the directives into suppressed stretches of the source.
func (x *Extracted) regions() []region {
	var out, open []region
	doc := mtcheck.NewDocument(x.Source)
	for i, d := range x.Directives {
		switch d.Kind {
		case DisableNextLine:
			line := doc.LineOf(d.Span.End) + 1
			if line <= doc.LineCount() {
				out = append(out, region{span: doc.Line(line), dir: i, rules: ruleSet(d.Rules)})
			}
		case Disable:
			open = append(open, region{span: mtcheck.Span{Start: d.Span.End}, dir: i, rules: ruleSet(d.Rules)})
		case Enable:
			en := ruleSet(d.Rules)
			var still []region
			for _, g := range open {
				closed := g
				closed.span.End = d.Span.Start
				switch {
				case en == nil:
					out = append(out, closed)
					continue
				case g.rules == nil:
					out = append(out, closed)
					except := map[string]bool{}
					for r := range g.except {
						except[r] = true
					}
					for r := range en {
						except[r] = true
					}
					still = append(still, region{span: mtcheck.Span{Start: d.Span.End}, dir: g.dir, except: except})
					continue
				}
				left := map[string]bool{}
				for r := range g.rules {
					if !en[r] {
						left[r] = true
					}
				}
				if len(left) == len(g.rules) {
					still = append(still, g)
					continue
				}
				out = append(out, closed)
				if len(left) > 0 {
					still = append(still, region{span: mtcheck.Span{Start: d.Span.End}, dir: g.dir, rules: left})
				}
			}
			open = still
		}
	}
	for _, g := range open {
		g.span.End = len(x.Source)
		out = append(out, g)
	}
	return out
}

// Suppress drops the source diagnostics that suppression comments cover. It
// returns the diagnostics kept and, for every directive that suppressed
// nothing of the rules in running (all rules when running is nil), an
// "unused-disable" diagnostic at the comment.
func (x *Extracted) Suppress(diags []mtcheck.Diagnostic, running []string) (kept, unused []mtcheck.Diagnostic) {
	if len(x.Directives) == 0 {
		return diags, nil
	}
	regs := x.regions()
	used := make([]map[string]bool, len(x.Directives))
	for _, d := range diags {
		hit := false
		for _, g := range regs {
			if g.covers(d.Rule, d.Start) {
				if used[g.dir] == nil {
					used[g.dir] = map[string]bool{}
				}
				used[g.dir][d.Rule] = true
				hit = true
			}
		}
		if !hit {
			kept = append(kept, d)
		}
	}
	var runs map[string]bool
	if running != nil {
		runs = ruleSet(running)
		if runs == nil {
			runs = map[string]bool{}
		}
	}
	for i, dir := range x.Directives {
		if dir.Kind == Enable {
			continue
		}
		var msg string
		if len(dir.Rules) == 0 {
			if len(used[i]) == 0 {
				msg = fmt.Sprintf("%s suppresses no diagnostics", dir.Kind)
			}
		} else {
			var idle []string
			for _, r := range dir.Rules {
				if !used[i][r] && (runs == nil || runs[r]) {
					idle = append(idle, fmt.Sprintf("%q", r))
				}
			}
			if len(idle) > 0 {
				msg = fmt.Sprintf("%s: no %s diagnostic to suppress", dir.Kind, strings.Join(idle, " or "))
			}
		}
		if msg == "" {
			continue
		}
		unused = append(unused, mtcheck.Diagnostic{
			Span:       dir.Span,
			Rule:       UnusedDisableRule,
			Message:    msg,
			Confidence: 1,
			Severity:   mtcheck.Warning,
			Fixes:      []mtcheck.Fix{x.removeDirectiveFix(dir)},
		})
	}
	return kept, unused
}

// removeDirectiveFix deletes a suppression comment, with its line when the
// comment stands alone on it.
func (x *Extracted) removeDirectiveFix(d Directive) mtcheck.Fix {
	src := x.Source
	s, e := d.Span.Start, d.Span.End
	ls := strings.LastIndexByte(src[:s], '\n') + 1
	le := len(src)
	if i := strings.IndexByte(src[e:], '\n'); i >= 0 {
		le = e + i + 1
	}
	if strings.TrimSpace(src[ls:s]) == "" && strings.TrimSpace(src[e:le]) == "" {
		s, e = ls, le
	}
	return mtcheck.DeleteFix("remove the unused suppression comment", mtcheck.Span{Start: s, End: e}, false)
}
