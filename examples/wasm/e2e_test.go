//go:build !(js && wasm)

package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/rules"
)

// requireTool returns the path of the first of names on PATH. Without one it
// skips the test, or fails it when MTCHECK_REQUIRE_TOOLS=1 (as in CI).
func requireTool(t *testing.T, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	msg := fmt.Sprintf("%s not found on PATH (install it with .ci/install-deps)", names[0])
	if os.Getenv("MTCHECK_REQUIRE_TOOLS") == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// buildWasm builds the WebAssembly front-end with tags into dir and returns
// the path of the .wasm file.
func buildWasm(t *testing.T, dir, tags string) string {
	t.Helper()
	out := filepath.Join(dir, "mtcheck.wasm")
	cmd := exec.Command("go", "build", "-tags", tags, "-o", out, ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	b, err := cmd.CombinedOutput()
	require.NoError(t, err, "building the wasm: %s", b)
	return out
}

// wasmExecJS returns the path of Go's wasm_exec.js.
func wasmExecJS(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOROOT").Output()
	require.NoError(t, err)
	root := strings.TrimSpace(string(out))
	for _, p := range []string{"lib/wasm/wasm_exec.js", "misc/wasm/wasm_exec.js"} {
		if _, err := os.Stat(filepath.Join(root, p)); err == nil {
			return filepath.Join(root, p)
		}
	}
	t.Fatalf("wasm_exec.js not found under %s", root)
	return ""
}

// maxRequests bounds what the test server answers.
const maxRequests = 100

// servePage serves the demo page from web/, Go's wasm_exec.js and the built
// .wasm (as application/wasm) on 127.0.0.1.
func servePage(t *testing.T, wasm string) *httptest.Server {
	t.Helper()
	execJS := wasmExecJS(t)
	files := http.FileServer(http.Dir("web"))
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) > maxRequests {
			http.Error(w, "too many requests", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		switch r.URL.Path {
		case "/mtcheck.wasm":
			w.Header().Set("Content-Type", "application/wasm")
			http.ServeFile(w, r, wasm)
		case "/wasm_exec.js":
			http.ServeFile(w, r, execJS)
		default:
			files.ServeHTTP(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// browser starts headless Chromium and returns a tab context.
func browser(t *testing.T, chromium string, limit time.Duration) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	t.Cleanup(cancel)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromium),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	t.Cleanup(cancelAlloc)
	tab, cancelTab := chromedp.NewContext(alloc)
	t.Cleanup(cancelTab)
	return tab
}

// consoleLog collects the page's console messages, to show when a test fails.
type consoleLog struct {
	mu   sync.Mutex
	msgs []string
}

func (c *consoleLog) collect(ctx context.Context) {
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			c.mu.Lock()
			c.msgs = append(c.msgs, m.String())
			c.mu.Unlock()
		}
	}()
}

func (c *consoleLog) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return strings.Join(c.msgs, "\n")
}

// insertText types s into the focused element the way a paste does.
func insertText(s string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, input.InsertText, input.InsertTextParams{Text: s})
		return err
	})
}

type pageFinding struct {
	Rule    string   `json:"rule"`
	Flagged string   `json:"flagged"`
	Marked  string   `json:"marked"` // the highlighted pieces of the preview
	Fixes   []string `json:"fixes"`
}

// readFindings returns the findings the page lists, each with the text its
// highlight marks cover in the preview.
const readFindings = `[...document.querySelectorAll('#findings li')].map((li) => ({
	rule: li.querySelector('.rule').textContent,
	flagged: li.querySelector('.flagged').textContent,
	marked: [...document.querySelectorAll('#highlights mark')]
		.filter((m) => m.dataset.diags.split(' ').includes(li.dataset.diag))
		.map((m) => m.textContent).join(''),
	fixes: [...li.querySelectorAll('button.fix')].map((b) => b.textContent),
}))`

// waitChecked waits until the page has checked the textarea's current text.
var waitChecked = chromedp.Poll[chromedp.Void](
	`window.mtcheckDemo.checks > 0 && mtcheckDemo.lastText === document.querySelector('#text').value`,
	chromedp.WithPollingTimeout(20*time.Second))

// TestBrowserEndToEnd loads the demo page with the rules-only build in
// headless Chromium, pastes a damaged paragraph, checks the highlighted
// findings against the native checker, applies a one-click fix and the
// safe fixes, and logs cold-start and check times. With MTCHECK_WASM_FULL=1
// it tests the full build too (its first build takes minutes).
func TestBrowserEndToEnd(t *testing.T) {
	chromium := requireTool(t, "chromium", "chromium-browser")
	if testing.Short() && os.Getenv("MTCHECK_REQUIRE_TOOLS") != "1" {
		t.Skip("builds WebAssembly and drives a browser")
	}
	t.Run("rules-only", func(t *testing.T) {
		var defaults []*mtcheck.Rule
		for _, r := range rules.Default() {
			if r.Needs == 0 {
				defaults = append(defaults, r)
			}
		}
		testBrowser(t, chromium, "mtcheck_noprose", defaults)
	})
	t.Run("full", func(t *testing.T) {
		if os.Getenv("MTCHECK_WASM_FULL") != "1" {
			t.Skip("set MTCHECK_WASM_FULL=1 to test the full build")
		}
		testBrowser(t, chromium, "full", rules.Default())
	})
}

func testBrowser(t *testing.T, chromium, tags string, defaults []*mtcheck.Rule) {
	start := time.Now()
	wasm := buildWasm(t, t.TempDir(), tags)
	fi, err := os.Stat(wasm)
	require.NoError(t, err)
	t.Logf("wasm (%d bytes) built in %v", fi.Size(), time.Since(start).Round(time.Millisecond))
	srv := servePage(t, wasm)

	ctx := browser(t, chromium, 60*time.Second)
	var console consoleLog
	console.collect(ctx)
	defer func() {
		if t.Failed() {
			t.Logf("browser console:\n%s", &console)
		}
	}()

	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/index.html")))
	_, err = chromedp.Run(ctx, chromedp.Poll[chromedp.Void](`window.mtcheckDemo && (mtcheckDemo.ready || mtcheckDemo.error)`,
		chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err)
	loadErr, err := chromedp.Run(ctx, chromedp.Evaluate[*string](`mtcheckDemo.error`))
	require.NoError(t, err)
	require.Nil(t, loadErr, "loading mtcheck in the page")

	// Cold start, then the check time of a 2 KB article.
	article, err := os.ReadFile("testdata/article_2k.txt")
	require.NoError(t, err)
	type timing struct {
		ReadyMs, LoadMs float64
		WarmMs          float64   // loading the language data, after ready
		Checks          []float64 // in-worker time of each check
		RoundTrips      []float64
		Diagnostics     int
	}
	tm, err := chromedp.Run(ctx, chromedp.Evaluate[timing](fmt.Sprintf(`(async () => {
		const text = %q;
		const out = {ReadyMs: mtcheckDemo.timings.readyMs, LoadMs: mtcheckDemo.timings.loadMs, Checks: [], RoundTrips: []};
		for (let i = 0; i < 11; i++) {
			const t0 = performance.now();
			const r = await mtcheckDemo.client.check(text);
			out.RoundTrips.push(performance.now() - t0);
			out.Checks.push(r.ms);
			out.Diagnostics = r.diagnostics.length;
		}
		out.WarmMs = (await mtcheckDemo.client.warm).ms;
		return out;
	})()`, article), chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	native, err := mtcheck.New(defaults)
	require.NoError(t, err)
	arep, err := native.Check(context.Background(), string(article))
	require.NoError(t, err)
	assert.Equal(t, len(arep.Diagnostics), tm.Diagnostics, "findings on the article")
	warm := slices.Clone(tm.Checks[1:])
	slices.Sort(warm)
	t.Logf("cold start: worker created → ready %.0f ms (worker start → ready %.0f ms), then language data %.0f ms; "+
		"first check of %d bytes, sent at ready: %.1f ms in the worker, %.1f ms round trip; later checks median %.2f ms",
		tm.ReadyMs, tm.LoadMs, tm.WarmMs, len(article), tm.Checks[0], tm.RoundTrips[0], warm[len(warm)/2])

	// Paste the damaged paragraph; the findings must be the native
	// checker's, highlighted over exactly the flagged text.
	require.NoError(t, chromedp.Do(ctx, chromedp.Focus(chromedp.CSS("#text")), insertText(artefactText)))
	_, err = chromedp.Run(ctx, waitChecked)
	require.NoError(t, err)
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]pageFinding](readFindings))
	require.NoError(t, err)

	nrep, err := native.Check(context.Background(), artefactText)
	require.NoError(t, err)
	require.Len(t, got, len(nrep.Diagnostics), "findings on the page: %+v", got)
	fpIndex := -1
	for i, d := range nrep.Diagnostics {
		flagged := artefactText[d.Start:d.End]
		assert.Equal(t, d.Rule, got[i].Rule)
		assert.Equal(t, flagged, got[i].Flagged)
		assert.Equal(t, flagged, got[i].Marked, "highlight of %s", d.Rule)
		assert.Len(t, got[i].Fixes, len(d.Fixes))
		if d.Rule == "mt-fingerprint" {
			fpIndex = i
		}
	}
	byRule := map[string]string{}
	for _, f := range got {
		byRule[f.Rule] = f.Flagged
	}
	assert.Equal(t, "“”", byRule["quotes"])
	assert.Equal(t, "rice field.", byRule["mt-fingerprint"])
	if rules.ByName("missing-space") != nil {
		assert.Contains(t, byRule["missing-space"], ".But")
	}
	require.GreaterOrEqual(t, fpIndex, 0)

	// One click on the "rice field." fix deletes it from the textarea.
	want := mtcheck.ApplyFixes(artefactText, nrep.Diagnostics[fpIndex:fpIndex+1], false).Text
	require.NotEqual(t, artefactText, want)
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`#findings li[data-diag="%d"] button.fix`, fpIndex)))))
	value, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#text")))
	require.NoError(t, err)
	assert.Equal(t, want, value)
	assert.NotContains(t, value, "rice field.")
	_, err = chromedp.Run(ctx, waitChecked)
	require.NoError(t, err)
	got, err = chromedp.Run(ctx, chromedp.Evaluate[[]pageFinding](readFindings))
	require.NoError(t, err)
	assert.Len(t, got, len(nrep.Diagnostics)-1)
	for _, f := range got {
		assert.NotEqual(t, "mt-fingerprint", f.Rule)
	}

	// "Apply all safe fixes" goes through mtcheck.applyFixes in the worker.
	nrep2, err := native.Check(context.Background(), value)
	require.NoError(t, err)
	wantSafe := mtcheck.ApplyFixes(value, nrep2.Diagnostics, true).Text
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#fix-safe"))))
	_, err = chromedp.Run(ctx, chromedp.Poll[chromedp.Void](fmt.Sprintf(`document.querySelector('#text').value === %q`, wantSafe),
		chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err, "textarea after the safe fixes, want %q", wantSafe)
	_, err = chromedp.Run(ctx, waitChecked)
	require.NoError(t, err)
	score, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`mtcheckDemo.lastReport.score`))
	require.NoError(t, err)
	nrep3, err := native.Check(context.Background(), wantSafe)
	require.NoError(t, err)
	assert.InDelta(t, nrep3.Score, score, 1e-9)
	t.Logf("end to end in %v", time.Since(start).Round(time.Millisecond))
}
