package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"mime"
	"net/http"
	"runtime/debug"
	"sort"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/format"
)

// The LanguageTool-compatible API (POST /v2/check, GET /v2/languages)
// speaks LanguageTool's HTTP API v2 as its clients read it: form fields in,
// matches with offsets and lengths in UTF-16 code units (Java chars) out.

// ltResponse is the answer of /v2/check.
type ltResponse struct {
	Software ltSoftware `json:"software"`
	Warnings ltWarnings `json:"warnings"`
	Language ltLanguage `json:"language"`
	Matches  []ltMatch  `json:"matches"`
}

type ltSoftware struct {
	Name        string `json:"name"`
	Version     string `json:"version"`
	BuildDate   string `json:"buildDate"`
	APIVersion  int    `json:"apiVersion"`
	Premium     bool   `json:"premium"`
	PremiumHint string `json:"premiumHint,omitempty"`
	Status      string `json:"status"`
}

type ltWarnings struct {
	IncompleteResults bool `json:"incompleteResults"`
}

type ltLanguage struct {
	Name             string     `json:"name"`
	Code             string     `json:"code"`
	DetectedLanguage ltDetected `json:"detectedLanguage"`
}

type ltDetected struct {
	Name       string  `json:"name"`
	Code       string  `json:"code"`
	Confidence float64 `json:"confidence"`
}

type ltMatch struct {
	Message                     string          `json:"message"`
	ShortMessage                string          `json:"shortMessage"`
	Replacements                []ltReplacement `json:"replacements"`
	Offset                      int             `json:"offset"`
	Length                      int             `json:"length"`
	Context                     ltContext       `json:"context"`
	Sentence                    string          `json:"sentence"`
	Type                        ltType          `json:"type"`
	Rule                        ltRule          `json:"rule"`
	IgnoreForIncompleteSentence bool            `json:"ignoreForIncompleteSentence"`
	ContextForSureMatch         int             `json:"contextForSureMatch"`
}

type ltReplacement struct {
	Value string `json:"value"`
}

type ltContext struct {
	Text   string `json:"text"`
	Offset int    `json:"offset"`
	Length int    `json:"length"`
}

type ltType struct {
	TypeName string `json:"typeName"`
}

type ltRule struct {
	ID          string       `json:"id"`
	Description string       `json:"description"`
	IssueType   string       `json:"issueType"`
	URLs        []ltURL      `json:"urls,omitempty"`
	Category    ltCategoryJS `json:"category"`
}

type ltURL struct {
	Value string `json:"value"`
}

type ltCategoryJS struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// ltLang is a language /v2/languages lists.
type ltLang struct {
	Name     string `json:"name"`
	Code     string `json:"code"`
	LongCode string `json:"longCode"`
}

// ltLanguages are the language codes mtcheck accepts: it checks English.
var ltLanguages = []ltLang{
	{Name: "English", Code: "en", LongCode: "en"},
	{Name: "English (US)", Code: "en", LongCode: "en-US"},
	{Name: "English (GB)", Code: "en", LongCode: "en-GB"},
}

// ltIssueTypes maps mtcheck categories to LanguageTool's issue types (the
// ITS 2.0 localization quality issue types).
var ltIssueTypes = map[mtcheck.Category]string{
	mtcheck.Spacing:        "whitespace",
	mtcheck.Punctuation:    "typographical",
	mtcheck.Name:           "misspelling",
	mtcheck.Duplication:    "duplication",
	mtcheck.Mistranslation: "mistranslation",
	mtcheck.Fragment:       "grammar",
	mtcheck.Splice:         "grammar",
	mtcheck.Boilerplate:    "non-conformance",
	mtcheck.Encoding:       "typographical",
}

// ltCategoryNames names the categories as LanguageTool clients show them.
var ltCategoryNames = map[mtcheck.Category]string{
	mtcheck.Spacing:        "Spacing",
	mtcheck.Punctuation:    "Punctuation",
	mtcheck.Name:           "Names",
	mtcheck.Duplication:    "Duplication",
	mtcheck.Mistranslation: "Mistranslation",
	mtcheck.Fragment:       "Sentence fragments",
	mtcheck.Splice:         "Spliced text",
	mtcheck.Boilerplate:    "Boilerplate",
	mtcheck.Encoding:       "Encoding",
}

func ltIssueType(c mtcheck.Category) string {
	if t, ok := ltIssueTypes[c]; ok {
		return t
	}
	return "uncategorized"
}

// ltCategory returns the LanguageTool category of an mtcheck category:
// upper-case id ("SPACING") and a display name.
func ltCategory(c mtcheck.Category) ltCategoryJS {
	name := ltCategoryNames[c]
	if name == "" {
		name = string(c)
	}
	return ltCategoryJS{ID: strings.ToUpper(string(c)), Name: name}
}

// ltContextSize is the number of UTF-16 units of context on each side of a
// match, as LanguageTool's server uses.
const ltContextSize = 40

// buildDate is the VCS time of the binary, when the build recorded it.
var buildDate = func() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.time" {
				return s.Value
			}
		}
	}
	return ""
}()

func ltSoftwareInfo() ltSoftware {
	return ltSoftware{Name: "mtcheck", Version: format.Version, BuildDate: buildDate, APIVersion: 1}
}

func (s *server) handleV2Languages(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, ltLanguages)
}

// resolveLanguage maps the language parameter to the language reported.
func resolveLanguage(code, preferred string) (ltLanguage, error) {
	norm := strings.ReplaceAll(strings.TrimSpace(code), "_", "-")
	switch strings.ToLower(norm) {
	case "auto":
		for _, v := range strings.Split(preferred, ",") {
			if strings.EqualFold(strings.TrimSpace(v), "en-GB") {
				return ltLanguage{Name: "English (GB)", Code: "en-GB"}, nil
			}
		}
		return ltLanguage{Name: "English (US)", Code: "en-US"}, nil
	case "en":
		return ltLanguage{Name: "English", Code: "en"}, nil
	case "en-us":
		return ltLanguage{Name: "English (US)", Code: "en-US"}, nil
	case "en-gb":
		return ltLanguage{Name: "English (GB)", Code: "en-GB"}, nil
	}
	if code == "" {
		return ltLanguage{}, errors.New("Missing 'language' parameter, e.g. 'language=en-US' for American English or 'language=auto'")
	}
	return ltLanguage{}, fmt.Errorf("'%s' is not a language code known to mtcheck. Supported language codes are: auto, en, en-US, en-GB", code)
}

// latinShare is the share of letters in Latin script: the confidence
// reported for the detected language, since mtcheck checks English only.
func latinShare(text string) float64 {
	letters, latin := 0, 0
	for _, r := range text {
		if r < utf8.RuneSelf {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				letters++
				latin++
			}
			continue
		}
		if unicode.IsLetter(r) {
			letters++
			if unicode.Is(unicode.Latin, r) {
				latin++
			}
		}
	}
	if letters == 0 {
		return 0
	}
	return math.Round(float64(latin)/float64(letters)*100) / 100
}

// ---- annotated text

// ltPart is one entry of the data parameter's annotation list.
type ltPart struct {
	Text        *string `json:"text"`
	Markup      *string `json:"markup"`
	InterpretAs *string `json:"interpretAs"`
}

// segment maps a stretch of the checked (plain) text to the original text.
// A text segment maps character by character; a markup segment stands for
// its interpretAs text and maps as a whole to its markup.
type segment struct {
	ps, pe int // byte span in the plain text
	pu16   int // UTF-16 offset of ps in the plain text
	os, oe int // UTF-16 span in the original text
	text   bool
}

// annotated is the text to check plus the map back to the text the client
// counts offsets in.
type annotated struct {
	plain string
	doc   *mtcheck.Document
	segs  []segment
	total int // UTF-16 length of the original text
}

func u16len(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		n += max(1, utf16.RuneLen(r))
		i += size
	}
	return n
}

// plainAnnotated wraps a plain text.
func plainAnnotated(text string) *annotated {
	a := &annotated{plain: text, doc: mtcheck.NewDocument(text)}
	a.total = a.doc.UTF16Offset(len(text))
	if text != "" {
		a.segs = []segment{{ps: 0, pe: len(text), os: 0, oe: a.total, text: true}}
	}
	return a
}

// parseAnnotated reads LanguageTool's data parameter:
// {"annotation":[{"text":"..."},{"markup":"...","interpretAs":"..."}]}.
// Markup is not checked but counts in offsets; interpretAs is checked in
// its place.
func parseAnnotated(data string) (*annotated, error) {
	var v struct {
		Annotation []ltPart `json:"annotation"`
	}
	if err := json.Unmarshal([]byte(data), &v); err != nil {
		return nil, fmt.Errorf("could not parse JSON from 'data' parameter: %v", err)
	}
	if v.Annotation == nil {
		return nil, errors.New("'data' parameter needs an 'annotation' list")
	}
	var b strings.Builder
	a := &annotated{}
	orig := 0
	for i, p := range v.Annotation {
		switch {
		case p.Text != nil && p.Markup != nil:
			return nil, fmt.Errorf("'data' annotation %d has both 'text' and 'markup'", i)
		case p.Text != nil:
			if err := validateText(*p.Text); err != nil {
				return nil, fmt.Errorf("'data' annotation %d: %v", i, err)
			}
			n := u16len(*p.Text)
			if n > 0 {
				a.segs = append(a.segs, segment{ps: b.Len(), pe: b.Len() + len(*p.Text), os: orig, oe: orig + n, text: true})
				b.WriteString(*p.Text)
			}
			orig += n
		case p.Markup != nil:
			n := u16len(*p.Markup)
			if p.InterpretAs != nil && *p.InterpretAs != "" {
				if err := validateText(*p.InterpretAs); err != nil {
					return nil, fmt.Errorf("'data' annotation %d: %v", i, err)
				}
				a.segs = append(a.segs, segment{ps: b.Len(), pe: b.Len() + len(*p.InterpretAs), os: orig, oe: orig + n})
				b.WriteString(*p.InterpretAs)
			}
			orig += n
		default:
			return nil, fmt.Errorf("'data' annotation %d needs 'text' or 'markup'", i)
		}
	}
	a.plain = b.String()
	a.total = orig
	a.doc = mtcheck.NewDocument(a.plain)
	for i := range a.segs {
		a.segs[i].pu16 = a.doc.UTF16Offset(a.segs[i].ps)
	}
	return a, nil
}

// segAt returns the index of the segment holding plain byte p: as a start
// (ps <= p < pe) or as an end (ps < p <= pe); -1 if none.
func (a *annotated) segAt(p int, end bool) int {
	if end {
		k := sort.Search(len(a.segs), func(i int) bool { return a.segs[i].pe >= p })
		if k < len(a.segs) && a.segs[k].ps < p {
			return k
		}
		return -1
	}
	k := sort.Search(len(a.segs), func(i int) bool { return a.segs[i].pe > p })
	if k < len(a.segs) && a.segs[k].ps <= p {
		return k
	}
	return -1
}

// orig converts a plain byte offset to a UTF-16 offset in the original
// text. Offsets inside the stand-in of markup map to the markup's start (for
// a start) or end (for an end).
func (a *annotated) orig(p int, end bool) (int, int) {
	k := a.segAt(p, end)
	if k < 0 {
		if p <= 0 {
			return 0, -1
		}
		return a.total, -1
	}
	sg := a.segs[k]
	if !sg.text {
		if end {
			return sg.oe, k
		}
		return sg.os, k
	}
	return sg.os + a.doc.UTF16Offset(p) - sg.pu16, k
}

// ltContextOf builds LanguageTool's context: up to ltContextSize UTF-16
// units on each side, "..." where cut, newlines as spaces.
func ltContextOf(text string, doc *mtcheck.Document, sp mtcheck.Span) ltContext {
	from := sp.Start
	for units := 0; from > 0; {
		r, size := utf8.DecodeLastRuneInString(text[:from])
		w := max(1, utf16.RuneLen(r))
		if units+w > ltContextSize {
			break
		}
		units += w
		from -= size
	}
	to := sp.End
	for units := 0; to < len(text); {
		r, size := utf8.DecodeRuneInString(text[to:])
		w := max(1, utf16.RuneLen(r))
		if units+w > ltContextSize {
			break
		}
		units += w
		to += size
	}
	var b strings.Builder
	prefix := ""
	if from > 0 {
		prefix = "..."
	}
	b.WriteString(prefix)
	b.WriteString(strings.NewReplacer("\r\n", "  ", "\n", " ", "\r", " ").Replace(text[from:to]))
	if to < len(text) {
		b.WriteString("...")
	}
	u := doc.UTF16Offset
	return ltContext{Text: b.String(), Offset: len(prefix) + u(sp.Start) - u(from), Length: u(sp.End) - u(sp.Start)}
}

// ltFixReach is how far (in bytes) outside a finding's span a fix may edit
// and still become a replacement; fixes reaching further are left out, so a
// match never grows to cover distant text.
const ltFixReach = 64

// ltReplacements turns a diagnostic's fixes into replacements of one span:
// the diagnostic's span widened to cover the edits of its nearby fixes.
// Fixes with overlapping or distant edits are left out; values are unique
// and differ from the text replaced.
func ltReplacements(text string, d mtcheck.Diagnostic) (mtcheck.Span, []ltReplacement) {
	near := func(f mtcheck.Fix) bool {
		for _, e := range f.Edits {
			if e.Start < d.Start-ltFixReach || e.End > d.End+ltFixReach {
				return false
			}
		}
		return len(f.Edits) > 0
	}
	sp := d.Span
	for _, f := range d.Fixes {
		if !near(f) {
			continue
		}
		for _, e := range f.Edits {
			sp.Start = min(sp.Start, e.Start)
			sp.End = max(sp.End, e.End)
		}
	}
	var out []ltReplacement
	seen := map[string]bool{text[sp.Start:sp.End]: true}
	for _, f := range d.Fixes {
		if !near(f) {
			continue
		}
		edits := append([]mtcheck.TextEdit(nil), f.Edits...)
		sort.SliceStable(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
		var b strings.Builder
		last, ok := sp.Start, true
		for _, e := range edits {
			if e.Start < last {
				ok = false
				break
			}
			b.WriteString(text[last:e.Start])
			b.WriteString(e.NewText)
			last = e.End
		}
		if !ok {
			continue
		}
		b.WriteString(text[last:sp.End])
		if v := b.String(); !seen[v] {
			seen[v] = true
			out = append(out, ltReplacement{Value: v})
		}
	}
	return sp, out
}

// ltMatches converts a report on a.plain to LanguageTool matches.
func ltMatches(a *annotated, rep *mtcheck.Report, rules map[string]*mtcheck.Rule) []ltMatch {
	out := make([]ltMatch, 0, len(rep.Diagnostics))
	for _, d := range rep.Diagnostics {
		sp, repl := ltReplacements(a.plain, d)
		start, ks := a.orig(sp.Start, false)
		end, ke := start, ks
		if sp.End > sp.Start {
			end, ke = a.orig(sp.End, true)
		}
		if end < start {
			end = start
		}
		// A replacement is only offered where the span maps one to one
		// onto the original text (inside one text segment).
		if ks < 0 || ke != ks || !a.segs[ks].text {
			repl = nil
		}
		if repl == nil {
			repl = []ltReplacement{}
		}
		sentence := ""
		if s, ok := a.doc.SentenceAt(d.Start); ok {
			sentence = s.Text(a.plain)
		}
		rule := ltRule{ID: d.Rule, IssueType: ltIssueType(d.Category), Category: ltCategory(d.Category)}
		if r := rules[d.Rule]; r != nil {
			rule.Description = r.Summary()
			if r.URL != "" {
				rule.URLs = []ltURL{{Value: r.URL}}
			}
		}
		out = append(out, ltMatch{
			Message:      d.Message,
			ShortMessage: ltCategory(d.Category).Name,
			Replacements: repl,
			Offset:       start,
			Length:       end - start,
			Context:      ltContextOf(a.plain, a.doc, sp),
			Sentence:     sentence,
			Type:         ltType{TypeName: "Other"},
			Rule:         rule,
		})
	}
	return out
}

// ---- request parsing

// ltRequest is a parsed /v2/check request.
type ltRequest struct {
	text     *annotated
	language ltLanguage
	sel      selection
	ignored  []string // rule ids and categories mtcheck does not know
}

func truthy(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "true", "1", "yes", "on":
		return true
	}
	return false
}

// ruleByLTID finds a rule by its name or LanguageTool-style id
// (MISSING_SPACE for missing-space).
func (cc *checkerCache) ruleByLTID(id string) *mtcheck.Rule {
	if r := cc.known[id]; r != nil {
		return r
	}
	return cc.known[strings.ToLower(strings.ReplaceAll(id, "_", "-"))]
}

func splitIDs(v string) []string {
	var out []string
	for _, f := range strings.Split(v, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// ltSelection maps the rule and category parameters to a selection.
// Unknown ids are ignored, as LanguageTool clients send their own.
func (s *server) ltSelection(get func(string) string) (selection, []string, error) {
	var sel selection
	var ignored []string
	rulesOf := func(param string) []string {
		var names []string
		for _, id := range splitIDs(get(param)) {
			if r := s.checkers.ruleByLTID(id); r != nil {
				names = append(names, r.Name)
			} else {
				ignored = append(ignored, id)
			}
		}
		return names
	}
	catRules := func(param string) []string {
		var names []string
		for _, id := range splitIDs(get(param)) {
			cat, err := mtcheck.ParseCategory(strings.ToLower(id))
			if err != nil {
				ignored = append(ignored, id)
				continue
			}
			for _, r := range s.checkers.rules() {
				if r.Category == cat {
					names = append(names, r.Name)
				}
			}
		}
		return names
	}
	enabled := append(rulesOf("enabledRules"), catRules("enabledCategories")...)
	disabled := append(rulesOf("disabledRules"), catRules("disabledCategories")...)
	if truthy(get("enabledOnly")) {
		if get("enabledRules") == "" && get("enabledCategories") == "" {
			return sel, nil, errors.New("You cannot use 'enabledOnly' without 'enabledRules' or 'enabledCategories'")
		}
		sel.Only = enabled
		sel.Disable = disabled
		sel.none = len(enabled) == 0
		return sel, ignored, nil
	}
	sel.Enable, sel.Disable = enabled, disabled
	return sel, ignored, nil
}

// parseLT reads a /v2/check request from its query and form body.
func (s *server) parseLT(w http.ResponseWriter, r *http.Request) (*ltRequest, *apiError) {
	if ae := s.limitBody(w, r); ae != nil {
		return nil, ae
	}
	var err error
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if r.Method == http.MethodPost && mt == "multipart/form-data" {
		err = r.ParseMultipartForm(s.cfg.MaxBody)
	} else {
		err = r.ParseForm()
	}
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, bodyError(err, s.cfg.MaxBody)
		}
		return nil, errorf(http.StatusBadRequest, "could not parse the request parameters: %v", err)
	}
	get := r.Form.Get
	req := &ltRequest{}
	_, hasText := r.Form["text"]
	_, hasData := r.Form["data"]
	switch {
	case hasText && hasData:
		return nil, errorf(http.StatusBadRequest, "Set only 'text' or 'data', not both")
	case hasText:
		if err := validateText(get("text")); err != nil {
			return nil, errorf(http.StatusBadRequest, "'text' parameter: %v", err)
		}
		req.text = plainAnnotated(get("text"))
	case hasData:
		a, err := parseAnnotated(get("data"))
		if err != nil {
			return nil, errorf(http.StatusBadRequest, "%v", err)
		}
		req.text = a
	default:
		return nil, errorf(http.StatusBadRequest, "Missing 'text' or 'data' parameter")
	}
	lang, err := resolveLanguage(get("language"), get("preferredVariants"))
	if err != nil {
		return nil, errorf(http.StatusBadRequest, "%v", err)
	}
	req.language = lang
	req.sel, req.ignored, err = s.ltSelection(get)
	if err != nil {
		return nil, errorf(http.StatusBadRequest, "%v", err)
	}
	// LanguageTool clients that check long texts incrementally send the
	// text-level rules and the rest in separate requests. mtcheck's rules
	// are not split that way: they all run in the "all" and
	// "allButTextLevelOnly" requests, and none in "textLevelOnly", so no
	// finding comes twice.
	switch mode := get("mode"); mode {
	case "", "all", "allButTextLevelOnly":
	case "textLevelOnly":
		req.sel = selection{none: true}
	default:
		return nil, errorf(http.StatusBadRequest, "Mode must be one of 'textLevelOnly', 'allButTextLevelOnly', or 'all' but was: '%s'", mode)
	}
	return req, nil
}

func (s *server) handleV2Check(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	req, ae := s.parseLT(w, r)
	if ae != nil {
		writeAPIError(w, r, ae)
		return
	}
	cfg, err := s.configFor("")
	if err != nil {
		writeAPIError(w, r, err)
		return
	}
	c, err := s.checkers.get(cfg, req.sel)
	if err != nil {
		writeAPIError(w, r, errorf(http.StatusBadRequest, "%v", err))
		return
	}
	rules := s.checkers.known
	resp, err := runCheck(s, ctx, func(ctx context.Context) (*ltResponse, error) {
		rep, err := c.CheckDocument(ctx, req.text.doc)
		if err != nil {
			return nil, err
		}
		lang := req.language
		lang.DetectedLanguage = ltDetected{Name: lang.Name, Code: lang.Code, Confidence: latinShare(req.text.plain)}
		return &ltResponse{Software: ltSoftwareInfo(), Language: lang, Matches: ltMatches(req.text, rep, rules)}, nil
	})
	if err != nil {
		var ae *apiError
		if !errors.As(err, &ae) {
			ae = errorf(http.StatusInternalServerError, "check failed: %v", err)
		}
		writeAPIError(w, r, ae)
		return
	}
	attrs := []slog.Attr{slog.String("language", req.language.Code), slog.Int("chars", len(req.text.plain)), slog.Int("findings", len(resp.Matches))}
	if len(req.ignored) > 0 {
		attrs = append(attrs, slog.Any("ignored_rules", req.ignored))
	}
	logAttr(r, attrs...)
	writeJSON(w, http.StatusOK, resp)
}
