//go:build mtcheck_noprose

package mtcheck

// LayersAvailable reports whether this build can compute the sentence,
// token, tag and entity layers. It is false in builds with the tag
// mtcheck_noprose, which leave out prose and its model data: [New] then
// refuses rules whose Needs are not zero.
const LayersAvailable = false

// proseToken mirrors prose.Token's fields so that token alignment compiles
// (and is tested) without prose.
type proseToken struct {
	Tag   string
	Text  string
	Label string
}

func segmentText(string) []Span { return nil }

func tokenizeText(string) []proseToken { return nil }

func analyseText(string, bool) []proseToken { return nil }
