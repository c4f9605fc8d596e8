// Drives a real LanguageTool client library (language-grammar-api) and the
// Markdown-to-annotated-text converter LanguageTool editor plugins use
// (annotatedtext-remark) against an mtcheck-server.
//
// Input on stdin: {"endpoint": "http://127.0.0.1:PORT/v2", "text": "...", "markdown": "..."}
// Output on stdout: {"languages": [...], "plain": <check response>, "annotation": {...}, "markdown": <check response>}
"use strict";
const LanguageToolApi = require("language-grammar-api");
const annotatedtext = require("annotatedtext-remark");

async function main() {
  let input = "";
  for await (const chunk of process.stdin) input += chunk;
  const job = JSON.parse(input);
  if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+\//.test(job.endpoint)) {
    throw new Error("refusing a non-loopback endpoint: " + job.endpoint);
  }
  const client = new LanguageToolApi({ endpoint: job.endpoint });
  const out = {};
  out.languages = await client.languages();
  out.plain = await client.check({ text: job.text, language: "en-US" });
  out.annotation = annotatedtext.build(job.markdown, annotatedtext.defaults);
  out.markdown = await client.check({ data: JSON.stringify(out.annotation), language: "auto" });
  // What the client's users read: the flagged text cut from the sent text by
  // JavaScript string indexes (UTF-16), and from the context.
  const cut = (s, m) => s.substr(m.offset, m.length);
  out.plainFlagged = out.plain.matches.map((m) => cut(job.text, m));
  out.markdownFlagged = out.markdown.matches.map((m) => cut(job.markdown, m));
  out.contextFlagged = out.plain.matches.map((m) => m.context.text.substr(m.context.offset, m.context.length));
  const bad = await client.check({ text: "x", language: "xx-YY" }).catch((e) => e);
  out.badLanguage = typeof bad === "string" ? bad : JSON.stringify(bad);
  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
