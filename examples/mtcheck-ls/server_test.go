package main

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mtcheck/mtcheck/mtcheck"
)

const docURI = "file:///work/notes/harbour.md"

// harbourText has a glued sentence after an em dash and an emoji, so its
// UTF-16, byte and rune columns all differ.
const harbourText = "# Harbour board\n\nThe board met on Monday — again 🚢 — before the winter talks.But nobody agreed.\n"

func findDiag(t *testing.T, diags []diagnostic, code string) diagnostic {
	t.Helper()
	for _, d := range diags {
		if d.Code == code {
			return d
		}
	}
	t.Fatalf("no %s diagnostic in %+v", code, diags)
	return diagnostic{}
}

func TestUTF16ColumnsAfterEmojiAndDashes(t *testing.T) {
	c := startServer(t, nil)
	res := c.initialize(map[string]any{}, "")
	if res.Capabilities.PositionEncoding != "utf-16" {
		t.Fatalf("positionEncoding = %q, want utf-16 when the client offers nothing", res.Capabilities.PositionEncoding)
	}
	c.open(docURI, "markdown", 1, harbourText)
	p := c.publish(docURI)
	if p.Version == nil || *p.Version != 1 {
		t.Fatalf("published version %v, want 1", p.Version)
	}
	d := findDiag(t, p.Diagnostics, "missing-space")
	off := strings.Index(harbourText, "talks.But")
	want := lspRange{lspPos(harbourText, off, false), lspPos(harbourText, off+len("talks.But"), false)}
	if d.Range != want {
		t.Errorf("range %+v, want %+v", d.Range, want)
	}
	// The line holds "—" (1 unit, 3 bytes) twice and "🚢" (2 units, 4
	// bytes): the UTF-16 column is 6 less than the byte column.
	if got := lspPos(harbourText, off, true).Character - d.Range.Start.Character; got != 6 {
		t.Errorf("byte column - UTF-16 column = %d, want 6", got)
	}
	if d.Range.Start.Line != 2 || d.Severity != severityWarning || d.Source != "mtcheck" {
		t.Errorf("diagnostic %+v: want line 2, severity 2, source mtcheck", d)
	}
	if code := c.shutdownExit(); code != 0 {
		t.Errorf("exit status %d, want 0", code)
	}
}

func TestPositionEncodingNegotiation(t *testing.T) {
	for _, tc := range []struct {
		offered []string
		want    string
	}{
		{[]string{"utf-8", "utf-16"}, "utf-8"},
		{[]string{"utf-32", "utf-16", "utf-8"}, "utf-8"},
		{[]string{"utf-32", "utf-16"}, "utf-16"},
		{[]string{}, "utf-16"},
		{nil, "utf-16"},
	} {
		t.Run(strings.Join(tc.offered, ","), func(t *testing.T) {
			c := startServer(t, nil)
			caps := map[string]any{}
			if tc.offered != nil {
				caps["general"] = map[string]any{"positionEncodings": tc.offered}
			}
			res := c.initialize(caps, "")
			if res.Capabilities.PositionEncoding != tc.want {
				t.Fatalf("positionEncoding = %q, want %q", res.Capabilities.PositionEncoding, tc.want)
			}
		})
	}
}

func TestUTF8PositionsCountBytes(t *testing.T) {
	c := startServer(t, nil)
	c.initialize(map[string]any{"general": map[string]any{"positionEncodings": []string{"utf-8", "utf-16"}}}, "")
	c.open(docURI, "markdown", 1, harbourText)
	d := findDiag(t, c.publish(docURI).Diagnostics, "missing-space")
	off := strings.Index(harbourText, "talks.But")
	want := lspRange{lspPos(harbourText, off, true), lspPos(harbourText, off+len("talks.But"), true)}
	if d.Range != want {
		t.Errorf("range %+v, want %+v (bytes)", d.Range, want)
	}
	// Code actions take byte positions too: the cursor inside the finding.
	var acts []codeAction
	c.result("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": docURI},
		"range":        lspRange{want.Start, want.Start},
		"context":      map[string]any{"diagnostics": []any{}},
	}, &acts)
	if len(acts) != 1 {
		t.Fatalf("got %d actions, want 1: %+v", len(acts), acts)
	}
	got := applyEdits(t, harbourText, acts[0].Edit.Changes[docURI], true)
	if want := strings.Replace(harbourText, "talks.But", "talks. But", 1); got != want {
		t.Errorf("fixed text %q, want %q", got, want)
	}
}

func TestCRLFLines(t *testing.T) {
	text := strings.ReplaceAll("# Ferry notes\n\nThe ferry — late again — left the pier.\nPassengers waited for the captain's talks.But nobody came.\n", "\n", "\r\n")
	c := startServer(t, nil)
	c.initialize(map[string]any{}, "")
	c.open(docURI, "markdown", 1, text)
	d := findDiag(t, c.publish(docURI).Diagnostics, "missing-space")
	off := strings.Index(text, "talks.But")
	want := lspRange{lspPos(text, off, false), lspPos(text, off+len("talks.But"), false)}
	if d.Range != want || want.Start.Line != 3 {
		t.Fatalf("range %+v, want %+v on line 3", d.Range, want)
	}
	var acts []codeAction
	c.result("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": docURI},
		"range":        d.Range,
		"context":      map[string]any{"diagnostics": []diagnostic{d}},
	}, &acts)
	if len(acts) != 1 {
		t.Fatalf("got %d actions, want 1", len(acts))
	}
	got := applyEdits(t, text, acts[0].Edit.Changes[docURI], false)
	if want := strings.Replace(text, "talks.But", "talks. But", 1); got != want {
		t.Errorf("fixed text %q, want %q", got, want)
	}
}

// recorder wraps the server's check to record which texts were checked.
type recorder struct {
	mu    sync.Mutex
	texts []string
}

func (r *recorder) install(s *server) {
	inner := s.check
	s.check = func(ctx context.Context, c *mtcheck.Checker, lang, text string) (*mtcheck.Report, error) {
		r.mu.Lock()
		r.texts = append(r.texts, text)
		r.mu.Unlock()
		return inner(ctx, c, lang, text)
	}
}

func (r *recorder) checked() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.texts...)
}

func TestRapidEditsPublishOnlyTheLastVersion(t *testing.T) {
	rec := &recorder{}
	c := startServer(t, rec.install)
	c.initialize(map[string]any{}, "")
	c.open(docURI, "markdown", 1, harbourText)
	if p := c.publish(docURI); *p.Version != 1 {
		t.Fatalf("first publish for version %d", *p.Version)
	}
	// Twenty edits in one write, as fast as a client can send them: each
	// version glues a different pair of words.
	var burst []byte
	text := func(v int) string {
		return strings.Repeat("The quay was repaired in spring. ", v) + "Then came the winter talks.But nobody agreed.\n"
	}
	for v := 2; v <= 21; v++ {
		b, _ := json.Marshal(notification{JSONRPC: "2.0", Method: "textDocument/didChange", Params: changeParams(docURI, v, text(v))})
		burst = append(burst, []byte("Content-Length: "+strconv.Itoa(len(b))+"\r\n\r\n")...)
		burst = append(burst, b...)
	}
	if _, err := c.in.Write(burst); err != nil {
		t.Fatal(err)
	}
	p := c.publish(docURI)
	if p.Version == nil || *p.Version != 21 {
		t.Fatalf("published version %v after the burst, want only 21", p.Version)
	}
	d := findDiag(t, p.Diagnostics, "missing-space")
	if want := lspPos(text(21), strings.Index(text(21), "talks.But"), false); d.Range.Start != want {
		t.Errorf("diagnostic at %+v, want %+v (the last version's text)", d.Range.Start, want)
	}
	if m := c.poll(isPublish(docURI), 3*defaultDebounce); m != nil {
		t.Errorf("a further publish after the last version: %s", m.Params)
	}
	// Debounced: the intermediate versions were never checked.
	got := rec.checked()
	if len(got) != 2 || got[0] != harbourText || got[1] != text(21) {
		t.Errorf("checked %d texts, want 2 (the opened text and version 21)", len(got))
	}
}

func TestNewerVersionCancelsRunningCheck(t *testing.T) {
	started := make(chan string, 10)
	cancelled := make(chan string, 10)
	c := startServer(t, func(s *server) {
		s.debounce = 10 * time.Millisecond
		inner := s.check
		s.check = func(ctx context.Context, ck *mtcheck.Checker, lang, text string) (*mtcheck.Report, error) {
			started <- text
			if strings.Contains(text, "slow") {
				<-ctx.Done()
				cancelled <- text
				return nil, ctx.Err()
			}
			return inner(ctx, ck, lang, text)
		}
	})
	c.initialize(map[string]any{}, "")
	c.open(docURI, "plaintext", 1, "A slow check of the pier.\n")
	if got := <-started; !strings.Contains(got, "slow") {
		t.Fatalf("started %q", got)
	}
	c.notify("textDocument/didChange", changeParams(docURI, 2, "The pier talks.But nobody came.\n"))
	select {
	case <-cancelled:
	case <-time.After(waitTimeout):
		t.Fatal("the check of version 1 was not cancelled by version 2")
	}
	p := c.publish(docURI)
	if *p.Version != 2 || len(p.Diagnostics) == 0 {
		t.Fatalf("publish %+v, want version 2's diagnostics", p)
	}
}

func TestCloseWhileChecking(t *testing.T) {
	for _, honours := range []bool{true, false} {
		name := "check-ignores-cancel"
		if honours {
			name = "check-honours-cancel"
		}
		t.Run(name, func(t *testing.T) {
			started := make(chan struct{}, 1)
			release := make(chan struct{})
			finished := make(chan struct{}, 1)
			c := startServer(t, func(s *server) {
				inner := s.check
				s.check = func(ctx context.Context, ck *mtcheck.Checker, lang, text string) (*mtcheck.Report, error) {
					defer func() { finished <- struct{}{} }()
					started <- struct{}{}
					if honours {
						select {
						case <-ctx.Done():
							return nil, ctx.Err()
						case <-release:
						}
					} else {
						<-release
					}
					return inner(context.Background(), ck, lang, text)
				}
			})
			c.initialize(map[string]any{}, "")
			c.open(docURI, "markdown", 1, harbourText)
			<-started
			c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": docURI}})
			p := c.publish(docURI)
			if len(p.Diagnostics) != 0 || p.Diagnostics == nil {
				t.Fatalf("publish after close %+v, want an empty diagnostics array", p)
			}
			close(release)
			select {
			case <-finished:
			case <-time.After(waitTimeout):
				t.Fatal("check did not finish")
			}
			// Round-trip a request so that anything the check published
			// has arrived, then make sure nothing did.
			c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": docURI}, "range": lspRange{}, "context": map[string]any{}})
			if m := c.poll(isPublish(docURI), 100*time.Millisecond); m != nil {
				t.Fatalf("published after close: %s", m.Params)
			}
		})
	}
}

// twoFindings has a missing space on line 1 and round-trip residue on
// line 3.
const twoFindings = "The pier was closed for the winter talks.But the ferry kept running.\n\nThe harbour master waved from the quay. rice field.\n"

func codeActions(c *testClient, uri string, r lspRange, ctxDiags []diagnostic) []codeAction {
	c.t.Helper()
	if ctxDiags == nil {
		ctxDiags = []diagnostic{}
	}
	var acts []codeAction
	c.result("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"range":        r,
		"context":      map[string]any{"diagnostics": ctxDiags},
	}, &acts)
	return acts
}

func actionRules(acts []codeAction) string {
	var out []string
	for _, a := range acts {
		for _, d := range a.Diagnostics {
			out = append(out, d.Code)
		}
	}
	return strings.Join(out, ",")
}

func TestCodeActionRanges(t *testing.T) {
	c := startServer(t, nil)
	c.initialize(map[string]any{}, "")
	c.open(docURI, "markdown", 1, twoFindings)
	p := c.publish(docURI)
	ms := findDiag(t, p.Diagnostics, "missing-space")
	fp := findDiag(t, p.Diagnostics, "mt-fingerprint")
	if len(p.Diagnostics) != 2 {
		t.Fatalf("diagnostics %+v, want missing-space and mt-fingerprint", p.Diagnostics)
	}
	if fp.Severity != severityError || ms.Severity != severityWarning {
		t.Errorf("severities %d, %d; want error 1 and warning 2", fp.Severity, ms.Severity)
	}
	at := func(pos position) lspRange { return lspRange{pos, pos} }
	for _, tc := range []struct {
		name string
		r    lspRange
		ctx  []diagnostic
		want string
	}{
		{"cursor at start", at(ms.Range.Start), nil, "missing-space"},
		{"cursor at end", at(ms.Range.End), nil, "missing-space"},
		{"cursor inside", at(position{ms.Range.Start.Line, ms.Range.Start.Character + 3}), nil, "missing-space"},
		{"cursor before", at(position{0, 0}), nil, ""},
		{"cursor on blank line", at(position{1, 0}), nil, ""},
		{"cursor just after", at(position{ms.Range.End.Line, ms.Range.End.Character + 1}), nil, ""},
		{"whole document", lspRange{position{0, 0}, position{4, 0}}, nil, "missing-space,mt-fingerprint"},
		{"reversed range", lspRange{position{4, 0}, position{0, 0}}, nil, "missing-space,mt-fingerprint"},
		{"line 3 selection", lspRange{position{2, 0}, position{2, 100}}, nil, "mt-fingerprint"},
		{"named by the client elsewhere", at(position{0, 0}), []diagnostic{fp}, "mt-fingerprint"},
		{"past the end", at(position{99, 99}), nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			acts := codeActions(c, docURI, tc.r, tc.ctx)
			if got := actionRules(acts); got != tc.want {
				t.Errorf("actions for %s, want %q", got, tc.want)
			}
			for _, a := range acts {
				if a.Kind != "quickfix" || !a.IsPreferred || a.Edit.Changes == nil {
					t.Errorf("action %+v: want a preferred quickfix with changes", a)
				}
			}
		})
	}
	// Applying each fix gives the repaired text.
	acts := codeActions(c, docURI, lspRange{position{0, 0}, position{4, 0}}, nil)
	fixed := twoFindings
	for i := len(acts) - 1; i >= 0; i-- { // later edits first
		fixed = applyEdits(t, fixed, acts[i].Edit.Changes[docURI], false)
	}
	want := "The pier was closed for the winter talks. But the ferry kept running.\n\nThe harbour master waved from the quay.\n"
	if fixed != want {
		t.Errorf("fixed text %q, want %q", fixed, want)
	}
	// An "only" filter without quickfix yields nothing.
	var none []codeAction
	c.result("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": docURI}, "range": ms.Range,
		"context": map[string]any{"diagnostics": []any{}, "only": []string{"refactor"}},
	}, &none)
	if len(none) != 0 {
		t.Errorf("only refactor: got %d actions", len(none))
	}
	// After an edit, before the debounced check publishes, the request
	// is answered from a check of the current text: the finding has moved
	// down a line with the inserted one.
	c.s.mu.Lock()
	c.s.debounce = time.Hour
	c.s.mu.Unlock()
	edited := "Inserted line.\n" + twoFindings
	c.notify("textDocument/didChange", changeParams(docURI, 2, edited))
	// The client's diagnostic from the old version names nothing now.
	if acts := codeActions(c, docURI, ms.Range, []diagnostic{ms}); len(acts) != 0 {
		t.Errorf("the finding's old place gave %s", actionRules(acts))
	}
	moved := lspRange{position{ms.Range.Start.Line + 1, ms.Range.Start.Character}, position{ms.Range.End.Line + 1, ms.Range.End.Character}}
	acts = codeActions(c, docURI, moved, nil)
	if actionRules(acts) != "missing-space" {
		t.Fatalf("actions at the moved finding: %q", actionRules(acts))
	}
	if got := applyEdits(t, edited, acts[0].Edit.Changes[docURI], false); got != strings.Replace(edited, "talks.But", "talks. But", 1) {
		t.Errorf("fix after the edit gives %q", got)
	}
	if m := c.poll(isPublish(docURI), 50*time.Millisecond); m != nil {
		t.Errorf("a code action request published diagnostics: %s", m.Params)
	}
}

func TestCodeActionDocumentChanges(t *testing.T) {
	c := startServer(t, nil)
	c.initialize(map[string]any{"workspace": map[string]any{"workspaceEdit": map[string]any{"documentChanges": true}}}, "")
	c.open(docURI, "markdown", 7, twoFindings)
	ms := findDiag(t, c.publish(docURI).Diagnostics, "missing-space")
	acts := codeActions(c, docURI, ms.Range, nil)
	if len(acts) != 1 {
		t.Fatalf("%d actions", len(acts))
	}
	dc := acts[0].Edit.DocumentChanges
	if acts[0].Edit.Changes != nil || len(dc) != 1 || dc[0].TextDocument.URI != docURI || dc[0].TextDocument.Version != 7 {
		t.Fatalf("edit %+v, want documentChanges for version 7", acts[0].Edit)
	}
	got := applyEdits(t, twoFindings, dc[0].Edits, false)
	if !strings.Contains(got, "talks. But") {
		t.Errorf("fixed text %q", got)
	}
}

// testRule flags "XYZ" with a link, a related span (the first "ABC"), two
// fixes and info severity.
var testRule = &mtcheck.Rule{
	Name:     "test-xyz",
	Doc:      "test rule",
	URL:      "https://example.com/rules/test-xyz",
	Category: mtcheck.Spacing,
	Severity: mtcheck.Info,
	Run: func(p *mtcheck.Pass) error {
		text := p.Text()
		i := strings.Index(text, "XYZ")
		j := strings.Index(text, "ABC")
		if i < 0 || j < 0 {
			return nil
		}
		span := mtcheck.Span{Start: i, End: i + 3}
		p.Report(mtcheck.Diagnostic{
			Span: span, Message: "XYZ after ABC", Confidence: 0.6,
			Related: []mtcheck.Span{{Start: j, End: j + 3}},
			Fixes: []mtcheck.Fix{
				mtcheck.ReplaceFix("write abc", span, "abc", true),
				mtcheck.DeleteFix("delete XYZ", span, false),
			},
		})
		return nil
	},
}

func TestDiagnosticFields(t *testing.T) {
	ck, err := mtcheck.New([]*mtcheck.Rule{testRule})
	if err != nil {
		t.Fatal(err)
	}
	c := startServer(t, func(s *server) {
		s.checkerFor = func(string, string) (*mtcheck.Checker, error) { return ck, nil }
	})
	c.initialize(map[string]any{}, "")
	text := "ABC 🚢\nthen XYZ.\n"
	c.open(docURI, "plaintext", 3, text)
	p := c.publish(docURI)
	if len(p.Diagnostics) != 1 {
		t.Fatalf("diagnostics %+v", p.Diagnostics)
	}
	d := p.Diagnostics[0]
	if d.Severity != severityInformation || d.Code != "test-xyz" || d.Source != "mtcheck" || d.Message != "XYZ after ABC" {
		t.Errorf("diagnostic %+v", d)
	}
	if d.CodeDescription == nil || d.CodeDescription.Href != testRule.URL {
		t.Errorf("codeDescription %+v, want the rule's URL", d.CodeDescription)
	}
	if d.Range != (lspRange{position{1, 5}, position{1, 8}}) {
		t.Errorf("range %+v", d.Range)
	}
	if len(d.RelatedInformation) != 1 || d.RelatedInformation[0].Location.URI != docURI ||
		d.RelatedInformation[0].Location.Range != (lspRange{position{0, 0}, position{0, 3}}) {
		t.Errorf("related %+v", d.RelatedInformation)
	}
	if d.Data == nil || d.Data.Confidence != 0.6 || len(d.Data.Fixes) != 2 || d.Data.Fixes[0].Title != "write abc" ||
		!d.Data.Fixes[0].Safe || d.Data.Fixes[1].Safe || d.Data.Fixes[0].Edits[0].Range != d.Range {
		t.Errorf("data %+v", d.Data)
	}
	acts := codeActions(c, docURI, d.Range, nil)
	if len(acts) != 2 || acts[0].Title != "write abc (test-xyz)" || !acts[0].IsPreferred || acts[1].IsPreferred {
		t.Fatalf("actions %+v, want both fixes, the first preferred", acts)
	}
	if got := applyEdits(t, text, acts[1].Edit.Changes[docURI], false); got != "ABC 🚢\nthen .\n" {
		t.Errorf("second fix gives %q", got)
	}
}

func TestSeverityMapping(t *testing.T) {
	for sev, want := range map[mtcheck.Severity]int{mtcheck.Error: 1, mtcheck.Warning: 2, mtcheck.Info: 3} {
		if got := lspSeverity(sev); got != want {
			t.Errorf("lspSeverity(%v) = %d, want %d", sev, got, want)
		}
	}
}

func TestShutdownExit(t *testing.T) {
	t.Run("shutdown then exit", func(t *testing.T) {
		c := startServer(t, nil)
		c.initialize(map[string]any{}, "")
		c.result("shutdown", nil, nil)
		m := c.call("textDocument/codeAction", map[string]any{})
		if m.Error == nil || m.Error.Code != codeInvalidRequest {
			t.Errorf("request after shutdown: %+v, want InvalidRequest", m.Error)
		}
		c.notify("exit", nil)
		if code := <-c.exit; code != 0 {
			t.Errorf("exit status %d, want 0", code)
		}
		c.exit <- 0
	})
	t.Run("exit without shutdown", func(t *testing.T) {
		c := startServer(t, nil)
		c.initialize(map[string]any{}, "")
		c.notify("exit", nil)
		if code := <-c.exit; code != 1 {
			t.Errorf("exit status %d, want 1", code)
		}
		c.exit <- 1
	})
	t.Run("stream ends without exit", func(t *testing.T) {
		c := startServer(t, nil)
		c.initialize(map[string]any{}, "")
		c.in.Close()
		if code := <-c.exit; code != 1 {
			t.Errorf("exit status %d, want 1", code)
		}
		c.exit <- 1
	})
	t.Run("shutdown cancels pending checks", func(t *testing.T) {
		c := startServer(t, func(s *server) { s.debounce = time.Hour })
		c.initialize(map[string]any{}, "")
		c.open(docURI, "markdown", 1, harbourText)
		c.publish(docURI)
		c.notify("textDocument/didChange", changeParams(docURI, 2, harbourText+"More talks.But later.\n"))
		if code := c.shutdownExit(); code != 0 {
			t.Errorf("exit status %d, want 0", code)
		}
	})
}

func TestProtocolErrors(t *testing.T) {
	c := startServer(t, nil)
	if m := c.call("textDocument/codeAction", map[string]any{}); m.Error == nil || m.Error.Code != codeServerNotInitialized {
		t.Errorf("request before initialize: %+v, want -32002", m.Error)
	}
	c.initialize(map[string]any{}, "")
	if m := c.call("initialize", map[string]any{}); m.Error == nil || m.Error.Code != codeInvalidRequest {
		t.Errorf("second initialize: %+v", m.Error)
	}
	if m := c.call("textDocument/hover", map[string]any{}); m.Error == nil || m.Error.Code != codeMethodNotFound {
		t.Errorf("unknown method: %+v", m.Error)
	}
	if m := c.call("textDocument/codeAction", "not an object"); m.Error == nil || m.Error.Code != codeInvalidParams {
		t.Errorf("bad params: %+v", m.Error)
	}
	// Bad JSON and batches get an error response with a null id.
	for _, body := range []string{`{"jsonrpc":"2.0","id":`, `[{"jsonrpc":"2.0","id":1,"method":"shutdown"}]`} {
		if _, err := c.in.Write([]byte("Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body)); err != nil {
			t.Fatal(err)
		}
		m := c.next(func(m *message) bool { return m.Error != nil }, waitTimeout)
		if string(m.ID) != "null" {
			t.Errorf("error response id %s, want null", m.ID)
		}
	}
	// Incremental changes are refused (the server asked for full text)
	// without disturbing the document.
	c.open(docURI, "markdown", 1, harbourText)
	c.publish(docURI)
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": docURI, "version": 2},
		"contentChanges": []map[string]any{{"range": lspRange{}, "text": "x"}},
	})
	if acts := codeActions(c, docURI, lspRange{position{0, 0}, position{9, 0}}, nil); len(acts) != 1 {
		t.Errorf("after a refused incremental change: %d actions, want 1", len(acts))
	}
	// Notifications the server does not know are ignored.
	c.notify("$/setTrace", map[string]any{"value": "off"})
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
	if code := c.shutdownExit(); code != 0 {
		t.Errorf("exit status %d", code)
	}
}

func TestFramingErrorEndsSession(t *testing.T) {
	c := startServer(t, nil)
	if _, err := c.in.Write([]byte("Content-Type: text/plain\r\n\r\n{}")); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-c.exit:
		if code != 1 {
			t.Errorf("exit status %d, want 1", code)
		}
		c.exit <- code
	case <-time.After(waitTimeout):
		t.Fatal("server kept reading after a header without Content-Length")
	}
}
