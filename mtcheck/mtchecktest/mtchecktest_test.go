package mtchecktest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	f, err := Parse("First line.\n// a comment\nSecond.Line here\n// want missing-space \"Second.Line\"\n// want other \"a\\nb\"\nThird\n")
	require.NoError(t, err)
	assert.Equal(t, "First line.\nSecond.Line here\nThird\n", f.Text)
	require.Len(t, f.Wants, 2)
	assert.Equal(t, Want{Line: 3, AnnotationLine: 4, Rule: "missing-space", Text: "Second.Line"}, f.Wants[0])
	assert.Equal(t, "a\nb", f.Wants[1].Text)
	assert.Equal(t, 6, f.FileLine(3))

	_, err = Parse("// want x \"y\"\ntext\n")
	assert.ErrorContains(t, err, "before any text")
	_, err = Parse("text\n// want x y\n")
	assert.ErrorContains(t, err, "bad quoted text")
}

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, format)
}
func (r *recorder) Helper() {}

func TestRunReportsMismatches(t *testing.T) {
	teh := &mtcheck.Rule{Name: "teh", Run: func(p *mtcheck.Pass) error {
		text := p.Text()
		for i := 0; ; {
			j := strings.Index(text[i:], "teh")
			if j < 0 {
				return nil
			}
			s := mtcheck.Span{Start: i + j, End: i + j + 3}
			p.Reportf(s, 1, []mtcheck.Fix{mtcheck.ReplaceFix("fix", s, "the", true)}, "typo")
			i = s.End
		}
	}}
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	require.NoError(t, os.WriteFile(good, []byte("Say teh word.\n// want teh \"teh\"\nClean line.\n"), 0o644))
	require.NoError(t, os.WriteFile(good+".golden", []byte("Say the word.\nClean line.\n"), 0o644))
	Run(t, good, teh)

	bad := filepath.Join(dir, "bad.txt")
	require.NoError(t, os.WriteFile(bad, []byte("Say teh word.\nAnd teh.\n// want teh \"teh\"\n// want teh \"nothing\"\n"), 0o644))
	r := &recorder{TB: t}
	Run(r, bad, teh)
	joined := strings.Join(r.errs, "\n")
	assert.Contains(t, joined, "unexpected", "the diagnostic on line 1 was not expected")
	assert.Contains(t, joined, "not reported", "the second want on line 2 was not met")

	// A rule that uses a layer it did not declare fails the test.
	sneaky := &mtcheck.Rule{Name: "sneaky", Run: func(p *mtcheck.Pass) error { p.Sentences(); return nil }}
	r = &recorder{TB: t}
	Run(r, good, sneaky, teh)
	assert.Contains(t, strings.Join(r.errs, "\n"), "without declaring them")
}
