package format

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck"
)

var update = flag.Bool("update", false, "rewrite testdata/format golden files")

const goldenDir = "../../testdata/format"

// fixtureText has non-ASCII text before findings so that rune, UTF-16 and
// byte columns differ, and an astral-plane emoji (two UTF-16 units).
const fixtureText = "Officials met on Monday.But nothing changed.\n" +
	"The café “opened” at noon 🙂 twice.Guests came.\n" +
	"\n" +
	"Share post:\n" +
	"Anna Kovacs spoke first; later Ana Kovacs replied.\n"

var testRules = []*mtcheck.Rule{
	{Name: "missing-space", Doc: "Finds sentences glued together without a space.\nMachine translation and scrapers drop the space after a full stop.", Category: mtcheck.Spacing, Severity: mtcheck.Warning, Run: func(*mtcheck.Pass) error { return nil }},
	{Name: "boilerplate", Doc: "Finds scraper and CMS residue such as share buttons.", URL: "https://example.org/rules/boilerplate", Category: mtcheck.Boilerplate, Severity: mtcheck.Error, Run: func(*mtcheck.Pass) error { return nil }},
	{Name: "name-variant", Doc: "Finds a misspelled variant of a name spelled correctly elsewhere.", Category: mtcheck.Name, Severity: mtcheck.Info, Run: func(*mtcheck.Pass) error { return nil }},
}

func span(text, sub string) mtcheck.Span {
	i := strings.Index(text, sub)
	if i < 0 {
		panic("fixture lacks " + sub)
	}
	return mtcheck.Span{Start: i, End: i + len(sub)}
}

// fixtureResults builds a fixed set of results: a file with findings of
// every severity, an empty file and a file that failed.
func fixtureResults(t testing.TB) []Result {
	t.Helper()
	text := fixtureText
	ms1, ms2 := span(text, "Monday.But"), span(text, "twice.Guests")
	bp := span(text, "Share post:\n")
	nv := span(text, "Ana Kovacs")
	diags := []mtcheck.Diagnostic{
		{Span: ms1, Rule: "missing-space", Category: mtcheck.Spacing, Severity: mtcheck.Warning, Confidence: 0.97,
			Message: `missing space after "." between "Monday" and "But"`,
			Fixes:   []mtcheck.Fix{mtcheck.InsertFix("insert a space", ms1.Start+7, " ", true)}},
		{Span: ms2, Rule: "missing-space", Category: mtcheck.Spacing, Severity: mtcheck.Warning, Confidence: 0.9,
			Message: `missing space after "." between "twice" and "Guests"`,
			Fixes:   []mtcheck.Fix{mtcheck.InsertFix("insert a space", ms2.Start+6, " ", true)}},
		{Span: bp, Rule: "boilerplate", Category: mtcheck.Boilerplate, Severity: mtcheck.Error, Confidence: 0.95,
			Message: "share-button residue \"Share post:\"",
			Fixes:   []mtcheck.Fix{mtcheck.DeleteFix("delete the line", bp, false)}},
		{Span: nv, Rule: "name-variant", Category: mtcheck.Name, Severity: mtcheck.Info, Confidence: 0.6,
			Message: `"Ana Kovacs" may be a misspelling of "Anna Kovacs", a, b: 100%`,
			Fixes: []mtcheck.Fix{{Message: "spell it \"Anna Kovacs\"", Edits: []mtcheck.TextEdit{
				{Span: mtcheck.Span{Start: nv.Start, End: nv.Start + 3}, NewText: "Anna"},
			}}},
			Related: []mtcheck.Span{span(text, "Anna Kovacs")}},
	}
	rep := mtcheck.NewReport(mtcheck.NewDocument(text), diags)
	empty := mtcheck.NewReport(mtcheck.NewDocument(""), nil)
	return []Result{
		{Path: "docs/a.txt", Report: rep},
		{Path: "docs/bad.txt", Err: fmt.Errorf("%w at byte offset 3", errors.New("invalid UTF-8"))},
		{Path: "docs/empty.txt", Report: empty},
	}
}

func fixtureOptions(env map[string]string) Options {
	return Options{Rules: testRules, BaseDir: "/repo", ToolVersion: "0.0.0-test", Getenv: func(k string) string { return env[k] }}
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(goldenDir, name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./mtcheck/format -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden file (run go test ./mtcheck/format -update):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestGolden(t *testing.T) {
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			f, err := Lookup(name)
			if err != nil {
				t.Fatal(err)
			}
			var out, summary bytes.Buffer
			opts := fixtureOptions(nil)
			opts.Summary = &summary
			if err := f.Format(&out, fixtureResults(t), opts); err != nil {
				t.Fatal(err)
			}
			got := out.Bytes()
			if summary.Len() > 0 {
				got = append(got, "--- summary\n"...)
				got = append(got, summary.Bytes()...)
			}
			checkGolden(t, name+".golden", got)
		})
	}
}

func TestLookup(t *testing.T) {
	want := []string{"checkstyle", "github", "json", "rdjsonl", "sarif", "text"}
	if got := Names(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("Names() = %v, want %v", got, want)
	}
	if _, err := Lookup("xml"); err == nil || !strings.Contains(err.Error(), "known formats: checkstyle, github") {
		t.Errorf("Lookup(xml) error = %v", err)
	}
}
