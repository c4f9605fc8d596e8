package format

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// checkstyleFormatter writes Checkstyle XML, which Jenkins, GitLab and many
// CI dashboards read:
//
//	<checkstyle version="4.3"><file name="a.txt">
//	  <error line="3" column="5" severity="warning" message="…" source="mtcheck.missing-space"/>
//	</file></checkstyle>
//
// Columns count characters (runes), 1-based. A file that could not be
// checked gets one error with source "mtcheck.input-error".
type checkstyleFormatter struct{}

func (checkstyleFormatter) Name() string { return "checkstyle" }

func xmlEscape(s string) string {
	var b strings.Builder
	// EscapeText also escapes \n, \r and \t, which attributes need.
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func checkstyleSeverity(s mtcheck.Severity) string {
	switch s {
	case mtcheck.Error:
		return "error"
	case mtcheck.Warning:
		return "warning"
	}
	return "info"
}

func (checkstyleFormatter) Format(w io.Writer, results []Result, opts Options) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	bw.WriteString("<checkstyle version=\"4.3\">\n")
	tool := opts.toolName()
	for _, r := range results {
		fmt.Fprintf(bw, "  <file name=\"%s\">\n", xmlEscape(r.Path))
		if r.Err != nil || r.Report == nil {
			msg := "no report"
			if r.Err != nil {
				msg = r.Err.Error()
			}
			fmt.Fprintf(bw, "    <error line=\"1\" severity=\"error\" message=\"%s\" source=\"%s\"/>\n", xmlEscape(msg), xmlEscape(tool+".input-error"))
		} else {
			for _, d := range r.Report.Diagnostics {
				p := r.Report.Position(d.Start)
				fmt.Fprintf(bw, "    <error line=\"%d\" column=\"%d\" severity=\"%s\" message=\"%s\" source=\"%s\"/>\n",
					p.Line, p.Column, checkstyleSeverity(d.Severity), xmlEscape(d.Message), xmlEscape(tool+"."+d.Rule))
			}
		}
		bw.WriteString("  </file>\n")
	}
	bw.WriteString("</checkstyle>\n")
	return bw.Flush()
}
