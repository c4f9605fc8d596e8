package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// Quotes flags broken double quotation marks within a paragraph: empty
// pairs, opening marks left dangling at the end of a paragraph, closing
// marks with no opening one, reversed marks and quotations never closed.
//
// Single quotes and apostrophes (’90s, Russia’s, ‘quoted’) are not checked;
// prime marks (6′2″) are not quotes; a straight or curly double mark after a
// digit with no quotation open is an inch or second mark. A quotation left
// open at the end of a paragraph is fine when the next paragraph opens with
// a quotation mark (the multi-paragraph convention) or the paragraph ends in
// an ellipsis (a truncated excerpt).
var Quotes = &mtcheck.Rule{
	Name: "quotes",
	Doc: "broken double quotation marks: empty pairs, dangling, reversed, stray or unclosed quotes\n" +
		"Works per paragraph on curly (“ ” „) and straight (\") double quotes; apostrophes, single quotes, " +
		"primes and inch marks are left alone. A quotation open at a paragraph's end is accepted when the " +
		"next paragraph starts with an opening quote.",
	Category: mtcheck.Punctuation,
	Severity: mtcheck.Warning,
	Run:      qtsRun,
}

// Confidence of each kind of finding. "Damage" counts come from
// testdata/rules/quotes/positive.txt (tallied by TestQuotesConfidenceCounts)
// and the seed; "quiet" counts are correct English of the same shape in
// negative.txt that a guard keeps quiet. On about 1.7 MB of edited English
// (Conan Doyle with straight quotes and again with machine-curled quotes,
// Emerson, Candide, news articles, licences, Markdown release notes) the
// rule reported 0 false positives and 2 real typos (an unclosed and a
// reversed quotation), besides the curling tool's own reversed marks. On
// the CI clean corpus (Debian Reference, licences, Go docs; 111k words) it
// reports 2 straight quotes, both real typos in the Debian Reference; the
// code, wrapping and symbol guards on straight quotes removed 23 false
// positives there.
const (
	// qtsConfEmpty: an empty pair “”: 6 damage + 1 in the seed, 0 quiet.
	qtsConfEmpty = 0.95
	// qtsConfDangling: “ as the last mark of a paragraph with no quotation
	// open: 7 damage + 3 in the seed, 0 quiet.
	qtsConfDangling = 0.95
	// qtsConfReversedPair: ”…“ used as a pair: 3 damage, 0 quiet.
	qtsConfReversedPair = 0.9
	// qtsConfReversed: one mark of the wrong direction (“…“ before a space,
	// ”…”): 3 damage + 1 in real text, 0 quiet; ”…” is the house style of
	// some languages, so a little below the pair.
	qtsConfReversed = 0.8
	// qtsConfStray: a closing ” with no quotation open: 4 damage; 6 quiet
	// inch and second marks (12”, 46”N) of the same shape, so a missed guard
	// is a real risk.
	qtsConfStray = 0.7
	// qtsConfUnclosed: a quotation never closed in its paragraph: 4 damage
	// + 1 in real text; 3 quiet (multi-paragraph quotations, a truncated
	// excerpt), and dozens more in Conan Doyle's multi-paragraph speeches.
	qtsConfUnclosed = 0.6
	// qtsConfStraight: an unbalanced straight quote ("): 3 damage; 3 quiet
	// paragraphs with inch marks (5'10", 12"), where straight quotes are not
	// judged at all, and 2 false positives on nested quotes (""word") in
	// real text before that guard: the weakest signal.
	qtsConfStraight = 0.5
)

// qtsMark kinds.
const (
	qtsOpen     = iota // “
	qtsClose           // ”
	qtsLow             // „
	qtsStraight        // "
)

// qtsKind of the currently open quotation.
const (
	qtsOpenCurly    = iota // opened by “
	qtsOpenLow             // opened by „ (closed by “ or ”)
	qtsOpenStraight        // opened by "
	qtsOpenReversed        // opened by ” in opening position
)

// qtsOpenMark is an open quotation: where its mark is and which kind.
type qtsOpenMark struct {
	pos, kind int
}

// qtsPara is what one paragraph leaves for its neighbours to judge.
type qtsPara struct {
	// unclosed is the index in diags of an "unclosed at the end" finding,
	// or -1.
	unclosed int
	// leadStray is the index in diags of a stray closing mark that was the
	// paragraph's first quotation mark, or -1.
	leadStray int
	// opensWithQuote reports whether the paragraph's first character is an
	// opening quotation mark.
	opensWithQuote bool
	// endsTruncated reports whether the paragraph ends in an ellipsis.
	endsTruncated bool
}

func qtsRun(pass *mtcheck.Pass) error {
	text := pass.Text()
	paras := pass.Doc.Paragraphs()
	var diags []mtcheck.Diagnostic
	drop := map[int]bool{}
	prev := qtsPara{unclosed: -1, leadStray: -1}
	inFence := false
	for i, p := range paras {
		if i&1023 == 0 && pass.Context().Err() != nil {
			return pass.Context().Err()
		}
		var skip bool
		if skip, inFence = qtsFenced(text, p, inFence); skip {
			prev = qtsPara{unclosed: -1, leadStray: -1}
			continue
		}
		cur := qtsParagraph(text, p, &diags)
		if prev.unclosed >= 0 {
			switch {
			case cur.opensWithQuote:
				// Multi-paragraph quotation: each paragraph opens, only the
				// last one closes.
				drop[prev.unclosed] = true
			case cur.leadStray >= 0:
				// A quotation carried across a paragraph break: whatever
				// split it, neither half is quote damage on its own.
				drop[prev.unclosed] = true
				drop[cur.leadStray] = true
			}
		}
		prev = cur
	}
	for i, d := range diags {
		if !drop[i] {
			pass.Report(d)
		}
	}
	return nil
}

// qtsParagraph checks the quotation marks of paragraph p, appending findings
// to diags.
func qtsParagraph(text string, p mtcheck.Span, diags *[]mtcheck.Diagnostic) qtsPara {
	res := qtsPara{unclosed: -1, leadStray: -1}
	s, e := p.Start, p.End
	body := text[s:e]
	// Fast path: no double quotation mark at all.
	hasStraight := strings.IndexByte(body, '"') >= 0
	if strings.IndexByte(body, '`') >= 0 {
		body = qtsBlankCode(body)
	}
	if !hasStraight && !qtsHasCurly(body) {
		return res
	}
	trimmed := strings.TrimRightFunc(body, unicode.IsSpace)
	res.endsTruncated = strings.HasSuffix(trimmed, "…") || strings.HasSuffix(trimmed, "...")
	lead := strings.TrimLeftFunc(body, unicode.IsSpace)
	res.opensWithQuote = strings.HasPrefix(lead, "\u201c") || strings.HasPrefix(lead, "\u201e") || strings.HasPrefix(lead, "\"")
	// Straight quotes are judged only in prose: not in paragraphs with inch
	// marks or code. Where they are the only double quotes, only an odd
	// count is reported, since their direction is a guess.
	useStraight := hasStraight && !qtsHasInch(body) && !qtsCodeLike(body)
	straightOnly := useStraight && !qtsHasCurly(body)
	straights, spaced := 0, 0
	before := len(*diags)

	report := func(d mtcheck.Diagnostic) int {
		*diags = append(*diags, d)
		return len(*diags) - 1
	}
	// Open quotations, innermost last. Double quotes rarely nest in
	// English, but old texts nest them and a line opening with a quote
	// inside a quotation continues it (letters, verse).
	var stack []qtsOpenMark
	seen := false // a quotation mark has been seen in this paragraph
	for i := s; i < e; i++ {
		c := text[i]
		var kind, size int
		switch {
		case c == '`':
			i = qtsSkipCode(text, i, e) - 1
			continue
		case c == '"':
			if !useStraight {
				continue
			}
			kind, size = qtsStraight, 1
			straights++
			if qtsSpacedSymbol(text, i, s, e) {
				spaced++
			}
		case c == 0xE2 && i+2 < e && text[i+1] == 0x80:
			switch text[i+2] {
			case 0x9C:
				kind = qtsOpen
			case 0x9D:
				kind = qtsClose
			case 0x9E:
				kind = qtsLow
			default:
				continue
			}
			size = 3
		default:
			continue
		}
		first := !seen
		seen = true
		m := mtcheck.Span{Start: i, End: i + size}
		n := len(stack)
		var top qtsOpenMark
		if n > 0 {
			top = stack[n-1]
		}
		switch kind {
		case qtsOpen:
			if n > 0 && top.kind == qtsOpenLow {
				stack = stack[:n-1] // „…“
				break
			}
			if j, ok := qtsEmptyPair(text, i+size, e); ok {
				pair := mtcheck.Span{Start: i, End: j}
				report(mtcheck.Diagnostic{Span: pair, Confidence: qtsConfEmpty,
					Message: "empty pair of quotation marks",
					Fixes:   []mtcheck.Fix{qtsDeletePair(text, pair, s, e)}})
				i = j - 1
				break
			}
			if qtsOnlySpaceAfter(text, i+size, e) {
				ws := qtsSpaceBefore(text, i, s)
				if n == 0 {
					report(mtcheck.Diagnostic{Span: m, Confidence: qtsConfDangling,
						Message: "opening quotation mark at the end of the paragraph opens nothing",
						Fixes:   []mtcheck.Fix{mtcheck.DeleteFix("delete the dangling quotation mark", mtcheck.Span{Start: ws, End: m.End}, true)}})
					break
				}
				report(qtsReversedClose(text, m, ws, top))
				stack = stack[:n-1]
				break
			}
			if n > 0 && qtsCloseContext(text, i, i+size, s, e) {
				report(qtsReversedClose(text, m, i, top))
				stack = stack[:n-1]
				break
			}
			stack = append(stack, qtsOpenMark{i, qtsOpenCurly})
		case qtsLow:
			stack = append(stack, qtsOpenMark{i, qtsOpenLow})
		case qtsClose:
			if n > 0 && qtsDigitBefore(text, i, s) && qtsNextIsClose(text, i+size, e) {
				break // an inch mark inside a quotation: “a 12” board,” she said
			}
			if n > 0 {
				if top.kind == qtsOpenReversed {
					om := mtcheck.Span{Start: top.pos, End: top.pos + 3}
					report(mtcheck.Diagnostic{Span: om, Confidence: qtsConfReversed,
						Message: "closing quotation mark ” used to open a quotation",
						Fixes:   []mtcheck.Fix{mtcheck.ReplaceFix("replace with “", om, "\u201c", false)}})
				}
				stack = stack[:n-1]
				break
			}
			if qtsDigitBefore(text, i, s) {
				break // inch or second mark: 12”, 40°26’46”
			}
			if qtsOpenContext(text, i, i+size, s, e) {
				stack = append(stack, qtsOpenMark{i, qtsOpenReversed})
				break
			}
			k := report(qtsStrayClose(text, i, s, e))
			if first {
				res.leadStray = k
			}
		case qtsStraight:
			if i+1 < e && text[i+1] == '"' {
				i++
				straights++
				if i+1 < e && qtsIsWordByte(text[i+1]) {
					// ""word: two quotations opening at once.
					stack = append(stack, qtsOpenMark{i - 1, qtsOpenStraight}, qtsOpenMark{i, qtsOpenStraight})
				}
				// Otherwise "" is an empty string in code-like text: balanced.
				break
			}
			openCtx, closeCtx := qtsOpenContext(text, i, i+size, s, e), qtsCloseContext(text, i, i+size, s, e)
			if n > 0 {
				if openCtx && !closeCtx {
					stack = append(stack, qtsOpenMark{i, qtsOpenStraight}) // nested or continued
				} else {
					stack = stack[:n-1]
				}
				break
			}
			if closeCtx && !openCtx {
				k := report(mtcheck.Diagnostic{Span: m, Confidence: qtsConfStraight,
					Message: "straight quotation mark closes a quotation that was never opened"})
				if first {
					res.leadStray = k
				}
				break
			}
			stack = append(stack, qtsOpenMark{i, qtsOpenStraight})
		}
	}
	unclosed := false
	for _, o := range stack {
		if o.kind == qtsOpenReversed {
			report(qtsStrayClose(text, o.pos, s, e))
			continue
		}
		if unclosed || res.endsTruncated {
			continue // one finding per paragraph; none in a truncated excerpt
		}
		unclosed = true
		res.unclosed = report(qtsUnclosed(text, o.pos, o.kind))
	}
	if straightOnly && len(*diags) > before {
		if straights%2 == 0 || spaced > 0 {
			// Balanced by count: whatever the guessed directions say, the
			// marks pair up. Or a mark between spaces may be the character
			// itself (shift-2 has " engraved) or a quote wrapped onto the
			// next line: either way, too ambiguous to judge.
			*diags = (*diags)[:before]
			res.unclosed, res.leadStray = -1, -1
		} else {
			// One finding for an odd count: the first mark the directions
			// single out.
			*diags = (*diags)[:before+1]
			if res.unclosed > before {
				res.unclosed = -1
			}
			if res.leadStray > before {
				res.leadStray = -1
			}
		}
	}
	return res
}

// qtsHasCurly reports whether body holds a curly double quotation mark.
func qtsHasCurly(body string) bool {
	return strings.Contains(body, "\u201c") || strings.Contains(body, "\u201d") || strings.Contains(body, "\u201e")
}

// qtsCodeLike reports whether body looks like code or a command line
// rather than prose: it holds \ | < > { } = or a quoted path ("/…", …/").
func qtsCodeLike(body string) bool {
	return strings.ContainsAny(body, "\\|<>{}=") || strings.Contains(body, "\"/") || strings.Contains(body, "/\"")
}

// qtsUnclosed reports a quotation opened at pos and never closed.
func qtsUnclosed(text string, pos, kind int) mtcheck.Diagnostic {
	_, size := utf8.DecodeRuneInString(text[pos:])
	conf, msg := qtsConfUnclosed, "quotation opened here is never closed in its paragraph"
	if kind == qtsOpenStraight {
		conf, msg = qtsConfStraight, "unbalanced straight quotation mark: the quotation opened here is never closed"
	}
	return mtcheck.Diagnostic{Span: mtcheck.Span{Start: pos, End: pos + size}, Confidence: conf, Message: msg}
}

// qtsStrayClose reports a closing ” at pos, in paragraph [s, e), with no
// quotation open.
func qtsStrayClose(text string, pos, s, e int) mtcheck.Diagnostic {
	m := mtcheck.Span{Start: pos, End: pos + 3}
	del, _ := qtsTrimSpan(text, m, s, e)
	return mtcheck.Diagnostic{Span: m, Confidence: qtsConfStray,
		Message: "closing quotation mark without an opening one",
		Fixes:   []mtcheck.Fix{mtcheck.DeleteFix("delete the stray quotation mark", del, false)}}
}

// qtsReversedClose reports an opening “ at m that closes the quotation
// open; from is where the replacement starts (m.Start, or the start of the
// white space before m).
func qtsReversedClose(text string, m mtcheck.Span, from int, open qtsOpenMark) mtcheck.Diagnostic {
	if open.kind == qtsOpenReversed {
		om := mtcheck.Span{Start: open.pos, End: open.pos + 3}
		span := mtcheck.Span{Start: open.pos, End: m.End}
		return mtcheck.Diagnostic{Span: span, Confidence: qtsConfReversedPair,
			Message: "quotation marks reversed: ”…“ instead of “…”",
			Fixes: []mtcheck.Fix{{Message: "swap the quotation marks", Edits: []mtcheck.TextEdit{
				{Span: om, NewText: "\u201c"}, {Span: mtcheck.Span{Start: from, End: m.End}, NewText: "\u201d"}}}}}
	}
	return mtcheck.Diagnostic{Span: m, Confidence: qtsConfReversed,
		Message: "opening quotation mark “ used to close a quotation",
		Fixes:   []mtcheck.Fix{mtcheck.ReplaceFix("replace with ”", mtcheck.Span{Start: from, End: m.End}, "\u201d", false)}}
}

// qtsEmptyPair reports whether a closing ” follows at i after nothing but
// spaces or tabs, and returns the offset just past it.
func qtsEmptyPair(text string, i, e int) (int, bool) {
	for i < e && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	if i+3 <= e && text[i:i+3] == "\u201d" {
		return i + 3, true
	}
	return 0, false
}

// qtsDeletePair returns the fix deleting an empty pair, taking one adjacent
// space along when spaces surround it. Between two non-space characters the
// pair becomes a space, which may be wrong ("a“”b"), so that fix is unsafe.
func qtsDeletePair(text string, pair mtcheck.Span, s, e int) mtcheck.Fix {
	span, ok := qtsTrimSpan(text, pair, s, e)
	if !ok {
		return mtcheck.ReplaceFix("replace the empty quotation marks with a space", pair, " ", false)
	}
	return mtcheck.DeleteFix("delete the empty quotation marks", span, true)
}

// qtsTrimSpan returns the span to delete so that removing m from paragraph
// [s, e) leaves neither a doubled space nor a space at the paragraph's
// start or end; ok is false when m sits between two non-space characters.
func qtsTrimSpan(text string, m mtcheck.Span, s, e int) (span mtcheck.Span, ok bool) {
	before, after := rune(0), rune(0)
	if m.Start > s {
		before, _ = utf8.DecodeLastRuneInString(text[s:m.Start])
	}
	if m.End < e {
		after, _ = utf8.DecodeRuneInString(text[m.End:e])
	}
	sb, sa := before == 0 || unicode.IsSpace(before), after == 0 || unicode.IsSpace(after)
	span = m
	switch {
	case !sb && !sa:
		return m, false
	case sb && sa && after == ' ':
		span.End++
	case sb && sa && before == ' ':
		span.Start--
	case before == 0 && after == ' ':
		span.End++
	}
	return span, true
}

// qtsOnlySpaceAfter reports whether text[i:e] is white space only.
func qtsOnlySpaceAfter(text string, i, e int) bool {
	for ; i < e; i++ {
		switch text[i] {
		case ' ', '\t', '\n', '\r':
		default:
			return false
		}
	}
	return true
}

// qtsSpaceBefore returns the start of the run of spaces and tabs ending at
// i, not going before s.
func qtsSpaceBefore(text string, i, s int) int {
	for i > s && (text[i-1] == ' ' || text[i-1] == '\t') {
		i--
	}
	return i
}

// qtsDigitBefore reports whether the character before i is an ASCII digit.
func qtsDigitBefore(text string, i, s int) bool {
	return i > s && text[i-1] >= '0' && text[i-1] <= '9'
}

// qtsHasInch reports whether body holds a straight double quote directly
// after a digit and not followed by a letter or digit (6'2", 12" wide).
func qtsHasInch(body string) bool {
	for i := 1; i < len(body); i++ {
		if body[i] != '"' || body[i-1] < '0' || body[i-1] > '9' {
			continue
		}
		if i+1 == len(body) {
			return true
		}
		r, _ := utf8.DecodeRuneInString(body[i+1:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// qtsOpenContext reports whether the mark text[i:j] sits where an opening
// quotation mark goes: after a space, an opening bracket, a dash or the
// paragraph start, and before a non-space character.
func qtsOpenContext(text string, i, j, s, e int) bool {
	if j >= e {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(text[j:e]); unicode.IsSpace(r) {
		return false
	}
	if i == s {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[s:i])
	return unicode.IsSpace(r) || strings.ContainsRune("([{—–-/", r)
}

// qtsCloseContext reports whether the mark text[i:j] sits where a closing
// quotation mark goes: after a non-space character, and before a space,
// punctuation that may follow a quotation, or the paragraph end.
func qtsCloseContext(text string, i, j, s, e int) bool {
	if i == s {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(text[s:i]); unicode.IsSpace(r) {
		return false
	}
	if j >= e {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[j:e])
	return unicode.IsSpace(r) || strings.ContainsRune(".,;:!?)]}—–-…", r)
}

// qtsSkipCode returns the offset just past the inline code span (Markdown
// backticks) starting at the backtick at i, or i+1 when the run of
// backticks is not closed before e.
func qtsSkipCode(text string, i, e int) int {
	j := i
	for j < e && text[j] == '`' {
		j++
	}
	run := text[i:j]
	if k := strings.Index(text[j:e], run); k >= 0 {
		return j + k + len(run)
	}
	return i + 1
}

// qtsBlankCode returns body with its inline code spans replaced by spaces
// of the same length, for the paragraph-wide looks (inch marks).
func qtsBlankCode(body string) string {
	b := []byte(body)
	for i := 0; i < len(b); i++ {
		if b[i] != '`' {
			continue
		}
		j := qtsSkipCode(body, i, len(body))
		if j > i+1 {
			for k := i; k < j; k++ {
				b[k] = ' '
			}
		}
		i = j - 1
	}
	return string(b)
}

// qtsFenced reports whether paragraph p is inside or touches a fenced code
// block (a line starting with ``` or ~~~), given whether a fence was open
// before it, and whether one is open after it.
func qtsFenced(text string, p mtcheck.Span, inFence bool) (skip, after bool) {
	body := text[p.Start:p.End]
	if !strings.Contains(body, "```") && !strings.Contains(body, "~~~") {
		return inFence, inFence
	}
	skip, after = true, inFence
	for len(body) > 0 {
		line := body
		if k := strings.IndexByte(body, '\n'); k >= 0 {
			line, body = body[:k], body[k+1:]
		} else {
			body = ""
		}
		line = strings.TrimLeft(line, " \t")
		if strings.HasPrefix(line, "```") || strings.HasPrefix(line, "~~~") {
			after = !after
		}
	}
	return skip, after
}

// qtsIsWordByte reports whether b is an ASCII letter or digit.
func qtsIsWordByte(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// qtsNextIsClose reports whether the next double quotation mark in
// text[i:e] is a closing ”.
func qtsNextIsClose(text string, i, e int) bool {
	for ; i+2 < e; i++ {
		switch text[i] {
		case '"':
			return false
		case 0xE2:
			if text[i+1] == 0x80 {
				switch text[i+2] {
				case 0x9D:
					return true
				case 0x9C, 0x9E:
					return false
				}
			}
		}
	}
	return false
}

// qtsSpacedSymbol reports whether the straight quote at i has white space
// on both sides inside the paragraph: a mention of the character itself
// (shift-2 has " engraved) or a quotation mark wrapped onto a new line.
func qtsSpacedSymbol(text string, i, s, e int) bool {
	sp := func(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }
	return i > s && i+1 < e && sp(text[i-1]) && sp(text[i+1])
}
