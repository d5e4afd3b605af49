"""Markdown for archives (files, wikis, GitHub): the whole reply in one document.

Rules: no length limits apply, so nothing is split or shortened; the Reply's
markup (**bold**, [label](url), `code`) is already Markdown and passes through;
table cells escape `|` and line breaks so a cell cannot break its table;
headings never contain a line break.
"""
from __future__ import annotations

from bot.core.reply import Reply, Table


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "<br>") or " "


def render_table(table: Table) -> str:
    lines = ["| " + " | ".join(_cell(c) for c in table.columns) + " |",
             "|" + "|".join(" --- " for _ in table.columns) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in table.rows]
    return "\n".join(lines)


def render_markdown(reply: Reply) -> str:
    out = [f"# {_one_line(reply.title)}"]
    if reply.image_url:
        out += ["", f"![]({reply.image_url})"]
    for section in reply.sections:
        if section.heading:
            out += ["", f"## {_one_line(section.heading)}"]
        if section.text:
            out += ["", section.text.strip()]
        if section.fields:
            out.append("")
            for field in section.fields:
                value = field.value.strip().replace("\n", "  \n  ")
                out.append(f"- **{_one_line(field.name)}**: {value}")
        if section.table:
            out += ["", render_table(section.table)]
        if section.items:
            out.append("")
            out += ["- " + item.strip().replace("\n", "\n  ") for item in section.items]
    if reply.links:
        out += [""] + [f"- [{_one_line(link.label)}]({link.url})" for link in reply.links]
    if reply.footnotes:
        out += ["", "---", ""]
        out += [note.strip() + "  " for note in reply.footnotes]
    return "\n".join(out).rstrip() + "\n"
