package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/rules"
)

// This file holds everything the JavaScript glue (main_js.go) calls that can
// be tested without a browser: option parsing, the rule sets, the report in
// the shape JavaScript sees, and the conversion between mtcheck's byte
// offsets and the UTF-16 code unit offsets JavaScript strings index by.

// utf16Offsets converts a set of byte offsets into a UTF-8 text to UTF-16
// code unit offsets, the way JavaScript's String.prototype.slice counts.
// Build it with the offsets that will be asked for: it sorts them and walks
// the text once, up to the largest, instead of rescanning per offset.
type utf16Offsets struct {
	text  string
	bytes []int // sorted, distinct byte offsets
	units []int // units[i] is the UTF-16 offset of bytes[i]
}

// newUTF16Offsets prepares the conversion of offs (in any order, repeats
// allowed) in text. Offsets are clamped to [0, len(text)].
func newUTF16Offsets(text string, offs []int) *utf16Offsets {
	bs := make([]int, len(offs))
	for i, o := range offs {
		bs[i] = min(max(o, 0), len(text))
	}
	slices.Sort(bs)
	bs = slices.Compact(bs)
	units := make([]int, len(bs))
	pos, u := 0, 0
	for i, target := range bs {
		u += utf16Units(text[pos:target])
		pos = target
		units[i] = u
	}
	return &utf16Offsets{text: text, bytes: bs, units: units}
}

// utf16Units counts the UTF-16 code units of the UTF-8 text s from its byte
// values alone: every byte that starts a character counts one unit, and the
// lead byte of a four-byte sequence (a character outside the Basic
// Multilingual Plane, a surrogate pair in UTF-16) counts two.
func utf16Units(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x80:
			n++
		case c >= 0xF0:
			n += 2
		case c >= 0xC0:
			n++
		}
	}
	return n
}

// at returns the UTF-16 offset of byte offset off. Offsets given to
// newUTF16Offsets cost a binary search; others are counted from the nearest
// prepared offset before them.
func (m *utf16Offsets) at(off int) int {
	off = min(max(off, 0), len(m.text))
	i, ok := slices.BinarySearch(m.bytes, off)
	if ok {
		return m.units[i]
	}
	from, u := 0, 0
	if i > 0 {
		from, u = m.bytes[i-1], m.units[i-1]
	}
	return u + utf16Units(m.text[from:off])
}

// byteOffsets converts UTF-16 code unit offsets (as JavaScript sends them)
// back to byte offsets in text, in one walk over the text. An offset that
// falls inside a surrogate pair, is negative or lies beyond the text maps to
// -1, which mtcheck rejects as an invalid edit.
func byteOffsets(text string, units []int) map[int]int {
	sorted := slices.Clone(units)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	out := make(map[int]int, len(sorted))
	k := 0
	for k < len(sorted) && sorted[k] < 0 {
		out[sorted[k]] = -1
		k++
	}
	u := 0
	for i, r := range text {
		for k < len(sorted) && sorted[k] <= u {
			if sorted[k] == u {
				out[u] = i
			} else {
				out[sorted[k]] = -1 // inside a surrogate pair
			}
			k++
		}
		if k == len(sorted) {
			return out
		}
		if r >= 0x10000 {
			u += 2
		} else {
			u++
		}
	}
	for ; k < len(sorted); k++ {
		if sorted[k] == u {
			out[u] = len(text)
		} else {
			out[sorted[k]] = -1
		}
	}
	return out
}

// jsEdit, jsFix, jsDiagnostic and jsReport are the report as JavaScript sees
// it, with UTF-16 offsets.
type jsEdit struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type jsFix struct {
	Message string   `json:"message"`
	Safe    bool     `json:"safe"`
	Edits   []jsEdit `json:"edits"`
}

type jsDiagnostic struct {
	Rule       string  `json:"rule"`
	Category   string  `json:"category"`
	Severity   string  `json:"severity"`
	Confidence float64 `json:"confidence"`
	Message    string  `json:"message"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Fixes      []jsFix `json:"fixes"`
}

type jsReport struct {
	Score       float64            `json:"score"`
	Words       int                `json:"words"`
	Penalty     float64            `json:"penalty"`
	Categories  map[string]float64 `json:"categories"`
	Diagnostics []jsDiagnostic     `json:"diagnostics"`
}

// toJS converts a report on text to its JavaScript shape.
func toJS(text string, rep *mtcheck.Report) *jsReport {
	var offs []int
	for _, d := range rep.Diagnostics {
		offs = append(offs, d.Start, d.End)
		for _, f := range d.Fixes {
			for _, e := range f.Edits {
				offs = append(offs, e.Start, e.End)
			}
		}
	}
	m := newUTF16Offsets(text, offs)
	out := &jsReport{
		Score:       rep.Score,
		Words:       rep.Words,
		Penalty:     rep.Penalty,
		Categories:  make(map[string]float64, len(rep.Categories)),
		Diagnostics: make([]jsDiagnostic, 0, len(rep.Diagnostics)),
	}
	for c, p := range rep.Categories {
		out.Categories[string(c)] = p
	}
	for _, d := range rep.Diagnostics {
		jd := jsDiagnostic{
			Rule:       d.Rule,
			Category:   string(d.Category),
			Severity:   d.Severity.String(),
			Confidence: d.Confidence,
			Message:    d.Message,
			Start:      m.at(d.Start),
			End:        m.at(d.End),
			Fixes:      make([]jsFix, 0, len(d.Fixes)),
		}
		for _, f := range d.Fixes {
			jf := jsFix{Message: f.Message, Safe: f.Safe, Edits: make([]jsEdit, 0, len(f.Edits))}
			for _, e := range f.Edits {
				jf.Edits = append(jf.Edits, jsEdit{Start: m.at(e.Start), End: m.at(e.End), Text: e.NewText})
			}
			jd.Fixes = append(jd.Fixes, jf)
		}
		out.Diagnostics = append(out.Diagnostics, jd)
	}
	return out
}

// checkOptions are the options of mtcheck.check in JavaScript.
type checkOptions struct {
	// Rules, when not empty, runs exactly these rules.
	Rules []string `json:"rules"`
	// Disable switches these rules off.
	Disable []string `json:"disable"`
	// MinConfidence drops findings whose confidence is below it.
	MinConfidence float64 `json:"minConfidence"`
}

// parseOptions decodes the JSON of a JavaScript options object; null,
// undefined (empty input) and {} mean the defaults. Unknown keys are errors,
// so a misspelt option does not pass unnoticed.
func parseOptions(data string) (checkOptions, error) {
	var o checkOptions
	data = strings.TrimSpace(data)
	if data == "" || data == "null" || data == "undefined" {
		return o, nil
	}
	dec := json.NewDecoder(strings.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&o); err != nil {
		return o, fmt.Errorf("options: %v (known options: rules, disable, minConfidence)", err)
	}
	if dec.More() {
		return o, fmt.Errorf("options: unexpected data after the options object")
	}
	return o, nil
}

// ruleSet is the rules one build runs by default and knows about.
type ruleSet struct {
	variant  string
	defaults []*mtcheck.Rule
	known    []*mtcheck.Rule
}

// cheapRules keeps the rules that need no analysis layer.
func cheapRules(rs []*mtcheck.Rule) []*mtcheck.Rule {
	var out []*mtcheck.Rule
	for _, r := range rs {
		if r.Needs == 0 {
			out = append(out, r)
		}
	}
	return out
}

// checkers builds checkers for options and caches them: building one
// prepares every rule, which need not be repeated on each keystroke.
type checkers struct {
	set   ruleSet
	mu    sync.Mutex
	cache map[string]*mtcheck.Checker
}

// maxCachedCheckers bounds the checker cache; a page uses one or two
// option sets, so the cache is simply emptied when full.
const maxCachedCheckers = 16

func newCheckers(set ruleSet) *checkers {
	return &checkers{set: set, cache: make(map[string]*mtcheck.Checker)}
}

// get returns the checker for o.
func (cs *checkers) get(o checkOptions) (*mtcheck.Checker, error) {
	key, _ := json.Marshal(o)
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if c, ok := cs.cache[string(key)]; ok {
		return c, nil
	}
	knownHere := make(map[string]bool, len(cs.set.known))
	for _, r := range cs.set.known {
		knownHere[r.Name] = true
	}
	for _, name := range append(slices.Clone(o.Rules), o.Disable...) {
		if !knownHere[name] && rules.ByName(name) != nil {
			return nil, fmt.Errorf("rule %q needs analysis layers that the %s build leaves out; load the full build", name, cs.set.variant)
		}
	}
	cfg := mtcheck.Config{MinConfidence: o.MinConfidence}
	if len(o.Rules) > 0 {
		for _, name := range o.Rules {
			if !slices.Contains(o.Disable, name) {
				cfg.Only = append(cfg.Only, name)
			}
		}
		if len(cfg.Only) == 0 {
			return nil, fmt.Errorf("options: every rule in rules is disabled")
		}
	}
	if len(o.Disable) > 0 {
		cfg = cfg.Disable(o.Disable...)
	}
	c, err := mtcheck.New(cs.set.defaults, mtcheck.WithRegistry(cs.set.known), mtcheck.WithConfig(cfg))
	if err != nil {
		return nil, err
	}
	if len(cs.cache) >= maxCachedCheckers {
		clear(cs.cache)
	}
	cs.cache[string(key)] = c
	return c, nil
}

// check checks text with the options given as JSON and returns the report in
// its JavaScript shape.
func (cs *checkers) check(text, optionsJSON string) (*jsReport, error) {
	o, err := parseOptions(optionsJSON)
	if err != nil {
		return nil, err
	}
	c, err := cs.get(o)
	if err != nil {
		return nil, err
	}
	rep, err := c.Check(context.Background(), text)
	if err != nil {
		return nil, err
	}
	return toJS(text, rep), nil
}

// jsFixResult is the result of mtcheck.applyFixes in JavaScript.
type jsFixResult struct {
	Text    string      `json:"text"`
	Applied int         `json:"applied"`
	Skipped []jsSkipped `json:"skipped"`
}

type jsSkipped struct {
	Rule    string `json:"rule"`
	Message string `json:"message"`
	Reason  string `json:"reason"`
}

// applyFixes applies the first fix of each diagnostic (given as the JSON of
// diagnostics that check returned, UTF-16 offsets) to text, only safe fixes
// when safeOnly is set. Overlapping fixes are skipped, as in
// [mtcheck.ApplyFixes].
func applyFixes(text, diagnosticsJSON string, safeOnly bool) (*jsFixResult, error) {
	var in []jsDiagnostic
	if err := json.Unmarshal([]byte(diagnosticsJSON), &in); err != nil {
		return nil, fmt.Errorf("diagnostics: %v", err)
	}
	var units []int
	for _, d := range in {
		units = append(units, d.Start, d.End)
		if len(d.Fixes) > 0 {
			for _, e := range d.Fixes[0].Edits {
				units = append(units, e.Start, e.End)
			}
		}
	}
	b := byteOffsets(text, units)
	diags := make([]mtcheck.Diagnostic, 0, len(in))
	for _, d := range in {
		md := mtcheck.Diagnostic{Span: mtcheck.Span{Start: b[d.Start], End: b[d.End]}, Rule: d.Rule, Message: d.Message}
		if len(d.Fixes) > 0 {
			f := d.Fixes[0]
			mf := mtcheck.Fix{Message: f.Message, Safe: f.Safe}
			for _, e := range f.Edits {
				mf.Edits = append(mf.Edits, mtcheck.TextEdit{Span: mtcheck.Span{Start: b[e.Start], End: b[e.End]}, NewText: e.Text})
			}
			md.Fixes = []mtcheck.Fix{mf}
		}
		diags = append(diags, md)
	}
	res := mtcheck.ApplyFixes(text, diags, safeOnly)
	out := &jsFixResult{Text: res.Text, Applied: len(res.Applied), Skipped: []jsSkipped{}}
	for _, s := range res.Skipped {
		out.Skipped = append(out.Skipped, jsSkipped{Rule: s.Diagnostic.Rule, Message: s.Diagnostic.Message, Reason: s.Reason})
	}
	return out, nil
}

// jsRule describes a rule for JavaScript (mtcheck.rules).
type jsRule struct {
	Name     string `json:"name"`
	Category string `json:"category"`
	Severity string `json:"severity"`
	Summary  string `json:"summary"`
	Default  bool   `json:"default"`
}

// describeRules lists the rules a build knows, default ones marked.
func describeRules(set ruleSet) []jsRule {
	out := make([]jsRule, 0, len(set.known))
	for _, r := range set.known {
		out = append(out, jsRule{
			Name:     r.Name,
			Category: string(r.Category),
			Severity: r.DefaultSeverity().String(),
			Summary:  r.Summary(),
			Default:  slices.Contains(set.defaults, r),
		})
	}
	return out
}

// layerNeeds is the union of the analysis layers rules need.
func layerNeeds(rs []*mtcheck.Rule) mtcheck.Need {
	var n mtcheck.Need
	for _, r := range rs {
		n |= r.Needs
	}
	return n
}

// warmUp loads what the analysis layers in needs load on first use (the
// sentence segmenter's data, prose's model), so that the first check does
// not pay for it. It does nothing when needs is zero or the build has no
// layers.
func warmUp(needs mtcheck.Need) {
	if needs == 0 || !mtcheck.LayersAvailable {
		return
	}
	const text = "The council met in Brussels on Monday. It approved the plan."
	d := mtcheck.NewDocument(text)
	d.Sentences()
	all := mtcheck.Span{Start: 0, End: len(text)}
	if needs&mtcheck.NeedTokens != 0 {
		d.Tokens()
	}
	if needs&mtcheck.NeedTags != 0 {
		d.Tag(all)
	}
	if needs&mtcheck.NeedEntities != 0 {
		d.Entities(all)
	}
}
