package mtcheck

import "fmt"

// Category is the kind of damage a diagnostic reports. The set is fixed and
// its names are stable: they appear in every output format.
type Category string

// The categories of damage.
const (
	// Mistranslation covers round-trip fingerprints and tortured phrases.
	Mistranslation Category = "mistranslation"
	// Name covers misspelled, inconsistent or fused names.
	Name Category = "name"
	// Spacing covers missing or doubled spaces.
	Spacing Category = "spacing"
	// Splice covers link or headline text spliced into a sentence.
	Splice Category = "splice"
	// Fragment covers sentences without a finite verb.
	Fragment Category = "fragment"
	// Punctuation covers quotes, brackets and doubled marks.
	Punctuation Category = "punctuation"
	// Boilerplate covers scraper and CMS residue.
	Boilerplate Category = "boilerplate"
	// Duplication covers repeated lines, titles and words.
	Duplication Category = "duplication"
	// Encoding covers mojibake and stray foreign script.
	Encoding Category = "encoding"
)

// Categories lists every category in a stable order.
var Categories = []Category{Mistranslation, Name, Spacing, Splice, Fragment, Punctuation, Boilerplate, Duplication, Encoding}

// ParseCategory returns the category called s, or an error naming the valid ones.
func ParseCategory(s string) (Category, error) {
	for _, c := range Categories {
		if string(c) == s {
			return c, nil
		}
	}
	return "", fmt.Errorf("unknown category %q (want one of %v)", s, Categories)
}
