package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// Boilerplate flags whole lines that scrapers and content management systems
// leave in an article: "Source link …", "The post … appeared first on …",
// comment-form prompts, share and related-posts headers, translator UI text,
// caption shortcodes and ad scripts.
var Boilerplate = &mtcheck.Rule{
	Name: "boilerplate",
	Doc: "scraper and CMS residue such as \"Source link …\" or \"Please enter your comment!\"\n" +
		"Only whole lines (or shortcodes at a line's edge) match, never words inside running " +
		"prose. A related-posts header also flags the teaser block under it (headlines and " +
		"snippets ending in \"...\"), at lower confidence and without a safe fix.",
	Category: mtcheck.Boilerplate,
	Severity: mtcheck.Warning,
	Run:      blpRun,
}

// blpKind says how a pattern matches a line.
type blpKind int

const (
	// blpExact: the trimmed line equals the text, ignoring ASCII case and
	// trailing characters from the pattern's Trail set.
	blpExact blpKind = iota
	// blpRelated: like blpExact, and the teaser block under it is flagged.
	blpRelated
	// blpTranslator: like blpExact; a translator-UI line.
	blpTranslator
	// blpTranslatorWeak: like blpExact, but only right after another
	// translator-UI line (blank lines between allowed): "Send feedback" is
	// also an ordinary help-page heading.
	blpTranslatorWeak
	// blpScript: the trimmed line starts with the text (an ad script).
	blpScript
)

// blpPattern is one kind of boilerplate line.
type blpPattern struct {
	Text       string
	Kind       blpKind
	Trail      string // characters that may end the line after Text
	Confidence float64
	Origin     string
}

// Confidences, measured on the fixtures (testdata/rules/boilerplate) and the
// seed: every whole-line match was residue (seed 7 of 7 with the teaser
// block; fixtures 31 of 31), none of the 20 negative lines that use the
// same words in prose or as real headings matched, and about 3 MB of
// correct English (fiction, release notes, changelogs, manuals) drew no
// report. Weaker patterns get lower values because a person could
// plausibly write that line.
const (
	blpConfCertain  = 0.95 // strings no author writes as a line of their own
	blpConfHeader   = 0.9  // short headers: "Share post:", "Related posts"
	blpConfCTA      = 0.7  // calls to action an author might keep: "Click here to subscribe"
	blpConfTitled   = 0.8  // "Source link" + text that is not the title
	blpConfTeaser   = 0.7  // teaser block under a related-posts header (seed: 4 of 4 items)
	blpTeaserMaxLen = 400  // a teaser line longer than this ends the block
	blpTeaserWords  = 60   // nor may it have more words
	blpHeadlineMax  = 25   // words in a teaser headline
)

// blpPatterns is the curated table. Origins: WordPress core and the tagDiv
// "Newspaper" theme comment form (the seed's site), Jetpack sharing,
// RSS-to-site autoposters ("The post … appeared first on …", handled in
// blpPostFooter), Google Translate's web page copied with its output, and
// Google AdSense / Ad Manager / Prebid snippets.
var blpPatterns = []blpPattern{
	{Text: "Please enter your comment", Kind: blpExact, Trail: "!.", Confidence: blpConfCertain, Origin: "tagDiv Newspaper comment form"},
	{Text: "Please enter your name here", Kind: blpExact, Trail: ".", Confidence: blpConfCertain, Origin: "tagDiv Newspaper comment form"},
	{Text: "Please enter your email address here", Kind: blpExact, Trail: ".", Confidence: blpConfCertain, Origin: "tagDiv Newspaper comment form"},
	{Text: "You have entered an incorrect email address", Kind: blpExact, Trail: "!.", Confidence: blpConfCertain, Origin: "tagDiv Newspaper comment form"},
	{Text: "Share post", Kind: blpExact, Trail: ":", Confidence: blpConfHeader, Origin: "tagDiv Newspaper sharing bar"},
	{Text: "Share this", Kind: blpExact, Trail: ":", Confidence: blpConfHeader, Origin: "Jetpack sharing"},
	{Text: "Leave a Reply", Kind: blpExact, Trail: "", Confidence: blpConfHeader, Origin: "WordPress comment form"},
	{Text: "Leave a Reply Cancel reply", Kind: blpExact, Trail: "", Confidence: blpConfCertain, Origin: "WordPress comment form"},
	{Text: "You must be logged in to post a comment", Kind: blpExact, Trail: ".", Confidence: blpConfCertain, Origin: "WordPress comment form"},
	{Text: "Click here to subscribe", Kind: blpExact, Trail: "!.", Confidence: blpConfCTA, Origin: "newsletter call to action"},
	{Text: "More like this", Kind: blpRelated, Trail: ":", Confidence: blpConfHeader, Origin: "tagDiv Newspaper related block"},
	{Text: "Related posts", Kind: blpRelated, Trail: ":", Confidence: blpConfHeader, Origin: "WordPress related-posts plugins"},
	{Text: "Related articles", Kind: blpRelated, Trail: ":", Confidence: blpConfHeader, Origin: "WordPress related-posts plugins"},
	{Text: "You may also like", Kind: blpRelated, Trail: ":", Confidence: blpConfHeader, Origin: "WordPress related-posts plugins"},
	{Text: "More about this source text", Kind: blpTranslator, Trail: "", Confidence: blpConfCertain, Origin: "Google Translate page"},
	{Text: "Source text required for additional translation information", Kind: blpTranslator, Trail: "", Confidence: blpConfCertain, Origin: "Google Translate page"},
	{Text: "Send feedback", Kind: blpTranslatorWeak, Trail: "", Confidence: blpConfHeader, Origin: "Google Translate page"},
	{Text: "Side panels", Kind: blpTranslatorWeak, Trail: "", Confidence: blpConfHeader, Origin: "Google Translate page"},
	{Text: "[/caption]", Kind: blpExact, Trail: "", Confidence: blpConfCertain, Origin: "WordPress caption shortcode"},
	{Text: "(adsbygoogle = window.adsbygoogle || []).push(", Kind: blpScript, Confidence: blpConfCertain, Origin: "Google AdSense"},
	{Text: "(adsbygoogle=window.adsbygoogle||[]).push(", Kind: blpScript, Confidence: blpConfCertain, Origin: "Google AdSense"},
	{Text: "googletag.cmd.push(", Kind: blpScript, Confidence: blpConfCertain, Origin: "Google Ad Manager"},
	{Text: "googletag.display(", Kind: blpScript, Confidence: blpConfCertain, Origin: "Google Ad Manager"},
	{Text: "adUnits.push(", Kind: blpScript, Confidence: blpConfCertain, Origin: "Prebid.js"},
	{Text: "pbjs.que.push(", Kind: blpScript, Confidence: blpConfCertain, Origin: "Prebid.js"},
}

// blpByFirst indexes blpPatterns by the lower-cased first byte of Text.
var blpByFirst = func() (m [256][]int) {
	for i, p := range blpPatterns {
		c := blpLower(p.Text[0])
		m[c] = append(m[c], i)
	}
	return m
}()

// blpMaxExact is the longest pattern, plus room for trailing characters:
// longer lines are never exact matches.
var blpMaxExact = func() int {
	n := 0
	for _, p := range blpPatterns {
		n = max(n, len(p.Text))
	}
	return n + 4
}()

func blpLower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// blpMatch is a boilerplate finding on one line.
type blpMatch struct {
	span    mtcheck.Span // flagged text
	conf    float64
	msg     string
	whole   bool // the whole line is boilerplate: the fix deletes the line
	kind    blpKind
	related bool
}

// blpLine is a line of the text: its span without terminator, its trimmed
// span and the offset of the next line.
type blpLine struct {
	start, end, next int
	ts, te           int
}

func blpNextLine(text string, start int) blpLine {
	l := blpLine{start: start}
	if nl := strings.IndexByte(text[start:], '\n'); nl >= 0 {
		l.end, l.next = start+nl, start+nl+1
	} else {
		l.end, l.next = len(text), len(text)
	}
	l.ts, l.te = l.start, l.end
	for l.ts < l.te && blpSpace(text[l.ts]) {
		l.ts++
	}
	for l.te > l.ts && blpSpace(text[l.te-1]) {
		l.te--
	}
	return l
}

func blpSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' }

func blpRun(pass *mtcheck.Pass) error {
	text := pass.Text()
	title := blpTitle(text)
	// paraStart: every line since the last blank line (or the start) was
	// deleted whole, so this one's deletion may take the blank lines after
	// it without gluing paragraphs together.
	paraStart := true
	translatorRun := false // the last non-blank line was translator UI
	for pos := 0; pos < len(text); {
		l := blpNextLine(text, pos)
		pos = l.next
		if l.ts == l.te {
			paraStart = true
			continue
		}
		line := text[l.ts:l.te]
		ms := blpMatchLine(line, l.ts, title, translatorRun)
		deletesLine := false
		translatorRun = len(ms) > 0 && (ms[0].kind == blpTranslator || ms[0].kind == blpTranslatorWeak)
		for _, m := range ms {
			var fix mtcheck.Fix
			if m.whole {
				fix = mtcheck.DeleteFix("delete the line", blpLineDeletion(text, l, paraStart), true)
				deletesLine = true
			} else {
				fix = mtcheck.DeleteFix("delete the shortcode", blpTokenDeletion(text, l, m.span), true)
			}
			pass.Report(mtcheck.Diagnostic{Span: m.span, Confidence: m.conf, Message: m.msg, Fixes: []mtcheck.Fix{fix}})
			if m.related {
				if blk, ok := blpTeaserBlock(text, l.next); ok {
					pass.Report(mtcheck.Diagnostic{
						Span:       mtcheck.Span{Start: blk.start, End: blk.end},
						Confidence: blpConfTeaser,
						Message:    "teaser block of " + blpItoa(blk.items) + " related-article snippets under \"" + line + "\"",
						Fixes: []mtcheck.Fix{mtcheck.DeleteFix("delete the teaser block",
							mtcheck.Span{Start: blk.cut, End: blk.next}, false)},
					})
					pos = blk.next
				}
			}
		}
		paraStart = paraStart && deletesLine
	}
	return nil
}

// blpTitle returns the trimmed first non-blank line of text that is not
// boilerplate itself (so deleting boilerplate never changes the title).
func blpTitle(text string) string {
	for pos := 0; pos < len(text); {
		l := blpNextLine(text, pos)
		if l.ts < l.te && blpMatchLine(text[l.ts:l.te], l.ts, "", false) == nil {
			return text[l.ts:l.te]
		}
		pos = l.next
	}
	return ""
}

// blpMatchLine returns the boilerplate on the trimmed line, which starts at
// byte offset off. afterTranslator says the previous non-blank line was
// translator UI.
func blpMatchLine(line string, off int, title string, afterTranslator bool) []blpMatch {
	whole := mtcheck.Span{Start: off, End: off + len(line)}
	if m, ok := blpSourceLink(line, title); ok {
		m.span = whole
		return []blpMatch{m}
	}
	if m, ok := blpPostFooter(line); ok {
		m.span = whole
		return []blpMatch{m}
	}
	if out := blpCaption(line, off); out != nil {
		return out
	}
	for _, i := range blpByFirst[blpLower(line[0])] {
		p := &blpPatterns[i]
		if p.Kind == blpScript {
			if strings.HasPrefix(line, p.Text) {
				return []blpMatch{{span: whole, conf: p.Confidence, whole: true, kind: p.Kind,
					msg: "ad script left in the text (" + p.Origin + ")"}}
			}
			continue
		}
		if len(line) > blpMaxExact || len(line) < len(p.Text) {
			continue
		}
		if !strings.EqualFold(line[:len(p.Text)], p.Text) || strings.Trim(line[len(p.Text):], p.Trail) != "" {
			continue
		}
		if p.Kind == blpTranslatorWeak && !afterTranslator {
			continue
		}
		m := blpMatch{span: whole, conf: p.Confidence, whole: true, kind: p.Kind, related: p.Kind == blpRelated}
		switch p.Kind {
		case blpRelated:
			m.msg = "related-articles header \"" + line + "\" left in the text"
		case blpTranslator, blpTranslatorWeak:
			m.msg = "translator page text \"" + line + "\" left in the text"
		default:
			m.msg = "boilerplate line \"" + line + "\" (" + p.Origin + ")"
		}
		return []blpMatch{m}
	}
	return nil
}

// blpSourceLink matches "Source link" alone or followed by the title, a URL
// or a capitalised title-like text (not "Source link between …").
func blpSourceLink(line, title string) (blpMatch, bool) {
	const p = "source link"
	if len(line) < len(p) || !strings.EqualFold(line[:len(p)], p) {
		return blpMatch{}, false
	}
	rest := line[len(p):]
	m := blpMatch{conf: blpConfCertain, whole: true, msg: "scraper footer \"Source link …\""}
	if rest == "" || rest == ":" {
		return m, true
	}
	if rest[0] != ' ' && rest[0] != ':' && rest[0] != '\t' {
		return blpMatch{}, false // "Source links are …"
	}
	rest = strings.TrimLeft(rest, " \t:")
	switch {
	case rest == title || strings.HasPrefix(rest, "http://") || strings.HasPrefix(rest, "https://"):
		return m, true
	case blpTitleStart(rest):
		m.conf = blpConfTitled
		return m, true
	}
	return blpMatch{}, false
}

// blpPostFooter matches the RSS autoposter footer "The post TITLE appeared
// first on SITE." where TITLE starts like a title and SITE is short.
func blpPostFooter(line string) (blpMatch, bool) {
	const p, mid = "The post ", " appeared first on "
	if len(line) < len(p)+len(mid)+2 || !strings.EqualFold(line[:len(p)], p) {
		return blpMatch{}, false
	}
	k := strings.Index(line[len(p):], mid)
	if k <= 0 {
		return blpMatch{}, false
	}
	postTitle := line[len(p) : len(p)+k]
	site := strings.TrimRight(line[len(p)+k+len(mid):], ".")
	if !blpTitleStart(postTitle) || site == "" || blpWords(site) > 8 {
		return blpMatch{}, false
	}
	return blpMatch{conf: blpConfCertain, whole: true, msg: "feed footer \"The post … appeared first on " + site + "\""}, true
}

// blpCaption matches a WordPress caption shortcode at the start ("[caption
// id=…]") or end ("[/caption]") of a line; a line that is only "[/caption]"
// is left to the exact patterns.
func blpCaption(line string, off int) []blpMatch {
	var out []blpMatch
	if strings.HasPrefix(line, "[caption ") || strings.HasPrefix(line, "[caption]") {
		// With attributes, or alone on the line: "[caption] is a
		// shortcode that …" in a WordPress manual is prose.
		if k := strings.IndexByte(line, ']'); k > 0 && (k+1 == len(line) || strings.IndexByte(line[:k], '=') >= 0) {
			out = append(out, blpMatch{span: mtcheck.Span{Start: off, End: off + k + 1}, conf: blpConfCertain,
				msg: "caption shortcode left in the text", whole: k+1 == len(line)})
		}
	}
	const closing = "[/caption]"
	if strings.HasSuffix(line, closing) && len(line) > len(closing) {
		s := off + len(line) - len(closing)
		if len(out) == 0 || out[0].span.End <= s {
			out = append(out, blpMatch{span: mtcheck.Span{Start: s, End: off + len(line)}, conf: blpConfCertain,
				msg: "caption shortcode left in the text"})
		}
	}
	return out
}

// blpTitleStart reports whether s starts like a title: a capital letter,
// digit or opening quote.
func blpTitleStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'\u201c\u2018", r)
}

func blpWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		if blpSpace(s[i]) || s[i] == '\n' {
			in = false
		} else if !in {
			n++
			in = true
		}
	}
	return n
}

// blpLineDeletion returns the span that removes line l with its line break;
// with paraStart (the lines of l's paragraph before it are deleted too) it
// takes the blank lines after it as well, so deleted paragraphs leave no
// pile of blank lines.
func blpLineDeletion(text string, l blpLine, paraStart bool) mtcheck.Span {
	end := l.next
	if paraStart {
		for end < len(text) {
			n := blpNextLine(text, end)
			if n.ts != n.te || n.next == n.end { // non-blank, or last line without break
				break
			}
			end = n.next
		}
	}
	return mtcheck.Span{Start: l.start, End: end}
}

// blpTokenDeletion returns the span that removes a shortcode token from its
// line with the white space between it and the rest of the line; a token
// that is the whole line goes with the line break.
func blpTokenDeletion(text string, l blpLine, tok mtcheck.Span) mtcheck.Span {
	s, e := tok.Start, tok.End
	if s == l.ts && e == l.te {
		return mtcheck.Span{Start: l.start, End: l.next}
	}
	if s == l.ts {
		for e < l.te && blpSpace(text[e]) {
			e++
		}
	} else {
		for s > l.ts && blpSpace(text[s-1]) {
			s--
		}
	}
	return mtcheck.Span{Start: s, End: e}
}

// blpTeaser is a block of related-article teasers.
type blpTeaser struct {
	start, end int // flagged text: first teaser line to last, trimmed
	cut, next  int // what the fix deletes: whole lines with the last break
	items      int
}

// blpTeaserBlock reads the teasers that follow a related-articles header
// from offset from: items made of an optional headline line and a snippet
// line ending in "..." or "…", blank lines between. It stops at the first
// line that fits neither.
func blpTeaserBlock(text string, from int) (blpTeaser, bool) {
	var blk blpTeaser
	blk.start = -1
	var headline blpLine // a pending headline line
	pending := false
	for pos := from; pos < len(text); {
		l := blpNextLine(text, pos)
		pos = l.next
		if l.ts == l.te {
			continue
		}
		line := text[l.ts:l.te]
		if len(line) > blpTeaserMaxLen || blpWords(line) > blpTeaserWords {
			break
		}
		if strings.HasSuffix(line, "...") || strings.HasSuffix(line, "\u2026") {
			if blk.start < 0 {
				first := l
				if pending {
					first = headline
				}
				blk.start, blk.cut = first.ts, first.start
			}
			blk.end, blk.next = l.te, l.next
			blk.items++
			pending = false
			continue
		}
		if pending || blpWords(line) > blpHeadlineMax {
			break
		}
		headline, pending = l, true
	}
	return blk, blk.items > 0
}

func blpItoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return blpItoa(n/10) + string(rune('0'+n%10))
}
