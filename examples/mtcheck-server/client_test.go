package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// needTool skips the test when what is missing, unless CI requires tools.
func needTool(t *testing.T, what string) {
	t.Helper()
	if os.Getenv("MTCHECK_REQUIRE_TOOLS") == "1" {
		t.Fatalf("%s is required (MTCHECK_REQUIRE_TOOLS=1); .ci/install-deps installs it", what)
	}
	t.Skipf("%s is not installed (run .ci/install-deps)", what)
}

const ltClientDir = "testdata/ltclient"

// TestLanguageToolClientLibrary drives the npm LanguageTool client
// language-grammar-api, and annotatedtext-remark (the Markdown converter
// LanguageTool editor plugins use), against a server on loopback.
func TestLanguageToolClientLibrary(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		needTool(t, "node")
	}
	for _, pkg := range []string{"language-grammar-api", "annotatedtext-remark"} {
		if _, err := os.Stat(filepath.Join(ltClientDir, "node_modules", pkg, "package.json")); err != nil {
			needTool(t, "npm package "+pkg)
		}
	}
	base, _, _, _ := startServe(t, config{}, time.Second)

	text := "Fire 🔥 — smoke — very bad.Crews came.\nShare post:\nEnd."
	markdown := "# Storm 🌀 report\n\nThe crew — *very* tired.Then they left.\n\nShare post:\n"
	job, _ := json.Marshal(map[string]string{"endpoint": base + "/v2", "text": text, "markdown": markdown})
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "check.js")
	cmd.Dir = ltClientDir
	cmd.Stdin = bytes.NewReader(job)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Run(), "node check.js: %s", stderr.String())

	var out struct {
		Languages       []ltLang
		Plain           ltResponse
		Markdown        ltResponse
		Annotation      map[string]any
		PlainFlagged    []string
		MarkdownFlagged []string
		ContextFlagged  []string
		BadLanguage     string
	}
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &out), stdout.String())
	assert.Equal(t, ltLanguages, out.Languages)
	assert.Equal(t, "mtcheck", out.Plain.Software.Name)
	assert.Equal(t, []string{"very", "d.C", "Share post:"}, out.PlainFlagged, "offsets are JavaScript string indexes")
	assert.Equal(t, out.PlainFlagged, out.ContextFlagged)
	assert.Equal(t, "d. C", out.Plain.Matches[1].Replacements[0].Value)
	assert.Equal(t, []string{"very", "d.T", "Share post:"}, out.MarkdownFlagged, "offsets into the Markdown source")
	assert.NotEmpty(t, out.Annotation["annotation"])
	assert.Equal(t, "en-US", out.Markdown.Language.Code)
	assert.Contains(t, out.BadLanguage, "not a language code", "the client surfaces the 400 text")
}
