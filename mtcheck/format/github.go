package format

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// githubFormatter writes GitHub Actions workflow commands
// (::error/::warning/::notice file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message).
//
// GitHub shows at most 10 error, 10 warning and 10 notice annotations per
// step, so findings are printed most severe first (then most confident
// first), at most 10 errors, 10 warnings and 9 notices, followed by one
// ::notice:: with the totals; findings beyond the caps are printed as plain
// log lines. Columns count characters (runes); endColumn is the column of
// the last flagged character (inclusive), and columns are given only for
// spans on a single line, as GitHub annotates. When GITHUB_STEP_SUMMARY names
// a file, a Markdown report of every finding is appended to it.
type githubFormatter struct{}

func (githubFormatter) Name() string { return "github" }

// GitHubAnnotationCap is the number of annotations GitHub shows per level and step.
const GitHubAnnotationCap = 10

// maxSummaryRows bounds the Markdown table (GitHub caps a step summary at 1 MiB).
const maxSummaryRows = 1000

// escapeData escapes a workflow command's message.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

type ghItem struct {
	path string
	rep  *mtcheck.Report
	d    mtcheck.Diagnostic
	err  error
}

func ghLevel(s mtcheck.Severity) string {
	switch s {
	case mtcheck.Error:
		return "error"
	case mtcheck.Warning:
		return "warning"
	}
	return "notice"
}

func (it ghItem) command(base string) string {
	file := escapeProperty(relPath(it.path, base))
	if it.err != nil {
		return fmt.Sprintf("::error file=%s,title=%s::%s", file, escapeProperty("mtcheck: input error"), escapeData(it.err.Error()))
	}
	end := it.d.End
	text := it.rep.Document().Text()
	for end > it.d.Start && (text[end-1] == '\n' || text[end-1] == '\r') {
		end-- // a span that takes its line break along ends on its own line
	}
	a, b := it.rep.Position(it.d.Start), it.rep.Position(end)
	props := fmt.Sprintf("file=%s,line=%d", file, a.Line)
	if a.Line == b.Line {
		end := b.Column - 1
		if end < a.Column {
			end = a.Column
		}
		props += fmt.Sprintf(",col=%d,endColumn=%d", a.Column, end)
	} else {
		props += fmt.Sprintf(",endLine=%d", b.Line)
	}
	props += ",title=" + escapeProperty("mtcheck "+it.d.Rule)
	return fmt.Sprintf("::%s %s::%s", ghLevel(it.d.Severity), props, escapeData(it.d.Message))
}

func (githubFormatter) Format(w io.Writer, results []Result, opts Options) error {
	base := opts.baseDir()
	var items []ghItem
	for _, r := range results {
		if r.Err != nil || r.Report == nil {
			err := r.Err
			if err == nil {
				err = fmt.Errorf("no report")
			}
			items = append(items, ghItem{path: r.Path, err: err, d: mtcheck.Diagnostic{Severity: mtcheck.Error, Confidence: 2}})
			continue
		}
		for _, d := range r.Report.Diagnostics {
			items = append(items, ghItem{path: r.Path, rep: r.Report, d: d})
		}
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if a.d.Severity != b.d.Severity {
			return a.d.Severity > b.d.Severity
		}
		if a.d.Confidence != b.d.Confidence {
			return a.d.Confidence > b.d.Confidence
		}
		if a.path != b.path {
			return a.path < b.path
		}
		return a.d.Start < b.d.Start
	})
	bw := bufio.NewWriter(w)
	shown := map[string]int{}
	var rest []ghItem
	for _, it := range items {
		lvl := ghLevel(it.d.Severity)
		limit := GitHubAnnotationCap
		if lvl == "notice" {
			limit-- // leave room for the totals notice
		}
		if shown[lvl] >= limit {
			rest = append(rest, it)
			continue
		}
		shown[lvl]++
		fmt.Fprintln(bw, it.command(base))
	}
	total := "mtcheck: " + SummaryLine(results)
	if len(rest) > 0 {
		total += fmt.Sprintf("; %d more not annotated (GitHub shows 10 per level), listed below", len(rest))
	}
	fmt.Fprintf(bw, "::notice::%s\n", escapeData(total))
	for _, it := range rest {
		if it.err != nil {
			fmt.Fprintf(bw, "%s: error: %s\n", it.path, it.err)
			continue
		}
		p := it.rep.Position(it.d.Start)
		fmt.Fprintf(bw, "%s:%d:%d: %s %s: %s\n", it.path, p.Line, p.Column, it.d.Severity, it.d.Rule, it.d.Message)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if path := opts.getenv("GITHUB_STEP_SUMMARY"); path != "" {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
		if err != nil {
			return fmt.Errorf("writing step summary: %w", err)
		}
		if err := WriteMarkdownSummary(f, results); err != nil {
			f.Close()
			return fmt.Errorf("writing step summary: %w", err)
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("writing step summary: %w", err)
		}
	}
	return nil
}

// mdCell escapes text for a Markdown table cell.
func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\r", " ", "\n", " ", "<", "&lt;", ">", "&gt;", "&", "&amp;", "`", "'").Replace(s)
}

// WriteMarkdownSummary writes a Markdown report of results: the totals, a
// table of files with scores, and a table of every finding (at most 1,000
// rows).
func WriteMarkdownSummary(w io.Writer, results []Result) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "## mtcheck\n\n%s\n\n", mdCell(SummaryLine(results)))
	fmt.Fprintf(bw, "| File | Words | Score | Findings |\n| --- | ---: | ---: | ---: |\n")
	for _, r := range results {
		if r.Err != nil || r.Report == nil {
			msg := "no report"
			if r.Err != nil {
				msg = r.Err.Error()
			}
			fmt.Fprintf(bw, "| `%s` | | | error: %s |\n", mdCell(r.Path), mdCell(msg))
			continue
		}
		fmt.Fprintf(bw, "| `%s` | %d | %.1f | %d |\n", mdCell(r.Path), r.Report.Words, r.Report.Score, len(r.Report.Diagnostics))
	}
	rows := 0
	for _, r := range results {
		if r.Report == nil {
			continue
		}
		for _, d := range r.Report.Diagnostics {
			if rows == 0 {
				fmt.Fprintf(bw, "\n| Location | Severity | Rule | Message |\n| --- | --- | --- | --- |\n")
			}
			if rows == maxSummaryRows {
				fmt.Fprintf(bw, "\n%d more findings not shown.\n", Count(results).Findings-rows)
				return bw.Flush()
			}
			rows++
			p := r.Report.Position(d.Start)
			fmt.Fprintf(bw, "| `%s:%d:%d` | %s | %s | %s |\n", mdCell(r.Path), p.Line, p.Column, d.Severity, mdCell(d.Rule), mdCell(d.Message))
		}
	}
	bw.WriteString("\n")
	return bw.Flush()
}
