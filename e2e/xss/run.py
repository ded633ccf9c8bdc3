#!/usr/bin/env python3
"""Downstream XSS corpus: puts every vector of vectors.json into every kind of report
field (and into Markdown documents that are imported), exports the result with the
`hindsight` CLI in all five templates, renders each exported file with the renderers docs
sites and wikis use (markdown-it with html:true and linkify, marked, Python-Markdown with
MkDocs' usual extensions, comrak in unsafe mode), and checks the HTML for live handlers,
script URLs and raw elements. Prints `N passed, M failed` (one count per vector) and
exits 1 on any failure.

Usage: run.py HINDSIGHT_BINARY NODE_MODULES_DIR [WORK_DIR]
Without WORK_DIR a temporary folder is used, and removed when every vector passes; the
HTML of each failing render is written beside its Markdown.
"""

import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import comrak
import markdown

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BASE_REPORT = os.path.join(ROOT, "crates", "core", "tests", "data", "rich-report.json")
TEMPLATES = ["000", "001", "002", "003", "004"]

# JSON keys whose values are enums or numbers, not free text.
NOT_TEXT = {"kind", "category", "horizon", "template", "schema_version", "checked"}

# What MkDocs sites commonly enable (mkdocs defaults plus the Material for MkDocs set
# that needs no extra package beyond pymdown-extensions).
MKDOCS_EXTENSIONS = [
    "toc", "tables", "fenced_code", "attr_list", "md_in_html", "admonition", "footnotes",
    "def_list", "abbr", "pymdownx.details", "pymdownx.superfences", "pymdownx.tasklist",
    "pymdownx.magiclink", "pymdownx.betterem", "pymdownx.tilde", "pymdownx.mark",
    "pymdownx.caret", "pymdownx.keys", "pymdownx.tabbed", "pymdownx.smartsymbols",
]

# Elements a renderer makes from Markdown. Anything else came from raw HTML.
MARKDOWN_ELEMENTS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "em", "strong", "code", "pre",
    "ul", "ol", "li", "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td",
    "del", "s", "input", "label", "span", "div", "sup", "sub", "section", "dl", "dt", "dd",
    "abbr", "mark", "ins", "kbd", "details", "summary",
}
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "data", "xlink:href", "poster", "background",
    "srcset", "cite", "lowsrc", "dynsrc", "ping", "content", "codebase", "longdesc",
}
SAFE_IMAGE_DATA = re.compile(r"^data:image/(png|gif|jpeg|jpg|webp)[;,]")


def browser_url(value):
    """The URL as a browser reads it: C0 controls and spaces trimmed, tab and newline
    removed anywhere, scheme case-insensitive (entities were already decoded by the
    HTML parser)."""
    v = value.strip("".join(chr(c) for c in range(0x21)))
    v = re.sub(r"[\t\n\r]", "", v)
    return v.lower()


class Checker(html.parser.HTMLParser):
    """Collects what in rendered HTML would run script or came from raw HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        self.check(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self.check(tag, attrs)

    def check(self, tag, attrs):
        if tag not in MARKDOWN_ELEMENTS:
            self.problems.append(f"raw element <{tag}>")
        if tag == "input" and dict(attrs).get("type") != "checkbox":
            self.problems.append("raw element <input> that is not a task checkbox")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"live handler {name}= on <{tag}>")
            if name == "style" and re.search(r"expression\(|javascript:|url\(", value, re.I):
                self.problems.append(f"script in style on <{tag}>")
            if name in URL_ATTRIBUTES:
                url = browser_url(value)
                for part in url.split(",") if name == "srcset" else [url]:
                    part = part.strip()
                    if part.startswith(("javascript:", "vbscript:", "livescript:")):
                        self.problems.append(f"script URL {name}={value!r} on <{tag}>")
                    elif part.startswith("data:") and not (
                        tag == "img" and name == "src" and SAFE_IMAGE_DATA.match(part)
                    ):
                        self.problems.append(f"data URL {name}={value!r} on <{tag}>")
                    elif name == "content" and "url=" in part and "script:" in part:
                        self.problems.append(f"refresh to script {value!r} on <{tag}>")


def check_html(text):
    c = Checker()
    c.feed(text)
    c.close()
    return c.problems


def strip_front_matter(md):
    """MkDocs takes YAML front matter off before Python-Markdown renders. markdown-it and
    marked get the whole file, front matter included, as a wiki that does not know front
    matter would render it; comrak is told the delimiter."""
    if md.startswith("---\n"):
        end = md.find("\n---\n", 4)
        if end >= 0:
            return md[end + 5:]
    return md


def fill(value, vector):
    """The base report with every free-text string replaced by the vector."""
    if isinstance(value, dict):
        return {k: (v if k in NOT_TEXT else fill(v, vector)) for k, v in value.items()}
    if isinstance(value, list):
        return [fill(v, vector) for v in value]
    if isinstance(value, str):
        return vector
    return value


def documents(vector):
    """Markdown documents carrying the vector where an author's document would: title,
    known sections, a metadata line, table cells, list items, an unknown section."""
    one = " ".join(vector.split())
    cell = one.replace("|", "\\|")
    yield "seed", (
        f"# Post-mortem: {one}\n\n**Severity:** SEV2\n**Owner:** {one}\n\n"
        f"## Summary\n\n{vector}\n\n"
        f"## Timeline\n\n| Time | Event |\n|---|---|\n| 14:00 | {cell} |\n\n"
        f"## Root Cause\n\n{vector}\n\n"
        f"## Action Items\n\n| Action | Owner | Status |\n|---|---|---|\n| {cell} | {cell} | Open |\n\n"
        f"## What went well\n\n- {one}\n\n"
        f"## {one}\n\n{vector}\n"
    )
    yield "bare", f"# Incident\n\n{vector}\n"


def run(cmd, stdin=None):
    r = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {r.stderr.strip()}")
    return r.stdout


def exports(cli, vector, work):
    """(name, markdown) for every export of the vector."""
    base = json.load(open(BASE_REPORT, encoding="utf-8"))
    reports = {
        "json-whole": fill(base, vector),
        "json-inline": fill(base, f"see {vector} here"),
    }
    for name, report in reports.items():
        path = os.path.join(work, f"{name}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(report, f)
        for t in TEMPLATES:
            yield f"{name}-{t}", run([cli, "convert", path, "--to", "md", "--template", t])
        yield f"{name}-fm", run([cli, "convert", path, "--to", "md", "--front-matter"])
    # The action items as a Markdown task list are Markdown for the same renderers.
    whole = os.path.join(work, "json-whole.json")
    yield "actions-md", run([cli, "actions", whole, "--to", "markdown",
                             "--link", "https://docs.example.com/pm.html"])
    for name, doc in documents(vector):
        path = os.path.join(work, f"{name}.md")
        with open(path, "w", encoding="utf-8") as f:
            f.write(doc)
        imported = os.path.join(work, f"{name}.imported.json")
        with open(imported, "w", encoding="utf-8") as f:
            f.write(run([cli, "import", path]))
        for t in TEMPLATES:
            yield f"md-{name}-{t}", run([cli, "convert", imported, "--to", "md", "--template", t])
        yield f"md-{name}-direct", run([cli, "convert", path, "--to", "md"])


SVG_ELEMENTS = {"svg", "title", "desc", "style", "rect", "line", "text", "g", "path", "circle"}


def check_svg(text):
    """The chart as a browser would load it standalone: well-formed XML, only the
    elements the chart draws, no handler, no link, no script in its style."""
    import xml.etree.ElementTree as ET
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        return [f"not well-formed XML: {e}"]
    problems = []
    for el in root.iter():
        tag = el.tag.split("}")[-1]
        if tag not in SVG_ELEMENTS:
            problems.append(f"element <{tag}> in the chart")
        for name in el.attrib:
            local = name.split("}")[-1].lower()
            if local.startswith("on") or local in ("href", "src"):
                problems.append(f"attribute {local}= on <{tag}>")
        if tag == "style" and re.search(r"url\(|expression|javascript|@import", el.text or "", re.I):
            problems.append("script-capable CSS in the chart's style")
    return problems


def charts(cli, vector, work):
    """The SVG chart of the vector report: (name, svg)."""
    base = json.load(open(BASE_REPORT, encoding="utf-8"))
    for name, report in (("whole", fill(base, vector)), ("inline", fill(base, f"see {vector} here"))):
        path = os.path.join(work, f"chart-{name}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(report, f)
        yield f"chart-{name}", run([cli, "chart", path])


def comrak_unsafe(md):
    ext = comrak.ExtensionOptions()
    for flag in ("table", "tasklist", "strikethrough", "autolink", "footnotes"):
        setattr(ext, flag, True)
    ext.front_matter_delimiter = "---"
    render = comrak.RenderOptions()
    render.unsafe_ = True
    return comrak.render_markdown(md, extension_options=ext, render_options=render)


def python_markdown(md):
    return markdown.markdown(strip_front_matter(md), extensions=MKDOCS_EXTENSIONS)


def node_render(node_modules, files):
    """markdown-it and marked over a batch of files: {path: {renderer: html}}."""
    script = os.path.join(HERE, "render.js")
    env = dict(os.environ, NODE_PATH=node_modules)
    r = subprocess.run(["node", script], input=json.dumps(files), capture_output=True,
                       text=True, env=env)
    if r.returncode != 0:
        raise RuntimeError(f"render.js failed: {r.stderr.strip()}")
    return json.loads(r.stdout)


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    cli, node_modules = sys.argv[1], sys.argv[2]
    keep = len(sys.argv) > 3
    work = sys.argv[3] if keep else tempfile.mkdtemp(prefix="hindsight-xss-")
    vectors = json.load(open(os.path.join(HERE, "vectors.json"), encoding="utf-8"))
    files = {}
    failed_chart = set()
    for i, vector in enumerate(vectors):
        d = os.path.join(work, f"v{i:03}")
        os.makedirs(d, exist_ok=True)
        for name, md in exports(cli, vector, d):
            path = os.path.join(d, f"{name}.md")
            with open(path, "w", encoding="utf-8") as f:
                f.write(md)
            files[path] = (i, md)
    chart_count = 0
    for i, vector in enumerate(vectors):
        d = os.path.join(work, f"v{i:03}")
        for name, svg in charts(cli, vector, d):
            chart_count += 1
            problems = check_svg(svg)
            if problems:
                failed_chart.add(i)
                with open(os.path.join(d, f"{name}.svg"), "w", encoding="utf-8") as f:
                    f.write(svg)
                print(f"FAIL vector {i} {vectors[i]!r} in v{i:03}/{name}.svg: "
                      f"{'; '.join(sorted(set(problems)))}")
    node = node_render(node_modules, {p: md for p, (_, md) in files.items()})
    failed_vectors = set(failed_chart)
    live_files = 0
    renders = 0
    for path, (i, md) in sorted(files.items()):
        with open(path, encoding="utf-8") as f:
            original = f.read()
        rendered = dict(node[path])
        rendered["python-markdown"] = python_markdown(original)
        rendered["comrak-unsafe"] = comrak_unsafe(original)
        file_live = False
        for renderer, out in rendered.items():
            renders += 1
            problems = check_html(out)
            if problems:
                file_live = True
                failed_vectors.add(i)
                with open(f"{path}.{renderer}.html", "w", encoding="utf-8") as f:
                    f.write(out)
                print(f"FAIL vector {i} {vectors[i]!r} in {os.path.relpath(path, work)} "
                      f"via {renderer}: {'; '.join(sorted(set(problems)))}")
        live_files += file_live
    print(f"{len(vectors)} vectors, {len(files)} exported Markdown files, {renders} renders "
          f"(markdown-it, marked, python-markdown, comrak-unsafe), {live_files} with live "
          f"content; {chart_count} SVG charts, {len(failed_chart)} vectors live in a chart; "
          f"work dir {work}")
    if not failed_vectors and not keep:
        # Nothing to look at: the exports and renders of a clean run are not kept.
        shutil.rmtree(work, ignore_errors=True)
    passed = len(vectors) - len(failed_vectors)
    print(f"xss: {passed} passed, {len(failed_vectors)} failed")
    return 1 if failed_vectors else 0


if __name__ == "__main__":
    sys.exit(main())
