package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mtcheck/mtcheck/mtcheck/format"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func useTestRules(t *testing.T) {
	t.Helper()
	old := ruleSets
	ruleSets = testRules
	t.Cleanup(func() { ruleSets = old })
}

func TestParseArgsDefaults(t *testing.T) {
	useTestRules(t)
	o, err := parseArgs(nil, &bytes.Buffer{})
	require.NoError(t, err)
	assert.Equal(t, "127.0.0.1:8081", o.addr, "loopback by default")
	assert.EqualValues(t, 1<<20, o.cfg.MaxBody)
	assert.Equal(t, 10*time.Second, o.cfg.Timeout)
	assert.Equal(t, defaultInflight(), o.cfg.MaxInflight)
	assert.Equal(t, defaultQueueWait, o.cfg.QueueWait)
	assert.Empty(t, o.cfg.CORSOrigins, "no CORS origin by default")
	assert.Len(t, o.cfg.All, 5)

	o, err = parseArgs([]string{"-cors-origin", "https://a.example", "-cors-origin", "https://b.example,https://c.example", "-queue-wait", "0"}, &bytes.Buffer{})
	require.NoError(t, err)
	assert.Equal(t, []string{"https://a.example", "https://b.example", "https://c.example"}, o.cfg.CORSOrigins)
	assert.Negative(t, o.cfg.QueueWait, "-queue-wait 0: no waiting")
}

func TestParseArgsErrors(t *testing.T) {
	useTestRules(t)
	for _, args := range [][]string{
		{"-max-body", "0"}, {"-timeout", "0s"}, {"-max-inflight", "0"}, {"-queue-wait", "-1s"},
		{"-checker-cache", "0"}, {"extra"}, {"-no-such-flag"}, {"-config", "/no/such/file.json"},
	} {
		_, err := parseArgs(args, &bytes.Buffer{})
		assert.Error(t, err, "%v", args)
	}
}

// TestConfigFile loads a project file with the built-in rules: its
// top-level settings apply to every request, its overrides to v1 requests
// whose path they match, and its phrase rules run.
func TestConfigFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, ".mtcheck.yml")
	require.NoError(t, os.WriteFile(good, []byte(`min-confidence: 0.1
rules:
  quotes: off
overrides:
  - files: ["press/**"]
    rules: {brackets: off}
phrases:
  - name: house-utilize
    message: 'Prefer "use" to "%s".'
    match: [utilize]
    replace: use
`), 0o644))
	o, err := parseArgs([]string{"-config", good}, &bytes.Buffer{})
	require.NoError(t, err)
	require.NotNil(t, o.cfg.Project)
	s, _ := newTestServer(t, o.cfg)
	text := "The navy will expand patrols. [naval] Officers utilize the port.\n\nThe council met on Tuesday. \u201c\u201d Residents were not consulted.\n"
	rulesOf := func(path string) []string {
		t.Helper()
		w := postJSON(s, map[string]any{"text": text, "path": path})
		require.Equal(t, http.StatusOK, w.Code, w.Body.String())
		var out []string
		for _, d := range decode[format.JSONFile](t, w).Diagnostics {
			out = append(out, d.Rule)
		}
		return out
	}
	got := rulesOf("")
	assert.Contains(t, got, "brackets")
	assert.Contains(t, got, "house-utilize", "phrase rules run")
	assert.NotContains(t, got, "quotes", "turned off at the top level")
	assert.NotContains(t, rulesOf(filepath.Join(dir, "press", "a.txt")), "brackets", "the override for press/** applies")
	assert.Contains(t, rulesOf(filepath.Join(dir, "blog", "a.txt")), "brackets")

	resp := ltCheck(t, s, url.Values{"text": {text}, "language": {"en-US"}, "disabledRules": {"HOUSE_UTILIZE"}})
	for _, m := range resp.Matches {
		assert.NotEqual(t, "house-utilize", m.Rule.ID)
		assert.NotEqual(t, "quotes", m.Rule.ID)
	}

	bad := filepath.Join(dir, "bad.yml")
	require.NoError(t, os.WriteFile(bad, []byte("min-confidense: 0.6\n"), 0o644))
	_, err = parseArgs([]string{"-config", bad}, &bytes.Buffer{})
	assert.ErrorContains(t, err, "bad.yml")

	unknownRule := filepath.Join(dir, "rule.yml")
	require.NoError(t, os.WriteFile(unknownRule, []byte("rules:\n  nope: on\n"), 0o644))
	var stderr bytes.Buffer
	code := run(context.Background(), []string{"-config", unknownRule, "-addr", "127.0.0.1:0"}, &bytes.Buffer{}, &stderr)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr.String(), "nope")
}

func TestRunVersionAndErrors(t *testing.T) {
	useTestRules(t)
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 0, run(context.Background(), []string{"-version"}, &stdout, &stderr))
	assert.Contains(t, stdout.String(), "mtcheck-server 0.1.0")
	assert.Equal(t, 2, run(context.Background(), []string{"-timeout", "-5s"}, &stdout, &stderr))
	assert.Equal(t, 0, run(context.Background(), []string{"-h"}, &stdout, &stderr))
	stderr.Reset()
	assert.Equal(t, 1, run(context.Background(), []string{"-addr", "127.0.0.1:notaport"}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "mtcheck-server:")
}

func TestRunServesUntilCancelled(t *testing.T) {
	useTestRules(t)
	ctx, cancel := context.WithCancel(context.Background())
	var stderr syncBuffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"-addr", "127.0.0.1:0"}, &bytes.Buffer{}, &stderr) }()
	require.Eventually(t, func() bool { return strings.Contains(stderr.String(), `"msg":"listening"`) }, 5*time.Second, 5*time.Millisecond)
	cancel()
	select {
	case code := <-done:
		assert.Equal(t, 0, code)
	case <-time.After(5 * time.Second):
		t.Fatal("run did not stop")
	}
	lines := stderr.logLines(t)
	assert.Equal(t, "stopped", lines[len(lines)-1]["msg"], "structured JSON logs to the end")
}

// wideAddr pretends to listen on every interface while listening on
// loopback, so the warning can be tested without opening a port to the
// network.
type wideAddr struct{ net.Listener }

func (wideAddr) Addr() net.Addr { return &net.TCPAddr{IP: net.IPv4zero, Port: 8081} }

func TestServeWarnsOnNonLoopback(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	logs := &syncBuffer{}
	cfg := config{Logger: newJSONLogger(logs)}
	cfg.All, cfg.Default = testRules()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, wideAddr{ln}, cfg, time.Second) }()
	require.Eventually(t, func() bool { return strings.Contains(logs.String(), "non-loopback") }, 5*time.Second, 5*time.Millisecond)
	cancel()
	require.NoError(t, <-done)
	for _, m := range logs.logLines(t) {
		if strings.Contains(m["msg"].(string), "non-loopback") {
			assert.Equal(t, "WARN", m["level"])
			assert.Equal(t, "0.0.0.0:8081", m["addr"])
		}
	}
}
