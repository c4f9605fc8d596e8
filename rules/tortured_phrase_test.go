package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/mtchecktest"
)

func TestTorturedPhrasePositive(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/tortured-phrase/positive.txt", TorturedPhrase)
}

func TestTorturedPhraseNegative(t *testing.T) {
	mtchecktest.Run(t, "../testdata/rules/tortured-phrase/negative.txt", TorturedPhrase)
}

func TestTorturedPhraseSeed(t *testing.T) {
	seed := mtchecktest.Seed(t)
	for _, d := range mtchecktest.Check(t, seed, TorturedPhrase).Diagnostics {
		t.Errorf("unexpected %q: %s", d.Span.Text(seed), d.Message)
	}
}

func TestTorturedPhraseClean(t *testing.T) {
	mtchecktest.RunAll(t, "../testdata/clean/*.txt", TorturedPhrase)
}

func TestTorturedBuiltinParses(t *testing.T) {
	entries, err := ParseTorturedList(strings.NewReader(tphTable), "built-in")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 100 {
		t.Errorf("built-in table has %d entries, want at least 100", len(entries))
	}
	if got := len(TorturedBuiltin()); got != len(entries) {
		t.Errorf("TorturedBuiltin returned %d entries, want %d", got, len(entries))
	}
	if _, err := tphCompile(entries); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		// No phrase may contain another's expected term: fixing must not
		// create a new match.
		for _, o := range entries {
			if strings.Contains(" "+tphKey(o.Expected)+" ", " "+tphKey(e.Phrase)+" ") {
				t.Errorf("phrase %q occurs in expected term %q", e.Phrase, o.Expected)
			}
		}
	}
}

func TestParseTorturedList(t *testing.T) {
	in := "\uFEFF# my list\n\nfoo bar → baz qux\n  [medicine]  grim reaper -> death  \nalpha-beta gamma→delta\n"
	got, err := ParseTorturedList(strings.NewReader(in), "mine.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := []TorturedEntry{
		{Phrase: "foo bar", Expected: "baz qux", Source: "mine.txt:3"},
		{Phrase: "grim reaper", Expected: "death", Context: "medicine", Source: "mine.txt:4"},
		{Phrase: "alpha-beta gamma", Expected: "delta", Source: "mine.txt:5"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d entries %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestParseTorturedListErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"foo bar baz\n", `f.txt:1: no "→" or "->"`},
		{"ok → fine\n → nothing\n", "f.txt:2: empty tortured phrase"},
		{"foo →  \n", `f.txt:1: no expected term for "foo"`},
		{"[weather] rain cats → downpour\n", `f.txt:1: unknown domain "weather"`},
		{"[computing rain → x\n", `f.txt:1: unclosed "["`},
		{"a.b → c\n", `f.txt:1: phrase "a.b": '.' is not allowed`},
		{"Big Data → big data\n", "f.txt:1: phrase \"Big Data\" is the same as its expected term"},
		{"x y → z\n# c\nX  Y → w\n", `f.txt:3: phrase "X  Y" already listed on line 1`},
		{"a → b → c\n", "f.txt:1: more than one arrow"},
	} {
		_, err := ParseTorturedList(strings.NewReader(tc.in), "f.txt")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseTorturedList(%q) error = %v, want it to contain %q", tc.in, err, tc.want)
		}
	}
}

func TestTorturedPhraseListsOption(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	if err := os.WriteFile(good, []byte("# house list\nsolid state disk -> solid-state drive\nirregular woodland → RANDOM FOREST\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := mtcheck.Config{Rules: map[string]mtcheck.RuleConfig{"tortured-phrase": {Options: map[string]any{"lists": []any{good}}}}}
	text := "The solid state disk held the irregular woodland model and the colossal information."
	rep := mtchecktest.CheckConfig(t, cfg, text, TorturedPhrase)
	var got []string
	for _, d := range rep.Diagnostics {
		got = append(got, d.Span.Text(text)+"="+d.Fixes[0].Edits[len(d.Fixes[0].Edits)-1].NewText)
	}
	want := "solid state disk=solid-state drive|irregular woodland=RANDOM FOREST|colossal information=big data"
	if strings.Join(got, "|") != want {
		t.Errorf("got %v, want %s", got, want)
	}

	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, []byte("fine → good\nno arrow here\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{bad, "bad.txt:2: no \"→\""},
		{filepath.Join(dir, "missing.txt"), "missing.txt"},
	} {
		cfg := mtcheck.Config{Rules: map[string]mtcheck.RuleConfig{"tortured-phrase": {Options: map[string]any{"lists": []any{tc.path}}}}}
		_, err := mtcheck.New([]*mtcheck.Rule{TorturedPhrase}, mtcheck.WithConfig(cfg))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "tortured-phrase") {
			t.Errorf("lists %s: error = %v, want one naming the rule and %q", tc.path, err, tc.want)
		}
	}
}

func TestNewTorturedPhrase(t *testing.T) {
	r := NewTorturedPhrase([]TorturedEntry{{Phrase: "kingdom of the sea", Expected: "naval power"}, {Phrase: "grim reaper", Expected: "death", Context: "medicine"}})
	text := "Counterfeit consciousness aside, the Kingdom of the Sea ruled. The grim reaper came.\n\nThe patient with chronic disease met the grim reaper."
	rep := mtchecktest.Check(t, text, r)
	got := mtchecktest.Flagged(t, text, r)
	if strings.Join(got, "|") != "Kingdom of the Sea|grim reaper" || rep.Diagnostics[1].Start < strings.Index(text, "patient") {
		t.Errorf("got %q", got)
	}
	if _, err := mtcheck.New([]*mtcheck.Rule{NewTorturedPhrase([]TorturedEntry{{Phrase: "x", Expected: ""}})}); err == nil {
		t.Error("an entry without an expected term was accepted")
	}
}

func TestTorturedPhraseCase(t *testing.T) {
	for _, tc := range []struct{ got, exp, want string }{
		{"profound learning", "deep learning", "deep learning"},
		{"Profound learning", "deep learning", "Deep learning"},
		{"Profound Learning", "deep learning", "Deep Learning"},
		{"PROFOUND LEARNING", "deep learning", "DEEP LEARNING"},
		{"Joined Realm", "United Kingdom", "United Kingdom"},
		{"parkinson's illness", "Parkinson's disease", "Parkinson's disease"},
	} {
		if got := tphCase(tc.got, tc.exp); got != tc.want {
			t.Errorf("tphCase(%q, %q) = %q, want %q", tc.got, tc.exp, got, tc.want)
		}
	}
}

func BenchmarkTorturedPhrase(b *testing.B) {
	mtchecktest.Bench(b, lexBenchText(), TorturedPhrase)
}

// lexBenchText returns about 1 MB of mostly clean English with some damage.
func lexBenchText() string {
	para := "The committee met on Monday to discuss the budget, and officials said the talks had been useful. " +
		"Researchers trained a profound neural organization on the data, while critics called it a profound learning experience. " +
		"Prices rose 3 percent in the capital, where the minister said it was too early to judge — “we will see”, she added. " +
		"Café owners in Zürich and São Paulo reported a quiet season; the forecast calls for rain.\n\n"
	return strings.Repeat(para, 1<<20/len(para)+1)
}
