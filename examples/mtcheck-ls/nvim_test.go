package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// requireTool returns the path of an external program, skipping the test
// when it is absent unless MTCHECK_REQUIRE_TOOLS=1 (CI), where it fails.
func requireTool(t *testing.T, name, hint string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("MTCHECK_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is required (MTCHECK_REQUIRE_TOOLS=1) but not installed: %s", name, hint)
		}
		t.Skipf("%s is not installed (%s); set MTCHECK_REQUIRE_TOOLS=1 to make this a failure", name, hint)
	}
	return p
}

// buildServer builds the mtcheck-ls binary into dir.
func buildServer(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "mtcheck-ls")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// nvimResult is what test/init.lua writes.
type nvimResult struct {
	Nvim               string                     `json:"nvim"`
	Error              string                     `json:"error"`
	Filetype           string                     `json:"filetype"`
	OffsetEncoding     string                     `json:"offset_encoding"`
	FirstDiagnosticsMS float64                    `json:"first_diagnostics_ms"`
	RecheckMS          float64                    `json:"recheck_ms"`
	Diagnostics        []nvimDiagnostic           `json:"diagnostics"`
	FinalDiagnostics   []nvimDiagnostic           `json:"final_diagnostics"`
	Published          []publishDiagnosticsParams `json:"published"`
	Titles             []string                   `json:"titles"`
	Steps              []string                   `json:"steps"`
	ExitCode           *int                       `json:"exit_code"`
}

// nvimDiagnostic is a vim.diagnostic entry: 0-based line, byte columns.
type nvimDiagnostic struct {
	Lnum     int    `json:"lnum"`
	Col      int    `json:"col"`
	EndLnum  int    `json:"end_lnum"`
	EndCol   int    `json:"end_col"`
	Severity int    `json:"severity"`
	Code     string `json:"code"`
	Source   string `json:"source"`
	Message  string `json:"message"`
}

// TestNeovim drives the server from a real, headless Neovim: diagnostics
// on a Markdown file with machine-translation artefacts after multi-byte
// characters, two quick fixes applied through code actions at the cursor,
// the file written, the server stopped; once with UTF-16 positions and once
// with UTF-8 negotiated.
func TestNeovim(t *testing.T) {
	nvim := requireTool(t, "nvim", "apt-get install neovim, or run .ci/install-deps")
	bin := buildServer(t, t.TempDir())
	for _, enc := range []string{"utf-16", "utf-8"} {
		t.Run(enc, func(t *testing.T) { testNeovim(t, nvim, bin, enc) })
	}
}

// testNeovim runs one Neovim session; with encoding "utf-8" Neovim offers
// UTF-8 positions, otherwise nothing (Neovim 0.7's default).
func testNeovim(t *testing.T, nvim, bin, encoding string) {
	tmp := t.TempDir()
	ws := filepath.Join(tmp, "workspace")
	if err := os.MkdirAll(ws, 0o755); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("testdata/artefacts.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	// The project file raises quotes to an error: the server must read it
	// from the workspace Neovim names.
	if err := os.WriteFile(filepath.Join(ws, ".mtcheck.yml"), []byte("rules:\n  quotes: error\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(ws, "notes.md")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	initLua, err := filepath.Abs("test/init.lua")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(tmp, "nvim.json")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-u", initLua, "notes.md")
	cmd.Dir = ws
	cmd.Env = append(os.Environ(),
		"MTCHECK_LS="+bin, "MTCHECK_ROOT="+ws, "MTCHECK_OUT="+out,
		// Keep Neovim's log, state and swap files out of the home directory.
		"XDG_CACHE_HOME="+filepath.Join(tmp, "cache"), "XDG_STATE_HOME="+filepath.Join(tmp, "state"),
		"XDG_DATA_HOME="+filepath.Join(tmp, "data"), "XDG_CONFIG_HOME="+filepath.Join(tmp, "config"))
	if encoding == "utf-8" {
		cmd.Env = append(cmd.Env, "MTCHECK_ENCODING=utf-8")
	}
	start := time.Now()
	output, err := cmd.CombinedOutput()
	t.Logf("nvim ran for %v", time.Since(start).Round(time.Millisecond))
	if err != nil {
		t.Fatalf("nvim: %v\n%s", err, output)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("nvim wrote no result: %v\n%s", err, output)
	}
	var res nvimResult
	if err := json.Unmarshal(raw, &res); err != nil {
		t.Fatalf("result %s: %v", raw, err)
	}
	t.Logf("Neovim %s, %s positions: first diagnostics after %.0f ms (server start included), re-check after a fix %.0f ms; steps %q",
		res.Nvim, res.OffsetEncoding, res.FirstDiagnosticsMS, res.RecheckMS, res.Steps)
	if res.Error != "" {
		t.Fatalf("init.lua failed: %s\nsteps %q\n%s", res.Error, res.Steps, output)
	}
	if res.Filetype != "markdown" || res.OffsetEncoding != encoding {
		t.Errorf("filetype %q, encoding %q; want markdown and %s", res.Filetype, res.OffsetEncoding, encoding)
	}

	// Where each finding must be: Neovim's columns are bytes, converted
	// from the server's UTF-16 characters, so a wrong UTF-16 count after
	// the em dash and the emoji would move them.
	type want struct {
		code, flagged string
		severity      int
	}
	wants := []want{
		{"missing-space", "talks.But", 2},
		{"quotes", "“”", 1},
		{"mt-fingerprint", "rice field.", 1},
	}
	if len(res.Diagnostics) != len(wants) {
		t.Fatalf("diagnostics %+v, want %d", res.Diagnostics, len(wants))
	}
	for i, w := range wants {
		d := res.Diagnostics[i]
		off := strings.Index(text, w.flagged)
		start, end := lspPos(text, off, true), lspPos(text, off+len(w.flagged), true)
		if d.Code != w.code || d.Source != "mtcheck" || d.Severity != w.severity ||
			d.Lnum != start.Line || d.Col != start.Character || d.EndLnum != end.Line || d.EndCol != end.Character {
			t.Errorf("diagnostic %d = %+v; want %s (severity %d) at line %d bytes %d-%d", i, d, w.code, w.severity, start.Line, start.Character, end.Character)
		}
	}
	// The first publish, as sent: characters in the negotiated encoding.
	if len(res.Published) == 0 || res.Published[0].Version == nil || *res.Published[0].Version != 0 {
		t.Fatalf("published %+v: want version 0 (Neovim's first) first", res.Published)
	}
	for _, d := range res.Published[0].Diagnostics {
		if d.Code == "missing-space" {
			off := strings.Index(text, "talks.But")
			if w := lspPos(text, off, encoding == "utf-8"); d.Range.Start != w {
				t.Errorf("published start %+v, want %s %+v", d.Range.Start, encoding, w)
			}
		}
	}
	if len(res.Titles) != 1 || res.Titles[0] != "insert a space (missing-space)" {
		t.Errorf("code actions at the cursor: %q, want just the missing-space fix", res.Titles)
	}

	// The fixed file.
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fixed := strings.Replace(text, "talks.But", "talks. But", 1)
	fixed = strings.Replace(fixed, " rice field.", "", 1)
	if string(got) != fixed {
		t.Errorf("file after the fixes:\n%s\nwant:\n%s", got, fixed)
	}
	// What is left: the empty quotation marks, reported against the fixed
	// text.
	if len(res.FinalDiagnostics) != 1 || res.FinalDiagnostics[0].Code != "quotes" || res.FinalDiagnostics[0].Lnum != 4 {
		t.Errorf("final diagnostics %+v, want only quotes", res.FinalDiagnostics)
	}
	if res.ExitCode == nil || *res.ExitCode != 0 {
		t.Errorf("server exit code %v, want 0 after Neovim's shutdown and exit", res.ExitCode)
	}
	last := res.Published[len(res.Published)-1]
	if last.Version == nil || len(last.Diagnostics) != 1 {
		t.Errorf("last publish %+v, want the fixed text's one finding", last)
	}
}
