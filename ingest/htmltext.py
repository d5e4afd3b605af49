"""HTML fragments (feed titles and summaries, article fallbacks) to plain text, in linear time.

Rules: script, style and other non-content elements are dropped with their
contents; block elements become line breaks; tables become pipe rows
("| GPT-5 | 89.1 |") so the table extractor can read them; entities are
decoded. Text is data: nothing in it is ever executed or followed.

Cost rule: hostile input must not cost more than its length. The standard
library's html.parser rescans the rest of its buffer for every tag that does
not end (a run like "<a<a<a…" or "</</</…" is quadratic: 1.2 MB of it took
minutes), so this module scans with `str.find` and one anchored pattern whose
every match stops at the next "<" or ">": each character is looked at a
bounded number of times. Input beyond MAX_CHARS is cut before parsing.
"""
from __future__ import annotations

import re
from html import unescape

MAX_CHARS = 1_000_000
"""Characters of one fragment that are parsed at all (a feed item or an article fallback)."""

_SKIP = {"script", "style", "noscript", "template", "iframe", "svg", "head", "object"}
_RAW = {"script", "style"}
"""Elements whose content is not markup: skipped up to their end tag without looking inside."""
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header",
          "footer", "blockquote", "pre", "hr", "table", "tr", "title"}
_TAG = re.compile(r"""<(/?)([A-Za-z][A-Za-z0-9:._-]*)((?:[^<>"']++|"[^"<]*+"|'[^'<]*+')*+)>""")
"""A tag: quoted attribute values may hold ">", nothing may hold "<"; possessive, so no backtracking."""
_DECL = re.compile(r"<[!?][^<>]*>")


class _Text:
    """The text being built: skip depth, the table row and cell being read."""

    def __init__(self):
        self.out: list[str] = []
        self.skip = 0
        self.row: list[str] | None = None
        self.cell: list[str] | None = None

    def data(self, data: str) -> None:
        if self.skip or not data:
            return
        data = unescape(data) if "&" in data else data
        if self.cell is not None:
            self.cell.append(data)
        elif self.row is None:
            self.out.append(data)

    def start(self, tag: str, attrs: str = "") -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
        elif tag in _BLOCK:
            self.out.append("\n")

    def end(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th") and self.row is not None and self.cell is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.out.append("\n| " + " | ".join(self.row) + " |\n")
            self.row = None
        elif tag in _BLOCK:
            self.out.append("\n")


def _scan(html: str) -> str:
    text = _Text()
    scan(html, text)
    return "".join(text.out)


def scan(html: str, text) -> None:
    """Feed `text` (anything with data(str), start(tag, attrs) and end(tag)) the markup's events, in one linear pass.
    Comments and declarations are dropped; script and style contents are skipped unread."""
    lower = None
    pos, n = 0, len(html)
    while pos < n:
        lt = html.find("<", pos)
        if lt < 0:
            text.data(html[pos:])
            break
        text.data(html[pos:lt])
        if html.startswith("<!--", lt):
            end = html.find("-->", lt + 4)
            if end < 0:
                break  # an unterminated comment hides the rest, as in browsers
            pos = end + 3
            continue
        match = _TAG.match(html, lt)
        if match is None:
            decl = _DECL.match(html, lt)
            if decl is not None:
                pos = decl.end()
                continue
            text.data("<")  # a lone "<" is text
            pos = lt + 1
            continue
        closing, tag, attrs = match.group(1), match.group(2).lower(), match.group(3)
        pos = match.end()
        if closing:
            text.end(tag)
            continue
        text.start(tag, attrs)
        if attrs.rstrip().endswith("/"):
            text.end(tag)
        elif tag in _RAW:
            lower = lower if lower is not None else html.lower()
            end = lower.find("</" + tag, pos)
            if end < 0:
                break  # an unclosed script or style swallows the rest
            close = html.find(">", end)
            pos = n if close < 0 else close + 1
            text.end(tag)


def html_to_text(html: str | None, max_chars: int = MAX_CHARS) -> str:
    if not html:
        return ""
    html = html[:max_chars]
    if "<" not in html and "&" not in html:
        return html.strip()
    text = _scan(html)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def one_line(html: str | None) -> str:
    return " ".join(html_to_text(html).split())


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}


def markup_load(html: str) -> tuple[int, int]:
    """(tags, unclosed) in one linear pass: how many tags, and how many start tags (void elements
    and self-closing ones aside) never meet an end tag. Full HTML parsers (lxml under trafilatura)
    get superlinear on thousands of unclosed or deeply nested elements; callers use this to decide
    whether a document is safe to give them."""
    tags = unclosed = 0
    for match in _TAG.finditer(html):
        tags += 1
        if match.group(1):
            unclosed -= 1
        elif match.group(2).lower() not in _VOID and not match.group(3).rstrip().endswith("/"):
            unclosed += 1
    return tags, max(unclosed, 0)


_HEAVY = ("script", "style", "svg", "noscript", "template")
_HEAVY_OPEN = re.compile(r"<(" + "|".join(_HEAVY) + r")(?=[\s/>])", re.IGNORECASE)


def strip_heavy(html: str) -> str:
    """The document without comments and script, style, svg, noscript and template blocks (which
    hold no article text but often most of a page's bytes), in one linear pass."""
    lower = html.lower()
    out, pos = [], 0
    while True:
        match = _HEAVY_OPEN.search(html, pos)
        comment = lower.find("<!--", pos)
        if match is None and comment < 0:
            out.append(html[pos:])
            break
        if comment >= 0 and (match is None or comment < match.start()):
            out.append(html[pos:comment])
            end = lower.find("-->", comment + 4)
            pos = len(html) if end < 0 else end + 3
            continue
        out.append(html[pos:match.start()])
        end = lower.find("</" + match.group(1).lower(), match.end())
        close = -1 if end < 0 else lower.find(">", end)
        pos = len(html) if close < 0 else close + 1
    return "".join(out)
