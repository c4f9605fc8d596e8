package format

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// rdjsonlFormatter writes reviewdog's rdjsonl: one Reviewdog Diagnostic
// Format JSON object per line. Columns count UTF-8 bytes, 1-based, and range
// ends are exclusive. Each fix becomes one suggestion (a fix of several edits
// is folded into one replacement spanning them). A file that could not be
// checked yields one ERROR diagnostic with code "input-error".
type rdjsonlFormatter struct{}

func (rdjsonlFormatter) Name() string { return "rdjsonl" }

type (
	rdDiagnostic struct {
		Message     string         `json:"message"`
		Location    rdLocation     `json:"location"`
		Severity    string         `json:"severity"`
		Source      rdSource       `json:"source"`
		Code        rdCode         `json:"code"`
		Suggestions []rdSuggestion `json:"suggestions,omitempty"`
	}
	rdLocation struct {
		Path  string   `json:"path"`
		Range *rdRange `json:"range,omitempty"`
	}
	rdRange struct {
		Start rdPosition `json:"start"`
		End   rdPosition `json:"end"`
	}
	rdPosition struct {
		Line   int `json:"line"`
		Column int `json:"column"`
	}
	rdSource struct {
		Name string `json:"name"`
		URL  string `json:"url,omitempty"`
	}
	rdCode struct {
		Value string `json:"value"`
		URL   string `json:"url,omitempty"`
	}
	rdSuggestion struct {
		Range rdRange `json:"range"`
		Text  string  `json:"text"`
	}
)

func rdSeverity(s mtcheck.Severity) string {
	switch s {
	case mtcheck.Error:
		return "ERROR"
	case mtcheck.Warning:
		return "WARNING"
	}
	return "INFO"
}

func rdRangeOf(rep *mtcheck.Report, s mtcheck.Span) rdRange {
	a, b := rep.Position(s.Start), rep.Position(s.End)
	return rdRange{Start: rdPosition{a.Line, a.ByteColumn}, End: rdPosition{b.Line, b.ByteColumn}}
}

func (rdjsonlFormatter) Format(w io.Writer, results []Result, opts Options) error {
	base := opts.baseDir()
	rules := opts.ruleByName()
	src := rdSource{Name: opts.toolName(), URL: opts.infoURI()}
	bw := bufio.NewWriter(w)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	emit := func(d rdDiagnostic) error {
		buf.Reset()
		if err := enc.Encode(d); err != nil {
			return err
		}
		_, err := bw.Write(buf.Bytes())
		return err
	}
	for _, r := range results {
		path := relPath(r.Path, base)
		if r.Err != nil || r.Report == nil {
			msg := "no report"
			if r.Err != nil {
				msg = r.Err.Error()
			}
			if err := emit(rdDiagnostic{Message: msg, Location: rdLocation{Path: path}, Severity: "ERROR", Source: src, Code: rdCode{Value: "input-error"}}); err != nil {
				return err
			}
			continue
		}
		text := r.Report.Document().Text()
		for _, d := range r.Report.Diagnostics {
			rg := rdRangeOf(r.Report, d.Span)
			rd := rdDiagnostic{
				Message: d.Message, Location: rdLocation{Path: path, Range: &rg},
				Severity: rdSeverity(d.Severity), Source: src, Code: rdCode{Value: d.Rule},
			}
			if rule := rules[d.Rule]; rule != nil {
				rd.Code.URL = rule.URL
			}
			for _, f := range d.Fixes {
				span, repl, ok := mergedEdit(text, f)
				if !ok {
					continue
				}
				rd.Suggestions = append(rd.Suggestions, rdSuggestion{Range: rdRangeOf(r.Report, span), Text: repl})
			}
			if err := emit(rd); err != nil {
				return err
			}
		}
	}
	return bw.Flush()
}
