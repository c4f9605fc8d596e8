package markup

import (
	"context"
	"strings"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck"
)

func TestParseDirective(t *testing.T) {
	for _, c := range []struct {
		in    string
		ok    bool
		kind  DirectiveKind
		rules string
	}{
		{"<!-- mtcheck-disable -->", true, Disable, ""},
		{"<!--mtcheck-disable teh,glue-->", true, Disable, "teh glue"},
		{"<!-- mtcheck-disable teh, glue -- quoting a tweet -->", true, Disable, "teh glue"},
		{"<!-- mtcheck-enable teh -->", true, Enable, "teh"},
		{"<!-- mtcheck-disable-next-line\tglue -->", true, DisableNextLine, "glue"},
		{"<!-- mtcheck-disabled teh -->", false, 0, ""},
		{"<!-- a comment -->", false, 0, ""},
	} {
		d, ok := parseDirective(c.in, 0, len(c.in))
		if ok != c.ok || d.Kind != c.kind || strings.Join(d.Rules, " ") != c.rules {
			t.Errorf("%q: got %v %v %q", c.in, ok, d.Kind, d.Rules)
		}
	}
}

func checkOpts(t *testing.T, kind Kind, src string, opts CheckOptions) *mtcheck.Report {
	t.Helper()
	rep, err := CheckWith(context.Background(), newChecker(t), kind, src, opts)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestSuppressions(t *testing.T) {
	for _, c := range []struct {
		name string
		kind Kind
		src  string
		want string // describe() of the report with ReportUnusedDisables
	}{
		{"range all", Markdown, "One teh.\n\n<!-- mtcheck-disable -->\n\nTwo teh a.B.\n\n<!-- mtcheck-enable -->\n\nThree teh.\n",
			`teh "teh" at 1:5; teh "teh" at 9:7; `},
		{"range one rule", Markdown, "<!-- mtcheck-disable teh -->\n\nTwo teh a.Bc.\n",
			`glue "a.Bc" at 3:9; `},
		{"enable one of two", Markdown, "<!-- mtcheck-disable teh,glue -->\nTwo teh a.Bc.\n<!-- mtcheck-enable glue -->\nThree teh a.Bc.\n",
			`glue "a.Bc" at 4:11; `},
		{"enable one of all", HTML, "<!-- mtcheck-disable --><p>Two teh a.Bc.</p><!-- mtcheck-enable teh --><p>Three teh x.Yz.</p>",
			`teh "teh" at 1:81; `},
		{"next line", Markdown, "Para teh.\n<!-- mtcheck-disable-next-line teh -->\nLine teh a.Bc.\nLast teh.\n",
			`teh "teh" at 1:6; glue "a.Bc" at 3:10; teh "teh" at 4:6; `},
		{"inline next line", HTML, "<p>A teh <!-- mtcheck-disable-next-line -->\nB teh</p>\n<p>C teh</p>",
			`teh "teh" at 1:6; teh "teh" at 3:6; `},
		{"unused all", Markdown, "<!-- mtcheck-disable -->\n\nAll fine.\n",
			`unused-disable "<!-- mtcheck-disable -->" at 1:1; `},
		{"unused one", Markdown, "<!-- mtcheck-disable teh,glue,not-running -->\nA teh.\n",
			`unused-disable "<!-- mtcheck-disable teh,glue,not-running -->" at 1:1; `},
		{"unused next line", HTML, "<p><!-- mtcheck-disable-next-line glue --></p>\n<p>teh</p>",
			`unused-disable "<!-- mtcheck-disable-next-line glue -->" at 1:4; teh "teh" at 2:4; `},
		{"plain text", Text, "One teh.\n<!-- mtcheck-disable teh -->\nTwo teh.\n  <!-- mtcheck-enable -->\nThree teh.\n",
			`teh "teh" at 1:5; teh "teh" at 5:7; `},
		{"plain next line", Text, "<!-- mtcheck-disable-next-line -->\nTwo teh.\nThree teh.\n",
			`teh "teh" at 3:7; `},
		{"plain unused", Text, "<!-- mtcheck-disable-next-line glue -->\nTwo teh.\n",
			`unused-disable "<!-- mtcheck-disable-next-line glue -->" at 1:1; teh "teh" at 2:5; `},
		{"in code is not a directive", Markdown, "```\n<!-- mtcheck-disable -->\n```\n\nA teh.\n",
			`teh "teh" at 5:3; `},
	} {
		t.Run(c.name, func(t *testing.T) {
			rep := checkOpts(t, c.kind, c.src, CheckOptions{ReportUnusedDisables: true})
			if got := describe(c.src, rep); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
			// Without the option, unused suppressions are silent and the
			// score is the same.
			plain := checkOpts(t, c.kind, c.src, CheckOptions{})
			for _, d := range plain.Diagnostics {
				if d.Rule == UnusedDisableRule {
					t.Errorf("unused-disable reported without the option")
				}
			}
			if plain.Score != rep.Score {
				t.Errorf("score %v with unused reports, %v without", rep.Score, plain.Score)
			}
		})
	}
}

func TestSuppressionLineNotChecked(t *testing.T) {
	src := "Fine text.\n<!-- mtcheck-disable-next-line teh -->\nMore fine text.\n"
	x, err := Extract(Text, src)
	if err != nil {
		t.Fatal(err)
	}
	if x.Text != "Fine text.\nMore fine text.\n" {
		t.Errorf("check text %q", x.Text)
	}
	if len(x.Directives) != 1 || x.Directives[0].Kind != DisableNextLine {
		t.Errorf("directives %+v", x.Directives)
	}
}

func TestUnusedFixRemovesComment(t *testing.T) {
	src := "Intro.\n\n<!-- mtcheck-disable glue -->\n\nAll fine.\n"
	rep := checkOpts(t, Markdown, src, CheckOptions{ReportUnusedDisables: true})
	if len(rep.Diagnostics) != 1 {
		t.Fatalf("findings: %s", describe(src, rep))
	}
	got := mtcheck.ApplyFixes(src, rep.Diagnostics, false).Text
	if got != "Intro.\n\n\nAll fine.\n" {
		t.Errorf("fixed %q", got)
	}
}

func TestMultiLineDirective(t *testing.T) {
	src := "Before teh.\n\nText <!-- mtcheck-disable\nteh -->teh here.\n"
	rep := checkOpts(t, Markdown, src, CheckOptions{ReportUnusedDisables: true})
	if got, want := describe(src, rep), `teh "teh" at 1:8; `; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
