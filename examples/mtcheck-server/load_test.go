package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mtcheck/mtcheck/rules"
	"github.com/stretchr/testify/require"
)

// loadArticles cuts the project's articles into texts of about size bytes,
// at paragraph ends.
func loadArticles(t testing.TB, size int) []string {
	t.Helper()
	var files []string
	for _, g := range []string{"../../testdata/articles/*.txt", "../../testdata/clean/*.txt"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		var cur strings.Builder
		for _, p := range strings.SplitAfter(string(b), "\n\n") {
			cur.WriteString(p)
			if cur.Len() >= size {
				out = append(out, cur.String())
				cur.Reset()
			}
		}
		if cur.Len() >= size/2 {
			out = append(out, cur.String())
		}
	}
	require.NotEmpty(t, out)
	return out
}

// loadResult is one load run.
type loadResult struct {
	api               string
	clients, requests int
	failed, busy      int64
	elapsed           time.Duration
	p50, p99, max     time.Duration
}

func (r loadResult) String() string {
	return fmt.Sprintf("%-9s clients=%-3d requests=%-5d rps=%7.0f p50=%-9v p99=%-9v max=%-9v 429=%d failed=%d",
		r.api, r.clients, r.requests, float64(r.requests)/r.elapsed.Seconds(),
		r.p50.Round(10*time.Microsecond), r.p99.Round(10*time.Microsecond), r.max.Round(10*time.Microsecond), r.busy, r.failed)
}

// runLoad sends n requests from clients goroutines (stopping early at
// limit) and measures their latencies.
func runLoad(t *testing.T, api, base string, texts []string, clients, n int, limit time.Duration) loadResult {
	t.Helper()
	tr := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	send := func(i int) (int, error) {
		text := texts[i%len(texts)]
		var resp *http.Response
		var err error
		if api == "/v1/check" {
			b, _ := json.Marshal(map[string]string{"text": text})
			resp, err = client.Post(base+api, "application/json", bytes.NewReader(b))
		} else {
			resp, err = client.PostForm(base+api, url.Values{"text": {text}, "language": {"en-US"}})
		}
		if err != nil {
			return 0, err
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode, nil
	}
	var next atomic.Int64
	var failed, busy atomic.Int64
	lat := make([]time.Duration, n)
	deadline := time.Now().Add(limit)
	start := time.Now()
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n || time.Now().After(deadline) {
					return
				}
				t0 := time.Now()
				code, err := send(i)
				lat[i] = time.Since(t0)
				switch {
				case err != nil || (code != http.StatusOK && code != http.StatusTooManyRequests):
					failed.Add(1)
				case code == http.StatusTooManyRequests:
					busy.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	done := min(int(next.Load()), n)
	var got []time.Duration
	for _, d := range lat[:done] {
		if d > 0 {
			got = append(got, d)
		}
	}
	sort.Slice(got, func(i, j int) bool { return got[i] < got[j] })
	pct := func(p float64) time.Duration {
		if len(got) == 0 {
			return 0
		}
		return got[min(len(got)-1, int(p*float64(len(got))))]
	}
	return loadResult{api: api, clients: clients, requests: len(got), failed: failed.Load(), busy: busy.Load(),
		elapsed: elapsed, p50: pct(0.50), p99: pct(0.99), max: pct(1)}
}

// TestLoadTest measures requests per second and p50/p99 latency for 2 KB
// articles at 2 and 32 concurrent clients, against a server on loopback
// with the built-in rules and default limits. It runs only with
// MTCHECK_LOADTEST=1 (go test ./examples/mtcheck-server -run LoadTest -v);
// MTCHECK_LOADTEST_N sets the requests per run (default 2000), and each run
// stops after 20 s whatever the count.
func TestLoadTest(t *testing.T) {
	if os.Getenv("MTCHECK_LOADTEST") != "1" {
		t.Skip("set MTCHECK_LOADTEST=1 to run the load test")
	}
	n := 2000
	if v, err := strconv.Atoi(os.Getenv("MTCHECK_LOADTEST_N")); err == nil && v > 0 {
		n = min(v, 100000)
	}
	texts := loadArticles(t, 2048)
	base, _, _, _ := startServe(t, config{All: rules.All(), Default: rules.Default()}, 5*time.Second)
	// Warm up: the first check loads the prose model.
	t0 := time.Now()
	warm := runLoad(t, "/v1/check", base, texts, 1, len(texts), time.Minute)
	require.Zero(t, warm.failed)
	t.Logf("warm-up: %d texts of ~2 KB, sequential (the prose model loads on first need) in %v", len(texts), time.Since(t0).Round(time.Millisecond))
	var results []loadResult
	for _, api := range []string{"/v1/check", "/v2/check"} {
		for _, clients := range []int{2, 32} {
			r := runLoad(t, api, base, texts, clients, n, 20*time.Second)
			results = append(results, r)
			t.Log(r)
			require.Zero(t, r.failed, "no request may fail")
		}
	}
	fmt.Fprintf(os.Stdout, "mtcheck-server load test, %d texts of ~2 KB, GOMAXPROCS=%d (max-inflight default):\n", len(texts), defaultInflight())
	for _, r := range results {
		fmt.Fprintln(os.Stdout, "  "+r.String())
	}
}

// benchServer is a server over the built-in rules with room for the
// benchmark's requests.
func benchServer(b *testing.B) *server {
	s, err := newServer(config{All: rules.All(), Default: rules.Default(), MaxInflight: 64})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkV1Check measures the handler alone (no network) on ~2 KB articles.
func BenchmarkV1Check(b *testing.B) {
	texts := loadArticles(b, 2048)
	s := benchServer(b)
	bodies := make([][]byte, len(texts))
	size := 0
	for i, t := range texts {
		bodies[i], _ = json.Marshal(map[string]string{"text": t})
		size += len(t)
	}
	b.SetBytes(int64(size / len(texts)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w := do(s, http.MethodPost, "/v1/check", "application/json", bytes.NewReader(bodies[i%len(bodies)]))
		if w.Code != http.StatusOK {
			b.Fatal(w.Body.String())
		}
	}
}

// BenchmarkV2Check measures the LanguageTool handler alone on ~2 KB articles.
func BenchmarkV2Check(b *testing.B) {
	texts := loadArticles(b, 2048)
	s := benchServer(b)
	bodies := make([]string, len(texts))
	size := 0
	for i, t := range texts {
		bodies[i] = url.Values{"text": {t}, "language": {"en-US"}}.Encode()
		size += len(t)
	}
	b.SetBytes(int64(size / len(texts)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w := do(s, http.MethodPost, "/v2/check", "application/x-www-form-urlencoded", strings.NewReader(bodies[i%len(bodies)]))
		if w.Code != http.StatusOK {
			b.Fatal(w.Body.String())
		}
	}
}
