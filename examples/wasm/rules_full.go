//go:build full

package main

import "github.com/mtcheck/mtcheck/rules"

// buildRules is the full build (tag full): every default rule, including
// those that need prose's analysis layers.
func buildRules() ruleSet {
	return ruleSet{
		variant:  "full",
		defaults: rules.Default(),
		known:    rules.All(),
	}
}
