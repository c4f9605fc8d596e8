package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"
)

// testClient speaks LSP to a server running in the test process over
// io.Pipe, as an editor would over stdio.
type testClient struct {
	t       testing.TB
	s       *server
	w       *writer
	in      *io.PipeWriter
	msgs    chan *message
	pending []*message
	nextID  int
	exit    chan int
}

// waitTimeout bounds every wait for a message; generous for -race on a
// loaded machine.
const waitTimeout = 20 * time.Second

// startServer runs a server over pipes; setup may adjust it before it
// serves. The server is stopped when the test ends.
func startServer(t testing.TB, setup func(*server)) *testClient {
	t.Helper()
	sr, cw := io.Pipe() // client → server
	cr, sw := io.Pipe() // server → client
	s := newServer(sw, &testLog{t: t})
	if setup != nil {
		setup(s)
	}
	c := &testClient{t: t, s: s, w: &writer{w: cw}, in: cw, msgs: make(chan *message, 1000), exit: make(chan int, 1)}
	go func() {
		code := s.serve(sr)
		sw.Close()
		c.exit <- code
	}()
	go func() {
		rd := newReader(cr)
		defer close(c.msgs)
		for {
			body, err := rd.read()
			if err != nil {
				return
			}
			m, rerr := decode(body)
			if rerr != nil {
				t.Errorf("server sent a bad message %s: %v", body, rerr)
				return
			}
			c.msgs <- m
		}
	}()
	t.Cleanup(func() {
		cw.Close()
		select {
		case <-c.exit:
		case <-time.After(waitTimeout):
			t.Error("server did not stop after its input closed")
		}
		cr.Close()
	})
	return c
}

// testLog sends the server's log to the test log while the test runs.
type testLog struct {
	mu sync.Mutex
	t  testing.TB
}

func (l *testLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.t.Logf("%s", bytes.TrimRight(p, "\n"))
	return len(p), nil
}

func (c *testClient) notify(method string, params any) {
	c.t.Helper()
	if err := c.w.notify(method, params); err != nil {
		c.t.Fatalf("sending %s: %v", method, err)
	}
}

// call sends a request and returns its response.
func (c *testClient) call(method string, params any) *message {
	c.t.Helper()
	c.nextID++
	id := c.nextID
	if err := c.w.write(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params}); err != nil {
		c.t.Fatalf("sending %s: %v", method, err)
	}
	want := fmt.Sprint(id)
	return c.next(func(m *message) bool { return m.Method == "" && string(m.ID) == want }, waitTimeout)
}

// result sends a request, fails the test on an error response and decodes
// the result into v.
func (c *testClient) result(method string, params, v any) {
	c.t.Helper()
	m := c.call(method, params)
	if m.Error != nil {
		c.t.Fatalf("%s: %v", method, m.Error)
	}
	if v != nil {
		if err := json.Unmarshal(m.Result, v); err != nil {
			c.t.Fatalf("%s: decoding %s: %v", method, m.Result, err)
		}
	}
}

// next returns the first message, pending or arriving within d, that
// matches; it fails the test when none comes. Other messages stay pending.
func (c *testClient) next(match func(*message) bool, d time.Duration) *message {
	c.t.Helper()
	m := c.poll(match, d)
	if m == nil {
		c.t.Fatalf("no expected message within %v; pending: %s", d, c.describePending())
	}
	return m
}

// poll is next that returns nil instead of failing.
func (c *testClient) poll(match func(*message) bool, d time.Duration) *message {
	for i, m := range c.pending {
		if match(m) {
			c.pending = append(c.pending[:i], c.pending[i+1:]...)
			return m
		}
	}
	deadline := time.After(d)
	for {
		select {
		case m, ok := <-c.msgs:
			if !ok {
				return nil
			}
			if match(m) {
				return m
			}
			c.pending = append(c.pending, m)
		case <-deadline:
			return nil
		}
	}
}

func (c *testClient) describePending() string {
	var b strings.Builder
	for _, m := range c.pending {
		fmt.Fprintf(&b, "\n  %s %s", m.Method, m.Params)
	}
	return b.String()
}

func isPublish(uri string) func(*message) bool {
	return func(m *message) bool {
		if m.Method != "textDocument/publishDiagnostics" {
			return false
		}
		var p publishDiagnosticsParams
		return json.Unmarshal(m.Params, &p) == nil && p.URI == uri
	}
}

// publish waits for the next diagnostics published for uri.
func (c *testClient) publish(uri string) publishDiagnosticsParams {
	c.t.Helper()
	m := c.next(isPublish(uri), waitTimeout)
	var p publishDiagnosticsParams
	if err := json.Unmarshal(m.Params, &p); err != nil {
		c.t.Fatal(err)
	}
	return p
}

// initialize performs the handshake with the given client capabilities.
func (c *testClient) initialize(caps map[string]any, rootURI string) initializeResult {
	c.t.Helper()
	var res initializeResult
	params := map[string]any{"processId": nil, "capabilities": caps}
	if rootURI != "" {
		params["rootUri"] = rootURI
	}
	c.result("initialize", params, &res)
	c.notify("initialized", map[string]any{})
	return res
}

func (c *testClient) open(uri, lang string, version int, text string) {
	c.t.Helper()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": lang, "version": version, "text": text}})
}

func changeParams(uri string, version int, text string) map[string]any {
	return map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": version},
		"contentChanges": []map[string]any{{"text": text}},
	}
}

// shutdownExit ends the session in order and returns the exit status.
func (c *testClient) shutdownExit() int {
	c.t.Helper()
	c.result("shutdown", nil, nil)
	c.notify("exit", nil)
	select {
	case code := <-c.exit:
		c.exit <- code
		return code
	case <-time.After(waitTimeout):
		c.t.Fatal("server did not exit")
	}
	return -1
}

// utf16Len counts the UTF-16 code units of s, independently of mtcheck.
func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }

// lspPos computes the LSP position of byte offset off in text, counting
// UTF-16 units or bytes, independently of the server's converter.
func lspPos(text string, off int, utf8 bool) position {
	before := text[:off]
	line := strings.Count(before, "\n")
	col := before[strings.LastIndexByte(before, '\n')+1:]
	if utf8 {
		return position{Line: line, Character: len(col)}
	}
	return position{Line: line, Character: utf16Len(col)}
}

// offsetOf is lspPos's inverse, for applying edits in tests.
func offsetOf(text string, p position, utf8 bool) int {
	off := 0
	for i := 0; i < p.Line; i++ {
		j := strings.IndexByte(text[off:], '\n')
		if j < 0 {
			return len(text)
		}
		off += j + 1
	}
	if utf8 {
		return off + p.Character
	}
	units := 0
	for i, r := range text[off:] {
		if units >= p.Character || r == '\n' {
			return off + i
		}
		units += utf16Len(string(r))
	}
	return len(text)
}

// applyEdits applies LSP text edits (non-overlapping) to text.
func applyEdits(t *testing.T, text string, edits []textEdit, utf8 bool) string {
	t.Helper()
	type span struct {
		a, b int
		s    string
	}
	var spans []span
	for _, e := range edits {
		spans = append(spans, span{offsetOf(text, e.Range.Start, utf8), offsetOf(text, e.Range.End, utf8), e.NewText})
	}
	for i := len(spans) - 1; i >= 0; i-- {
		for j := 0; j < i; j++ {
			if spans[j].a > spans[j+1].a {
				spans[j], spans[j+1] = spans[j+1], spans[j]
			}
		}
	}
	for i := len(spans) - 1; i >= 0; i-- {
		sp := spans[i]
		if sp.a > sp.b || sp.b > len(text) {
			t.Fatalf("bad edit %+v", sp)
		}
		text = text[:sp.a] + sp.s + text[sp.b:]
	}
	return text
}
