package format

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// jsonFormatter writes the linter contract of DESIGN.md:
//
//	{"files":[{"path","words","score","penalty","categories",
//	  "diagnostics":[{"rule","category","severity","confidence","message",
//	    "start","end","line","column","endLine","endColumn",
//	    "fixes":[{"message","safe","edits":[{"start","end","text"}]}],
//	    "related":[{"start","end","line","column"}]}]}]}
//
// start/end are byte offsets; line and column are 1-based, column counting
// characters (runes); endColumn is exclusive. A file that could not be
// checked has "error" and no words, score or penalty.
type jsonFormatter struct{}

func (jsonFormatter) Name() string { return "json" }

// JSONFile is one file in the json format.
type JSONFile struct {
	Path        string             `json:"path"`
	Words       *int               `json:"words,omitempty"`
	Score       *float64           `json:"score,omitempty"`
	Penalty     *float64           `json:"penalty,omitempty"`
	Categories  map[string]float64 `json:"categories,omitempty"`
	Error       string             `json:"error,omitempty"`
	Diagnostics []JSONDiagnostic   `json:"diagnostics"`
}

// JSONDiagnostic is one finding in the json format.
type JSONDiagnostic struct {
	Rule       string        `json:"rule"`
	Category   string        `json:"category"`
	Severity   string        `json:"severity"`
	Confidence float64       `json:"confidence"`
	Message    string        `json:"message"`
	Start      int           `json:"start"`
	End        int           `json:"end"`
	Line       int           `json:"line"`
	Column     int           `json:"column"`
	EndLine    int           `json:"endLine"`
	EndColumn  int           `json:"endColumn"`
	Fixes      []JSONFix     `json:"fixes"`
	Related    []JSONRelated `json:"related,omitempty"`
}

// JSONFix is one fix in the json format.
type JSONFix struct {
	Message string     `json:"message"`
	Safe    bool       `json:"safe"`
	Edits   []JSONEdit `json:"edits"`
}

// JSONEdit is one edit of a fix: replace bytes [start,end) with text.
type JSONEdit struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// JSONRelated is a related location.
type JSONRelated struct {
	Start  int `json:"start"`
	End    int `json:"end"`
	Line   int `json:"line"`
	Column int `json:"column"`
}

// JSONOutput is the whole json document.
type JSONOutput struct {
	Files []JSONFile `json:"files"`
}

// NewJSONFile converts one result to its json form.
func NewJSONFile(r Result) JSONFile {
	f := JSONFile{Path: r.Path, Diagnostics: []JSONDiagnostic{}}
	if r.Err != nil || r.Report == nil {
		if r.Err != nil {
			f.Error = r.Err.Error()
		} else {
			f.Error = "no report"
		}
		return f
	}
	rep := r.Report
	words, score, penalty := rep.Words, round2(rep.Score), round2(rep.Penalty)
	f.Words, f.Score, f.Penalty = &words, &score, &penalty
	if len(rep.Categories) > 0 {
		f.Categories = make(map[string]float64, len(rep.Categories))
		for c, p := range rep.Categories {
			f.Categories[string(c)] = round2(p)
		}
	}
	f.Diagnostics = make([]JSONDiagnostic, 0, len(rep.Diagnostics))
	for _, d := range rep.Diagnostics {
		f.Diagnostics = append(f.Diagnostics, newJSONDiagnostic(rep, d))
	}
	return f
}

func newJSONDiagnostic(rep *mtcheck.Report, d mtcheck.Diagnostic) JSONDiagnostic {
	s, e := rep.Position(d.Start), rep.Position(d.End)
	jd := JSONDiagnostic{
		Rule: d.Rule, Category: string(d.Category), Severity: d.Severity.String(), Confidence: d.Confidence,
		Message: d.Message, Start: d.Start, End: d.End,
		Line: s.Line, Column: s.Column, EndLine: e.Line, EndColumn: e.Column,
		Fixes: make([]JSONFix, 0, len(d.Fixes)),
	}
	for _, f := range d.Fixes {
		jf := JSONFix{Message: f.Message, Safe: f.Safe, Edits: make([]JSONEdit, 0, len(f.Edits))}
		for _, ed := range f.Edits {
			jf.Edits = append(jf.Edits, JSONEdit{Start: ed.Start, End: ed.End, Text: ed.NewText})
		}
		jd.Fixes = append(jd.Fixes, jf)
	}
	for _, rs := range d.Related {
		p := rep.Position(rs.Start)
		jd.Related = append(jd.Related, JSONRelated{Start: rs.Start, End: rs.End, Line: p.Line, Column: p.Column})
	}
	return jd
}

func (jsonFormatter) Format(w io.Writer, results []Result, opts Options) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(`{"files":[`)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	encode := func(v any) ([]byte, error) {
		buf.Reset()
		if err := enc.Encode(v); err != nil {
			return nil, err
		}
		return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
	}
	for i, r := range results {
		if i > 0 {
			bw.WriteByte(',')
		}
		// The file's fields, then its diagnostics one at a time, so memory
		// does not grow with their number.
		f := NewJSONFile(Result{Path: r.Path, Err: r.Err, Report: emptied(r.Report)})
		head, err := encode(f)
		if err != nil {
			return err
		}
		if !bytes.HasSuffix(head, []byte(`"diagnostics":[]}`)) {
			return fmt.Errorf("json: unexpected file encoding")
		}
		bw.Write(head[:len(head)-2])
		if r.Err == nil && r.Report != nil {
			for j, d := range r.Report.Diagnostics {
				if j > 0 {
					bw.WriteByte(',')
				}
				item, err := encode(newJSONDiagnostic(r.Report, d))
				if err != nil {
					return err
				}
				bw.Write(item)
			}
		}
		bw.WriteString("]}")
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}

// emptied returns a copy of rep without diagnostics (scores unchanged).
func emptied(rep *mtcheck.Report) *mtcheck.Report {
	if rep == nil {
		return nil
	}
	cp := *rep
	cp.Diagnostics = nil
	return &cp
}
