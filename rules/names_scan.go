package rules

import (
	"strings"
	"unicode/utf8"
)

// This file holds the scanning helpers that fused-words and
// name-consistency share.

// nmsSet returns the set of words.
func nmsSet(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}

// nmsLower returns w lower-cased in *buf (valid until the next call).
func nmsLower(buf *[]byte, w string) []byte {
	b := (*buf)[:0]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			b = append(b[:0], strings.ToLower(w)...)
			break
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	*buf = b
	return b
}

// nmsInURL reports whether the word at [start,end) is part of a URL, e-mail
// address, handle or file name, going by the bytes around it.
func nmsInURL(text string, start, end int) bool {
	if start > 0 {
		switch text[start-1] {
		case '/', '@', '#', '_', '=', '\\':
			return true
		case '.':
			// "example.com" but not "Union.Stoltenberg" (a missing space).
			if text[start] >= 'a' && text[start] <= 'z' && start > 1 && text[start-2] >= 'a' && text[start-2] <= 'z' {
				return true
			}
		}
	}
	if end < len(text) {
		switch text[end] {
		case '/', '@', '_', '\\':
			return true
		case '.':
			if end+1 < len(text) && text[end+1] >= 'a' && text[end+1] <= 'z' {
				return true
			}
		}
	}
	return false
}
