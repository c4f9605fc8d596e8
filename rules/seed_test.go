package rules

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/mtchecktest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seedArtefact is one piece of damage in the seed article: a diagnostic of
// rule must overlap the nth (0-based) occurrence of anchor.
type seedArtefact struct {
	rule     string
	anchor   string
	nth      int
	optional bool // may be flagged, need not be
}

// seedArtefacts lists every artefact of the seed article that the default
// rules must find. Anything else flagged in the seed is a false positive.
var seedArtefacts = []seedArtefact{
	{rule: "missing-space", anchor: "invasion.But"},
	{rule: "missing-space", anchor: "Union.Stoltenberg"},
	{rule: "mt-fingerprint", anchor: "rice field.", nth: 0},
	{rule: "mt-fingerprint", anchor: "rice field.", nth: 1},
	{rule: "boilerplate", anchor: "Source link"},
	{rule: "boilerplate", anchor: "The post The North"},
	{rule: "boilerplate", anchor: "Please enter your comment!"},
	{rule: "boilerplate", anchor: "Please enter your name here"},
	{rule: "boilerplate", anchor: "Share post:"},
	{rule: "boilerplate", anchor: "More like this"},
	{rule: "boilerplate", anchor: "Rat sperm cells derived", optional: true},
	{rule: "boilerplate", anchor: "Hello everyone and welcome back", optional: true},
	{rule: "boilerplate", anchor: "Michael Saylor is determined", optional: true},
	{rule: "boilerplate", anchor: "Baldwin Technology Company Inc.", optional: true},
	{rule: "duplicate-line", anchor: "The North Atlantic Treaty Organization (NATO) is ready for conflict in Europe, says the chief of the alliance.", nth: 1},
	{rule: "name-consistency", anchor: "Stoltemberg"},
	{rule: "fused-words", anchor: "Vladimirputin"},
	{rule: "spliced-fragment", anchor: "Fierce diplomacy The"},
	{rule: "spliced-fragment", anchor: "Request for new defense pact It"},
	{rule: "spliced-fragment", anchor: "Was not accepted They"},
	{rule: "spliced-fragment", anchor: "Fresh attack In"},
	{rule: "sentence-fragment", anchor: "To make mutual commitments."},
	{rule: "sentence-fragment", anchor: "Pledge not to deploy US missiles in Ukraine.", optional: true},
	{rule: "quotes", anchor: "“”"},
	{rule: "quotes", anchor: "with NATO. “"},
	{rule: "quotes", anchor: "mutual commitments. “"},
	{rule: "quotes", anchor: "ground exercises. “"},
	{rule: "brackets", anchor: "[military]"},
}

func nthIndex(text, sub string, n int) int {
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(text[off:], sub)
		if j < 0 {
			return -1
		}
		if i == n {
			return off + j
		}
		off += j + len(sub)
	}
}

// TestSeedArticle runs the default rules on the seed article: every artefact
// is found and nothing else is flagged.
func TestSeedArticle(t *testing.T) {
	seed := mtchecktest.Seed(t)
	rep := mtchecktest.Check(t, seed, Default()...)
	found := make([]bool, len(seedArtefacts))
	spans := make([]mtcheck.Span, len(seedArtefacts))
	for i, a := range seedArtefacts {
		off := nthIndex(seed, a.anchor, a.nth)
		require.GreaterOrEqual(t, off, 0, "anchor %q not in seed", a.anchor)
		spans[i] = mtcheck.Span{Start: off, End: off + len(a.anchor)}
	}
	for _, d := range rep.Diagnostics {
		ok := false
		for i, a := range seedArtefacts {
			if a.rule == d.Rule && d.Overlaps(spans[i]) {
				found[i], ok = true, true
			}
		}
		if !ok {
			pos := rep.Position(d.Start)
			t.Errorf("false positive in seed at %d:%d: %s %q: %s", pos.Line, pos.Column, d.Rule, seed[d.Start:d.End], d.Message)
		}
	}
	enabled := map[string]bool{}
	for _, r := range Default() {
		enabled[r.Name] = true
	}
	complete := true
	for i, a := range seedArtefacts {
		complete = complete && enabled[a.rule]
		if !found[i] && !a.optional {
			if !enabled[a.rule] {
				// TestBuiltinSet guards that every rule named here is built in.
				t.Logf("seed artefact %q needs rule %s, which is not a default rule", a.anchor, a.rule)
				continue
			}
			t.Errorf("seed artefact not flagged: %s %q", a.rule, a.anchor)
		}
	}
	t.Logf("seed: %d words, score %.1f, %d diagnostics", rep.Words, rep.Score, len(rep.Diagnostics))
	if complete {
		assert.LessOrEqual(t, rep.Score, 60.0, "the seed article must score low")
	}
}

// TestCleanProse runs every default rule on the clean corpus: nothing may be
// flagged, and every text scores at least 95.
func TestCleanProse(t *testing.T) {
	files, err := filepath.Glob("../testdata/clean/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	c, err := mtcheck.New(Default())
	require.NoError(t, err)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		rep, err := c.Check(context.Background(), string(b))
		require.NoError(t, err)
		for _, d := range rep.Diagnostics {
			pos := rep.Position(d.Start)
			t.Errorf("%s:%d:%d: false positive %s %q: %s", filepath.Base(f), pos.Line, pos.Column, d.Rule, string(b)[d.Start:d.End], d.Message)
		}
		assert.GreaterOrEqual(t, rep.Score, 95.0, f)
	}
}
