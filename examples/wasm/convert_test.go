package main

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/rules"
)

// artefactText is a paragraph with machine-translation damage, with
// characters of every UTF-8 length before the findings so that byte and
// UTF-16 offsets differ: a curly apostrophe (3 bytes, 1 unit), an emoji
// (4 bytes, 2 units), an e-acute (2 bytes, 1 unit).
const artefactText = "The mayor’s office said on Friday 🙂 at the café that a week of delays had ended the talks.But the union disagreed, " +
	"calling the offer “” a step backwards.\n\n" +
	"Delegates from both sides met again in the evening. rice field.\n"

// naiveUTF16 counts the UTF-16 units of text[:off] the slow, obvious way.
func naiveUTF16(text string, off int) int {
	return len(utf16.Encode([]rune(text[:off])))
}

// randomText mixes characters of every UTF-8 length.
func randomText(r *rand.Rand, n int) string {
	pool := []rune{'a', 'Z', ' ', '.', '\n', 'é', 'ß', '’', '“', '中', '🙂', '𝄞', '\uFFFD'}
	var b strings.Builder
	for range n {
		b.WriteRune(pool[r.IntN(len(pool))])
	}
	return b.String()
}

func runeBoundaries(text string) []int {
	var offs []int
	for i := range text {
		offs = append(offs, i)
	}
	return append(offs, len(text))
}

func TestUTF16OffsetsMatchNaiveCount(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 60 {
		text := randomText(r, n*7)
		all := runeBoundaries(text)
		// Prepare every other boundary, shuffled and with repeats; ask
		// for all of them (the rest are counted from the nearest one).
		var prepared []int
		for i, o := range all {
			if i%2 == 0 {
				prepared = append(prepared, o, o)
			}
		}
		r.Shuffle(len(prepared), func(i, j int) { prepared[i], prepared[j] = prepared[j], prepared[i] })
		m := newUTF16Offsets(text, prepared)
		for _, o := range all {
			require.Equal(t, naiveUTF16(text, o), m.at(o), "text %q offset %d", text, o)
		}
		assert.Equal(t, 0, m.at(-5))
		assert.Equal(t, naiveUTF16(text, len(text)), m.at(len(text)+3))
	}
}

func TestByteOffsetsInvertUTF16(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := range 60 {
		text := randomText(r, n*5)
		var units []int
		want := map[int]int{}
		for _, o := range runeBoundaries(text) {
			u := naiveUTF16(text, o)
			units = append(units, u)
			want[u] = o
		}
		total := naiveUTF16(text, len(text))
		units = append(units, -1, total+1, total+40)
		want[-1], want[total+1], want[total+40] = -1, -1, -1
		// The unit between the halves of a surrogate pair is no offset.
		for i, c := range text {
			if c >= 0x10000 {
				u := naiveUTF16(text, i) + 1
				units = append(units, u)
				want[u] = -1
			}
		}
		got := byteOffsets(text, units)
		require.Equal(t, want, got, "text %q", text)
	}
}

// sliceUTF16 is JavaScript's text.slice(start, end).
func sliceUTF16(text string, start, end int) string {
	u := utf16.Encode([]rune(text))
	return string(utf16.Decode(u[start:end]))
}

func TestCheckReportsUTF16Offsets(t *testing.T) {
	cs := newCheckers(buildRules())
	rep, err := cs.check(artefactText, "")
	require.NoError(t, err)

	native, err := mtcheck.New(buildRules().defaults)
	require.NoError(t, err)
	nrep, err := native.Check(context.Background(), artefactText)
	require.NoError(t, err)
	require.Len(t, rep.Diagnostics, len(nrep.Diagnostics))
	assert.Equal(t, nrep.Score, rep.Score)
	assert.Equal(t, nrep.Words, rep.Words)

	flagged := map[string]string{}
	for i, d := range rep.Diagnostics {
		nd := nrep.Diagnostics[i]
		assert.Equal(t, artefactText[nd.Start:nd.End], sliceUTF16(artefactText, d.Start, d.End), "diagnostic %d", i)
		assert.Equal(t, nd.Rule, d.Rule)
		assert.Equal(t, nd.Severity.String(), d.Severity)
		assert.Equal(t, string(nd.Category), d.Category)
		require.Len(t, d.Fixes, len(nd.Fixes))
		for j, f := range d.Fixes {
			require.Len(t, f.Edits, len(nd.Fixes[j].Edits))
			for k, e := range f.Edits {
				ne := nd.Fixes[j].Edits[k]
				assert.Equal(t, artefactText[ne.Start:ne.End], sliceUTF16(artefactText, e.Start, e.End))
				assert.Equal(t, ne.NewText, e.Text)
			}
		}
		flagged[d.Rule] = sliceUTF16(artefactText, d.Start, d.End)
	}
	assert.Equal(t, "“”", flagged["quotes"])
	assert.Equal(t, "rice field.", flagged["mt-fingerprint"])
	if rules.ByName("missing-space") != nil {
		assert.Contains(t, flagged["missing-space"], ".But")
	}
}

func TestApplyFixesMatchesCore(t *testing.T) {
	cs := newCheckers(buildRules())
	rep, err := cs.check(artefactText, "")
	require.NoError(t, err)
	diags, err := json.Marshal(rep.Diagnostics)
	require.NoError(t, err)

	native, err := mtcheck.New(buildRules().defaults)
	require.NoError(t, err)
	nrep, err := native.Check(context.Background(), artefactText)
	require.NoError(t, err)
	for _, safeOnly := range []bool{false, true} {
		got, err := applyFixes(artefactText, string(diags), safeOnly)
		require.NoError(t, err)
		want := mtcheck.ApplyFixes(artefactText, nrep.Diagnostics, safeOnly)
		assert.Equal(t, want.Text, got.Text, "safeOnly %v", safeOnly)
		assert.Equal(t, len(want.Applied), got.Applied)
		assert.NotContains(t, got.Text, "rice field.")
		assert.NotContains(t, got.Text, "“”")
	}

	// Offsets from a stale or foreign text: an edit inside the emoji's
	// surrogate pair or past the end is skipped, not applied askew.
	emoji := utf16.Encode([]rune(artefactText[:strings.Index(artefactText, "🙂")]))
	bad := `[{"rule":"x","start":0,"end":1,"fixes":[{"message":"m","safe":true,"edits":[{"start":` +
		itoa(len(emoji)+1) + `,"end":` + itoa(len(emoji)+1) + `,"text":"!"}]}]},` +
		`{"rule":"y","start":0,"end":1,"fixes":[{"message":"m","safe":true,"edits":[{"start":100000,"end":100001,"text":""}]}]}]`
	got, err := applyFixes(artefactText, bad, false)
	require.NoError(t, err)
	assert.Equal(t, artefactText, got.Text)
	assert.Equal(t, 0, got.Applied)
	assert.Len(t, got.Skipped, 2)

	_, err = applyFixes(artefactText, `{"not":"a list"}`, false)
	assert.Error(t, err)
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestCheckOptions(t *testing.T) {
	cs := newCheckers(buildRules())
	rulesOf := func(opts string) []string {
		t.Helper()
		rep, err := cs.check(artefactText, opts)
		require.NoError(t, err, opts)
		var out []string
		for _, d := range rep.Diagnostics {
			out = append(out, d.Rule)
		}
		return out
	}
	all := rulesOf("")
	assert.Equal(t, all, rulesOf("null"))
	assert.Equal(t, all, rulesOf("{}"))
	assert.Contains(t, all, "quotes")
	assert.Contains(t, all, "mt-fingerprint")
	assert.Equal(t, []string{"quotes"}, rulesOf(`{"rules":["quotes"]}`))
	assert.Equal(t, []string{"quotes"}, rulesOf(`{"rules":["quotes","mt-fingerprint"],"disable":["mt-fingerprint"]}`))
	assert.NotContains(t, rulesOf(`{"disable":["quotes"]}`), "quotes")
	// mt-fingerprint's "rice field." has confidence 0.95.
	assert.NotContains(t, rulesOf(`{"minConfidence":0.99}`), "mt-fingerprint")
	assert.Contains(t, rulesOf(`{"minConfidence":0.9}`), "mt-fingerprint")

	for opts, want := range map[string]string{
		`{"rule":["quotes"]}`:                         "unknown field",
		`{"rules":["no-such-rule"]}`:                  "no-such-rule",
		`{"disable":["no-such-rule"]}`:                "no-such-rule",
		`{"minConfidence":2}`:                         "between 0 and 1",
		`{"rules":["quotes"],"disable":["quotes"]}`:   "every rule",
		`{"minConfidence":"high"}`:                    "options",
		`[1,2]`:                                       "options",
		`{"rules":["quotes"],"disable":["quotes"]} x`: "after the options",
	} {
		_, err := cs.check(artefactText, opts)
		if assert.Error(t, err, opts) {
			assert.Contains(t, err.Error(), want, opts)
		}
	}

	// Checkers are cached per option set.
	a, err := cs.get(checkOptions{Rules: []string{"quotes"}})
	require.NoError(t, err)
	b, err := cs.get(checkOptions{Rules: []string{"quotes"}})
	require.NoError(t, err)
	assert.Same(t, a, b)
}

func TestRuleSets(t *testing.T) {
	set := buildRules()
	var want []string
	for _, r := range rules.Default() {
		if set.variant == "full" || r.Needs == 0 {
			want = append(want, r.Name)
		}
	}
	var got []string
	for _, r := range set.defaults {
		got = append(got, r.Name)
	}
	assert.Equal(t, want, got)
	desc := describeRules(set)
	require.Len(t, desc, len(set.known))
	for _, d := range desc {
		assert.NotEmpty(t, d.Summary, d.Name)
		assert.NotEmpty(t, d.Category, d.Name)
	}
	for _, r := range rules.All() {
		if r.Needs != 0 && set.variant != "full" {
			_, err := newCheckers(set).check("Text.", `{"rules":["`+r.Name+`"]}`)
			if assert.Error(t, err) {
				assert.Contains(t, err.Error(), "full build")
			}
		}
	}
}

// TestRulesOnlyBuildLeavesProseOut checks that the rules-only WebAssembly
// build, with the tag mtcheck_noprose as build.sh gives it, does not import
// prose, the sentence segmenter or gonum, whose data would be linked in.
func TestRulesOnlyBuildLeavesProseOut(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	cmd := exec.Command("go", "list", "-deps", "-tags", "mtcheck_noprose", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	deps := string(out)
	require.Contains(t, deps, "github.com/mtcheck/mtcheck/rules")
	for _, heavy := range []string{"github.com/jdkato/prose", "gopkg.in/neurosnap/sentences", "gonum.org/"} {
		assert.NotContains(t, deps, heavy)
	}
}

func TestUTF16UnitsIsValidUTF8Count(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		s := randomText(r, r.IntN(50))
		require.True(t, utf8.ValidString(s))
		assert.Equal(t, len(utf16.Encode([]rune(s))), utf16Units(s))
	}
}

// BenchmarkToJS converts a report with many findings on about 1 MB of text.
func BenchmarkToJS(b *testing.B) {
	text := strings.Repeat(artefactText, 1<<20/len(artefactText))
	native, err := mtcheck.New(buildRules().defaults)
	require.NoError(b, err)
	rep, err := native.Check(context.Background(), text)
	require.NoError(b, err)
	b.SetBytes(int64(len(text)))
	b.ReportMetric(float64(len(rep.Diagnostics)), "diagnostics")
	b.ResetTimer()
	for b.Loop() {
		toJS(text, rep)
	}
}

func TestLayerNeeds(t *testing.T) {
	rs := []*mtcheck.Rule{{Name: "a"}, {Name: "b", Needs: mtcheck.NeedSentences}, {Name: "c", Needs: mtcheck.NeedTags}}
	assert.Equal(t, mtcheck.NeedSentences|mtcheck.NeedTags, layerNeeds(rs))
	assert.Equal(t, mtcheck.Need(0), layerNeeds(rs[:1]))
	// The rules-only build has nothing to warm up.
	if buildRules().variant == "rules-only" {
		assert.Equal(t, mtcheck.Need(0), layerNeeds(buildRules().defaults))
	}
}
