package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// A progress bar on standard error for runs that take more than about a
// second, drawn only when standard error is a terminal: never in CI logs,
// pipes or files. NO_COLOR does not matter (the bar has no colour). The bar
// redraws one line with "\r" and pads with spaces instead of using escape
// sequences, so even a dumb terminal shows it correctly, and it erases itself
// before the report is written.

// progressDelay is how long a run goes before the bar appears:
// MTLINT_PROGRESS_DELAY (a Go duration such as "0s"), by default one second.
func progressDelay() time.Duration {
	if d, err := time.ParseDuration(os.Getenv("MTLINT_PROGRESS_DELAY")); err == nil && d >= 0 {
		return d
	}
	return time.Second
}

// progressEvery is how often the bar is redrawn.
const progressEvery = 100 * time.Millisecond

// isTerminal reports whether w is a terminal. It uses the file mode (a
// character device) rather than golang.org/x/term's ioctl, to add no
// dependency: the only character devices that are not terminals, such as
// /dev/null, discard what the bar writes anyway.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progress counts finished files and draws the bar.
type progress struct {
	w     io.Writer
	total int
	done  atomic.Int64
	stop  chan struct{}
	wg    sync.WaitGroup
	width int // of the last line drawn, to erase it
}

// startProgress starts a bar for total files on w, appearing after delay;
// it returns nil (a valid, silent *progress) when w is not a terminal.
func startProgress(w io.Writer, total int, delay, every time.Duration, terminal bool) *progress {
	if !terminal || total < 2 {
		return nil
	}
	p := &progress{w: w, total: total, stop: make(chan struct{})}
	p.wg.Add(1)
	go p.loop(delay, every)
	return p
}

// add records one finished file.
func (p *progress) add() {
	if p != nil {
		p.done.Add(1)
	}
}

// finish stops the bar and erases it.
func (p *progress) finish() {
	if p == nil {
		return
	}
	close(p.stop)
	p.wg.Wait()
}

func (p *progress) loop(delay, every time.Duration) {
	defer p.wg.Done()
	select {
	case <-p.stop:
		return
	case <-time.After(delay):
	}
	t := time.NewTicker(every)
	defer t.Stop()
	start := time.Now().Add(-delay)
	for {
		p.draw(time.Since(start))
		select {
		case <-p.stop:
			if p.width > 0 {
				fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.width))
			}
			return
		case <-t.C:
		}
	}
}

func (p *progress) draw(elapsed time.Duration) {
	done := int(p.done.Load())
	line := progressLine(done, p.total, elapsed)
	pad := ""
	if n := p.width - len(line); n > 0 {
		pad = strings.Repeat(" ", n)
	}
	fmt.Fprintf(p.w, "\r%s%s", line, pad)
	p.width = len(line)
}

// progressLine renders "mtlint [=====>     ] 412/1000 files 41% 3.2s".
func progressLine(done, total int, elapsed time.Duration) string {
	const bar = 24
	if total <= 0 {
		total = 1
	}
	done = min(max(done, 0), total)
	filled := done * bar / total
	var b strings.Builder
	b.WriteString("mtlint [")
	b.WriteString(strings.Repeat("=", filled))
	if filled < bar {
		b.WriteString(">")
		b.WriteString(strings.Repeat(" ", bar-filled-1))
	}
	fmt.Fprintf(&b, "] %d/%d files %d%% %.1fs", done, total, done*100/total, elapsed.Seconds())
	return b.String()
}
