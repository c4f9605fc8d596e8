// Command mtcheck-ls is a language server for mtcheck: editors that speak
// the Language Server Protocol show the damage machine translation and
// automatic rewriting leave in English text as diagnostics while you type,
// and offer the rules' fixes as quick fixes.
//
// Usage:
//
//	mtcheck-ls [-debounce 200ms]
//
// The server speaks LSP over standard input and output. It checks documents
// of language markdown, html and plaintext (any other language is checked
// as plain text), 200 ms after the last edit and at once on open and save;
// an edit cancels a check of an older version still running. Rules and
// their settings come from the .mtcheck.yml of the workspace folder that
// holds the document (the defaults otherwise); saving a .mtcheck.yml
// reloads it. Positions are counted in UTF-8 bytes when the client offers
// that encoding, in UTF-16 code units otherwise.
//
// Exit status: 0 after the client's shutdown request and exit notification,
// 1 when the stream ends or exit comes without shutdown.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/mtcheck/mtcheck/mtcheck/format"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("mtcheck-ls", flag.ContinueOnError)
	fs.SetOutput(stderr)
	debounce := fs.Duration("debounce", defaultDebounce, "wait this long after an edit before checking")
	version := fs.Bool("version", false, "print the version and exit")
	fs.Bool("stdio", true, "speak LSP over standard input and output (the only transport; accepted for clients that pass it)")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if *version {
		fmt.Fprintf(stdout, "mtcheck-ls %s (%s)\n", format.Version, runtime.Version())
		return 0
	}
	if *debounce < 0 {
		fmt.Fprintln(stderr, "mtcheck-ls: -debounce must not be negative")
		return 2
	}
	s := newServer(stdout, stderr)
	s.debounce = *debounce
	return s.serve(stdin)
}
