package main

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/format"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const v1Text = "The fire was very big.Crews came at night.\nShare post:\nzzz end."

func TestV1CheckMatchesTheLinterJSON(t *testing.T) {
	s, _ := newTestServer(t, config{})
	w := postJSON(s, map[string]any{"text": v1Text})
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Equal(t, "application/json", w.Header().Get("Content-Type"))

	// The same text through a checker and the json formatter's helper.
	all, def := testRules()
	c, err := mtcheck.New(def, mtcheck.WithRegistry(all))
	require.NoError(t, err)
	rep, err := c.Check(context.Background(), v1Text)
	require.NoError(t, err)
	want, err := json.Marshal(format.NewJSONFile(format.Result{Path: v1TextName, Report: rep}))
	require.NoError(t, err)
	assert.JSONEq(t, string(want), w.Body.String())

	got := decode[format.JSONFile](t, w)
	rules := []string{}
	for _, d := range got.Diagnostics {
		rules = append(rules, d.Rule)
	}
	assert.Equal(t, []string{"t-info", "t-glue", "t-boiler"}, rules, "t-optin is opt-in")
	assert.Equal(t, 21, got.Diagnostics[1].Column, "columns count characters")
}

func TestV1PathAndType(t *testing.T) {
	s, _ := newTestServer(t, config{})
	for _, typ := range []string{"", "txt", "TXT", "text", "plain"} {
		w := postJSON(s, map[string]any{"text": "a.B", "type": typ, "path": "story.txt"})
		require.Equal(t, http.StatusOK, w.Code, "type %q: %s", typ, w.Body.String())
		got := decode[format.JSONFile](t, w)
		assert.Equal(t, "story.txt", got.Path)
		assert.Len(t, got.Diagnostics, 1)
	}
	w := postJSON(s, map[string]any{"text": "a.B", "type": "docx"})
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.Contains(t, w.Body.String(), "docx")
}

// TestV1Markup checks Markdown and HTML: the prose is checked, markup and
// code are not, and offsets point into the source.
func TestV1Markup(t *testing.T) {
	s, _ := newTestServer(t, config{})
	cases := []struct {
		name, typ, path, src string
		want                 []string
	}{
		{"markdown by type", "md", "", "# A very *good*.Title\n\n`very.Bad` is code.\n", []string{"very", "d*.T"}},
		{"markdown by extension", "", "notes/post.md", "Some **very** tired.Crew\n\n```\nvery.Bad\n```\n", []string{"very", "d.C"}},
		{"html", "html", "", "<p>It was <b>very</b> late.Then</p><script>very.Bad()</script>", []string{"very", "e.T"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := postJSON(s, map[string]any{"text": c.src, "type": c.typ, "path": c.path})
			require.Equal(t, http.StatusOK, w.Code, w.Body.String())
			var got []string
			for _, d := range decode[format.JSONFile](t, w).Diagnostics {
				got = append(got, c.src[d.Start:d.End])
			}
			assert.Equal(t, c.want, got)
		})
	}
}

func TestV1SuppressionComments(t *testing.T) {
	s, _ := newTestServer(t, config{})
	text := "<!-- mtcheck-disable t-glue -->\nBad.Text is very bad.\n"
	w := postJSON(s, map[string]any{"text": text})
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	var rules []string
	for _, d := range decode[format.JSONFile](t, w).Diagnostics {
		rules = append(rules, d.Rule)
	}
	assert.Equal(t, []string{"t-info"}, rules, "suppression comments switch rules off")
}

func TestV1RuleSelection(t *testing.T) {
	s, _ := newTestServer(t, config{})
	rulesOf := func(sel map[string]any) []string {
		t.Helper()
		w := postJSON(s, map[string]any{"text": v1Text, "rules": sel})
		require.Equal(t, http.StatusOK, w.Code, w.Body.String())
		var out []string
		for _, d := range decode[format.JSONFile](t, w).Diagnostics {
			out = append(out, d.Rule)
		}
		return out
	}
	assert.Equal(t, []string{"t-glue"}, rulesOf(map[string]any{"only": []string{"t-glue"}}))
	assert.Equal(t, []string{"t-info", "t-boiler"}, rulesOf(map[string]any{"disable": []string{"t-glue"}}))
	assert.Equal(t, []string{"t-info", "t-glue", "t-boiler", "t-optin"}, rulesOf(map[string]any{"enable": []string{"t-optin"}}))
	assert.Equal(t, []string{"t-boiler"}, rulesOf(map[string]any{"only": []string{"t-glue", "t-boiler"}, "disable": []string{"t-glue"}}))
	assert.Empty(t, rulesOf(map[string]any{"only": []string{"t-glue"}, "disable": []string{"t-glue"}}), "nothing left to run")

	w := postJSON(s, map[string]any{"text": "x", "rules": map[string]any{"enable": []string{"no-such-rule"}}})
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.Contains(t, w.Body.String(), `unknown rule \"no-such-rule\"`)
}

func TestV1CheckerCacheBuildsOncePerSelection(t *testing.T) {
	s, _ := newTestServer(t, config{CheckerCache: 2})
	send := func(sel map[string]any) {
		t.Helper()
		w := postJSON(s, map[string]any{"text": "a.B", "rules": sel})
		require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	}
	builds := func() int {
		s.checkers.mu.Lock()
		defer s.checkers.mu.Unlock()
		return s.checkers.builds
	}
	send(map[string]any{})
	assert.Equal(t, 0, builds(), "the base checker is shared, never rebuilt")
	send(map[string]any{"only": []string{"t-glue", "t-info"}})
	send(map[string]any{"only": []string{"t-info", "t-glue", "t-info"}})
	assert.Equal(t, 1, builds(), "the same selection in another order reuses its checker")
	send(map[string]any{"disable": []string{"t-info"}})
	send(map[string]any{"enable": []string{"t-optin"}})
	assert.Equal(t, 3, builds())
	assert.Equal(t, 2, s.checkers.len(), "the cache is bounded")
	send(map[string]any{"enable": []string{"t-optin"}}) // most recent: kept
	assert.Equal(t, 3, builds())
	send(map[string]any{"only": []string{"t-glue", "t-info"}}) // evicted: rebuilt
	assert.Equal(t, 4, builds())
}

func TestV1MinConfidence(t *testing.T) {
	s, _ := newTestServer(t, config{})
	all := decode[format.JSONFile](t, postJSON(s, map[string]any{"text": v1Text}))
	some := decode[format.JSONFile](t, postJSON(s, map[string]any{"text": v1Text, "minConfidence": 0.6}))
	require.Len(t, all.Diagnostics, 3)
	require.Len(t, some.Diagnostics, 2, "t-info (0.5) is dropped")
	assert.Less(t, *some.Penalty, *all.Penalty, "the score is recomputed without the dropped finding")
	for _, bad := range []any{-0.1, 1.5, "high"} {
		w := postJSON(s, map[string]any{"text": "x", "minConfidence": bad})
		assert.Equal(t, http.StatusBadRequest, w.Code, "%v", bad)
	}
}

func TestV1BadRequests(t *testing.T) {
	s, _ := newTestServer(t, config{})
	cases := []struct {
		name, ct, body string
		status         int
		msg            string
	}{
		{"malformed", "application/json", `{"text": "abc"`, 400, "bad JSON"},
		{"not an object", "application/json", `["abc"]`, 400, "bad JSON"},
		{"unknown field", "application/json", `{"text":"abc","confidence":0.5}`, 400, "unknown field"},
		{"trailing data", "application/json", `{"text":"abc"} {"text":"x"}`, 400, "data after"},
		{"missing text", "application/json", `{"type":"txt"}`, 400, `missing \"text\"`},
		{"NUL byte", "application/json", `{"text":"a\u0000b"}`, 400, "NUL byte at offset 1"},
		{"form body", "application/x-www-form-urlencoded", `text=abc`, 415, "application/json"},
		{"rules not an object", "application/json", `{"text":"a","rules":["t-glue"]}`, 400, "bad JSON"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := do(s, http.MethodPost, "/v1/check", c.ct, strings.NewReader(c.body))
			assert.Equal(t, c.status, w.Code, w.Body.String())
			assert.Equal(t, "application/json", w.Header().Get("Content-Type"))
			body := decode[map[string]any](t, w)
			assert.Contains(t, body["error"], strings.ReplaceAll(c.msg, `\"`, `"`))
			assert.NotEmpty(t, body["requestId"])
		})
	}
	w := do(s, http.MethodGet, "/v1/check", "", nil)
	assert.Equal(t, http.StatusMethodNotAllowed, w.Code)
	assert.Equal(t, "POST", w.Header().Get("Allow"))
	w = do(s, http.MethodGet, "/nope", "", nil)
	assert.Equal(t, http.StatusNotFound, w.Code)
}

func TestHealthz(t *testing.T) {
	s, _ := newTestServer(t, config{MaxInflight: 3})
	w := do(s, http.MethodGet, "/healthz", "", nil)
	require.Equal(t, http.StatusOK, w.Code)
	h := decode[map[string]any](t, w)
	assert.Equal(t, "ok", h["status"])
	assert.Equal(t, format.Version, h["version"])
	assert.EqualValues(t, 4, h["rules"])
	assert.EqualValues(t, 3, h["maxInflight"])
	assert.EqualValues(t, 0, h["inflight"])
}
