"""Plain text for the console and for terminals: aligned tables, provenance visible."""
from __future__ import annotations

import unicodedata

from bot.core.reply import Reply, Table
from bot.render.markup import to_plain


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def render_table(table: Table) -> str:
    rows = [[to_plain(c) for c in table.columns]] + [[to_plain(c) for c in r] for r in table.rows]
    widths = [max(_width(r[i]) for r in rows) for i in range(len(table.columns))]
    lines = ["  ".join(_pad(c, w) for c, w in zip(rows[0], widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip() for r in rows[1:]]
    return "\n".join(lines)


def render_text(reply: Reply) -> str:
    out = [reply.title, "=" * min(_width(reply.title), 78)]
    for section in reply.sections:
        out.append("")
        if section.heading:
            out += [section.heading, "-" * min(_width(section.heading), 78)]
        if section.text:
            out.append(to_plain(section.text))
        if section.fields:
            for field in section.fields:
                value = to_plain(field.value).replace("\n", "\n    ")
                out.append(f"  {field.name}:\n    {value}" if "\n" in field.value else f"  {field.name}: {value}")
        if section.table:
            out.append(render_table(section.table))
        for item in section.items:
            out.append(f"  • {to_plain(item)}")
    if reply.links:
        out.append("")
        out += [f"{link.label}: {link.url}" for link in reply.links]
    if reply.footnotes:
        out.append("")
        out += [to_plain(f) for f in reply.footnotes]
    if reply.image_url:
        out.append(f"Image: {reply.image_url}")
    return "\n".join(out).rstrip() + "\n"
