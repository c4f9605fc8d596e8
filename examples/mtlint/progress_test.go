package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestProgressBar(t *testing.T) {
	var w lockedBuffer
	p := startProgress(&w, 10, 5*time.Millisecond, 5*time.Millisecond, true)
	for i := 0; i < 4; i++ {
		p.add()
	}
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(w.String(), "4/10 files 40%") && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	p.finish()
	out := w.String()
	if !strings.Contains(out, "\rmtlint [=========>              ] 4/10 files 40%") {
		t.Errorf("bar not drawn: %q", out)
	}
	// Finishing erases the line: spaces, then a carriage return.
	if !strings.HasSuffix(out, "\r") || !strings.Contains(out, "\r"+strings.Repeat(" ", len(progressLine(4, 10, 0)))) {
		t.Errorf("bar not erased: %q", out)
	}

	// A run shorter than the delay draws nothing.
	var quiet lockedBuffer
	p = startProgress(&quiet, 10, time.Hour, time.Millisecond, true)
	p.add()
	p.finish()
	if quiet.String() != "" {
		t.Errorf("short run drew %q", quiet.String())
	}
	// Not a terminal: no bar at all (a nil *progress is safe to use).
	p = startProgress(&quiet, 10, 0, time.Millisecond, false)
	if p != nil {
		t.Fatal("progress on a non-terminal")
	}
	p.add()
	p.finish()
}

func TestProgressLine(t *testing.T) {
	for _, c := range []struct {
		done, total int
		want        string
	}{
		{0, 1000, "mtlint [>                       ] 0/1000 files 0% 1.5s"},
		{500, 1000, "mtlint [============>           ] 500/1000 files 50% 1.5s"},
		{1000, 1000, "mtlint [========================] 1000/1000 files 100% 1.5s"},
		{2000, 1000, "mtlint [========================] 1000/1000 files 100% 1.5s"},
	} {
		if got := progressLine(c.done, c.total, 1500*time.Millisecond); got != c.want {
			t.Errorf("progressLine(%d, %d) = %q, want %q", c.done, c.total, got, c.want)
		}
	}
}

func TestIsTerminal(t *testing.T) {
	if isTerminal(&bytes.Buffer{}) {
		t.Error("a buffer is not a terminal")
	}
	f, err := os.CreateTemp(t.TempDir(), "x")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Error("a regular file is not a terminal")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if isTerminal(w) {
		t.Error("a pipe (as in CI) is not a terminal")
	}
}

// TestProgressOnTerminal runs the binary under script(1), which gives it a
// pseudo-terminal: the bar is drawn on stderr there and erased; with stderr
// on a pipe nothing is drawn. MTLINT_PROGRESS_DELAY=0 makes even a short run
// draw.
func TestProgressOnTerminal(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	genArticles(t, dir, 50)
	env := append(os.Environ(), "MTLINT_PROGRESS_DELAY=0", "NO_COLOR=1", "CI=true")

	cmd := exec.Command(bin, dir)
	cmd.Env = env
	var errb bytes.Buffer
	cmd.Stderr = &errb
	cmd.Run()
	if s := errb.String(); strings.Contains(s, "\r") || strings.Contains(s, "mtlint [") {
		t.Errorf("progress drawn on a pipe: %q", s[:min(len(s), 300)])
	}

	script, err := exec.LookPath("script")
	if err != nil {
		t.Skip("script(1) not installed (util-linux)")
	}
	// stdout to /dev/null, stderr to the terminal script provides.
	cmd = exec.Command(script, "-qec", bin+" "+dir+" >/dev/null", "/dev/null")
	cmd.Env = env
	out, _ := cmd.Output()
	s := string(out)
	if !strings.Contains(s, "\rmtlint [") || !strings.Contains(s, "/50 files") || !strings.Contains(s, "     \r50 files,") {
		t.Errorf("no progress bar on a terminal (NO_COLOR and CI set do not matter): %q", s[:min(len(s), 500)])
	}
	if !strings.Contains(s, "50 files,") {
		t.Errorf("summary missing: %q", s)
	}
}
