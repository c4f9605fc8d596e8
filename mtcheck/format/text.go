package format

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// textFormatter writes "path:line:col: severity rule: message" lines and a
// one-line summary to Options.Summary.
type textFormatter struct{}

func (textFormatter) Name() string { return "text" }

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiDim    = "\x1b[2m"
)

// useColor reports whether output to w should be coloured.
func useColor(w io.Writer, opts Options) bool {
	if opts.getenv("NO_COLOR") != "" {
		return false
	}
	switch opts.Color {
	case ColorNever:
		return false
	case ColorAlways:
		return true
	}
	return IsTerminal(w)
}

// IsTerminal reports whether w is a terminal (a character device).
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func severityColor(s mtcheck.Severity) string {
	switch s {
	case mtcheck.Error:
		return ansiRed
	case mtcheck.Warning:
		return ansiYellow
	}
	return ansiCyan
}

func (textFormatter) Format(w io.Writer, results []Result, opts Options) error {
	color := useColor(w, opts)
	bw := bufio.NewWriter(w)
	for _, r := range results {
		if r.Report == nil {
			continue // input errors are the driver's to print
		}
		for _, d := range r.Report.Diagnostics {
			pos := r.Report.Position(d.Start)
			if color {
				fmt.Fprintf(bw, "%s%s:%d:%d:%s %s%s%s %s%s:%s %s\n", ansiBold, r.Path, pos.Line, pos.Column, ansiReset,
					severityColor(d.Severity), d.Severity, ansiReset, ansiDim, d.Rule, ansiReset, d.Message)
			} else {
				fmt.Fprintf(bw, "%s:%d:%d: %s %s: %s\n", r.Path, pos.Line, pos.Column, d.Severity, d.Rule, d.Message)
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if opts.Summary != nil {
		line := SummaryLine(results)
		if useColor(opts.Summary, opts) {
			line = ansiBold + line + ansiReset
		}
		if _, err := fmt.Fprintln(opts.Summary, line); err != nil {
			return err
		}
	}
	return nil
}
