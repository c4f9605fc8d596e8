package config

import (
	"fmt"
	"path"
	"strings"
)

// glob is a compiled path pattern: slash-separated segments, each matched
// with path.Match, where a "**" segment matches any number of segments
// (none included).
type glob struct {
	text string
	segs []string
}

// compileGlob checks and splits a pattern written relative to the
// configuration file's directory.
func compileGlob(pattern string) (glob, error) {
	p := strings.TrimSpace(pattern)
	if p == "" {
		return glob{}, fmt.Errorf("empty pattern")
	}
	if strings.Contains(p, "\\") {
		return glob{}, fmt.Errorf("pattern %q: use / to separate directories (\\ escapes are not supported)", pattern)
	}
	if strings.HasPrefix(p, "/") {
		return glob{}, fmt.Errorf("pattern %q: patterns are relative to the configuration file's directory; drop the leading /", pattern)
	}
	for strings.HasPrefix(p, "./") {
		p = p[2:]
	}
	p = strings.TrimSuffix(p, "/")
	var segs []string
	for _, s := range strings.Split(p, "/") {
		switch {
		case s == "" || s == ".":
			continue
		case s == "..":
			return glob{}, fmt.Errorf("pattern %q: .. is not allowed; patterns match below the configuration file's directory", pattern)
		case s != "**" && strings.Contains(s, "**"):
			return glob{}, fmt.Errorf("pattern %q: ** must be a whole path segment, as in a/**/b", pattern)
		}
		if _, err := path.Match(s, ""); err != nil {
			return glob{}, fmt.Errorf("pattern %q: bad segment %q: %v", pattern, s, err)
		}
		if n := len(segs); s == "**" && n > 0 && segs[n-1] == "**" {
			continue
		}
		segs = append(segs, s)
	}
	if len(segs) == 0 {
		return glob{}, fmt.Errorf("pattern %q matches nothing", pattern)
	}
	return glob{text: pattern, segs: segs}, nil
}

// match reports whether the pattern matches the slash-separated relative
// path rel or one of its parent directories, so "drafts" and "drafts/**"
// both cover every file below drafts.
func (g glob) match(rel []string) bool {
	for n := 1; n <= len(rel); n++ {
		if matchSegs(g.segs, rel[:n]) {
			return true
		}
	}
	return false
}

func matchSegs(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			rest := pat[1:]
			if len(rest) == 0 {
				return true
			}
			for i := 0; i <= len(name); i++ {
				if matchSegs(rest, name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], name[0]); !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}

func matchAny(globs []glob, rel []string) bool {
	for _, g := range globs {
		if g.match(rel) {
			return true
		}
	}
	return false
}
