package mtcheck

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wordRule flags every occurrence of word with a fix replacing it.
func wordRule(name, word, repl string, conf float64) *Rule {
	return &Rule{
		Name:     name,
		Doc:      "flags " + word,
		Category: Mistranslation,
		Options:  []OptionSpec{{Name: "suffix", Doc: "appended to the replacement", Default: ""}},
		Run: func(p *Pass) error {
			text := p.Text()
			for i := 0; ; {
				j := strings.Index(text[i:], word)
				if j < 0 {
					return nil
				}
				s := Span{i + j, i + j + len(word)}
				p.Reportf(s, conf, []Fix{ReplaceFix("replace", s, repl+p.Options().String("suffix"), true)}, "found %q", word)
				i = s.End
			}
		},
	}
}

func TestCheckReportsSortedScoredDiagnostics(t *testing.T) {
	c, err := New([]*Rule{wordRule("b", "beta", "B", 0.5), wordRule("a", "alpha", "A", 1)})
	require.NoError(t, err)
	rep, err := c.Check(context.Background(), "beta alpha beta")
	require.NoError(t, err)
	require.Len(t, rep.Diagnostics, 3)
	assert.Equal(t, []string{"b", "a", "b"}, []string{rep.Diagnostics[0].Rule, rep.Diagnostics[1].Rule, rep.Diagnostics[2].Rule})
	assert.Equal(t, Warning, rep.Diagnostics[0].Severity, "default severity")
	assert.Equal(t, Mistranslation, rep.Diagnostics[0].Category)
	assert.Equal(t, 3, rep.Words)
	// (0.5 + 1 + 0.5) warnings over the 200-word minimum: 10 per 1,000 words.
	assert.InDelta(t, 10, rep.Penalty, 1e-9)
	assert.InDelta(t, 80, rep.Score, 1e-9)
	assert.InDelta(t, 10, rep.Categories[Mistranslation], 1e-9)
}

func TestConfig(t *testing.T) {
	a, b := wordRule("a", "alpha", "A", 0.9), wordRule("b", "beta", "B", 0.4)
	optIn := wordRule("opt", "gamma", "G", 1)
	text := "alpha beta gamma"
	run := func(cfg Config) []string {
		t.Helper()
		c, err := New([]*Rule{a, b}, WithRegistry([]*Rule{optIn}), WithConfig(cfg))
		require.NoError(t, err)
		rep, err := c.Check(context.Background(), text)
		require.NoError(t, err)
		var out []string
		for _, d := range rep.Diagnostics {
			out = append(out, d.Rule+":"+d.Severity.String()+":"+d.Fixes[0].Edits[0].NewText)
		}
		return out
	}
	assert.Equal(t, []string{"a:warning:A", "b:warning:B"}, run(Config{}))
	assert.Equal(t, []string{"a:warning:A"}, run(Config{MinConfidence: 0.5}))
	assert.Equal(t, []string{"a:warning:A", "b:warning:B"}, run(Config{MinConfidence: 0.5, Rules: map[string]RuleConfig{"b": {MinConfidence: new(0.1)}}}))
	assert.Equal(t, []string{"b:warning:B", "opt:warning:G"}, run(Config{}.Disable("a").Enable("opt")))
	assert.Equal(t, []string{"opt:warning:G"}, run(Config{Only: []string{"opt"}}))
	assert.Equal(t, []string{"a:error:A!", "b:warning:B"}, run(Config{Rules: map[string]RuleConfig{"a": {Severity: Error, Options: map[string]any{"suffix": "!"}}}}))
	// Settings for a known rule that does not run are validated but harmless.
	assert.Equal(t, []string{"a:warning:A", "b:warning:B"}, run(Config{Rules: map[string]RuleConfig{"opt": {Severity: Info}}}))
}

func TestConfigErrors(t *testing.T) {
	a := wordRule("a", "alpha", "A", 1)
	cases := map[string]Config{
		`unknown rule "nope"`:             {Rules: map[string]RuleConfig{"nope": {}}},
		`unknown rule "zzz"`:              {Only: []string{"zzz"}},
		`unknown option "colour"`:         {Rules: map[string]RuleConfig{"a": {Options: map[string]any{"colour": "red"}}}},
		`option suffix: want a string`:    {Rules: map[string]RuleConfig{"a": {Options: map[string]any{"suffix": 3}}}},
		`minimum confidence must be`:      {MinConfidence: 1.5},
		`rule a: minimum confidence must`: {Rules: map[string]RuleConfig{"a": {MinConfidence: new(-0.1)}}},
		`invalid severity`:                {Rules: map[string]RuleConfig{"a": {Severity: 9}}},
	}
	for want, cfg := range cases {
		_, err := New([]*Rule{a}, WithConfig(cfg))
		require.Error(t, err, want)
		assert.Contains(t, err.Error(), want)
	}
	_, err := New([]*Rule{a, wordRule("a", "x", "y", 1)})
	assert.ErrorContains(t, err, `two different rules are named "a"`)
	_, err = New([]*Rule{{Name: "norun"}})
	assert.ErrorContains(t, err, "needs a name and a Run")
	bad := &Rule{Name: "prep", Run: func(*Pass) error { return nil }, Prepare: func(Options) (any, error) { return nil, errors.New("list.txt:3: missing arrow") }}
	_, err = New([]*Rule{bad})
	assert.ErrorContains(t, err, "rule prep: list.txt:3: missing arrow")
}

func TestOptionConversion(t *testing.T) {
	r := &Rule{Name: "o", Run: func(*Pass) error { return nil }, Options: []OptionSpec{
		{Name: "n", Default: 3}, {Name: "f", Default: 0.5}, {Name: "b", Default: false}, {Name: "l", Default: []string(nil)},
	}}
	opts, err := resolveOptions(r, map[string]any{"n": 4.0, "f": 2, "b": true, "l": []any{"x", "y"}})
	require.NoError(t, err)
	assert.Equal(t, 4, opts.Int("n"))
	assert.Equal(t, 2.0, opts.Float("f"))
	assert.True(t, opts.Bool("b"))
	assert.Equal(t, []string{"x", "y"}, opts.Strings("l"))
	_, err = resolveOptions(r, map[string]any{"n": 4.5})
	assert.ErrorContains(t, err, "want an integer")
	_, err = resolveOptions(r, map[string]any{"l": []any{"x", 1}})
	assert.ErrorContains(t, err, "item 2: want a string")
}

func TestCheckErrors(t *testing.T) {
	panicky := &Rule{Name: "panicky", Run: func(p *Pass) error { var m map[string]int; m["x"]++; return nil }}
	c, err := New([]*Rule{panicky})
	require.NoError(t, err)
	_, err = c.Check(context.Background(), "text")
	assert.ErrorContains(t, err, "rule panicky panicked")

	outside := &Rule{Name: "outside", Run: func(p *Pass) error { p.Reportf(Span{0, 99}, 1, nil, "x"); return nil }}
	c, _ = New([]*Rule{outside})
	_, err = c.Check(context.Background(), "text")
	assert.ErrorContains(t, err, "rule outside: span [0,99) outside text")

	split := &Rule{Name: "split", Run: func(p *Pass) error { p.Reportf(Span{0, 1}, 1, nil, "x"); return nil }}
	c, _ = New([]*Rule{split})
	_, err = c.Check(context.Background(), "é")
	assert.ErrorContains(t, err, "splits a UTF-8 sequence")

	failing := &Rule{Name: "failing", Run: func(p *Pass) error { return errors.New("boom") }}
	c, _ = New([]*Rule{failing})
	_, err = c.Check(context.Background(), "text")
	assert.ErrorContains(t, err, "rule failing: boom")

	c, _ = New([]*Rule{wordRule("a", "a", "b", 1)})
	_, err = c.Check(context.Background(), "ok \xff there")
	assert.ErrorIs(t, err, ErrInvalidUTF8)
	assert.ErrorContains(t, err, "byte offset 3")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = c.Check(ctx, "a")
	assert.ErrorIs(t, err, context.Canceled)

	rep, err := c.Check(context.Background(), "")
	require.NoError(t, err)
	assert.Empty(t, rep.Diagnostics)
	assert.Equal(t, 100.0, rep.Score)
}

func TestValidateText(t *testing.T) {
	assert.NoError(t, ValidateText([]byte("plain café text\n")))
	assert.ErrorIs(t, ValidateText([]byte("ab\x00cd")), ErrBinary)
	err := ValidateText([]byte("abc\xe2\x82"))
	assert.ErrorIs(t, err, ErrInvalidUTF8)
	assert.ErrorContains(t, err, "offset 3")
}

func TestCheckerConcurrentUse(t *testing.T) {
	skipWithoutLayers(t)
	c, err := New([]*Rule{wordRule("a", "alpha", "A", 1), {Name: "sent", Needs: NeedSentences, Run: func(p *Pass) error {
		for _, s := range p.Sentences() {
			p.Reportf(Span{s.Start, s.Start}, 0.5, nil, "sentence")
		}
		return nil
	}}})
	require.NoError(t, err)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Go(func() {
			rep, err := c.Check(context.Background(), "One alpha here. Two alpha there.")
			assert.NoError(t, err)
			assert.Len(t, rep.Diagnostics, 4)
		})
	}
	wg.Wait()
}

func TestApplyFixes(t *testing.T) {
	text := "aaa bbb ccc"
	ins := Diagnostic{Span: Span{3, 3}, Fixes: []Fix{InsertFix("x", 3, "!", true)}}
	del := Diagnostic{Span: Span{4, 8}, Fixes: []Fix{DeleteFix("del", Span{4, 8}, true)}}
	overlap := Diagnostic{Span: Span{6, 9}, Fixes: []Fix{ReplaceFix("r", Span{6, 9}, "Z", true)}}
	unsafe := Diagnostic{Span: Span{8, 11}, Fixes: []Fix{ReplaceFix("r", Span{8, 11}, "CCC", false)}}
	res := ApplyFixes(text, []Diagnostic{unsafe, overlap, del, ins}, true)
	assert.Equal(t, "aaa! ccc", res.Text)
	assert.Len(t, res.Applied, 2)
	require.Len(t, res.Skipped, 1)
	assert.Contains(t, res.Skipped[0].Reason, "overlaps an earlier fix")
	res = ApplyFixes(text, []Diagnostic{unsafe, del, ins}, false)
	assert.Equal(t, "aaa! CCC", res.Text)
	// Two insertions at one point conflict; the second is skipped.
	res = ApplyFixes(text, []Diagnostic{ins, ins}, false)
	assert.Equal(t, "aaa! bbb ccc", res.Text)
	assert.Len(t, res.Skipped, 1)
	// Invalid edits are skipped, not applied.
	bad := Diagnostic{Fixes: []Fix{ReplaceFix("r", Span{5, 50}, "x", true)}}
	res = ApplyFixes(text, []Diagnostic{bad}, false)
	assert.Equal(t, text, res.Text)
	assert.Contains(t, res.Skipped[0].Reason, "invalid edit")
}

func TestApplyFixesIdempotent(t *testing.T) {
	c, err := New([]*Rule{wordRule("a", "teh", "the", 1)})
	require.NoError(t, err)
	rep, err := c.Check(context.Background(), "teh cat saw teh dog")
	require.NoError(t, err)
	once := ApplyFixes(rep.Document().Text(), rep.Diagnostics, true)
	assert.Equal(t, "the cat saw the dog", once.Text)
	rep2, err := c.Check(context.Background(), once.Text)
	require.NoError(t, err)
	assert.Equal(t, once.Text, ApplyFixes(once.Text, rep2.Diagnostics, true).Text)
}

func TestCountWordsAndScore(t *testing.T) {
	assert.Equal(t, 0, CountWords(""))
	assert.Equal(t, 0, CountWords(" — … \n"))
	assert.Equal(t, 7, CountWords("The U.S. army — 3.5% of café\u00a0owners"))
	p, s, cats := Score([]Diagnostic{{Severity: Error, Confidence: 1, Category: Name}, {Severity: Info, Confidence: 0.5, Category: Spacing}}, 1000)
	assert.InDelta(t, 5.05, p, 1e-9)
	assert.InDelta(t, 89.9, s, 1e-9)
	assert.InDelta(t, 5, cats[Name], 1e-9)
	_, s, _ = Score(make([]Diagnostic, 100), 10) // zero severity weighs nothing
	assert.Equal(t, 100.0, s)
	_, s, _ = Score([]Diagnostic{{Severity: Error, Confidence: 1}, {Severity: Error, Confidence: 1}, {Severity: Error, Confidence: 1}}, 100)
	assert.InDelta(t, 0, s, 1e-9, "score never drops below 0")
}

func TestSeverityText(t *testing.T) {
	for _, s := range []Severity{Info, Warning, Error} {
		b, err := s.MarshalText()
		require.NoError(t, err)
		var back Severity
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, s, back)
	}
	_, err := ParseSeverity("fatal")
	assert.ErrorContains(t, err, `unknown severity "fatal"`)
	_, err = ParseCategory("grammar")
	assert.ErrorContains(t, err, `unknown category "grammar"`)
}

func BenchmarkCheckNoRules(b *testing.B) {
	text := strings.Repeat("The minister said on Monday that talks would resume — café owners agreed. ", 14000)
	c, err := New(nil)
	require.NoError(b, err)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Check(context.Background(), text); err != nil {
			b.Fatal(err)
		}
	}
}

func TestSortDiagnostics(t *testing.T) {
	d := func(start, end int, rule, msg string) Diagnostic {
		return Diagnostic{Span: Span{Start: start, End: end}, Rule: rule, Message: msg}
	}
	diags := []Diagnostic{d(5, 9, "a", ""), d(1, 4, "b", ""), d(1, 3, "z", ""), d(1, 4, "a", "first"), d(1, 4, "a", "second"), d(0, 9, "c", "")}
	SortDiagnostics(diags)
	want := []Diagnostic{d(0, 9, "c", ""), d(1, 3, "z", ""), d(1, 4, "a", "first"), d(1, 4, "a", "second"), d(1, 4, "b", ""), d(5, 9, "a", "")}
	assert.Equal(t, want, diags)
}

func TestCancelStopsTaggingRules(t *testing.T) {
	skipWithoutLayers(t)
	ctx, cancel := context.WithCancel(context.Background())
	tagged := 0
	slow := &Rule{Name: "slow", Needs: NeedSentences | NeedTags, Run: func(p *Pass) error {
		for _, s := range p.Sentences() {
			if toks := p.Tag(s.Span); toks != nil {
				tagged++
			}
			cancel() // the client gave up after the first candidate
		}
		return nil
	}}
	c, err := New([]*Rule{slow})
	require.NoError(t, err)
	_, err = c.Check(ctx, strings.Repeat("The council met today. ", 50))
	assert.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 1, tagged, "tagging stops once the context is done")
}
