package main

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/mtcheck/mtcheck/mtcheck/format"
	"github.com/mtcheck/mtcheck/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRealRulesBothAPIsAgree checks the project's articles with the built-in
// rules through both APIs: the same findings, and LanguageTool offsets that
// cut out exactly the bytes the JSON API reports (widened to cover fixes).
func TestRealRulesBothAPIsAgree(t *testing.T) {
	s, _ := newTestServer(t, config{All: rules.All(), Default: rules.Default()})
	files, _ := filepath.Glob("../../testdata/articles/*.txt")
	clean, _ := filepath.Glob("../../testdata/clean/*.txt")
	require.NotEmpty(t, files)
	total := 0
	for _, f := range append(files, clean...) {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		text := string(b)
		v1 := decode[format.JSONFile](t, postJSON(s, map[string]any{"text": text, "path": f}))
		w := postForm(s, url.Values{"text": {text}, "language": {"en-US"}})
		require.Equal(t, http.StatusOK, w.Code, w.Body.String())
		v2 := decode[ltResponse](t, w)
		require.Len(t, v2.Matches, len(v1.Diagnostics), f)
		u := utf16.Encode([]rune(text))
		for i, d := range v1.Diagnostics {
			m := v2.Matches[i]
			assert.Equal(t, d.Rule, m.Rule.ID)
			assert.Equal(t, d.Message, m.Message)
			start, end := d.Start, d.End
			for _, fx := range d.Fixes {
				near := len(fx.Edits) > 0
				for _, e := range fx.Edits {
					near = near && e.Start >= d.Start-ltFixReach && e.End <= d.End+ltFixReach
				}
				for _, e := range fx.Edits {
					if near {
						start, end = min(start, e.Start), max(end, e.End)
					}
				}
			}
			got := string(utf16.Decode(u[m.Offset : m.Offset+m.Length]))
			assert.Equal(t, text[start:end], got, "%s: %s", f, d.Message)
			assert.Equal(t, strings.ReplaceAll(got, "\n", " "), u16slice(m.Context.Text, m.Context.Offset, m.Context.Length), "context: newlines as spaces")
		}
		total += len(v2.Matches)
	}
	assert.Positive(t, total, "the articles hold findings")
}
