// Renders Markdown the way wikis and docs sites built on Node do: markdown-it with raw
// HTML and linkify on, and marked with its defaults (GFM, raw HTML passed through).
// Reads {path: markdown} as JSON on stdin, writes {path: {renderer: html}} on stdout.
"use strict";
const MarkdownIt = require("markdown-it");
const { marked } = require("marked");

const md = new MarkdownIt({ html: true, linkify: true });
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const files = JSON.parse(input);
  const out = {};
  for (const [path, text] of Object.entries(files)) {
    out[path] = { "markdown-it": md.render(text), marked: marked.parse(text) };
  }
  process.stdout.write(JSON.stringify(out));
});
