// Package markup checks the prose inside Markdown and HTML documents and
// reports diagnostics and fixes that point at the exact bytes of the
// original file.
//
// # Extraction and the offset map
//
// [Extract] turns a document into a check text: the prose as a reader sees
// it. Rules run on the check text unchanged; [Extracted.MapDiagnostic] maps
// their diagnostics (span, related spans and fix edits) back to the source,
// and [Check] does it all and returns a report against the source, so that
// offsets, lines and columns are the file's own.
//
// The check text is built from pieces, each mapped to a source span:
//
//   - copied prose, byte for byte identical to the source (offsets map
//     linearly; in text without markup the whole document is one piece);
//   - indivisible replacements: a decoded character reference (&amp; &rsquo;
//     &#8217; &nbsp;), a Markdown backslash escape, or a run of HTML white
//     space collapsed to one space or line break. Offsets inside one map to
//     its whole source span; a fix edit that would cut through one is
//     dropped;
//   - blank lines added where a block ends (paragraph, heading, list item,
//     table cell, block quote, code block, footnote, HTML block elements
//     and <br>; a Markdown hard line break stays a line break), so
//     rules that work per paragraph or per sentence never glue two blocks;
//   - placeholder words standing for code spans, inline <code>, images and
//     autolinked URLs, so the sentence around them stays a sentence: "code",
//     "image" or "link" followed by five lowercase letters hashed from the
//     content ("codexqjmb"), so that lines differing only in their code do
//     not look like duplicates. A finding that starts or ends at a
//     placeholder is about content that is not prose and is dropped.
//
// Links into the same page ("[Intro](#intro)", <a href="#intro">), which
// in tables of contents repeat the headings, stand as placeholders too, and
// blocks without a single letter (a table cell holding "[" or "42") are left
// out, since they hold no prose. Everything else is left out as well:
// markup characters, link destinations and titles, image URLs and alt
// text, raw HTML tags and their attributes, comments, fenced and indented
// code, front matter (--- YAML --- or +++ TOML +++ at the start of a
// Markdown file), a byte order mark, and the content of script, style,
// template and noscript (which render nothing), pre, textarea, svg, math,
// iframe and object (which end the paragraph) and code, kbd and samp (which
// leave a placeholder).
//
// # Why markup is removed rather than blanked
//
// Keeping the check text the same length as the source, with markup replaced
// by spaces, would make offsets trivially identical, but it makes the check
// text differ from what a reader sees: "**Note**: x" would read "  Note  : x"
// (a space before a colon, a doubled space), "un**believ**able" would be
// three words, and "ended.**But**" would hide a real missing space. Since
// decoded character references need an offset map anyway, markup is removed
// and the map carries the offsets. Where markup sits between two pieces,
// the map knows where an insertion belongs: before inline openers
// ("ended. **But**") and after closers ("[end.](u) Then"), so fixes keep the
// markup valid. Deleting whole blocks of the check text (with the blank
// line after them) deletes their source with its markup: the lines of a
// Markdown paragraph, heading, list item or quote with their markers, a
// table cell's content, or an HTML block element from its start tag to its
// end tag. Any other edit whose source range would include skipped markup,
// a block boundary or a placeholder is dropped (the diagnostic stays,
// without that fix). Replacement text is escaped for the target language.
//
// Markdown is parsed with goldmark (CommonMark, GFM tables, strikethrough,
// task lists, footnotes and autolinks) using the byte segments it records; HTML is read
// with the golang.org/x/net/html tokenizer, tracking each token's raw bytes.
// Raw HTML inside Markdown goes through the same HTML reader.
//
// # Suppression comments
//
// In every kind of document, including plain text, comments of this form
// suppress findings:
//
//	<!-- mtcheck-disable -->                 all rules from here on
//	<!-- mtcheck-disable rule1,rule2 -->     the named rules from here on
//	<!-- mtcheck-enable rule1 -->            ends the suppression of rule1
//	<!-- mtcheck-enable -->                  ends every suppression
//	<!-- mtcheck-disable-next-line rule1 --> findings starting on the next line
//
// A reason may follow the rules after "--". In plain text a suppression
// comment must stand alone on its line; that line is left out of the check
// text. Plain-text articles do not normally contain HTML comments, while
// markers such as "# mtcheck-disable" could be a heading or a list. In
// Markdown, comments inside code are text, not directives. With
// [CheckOptions.ReportUnusedDisables], a directive that suppressed nothing
// among the rules that ran yields an "unused-disable" diagnostic (with a fix
// that removes the comment); such diagnostics do not count towards the
// score.
//
// # Scoring
//
// Words are counted in the check text, so code blocks and markup do not
// dilute the penalty; suppressed findings count for nothing.
package markup
