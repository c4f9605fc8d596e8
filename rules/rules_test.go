package rules

import (
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBuiltinSet pins the built-in rule set: every rule the seed article and
// the issues call for is built in and on by default, with a category, a
// one-line doc and a checker that accepts it.
func TestBuiltinSet(t *testing.T) {
	want := []string{
		"mt-fingerprint", "tortured-phrase", "name-consistency", "fused-words", "missing-space",
		"spliced-fragment", "sentence-fragment", "quotes", "brackets", "boilerplate",
		"duplicate-line", "repeated-word", "encoding",
	}
	var got []string
	for _, r := range Default() {
		got = append(got, r.Name)
	}
	assert.Equal(t, want, got)
	for _, a := range seedArtefacts {
		assert.NotNil(t, ByName(a.rule), "seed artefact rule %s is built in", a.rule)
	}
	seen := map[string]bool{}
	for _, r := range All() {
		assert.False(t, seen[r.Name], "duplicate rule %s", r.Name)
		seen[r.Name] = true
		_, err := mtcheck.ParseCategory(string(r.Category))
		assert.NoError(t, err, r.Name)
		assert.NotEmpty(t, r.Summary(), r.Name)
		assert.NotContains(t, r.Summary(), "\n")
		require.NotNil(t, r.Run, r.Name)
		_, err = mtcheck.New([]*mtcheck.Rule{r})
		assert.NoError(t, err, r.Name)
	}
	assert.Nil(t, ByName("no-such-rule"))
}
