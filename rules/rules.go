// Package rules holds mtcheck's built-in rules, one file per rule.
//
// Rules are plain values registered in explicit slices: [All] lists every
// built-in rule and [Default] the ones that run when configuration says
// nothing. Opt-in rules are in All but not in Default.
package rules

import "github.com/mtcheck/mtcheck/mtcheck"

// All returns every built-in rule in a stable order.
func All() []*mtcheck.Rule {
	return []*mtcheck.Rule{
		MTFingerprint,
		TorturedPhrase,
		NameConsistency,
		FusedWords,
		MissingSpace,
		SplicedFragment,
		SentenceFragment,
		Quotes,
		Brackets,
		Boilerplate,
		DuplicateLine,
		RepeatedWord,
		Encoding,
	}
}

// optIn names the built-in rules that run only when configuration enables
// them. Every built-in rule is on by default today; a rule that cannot keep
// to one false positive per 10,000 words of clean prose goes here.
var optIn = map[string]bool{}

// Default returns the rules that run by default: every rule of [All] that
// is not opt-in, in the same order.
func Default() []*mtcheck.Rule {
	var out []*mtcheck.Rule
	for _, r := range All() {
		if !optIn[r.Name] {
			out = append(out, r)
		}
	}
	return out
}

// ByName returns the built-in rule called name, or nil.
func ByName(name string) *mtcheck.Rule {
	for _, r := range All() {
		if r.Name == name {
			return r
		}
	}
	return nil
}
