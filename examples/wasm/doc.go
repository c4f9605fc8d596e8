// Command wasm is mtcheck's WebAssembly front-end: built with GOOS=js
// GOARCH=wasm it installs a global mtcheck object in the JavaScript realm
// that loads it (a Web Worker, see web/worker.js):
//
//	mtcheck.check(text, {rules, disable, minConfidence})
//	    -> {score, words, penalty, categories, diagnostics: [{rule, category,
//	        severity, confidence, message, start, end,
//	        fixes: [{message, safe, edits: [{start, end, text}]}]}]}
//	mtcheck.applyFixes(text, diagnostics, {safeOnly})
//	    -> {text, applied, skipped: [{rule, message, reason}]}
//	mtcheck.rules    // [{name, category, severity, summary, default}]
//	mtcheck.variant  // "rules-only" or "full"
//
// All offsets are UTF-16 code unit offsets, as JavaScript strings index
// (text.slice(start, end) is the flagged text). On bad input or options the
// functions return {error: "message"} instead of a report.
//
// Two builds: the default, rules-only build runs the default rules that need
// no analysis layer and, built with -tags mtcheck_noprose, leaves prose and
// its model data out; -tags full runs every default rule. build.sh builds
// both into web/.
package main
