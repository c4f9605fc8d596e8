package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mtcheck/mtcheck/mtcheck"
)

// Encoding reports text damaged in encoding: mojibake (UTF-8 read as
// Windows-1252, "â€™" for "’"), the replacement character U+FFFD, stray
// control characters, byte order marks inside the text, zero-width spaces
// inside words, and untranslated residue: a run of another script's letters
// inside an otherwise English sentence ("The minister said 確認した on
// Monday.").
var Encoding = &mtcheck.Rule{
	Name: "encoding",
	Doc: `mojibake, replacement characters, stray control characters and untranslated foreign-script residue
Mojibake is found by reading each run of Windows-1252 characters back as bytes: a run that
is valid UTF-8 decoding to a plausible character ("Ã©" → "é", "â€™" → "’", also twice-garbled
text) is reported with a safe fix; remains of sequences that lost a byte ("â€", "Â ") get
unsafe guesses, and C1 controls with a Windows-1252 meaning ("\u0093") are repaired to it.
Other C0/C1 controls, U+FFFD, a byte order mark after the start and U+200B inside a word are
reported; form feeds at a line's start or end are page breaks and stay quiet. Foreign letters
(Han, kana, Hangul, Cyrillic, Arabic, Hebrew, Thai, Indic…) are reported only inside a
sentence of mostly Latin-script words that has an English function word; they stay quiet in
parentheses ("Tokyo (東京)"), after a cue such as "the Russian word", before a gloss ("«мир»
(peace)"), as Greek symbols ("β-catenin", "α = 0.05"), as capitalised names ("Мирослав
Николић"), in identifiers ("βόλος.com"), beside an alternative ("翠 / green") and in text written
in the other language or in mixed-script text (more than 8 runs within 300 bytes). Quoted foreign text without a gloss, and one to three Han characters
(often a name), get low confidence. Cyrillic look-alikes inside a Latin word ("Mоscow") are
repaired to Latin letters.`,
	Category: mtcheck.Encoding,
	Severity: mtcheck.Warning,
	Run:      encRun,
}

// Confidence of each kind of report, measured on testdata/rules/encoding
// (positive.txt; negative.txt, about 45 hard lines, draws no report) and on
// 3.1 million words of /usr/share/doc (copyright files, READMEs,
// changelogs), which also served to tune the quiet cases, so it is not a
// held-out test.
const (
	encConfMojibake    = 0.95 // fixtures 14/14; /usr/share/doc 10 reports, 8 real ("Â§" in copies of one licence), 2 deliberate examples in the Node.js docs
	encConfMojiWeak    = 0.8  // non-Latin decodes, which need two sequences in a row: fixtures 2/2, none in /usr/share/doc
	encConfLoneLead    = 0.75 // "Â " / "Ã " whose continuation byte was lost: fixtures 2/2
	encConfTruncQuote  = 0.85 // "â€" whose third byte was dropped: fixtures 1/1
	encConfReplacement = 0.9  // U+FFFD: fixtures 1/1; /usr/share/doc 12, 11 real (a lost letter in copies of one name list), 1 mention
	encConfC1          = 0.9  // C1 control with a Windows-1252 meaning ("\u0093" for "“"): fixtures 2/2
	encConfControl     = 0.9  // C0/C1 controls, DEL: fixtures 3/3; none in /usr/share/doc
	encConfFormFeed    = 0.5  // \f, \v inside a line (word-processor line breaks): fixtures 1/1; at a line's start or end they are page breaks and stay quiet (14 in the licence texts)
	encConfBOM         = 0.9  // U+FEFF inside the text: fixtures 1/1; /usr/share/doc 1/1 (files joined)
	encConfZWSP        = 0.4  // U+200B inside a word: fixtures 1/1; also put there on purpose as a line-break hint
	encConfResidue     = 0.85 // bare foreign run in an English sentence: fixtures 8/8; none left in /usr/share/doc
	encConfShortHan    = 0.4  // one to three Han characters: fixtures 2/2, but /usr/share/doc 0/5 (names in credits)
	encConfQuoted      = 0.4  // quoted foreign run without a gloss: fixtures 1/1; legitimate quotations are common
	encConfHomoglyph   = 0.85 // Cyrillic look-alikes inside a Latin word: fixtures 2/2
)

func encRun(pass *mtcheck.Pass) error {
	text := pass.Text()
	n := len(text)
	var dense encDensity
	for i := 0; i < n; {
		c := text[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != 0x7f || c == '\n' || c == '\t' || c == '\r' {
				i++
				continue
			}
			encControl(pass, text, i, 1, rune(c))
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if _, ok := encCP1252Byte(r); ok {
			if end := encMojibake(pass, text, i); end > i {
				i = end
				continue
			}
		}
		switch {
		case r == utf8.RuneError:
			j := i
			for j < n && strings.HasPrefix(text[j:], "\uFFFD") {
				j += size
			}
			pass.Reportf(mtcheck.Span{Start: i, End: j}, encConfReplacement, nil,
				"replacement character U+FFFD: text was lost in a bad conversion")
			i = j
			continue
		case r >= 0x80 && r <= 0x9f:
			if w := encCP1252[r-0x80]; w != 0 {
				span := mtcheck.Span{Start: i, End: i + size}
				pass.Report(mtcheck.Diagnostic{Span: span, Confidence: encConfC1,
					Message: fmt.Sprintf("control character %U: a Windows-1252 %q read as Latin-1", r, w),
					Fixes:   []mtcheck.Fix{mtcheck.ReplaceFix(fmt.Sprintf("replace with %q", w), span, string(w), true)}})
				break
			}
			encControl(pass, text, i, size, r)
		case r == 0xFEFF:
			if i > 0 {
				pass.Report(mtcheck.Diagnostic{Span: mtcheck.Span{Start: i, End: i + size}, Confidence: encConfBOM,
					Message: "byte order mark U+FEFF inside the text (files joined without stripping it)",
					Fixes:   []mtcheck.Fix{mtcheck.DeleteFix("delete the byte order mark", mtcheck.Span{Start: i, End: i + size}, true)}})
			}
		case r == 0x200B || r == 0x2060:
			prev, _ := utf8.DecodeLastRuneInString(text[:i])
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			if unicode.IsLetter(prev) && unicode.IsLetter(next) {
				pass.Report(mtcheck.Diagnostic{Span: mtcheck.Span{Start: i, End: i + size}, Confidence: encConfZWSP,
					Message: fmt.Sprintf("invisible %U inside a word", r),
					Fixes:   []mtcheck.Fix{mtcheck.DeleteFix("delete the invisible character", mtcheck.Span{Start: i, End: i + size}, false)}})
			}
		case r >= 0x370 && unicode.IsLetter(r):
			if g := encScriptOf(r); g != encNone {
				i = encForeign(pass, text, i, g, &dense)
				continue
			}
		}
		i += size
	}
	return nil
}

// encControl reports a control character at i.
func encControl(pass *mtcheck.Pass, text string, i, size int, r rune) {
	span := mtcheck.Span{Start: i, End: i + size}
	if r == '\f' || r == '\v' {
		// A page break at the start or end of a line is a convention of plain-text
		// documents (licences, RFCs), not damage.
		before, after := text[:i], text[i+size:]
		if before == "" || before[len(before)-1] == '\n' || after == "" || after[0] == '\n' || after[0] == '\r' {
			return
		}
		pass.Report(mtcheck.Diagnostic{Span: span, Confidence: encConfFormFeed,
			Message: fmt.Sprintf("control character %U (a page or line break from another format)", r),
			Fixes:   []mtcheck.Fix{mtcheck.ReplaceFix("replace with a line break", span, "\n", false)}})
		return
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	// Deleting is safe unless it would join two words.
	safe := !(encWordRune(prev) && encWordRune(next))
	pass.Report(mtcheck.Diagnostic{Span: span, Confidence: encConfControl,
		Message: fmt.Sprintf("stray control character %U", r),
		Fixes:   []mtcheck.Fix{mtcheck.DeleteFix("delete the control character", span, safe)}})
}

func encWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// encCP1252 maps the bytes 0x80–0x9F to their Windows-1252 characters (0
// where Windows-1252 leaves the byte undefined).
var encCP1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// encCP1252Byte returns the Windows-1252 byte that displays as r. The five
// bytes Windows-1252 leaves undefined, and the whole C1 range, map to the
// code points of the same value, as ISO-8859-1 and most decoders have it.
func encCP1252Byte(r rune) (byte, bool) {
	if r >= 0x80 && r <= 0xff {
		return byte(r), true
	}
	switch r {
	case '€':
		return 0x80, true
	case '‚':
		return 0x82, true
	case 'ƒ':
		return 0x83, true
	case '„':
		return 0x84, true
	case '…':
		return 0x85, true
	case '†':
		return 0x86, true
	case '‡':
		return 0x87, true
	case 'ˆ':
		return 0x88, true
	case '‰':
		return 0x89, true
	case 'Š':
		return 0x8a, true
	case '‹':
		return 0x8b, true
	case 'Œ':
		return 0x8c, true
	case 'Ž':
		return 0x8e, true
	case '‘':
		return 0x91, true
	case '’':
		return 0x92, true
	case '“':
		return 0x93, true
	case '”':
		return 0x94, true
	case '•':
		return 0x95, true
	case '–':
		return 0x96, true
	case '—':
		return 0x97, true
	case '˜':
		return 0x98, true
	case '™':
		return 0x99, true
	case 'š':
		return 0x9a, true
	case '›':
		return 0x9b, true
	case 'œ':
		return 0x9c, true
	case 'ž':
		return 0x9e, true
	case 'Ÿ':
		return 0x9f, true
	}
	return 0, false
}

// encSeq reads one UTF-8 sequence spelled in Windows-1252 characters at i.
// It returns the end of the sequence, the decoded rune and whether the
// decoded rune alone is convincing (Latin, general punctuation, currency,
// BOM…); end is -1 if no plausible sequence starts at i.
func encSeq(s string, i int) (end int, dec rune, strong bool) {
	r, size := utf8.DecodeRuneInString(s[i:])
	lead, ok := encCP1252Byte(r)
	if !ok {
		return -1, 0, false
	}
	var need int
	switch {
	case lead >= 0xc2 && lead <= 0xdf:
		need = 1
	case lead >= 0xe0 && lead <= 0xef:
		need = 2
	case lead >= 0xf0 && lead <= 0xf4:
		need = 3
	default:
		return -1, 0, false
	}
	var buf [4]byte
	buf[0] = lead
	j := i + size
	for k := 1; k <= need; k++ {
		if j >= len(s) {
			return -1, 0, false
		}
		r, sz := utf8.DecodeRuneInString(s[j:])
		b, ok := encCP1252Byte(r)
		if !ok || b < 0x80 || b > 0xbf {
			return -1, 0, false
		}
		buf[k] = b
		j += sz
	}
	dec, dsize := utf8.DecodeRune(buf[:need+1])
	if dec == utf8.RuneError && dsize <= 1 || dsize != need+1 {
		return -1, 0, false
	}
	plausible, strong := encPlausible(dec)
	if !plausible {
		return -1, 0, false
	}
	return j, dec, strong
}

// encPlausible says whether dec is a character mojibake plausibly came
// from, and whether it is convincing on its own.
func encPlausible(dec rune) (plausible, strong bool) {
	switch {
	case dec >= 0xa0 && dec <= 0x24f:
		return true, true // Latin-1 and Latin Extended: é, ü, ł, NBSP, £
	case dec >= 0x2000 && dec <= 0x206f, dec >= 0x20a0 && dec <= 0x20cf, dec == 0x2122, dec == 0xfeff, dec == 0xfffd:
		return true, true // punctuation, currency, ™, BOM
	case dec >= 0x370 && dec <= 0x52f, dec >= 0x5d0 && dec <= 0x5ea, dec >= 0x620 && dec <= 0x64a,
		dec >= 0xe00 && dec <= 0xe7f, dec >= 0x3040 && dec <= 0x30ff, dec >= 0x4e00 && dec <= 0x9fff, dec >= 0xac00 && dec <= 0xd7af:
		return unicode.IsLetter(dec), false
	case dec >= 0x2100 && dec <= 0x27bf, dec >= 0x3000 && dec <= 0x303f, dec >= 0xff00 && dec <= 0xffef, dec >= 0x1f300 && dec <= 0x1faff:
		return true, false // symbols, arrows, CJK and full-width punctuation, emoji
	}
	return false, false
}

// encDecodeRun decodes the longest run of mojibake sequences at the start of
// s and returns its end, the decoded text, the number of sequences and
// whether each was convincing alone.
func encDecodeRun(s string) (end int, dec string, n int, strong bool) {
	var b strings.Builder
	strong = true
	for end < len(s) {
		j, r, st := encSeq(s, end)
		if j < 0 {
			break
		}
		b.WriteRune(r)
		n++
		strong = strong && st
		end = j
	}
	return end, b.String(), n, strong
}

// encMojibake reports mojibake starting at i and returns where it ends, or
// i if there is none.
func encMojibake(pass *mtcheck.Pass, text string, i int) int {
	end, dec, n, strong := encDecodeRun(text[i:])
	if n == 0 {
		return encLoneLead(pass, text, i)
	}
	if !strong && n < 2 {
		return i
	}
	end += i
	// Text garbled twice decodes to mojibake again.
	for k := 0; k < 2; k++ {
		e2, d2, n2, _ := encDecodeRun(dec)
		if n2 == 0 || e2 != len(dec) {
			break
		}
		dec = d2
	}
	conf := encConfMojibake
	if !strong {
		conf = encConfMojiWeak
	}
	span := mtcheck.Span{Start: i, End: end}
	pass.Report(mtcheck.Diagnostic{Span: span, Confidence: conf,
		Message: fmt.Sprintf("mojibake %q (UTF-8 read as Windows-1252): should be %q", text[i:end], dec),
		Fixes:   []mtcheck.Fix{mtcheck.ReplaceFix(fmt.Sprintf("replace with %q", dec), span, dec, true)}})
	return end
}

// encLoneLead reports the remains of a sequence that lost its last byte:
// "â€" where "’" or "”" was, "Â" before a space where a no-break space was,
// "Ã" before a space where "à" was.
func encLoneLead(pass *mtcheck.Pass, text string, i int) int {
	next := func(j int) rune { r, _ := utf8.DecodeRuneInString(text[j:]); return r }
	switch {
	case strings.HasPrefix(text[i:], "â€"):
		end := i + len("â€")
		span := mtcheck.Span{Start: i, End: end}
		pass.Report(mtcheck.Diagnostic{Span: span, Confidence: encConfTruncQuote,
			Message: `mojibake "â€": the remains of a curly quotation mark or dash whose last byte was lost`,
			Fixes:   []mtcheck.Fix{mtcheck.ReplaceFix(`replace with "”"`, span, "”", false)}})
		return end
	case strings.HasPrefix(text[i:], "Â"), strings.HasPrefix(text[i:], "Ã"):
		end := i + len("Â")
		if end < len(text) && next(end) != ' ' {
			return i
		}
		span := mtcheck.Span{Start: i, End: end}
		if text[i+1] == 0x82 { // Â
			pass.Report(mtcheck.Diagnostic{Span: span, Confidence: encConfLoneLead,
				Message: `mojibake "Â" before a space: the remains of a no-break space`,
				Fixes:   []mtcheck.Fix{mtcheck.DeleteFix(`delete "Â"`, span, false)}})
		} else {
			// "Ã" and two spaces: the first space was the no-break space
			// that ended "à".
			fix := span
			if strings.HasPrefix(text[end:], "  ") {
				fix.End++
			}
			pass.Report(mtcheck.Diagnostic{Span: span, Confidence: encConfLoneLead,
				Message: `mojibake "Ã" before a space: probably "à" whose second byte was lost`,
				Fixes:   []mtcheck.Fix{mtcheck.ReplaceFix(`replace with "à"`, fix, "à", false)}})
		}
		return end
	}
	return i
}

// encScript is a group of scripts whose letters count as foreign residue.
type encScript uint8

const (
	encNone encScript = iota
	encCJK            // Han, Hiragana, Katakana, Hangul, Bopomofo
	encCyrillic
	encGreek
	encArabic
	encHebrew
	encThai
	encIndic
	encOther
)

var encScriptNames = [...]string{"", "CJK", "Cyrillic", "Greek", "Arabic", "Hebrew", "Thai", "Indic", "non-Latin"}

var encOtherScripts = []*unicode.RangeTable{unicode.Georgian, unicode.Armenian, unicode.Ethiopic, unicode.Khmer,
	unicode.Lao, unicode.Myanmar, unicode.Sinhala, unicode.Tibetan, unicode.Syriac, unicode.Thaana, unicode.Mongolian}

var encIndicScripts = []*unicode.RangeTable{unicode.Devanagari, unicode.Bengali, unicode.Gurmukhi, unicode.Gujarati,
	unicode.Oriya, unicode.Tamil, unicode.Telugu, unicode.Kannada, unicode.Malayalam}

// encScriptOf returns the script group of the letter r (encNone for Latin
// and letters of no particular script).
func encScriptOf(r rune) encScript {
	switch {
	case r < 0x370:
		return encNone
	case r <= 0x3ff || r >= 0x1f00 && r <= 0x1fff:
		return encGreek
	case r <= 0x52f || r >= 0x2de0 && r <= 0x2dff || r >= 0xa640 && r <= 0xa69f:
		return encCyrillic
	case r >= 0x590 && r <= 0x5ff:
		return encHebrew
	case r >= 0x600 && r <= 0x6ff || r >= 0x750 && r <= 0x77f || r >= 0xfb50 && r <= 0xfdff || r >= 0xfe70 && r <= 0xfeff:
		return encArabic
	case r >= 0xe00 && r <= 0xe7f:
		return encThai
	case r >= 0x1100 && r <= 0x11ff, r >= 0x3005 && r <= 0x3007, r >= 0x3040 && r <= 0x31ff, r >= 0x3400 && r <= 0x4dbf,
		r >= 0x4e00 && r <= 0x9fff, r >= 0xac00 && r <= 0xd7af, r >= 0xf900 && r <= 0xfaff, r >= 0xff66 && r <= 0xffdc,
		r >= 0x20000 && r <= 0x3134f:
		return encCJK
	case r >= 0x1e00 && r <= 0x1eff:
		return encNone // Latin Extended Additional (Vietnamese)
	}
	for _, t := range encIndicScripts {
		if unicode.Is(t, r) {
			return encIndic
		}
	}
	for _, t := range encOtherScripts {
		if unicode.Is(t, r) {
			return encOther
		}
	}
	return encNone
}

// encInRun reports whether r continues a run of script g: a letter of g or
// a combining mark.
func encInRun(r rune, g encScript) bool {
	if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) {
		return true
	}
	if r == 0x30fc || r == 0xff70 { // prolonged sound marks
		return g == encCJK
	}
	return unicode.IsLetter(r) && encScriptOf(r) == g
}

// encDensity remembers where the last few foreign runs started.
type encDensity struct {
	starts [encDenseRuns]int
	n      int
}

// Beyond encDenseRuns foreign runs within encDenseSpan bytes, further
// runs are not examined.
const (
	encDenseRuns = 8
	encDenseSpan = 300
)

// crowded records a run starting at i and reports whether encDenseRuns
// runs already started within encDenseSpan bytes before it.
func (d *encDensity) crowded(i int) bool {
	k := d.n % encDenseRuns
	full := d.n >= encDenseRuns && i-d.starts[k] < encDenseSpan
	d.starts[k] = i
	d.n++
	return full
}

// encForeign examines the run of script g that starts at i, reports it if
// it is residue in an English sentence, and returns the run's end.
func encForeign(pass *mtcheck.Pass, text string, i int, g encScript, dense *encDensity) int {
	end, letters := i, 0
	for j := i; j < len(text); {
		r, size := utf8.DecodeRuneInString(text[j:])
		if encInRun(r, g) {
			if unicode.IsLetter(r) {
				letters++
			}
			j += size
			end = j
			continue
		}
		// Joiners and apostrophes (Hebrew geresh) inside a word, and
		// words of the same script separated by spaces or the script's
		// own punctuation, belong to one run.
		k := j
		if r == 0x200c || r == 0x200d || r == '\'' || r == '’' || r == '׳' || r == '״' {
			k += size
		}
		for k < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[k:])
			if r2 == ' ' || r2 == '-' || g == encCJK && (r2 >= 0x3000 && r2 <= 0x3003 || r2 >= 0xff01 && r2 <= 0xff0f || r2 == '・') {
				k += s2
				continue
			}
			break
		}
		if k > j && k-j <= 3 && k < len(text) {
			if r3, _ := utf8.DecodeRuneInString(text[k:]); unicode.IsLetter(r3) && encScriptOf(r3) == g {
				j = k
				continue
			}
		}
		break
	}
	span := mtcheck.Span{Start: i, End: end}
	if dense.crowded(i) {
		// Many foreign runs close together: mixed-script text, not residue
		// in an English sentence. Skipping them also bounds the work.
		return end
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[end:])
	if g == encCyrillic && (encIsLatinLetter(prev) || encIsLatinLetter(next)) && encHomoglyph(pass, text, span) {
		return end
	}
	if g == encGreek && (letters <= 3 || encSymbolNeighbour(prev) || encSymbolNeighbour(next)) {
		return end // Greek letters as symbols: "β-catenin", "α = 0.05", "ΔΔCt"
	}
	if encNotProse(text, span) {
		return end
	}
	if encCapitalised(text[i:end]) {
		return end // a name in its own script: "Мирослав Николић"
	}
	quoted, conf := encContext(text, span)
	if conf == 0 {
		return end
	}
	if !quoted && g == encCJK && letters <= 3 && encHanOnly(text[i:end]) {
		conf = encConfShortHan
	}
	what := encScriptNames[g]
	if g == encCJK {
		what = encCJKName(text[i:end])
	}
	msg := fmt.Sprintf("untranslated %s text %q in an English sentence", what, text[i:end])
	if conf == encConfShortHan {
		msg = fmt.Sprintf("%s text %q in an English sentence (untranslated, or a name in its own script)", what, text[i:end])
	}
	if quoted {
		msg = fmt.Sprintf("quoted %s text %q without a translation", what, text[i:end])
	}
	pass.Reportf(span, conf, nil, "%s", msg)
	return end
}

// encCapitalised reports whether every word of s starts with a capital
// letter (and the script has capitals at all).
func encCapitalised(s string) bool {
	start, any := true, false
	for _, r := range s {
		if r == ' ' || r == '-' {
			start = true
			continue
		}
		if start {
			if !unicode.IsUpper(r) {
				return false
			}
			any = true
		}
		start = false
	}
	return any
}

func encHanOnly(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

func encIsLatinLetter(r rune) bool {
	return r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') || r >= 0xc0 && r < 0x250 && unicode.IsLetter(r)
}

func encSymbolNeighbour(r rune) bool {
	return encIsLatinLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '^' || r == '/' || r == '=' ||
		unicode.Is(unicode.Sm, r) || unicode.Is(unicode.No, r)
}

// encCJKName names the script of a CJK run.
func encCJKName(s string) string {
	han, kana, hangul := false, false, false
	for _, r := range s {
		switch {
		case r >= 0x3040 && r <= 0x30ff || r >= 0x31f0 && r <= 0x31ff || r >= 0xff66 && r <= 0xff9f:
			kana = true
		case r >= 0xac00 && r <= 0xd7af || r >= 0x1100 && r <= 0x11ff || r >= 0x3130 && r <= 0x318f:
			hangul = true
		case unicode.Is(unicode.Han, r):
			han = true
		}
	}
	switch {
	case kana:
		return "Japanese"
	case hangul:
		return "Korean"
	case han:
		return "Chinese"
	}
	return "CJK"
}

// encHomoglyphs maps Cyrillic letters to the Latin letters they look like.
var encHomoglyphs = map[rune]rune{
	'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'һ': 'h',
	'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X', 'І': 'I', 'Ј': 'J', 'Ѕ': 'S', 'У': 'Y',
}

// encHomoglyph reports Cyrillic look-alikes inside a Latin word ("Mоscow")
// and says whether it did: every letter of span must look like a Latin one.
func encHomoglyph(pass *mtcheck.Pass, text string, span mtcheck.Span) bool {
	var b strings.Builder
	for _, r := range text[span.Start:span.End] {
		l, found := encHomoglyphs[r]
		if !found {
			return false
		}
		b.WriteRune(l)
	}
	ws, we := span.Start, span.End
	for ws > 0 && span.Start-ws < 64 {
		r, size := utf8.DecodeLastRuneInString(text[:ws])
		if !encIsLatinLetter(r) {
			break
		}
		ws -= size
	}
	for we < len(text) && we-span.End < 64 {
		r, size := utf8.DecodeRuneInString(text[we:])
		if !encIsLatinLetter(r) {
			break
		}
		we += size
	}
	pass.Report(mtcheck.Diagnostic{Span: span, Confidence: encConfHomoglyph,
		Message: fmt.Sprintf("Cyrillic %q inside the Latin word %q", text[span.Start:span.End], text[ws:we]),
		Fixes:   []mtcheck.Fix{mtcheck.ReplaceFix(fmt.Sprintf("replace with Latin %q", b.String()), span, b.String(), true)}})
	return true
}

// encSentenceBounds returns the sentence around span, found cheaply: up to
// encReach bytes either way, stopping at sentence-final punctuation
// followed by a space, and at blank lines.
func encSentenceBounds(text string, span mtcheck.Span) (int, int) {
	const encReach = 300
	lo := span.Start
	for lo > 0 && span.Start-lo < encReach {
		r, size := utf8.DecodeLastRuneInString(text[:lo])
		if r == '。' || r == '！' || r == '？' {
			break
		}
		if (r == '.' || r == '!' || r == '?') && lo < span.Start && (text[lo] == ' ' || text[lo] == '\n') {
			break
		}
		if r == '\n' && strings.TrimSpace(encLineBefore(text, lo-size)) == "" {
			break
		}
		lo -= size
	}
	hi := span.End
	for hi < len(text) && hi-span.End < encReach {
		r, size := utf8.DecodeRuneInString(text[hi:])
		hi += size
		if r == '。' || r == '！' || r == '？' {
			break
		}
		if (r == '.' || r == '!' || r == '?') && (hi == len(text) || text[hi] == ' ' || text[hi] == '\n') {
			break
		}
		if r == '\n' && hi < len(text) && strings.TrimSpace(encLineAt(text, hi)) == "" {
			break
		}
	}
	return lo, hi
}

// encLineBefore returns the line that ends at the newline at nl, or at most
// its last encLineReach bytes.
func encLineBefore(text string, nl int) string {
	lo := max(0, nl-encLineReach)
	k := strings.LastIndexByte(text[lo:nl], '\n')
	return text[lo+k+1 : nl]
}

// encLineAt returns the line that starts at i, or at most its first
// encLineReach bytes.
func encLineAt(text string, i int) string {
	hi := min(len(text), i+encLineReach)
	k := strings.IndexByte(text[i:hi], '\n')
	if k < 0 {
		return text[i:hi]
	}
	return text[i : i+k]
}

// encLineReach bounds every search around a run, so that no input makes
// the rule quadratic.
const encLineReach = 300

// encExplainCues are words that, shortly before a foreign run, introduce it
// as a quoted form: "the Russian word", "written as", "the slogan".
var encExplainCues = map[string]bool{
	"word": true, "words": true, "term": true, "terms": true, "phrase": true, "called": true, "named": true, "known": true,
	"meaning": true, "means": true, "literally": true, "reads": true, "read": true, "written": true, "spelled": true, "spelt": true,
	"character": true, "characters": true, "kanji": true, "hanzi": true, "hiragana": true, "katakana": true, "hangul": true,
	"cyrillic": true, "script": true, "slogan": true, "motto": true, "sign": true, "banner": true, "title": true, "titled": true,
	"inscription": true, "inscribed": true, "name": true, "translated": true, "transliterated": true, "pronounced": true,
	"japanese": true, "chinese": true, "mandarin": true, "cantonese": true, "korean": true, "russian": true, "ukrainian": true,
	"belarusian": true, "bulgarian": true, "serbian": true, "macedonian": true, "kazakh": true, "mongolian": true, "greek": true,
	"arabic": true, "persian": true, "farsi": true, "urdu": true, "pashto": true, "hebrew": true, "yiddish": true, "thai": true,
	"hindi": true, "sanskrit": true, "bengali": true, "tamil": true, "nepali": true, "georgian": true, "armenian": true,
	"amharic": true, "khmer": true, "lao": true, "burmese": true, "tibetan": true,
}

// encFunctionWords are common English function words; a sentence with
// none of them is not English, whatever its script.
var encFunctionWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "in": true, "on": true, "and": true, "is": true,
	"was": true, "for": true, "with": true, "said": true, "that": true, "by": true, "at": true, "from": true,
	"as": true, "it": true, "be": true, "are": true, "has": true, "have": true, "will": true, "were": true,
	"this": true, "he": true, "she": true, "they": true, "we": true, "not": true, "but": true, "or": true,
}

// encLanguageCue reports whether the cue w names a language or script.
func encLanguageCue(w string) bool {
	switch w {
	case "word", "words", "term", "terms", "phrase", "called", "named", "known", "meaning", "means", "literally",
		"reads", "read", "written", "spelled", "spelt", "character", "characters", "script", "slogan", "motto",
		"sign", "banner", "title", "titled", "inscription", "inscribed", "name", "translated", "transliterated", "pronounced":
		return w == "script"
	}
	return true
}

// encNotProse reports whether the run at span belongs to something other
// than a sentence: a token such as a domain name or file name
// ("βόλος.com"), an alternative form ("翠 / green", "Praveen|പ്രവീണ്"), a
// name before an e-mail address, or a line of its own (a title, a list
// of names) with fewer than two Latin words beside it.
func encNotProse(text string, span mtcheck.Span) bool {
	for j := span.Start; j > 0 && span.Start-j < 64; {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if unicode.IsSpace(r) {
			break
		}
		if r < 0x80 && (encIsLatinLetter(r) || unicode.IsDigit(r)) || strings.ContainsRune("@/|\\_=<>.:", r) && j < span.Start {
			return true
		}
		j -= size
	}
	for j := span.End; j < len(text) && j-span.End < 64; {
		r, size := utf8.DecodeRuneInString(text[j:])
		if unicode.IsSpace(r) {
			break
		}
		if r < 0x80 && (encIsLatinLetter(r) || unicode.IsDigit(r)) || strings.ContainsRune("@/|\\_=<>", r) {
			return true
		}
		if r == '.' || r == ':' {
			// "βόλος.com", but not a full stop.
			if n, _ := utf8.DecodeRuneInString(text[j+size:]); j+size < len(text) && !unicode.IsSpace(n) && !unicode.IsPunct(n) {
				return true
			}
		}
		j += size
	}
	before := strings.TrimRight(text[max(0, span.Start-encLineReach):span.Start], " \t*_")
	if strings.HasSuffix(before, "/") || strings.HasSuffix(before, "|") {
		return true
	}
	after := strings.TrimLeft(text[span.End:min(len(text), span.End+encLineReach)], " \t*_")
	if strings.HasPrefix(after, "/") || strings.HasPrefix(after, "|") || strings.HasPrefix(after, "<") {
		return true
	}
	// Latin words on the run's own line.
	ls := max(0, span.Start-encLineReach)
	ls += strings.LastIndexByte(text[ls:span.Start], '\n') + 1
	le := min(len(text), span.End+encLineReach)
	if k := strings.IndexByte(text[span.End:le], '\n'); k >= 0 {
		le = span.End + k
	}
	return encLatinWords(text[ls:span.Start])+encLatinWords(text[span.End:le]) < 2
}

// encLatinWords counts words of two or more Latin letters in s.
func encLatinWords(s string) int {
	n, run := 0, 0
	for _, r := range s {
		if encIsLatinLetter(r) {
			run++
			if run == 2 {
				n++
			}
			continue
		}
		if r != '\'' && r != '’' {
			run = 0
		}
	}
	return n
}

// encContext decides how a foreign run reads in its sentence. It returns a
// zero confidence when the run is not residue: the sentence is not mostly
// Latin-script words, or the run is explained (in parentheses, after a cue
// word, or before a gloss). quoted is set for a run in quotation marks.
func encContext(text string, span mtcheck.Span) (quoted bool, conf float64) {
	lo, hi := encSentenceBounds(text, span)
	// The rest of the sentence must be English-looking: at least three
	// Latin words, one of them an English function word, and more Latin
	// letters than foreign ones (a CJK character counting as two).
	latinWords, function, latin, foreign := 0, 0, 0, 0
	ws := -1
	for j := lo; j <= hi; {
		var r rune
		size := 1
		if j < hi && j != span.Start {
			r, size = utf8.DecodeRuneInString(text[j:])
		}
		if encIsLatinLetter(r) || ws >= 0 && (r == '\'' || r == '’') {
			if ws < 0 {
				ws = j
			}
			if r != '\'' && r != '’' {
				latin++
			}
			j += size
			continue
		}
		if ws >= 0 {
			if j-ws >= 2 {
				latinWords++
			}
			if j-ws <= 5 && encFunctionWords[strings.ToLower(text[ws:j])] {
				function++
			}
			ws = -1
		}
		if j == hi {
			break
		}
		if j == span.Start {
			j = span.End
			continue
		}
		if unicode.IsLetter(r) {
			foreign++
			if encScriptOf(r) == encCJK {
				foreign++
			}
		}
		j += size
	}
	for _, r := range text[span.Start:span.End] {
		if unicode.IsLetter(r) {
			foreign++
			if encScriptOf(r) == encCJK {
				foreign++
			}
		}
	}
	if latinWords < 3 || function == 0 || latin <= foreign {
		return false, 0
	}
	// Inside parentheses or brackets: an original-script form, "Tokyo (東京)".
	for j := span.Start; j > lo; {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if r == ')' || r == ']' || r == '）' {
			break
		}
		if r == '(' || r == '[' || r == '（' {
			return false, 0
		}
		j -= size
	}
	// A cue word within the few words before: "the Russian word «мир»".
	words := 0
	for j := span.Start; j > lo && words < 4; {
		k := j
		for k > lo {
			r, size := utf8.DecodeLastRuneInString(text[:k])
			if encIsLatinLetter(r) {
				break
			}
			k -= size
		}
		ws := k
		for ws > lo {
			r, size := utf8.DecodeLastRuneInString(text[:ws])
			if !encIsLatinLetter(r) {
				break
			}
			ws -= size
		}
		if ws == k {
			break
		}
		if encExplainCues[strings.ToLower(text[ws:k])] {
			return false, 0
		}
		words++
		j = ws
	}
	// A language or script named just after: "Война и мир, in Cyrillic".
	words = 0
	for j := span.End; j < hi && words < 3; {
		for j < hi {
			r, size := utf8.DecodeRuneInString(text[j:])
			if encIsLatinLetter(r) {
				break
			}
			j += size
		}
		ws := j
		for j < hi {
			r, size := utf8.DecodeRuneInString(text[j:])
			if !encIsLatinLetter(r) {
				break
			}
			j += size
		}
		if ws == j {
			break
		}
		if w := strings.ToLower(text[ws:j]); encExplainCues[w] && encLanguageCue(w) {
			return false, 0
		}
		words++
	}
	// Quotation marks around the run, and a gloss after it.
	open, _ := utf8.DecodeLastRuneInString(text[:span.Start])
	closer, size := utf8.DecodeRuneInString(text[span.End:])
	after := span.End
	if strings.ContainsRune("\"“‘'«„「『‹", open) && strings.ContainsRune("\"”’'»“」』›", closer) {
		quoted = true
		after += size
	}
	rest := strings.TrimLeft(text[after:hi], " ,")
	if strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "[") {
		return quoted, 0
	}
	low := strings.ToLower(rest)
	for _, g := range []string{"meaning", "which means", "or ", "i.e.", "literally", "— ", "– ", "- "} {
		if strings.HasPrefix(low, g) && quoted {
			return quoted, 0
		}
	}
	if strings.HasPrefix(low, "meaning") || strings.HasPrefix(low, "which means") || strings.HasPrefix(low, "literally") {
		return quoted, 0
	}
	if quoted {
		return true, encConfQuoted
	}
	return false, encConfResidue
}
