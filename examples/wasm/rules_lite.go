//go:build !full

package main

import "github.com/mtcheck/mtcheck/rules"

// buildRules is the rules-only build: the default rules that need no
// analysis layer. Build it with -tags mtcheck_noprose so that prose and its
// model data are left out of the binary.
func buildRules() ruleSet {
	return ruleSet{
		variant:  "rules-only",
		defaults: cheapRules(rules.Default()),
		known:    cheapRules(rules.All()),
	}
}
