package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/format"
)

// v1Request is the body of POST /v1/check.
type v1Request struct {
	// Text is the text to check (required).
	Text *string `json:"text"`
	// Type is txt, md or html; without it the extension of Path decides
	// (plain text by default).
	Type string `json:"type"`
	// Path names the text in the answer (default "<text>"); with a project
	// configuration, its overrides for this path apply.
	Path string `json:"path"`
	// Rules selects rules on top of the server's configuration.
	Rules selection `json:"rules"`
	// MinConfidence drops findings below it (0..1).
	MinConfidence *float64 `json:"minConfidence"`
}

// v1TextName is the path reported for a text sent without one.
const v1TextName = "<text>"

// decodeV1 reads and validates a /v1/check body.
func (s *server) decodeV1(w http.ResponseWriter, r *http.Request) (*v1Request, *apiError) {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(strings.ToLower(ct), "application/json") {
		return nil, errorf(http.StatusUnsupportedMediaType, "Content-Type must be application/json, got %q", ct)
	}
	if ae := s.limitBody(w, r); ae != nil {
		return nil, ae
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, bodyError(err, s.cfg.MaxBody)
	}
	var req v1Request
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return nil, errorf(http.StatusBadRequest, "bad JSON: %v", err)
	}
	if dec.More() {
		return nil, errorf(http.StatusBadRequest, "bad JSON: data after the request object")
	}
	if req.Text == nil {
		return nil, errorf(http.StatusBadRequest, `missing "text"`)
	}
	if req.MinConfidence != nil && !(*req.MinConfidence >= 0 && *req.MinConfidence <= 1) {
		return nil, errorf(http.StatusBadRequest, `"minConfidence" must be between 0 and 1`)
	}
	if err := validateText(*req.Text); err != nil {
		return nil, errorf(http.StatusBadRequest, "text: %v", err)
	}
	return &req, nil
}

// validateText rejects text mtcheck cannot check (invalid UTF-8, NUL).
func validateText(t string) error {
	if strings.IndexByte(t, 0) < 0 && utf8.ValidString(t) {
		return nil
	}
	return mtcheck.ValidateText([]byte(t))
}

// filterConfidence drops findings below min and rescores the rest.
func filterConfidence(rep *mtcheck.Report, min float64) *mtcheck.Report {
	if min <= 0 || rep == nil {
		return rep
	}
	kept := make([]mtcheck.Diagnostic, 0, len(rep.Diagnostics))
	for _, d := range rep.Diagnostics {
		if d.Confidence >= min {
			kept = append(kept, d)
		}
	}
	if len(kept) == len(rep.Diagnostics) {
		return rep
	}
	return mtcheck.NewReport(rep.Document(), kept)
}

// check runs one check in a slot, with the configuration for path and the
// request's rule selection.
func (s *server) check(ctx context.Context, path string, sel selection, fn checkFunc, text string) (*mtcheck.Report, error) {
	cfg, err := s.configFor(path)
	if err != nil {
		return nil, errorf(http.StatusBadRequest, "path: %v", err)
	}
	c, err := s.checkers.get(cfg, sel)
	if err != nil {
		return nil, errorf(http.StatusBadRequest, "%v", err)
	}
	rep, err := runCheck(s, ctx, func(ctx context.Context) (*mtcheck.Report, error) {
		return fn(ctx, c, text)
	})
	if err != nil {
		var ae *apiError
		if errors.As(err, &ae) {
			return nil, ae
		}
		return nil, errorf(http.StatusInternalServerError, "check failed: %v", err)
	}
	return rep, nil
}

func (s *server) handleV1Check(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	req, ae := s.decodeV1(w, r)
	if ae != nil {
		writeAPIError(w, r, ae)
		return
	}
	kind, fn, err := lookupType(req.Type, req.Path)
	if err != nil {
		writeAPIError(w, r, errorf(http.StatusBadRequest, "%v", err))
		return
	}
	if err := s.checkers.unknown(req.Rules); err != nil {
		writeAPIError(w, r, errorf(http.StatusBadRequest, "%v", err))
		return
	}
	rep, err := s.check(ctx, req.Path, req.Rules, fn, *req.Text)
	if err != nil {
		writeAPIError(w, r, err)
		return
	}
	if req.MinConfidence != nil {
		rep = filterConfidence(rep, *req.MinConfidence)
	}
	path := req.Path
	if path == "" {
		path = v1TextName
	}
	logAttr(r, slog.String("type", kind.String()), slog.Int("chars", len(*req.Text)), slog.Int("findings", len(rep.Diagnostics)))
	writeJSON(w, http.StatusOK, format.NewJSONFile(format.Result{Path: path, Report: rep}))
}
