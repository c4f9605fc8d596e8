package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

func frame(msgs ...string) string {
	var b strings.Builder
	for _, m := range msgs {
		fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s", len(m), m)
	}
	return b.String()
}

func TestRunSession(t *testing.T) {
	in := frame(
		`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`,
		`{"jsonrpc":"2.0","method":"initialized","params":{}}`,
		`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`,
		`{"jsonrpc":"2.0","method":"exit"}`,
	)
	var out, errb bytes.Buffer
	if code := run([]string{"--stdio"}, strings.NewReader(in), &out, &errb); code != 0 {
		t.Fatalf("exit status %d, stderr %s", code, errb.String())
	}
	rd := newReader(&out)
	var ids []string
	for {
		body, err := rd.read()
		if err != nil {
			break
		}
		var m message
		if err := json.Unmarshal(body, &m); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, string(m.ID))
		if string(m.ID) == "1" {
			var res initializeResult
			json.Unmarshal(m.Result, &res)
			caps := res.Capabilities
			if caps.TextDocumentSync != (textDocumentSyncOptions{OpenClose: true, Change: syncFull}) ||
				len(caps.CodeActionProvider.CodeActionKinds) != 1 || caps.CodeActionProvider.CodeActionKinds[0] != "quickfix" ||
				res.ServerInfo.Name != "mtcheck-ls" || !caps.Workspace.WorkspaceFolders.ChangeNotifications {
				t.Errorf("initialize result %s", m.Result)
			}
			if !strings.Contains(string(m.Result), `"save":{"includeText":false}`) {
				t.Errorf("save options missing from %s", m.Result)
			}
		}
	}
	if strings.Join(ids, ",") != "1,2" {
		t.Errorf("responses %v, want ids 1 and 2", ids)
	}
}

func TestRunFlags(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"-version"}, strings.NewReader(""), &out, &errb); code != 0 || !strings.Contains(out.String(), runtime.Version()) {
		t.Errorf("-version: %d %q", code, out.String())
	}
	if code := run([]string{"-debounce", "-1s"}, strings.NewReader(""), &out, &errb); code != 2 {
		t.Errorf("negative debounce: exit %d, want 2", code)
	}
	if code := run([]string{"-no-such-flag"}, strings.NewReader(""), &out, &errb); code != 2 {
		t.Errorf("unknown flag: exit %d, want 2", code)
	}
	// Input that ends without shutdown is an abnormal end.
	if code := run(nil, strings.NewReader(""), &out, &errb); code != 1 {
		t.Errorf("empty input: exit %d, want 1", code)
	}
}

func TestURIPath(t *testing.T) {
	for uri, want := range map[string]string{
		"file:///home/ann/notes.md":            "/home/ann/notes.md",
		"file:///home/ann/My%20Notes/a%23b.md": "/home/ann/My Notes/a#b.md",
		"file://localhost/srv/x.md":            "/srv/x.md",
		"untitled:Untitled-1":                  "",
		"https://example.com/a.md":             "",
		"::not a uri":                          "",
	} {
		if runtime.GOOS == "windows" {
			break
		}
		if got := uriPath(uri); got != want {
			t.Errorf("uriPath(%q) = %q, want %q", uri, got, want)
		}
	}
}
