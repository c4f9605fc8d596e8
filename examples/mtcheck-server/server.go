package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/mtcheck/mtcheck/mtcheck"
	mtconfig "github.com/mtcheck/mtcheck/mtcheck/config"
	"github.com/mtcheck/mtcheck/mtcheck/format"
)

// config holds everything newServer needs; the zero value of each field
// means its default (see withDefaults).
type config struct {
	// Project is the project configuration (-config); nil means the
	// defaults. Its phrase rules must be in All.
	Project *mtconfig.File
	// All and Default are the registered and the default rules.
	All, Default []*mtcheck.Rule
	// MaxBody is the largest request body accepted, in bytes.
	MaxBody int64
	// Timeout bounds one check request from its arrival to its answer.
	Timeout time.Duration
	// MaxInflight is the number of checks that run at once.
	MaxInflight int
	// QueueWait is how long a check waits for a free slot before 429;
	// negative: no wait.
	QueueWait time.Duration
	// CORSOrigins are the browser origins allowed to call the API; "*"
	// allows any.
	CORSOrigins []string
	// CheckerCache is the number of rule selections whose checkers are kept.
	CheckerCache int
	// Logger receives one structured line per request.
	Logger *slog.Logger
}

// Defaults of the limits; main's flags use the same values.
const (
	defaultMaxBody      = 1 << 20
	defaultTimeout      = 10 * time.Second
	defaultQueueWait    = 2 * time.Second
	defaultCheckerCache = 64
)

func (c config) withDefaults() config {
	if c.MaxBody <= 0 {
		c.MaxBody = defaultMaxBody
	}
	if c.Timeout <= 0 {
		c.Timeout = defaultTimeout
	}
	if c.MaxInflight <= 0 {
		c.MaxInflight = defaultInflight()
	}
	if c.QueueWait == 0 {
		c.QueueWait = defaultQueueWait
	}
	if c.CheckerCache <= 0 {
		c.CheckerCache = defaultCheckerCache
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	return c
}

// server is the HTTP API over one shared checker (and a bounded cache of
// checkers for other rule selections).
type server struct {
	cfg      config
	checkers *checkerCache
	slots    chan struct{}
	inflight atomic.Int64 // checks running, including abandoned ones
	mux      *http.ServeMux
	handler  http.Handler
	origins  map[string]bool
	anyOrig  bool
}

// newServer builds the API handler. It fails when the base configuration
// does not build a checker.
func newServer(cfg config) (*server, error) {
	cfg = cfg.withDefaults()
	s := &server{cfg: cfg, slots: make(chan struct{}, cfg.MaxInflight), origins: map[string]bool{}}
	base, err := s.configFor("")
	if err != nil {
		return nil, err
	}
	if s.checkers, err = newCheckerCache(base, cfg.All, cfg.Default, cfg.CheckerCache); err != nil {
		return nil, err
	}
	for _, o := range cfg.CORSOrigins {
		if o == "*" {
			s.anyOrig = true
		}
		s.origins[strings.TrimSuffix(o, "/")] = true
	}
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("POST /v1/check", s.handleV1Check)
	s.mux.HandleFunc("GET /v2/check", s.handleV2Check)
	s.mux.HandleFunc("POST /v2/check", s.handleV2Check)
	s.mux.HandleFunc("GET /v2/languages", s.handleV2Languages)
	s.mux.HandleFunc("GET /healthz", s.handleHealth)
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if allow, ok := endpointMethods[r.URL.Path]; ok {
			w.Header().Set("Allow", allow)
			writeError(w, r, http.StatusMethodNotAllowed, r.Method+" is not allowed on "+r.URL.Path+"; use "+allow)
			return
		}
		writeError(w, r, http.StatusNotFound, "no such endpoint: "+r.URL.Path)
	})
	s.handler = s.withRequestID(s.withLog(s.withRecover(s.withCORS(s.mux))))
	return s, nil
}

// outsideEveryProject is a path outside every project directory: the
// project configuration gives it its top-level settings, no override.
const outsideEveryProject = "/"

// configFor returns the effective configuration for a text checked under
// path (resolved against the working directory, like the linter's
// arguments): the project file's top-level settings plus the overrides
// whose globs match path. A text without a path gets the top-level
// settings only.
func (s *server) configFor(path string) (mtcheck.Config, error) {
	if s.cfg.Project == nil {
		return mtcheck.Config{}, nil
	}
	if path == "" {
		path = outsideEveryProject
	}
	return s.cfg.Project.For(path)
}

// endpointMethods lists the methods of each endpoint, for 405 answers.
var endpointMethods = map[string]string{
	"/v1/check":     "POST",
	"/v2/check":     "GET, POST",
	"/v2/languages": "GET",
	"/healthz":      "GET",
}

// ServeHTTP implements http.Handler.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// ---- request context: id and log attributes

type ctxKey struct{}

// reqInfo travels with a request: its id and attributes handlers add to the
// request's log line.
type reqInfo struct {
	id    string
	attrs []slog.Attr
}

func info(r *http.Request) *reqInfo {
	if ri, ok := r.Context().Value(ctxKey{}).(*reqInfo); ok {
		return ri
	}
	return &reqInfo{}
}

// logAttr adds an attribute to the request's log line.
func logAttr(r *http.Request, a ...slog.Attr) {
	ri := info(r)
	ri.attrs = append(ri.attrs, a...)
}

// validRequestID accepts ids of 1..128 characters from a safe set, so a
// client's id can be echoed and logged without escaping surprises.
func validRequestID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-_.:", c) >= 0) {
			return false
		}
	}
	return true
}

func newRequestID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func (s *server) withRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-ID")
		if !validRequestID(id) {
			id = newRequestID()
		}
		w.Header().Set("X-Request-ID", id)
		ri := &reqInfo{id: id}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, ri)))
	})
}

// statusWriter records the status and size of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// withLog writes one structured log line per request. The checked text is
// never logged.
func (s *server) withLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		ri := info(r)
		level := slog.LevelInfo
		if sw.status >= 500 {
			level = slog.LevelError
		} else if sw.status >= 400 {
			level = slog.LevelWarn
		}
		attrs := []slog.Attr{
			slog.String("request_id", ri.id),
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", sw.status),
			slog.Int64("bytes", sw.bytes),
			slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
			slog.String("remote", r.RemoteAddr),
		}
		attrs = append(attrs, ri.attrs...)
		s.cfg.Logger.LogAttrs(r.Context(), level, "request", attrs...)
	})
}

func (s *server) withRecover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				logAttr(r, slog.String("panic", fmt.Sprint(v)), slog.String("stack", string(debug.Stack())))
				writeError(w, r, http.StatusInternalServerError, "internal error")
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// withCORS answers preflight requests and marks responses to allowed
// origins. No origin is allowed unless configured.
func (s *server) withCORS(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		allowed := origin != "" && (s.anyOrig || s.origins[origin])
		if origin != "" {
			w.Header().Add("Vary", "Origin")
		}
		if allowed {
			if s.anyOrig {
				w.Header().Set("Access-Control-Allow-Origin", "*")
			} else {
				w.Header().Set("Access-Control-Allow-Origin", origin)
			}
			w.Header().Set("Access-Control-Expose-Headers", "X-Request-ID, Retry-After")
		}
		if r.Method == http.MethodOptions {
			if r.Header.Get("Access-Control-Request-Method") != "" {
				if !allowed {
					writeError(w, r, http.StatusForbidden, "origin not allowed")
					return
				}
				w.Header().Add("Vary", "Access-Control-Request-Method")
				w.Header().Add("Vary", "Access-Control-Request-Headers")
				w.Header().Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
				w.Header().Set("Access-Control-Allow-Headers", "Content-Type, Accept, X-Request-ID")
				w.Header().Set("Access-Control-Max-Age", "600")
			}
			w.Header().Set("Allow", "GET, POST, OPTIONS")
			w.WriteHeader(http.StatusNoContent)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// ---- errors

// apiError is a failure with the HTTP status it maps to.
type apiError struct {
	status     int
	msg        string
	retryAfter int // seconds; 0: no Retry-After header
}

func (e *apiError) Error() string { return e.msg }

func errorf(status int, format string, args ...any) *apiError {
	return &apiError{status: status, msg: fmt.Sprintf(format, args...)}
}

// isLT reports whether r is for the LanguageTool-compatible API, whose
// errors are plain text starting "Error: ", as LanguageTool's are.
func isLT(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/v2/") }

// writeError answers with status and msg: JSON {"error","requestId"} on the
// mtcheck API, plain text on the LanguageTool API.
func writeError(w http.ResponseWriter, r *http.Request, status int, msg string) {
	logAttr(r, slog.String("error", msg))
	if isLT(r) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.WriteHeader(status)
		fmt.Fprintf(w, "Error: %s\n", msg)
		return
	}
	writeJSON(w, status, map[string]any{"error": msg, "status": status, "requestId": info(r).id})
}

func writeAPIError(w http.ResponseWriter, r *http.Request, err error) {
	var ae *apiError
	if !errors.As(err, &ae) {
		ae = &apiError{status: http.StatusInternalServerError, msg: err.Error()}
	}
	if ae.retryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(ae.retryAfter))
	}
	writeError(w, r, ae.status, ae.msg)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// bodyError maps a failure to read the body to 413 or 400.
func bodyError(err error, limit int64) *apiError {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return errorf(http.StatusRequestEntityTooLarge, "request body larger than %d bytes", limit)
	}
	return errorf(http.StatusBadRequest, "reading request body: %v", err)
}

// limitBody rejects a declared oversized body at once and caps the rest.
func (s *server) limitBody(w http.ResponseWriter, r *http.Request) *apiError {
	if r.ContentLength > s.cfg.MaxBody {
		return errorf(http.StatusRequestEntityTooLarge, "request body larger than %d bytes", s.cfg.MaxBody)
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
	return nil
}

// ---- bounded concurrency and timeouts

// errTooBusy is returned when no check slot frees up within QueueWait.
var errTooBusy = &apiError{status: http.StatusTooManyRequests, msg: "too many checks in progress; retry later", retryAfter: 1}

// runCheck runs fn in a check slot, bounded by the request's deadline. It
// waits up to QueueWait for a slot (then 429). When the deadline passes
// first it answers 503 at once; fn keeps its slot until it returns, so
// abandoned work still counts against the limit.
func runCheck[T any](s *server, ctx context.Context, fn func(context.Context) (T, error)) (T, error) {
	var zero T
	select {
	case s.slots <- struct{}{}:
	default:
		if s.cfg.QueueWait < 0 {
			return zero, errTooBusy
		}
		t := time.NewTimer(s.cfg.QueueWait)
		select {
		case s.slots <- struct{}{}:
			t.Stop()
		case <-t.C:
			return zero, errTooBusy
		case <-ctx.Done():
			t.Stop()
			return zero, timeoutError(ctx, s.cfg.Timeout)
		}
	}
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	s.inflight.Add(1)
	go func() {
		defer func() {
			s.inflight.Add(-1)
			<-s.slots
		}()
		var res result
		func() {
			defer func() {
				if v := recover(); v != nil {
					res.err = fmt.Errorf("check panicked: %v", v)
				}
			}()
			res.v, res.err = fn(ctx)
		}()
		done <- res
	}()
	select {
	case res := <-done:
		if res.err != nil && ctx.Err() != nil {
			return zero, timeoutError(ctx, s.cfg.Timeout)
		}
		return res.v, res.err
	case <-ctx.Done():
		return zero, timeoutError(ctx, s.cfg.Timeout)
	}
}

func timeoutError(ctx context.Context, d time.Duration) *apiError {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return errorf(http.StatusServiceUnavailable, "check did not finish within %v", d)
	}
	// The client went away; the status is for the log only.
	return errorf(499, "request cancelled by the client")
}

// ---- health

func (s *server) handleHealth(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
		"status":      "ok",
		"version":     format.Version,
		"rules":       len(s.checkers.base.Rules()),
		"inflight":    s.inflight.Load(),
		"maxInflight": s.cfg.MaxInflight,
		"checkers":    s.checkers.len(),
	})
}
