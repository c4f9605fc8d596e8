package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/mtcheck/mtcheck/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEvaluateTestdata(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"-testdata", "../../testdata", "-json", "-max-fp", "1"}, &out, &errb)
	require.Equal(t, 0, code, errb.String())
	var res result
	require.NoError(t, json.Unmarshal(out.Bytes(), &res))
	assert.Greater(t, res.CleanWords, 3000)
	byName := map[string]*ruleStats{}
	for _, st := range res.Rules {
		byName[st.Rule] = st
	}
	for _, r := range rules.Default() {
		st := byName[r.Name]
		require.NotNil(t, st, r.Name)
		assert.Greater(t, st.TruePositives, 0, "%s has positive fixtures", r.Name)
	}
}

func TestMaxFPFailsOnDamagedCorpus(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bad.txt"), []byte("Officials met on Monday.But nothing changed. rice field.\n"), 0o644))
	var out, errb bytes.Buffer
	code := run([]string{"-testdata", "../../testdata", "-corpus", dir, "-max-fp", "1"}, &out, &errb)
	assert.Equal(t, 1, code)
	assert.Contains(t, errb.String(), "missing-space")
	assert.Contains(t, errb.String(), "false positives per 10,000 words")
	code = run([]string{"-testdata", "../../testdata", "-corpus", filepath.Join(dir, "absent")}, &out, &errb)
	assert.Equal(t, 2, code)
}

func TestCompareLenient(t *testing.T) {
	dir := t.TempDir()
	body := "Heading line\n\nThey met on Monday.But talks failed. rice field.\n// want missing-space \"Monday.But\"\n// want mt-fingerprint \"rice field.\"\n// want quotes \"“\"\n"
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "heldout"), 0o755))
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "clean"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "heldout", "a.txt"), []byte(body), 0o644))
	res, err := evaluate(dir, []string{filepath.Join(dir, "clean")}, false)
	require.NoError(t, err)
	byName := map[string]*ruleStats{}
	for _, st := range res.Rules {
		byName[st.Rule] = st
	}
	assert.Equal(t, 1, byName["missing-space"].HeldTP)
	assert.Equal(t, 1, byName["mt-fingerprint"].HeldTP)
	assert.Equal(t, 1, byName["quotes"].HeldFN, "an expectation nobody met")
}
