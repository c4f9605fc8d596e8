package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMaxBody413(t *testing.T) {
	s, _ := newTestServer(t, config{MaxBody: 1000})
	big := strings.Repeat("word ", 400)
	t.Run("v1 declared length", func(t *testing.T) {
		w := postJSON(s, map[string]any{"text": big})
		assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code)
		assert.Contains(t, w.Body.String(), "larger than 1000 bytes")
	})
	t.Run("v1 chunked", func(t *testing.T) {
		b, _ := json.Marshal(map[string]any{"text": big})
		r := httptest.NewRequest(http.MethodPost, "/v1/check", io.MultiReader(bytes.NewReader(b)))
		r.ContentLength = -1 // unknown length: the limit applies while reading
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code, w.Body.String())
	})
	t.Run("v2 form", func(t *testing.T) {
		r := httptest.NewRequest(http.MethodPost, "/v2/check", io.MultiReader(strings.NewReader(url.Values{"text": {big}, "language": {"en"}}.Encode())))
		r.ContentLength = -1
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code, w.Body.String())
		assert.True(t, strings.HasPrefix(w.Body.String(), "Error: "), "LanguageTool-style error text")
	})
	t.Run("just under the limit", func(t *testing.T) {
		w := postJSON(s, map[string]any{"text": strings.Repeat("word ", 190)})
		assert.Equal(t, http.StatusOK, w.Code, w.Body.String())
	})
}

func TestBusy429WithRetryAfter(t *testing.T) {
	started, release := newGate(t)
	s, _ := newTestServer(t, config{MaxInflight: 1, QueueWait: 50 * time.Millisecond})
	first := make(chan int, 1)
	go func() { first <- postJSON(s, map[string]any{"text": "BLOCK"}).Code }()
	<-started // the only slot is taken

	t0 := time.Now()
	w := postJSON(s, map[string]any{"text": "hello"})
	assert.Equal(t, http.StatusTooManyRequests, w.Code, w.Body.String())
	assert.Equal(t, "1", w.Header().Get("Retry-After"))
	assert.GreaterOrEqual(t, time.Since(t0), 50*time.Millisecond, "waited for the queue timeout first")
	w = postForm(s, url.Values{"text": {"hello"}, "language": {"en-US"}})
	assert.Equal(t, http.StatusTooManyRequests, w.Code, "the LanguageTool API shares the slots")

	release()
	assert.Equal(t, http.StatusOK, <-first)
	assert.Equal(t, http.StatusOK, postJSON(s, map[string]any{"text": "hello"}).Code, "the slot is free again")
}

func TestQueuedRequestGetsFreedSlot(t *testing.T) {
	started, release := newGate(t)
	s, _ := newTestServer(t, config{MaxInflight: 1, QueueWait: 5 * time.Second})
	first := make(chan int, 1)
	go func() { first <- postJSON(s, map[string]any{"text": "BLOCK"}).Code }()
	<-started
	second := make(chan int, 1)
	go func() { second <- postJSON(s, map[string]any{"text": "fine.Text"}).Code }()
	time.Sleep(20 * time.Millisecond)
	release()
	assert.Equal(t, http.StatusOK, <-first)
	assert.Equal(t, http.StatusOK, <-second, "waited in the queue, then ran")
}

func TestTimeout503(t *testing.T) {
	_, release := newGate(t)
	s, logs := newTestServer(t, config{Timeout: 100 * time.Millisecond, MaxInflight: 1, QueueWait: -1})
	t0 := time.Now()
	w := postJSON(s, map[string]any{"text": "BLOCK"}, "X-Request-ID", "slow-1")
	assert.Equal(t, http.StatusServiceUnavailable, w.Code)
	assert.Less(t, time.Since(t0), 2*time.Second)
	body := decode[map[string]any](t, w)
	assert.Contains(t, body["error"], "did not finish within 100ms")
	assert.Equal(t, "slow-1", body["requestId"])
	line := logs.waitLog(t, "slow-1")
	assert.EqualValues(t, 503, line["status"])
	assert.Equal(t, "ERROR", line["level"])
	require.Eventually(t, func() bool { return s.inflight.Load() == 0 }, 2*time.Second, 5*time.Millisecond,
		"the cancelled check gives its slot back")

	w = postForm(s, url.Values{"text": {"BLOCK"}, "language": {"en"}})
	assert.Equal(t, http.StatusServiceUnavailable, w.Code)
	assert.Contains(t, w.Body.String(), "Error: check did not finish")
	release()
}

func TestAbandonedCheckKeepsItsSlot(t *testing.T) {
	started, release := newGate(t)
	s, _ := newTestServer(t, config{Timeout: 80 * time.Millisecond, MaxInflight: 1, QueueWait: -1})
	w := postJSON(s, map[string]any{"text": "STUBBORN"}) // ignores cancellation
	<-started
	assert.Equal(t, http.StatusServiceUnavailable, w.Code)
	w = postJSON(s, map[string]any{"text": "hello"})
	assert.Equal(t, http.StatusTooManyRequests, w.Code, "the abandoned check still runs and holds the slot")
	assert.EqualValues(t, 1, s.inflight.Load())
	release()
	require.Eventually(t, func() bool { return s.inflight.Load() == 0 }, 2*time.Second, 5*time.Millisecond)
	assert.Equal(t, http.StatusOK, postJSON(s, map[string]any{"text": "hello"}).Code)
}

func TestCORS(t *testing.T) {
	preflight := func(h http.Handler, origin string) *httptest.ResponseRecorder {
		return do(h, http.MethodOptions, "/v2/check", "", nil,
			"Origin", origin, "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type")
	}
	t.Run("none allowed by default", func(t *testing.T) {
		s, _ := newTestServer(t, config{})
		w := preflight(s, "https://editor.example")
		assert.Equal(t, http.StatusForbidden, w.Code)
		assert.Empty(t, w.Header().Get("Access-Control-Allow-Origin"))
		w = postForm(s, url.Values{"text": {"a"}, "language": {"en"}}, "Origin", "https://editor.example")
		assert.Equal(t, http.StatusOK, w.Code, "the request itself is served; the browser withholds the answer")
		assert.Empty(t, w.Header().Get("Access-Control-Allow-Origin"))
	})
	t.Run("allow-list", func(t *testing.T) {
		s, _ := newTestServer(t, config{CORSOrigins: []string{"https://editor.example", "http://localhost:3000"}})
		w := preflight(s, "https://editor.example")
		assert.Equal(t, http.StatusNoContent, w.Code)
		assert.Equal(t, "https://editor.example", w.Header().Get("Access-Control-Allow-Origin"))
		assert.Contains(t, w.Header().Get("Access-Control-Allow-Methods"), "POST")
		assert.Contains(t, strings.ToLower(w.Header().Get("Access-Control-Allow-Headers")), "content-type")
		assert.NotEmpty(t, w.Header().Get("Access-Control-Max-Age"))
		assert.Contains(t, w.Header().Values("Vary"), "Origin")

		w = preflight(s, "https://evil.example")
		assert.Equal(t, http.StatusForbidden, w.Code)
		assert.Empty(t, w.Header().Get("Access-Control-Allow-Origin"))

		w = postJSON(s, map[string]any{"text": "a"}, "Origin", "http://localhost:3000")
		assert.Equal(t, http.StatusOK, w.Code)
		assert.Equal(t, "http://localhost:3000", w.Header().Get("Access-Control-Allow-Origin"))
		assert.Contains(t, w.Header().Get("Access-Control-Expose-Headers"), "X-Request-ID")
	})
	t.Run("any", func(t *testing.T) {
		s, _ := newTestServer(t, config{CORSOrigins: []string{"*"}})
		w := preflight(s, "moz-extension://abc")
		assert.Equal(t, http.StatusNoContent, w.Code)
		assert.Equal(t, "*", w.Header().Get("Access-Control-Allow-Origin"))
	})
	t.Run("plain OPTIONS", func(t *testing.T) {
		s, _ := newTestServer(t, config{})
		w := do(s, http.MethodOptions, "/v1/check", "", nil)
		assert.Equal(t, http.StatusNoContent, w.Code)
		assert.Contains(t, w.Header().Get("Allow"), "POST")
	})
}

func TestRequestIDEchoAndLog(t *testing.T) {
	s, logs := newTestServer(t, config{})
	w := postJSON(s, map[string]any{"text": "a.B"}, "X-Request-ID", "abc-123_x.y:z")
	assert.Equal(t, "abc-123_x.y:z", w.Header().Get("X-Request-ID"))
	line := logs.waitLog(t, "abc-123_x.y:z")
	assert.Equal(t, "POST", line["method"])
	assert.Equal(t, "/v1/check", line["path"])
	assert.EqualValues(t, 200, line["status"])
	assert.EqualValues(t, 1, line["findings"])
	assert.Contains(t, line, "duration_ms")
	assert.NotContains(t, logs.String(), "a.B", "the text is never logged")

	for _, bad := range []string{"", "has space", strings.Repeat("x", 129), "quote\"d"} {
		w := postJSON(s, map[string]any{"text": "a"}, "X-Request-ID", bad)
		id := w.Header().Get("X-Request-ID")
		assert.Regexp(t, `^[0-9a-f]{24}$`, id, "a fresh id replaces %q", bad)
		logs.waitLog(t, id)
	}
	w = do(s, http.MethodGet, "/healthz", "", nil)
	assert.NotEmpty(t, w.Header().Get("X-Request-ID"), "every endpoint gets an id")
}

// startServe runs serve on a loopback port and returns its URL, a stop
// function and the channel serve's result arrives on.
func startServe(t *testing.T, cfg config, drain time.Duration) (string, context.CancelFunc, func() <-chan error, *syncBuffer) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	logs := &syncBuffer{}
	if cfg.All == nil {
		cfg.All, cfg.Default = testRules()
	}
	cfg.Logger = newJSONLogger(logs)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, ln, cfg, drain) }()
	// result replays serve's error to every caller once it is there.
	var once sync.Once
	res := make(chan error, 1)
	var err0 error
	result := func() <-chan error {
		out := make(chan error, 1)
		go func() {
			once.Do(func() { err0 = <-done; close(res) })
			<-res
			out <- err0
		}()
		return out
	}
	t.Cleanup(func() {
		cancel()
		select {
		case <-result():
		case <-time.After(5 * time.Second):
			t.Error("serve did not stop")
		}
	})
	return "http://" + ln.Addr().String(), cancel, result, logs
}

func TestGracefulShutdownDrainsInflight(t *testing.T) {
	started, release := newGate(t)
	base, stop, done, logs := startServe(t, config{}, 5*time.Second)
	type result struct {
		code int
		body string
		err  error
	}
	inflight := make(chan result, 1)
	go func() {
		resp, err := http.Post(base+"/v1/check", "application/json", strings.NewReader(`{"text":"BLOCK fine.Text"}`))
		if err != nil {
			inflight <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		inflight <- result{code: resp.StatusCode, body: string(b)}
	}()
	<-started
	stop() // as SIGTERM does
	require.Eventually(t, func() bool { return strings.Contains(logs.String(), "shutting down") }, 2*time.Second, 5*time.Millisecond)
	// New connections are refused while the request in flight finishes.
	require.Eventually(t, func() bool {
		_, err := http.Get(base + "/healthz")
		return err != nil
	}, 2*time.Second, 10*time.Millisecond)
	select {
	case <-done():
		t.Fatal("serve returned before the request in flight finished")
	case <-time.After(50 * time.Millisecond):
	}
	release()
	r := <-inflight
	require.NoError(t, r.err)
	assert.Equal(t, http.StatusOK, r.code)
	assert.Contains(t, r.body, "t-glue", "the drained request got its full answer")
	select {
	case err := <-done():
		assert.NoError(t, err)
	case <-time.After(5 * time.Second):
		t.Fatal("serve did not return after draining")
	}
	assert.Contains(t, logs.String(), `"msg":"stopped"`)
}

func TestServeWarnsOffLoopback(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	assert.True(t, isLoopback(ln.Addr()))
	ln.Close()
	assert.False(t, isLoopback(&net.TCPAddr{IP: net.IPv4zero, Port: 8081}), "0.0.0.0 listens on every interface")
	assert.False(t, isLoopback(&net.TCPAddr{IP: net.ParseIP("192.0.2.1"), Port: 8081}))
	assert.True(t, isLoopback(&net.TCPAddr{IP: net.IPv6loopback, Port: 8081}))

	_, _, _, logs := startServe(t, config{}, time.Second)
	require.Eventually(t, func() bool { return strings.Contains(logs.String(), `"msg":"listening"`) }, time.Second, 5*time.Millisecond)
	assert.NotContains(t, logs.String(), "non-loopback")
}

func TestConcurrentRequestsShareTheChecker(t *testing.T) {
	s, _ := newTestServer(t, config{MaxInflight: 4, QueueWait: 5 * time.Second})
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for i := 0; i < 32; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sel := map[string]any{}
			if i%2 == 0 {
				sel["disable"] = []string{"t-info"}
			}
			w := postJSON(s, map[string]any{"text": fmt.Sprintf("Text %d.More very", i), "rules": sel})
			if w.Code != http.StatusOK {
				errs <- w.Body.String()
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	assert.Equal(t, 1, s.checkers.builds, "32 requests, one extra checker")
}
