package markup

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
	"github.com/mtcheck/mtcheck/mtcheck/mtchecktest"
)

var update = flag.Bool("markup.update", false, "rewrite the golden files under testdata/markup")

func readFixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "markup", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestKindFromPath(t *testing.T) {
	for path, want := range map[string]Kind{
		"a.md": Markdown, "dir/B.MARKDOWN": Markdown, "x.html": HTML, "y.HTM": HTML,
		"z.txt": Text, "noext": Text, "a.md.txt": Text,
	} {
		if got := KindFromPath(path); got != want {
			t.Errorf("KindFromPath(%q) = %v, want %v", path, got, want)
		}
	}
	for _, s := range []string{"text", "markdown", "md", "html"} {
		k, err := ParseKind(s)
		if err != nil || (k.String() != s && !(s == "md" && k == Markdown)) {
			t.Errorf("ParseKind(%q) = %v, %v", s, k, err)
		}
	}
	if _, err := ParseKind("rst"); err == nil {
		t.Error("ParseKind(rst) succeeded")
	}
}

// TestQuiet checks that artefacts in code, URLs, attributes, front matter,
// comments and skipped elements are not flagged, and that removing markup
// makes no spacing or glue findings of its own.
func TestQuiet(t *testing.T) {
	for _, name := range []string{"quiet.md", "quiet.html"} {
		t.Run(name, func(t *testing.T) {
			src := readFixture(t, name)
			x, err := Extract(KindFromPath(name), src)
			if err != nil {
				t.Fatal(err)
			}
			if err := x.checkInvariants(); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(x.Text, "teh") || strings.Contains(x.Text, "a.B") {
				t.Errorf("check text holds non-prose artefacts:\n%s", x.Text)
			}
			rep := check(t, KindFromPath(name), src)
			if len(rep.Diagnostics) > 0 {
				t.Errorf("unexpected findings: %s\ncheck text:\n%s", describe(src, rep), x.Text)
			}
		})
	}
}

// expectation is a flagged text in brackets inside a unique context, e.g.
// "Heading [teh]".
type expectation struct {
	rule, marked string
}

// locate returns the source span of the bracketed part of e.marked.
func (e expectation) locate(t *testing.T, src string) mtcheck.Span {
	t.Helper()
	open, close := strings.IndexByte(e.marked, '['), strings.LastIndexByte(e.marked, ']')
	plain := e.marked[:open] + e.marked[open+1:close] + e.marked[close+1:]
	i := strings.Index(src, plain)
	if i < 0 || strings.Count(src, plain) != 1 {
		t.Fatalf("context %q must occur once in the source", plain)
	}
	return mtcheck.Span{Start: i + open, End: i + close - 1}
}

// lineCol computes a 1-based line and rune column independently of
// mtcheck.Document.
func lineCol(src string, off int) (int, int) {
	line := 1 + strings.Count(src[:off], "\n")
	ls := strings.LastIndexByte(src[:off], '\n') + 1
	return line, utf8.RuneCountInString(src[ls:off]) + 1
}

func checkExpectations(t *testing.T, src string, rep *mtcheck.Report, wants []expectation) {
	t.Helper()
	found := make([]bool, len(rep.Diagnostics))
	for _, w := range wants {
		sp := w.locate(t, src)
		ok := false
		for i, d := range rep.Diagnostics {
			if !found[i] && d.Rule == w.rule && d.Span == sp {
				found[i], ok = true, true
				pos := rep.Position(d.Start)
				line, col := lineCol(src, sp.Start)
				if pos.Line != line || pos.Column != col {
					t.Errorf("%s %q: position %d:%d, want %d:%d", w.rule, w.marked, pos.Line, pos.Column, line, col)
				}
				break
			}
		}
		if !ok {
			t.Errorf("missing %s %q at %v (got %s)", w.rule, w.marked, sp, describe(src, rep))
		}
	}
	for i, d := range rep.Diagnostics {
		if !found[i] {
			pos := rep.Position(d.Start)
			t.Errorf("unexpected %s %q at %d:%d", d.Rule, src[d.Start:d.End], pos.Line, pos.Column)
		}
	}
}

func TestFlaggedMarkdown(t *testing.T) {
	src := readFixture(t, "flagged.md")
	rep := check(t, Markdown, src)
	checkExpectations(t, src, rep, []expectation{
		{"teh", "Heading with [teh]"},
		{"teh", "first item has [teh]"},
		{"glue", "second item [ends.Then]"},
		{"teh", "cell with [teh]"},
		{"teh", "link text with [teh]"},
		{"teh", "emphasis [teh]"},
		{"teh", "strong [teh]"},
		{"teh", "quote holds [teh]"},
		{"glue", "a [line.Wrapped]"},
		{"teh", "Caf&eacute; [teh]"},
		{"glue", "[r&eacute;sum&eacute;.Next]"},
		{"teh", "footnote holds [teh]"},
	})
}

func TestFlaggedHTML(t *testing.T) {
	src := readFixture(t, "flagged.html")
	rep := check(t, HTML, src)
	checkExpectations(t, src, rep, []expectation{
		{"teh", "Title with [teh]"},
		{"teh", "Heading [teh]"},
		{"glue", "Second [starts.Here]"},
		{"teh", "item [teh]"},
		{"teh", "cell [teh]"},
		{"teh", "Caf&eacute; [teh]"},
		{"teh", "&amp;&nbsp;[teh]"},
		{"glue", "[r&#233;sum&eacute;.Next]"},
		{"teh", "&rsquo;[teh]&#8217;"},
		{"glue", "[line.Two]"},
		{"teh", "quoted [teh]"},
	})
}

// TestEntities checks decoding and the mapping of spans and edits around
// character references and escapes.
func TestEntities(t *testing.T) {
	src := "<p>AT&amp;T caf&eacute; &#x2019;x&NotEqualTilde;y &copy 2024 &bogus; a&lt;b</p>"
	x, err := Extract(HTML, src)
	if err != nil {
		t.Fatal(err)
	}
	want := "AT&T café \u2019x\u2242\u0338y © 2024 &bogus; a<b"
	if x.Text != want {
		t.Fatalf("check text %q, want %q", x.Text, want)
	}
	if err := x.checkInvariants(); err != nil {
		t.Fatal(err)
	}
	// "café" spans the entity whole.
	i := strings.Index(x.Text, "café")
	if got := x.SourceSpan(mtcheck.Span{Start: i, End: i + len("café")}); src[got.Start:got.End] != "caf&eacute;" {
		t.Errorf("café maps to %q", src[got.Start:got.End])
	}
	// A span ending inside a two-rune reference grows to cover it.
	j := strings.Index(x.Text, "\u2242")
	if got := x.SourceSpan(mtcheck.Span{Start: j - 1, End: j + len("\u2242")}); src[got.Start:got.End] != "x&NotEqualTilde;" {
		t.Errorf("partial reference maps to %q", src[got.Start:got.End])
	}
	// An edit cutting the reference is refused; one covering it is mapped.
	if _, ok := x.mapEdit(mtcheck.TextEdit{Span: mtcheck.Span{Start: j, End: j + len("\u2242")}, NewText: "="}); ok {
		t.Error("edit cutting through &NotEqualTilde; was accepted")
	}
	whole := mtcheck.Span{Start: j, End: j + len("\u2242\u0338")}
	if e, ok := x.mapEdit(mtcheck.TextEdit{Span: whole, NewText: "≠"}); !ok || src[e.Start:e.End] != "&NotEqualTilde;" {
		t.Errorf("edit over the whole reference: %v %v", e, ok)
	}
	// Replacement text is escaped for HTML.
	k := strings.Index(x.Text, "a<b")
	if e, ok := x.mapEdit(mtcheck.TextEdit{Span: mtcheck.Span{Start: k, End: k + 1}, NewText: "x&y"}); !ok || e.NewText != "x&amp;y" {
		t.Errorf("escaped edit: %+v %v", e, ok)
	}

	md := "Fish \\& chips \\*not emphasis\\* &amp; caf&eacute; AT&T &nbsp x\n"
	xm, err := Extract(Markdown, md)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Fish & chips *not emphasis* & café AT&T &nbsp x"; xm.Text != want {
		t.Errorf("markdown check text %q, want %q", xm.Text, want)
	}
	if err := xm.checkInvariants(); err != nil {
		t.Fatal(err)
	}
}

// TestNoGlueAcrossMarkup shows the design choice: inline markup is removed,
// not blanked, so the check text reads like the rendered text.
func TestNoGlueAcrossMarkup(t *testing.T) {
	for _, c := range []struct {
		kind       Kind
		src, text  string
		fixed      string
		flagged    string
		diagnostic string
	}{
		{Markdown, "It ended.**But** not here.\n", "It ended.But not here.", "It ended. **But** not here.\n", "ended.**But", "glue"},
		{Markdown, "It **ended**.But not here.\n", "It ended.But not here.", "It **ended**. But not here.\n", "ended**.But", "glue"},
		{Markdown, "See [the end.](u)Then more.\n", "See the end.Then more.", "See [the end.](u) Then more.\n", "end.](u)Then", "glue"},
		{Markdown, "*a.*_B_ c\n", "a.B c", "*a.* _B_ c\n", "a.*_B", "glue"},
		{HTML, "<p>It ended.<b>But</b> not</p>", "It ended.But not", "<p>It ended. <b>But</b> not</p>", "ended.<b>But", "glue"},
		{HTML, "<p>It <i>ended.</i>But not</p>", "It ended.But not", "<p>It <i>ended.</i> But not</p>", "ended.</i>But", "glue"},
		{Markdown, "The the **the** end.\n", "The the the end.", "The **the** end.\n", "The the", "repeat"},
	} {
		x, err := Extract(c.kind, c.src)
		if err != nil {
			t.Fatal(err)
		}
		if x.Text != c.text {
			t.Errorf("%q: check text %q, want %q", c.src, x.Text, c.text)
		}
		rep := check(t, c.kind, c.src)
		if len(rep.Diagnostics) == 0 {
			t.Errorf("%q: no finding", c.src)
			continue
		}
		d := rep.Diagnostics[0]
		if d.Rule != c.diagnostic || c.src[d.Start:d.End] != c.flagged {
			t.Errorf("%q: first finding %s %q, want %s %q", c.src, d.Rule, c.src[d.Start:d.End], c.diagnostic, c.flagged)
		}
		if got := mtcheck.ApplyFixes(c.src, rep.Diagnostics, true).Text; got != c.fixed {
			t.Errorf("%q: fixed %q, want %q", c.src, got, c.fixed)
		}
	}
}

// TestFixCuttingMarkupDropped: a fix whose edit would delete markup is
// dropped, the finding stays.
func TestFixCuttingMarkupDropped(t *testing.T) {
	src := "Say it the **the** again.\n"
	rep := check(t, Markdown, src, repeatRule)
	if len(rep.Diagnostics) != 1 {
		t.Fatalf("findings: %s", describe(src, rep))
	}
	d := rep.Diagnostics[0]
	if src[d.Start:d.End] != "the **the" {
		t.Errorf("span %q", src[d.Start:d.End])
	}
	if len(d.Related) != 1 || src[d.Related[0].Start:d.Related[0].End] != "the" || d.Related[0].Start != strings.Index(src, "the") {
		t.Errorf("related %v", d.Related)
	}
	if len(d.Fixes) != 0 {
		t.Errorf("fix deleting \" **the\" across markup kept: %+v", d.Fixes)
	}
}

// TestGolden fixes whole documents and compares with golden files; the
// fixed documents must keep their markup and check clean.
func TestGolden(t *testing.T) {
	for _, name := range []string{"fix.md", "fix.html", "fix.txt"} {
		t.Run(name, func(t *testing.T) {
			src := readFixture(t, name)
			kind := KindFromPath(name)
			rep := check(t, kind, src)
			if len(rep.Diagnostics) == 0 {
				t.Fatal("fixture has no findings")
			}
			fixed := mtcheck.ApplyFixes(src, rep.Diagnostics, true)
			if len(fixed.Skipped) > 0 {
				t.Errorf("skipped fixes: %+v", fixed.Skipped)
			}
			golden := filepath.Join("..", "..", "testdata", "markup", name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(fixed.Text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if fixed.Text != string(want) {
				t.Errorf("fixed text differs from %s:\n%s", golden, fixed.Text)
			}
			for _, m := range []string{"**", "_", "`", "[", "](", "<", ">", "&", "|", "#"} {
				if strings.Count(src, m) != strings.Count(fixed.Text, m) {
					t.Errorf("markup %q: %d in source, %d after fixing", m, strings.Count(src, m), strings.Count(fixed.Text, m))
				}
			}
			again := check(t, kind, fixed.Text)
			if len(again.Diagnostics) > 0 {
				t.Errorf("fixed text still has findings: %s", describe(fixed.Text, again))
			}
		})
	}
}

func TestInvalidInput(t *testing.T) {
	c := newChecker(t)
	for _, k := range []Kind{Text, Markdown, HTML} {
		if _, err := Check(context.Background(), c, k, "bad \xff byte"); err == nil {
			t.Errorf("%v: invalid UTF-8 accepted", k)
		}
		rep, err := Check(context.Background(), c, k, "")
		if err != nil || len(rep.Diagnostics) != 0 || rep.Words != 0 {
			t.Errorf("%v: empty document: %v %v", k, rep, err)
		}
	}
}

// TestPlainText: plain text is checked as it is.
func TestPlainText(t *testing.T) {
	src := "Plain text keeps **teh** markup-like `teh` and a.Bc glue.\n"
	x, err := Extract(Text, src)
	if err != nil {
		t.Fatal(err)
	}
	if x.Text != src {
		t.Errorf("plain text changed: %q", x.Text)
	}
	rep := check(t, Text, src)
	if n := len(rep.Diagnostics); n != 3 {
		t.Errorf("want 3 findings, got %s", describe(src, rep))
	}
}

// TestTextIsIdentity: plain text without suppression comments is checked
// exactly as the checker would check it directly (the shared seed article
// when present, else a fixture).
func TestTextIsIdentity(t *testing.T) {
	src := readFixture(t, "fix.txt")
	if p := mtchecktest.SeedPath(); p != "" {
		src = mtchecktest.Seed(t)
	}
	c := newChecker(t)
	direct, err := c.Check(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	x, err := Extract(Text, src)
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Directives) > 0 {
		t.Skip("text has suppression comments")
	}
	via, err := Check(context.Background(), c, Text, src)
	if err != nil {
		t.Fatal(err)
	}
	if len(via.Diagnostics) != len(direct.Diagnostics) || via.Words != direct.Words || via.Score != direct.Score {
		t.Fatalf("via markup: %d findings, %d words, score %.2f; direct: %d, %d, %.2f",
			len(via.Diagnostics), via.Words, via.Score, len(direct.Diagnostics), direct.Words, direct.Score)
	}
	t.Logf("%d findings, %d words", len(via.Diagnostics), via.Words)
	for i := range via.Diagnostics {
		a, b := via.Diagnostics[i], direct.Diagnostics[i]
		if a.Span != b.Span || a.Rule != b.Rule || len(a.Fixes) != len(b.Fixes) {
			t.Errorf("finding %d: %v %s vs %v %s", i, a.Span, a.Rule, b.Span, b.Rule)
		}
	}
}

func TestCRLF(t *testing.T) {
	src := "# Head teh\r\n\r\nPara teh\r\nline two.Three\r\n\r\n- item teh\r\n"
	x, err := Extract(Markdown, src)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(x.Text, "\r") {
		t.Errorf("check text keeps carriage returns: %q", x.Text)
	}
	rep := check(t, Markdown, src)
	checkExpectations(t, src, rep, []expectation{
		{"teh", "Head [teh]"}, {"teh", "Para [teh]"}, {"glue", "line [two.Three]"}, {"teh", "item [teh]"},
	})
	html := "<p>Para teh\r\n  line two.Three</p>\r\n<p>x</p>"
	rep = check(t, HTML, html)
	checkExpectations(t, html, rep, []expectation{{"teh", "Para [teh]"}, {"glue", "line [two.Three]"}})
}

// dropRule deletes every paragraph that reads "Drop this." together with the
// blank lines after it, as line- and paragraph-deleting rules do.
var dropRule = &mtcheck.Rule{
	Name:     "drop",
	Category: mtcheck.Boilerplate,
	Run: func(p *mtcheck.Pass) error {
		text := p.Text()
		paras := p.Doc.Paragraphs()
		for i, para := range paras {
			if text[para.Start:para.End] != "Drop this." {
				continue
			}
			end := len(text)
			if i+1 < len(paras) {
				end = paras[i+1].Start
			}
			p.Reportf(para, 1, []mtcheck.Fix{mtcheck.DeleteFix("delete the paragraph", mtcheck.Span{Start: para.Start, End: end}, true)}, "scraper residue")
		}
		return nil
	},
}

func TestBlockDeletion(t *testing.T) {
	for _, c := range []struct {
		kind       Kind
		src, fixed string
	}{
		{Markdown, "Keep.\n\n**Drop** this.\n\nKeep too.\n", "Keep.\n\nKeep too.\n"},
		{Markdown, "# Title\n\n## Drop *this*.\n\nText.\n", "# Title\n\nText.\n"},
		{Markdown, "Drop this.\n==========\n\nText.\n", "Text.\n"},
		{Markdown, "- one\n- Drop [this](u).\n- three\n", "- one\n- three\n"},
		{Markdown, "> Quote.\n>\n> Drop this.\n\nAfter.\n", "> Quote.\n>\nAfter.\n"},
		{Markdown, "| a | b |\n|---|---|\n| Drop this. | c |\n", "| a | b |\n|---|---|\n| | c |\n"},
		{Markdown, "Text.\n\n    code\n\nDrop this.\n", "Text.\n\n    code\n\n"},
		{HTML, "<p>Keep.</p>\n<p><b>Drop</b> this.</p>\n<p>Keep too.</p>", "<p>Keep.</p>\n<p>Keep too.</p>"},
		{HTML, "<ul>\n  <li>one</li>\n  <li>Drop <i>this</i>.</li>\n  <li>three</li>\n</ul>", "<ul>\n  <li>one</li>\n  <li>three</li>\n</ul>"},
		{HTML, "<div>Drop this.<p>Keep.</p></div>", "<div>Drop this.<p>Keep.</p></div>"},
	} {
		rep := check(t, c.kind, c.src, dropRule)
		if len(rep.Diagnostics) != 1 {
			t.Errorf("%q: findings %s", c.src, describe(c.src, rep))
			continue
		}
		if got := mtcheck.ApplyFixes(c.src, rep.Diagnostics, true).Text; got != c.fixed {
			t.Errorf("%q: fixed to %q, want %q", c.src, got, c.fixed)
		}
		// A finding covering a whole block starts with its opening markup.
		d := rep.Diagnostics[0]
		for _, whole := range []string{"**Drop** this.", "<b>Drop</b> this."} {
			if strings.Contains(c.src, whole) && c.src[d.Start:d.End] != whole {
				t.Errorf("%q: finding covers %q, want %q", c.src, c.src[d.Start:d.End], whole)
			}
		}
	}
}

// textCase is a source and the check text Extract must make of it.
type textCase struct {
	kind      Kind
	src, text string
}

// extractTexts extracts each case's source and checks its text and the
// extraction's invariants.
func extractTexts(t *testing.T, cases []textCase) {
	t.Helper()
	for _, c := range cases {
		x, err := Extract(c.kind, c.src)
		if err != nil {
			t.Fatal(err)
		}
		if x.Text != c.text {
			t.Errorf("%q: check text %q, want %q", c.src, x.Text, c.text)
		}
		if err := x.checkInvariants(); err != nil {
			t.Error(err)
		}
	}
}

func TestByteOrderMark(t *testing.T) {
	extractTexts(t, []textCase{
		{Markdown, "\ufeff---\ntitle: x\n---\n# Head\n", "Head"},
		{Markdown, "\ufeffPlain *text*.\n", "Plain text."},
		{HTML, "\ufeff<p>Para</p>", "Para"},
	})
}

// TestConcurrent checks documents from many goroutines at once (run with
// -race): the Markdown parser and the Checker are shared.
func TestConcurrent(t *testing.T) {
	c := newChecker(t)
	docs := map[Kind]string{Markdown: readFixture(t, "flagged.md"), HTML: readFixture(t, "flagged.html")}
	want := map[Kind]int{}
	for k, src := range docs {
		want[k] = len(check(t, k, src).Diagnostics)
	}
	done := make(chan error)
	for i := range 8 {
		go func() {
			var err error
			for range 20 {
				k := Kind(1 + i%2)
				rep, e := Check(context.Background(), c, k, docs[k])
				if e == nil && len(rep.Diagnostics) != want[k] {
					e = fmt.Errorf("%v: %d findings, want %d", k, len(rep.Diagnostics), want[k])
				}
				if e != nil {
					err = e
				}
			}
			done <- err
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// TestNotProse: links into the same page (tables of contents) stand as
// placeholders, and blocks without letters are left out.
func TestNotProse(t *testing.T) {
	extractTexts(t, []textCase{
		{Markdown, "- [Getting started](#getting-started)\n\n## Getting started\n", "linkgauov\n\nGetting started"},
		{HTML, `<ul><li><a href="#intro">Intro</a></li></ul><h2 id="intro">Intro</h2><p>See <a href="/x">this</a>.</p>`, "linkbdsvu\n\nIntro\n\nSee this."},
		{Markdown, "| Key | Action |\n|---|---|\n| [ | back |\n| 42 | ( |\n", "Key\n\nAction\n\nback"},
		{HTML, "<p>Text.</p><p>&#8220;</p><p>More.</p>", "Text.\n\nMore."},
	})
}

// TestNoNewBlockMarkers: a space inserted after "2024." or "#" at the start
// of a Markdown line would make a list item or a heading: that fix is
// dropped.
func TestNoNewBlockMarkers(t *testing.T) {
	for _, src := range []string{"2024.Then it rained.\n", "a.Bc is fine.\n"} {
		x, err := Extract(Markdown, src)
		if err != nil {
			t.Fatal(err)
		}
		i := strings.IndexByte(x.Text, '.') + 1
		_, ok := x.mapEdit(mtcheck.TextEdit{Span: mtcheck.Span{Start: i, End: i}, NewText: " "})
		if want := strings.HasPrefix(src, "a"); ok != want {
			t.Errorf("%q: insertion accepted = %v, want %v", src, ok, want)
		}
	}
}
