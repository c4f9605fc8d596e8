// Package mtcheck finds the damage that machine translation and automatic
// rewriting ("spinning") leave in English text, and scores it.
//
// A [Rule] is a value: a name, a category, the analysis layers it needs and
// a Run function that inspects a [Pass] and reports [Diagnostic] values.
// A [Checker], built once with [New], runs a set of rules over texts and is
// safe for concurrent use. [Checker.Check] returns a [Report] holding the
// diagnostics, the word count and the score.
//
// # Offsets
//
// Byte offsets into the checked text are the truth everywhere: a [Span] is a
// half-open byte range. Lines and columns are derived on demand by
// [Document.Position], which reports columns both in characters (runes) and
// in UTF-16 code units.
//
// # Analysis layers
//
// Lines and paragraphs are always available. Sentences, tokens, part-of-speech
// tags and named entities are computed lazily, at most once per document, and
// only when a rule asks for them through its Pass. The prose model behind tags
// and entities is loaded once per process, on first need.
//
// Builds with the tag mtcheck_noprose leave out prose, the sentence
// segmenter and their model data (several megabytes), for small binaries
// such as WebAssembly. There [LayersAvailable] is false and [New] refuses
// rules that need any analysis layer.
//
// # Scoring
//
// Each diagnostic weighs w(severity) × confidence, with the MQM-style weights
// info 0.1, warning 1 and error 5. The penalty is the sum of those weights per
// 1,000 words, where texts shorter than 200 words count as 200 words:
//
//	penalty = 1000 × Σ w(severity_i) × confidence_i / max(words, 200)
//	score   = max(0, 100 − 2 × penalty)
//
// The factor 2 ([ScoreScale]) makes a text with one certain warning per 500
// words score 96, and a text with one certain error per 100 words score 0.
// [Report.Categories] splits the penalty by category so users can see why a
// text scored low.
package mtcheck
