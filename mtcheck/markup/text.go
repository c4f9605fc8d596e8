package markup

import (
	"html"
	"strings"
)

// entityAt returns the decoded text and length of the character reference
// starting at src[i] == '&', or ok false. With strict (Markdown), the
// reference must end in ';'; otherwise HTML's legacy references without
// ';' are accepted too.
func entityAt(src string, i int, strict bool) (decoded string, n int, ok bool) {
	j := i + 1
	if j >= len(src) {
		return "", 0, false
	}
	if src[j] == '#' {
		j++
		hex := j < len(src) && (src[j] == 'x' || src[j] == 'X')
		if hex {
			j++
		}
		k := j
		for k < len(src) && k-j < 8 && (isDigit(src[k]) || hex && isHex(src[k])) {
			k++
		}
		if k == j {
			return "", 0, false
		}
		j = k
	} else {
		k := j
		for k < len(src) && k-j < 32 && isAlnum(src[k]) {
			k++
		}
		if k == j {
			return "", 0, false
		}
		j = k
	}
	semi := j < len(src) && src[j] == ';'
	if semi {
		j++
	} else if strict {
		return "", 0, false
	}
	cand := src[i:j]
	u := html.UnescapeString(cand)
	if u == cand {
		return "", 0, false
	}
	// UnescapeString decoded a prefix of cand (legacy names may be shorter
	// than the run of letters); the undecoded rest is a common suffix.
	rest := 0
	for rest < len(cand)-2 && rest < len(u) && cand[len(cand)-1-rest] == u[len(u)-1-rest] && isAlnumOrSemi(cand[len(cand)-1-rest]) {
		rest++
	}
	if strict && rest > 0 {
		return "", 0, false
	}
	return u[:len(u)-rest], len(cand) - rest, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isHex(c byte) bool   { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }
func isAlnum(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isAlnumOrSemi(c byte) bool {
	return isAlnum(c) || c == ';'
}

// isASCIIPunct reports whether c may be backslash-escaped in Markdown.
func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// entity appends the text from run to i and then the character reference
// at src[i], read no further than e (strictly, see entityAt), as one
// indivisible piece. It returns the offset after the reference, or i+1 and
// false when there is none there.
func (b *builder) entity(run, i, e int, strict bool) (int, bool) {
	dec, n, ok := entityAt(b.src[:e], i, strict)
	if !ok {
		return i + 1, false
	}
	b.copy(run, i)
	b.add(dec, i, i+n, pAtom, false)
	return i + n, true
}

// mdText appends Markdown inline text src[s:e], decoding backslash escapes
// and character references into indivisible pieces.
func (b *builder) mdText(s, e int) {
	run := s
	for i := s; i < e; {
		c := b.src[i]
		switch {
		case c == '\\' && i+1 < e && isASCIIPunct(b.src[i+1]):
			b.copy(run, i)
			b.add(b.src[i+1:i+2], i, i+2, pAtom, false)
			i += 2
			run = i
		case c == '&':
			next, ok := b.entity(run, i, e, true)
			if ok {
				run = next
			}
			i = next
		default:
			i++
		}
	}
	b.copy(run, e)
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'
}

// htmlText appends HTML text src[s:e]: character references are decoded
// and runs of white space collapse to one space or line break, as a browser
// renders them (white space after white space or at a block's start is
// dropped).
func (b *builder) htmlText(s, e int) {
	run := s
	for i := s; i < e; {
		c := b.src[i]
		switch {
		case isHTMLSpace(c):
			b.copy(run, i)
			j := i
			nl := false
			for j < e && isHTMLSpace(b.src[j]) {
				if b.src[j] == '\n' {
					nl = true
				}
				j++
			}
			if !b.endsInSpace() {
				sep := " "
				if nl {
					sep = "\n"
				}
				if j-i == 1 && b.src[i] == sep[0] {
					b.add(sep, i, j, pCopy, false)
				} else {
					b.add(sep, i, j, pAtom, true)
				}
			}
			i = j
			run = i
		case c == '&':
			next, ok := b.entity(run, i, e, false)
			if ok {
				run = next
			}
			i = next
		default:
			i++
		}
	}
	b.copy(run, e)
}

// extractText handles plain text: the whole text is prose except lines
// that hold only a suppression comment.
func extractText(b *builder) {
	src := b.src
	for ls := 0; ls < len(src); {
		le := strings.IndexByte(src[ls:], '\n')
		next := len(src)
		if le >= 0 {
			le += ls
			next = le + 1
		} else {
			le = len(src)
		}
		line := strings.TrimRight(src[ls:le], "\r")
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "<!--") && strings.HasSuffix(trimmed, "-->") {
			off := ls + strings.Index(line, "<!--")
			if d, ok := parseDirective(src, off, off+len(trimmed)); ok {
				b.directives = append(b.directives, d)
				b.copy(b.pos, ls)
				b.pos = next // skip the line and its newline
				ls = next
				continue
			}
		}
		ls = next
	}
	b.copy(b.pos, len(src))
}
