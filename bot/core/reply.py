"""The neutral reply form: what the core answers, before any platform sees it.

Each front end renders a Reply its own way (Block Kit, embeds, text, Markdown),
so nothing here knows a platform limit. Markup inside text is a tiny common
subset: **bold** and [label](url) links; renderers translate it.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Field:
    name: str
    value: str
    inline: bool = True


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    """Every row has len(columns) cells, already formatted as text."""


@dataclass(frozen=True)
class Section:
    heading: str | None = None
    text: str | None = None
    fields: tuple[Field, ...] = ()
    table: Table | None = None
    items: tuple[str, ...] = ()
    """Bullet items; a renderer may split a long list across messages, never drop one."""


@dataclass(frozen=True)
class Reply:
    title: str
    sections: tuple[Section, ...] = ()
    links: tuple[Link, ...] = ()
    footnotes: tuple[str, ...] = ()
    image_url: str | None = None
    ephemeral: bool = True
    """Lookups answer the asker only; digests and alerts are posted for everyone."""
    is_error: bool = False
    kind: str = "answer"
    """answer | error | help | digest | alert: lets a front end add, e.g., a share button."""

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "Reply":
        return reply_from_dict(json.loads(text))


def reply_from_dict(d: dict[str, Any]) -> Reply:
    sections = []
    for s in d.get("sections", []):
        table = s.get("table")
        sections.append(Section(
            heading=s.get("heading"), text=s.get("text"),
            fields=tuple(Field(**f) for f in s.get("fields", [])),
            table=Table(tuple(table["columns"]), tuple(tuple(r) for r in table["rows"])) if table else None,
            items=tuple(s.get("items", [])),
        ))
    return Reply(
        title=d["title"], sections=tuple(sections),
        links=tuple(Link(**link) for link in d.get("links", [])),
        footnotes=tuple(d.get("footnotes", [])), image_url=d.get("image_url"),
        ephemeral=d.get("ephemeral", True), is_error=d.get("is_error", False), kind=d.get("kind", "answer"),
    )


def error_reply(message: str, hint: str | None = None, *, title: str = "Sorry, I can't answer that") -> Reply:
    sections = [Section(text=message)]
    if hint:
        sections.append(Section(text=hint))
    return Reply(title=title, sections=tuple(sections), is_error=True, kind="error")
