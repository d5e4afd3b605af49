"""CPU seconds to parse hostile feed items and articles of several shapes (default 2 MB each).

Each shape is run through the three parsers that see untrusted markup: ingest.htmltext
(feed summaries, article fallback), ingest.feedparse (a whole RSS document holding one item
with the hostile text as its CDATA description) and ingest.articles.html_article
(trafilatura, then the fallback). Target: at most 2 s CPU per 2 MB item on any shape.

Figures on the 2-core development machine (CPU seconds, text / feed / article):
- before (html.parser underneath, trafilatura given anything), at 0.1 MB: unterminated-quote
  142 / 136 / 0.02, lt-alpha-run 8.9 / 9.4 / 0.01, comment-openers 4.7 / 5.2 / 0.01,
  end-tag-run 0.8 / 0.8 / 0.01; unclosed-tags article 1.7 (0.2 MB: 5.6); at 0.05 MB the
  unterminated quote took 32 s, so cost grew with the square of the size (2 MB: hours).
- after, at 2 MB: worst 0.8 s (lt-run article 0.80, table-cells article 0.74, unclosed-tags
  article 0.66, lt-run text 0.63); every shape linear.

    python -m bench.bench_hostile_parse [--mb 2] [--only SHAPE] [--parsers text,feed,article]
"""
from __future__ import annotations

import argparse
import json
import sys
import time

SHAPES = {
    "nested-divs": lambda n: "<div>" * (n // 5),
    "unclosed-tags": lambda n: "<p><b>x" * (n // 7),
    "lt-alpha-run": lambda n: "<a" * (n // 2),
    "end-tag-run": lambda n: "</" * (n // 2),
    "lt-run": lambda n: "<" * n,
    "amp-run": lambda n: "&" * n,
    "charref-run": lambda n: "&#x" * (n // 3),
    "huge-attribute": lambda n: '<a href="' + "x" * (n - 20) + '">t</a>',
    "unterminated-quote": lambda n: '<a title="' + "<a " * (n // 3),
    "comment-openers": lambda n: "<!--" * (n // 4),
    "long-line": lambda n: ("GPT-5 scores 89.1 on MMLU " * (n // 26)),
    "table-cells": lambda n: "<tr><td>9" * (n // 10),
}


def cpu(fn, *args) -> float:
    t0 = time.process_time()
    fn(*args)
    return time.process_time() - t0


def feed_of(text: str) -> bytes:
    """An RSS document whose one item carries the text as its description (CDATA: the item is the size)."""
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
            f"<item><guid>g</guid><title>hostile</title><description><![CDATA[{text}]]></description></item>"
            "</channel></rss>").encode("utf-8")


def run(mb: float = 2.0, only: str | None = None, parsers: tuple[str, ...] = ("text", "feed", "article")) -> dict:
    from ingest.articles import html_article
    from ingest.feedparse import parse_feed
    from ingest.htmltext import html_to_text
    n = int(mb * 1_000_000)
    results = {}
    for name, make in SHAPES.items():
        if only and name != only:
            continue
        text = make(n)
        row = {}
        if "text" in parsers:
            row["text"] = round(cpu(html_to_text, text), 3)
        if "feed" in parsers:
            row["feed"] = round(cpu(parse_feed, feed_of(text)), 3)
        if "article" in parsers:
            row["article"] = round(cpu(html_article, "<html><body><article>" + text + "</article></body></html>",
                                       "https://example.com/a"), 3)
        results[name] = row
        print(f"{name:20} " + "  ".join(f"{k} {v:6.3f}s" for k, v in row.items()), flush=True)
    worst = max((v for row in results.values() for v in row.values()), default=0.0)
    print(f"worst: {worst:.3f} s CPU for a {mb:g} MB item")
    return {"mb": mb, "results": results, "worst": worst}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--only")
    parser.add_argument("--parsers", default="text,feed,article")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = run(args.mb, args.only, tuple(args.parsers.split(",")))
    if args.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
