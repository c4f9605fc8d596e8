package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/mtchecktest"
)

func TestDuplicateLinePositive(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/duplicate-line/positive.txt", DuplicateLine)
}

func TestDuplicateLineNegative(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/duplicate-line/negative.txt", DuplicateLine)
}

func TestDuplicateLineSeed(t *testing.T) {
	text := mtchecktest.Seed(t)
	title, _, _ := strings.Cut(text, "\n")
	rep := mtchecktest.Check(t, text, DuplicateLine)
	var got []string
	for _, d := range rep.Diagnostics {
		got = append(got, text[d.Start:d.End])
	}
	if want := []string{title}; !slices.Equal(got, want) {
		t.Fatalf("seed: flagged %q, want only the repeated title", got)
	}
	d := rep.Diagnostics[0]
	if want := (mtcheck.Span{Start: 0, End: len(title)}); len(d.Related) != 1 || d.Related[0] != want {
		t.Errorf("seed: related %v, want the first line %v", d.Related, want)
	}
	if d.Start <= len(title) {
		t.Errorf("seed: flagged the first occurrence, not the repeat")
	}
}

func TestDuplicateLineFixNotSafe(t *testing.T) {
	text := "The harbour market reopened today.\n\nStalls sell fish and bread.\n\nThe harbour market reopened today.\n\nEnd of the report here.\n"
	rep := mtchecktest.Check(t, text, DuplicateLine)
	if len(rep.Diagnostics) != 1 {
		t.Fatalf("got %d diagnostics, want 1", len(rep.Diagnostics))
	}
	d := rep.Diagnostics[0]
	if d.Fixes[0].Safe {
		t.Error("the fix is marked safe; a person must decide")
	}
	if d.Related[0] != (mtcheck.Span{Start: 0, End: 34}) {
		t.Errorf("related %v, want the first occurrence [0,34)", d.Related)
	}
	if got := mtfFixAll(t, DuplicateLine, text, true); got != text {
		t.Errorf("safe-only fixing changed the text: %q", got)
	}
	want := "The harbour market reopened today.\n\nStalls sell fish and bread.\n\nEnd of the report here.\n"
	if got := mtfFixAll(t, DuplicateLine, text, false); got != want {
		t.Errorf("fix = %q, want %q", got, want)
	}
}

func TestDuplicateLineEdges(t *testing.T) {
	for _, s := range []string{"", "\n\n", "a b c d e f g h i j\na b c d e f g h i j", "a b c d e f g h i j\r\na b c d e f g h i j\r\n"} {
		mtchecktest.Flagged(t, s, DuplicateLine)
	}
	if got := mtchecktest.Flagged(t, "One two three four five six.\r\n\r\nOne two three four five six.\r\n", DuplicateLine); len(got) != 1 {
		t.Errorf("CRLF lines: flagged %q, want one", got)
	}
}

func TestDuplicateLineClean(t *testing.T) {
	mtchecktest.RunAll(t, "../testdata/clean/*.txt", DuplicateLine)
}

func BenchmarkDuplicateLine(b *testing.B) { mtfBench(b, DuplicateLine) }
