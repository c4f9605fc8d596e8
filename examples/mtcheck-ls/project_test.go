package main

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

func codes(diags []diagnostic) string {
	var out []string
	for _, d := range diags {
		out = append(out, d.Code)
	}
	return strings.Join(out, ",")
}

func TestLanguagesThroughMarkup(t *testing.T) {
	c := startServer(t, nil)
	c.initialize(map[string]any{}, "")
	// The glued sentence in the code span and the code block is code, not
	// prose, in Markdown; the one in the paragraph is damage.
	md := "# Pier\n\nUse `talks.But` as a key:\n\n```\nwinter talks.But\n```\n\nThe winter **talks.But** nobody came.\n"
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"markdown", md, []string{"talks.But"}},
		{"html", "<p>Run <code>talks.But</code> first.</p>\n<p>The winter talks.But nobody came.</p>\n", []string{"talks.But"}},
		{"plaintext", "The winter talks.But nobody came.\n", []string{"talks.But"}},
		{"go", "The winter talks.But nobody came.\n", []string{"talks.But"}}, // unknown languages: plain text
		{"markdown", "<!-- mtcheck-disable-next-line missing-space -- a quoted slip -->\nThe winter talks.But nobody came.\n\nThe summer talks.But all came.\n", []string{"talks.But"}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			want0 := lspPos(tc.text, strings.LastIndex(tc.text, "talks.But"), false)
			uri := "file:///work/pier." + tc.lang
			c.open(uri, tc.lang, 1, tc.text)
			p := c.publish(uri)
			var got []string
			for _, d := range p.Diagnostics {
				if d.Code != "missing-space" {
					t.Errorf("unexpected %s: %s", d.Code, d.Message)
					continue
				}
				got = append(got, tc.text[offsetOf(tc.text, d.Range.Start, false):offsetOf(tc.text, d.Range.End, false)])
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("flagged %q, want %q", got, tc.want)
			}
			if len(p.Diagnostics) > 0 && p.Diagnostics[0].Range.Start != want0 {
				t.Errorf("flagged at %+v, want the last talks.But at %+v", p.Diagnostics[0].Range.Start, want0)
			}
			if tc.text == md {
				// The finding is the bold one, on the last line, and its
				// fix keeps the markup.
				d := p.Diagnostics[0]
				if d.Range.Start.Line != 8 {
					t.Errorf("flagged on line %d, want 8", d.Range.Start.Line)
				}
				acts := codeActions(c, uri, d.Range, nil)
				if len(acts) != 1 {
					t.Fatalf("%d actions", len(acts))
				}
				if got := applyEdits(t, tc.text, acts[0].Edit.Changes[uri], false); !strings.Contains(got, "**talks. But**") {
					t.Errorf("fixed Markdown %q", got)
				}
			}
			c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
			c.publish(uri)
		})
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

const twoFindingsQuotes = "The winter talks.But nobody came.\n\nThe mayor promised “” to the crew.\n"

func TestProjectFileFromWorkspace(t *testing.T) {
	ws := t.TempDir()
	cfg := filepath.Join(ws, ".mtcheck.yml")
	writeFile(t, cfg, "rules:\n  missing-space: error\n  quotes: off\n")
	if err := os.MkdirAll(filepath.Join(ws, "drafts"), 0o755); err != nil {
		t.Fatal(err)
	}
	c := startServer(t, nil)
	var res initializeResult
	c.result("initialize", map[string]any{
		"capabilities":     map[string]any{},
		"workspaceFolders": []workspaceFolder{{URI: fileURI(ws), Name: "ws"}},
	}, &res)
	c.notify("initialized", map[string]any{})

	doc := fileURI(filepath.Join(ws, "drafts", "notes.md"))
	c.open(doc, "markdown", 1, twoFindingsQuotes)
	p := c.publish(doc)
	if codes(p.Diagnostics) != "missing-space" || p.Diagnostics[0].Severity != severityError {
		t.Fatalf("diagnostics %+v: want missing-space as an error and quotes off", p.Diagnostics)
	}
	// An unsaved buffer is governed by the workspace folder's file.
	c.open("untitled:Untitled-1", "markdown", 1, twoFindingsQuotes)
	if p := c.publish("untitled:Untitled-1"); codes(p.Diagnostics) != "missing-space" {
		t.Errorf("untitled buffer: %s, want the workspace settings", codes(p.Diagnostics))
	}

	// Editing the project file takes effect on the next check.
	writeFile(t, cfg, "rules:\n  missing-space: off\n")
	future := time.Now().Add(time.Minute)
	os.Chtimes(cfg, future, future)
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": fileURI(cfg)}})
	p = c.publish(doc)
	if codes(p.Diagnostics) != "quotes" {
		t.Fatalf("after editing the project file: %s, want quotes only", codes(p.Diagnostics))
	}

	// A broken project file is shown once and the defaults apply.
	writeFile(t, cfg, "rules:\n  no-such-rule: error\n")
	future = future.Add(time.Minute)
	os.Chtimes(cfg, future, future)
	c.notify("textDocument/didChange", changeParams(doc, 2, twoFindingsQuotes+"\n"))
	m := c.next(func(m *message) bool { return m.Method == "window/showMessage" }, waitTimeout)
	var sm showMessageParams
	json.Unmarshal(m.Params, &sm)
	if sm.Type != messageError || !strings.Contains(sm.Message, "no-such-rule") || !strings.Contains(sm.Message, ".mtcheck.yml") {
		t.Errorf("showMessage %+v", sm)
	}
	p = c.publish(doc)
	if codes(p.Diagnostics) != "missing-space,quotes" || *p.Version != 2 {
		t.Errorf("with a broken project file: %s (version %d), want the defaults", codes(p.Diagnostics), *p.Version)
	}
	c.notify("textDocument/didChange", changeParams(doc, 3, twoFindingsQuotes))
	c.publish(doc)
	if m := c.poll(func(m *message) bool { return m.Method == "window/showMessage" }, 50*time.Millisecond); m != nil {
		t.Errorf("the same error shown twice: %s", m.Params)
	}
}

func TestWorkspaceFolderChanges(t *testing.T) {
	ws := t.TempDir()
	writeFile(t, filepath.Join(ws, ".mtcheck.yml"), "rules:\n  quotes: off\n")
	c := startServer(t, nil)
	c.initialize(map[string]any{}, "")
	const untitled = "untitled:Untitled-2"
	c.open(untitled, "markdown", 1, twoFindingsQuotes)
	if p := c.publish(untitled); codes(p.Diagnostics) != "missing-space,quotes" {
		t.Fatalf("without a workspace folder: %s, want the defaults", codes(p.Diagnostics))
	}
	folder := []workspaceFolder{{URI: fileURI(ws), Name: "ws"}}
	c.notify("workspace/didChangeWorkspaceFolders", map[string]any{"event": map[string]any{"added": folder, "removed": []any{}}})
	if p := c.publish(untitled); codes(p.Diagnostics) != "missing-space" {
		t.Errorf("after adding the folder: %s, want its settings (quotes off)", codes(p.Diagnostics))
	}
	c.notify("workspace/didChangeWorkspaceFolders", map[string]any{"event": map[string]any{"added": []any{}, "removed": folder}})
	if p := c.publish(untitled); codes(p.Diagnostics) != "missing-space,quotes" {
		t.Errorf("after removing the folder: %s, want the defaults", codes(p.Diagnostics))
	}
}
