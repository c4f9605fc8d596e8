package main

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ltText has an emoji (two UTF-16 units) and em dashes (one unit, three
// bytes) before its findings.
const ltText = "Fire 🔥 — smoke 😷 — very bad.Crews came.\nShare post:\nEnd."

func ltCheck(t *testing.T, s http.Handler, form url.Values) ltResponse {
	t.Helper()
	w := postForm(s, form)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Equal(t, "application/json", w.Header().Get("Content-Type"))
	return decode[ltResponse](t, w)
}

func TestV2CheckUTF16Offsets(t *testing.T) {
	s, _ := newTestServer(t, config{})
	resp := ltCheck(t, s, url.Values{"text": {ltText}, "language": {"en-US"}})
	require.Len(t, resp.Matches, 3)
	want := []struct{ rule, flagged string }{{"t-info", "very"}, {"t-glue", "d.C"}, {"t-boiler", "Share post:"}}
	for i, m := range resp.Matches {
		assert.Equal(t, want[i].rule, m.Rule.ID)
		// Offsets count UTF-16 units, as JavaScript and Java index strings.
		assert.Equal(t, want[i].flagged, u16slice(ltText, m.Offset, m.Length), "match %d", i)
		assert.Equal(t, want[i].flagged, u16slice(m.Context.Text, m.Context.Offset, m.Context.Length), "context %d", i)
	}
	// "Fire " 5 + 🔥 2 + " — smoke " 9 + 😷 2 + " — " 3 = 21.
	assert.Equal(t, 21, resp.Matches[0].Offset)
	assert.Equal(t, 4, resp.Matches[0].Length)

	glue := resp.Matches[1]
	assert.Equal(t, "missing space after \"d.\"", glue.Message)
	assert.Equal(t, []ltReplacement{{Value: "d. C"}}, glue.Replacements)
	assert.Equal(t, "whitespace", glue.Rule.IssueType)
	assert.Equal(t, ltCategoryJS{ID: "SPACING", Name: "Spacing"}, glue.Rule.Category)
	assert.Equal(t, "Finds sentences glued without a space.", glue.Rule.Description)
	assert.Equal(t, []ltURL{{Value: "https://example.invalid/rules/t-glue"}}, glue.Rule.URLs)
	assert.Equal(t, "Other", glue.Type.TypeName)
	assert.NotEmpty(t, glue.Sentence)
	assert.Contains(t, ltText, glue.Sentence)
	assert.Equal(t, "Fire 🔥 — smoke 😷 — very bad.Crews came. Share post: End.", glue.Context.Text, "short text: whole, newlines as spaces")

	boiler := resp.Matches[2]
	assert.Equal(t, []ltReplacement{{Value: ""}}, boiler.Replacements, "delete the line")
	assert.Equal(t, "non-conformance", boiler.Rule.IssueType)
	assert.Empty(t, resp.Matches[0].Replacements)
	assert.NotNil(t, resp.Matches[0].Replacements, "replacements is [] not null")

	assert.Equal(t, ltSoftware{Name: "mtcheck", Version: "0.1.0", BuildDate: buildDate, APIVersion: 1}, resp.Software)
	assert.Equal(t, "English (US)", resp.Language.Name)
	assert.Equal(t, "en-US", resp.Language.Code)
	assert.Equal(t, "en-US", resp.Language.DetectedLanguage.Code)
}

func TestV2ResponseShape(t *testing.T) {
	s, _ := newTestServer(t, config{})
	w := postForm(s, url.Values{"text": {"Bad.Text"}, "language": {"en"}})
	require.Equal(t, http.StatusOK, w.Code)
	var raw map[string]any
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &raw))
	for _, k := range []string{"software", "warnings", "language", "matches"} {
		assert.Contains(t, raw, k)
	}
	m := raw["matches"].([]any)[0].(map[string]any)
	for _, k := range []string{"message", "shortMessage", "replacements", "offset", "length", "context", "sentence",
		"type", "rule", "ignoreForIncompleteSentence", "contextForSureMatch"} {
		assert.Contains(t, m, k)
	}
	rule := m["rule"].(map[string]any)
	for _, k := range []string{"id", "description", "issueType", "category"} {
		assert.Contains(t, rule, k)
	}
	sw := raw["software"].(map[string]any)
	assert.EqualValues(t, 1, sw["apiVersion"], "a number, as clients compare it")
	assert.Equal(t, map[string]any{"name": "English", "code": "en",
		"detectedLanguage": map[string]any{"name": "English", "code": "en", "confidence": 1.0}}, raw["language"])
}

func TestV2LongContextIsCut(t *testing.T) {
	s, _ := newTestServer(t, config{})
	text := strings.Repeat("x", 60) + " 😀 end.Next " + strings.Repeat("y", 60)
	resp := ltCheck(t, s, url.Values{"text": {text}, "language": {"en-GB"}})
	require.Len(t, resp.Matches, 1)
	c := resp.Matches[0].Context
	assert.True(t, strings.HasPrefix(c.Text, "..."), c.Text)
	assert.True(t, strings.HasSuffix(c.Text, "..."), c.Text)
	assert.Equal(t, "d.N", u16slice(c.Text, c.Offset, c.Length))
	assert.Equal(t, 3+40, c.Offset, "40 UTF-16 units of context before the match")
	assert.Equal(t, "English (GB)", resp.Language.Name)
}

func TestV2AnnotatedData(t *testing.T) {
	s, _ := newTestServer(t, config{})
	parts := []map[string]any{
		{"markup": "<p>"},
		{"text": "Fire 🔥 out.The "},
		{"text": "ve"}, {"markup": "<b>"}, {"text": "ry"}, {"markup": "</b>"},
		{"text": " end."},
		{"markup": "</p>\n<p>", "interpretAs": "\n\n"},
		{"text": "Share post:", "offset": map[string]int{"start": 0, "end": 1}}, // extra keys are ignored
		{"markup": "</p>"},
	}
	var orig strings.Builder
	for _, p := range parts {
		if v, ok := p["text"].(string); ok {
			orig.WriteString(v)
		} else {
			orig.WriteString(p["markup"].(string))
		}
	}
	data, _ := json.Marshal(map[string]any{"annotation": parts})
	resp := ltCheck(t, s, url.Values{"data": {string(data)}, "language": {"auto"}})
	require.Len(t, resp.Matches, 3)
	got := map[string]string{}
	for _, m := range resp.Matches {
		got[m.Rule.ID] = u16slice(orig.String(), m.Offset, m.Length)
	}
	assert.Equal(t, map[string]string{
		"t-glue":   "t.T",
		"t-info":   "ve<b>ry", // the match spans markup: its offsets cover it
		"t-boiler": "Share post:",
	}, got)
	for _, m := range resp.Matches {
		switch m.Rule.ID {
		case "t-glue":
			assert.Equal(t, []ltReplacement{{Value: "t. T"}}, m.Replacements)
			assert.Equal(t, "t.T", u16slice(m.Context.Text, m.Context.Offset, m.Context.Length), "context is the checked text")
		case "t-boiler":
			assert.Equal(t, []ltReplacement{{Value: ""}}, m.Replacements)
		}
	}
	assert.Equal(t, "en-US", resp.Language.Code, "auto: English")
}

func TestV2AnnotatedReplacementAcrossMarkupIsDropped(t *testing.T) {
	s, _ := newTestServer(t, config{})
	data := `{"annotation":[{"text":"Bad"},{"markup":"<i>"},{"text":"."},{"markup":"</i>"},{"text":"Text"}]}`
	resp := ltCheck(t, s, url.Values{"data": {data}, "language": {"en"}})
	require.Len(t, resp.Matches, 1)
	m := resp.Matches[0]
	assert.Equal(t, "d<i>.</i>T", u16slice("Bad<i>.</i>Text", m.Offset, m.Length))
	assert.Empty(t, m.Replacements, "a replacement would delete the markup")
}

func TestV2RuleParameters(t *testing.T) {
	s, _ := newTestServer(t, config{})
	ids := func(form url.Values) []string {
		t.Helper()
		form.Set("text", "Very.Bad very zzz\nShare post:")
		form.Set("language", "en-US")
		var out []string
		for _, m := range ltCheck(t, s, form).Matches {
			out = append(out, m.Rule.ID)
		}
		return out
	}
	assert.Equal(t, []string{"t-glue", "t-info", "t-boiler"}, ids(url.Values{}))
	assert.Equal(t, []string{"t-glue", "t-boiler"}, ids(url.Values{"disabledRules": {"t-info,WHITESPACE_RULE"}}), "unknown ids are ignored")
	assert.Equal(t, []string{"t-glue", "t-boiler"}, ids(url.Values{"disabledRules": {"T_INFO"}}), "LanguageTool-style ids")
	assert.Equal(t, []string{"t-glue", "t-info", "t-optin", "t-boiler"}, ids(url.Values{"enabledRules": {"t-optin"}}))
	assert.Equal(t, []string{"t-optin"}, ids(url.Values{"enabledRules": {"t-optin"}, "enabledOnly": {"true"}}))
	assert.Empty(t, ids(url.Values{"enabledRules": {"UPPERCASE_SENTENCE_START"}, "enabledOnly": {"true"}}), "only unknown rules: nothing runs")
	assert.Equal(t, []string{"t-glue"}, ids(url.Values{"enabledCategories": {"SPACING"}, "enabledOnly": {"true"}}))
	assert.Equal(t, []string{"t-info", "t-boiler"}, ids(url.Values{"disabledCategories": {"SPACING,TYPOS"}}))

	assert.Equal(t, []string{"t-glue", "t-info", "t-boiler"}, ids(url.Values{"mode": {"allButTextLevelOnly"}}))
	assert.Equal(t, []string{"t-glue", "t-info", "t-boiler"}, ids(url.Values{"mode": {"all"}}))
	assert.Empty(t, ids(url.Values{"mode": {"textLevelOnly"}}), "no finding twice for clients that split the modes")

	w := postForm(s, url.Values{"text": {"a"}, "language": {"en"}, "enabledOnly": {"true"}})
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.Contains(t, w.Body.String(), "enabledOnly")
}

func TestV2Errors(t *testing.T) {
	s, _ := newTestServer(t, config{})
	cases := []struct {
		name string
		form url.Values
		msg  string
	}{
		{"unknown language", url.Values{"text": {"a"}, "language": {"de-DE"}}, "'de-DE' is not a language code known to mtcheck"},
		{"bad language", url.Values{"text": {"a"}, "language": {"xx"}}, "not a language code"},
		{"missing language", url.Values{"text": {"a"}}, "Missing 'language' parameter"},
		{"missing text", url.Values{"language": {"en"}}, "Missing 'text' or 'data' parameter"},
		{"both", url.Values{"text": {"a"}, "data": {`{"annotation":[]}`}, "language": {"en"}}, "only 'text' or 'data'"},
		{"data not JSON", url.Values{"data": {`{annotation`}, "language": {"en"}}, "could not parse JSON"},
		{"data without annotation", url.Values{"data": {`{}`}, "language": {"en"}}, "'annotation' list"},
		{"bad part", url.Values{"data": {`{"annotation":[{"foo":"x"}]}`}, "language": {"en"}}, "needs 'text' or 'markup'"},
		{"text and markup", url.Values{"data": {`{"annotation":[{"text":"x","markup":"y"}]}`}, "language": {"en"}}, "both 'text' and 'markup'"},
		{"bad mode", url.Values{"text": {"a"}, "language": {"en"}, "mode": {"fast"}}, "Mode must be one of"},
		{"invalid UTF-8", url.Values{"text": {"a\xffb"}, "language": {"en"}}, "invalid UTF-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := postForm(s, c.form)
			assert.Equal(t, http.StatusBadRequest, w.Code, w.Body.String())
			assert.Equal(t, "text/plain; charset=utf-8", w.Header().Get("Content-Type"))
			assert.True(t, strings.HasPrefix(w.Body.String(), "Error: "), w.Body.String())
			assert.Contains(t, w.Body.String(), c.msg)
		})
	}
	for _, code := range []string{"en", "EN-us", "en_GB", "auto"} {
		w := postForm(s, url.Values{"text": {"a"}, "language": {code}})
		assert.Equal(t, http.StatusOK, w.Code, code)
	}
}

func TestV2GetAndMultipart(t *testing.T) {
	s, _ := newTestServer(t, config{})
	q := url.Values{"text": {"Bad.Text"}, "language": {"en-US"}}
	w := do(s, http.MethodGet, "/v2/check?"+q.Encode(), "", nil)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Len(t, decode[ltResponse](t, w).Matches, 1)

	// Query parameters on a POST, as some clients send them.
	w = do(s, http.MethodPost, "/v2/check?"+q.Encode(), "", nil)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Len(t, decode[ltResponse](t, w).Matches, 1)

	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("text", "Bad.Text")
	mw.WriteField("language", "en-US")
	mw.Close()
	w = do(s, http.MethodPost, "/v2/check", mw.FormDataContentType(), &body)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Len(t, decode[ltResponse](t, w).Matches, 1)
}

func TestV2Languages(t *testing.T) {
	s, _ := newTestServer(t, config{})
	w := do(s, http.MethodGet, "/v2/languages", "", nil)
	require.Equal(t, http.StatusOK, w.Code)
	langs := decode[[]ltLang](t, w)
	assert.Equal(t, ltLanguages, langs)
	for _, l := range langs {
		resp := ltCheck(t, s, url.Values{"text": {"a"}, "language": {l.LongCode}})
		assert.Equal(t, l.Name, resp.Language.Name, "every listed language is accepted")
	}
}

func TestLatinShare(t *testing.T) {
	assert.Equal(t, 1.0, latinShare("Plain English, café."))
	assert.Equal(t, 0.0, latinShare("123 !?"))
	assert.Equal(t, 0.5, latinShare("ab жз"))
}

func TestIssueTypesCoverEveryCategory(t *testing.T) {
	for _, c := range mtcheck.Categories {
		found := false
		for cat := range ltIssueTypes {
			if cat == c {
				found = true
			}
		}
		assert.True(t, found, c)
		assert.NotEmpty(t, ltCategoryNames[c], c)
	}
}

// FuzzV2Data sends arbitrary annotated texts: the answer is 200 or 400,
// never a panic, and every match lies inside the original text with a
// context that holds it.
func FuzzV2Data(f *testing.F) {
	f.Add("Fire 🔥 out.The", "<b>", "\n\n", "very.Bad")
	f.Add("", "", "", "")
	f.Add("a.B", "x", "y.Z", "Share post:")
	f.Add("\xff", "\x00", "é.É", "😀.😀")
	s, err := newServer(config{All: []*mtcheck.Rule{tGlue, tBoiler, tInfo}, Default: []*mtcheck.Rule{tGlue, tBoiler, tInfo}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, a, markup, interp, b string) {
		parts := []map[string]any{{"text": a}, {"markup": markup, "interpretAs": interp}, {"text": b}, {"markup": markup}}
		data, _ := json.Marshal(map[string]any{"annotation": parts})
		w := postForm(s, url.Values{"data": {string(data)}, "language": {"en"}})
		if w.Code == http.StatusBadRequest {
			return
		}
		require.Equal(t, http.StatusOK, w.Code, w.Body.String())
		var orig string
		var dec struct {
			Annotation []ltPart `json:"annotation"`
		}
		require.NoError(t, json.Unmarshal(data, &dec))
		for _, p := range dec.Annotation {
			if p.Text != nil {
				orig += *p.Text
			} else {
				orig += *p.Markup
			}
		}
		n := len(utf16.Encode([]rune(orig)))
		for _, m := range decode[ltResponse](t, w).Matches {
			require.True(t, m.Offset >= 0 && m.Length >= 0 && m.Offset+m.Length <= n, "match %+v outside %d units", m, n)
			c := m.Context
			require.True(t, c.Offset >= 0 && c.Length >= 0 && c.Offset+c.Length <= len(utf16.Encode([]rune(c.Text))), "context %+v", c)
		}
	})
}

func TestLTReplacements(t *testing.T) {
	text := "aaa bbb ccc" + strings.Repeat(" x", 60) + " far"
	d := mtcheck.Diagnostic{Span: mtcheck.Span{Start: 4, End: 7}, Fixes: []mtcheck.Fix{
		mtcheck.ReplaceFix("upper", mtcheck.Span{Start: 4, End: 7}, "BBB", true),
		mtcheck.DeleteFix("with the space before", mtcheck.Span{Start: 3, End: 7}, true),
		mtcheck.ReplaceFix("same text", mtcheck.Span{Start: 4, End: 7}, "bbb", true),
		mtcheck.ReplaceFix("far away", mtcheck.Span{Start: len(text) - 3, End: len(text)}, "FAR", true),
		{Message: "overlapping", Edits: []mtcheck.TextEdit{{Span: mtcheck.Span{Start: 4, End: 6}}, {Span: mtcheck.Span{Start: 5, End: 7}}}},
		{Message: "no edits"},
	}}
	sp, repl := ltReplacements(text, d)
	assert.Equal(t, mtcheck.Span{Start: 3, End: 7}, sp, "widened to the nearby delete, not to the distant fix")
	assert.Equal(t, []ltReplacement{{Value: " BBB"}, {Value: ""}}, repl)
}
