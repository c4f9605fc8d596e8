package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck/config"
)

// These tests run the real built-in rules.

const projectArticle = "Officials met on Monday.But the talks failed.\n\nThe the delegates left early.\n"

func TestProjectFileIsFoundAndApplied(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, ".mtcheck.yml", `fail-level: error
rules:
  missing-space: {severity: error}
  repeated-word: off
phrases:
  - name: house-delegates
    message: 'Say "envoys", not "%s".'
    match: [delegates]
    replace: envoys
    severity: info
exclude: [drafts]
overrides:
  - files: ["relaxed/**"]
    rules: {missing-space: off}
`)
	a := writeFile(t, dir, "news/a.txt", projectArticle)
	writeFile(t, dir, "drafts/d.txt", projectArticle)
	writeFile(t, dir, "relaxed/r.txt", projectArticle)

	r := runArgs(t, "", "-format", "json", dir)
	if r.code != 1 {
		t.Fatalf("code %d (want 1: an error-level finding): %s", r.code, r.stderr)
	}
	out := decodeJSON(t, r.stdout)
	byFile := map[string][]string{}
	for _, f := range out.Files {
		rel, _ := filepath.Rel(dir, f.Path)
		for _, d := range f.Diagnostics {
			byFile[filepath.ToSlash(rel)] = append(byFile[filepath.ToSlash(rel)], d.Rule+":"+d.Severity)
		}
		if _, ok := byFile[filepath.ToSlash(rel)]; !ok {
			byFile[filepath.ToSlash(rel)] = nil
		}
	}
	if _, ok := byFile["drafts/d.txt"]; ok {
		t.Errorf("excluded folder was checked: %v", byFile)
	}
	if got := strings.Join(byFile["news/a.txt"], " "); got != "missing-space:error house-delegates:info" {
		t.Errorf("news/a.txt: %s", got)
	}
	if got := strings.Join(byFile["relaxed/r.txt"], " "); got != "house-delegates:info" {
		t.Errorf("relaxed/r.txt (override turns missing-space off): %s", got)
	}
	// A file named on the command line is checked even when excluded.
	r = runArgs(t, "", "-format", "json", filepath.Join(dir, "drafts", "d.txt"))
	if len(decodeJSON(t, r.stdout).Files) != 1 {
		t.Errorf("named excluded file not checked")
	}
	// Flags beat the file: -fail-level and -disable.
	r = runArgs(t, "", "-fail-level", "info", "-disable", "house-delegates", "-format", "json", a)
	if r.code != 1 || strings.Contains(r.stdout, "house-delegates") {
		t.Errorf("flags over file: code %d %s", r.code, r.stdout)
	}
	// -no-config ignores it: repeated-word is back on, severities default.
	r = runArgs(t, "", "-no-config", "-format", "json", a)
	if !strings.Contains(r.stdout, `"repeated-word"`) || strings.Contains(r.stdout, "house-delegates") {
		t.Errorf("-no-config: %s", r.stdout)
	}
}

func TestBadProjectFile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "bad.yml", "rules:\n  missing-space: {severity: fatal}\n")
	a := writeFile(t, dir, "a.txt", projectArticle)
	r := runArgs(t, "", "-config", filepath.Join(dir, "bad.yml"), a)
	if r.code != 2 || !strings.Contains(r.stderr, "bad.yml:2:") || !strings.Contains(r.stderr, "fatal") {
		t.Errorf("bad -config: code %d, stderr %q", r.code, r.stderr)
	}
	// A bad project file found by discovery is an input error for the files
	// it governs: they are reported, the run exits 2.
	writeFile(t, dir, "sub/.mtcheck.yml", "rules: {no-such-rule: off}\n")
	b := writeFile(t, dir, "sub/b.txt", projectArticle)
	r = runArgs(t, "", a, b)
	if r.code != 2 || !strings.Contains(r.stderr, "no-such-rule") || !strings.Contains(r.stdout, "a.txt") {
		t.Errorf("bad discovered config: code %d\nstdout %s\nstderr %s", r.code, r.stdout, r.stderr)
	}
}

func TestInit(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	r := runArgs(t, "", "-init")
	if r.code != 0 {
		t.Fatalf("-init: %d %s", r.code, r.stderr)
	}
	if _, err := config.Load(filepath.Join(dir, ".mtcheck.yml")); err != nil {
		t.Errorf("starter file does not load: %v", err)
	}
	if r = runArgs(t, "", "-init"); r.code != 2 || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("second -init: %d %s", r.code, r.stderr)
	}
}

func TestMarkdownAndHTMLDocuments(t *testing.T) {
	dir := t.TempDir()
	md := writeFile(t, dir, "story.md", "# Talks end\n\nOfficials met on Monday.But the talks failed.\n\n```\ncode.Block stays quiet\n```\n\nSee [the report](https://example.com/a.B) for more.\n")
	html := writeFile(t, dir, "story.html", "<html><body><p>Officials met on Monday.But the talks failed.</p><pre>x.Y</pre><script>var a.B;</script></body></html>\n")
	r := runArgs(t, "", "-no-config", "-format", "json", md, html)
	out := decodeJSON(t, r.stdout)
	if len(out.Files) != 2 {
		t.Fatalf("files: %+v", out.Files)
	}
	for _, f := range out.Files {
		src, _ := os.ReadFile(f.Path)
		if len(f.Diagnostics) != 1 {
			t.Errorf("%s: want exactly the glued sentence, got %+v", f.Path, f.Diagnostics)
			continue
		}
		d := f.Diagnostics[0]
		if got := string(src[d.Start:d.End]); got != "Monday.But" {
			t.Errorf("%s: flagged %q at %d..%d", f.Path, got, d.Start, d.End)
		}
	}
	// -fix edits the original markup-bearing file and keeps the markup.
	if r = runArgs(t, "", "-no-config", "-fix", md, html); r.code != 0 {
		t.Fatalf("-fix: %d %s %s", r.code, r.stdout, r.stderr)
	}
	got, _ := os.ReadFile(md)
	if !strings.Contains(string(got), "Monday. But") || !strings.Contains(string(got), "```\ncode.Block stays quiet\n```") || !strings.Contains(string(got), "(https://example.com/a.B)") {
		t.Errorf("fixed Markdown:\n%s", got)
	}
	got, _ = os.ReadFile(html)
	if !strings.Contains(string(got), "<p>Officials met on Monday. But the talks failed.</p>") {
		t.Errorf("fixed HTML:\n%s", got)
	}
	// Standard input takes -type.
	r = runArgs(t, "Intro.\n\n`a.B` and **Monday.But** here.\n", "-no-config", "-type", "md", "-format", "json", "-")
	if out := decodeJSON(t, r.stdout); len(out.Files) != 1 || len(out.Files[0].Diagnostics) != 1 {
		t.Errorf("stdin -type md: %s", r.stdout)
	}
	if r = runArgs(t, "", "-type", "pdf", "-"); r.code != 2 {
		t.Errorf("-type pdf: code %d", r.code)
	}
}

func TestSuppressionsAndUnusedDisables(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.md", "<!-- mtcheck-disable-next-line missing-space -->\nOfficials met on Monday.But the talks failed.\n\n<!-- mtcheck-disable-next-line repeated-word -->\nNothing to see here.\n")
	r := runArgs(t, "", "-no-config", "-format", "json", a)
	if r.code != 0 || len(decodeJSON(t, r.stdout).Files[0].Diagnostics) != 0 {
		t.Errorf("suppressed: code %d %s", r.code, r.stdout)
	}
	r = runArgs(t, "", "-no-config", "-report-unused-disables", "-format", "json", a)
	diags := decodeJSON(t, r.stdout).Files[0].Diagnostics
	if len(diags) != 1 || diags[0].Rule != "unused-disable" || diags[0].Line != 4 {
		t.Errorf("unused disable: %+v", diags)
	}
}
