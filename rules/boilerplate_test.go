package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck/mtchecktest"
)

func TestBoilerplatePositive(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/boilerplate/positive.txt", Boilerplate)
}

func TestBoilerplateNegative(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/boilerplate/negative.txt", Boilerplate)
}

func TestBoilerplateSeed(t *testing.T) {
	text := mtchecktest.Seed(t)
	title, _, _ := strings.Cut(text, "\n")
	// The teaser block runs from the first line after "More like this" to
	// the end of the article.
	_, after, ok := strings.Cut(text, "More like this\n")
	if !ok {
		t.Fatal("seed has no \"More like this\" line")
	}
	teasers := strings.TrimSpace(after)
	want := []string{
		"Source link " + title,
		"The post " + title + " appeared first on Eminetra.",
		"Please enter your comment!",
		"Please enter your name here",
		"Share post:",
		"More like this",
		teasers,
	}
	got := mtchecktest.Flagged(t, text, Boilerplate)
	if !slices.Equal(got, want) {
		t.Errorf("seed: flagged\n%q\nwant\n%q", got, want)
	}
	if n := strings.Count(teasers, "...\n") + 1; n != 4 || !strings.HasSuffix(teasers, "...") {
		t.Errorf("seed: teaser block has %d snippets, want 4", n)
	}
	// The safe fixes remove the six lines and keep the body and the teasers
	// (their fix is not safe); fixing again changes nothing.
	fixed := mtfFixAll(t, Boilerplate, text, true)
	for _, s := range want[:6] {
		if strings.Contains(fixed, "\n"+s+"\n") {
			t.Errorf("seed: %q survived the safe fixes", s)
		}
	}
	if !strings.HasPrefix(fixed, title+"\n") || !strings.HasSuffix(fixed, teasers) {
		t.Errorf("seed: safe fixes touched the body or the teasers")
	}
	if again := mtfFixAll(t, Boilerplate, fixed, true); again != fixed {
		t.Errorf("seed: safe fixes are not idempotent")
	}
}

func TestBoilerplateFixes(t *testing.T) {
	cases := []struct{ in, want string }{
		// A paragraph of its own goes with the blank lines after it.
		{"Body text here.\n\nShare post:\n\n\nEnd of story.\n", "Body text here.\n\nEnd of story.\n"},
		// A line inside a paragraph goes with its own line break only.
		{"Body text here.\nPlease enter your comment!\nEnd.\n", "Body text here.\nEnd.\n"},
		// The last line without a line break.
		{"Body text here.\n\nShare post:", "Body text here.\n\n"},
		{"Body.\n\nPlease enter your comment!\nPlease enter your name here\n\nEnd.", "Body.\n\nEnd."},
		// Shortcodes go with the space beside them; the caption stays.
		{"[caption id=\"a\" width=\"1\"] A ferry.[/caption]\n", "A ferry.\n"},
		{"[caption id=\"a\"]\nA ferry.\n[/caption]\nEnd.", "A ferry.\nEnd."},
		{"Body.\r\n\r\nShare post:\r\n\r\nEnd.\r\n", "Body.\r\n\r\nEnd.\r\n"},
	}
	for _, c := range cases {
		if got := mtfFixAll(t, Boilerplate, c.in, true); got != c.want {
			t.Errorf("fix %q = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestBoilerplateTeaserNotSafe(t *testing.T) {
	text := "Body.\n\nRelated posts\n\nA headline about ferries\n\nThe snippet runs on and on...\n"
	rep := mtchecktest.Check(t, text, Boilerplate)
	if len(rep.Diagnostics) != 2 {
		t.Fatalf("got %d diagnostics, want header and teaser block", len(rep.Diagnostics))
	}
	d := rep.Diagnostics[1]
	if d.Fixes[0].Safe || d.Confidence >= rep.Diagnostics[0].Confidence {
		t.Errorf("teaser block: safe=%v confidence %.2f; want an unsafe fix at lower confidence", d.Fixes[0].Safe, d.Confidence)
	}
	if got := mtfFixAll(t, Boilerplate, text, false); got != "Body.\n\n" {
		t.Errorf("all fixes: %q", got)
	}
}

func TestBoilerplateEdges(t *testing.T) {
	for _, s := range []string{"", "\n", "[caption", "[/caption]", "The post  appeared first on ", "Source link", "More like this\n\n...", "More like this\n\nx\ny\nz..."} {
		mtchecktest.Flagged(t, s, Boilerplate)
	}
}

func TestBoilerplateClean(t *testing.T) {
	mtchecktest.RunAll(t, "../testdata/clean/*.txt", Boilerplate)
}

func BenchmarkBoilerplate(b *testing.B) { mtfBench(b, Boilerplate) }
