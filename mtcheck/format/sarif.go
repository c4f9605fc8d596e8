package format

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// sarifFormatter writes SARIF 2.1.0 as GitHub code scanning accepts it.
//
// Columns and character offsets count UTF-16 code units (run.columnKind is
// "utf16CodeUnits", the unit SARIF consumers such as GitHub and VS Code
// assume): startColumn and endColumn are 1-based and endColumn is exclusive;
// charOffset and charLength count UTF-16 code units from the start of the
// file, consistent with the columns, as SARIF §3.30.2 requires of a text
// region that states both.
//
// Paths are made relative to Options.BaseDir and given with uriBaseId
// "%SRCROOT%" (absolute paths outside it become file: URIs). Each result
// carries partialFingerprints["mtcheck/v1"], a hash of the rule, the flagged
// text (the message for an empty span) and the occurrence index of that pair
// in the file, so that findings keep their identity when lines move.
type sarifFormatter struct{}

func (sarifFormatter) Name() string { return "sarif" }

// SARIFSchemaURI is the schema the SARIF output declares.
const SARIFSchemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

// SARIF object model (only what mtcheck emits).
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                        `json:"tool"`
		Invocations        []sarifInvocation                `json:"invocations"`
		OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
		Results            json.RawMessage                  `json:"results"`
		ColumnKind         string                           `json:"columnKind"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string            `json:"name"`
		InformationURI string            `json:"informationUri"`
		Version        string            `json:"version"`
		SemanticVer    string            `json:"semanticVersion,omitempty"`
		Rules          []sarifDescriptor `json:"rules"`
	}
	sarifDescriptor struct {
		ID                   string         `json:"id"`
		Name                 string         `json:"name,omitempty"`
		ShortDescription     sarifText      `json:"shortDescription"`
		FullDescription      sarifText      `json:"fullDescription"`
		Help                 sarifText      `json:"help"`
		HelpURI              string         `json:"helpUri,omitempty"`
		DefaultConfiguration sarifConfig    `json:"defaultConfiguration"`
		Properties           map[string]any `json:"properties,omitempty"`
	}
	sarifConfig struct {
		Level string `json:"level"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifInvocation struct {
		ExecutionSuccessful bool                `json:"executionSuccessful"`
		Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations,omitempty"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             sarifText         `json:"message"`
		Locations           []sarifLocation   `json:"locations"`
		RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
		Fixes               []sarifFix        `json:"fixes,omitempty"`
		Properties          map[string]any    `json:"properties,omitempty"`
	}
	sarifLocation struct {
		ID               *int                   `json:"id,omitempty"`
		PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation,omitempty"`
		Message          *sarifText             `json:"message,omitempty"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Region           *sarifRegion          `json:"region,omitempty"`
	}
	sarifArtifactLocation struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine"`
		EndColumn   int `json:"endColumn"`
		CharOffset  int `json:"charOffset"`
		CharLength  int `json:"charLength"`
	}
	sarifFix struct {
		Description     sarifText             `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
		Properties      map[string]any        `json:"properties,omitempty"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Replacements     []sarifReplacement    `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion `json:"deletedRegion"`
		InsertedContent sarifText   `json:"insertedContent"`
	}
)

// SARIFLevel maps a severity to a SARIF result level.
func SARIFLevel(s mtcheck.Severity) string {
	switch s {
	case mtcheck.Error:
		return "error"
	case mtcheck.Warning:
		return "warning"
	}
	return "note"
}

func sarifRegionOf(rep *mtcheck.Report, s mtcheck.Span) sarifRegion {
	doc := rep.Document()
	a, b := rep.Position(s.Start), rep.Position(s.End)
	ua, ub := doc.UTF16Offset(s.Start), doc.UTF16Offset(s.End)
	return sarifRegion{
		StartLine: a.Line, StartColumn: a.UTF16Column, EndLine: b.Line, EndColumn: b.UTF16Column,
		CharOffset: ua, CharLength: ub - ua,
	}
}

// sarifArtifact returns the artifact location of path.
func sarifArtifact(path, base string) sarifArtifactLocation {
	if path == StdinName || path == "-" {
		return sarifArtifactLocation{URI: "stdin"}
	}
	rel := relPath(path, base)
	if strings.HasPrefix(rel, "/") || filepath.IsAbs(filepath.FromSlash(rel)) {
		return sarifArtifactLocation{URI: (&url.URL{Scheme: "file", Path: rel}).String()}
	}
	return sarifArtifactLocation{URI: (&url.URL{Path: rel}).String(), URIBaseID: "%SRCROOT%"}
}

func sarifDescriptorOf(r *mtcheck.Rule) sarifDescriptor {
	short := r.Summary()
	if short == "" {
		short = r.Name
	}
	full := strings.TrimSpace(r.Doc)
	if full == "" {
		full = short
	}
	help := full
	if r.URL != "" {
		help += "\n\nMore: " + r.URL
	}
	d := sarifDescriptor{
		ID: r.Name, Name: r.Name,
		ShortDescription: sarifText{short}, FullDescription: sarifText{full}, Help: sarifText{help},
		HelpURI:              r.URL,
		DefaultConfiguration: sarifConfig{SARIFLevel(r.DefaultSeverity())},
	}
	if r.Category != "" {
		d.Properties = map[string]any{"category": string(r.Category), "tags": []string{string(r.Category)}}
	}
	return d
}

// Fingerprint returns the stable identity of a finding: a hash of its rule,
// its flagged text (its message, for an empty span) and the index of that
// rule and text among the file's findings.
func Fingerprint(rule, flagged string, occurrence int) string {
	h := sha256.New()
	h.Write([]byte(rule))
	h.Write([]byte{0})
	h.Write([]byte(flagged))
	h.Write([]byte{0})
	h.Write([]byte(strconv.Itoa(occurrence)))
	return hex.EncodeToString(h.Sum(nil))[:32]
}

func (sarifFormatter) Format(w io.Writer, results []Result, opts Options) error {
	base := opts.baseDir()
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: opts.toolName(), InformationURI: opts.infoURI(), Version: opts.toolVersion(), SemanticVer: opts.toolVersion(),
			Rules: []sarifDescriptor{},
		}},
		ColumnKind: "utf16CodeUnits",
	}
	if abs, err := filepath.Abs(base); err == nil {
		u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
		if !strings.HasSuffix(u, "/") {
			u += "/"
		}
		run.OriginalURIBaseIDs = map[string]sarifArtifactLocation{"%SRCROOT%": {URI: u}}
	}
	// First pass: rule descriptors (including rules only seen in
	// diagnostics) and input errors, which precede the results.
	index := map[string]int{}
	addRule := func(r *mtcheck.Rule) {
		if _, ok := index[r.Name]; !ok {
			index[r.Name] = len(run.Tool.Driver.Rules)
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifDescriptorOf(r))
		}
	}
	for _, r := range opts.Rules {
		if r != nil {
			addRule(r)
		}
	}
	inv := sarifInvocation{ExecutionSuccessful: true}
	for _, res := range results {
		if res.Err != nil || res.Report == nil {
			msg := "no report"
			if res.Err != nil {
				msg = res.Err.Error()
			}
			inv.ExecutionSuccessful = false
			inv.Notifications = append(inv.Notifications, sarifNotification{
				Level: "error", Message: sarifText{res.Path + ": " + msg},
				Locations: []sarifLocation{{PhysicalLocation: &sarifPhysicalLocation{ArtifactLocation: sarifArtifact(res.Path, base)}}},
			})
			continue
		}
		for _, d := range res.Report.Diagnostics {
			addRule(&mtcheck.Rule{Name: d.Rule, Category: d.Category, Severity: d.Severity})
		}
	}
	run.Invocations = []sarifInvocation{inv}

	// The log is written around a placeholder for the results, which are
	// then streamed one by one, so memory does not grow with their number.
	const placeholder = `"\u0000mtcheck-results\u0000"` // JSON text only a NUL-bearing string could produce
	run.Results = json.RawMessage(placeholder)
	log := sarifLog{Schema: SARIFSchemaURI, Version: "2.1.0", Runs: []sarifRun{run}}
	head, err := marshalIndent(log, "")
	if err != nil {
		return err
	}
	at := bytes.Index(head, []byte(placeholder))
	if at < 0 {
		return fmt.Errorf("sarif: results placeholder lost")
	}
	bw := bufio.NewWriter(w)
	bw.Write(head[:at])
	const itemIndent = "        " // runs[0].results[i]
	n := 0
	for _, res := range results {
		if res.Err != nil || res.Report == nil {
			continue
		}
		art := sarifArtifact(res.Path, base)
		rep := res.Report
		text := rep.Document().Text()
		seen := map[[2]string]int{}
		for _, d := range rep.Diagnostics {
			flagged := text[d.Start:d.End]
			if flagged == "" {
				flagged = d.Message
			}
			key := [2]string{d.Rule, flagged}
			occ := seen[key]
			seen[key] = occ + 1
			item, err := marshalIndent(sarifResultOf(rep, d, art, index[d.Rule], Fingerprint(d.Rule, flagged, occ)), itemIndent)
			if err != nil {
				return err
			}
			if n == 0 {
				bw.WriteString("[\n")
			} else {
				bw.WriteString(",\n")
			}
			n++
			bw.WriteString(itemIndent)
			bw.Write(item)
		}
	}
	if n == 0 {
		bw.WriteString("[]")
	} else {
		bw.WriteString("\n      ]")
	}
	bw.Write(head[at+len(placeholder):])
	return bw.Flush()
}

// marshalIndent encodes v as indented JSON without HTML escaping, every line
// after the first prefixed with prefix.
func marshalIndent(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	out := buf.Bytes()
	if prefix == "" {
		return out, nil
	}
	return bytes.TrimSuffix(out, []byte("\n")), nil
}

func sarifResultOf(rep *mtcheck.Report, d mtcheck.Diagnostic, art sarifArtifactLocation, ruleIndex int, fingerprint string) sarifResult {
	text := rep.Document().Text()
	region := sarifRegionOf(rep, d.Span)
	sr := sarifResult{
		RuleID: d.Rule, RuleIndex: ruleIndex, Level: SARIFLevel(d.Severity), Message: sarifText{d.Message},
		Locations:           []sarifLocation{{PhysicalLocation: &sarifPhysicalLocation{ArtifactLocation: art, Region: &region}}},
		PartialFingerprints: map[string]string{"mtcheck/v1": fingerprint},
		Properties:          map[string]any{"confidence": d.Confidence, "category": string(d.Category)},
	}
	for i, rs := range d.Related {
		id := i + 1
		rr := sarifRegionOf(rep, rs)
		sr.RelatedLocations = append(sr.RelatedLocations, sarifLocation{
			ID: &id, PhysicalLocation: &sarifPhysicalLocation{ArtifactLocation: art, Region: &rr},
			Message: &sarifText{"related: " + strconv.Quote(text[rs.Start:rs.End])},
		})
	}
	for _, f := range d.Fixes {
		if len(f.Edits) == 0 {
			continue
		}
		ch := sarifArtifactChange{ArtifactLocation: art}
		for _, e := range f.Edits {
			ch.Replacements = append(ch.Replacements, sarifReplacement{
				DeletedRegion: sarifRegionOf(rep, e.Span), InsertedContent: sarifText{e.NewText},
			})
		}
		sr.Fixes = append(sr.Fixes, sarifFix{
			Description: sarifText{f.Message}, ArtifactChanges: []sarifArtifactChange{ch},
			Properties: map[string]any{"safe": f.Safe},
		})
	}
	return sr
}
