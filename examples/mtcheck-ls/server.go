package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/format"
)

// defaultDebounce is how long the server waits after an edit before
// checking, so that a burst of keystrokes costs one check.
const defaultDebounce = 200 * time.Millisecond

// server is one language server session.
type server struct {
	w *writer
	// log receives the server's own diagnostics (stderr in production).
	log io.Writer
	// debounce delays checks after didChange.
	debounce time.Duration
	// check checks one text; tests wrap it to slow it down.
	check func(ctx context.Context, c *mtcheck.Checker, languageID, text string) (*mtcheck.Report, error)
	// checkerFor returns the checker for the document at path, governed
	// by the project file found from dir upwards. With a checker it may
	// return an error to show the user: a broken project file.
	checkerFor func(dir, path string) (*mtcheck.Checker, error)

	ctx    context.Context // cancelled when the session ends
	cancel context.CancelFunc
	checks sync.WaitGroup // scheduled and running checks

	mu          sync.Mutex
	initialized bool     // the initialize request was answered
	shutdown    bool     // the shutdown request was answered
	utf8        bool     // positions count bytes, not UTF-16 units
	docChanges  bool     // the client takes versioned documentChanges
	roots       []string // workspace folders
	docs        map[string]*document
	publishSeq  uint64
}

// document is an open text document.
type document struct {
	uri, languageID, path string
	version               int32
	text                  string
	gen                   uint64 // bumped by every scheduled check
	timer                 *time.Timer
	cancel                context.CancelFunc
	published             *published // the last diagnostics published
}

// published is one set of published diagnostics and what produced them,
// for answering code action requests.
type published struct {
	seq      uint64
	version  int32
	conv     converter
	findings []mtcheck.Diagnostic
	lsp      []diagnostic
}

func newServer(w io.Writer, log io.Writer) *server {
	ctx, cancel := context.WithCancel(context.Background())
	p := &projects{}
	return &server{
		checkerFor: p.checkerFor,
		w:          &writer{w: w},
		log:        log,
		debounce:   defaultDebounce,
		check:      checkText,
		ctx:        ctx,
		cancel:     cancel,
		docs:       map[string]*document{},
	}
}

func (s *server) logf(format string, args ...any) {
	if s.log != nil {
		fmt.Fprintf(s.log, "mtcheck-ls: "+format+"\n", args...)
	}
}

// serve reads and handles messages until the client sends exit or the
// stream ends, and returns the process exit status: 0 after an orderly
// shutdown and exit, 1 otherwise.
func (s *server) serve(r io.Reader) int {
	defer s.stop()
	rd := newReader(r)
	for {
		body, err := rd.read()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				s.logf("%v", err)
			}
			s.mu.Lock()
			clean := s.shutdown && errors.Is(err, io.EOF)
			s.mu.Unlock()
			if clean {
				return 0
			}
			return 1
		}
		m, rerr := decode(body)
		if rerr != nil {
			var id json.RawMessage
			if m != nil {
				id = m.ID
			}
			if m == nil || len(id) > 0 {
				s.w.replyError(id, rerr)
			}
			continue
		}
		if m.Method == "" {
			continue // a response: the server sends no requests
		}
		if m.Method == "exit" {
			s.mu.Lock()
			down := s.shutdown
			s.mu.Unlock()
			if down {
				return 0
			}
			return 1
		}
		result, herr := s.handle(m)
		if !m.isRequest() {
			if herr != nil {
				s.logf("%s: %v", m.Method, herr)
			}
			continue
		}
		if herr != nil {
			var re *rpcError
			if !errors.As(herr, &re) {
				re = &rpcError{Code: codeInternalError, Message: herr.Error()}
			}
			s.w.replyError(m.ID, re)
			continue
		}
		if err := s.w.reply(m.ID, result); err != nil {
			s.logf("writing a response: %v", err)
			return 1
		}
	}
}

// stop cancels every check and waits for them to finish.
func (s *server) stop() {
	s.mu.Lock()
	s.cancel()
	for _, d := range s.docs {
		s.cancelCheck(d)
	}
	s.mu.Unlock()
	s.checks.Wait()
}

func invalidParams(err error) error {
	return &rpcError{Code: codeInvalidParams, Message: err.Error()}
}

// handle runs one request or notification; for a request it returns the
// result or an error.
func (s *server) handle(m *message) (any, error) {
	s.mu.Lock()
	initialized, down := s.initialized, s.shutdown
	s.mu.Unlock()
	if m.Method == "initialize" {
		if initialized {
			return nil, &rpcError{Code: codeInvalidRequest, Message: "initialize was already called"}
		}
		var p initializeParams
		if err := unmarshalParams(m.Params, &p); err != nil {
			return nil, invalidParams(err)
		}
		return s.initialize(&p), nil
	}
	if !initialized {
		return nil, &rpcError{Code: codeServerNotInitialized, Message: "the server is not initialized"}
	}
	if down {
		return nil, &rpcError{Code: codeInvalidRequest, Message: "the server is shutting down"}
	}
	switch m.Method {
	case "initialized":
		return nil, nil
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		for _, d := range s.docs {
			s.cancelCheck(d)
		}
		s.mu.Unlock()
		return nil, nil
	case "textDocument/didOpen":
		var p didOpenParams
		if err := unmarshalParams(m.Params, &p); err != nil {
			return nil, invalidParams(err)
		}
		s.didOpen(&p)
		return nil, nil
	case "textDocument/didChange":
		var p didChangeParams
		if err := unmarshalParams(m.Params, &p); err != nil {
			return nil, invalidParams(err)
		}
		return nil, s.didChange(&p)
	case "textDocument/didSave":
		var p didSaveParams
		if err := unmarshalParams(m.Params, &p); err != nil {
			return nil, invalidParams(err)
		}
		s.didSave(&p)
		return nil, nil
	case "textDocument/didClose":
		var p didCloseParams
		if err := unmarshalParams(m.Params, &p); err != nil {
			return nil, invalidParams(err)
		}
		s.didClose(&p)
		return nil, nil
	case "textDocument/codeAction":
		var p codeActionParams
		if err := unmarshalParams(m.Params, &p); err != nil {
			return nil, invalidParams(err)
		}
		return s.codeAction(&p), nil
	case "workspace/didChangeWorkspaceFolders":
		var p struct {
			Event struct {
				Added   []workspaceFolder `json:"added"`
				Removed []workspaceFolder `json:"removed"`
			} `json:"event"`
		}
		if err := unmarshalParams(m.Params, &p); err != nil {
			return nil, invalidParams(err)
		}
		s.changeFolders(p.Event.Added, p.Event.Removed)
		return nil, nil
	}
	if m.isRequest() {
		return nil, &rpcError{Code: codeMethodNotFound, Message: "method not supported: " + m.Method}
	}
	return nil, nil // other notifications ($/cancelRequest, $/setTrace, …) need nothing
}

func unmarshalParams(raw json.RawMessage, v any) error {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	return json.Unmarshal(raw, v)
}

func (s *server) initialize(p *initializeParams) initializeResult {
	enc := "utf-16"
	for _, e := range p.Capabilities.General.PositionEncodings {
		if e == "utf-8" {
			enc = "utf-8"
			break
		}
	}
	var dirs []string
	for _, f := range p.WorkspaceFolders {
		if d := uriPath(f.URI); d != "" {
			dirs = append(dirs, d)
		}
	}
	if len(dirs) == 0 {
		if d := uriPath(p.RootURI); d != "" {
			dirs = append(dirs, d)
		} else if p.RootPath != "" {
			dirs = append(dirs, p.RootPath)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.initialized = true
	s.utf8 = enc == "utf-8"
	s.docChanges = p.Capabilities.Workspace.WorkspaceEdit.DocumentChanges
	for _, d := range dirs {
		s.addRoot(d)
	}
	return initializeResult{
		Capabilities: serverCapabilities{
			PositionEncoding:   enc,
			TextDocumentSync:   textDocumentSyncOptions{OpenClose: true, Change: syncFull, Save: saveOptions{IncludeText: false}},
			CodeActionProvider: codeActionOptions{CodeActionKinds: []string{"quickfix"}},
			Workspace:          workspaceCapabilities{WorkspaceFolders: workspaceFoldersCapabilities{Supported: true, ChangeNotifications: true}},
		},
		ServerInfo: serverInfo{Name: "mtcheck-ls", Version: format.Version},
	}
}

// addRoot adds a workspace folder; s.mu is held.
func (s *server) addRoot(dir string) {
	dir = filepath.Clean(dir)
	for _, r := range s.roots {
		if r == dir {
			return
		}
	}
	s.roots = append(s.roots, dir)
}

func (s *server) changeFolders(added, removed []workspaceFolder) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, f := range removed {
		d := filepath.Clean(uriPath(f.URI))
		for i := 0; i < len(s.roots); i++ {
			if s.roots[i] == d {
				s.roots = append(s.roots[:i], s.roots[i+1:]...)
				i--
			}
		}
	}
	for _, f := range added {
		if d := uriPath(f.URI); d != "" {
			s.addRoot(d)
		}
	}
	s.recheckAll()
}

// uriPath returns the file path of a file: URI, or "".
func uriPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" || u.Path == "" {
		return ""
	}
	p := u.Path
	if runtime.GOOS == "windows" && len(p) >= 3 && p[0] == '/' && p[2] == ':' {
		p = p[1:]
	}
	return filepath.FromSlash(p)
}

// lookupPath returns where to look for the project file governing a
// document, and the path its per-file settings are matched against: the
// document's own directory and path, or for a document that is not a file
// (an unsaved buffer) the first workspace folder. s.mu is held.
func (s *server) lookupPath(d *document) (dir, path string) {
	if d.path != "" {
		return filepath.Dir(d.path), d.path
	}
	if len(s.roots) > 0 {
		return s.roots[0], s.roots[0]
	}
	return "", ""
}

func (s *server) didOpen(p *didOpenParams) {
	td := p.TextDocument
	s.mu.Lock()
	defer s.mu.Unlock()
	if old := s.docs[td.URI]; old != nil {
		s.cancelCheck(old)
	}
	d := &document{uri: td.URI, languageID: td.LanguageID, path: uriPath(td.URI), version: td.Version, text: td.Text}
	s.docs[td.URI] = d
	s.schedule(d, 0)
}

func (s *server) didChange(p *didChangeParams) error {
	if len(p.ContentChanges) == 0 {
		return nil
	}
	last := p.ContentChanges[len(p.ContentChanges)-1]
	if last.Range != nil {
		return invalidParams(errors.New("incremental changes are not supported; the server asked for full text"))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return invalidParams(fmt.Errorf("document %s is not open", p.TextDocument.URI))
	}
	d.version = p.TextDocument.Version
	d.text = last.Text
	s.schedule(d, s.debounce)
	return nil
}

func (s *server) didSave(p *didSaveParams) {
	s.mu.Lock()
	defer s.mu.Unlock()
	path := uriPath(p.TextDocument.URI)
	if base := filepath.Base(path); base == ".mtcheck.yml" || base == ".mtcheck.yaml" {
		// A project file edited in the editor: check everything again
		// (checks reload project files whose contents changed).
		s.recheckAll()
		return
	}
	if d := s.docs[p.TextDocument.URI]; d != nil {
		s.schedule(d, 0)
	}
}

// recheckAll checks every open document again; s.mu is held.
func (s *server) recheckAll() {
	for _, d := range s.docs {
		s.schedule(d, 0)
	}
}

func (s *server) didClose(p *didCloseParams) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return
	}
	s.cancelCheck(d)
	delete(s.docs, d.uri)
	// Clear the document's diagnostics. Checks publish while holding s.mu
	// and only for open documents, so nothing follows this.
	s.w.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: d.uri, Diagnostics: []diagnostic{}})
}

// cancelCheck stops d's scheduled check and cancels a running one; s.mu is
// held.
func (s *server) cancelCheck(d *document) {
	d.gen++
	if d.timer != nil && d.timer.Stop() {
		s.checks.Done() // the check will never run
	}
	d.timer = nil
	if d.cancel != nil {
		d.cancel()
		d.cancel = nil
	}
}

// schedule checks d's current text after delay, superseding any earlier
// check; s.mu is held.
func (s *server) schedule(d *document, delay time.Duration) {
	if s.shutdown {
		return
	}
	s.cancelCheck(d)
	gen := d.gen
	ctx, cancel := context.WithCancel(s.ctx)
	d.cancel = cancel
	c, err := s.checkerFor(s.lookupPath(d))
	if err != nil && !errors.Is(err, errConfigShown) {
		msg := "mtcheck: " + err.Error()
		if c != nil {
			msg += " (checking with the default rules until it is fixed)"
		}
		s.logf("%s", msg)
		s.w.notify("window/showMessage", showMessageParams{Type: messageError, Message: msg})
	}
	if c == nil {
		cancel()
		return
	}
	job := checkJob{d: d, gen: gen, version: d.version, text: d.text, languageID: d.languageID, checker: c}
	s.checks.Add(1)
	d.timer = time.AfterFunc(delay, func() {
		defer s.checks.Done()
		defer cancel()
		s.run(ctx, job)
	})
}

// checkJob is one scheduled check of one version of a document.
type checkJob struct {
	d          *document
	gen        uint64
	version    int32
	text       string
	languageID string
	checker    *mtcheck.Checker
}

// run checks a job's text and publishes the diagnostics, unless a newer
// check, a close or shutdown superseded it.
func (s *server) run(ctx context.Context, job checkJob) {
	if ctx.Err() != nil {
		return
	}
	rep, err := s.check(ctx, job.checker, job.languageID, job.text)
	if err != nil {
		if ctx.Err() == nil {
			s.logf("%s: %v", job.d.uri, err)
			s.w.notify("window/logMessage", showMessageParams{Type: messageError, Message: fmt.Sprintf("mtcheck: %s: %v", job.d.uri, err)})
		}
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if ctx.Err() != nil || job.gen != job.d.gen || s.docs[job.d.uri] != job.d {
		return
	}
	s.publishSeq++
	pub := s.convert(job, rep)
	job.d.published = pub
	v := job.version
	s.w.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: job.d.uri, Version: &v, Diagnostics: pub.lsp})
}

// convert turns a report into LSP diagnostics; s.mu is held.
func (s *server) convert(job checkJob, rep *mtcheck.Report) *published {
	conv := converter{doc: mtcheck.NewDocument(job.text), utf8: s.utf8}
	urls := map[string]string{}
	for _, r := range job.checker.Rules() {
		if r.URL != "" {
			urls[r.Name] = r.URL
		}
	}
	pub := &published{seq: s.publishSeq, version: job.version, conv: conv, findings: rep.Diagnostics}
	pub.lsp = make([]diagnostic, 0, len(rep.Diagnostics))
	for i, f := range rep.Diagnostics {
		d := diagnostic{
			Range:    conv.rangeOf(f.Span),
			Severity: lspSeverity(f.Severity),
			Code:     f.Rule,
			Source:   "mtcheck",
			Message:  f.Message,
			Data:     &diagnosticData{ID: strconv.FormatUint(pub.seq, 10) + ":" + strconv.Itoa(i), Confidence: f.Confidence},
		}
		if u := urls[f.Rule]; u != "" {
			d.CodeDescription = &codeDescription{Href: u}
		}
		for _, r := range f.Related {
			d.RelatedInformation = append(d.RelatedInformation, relatedInformation{
				Location: location{URI: job.d.uri, Range: conv.rangeOf(r)},
				Message:  fmt.Sprintf("related: %q", clip(r.Text(job.text), 60)),
			})
		}
		for _, fx := range f.Fixes {
			d.Data.Fixes = append(d.Data.Fixes, dataFix{Title: fx.Message, Safe: fx.Safe, Edits: lspEdits(conv, fx)})
		}
		pub.lsp = append(pub.lsp, d)
	}
	return pub
}

// clip shortens s to at most n runes, marking a cut with "…".
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func lspSeverity(s mtcheck.Severity) int {
	switch s {
	case mtcheck.Error:
		return severityError
	case mtcheck.Warning:
		return severityWarning
	}
	return severityInformation
}

func lspEdits(conv converter, f mtcheck.Fix) []textEdit {
	edits := make([]textEdit, len(f.Edits))
	for i, e := range f.Edits {
		edits[i] = textEdit{Range: conv.rangeOf(e.Span), NewText: e.NewText}
	}
	return edits
}

// quickCheckTimeout bounds the check a code action request may need.
const quickCheckTimeout = 5 * time.Second

// checkNow checks d's current text at once, for a code action request that
// arrives before the debounced check of the latest edit has published, and
// returns the findings without publishing them; nil if the check fails.
// s.mu is held, and released during the check: requests are handled one at
// a time, so d cannot change meanwhile.
func (s *server) checkNow(d *document) *published {
	c, err := s.checkerFor(s.lookupPath(d))
	if c == nil {
		return nil
	}
	job := checkJob{d: d, gen: d.gen, version: d.version, text: d.text, languageID: d.languageID, checker: c}
	s.mu.Unlock()
	ctx, cancel := context.WithTimeout(s.ctx, quickCheckTimeout)
	rep, err := s.check(ctx, c, job.languageID, job.text)
	cancel()
	s.mu.Lock()
	if err != nil || s.docs[d.uri] != d {
		return nil
	}
	s.publishSeq++
	return s.convert(job, rep)
}

// codeAction returns the quick fixes of the findings that touch the
// requested range or that the client names in its context. The findings
// are those published for the client's current version of the text; when
// an edit has not been checked yet, the text is checked now, so that no
// edit lands in the wrong place.
func (s *server) codeAction(p *codeActionParams) []codeAction {
	actions := []codeAction{}
	if len(p.Context.Only) > 0 {
		ok := false
		for _, k := range p.Context.Only {
			if k == "quickfix" {
				ok = true
			}
		}
		if !ok {
			return actions
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return actions
	}
	pub := d.published
	if pub == nil || pub.version != d.version {
		if pub = s.checkNow(d); pub == nil {
			return actions
		}
	}
	a, b := pub.conv.offset(p.Range.Start), pub.conv.offset(p.Range.End)
	if a > b {
		a, b = b, a
	}
	named := map[int]bool{}
	prefix := strconv.FormatUint(pub.seq, 10) + ":"
	for _, raw := range p.Context.Diagnostics {
		var cd struct {
			Source string          `json:"source"`
			Data   *diagnosticData `json:"data"`
		}
		if json.Unmarshal(raw, &cd) != nil || cd.Source != "mtcheck" || cd.Data == nil {
			continue
		}
		if i, err := strconv.Atoi(strings.TrimPrefix(cd.Data.ID, prefix)); err == nil && strings.HasPrefix(cd.Data.ID, prefix) && i >= 0 && i < len(pub.findings) {
			named[i] = true
		}
	}
	var pick []int
	for i, f := range pub.findings {
		if named[i] || (f.Start <= b && a <= f.End) {
			pick = append(pick, i)
		}
	}
	sort.Ints(pick)
	for _, i := range pick {
		f := pub.findings[i]
		for j, fx := range f.Fixes {
			edits := lspEdits(pub.conv, fx)
			act := codeAction{
				Title:       fmt.Sprintf("%s (%s)", fx.Message, f.Rule),
				Kind:        "quickfix",
				Diagnostics: []diagnostic{pub.lsp[i]},
				IsPreferred: j == 0,
			}
			if s.docChanges {
				act.Edit.DocumentChanges = []textDocumentEdit{{TextDocument: versionedTextDocumentIdentifier{URI: d.uri, Version: pub.version}, Edits: edits}}
			} else {
				act.Edit.Changes = map[string][]textEdit{d.uri: edits}
			}
			actions = append(actions, act)
		}
	}
	return actions
}
