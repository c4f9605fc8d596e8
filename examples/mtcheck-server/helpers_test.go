package main

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// Test rules stand in for the real ones, so expectations do not move when
// the built-in rules change. The real rules are exercised too (realrules_test.go).
var (
	tGlueRE = regexp.MustCompile(`[a-z]\.[A-Z]`)
	tGlue   = &mtcheck.Rule{Name: "t-glue", Doc: "Finds sentences glued without a space.", Category: mtcheck.Spacing, Severity: mtcheck.Warning,
		URL: "https://example.invalid/rules/t-glue",
		Run: func(p *mtcheck.Pass) error {
			for _, m := range tGlueRE.FindAllStringIndex(p.Text(), -1) {
				p.Reportf(mtcheck.Span{Start: m[0], End: m[1]}, 0.9,
					[]mtcheck.Fix{mtcheck.InsertFix("insert a space", m[0]+2, " ", true)}, "missing space after %q", p.Text()[m[0]:m[0]+2])
			}
			return nil
		}}
	tBoiler = &mtcheck.Rule{Name: "t-boiler", Doc: "Finds share-button lines.", Category: mtcheck.Boilerplate, Severity: mtcheck.Error,
		Run: func(p *mtcheck.Pass) error {
			for _, ln := range p.Doc.Lines() {
				if ln.Text(p.Text()) == "Share post:" {
					p.Reportf(ln, 0.95, []mtcheck.Fix{mtcheck.DeleteFix("delete the line", ln, false)}, "share-button residue")
				}
			}
			return nil
		}}
	tInfo = &mtcheck.Rule{Name: "t-info", Doc: "Notes the word very.", Category: mtcheck.Mistranslation, Severity: mtcheck.Info,
		Run: func(p *mtcheck.Pass) error {
			t := p.Text()
			for i := 0; ; {
				j := strings.Index(t[i:], "very")
				if j < 0 {
					return nil
				}
				p.Reportf(mtcheck.Span{Start: i + j, End: i + j + 4}, 0.5, nil, "weak intensifier")
				i += j + 4
			}
		}}
	tOptIn = &mtcheck.Rule{Name: "t-optin", Doc: "Opt-in: flags zzz.", Category: mtcheck.Encoding,
		Run: func(p *mtcheck.Pass) error {
			if i := strings.Index(p.Text(), "zzz"); i >= 0 {
				p.Reportf(mtcheck.Span{Start: i, End: i + 3}, 1, nil, "zzz")
			}
			return nil
		}}
	// tBlock blocks on texts holding BLOCK until the gate opens or the
	// check is cancelled; on STUBBORN it ignores cancellation.
	tBlock = &mtcheck.Rule{Name: "t-block", Doc: "Test rule that blocks.", Category: mtcheck.Encoding,
		Run: func(p *mtcheck.Pass) error {
			t := p.Text()
			if !strings.Contains(t, "BLOCK") && !strings.Contains(t, "STUBBORN") {
				return nil
			}
			gate.mu.Lock()
			g, started := gate.open, gate.started
			gate.mu.Unlock()
			select {
			case started <- struct{}{}:
			default:
			}
			if strings.Contains(t, "STUBBORN") {
				<-g
				return nil
			}
			select {
			case <-g:
			case <-p.Context().Done():
				return p.Context().Err()
			}
			return nil
		}}
)

// gate controls tBlock: open releases blocked checks, started receives one
// value per check that began blocking.
var gate struct {
	mu      sync.Mutex
	open    chan struct{}
	started chan struct{}
}

// newGate resets the gate; the returned function opens it.
func newGate(t *testing.T) (started chan struct{}, release func()) {
	t.Helper()
	gate.mu.Lock()
	defer gate.mu.Unlock()
	gate.open = make(chan struct{})
	gate.started = make(chan struct{}, 64)
	open := gate.open
	var once sync.Once
	release = func() { once.Do(func() { close(open) }) }
	t.Cleanup(release)
	return gate.started, release
}

func testRules() (all, def []*mtcheck.Rule) {
	return []*mtcheck.Rule{tGlue, tBoiler, tInfo, tOptIn, tBlock}, []*mtcheck.Rule{tGlue, tBoiler, tInfo, tBlock}
}

// syncBuffer is a log sink safe for concurrent use.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// logLines returns the JSON log lines written so far.
func (s *syncBuffer) logLines(t *testing.T) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, ln := range strings.Split(strings.TrimSpace(s.String()), "\n") {
		if ln == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(ln), &m); err != nil {
			t.Fatalf("log line is not JSON: %q: %v", ln, err)
		}
		out = append(out, m)
	}
	return out
}

// waitLog waits for a request log line with the given request id.
func (s *syncBuffer) waitLog(t *testing.T, id string) map[string]any {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		for _, m := range s.logLines(t) {
			if m["msg"] == "request" && m["request_id"] == id {
				return m
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("no log line for request %s in:\n%s", id, s.String())
	return nil
}

// newTestServer builds a server over the test rules.
func newTestServer(t *testing.T, cfg config) (*server, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	if cfg.All == nil && cfg.Default == nil {
		cfg.All, cfg.Default = testRules()
	}
	cfg.Logger = newJSONLogger(logs)
	s, err := newServer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s, logs
}

// do sends a request to h and returns the recorded response.
func do(h http.Handler, method, target, contentType string, body io.Reader, hdr ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, body)
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		r.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func postJSON(h http.Handler, v any, hdr ...string) *httptest.ResponseRecorder {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return do(h, http.MethodPost, "/v1/check", "application/json", bytes.NewReader(b), hdr...)
}

func postForm(h http.Handler, form url.Values, hdr ...string) *httptest.ResponseRecorder {
	return do(h, http.MethodPost, "/v2/check", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()), hdr...)
}

func decode[T any](t *testing.T, w *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatalf("response (status %d) is not the expected JSON: %v\n%s", w.Code, err, w.Body.String())
	}
	return v
}

// u16slice returns the text at a UTF-16 offset and length, as JavaScript's
// substr (and Java's substring) cut it.
func u16slice(s string, off, n int) string {
	u := utf16.Encode([]rune(s))
	if off < 0 || n < 0 || off+n > len(u) {
		return "<out of range>"
	}
	return string(utf16.Decode(u[off : off+n]))
}

func newJSONLogger(w io.Writer) *slog.Logger { return slog.New(slog.NewJSONHandler(w, nil)) }
