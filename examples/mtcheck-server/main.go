// Command mtcheck-server serves mtcheck over HTTP: a JSON API and a
// LanguageTool-compatible API, so LanguageTool's browser extensions and
// editor plugins can use a self-hosted mtcheck as their server.
//
// Usage:
//
//	mtcheck-server [-addr 127.0.0.1:8081] [-config .mtcheck.yml] [flags]
//
// Endpoints:
//
//	POST /v1/check      {"text","type","path","rules":{"only","enable","disable"},"minConfidence"}
//	                    → the report of one file in mtlint's JSON format
//	POST /v2/check      LanguageTool's check (form fields text or data, language,
//	                    enabledRules, disabledRules, enabledOnly, …)
//	GET  /v2/languages  the languages the LanguageTool API accepts
//	GET  /healthz       liveness and load
//
// One checker is built at start and shared by all requests; the prose model
// behind it loads on first need. Requests that choose other rules get their
// own checkers, built once and kept in a bounded LRU cache. Checks run at most
// -max-inflight at a time; a request that finds no free slot within
// -queue-wait is answered 429 with Retry-After. A check that takes longer than
// -timeout is answered 503. SIGINT and SIGTERM stop accepting connections and
// let the requests in flight finish.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/mtcheck/mtcheck/mtcheck"
	mtconfig "github.com/mtcheck/mtcheck/mtcheck/config"
	"github.com/mtcheck/mtcheck/mtcheck/format"
	"github.com/mtcheck/mtcheck/rules"
)

// ruleSets returns the registry and the default rules; tests replace it.
var ruleSets = func() (all, def []*mtcheck.Rule) { return rules.All(), rules.Default() }

// multiFlag is a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string { return strings.Join(*m, ",") }

func (m *multiFlag) Set(v string) error {
	for _, f := range strings.Split(v, ",") {
		if f = strings.TrimSpace(f); f != "" {
			*m = append(*m, f)
		}
	}
	return nil
}

// options are the parsed command line.
type options struct {
	addr            string
	configPath      string
	shutdownTimeout time.Duration
	version         bool
	cfg             config
}

func parseArgs(args []string, stderr io.Writer) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("mtcheck-server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: mtcheck-server [flags]\n\nServes mtcheck over HTTP (JSON API and LanguageTool-compatible API).\n\nFlags:")
		fs.PrintDefaults()
	}
	var origins multiFlag
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8081", "address to listen on (loopback by default)")
	fs.StringVar(&o.configPath, "config", "", "project configuration file (.mtcheck.yml: rules, severities, overrides, phrases)")
	fs.Int64Var(&o.cfg.MaxBody, "max-body", defaultMaxBody, "largest request body in bytes (larger: 413)")
	fs.DurationVar(&o.cfg.Timeout, "timeout", defaultTimeout, "time limit of one check request (exceeded: 503)")
	fs.IntVar(&o.cfg.MaxInflight, "max-inflight", defaultInflight(), "checks running at once")
	fs.DurationVar(&o.cfg.QueueWait, "queue-wait", defaultQueueWait, "how long a check waits for a free slot before 429")
	fs.IntVar(&o.cfg.CheckerCache, "checker-cache", defaultCheckerCache, "rule selections whose checkers are kept (LRU)")
	fs.Var(&origins, "cors-origin", "browser origin allowed to call the API (repeatable; * for any; none by default)")
	fs.DurationVar(&o.shutdownTimeout, "shutdown-timeout", 30*time.Second, "how long shutdown waits for requests in flight")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments: %q", fs.Args())
	}
	switch {
	case o.cfg.MaxBody <= 0:
		return nil, errors.New("-max-body must be positive")
	case o.cfg.Timeout <= 0:
		return nil, errors.New("-timeout must be positive")
	case o.cfg.MaxInflight <= 0:
		return nil, errors.New("-max-inflight must be positive")
	case o.cfg.QueueWait < 0:
		return nil, errors.New("-queue-wait must not be negative")
	case o.cfg.CheckerCache <= 0:
		return nil, errors.New("-checker-cache must be positive")
	}
	if o.cfg.QueueWait == 0 {
		o.cfg.QueueWait = -1 // -queue-wait 0: answer 429 at once
	}
	o.cfg.CORSOrigins = origins
	o.cfg.All, o.cfg.Default = ruleSets()
	if o.configPath != "" {
		f, err := mtconfig.Load(o.configPath)
		if err != nil {
			return nil, fmt.Errorf("-config: %w", err)
		}
		o.cfg.Project = f
		// The file's phrase rules become known; its configuration turns
		// them on.
		o.cfg.All = append(o.cfg.All[:len(o.cfg.All):len(o.cfg.All)], f.Rules()...)
	}
	return o, nil
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole program; it returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	o, err := parseArgs(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "mtcheck-server: %v\n", err)
		return 2
	}
	if o.version {
		fmt.Fprintf(stdout, "mtcheck-server %s\n", format.Version)
		return 0
	}
	o.cfg.Logger = slog.New(slog.NewJSONHandler(stderr, nil))
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		fmt.Fprintf(stderr, "mtcheck-server: %v\n", err)
		return 1
	}
	if err := serve(ctx, ln, o.cfg, o.shutdownTimeout); err != nil {
		fmt.Fprintf(stderr, "mtcheck-server: %v\n", err)
		return 1
	}
	return 0
}

// isLoopback reports whether addr (a listener's address) is on loopback.
func isLoopback(addr net.Addr) bool {
	ta, ok := addr.(*net.TCPAddr)
	return ok && ta.IP.IsLoopback()
}

// serve answers requests on ln until ctx is done, then stops accepting
// connections and waits up to drain for the requests in flight.
func serve(ctx context.Context, ln net.Listener, cfg config, drain time.Duration) error {
	s, err := newServer(cfg)
	if err != nil {
		ln.Close()
		return err
	}
	log := s.cfg.Logger
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       s.cfg.Timeout + 20*time.Second,
		WriteTimeout:      s.cfg.Timeout + 20*time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.Info("listening", slog.String("addr", ln.Addr().String()), slog.Int("rules", len(s.checkers.base.Rules())),
		slog.Int("max_inflight", s.cfg.MaxInflight), slog.String("timeout", s.cfg.Timeout.String()), slog.Int64("max_body", s.cfg.MaxBody))
	if !isLoopback(ln.Addr()) {
		log.Warn("listening on a non-loopback address: anyone who can reach it can use this server; put it behind an authenticating proxy",
			slog.String("addr", ln.Addr().String()))
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: draining requests in flight", slog.String("within", drain.String()))
	sctx, cancel := context.WithTimeout(context.Background(), drain)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}
