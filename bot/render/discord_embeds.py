"""Discord message bodies from a neutral Reply: embeds within every Discord limit.

Rules: the result is a list of message bodies ``{"content": str, "embeds": [...]}``
sent in order; each respects Discord's limits (10 embeds, 6000 characters in
total, title 256, description 4096, 25 fields, field name 256 and value 1024,
footer 2048, content 2000). A reply too long for one message is split across
several, never truncated: an over-long title or field name is shortened only
after its full text has been put into the description or value. Tables become
one line per row in the description, under one line naming the columns
(`**HLE** 49.8¹ · 43.2²`): on a phone that is one line per row rather than a
stack of labelled fields, and it splits cleanly by rows. Error replies get a red
colour. Imports no chat library: the front end and the sender post the dicts.
"""
from __future__ import annotations

from bot.core.reply import Reply, Section, Table
from bot.render.markup import to_discord_markdown, to_plain

MAX_EMBEDS = 10
MAX_MESSAGE_CHARS = 6000
MAX_TITLE = 256
MAX_DESCRIPTION = 4096
MAX_FIELDS = 25
MAX_FIELD_NAME = 256
MAX_FIELD_VALUE = 1024
MAX_FOOTER = 2048
MAX_CONTENT = 2000

EMBED_BUDGET = 5800
"""One embed never exceeds this, so a message always has room for a part footer."""
FOOTER_RESERVE = 40

COLOURS = {"answer": 0x5865F2, "help": 0x5865F2, "digest": 0x57F287, "alert": 0xFEE75C, "error": 0xED4245}
ERROR_COLOUR = COLOURS["error"]


def render_discord(reply: Reply) -> list[dict]:
    colour = ERROR_COLOUR if reply.is_error else COLOURS.get(reply.kind, COLOURS["answer"])
    builder = _Builder(colour)
    builder.start(title=reply.title)
    if reply.image_url:
        builder.current["image"] = {"url": reply.image_url}
    for section in reply.sections:
        _add_section(builder, section)
    if reply.links:
        builder.add_text("\n".join(f"[{to_plain(link.label)}]({link.url})" for link in reply.links), heading="Links")
    if reply.footnotes:
        builder.add_text("\n".join(reply.footnotes), heading=None, fresh=True)
    return _pack(builder.finish())


def embed_size(embed: dict) -> int:
    """Discord counts title, description, field names and values, footer text and author name."""
    total = len(embed.get("title", "")) + len(embed.get("description", ""))
    total += sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields", []))
    total += len(embed.get("footer", {}).get("text", "")) + len(embed.get("author", {}).get("name", ""))
    return total


def message_size(message: dict) -> int:
    return len(message.get("content", "")) + sum(embed_size(e) for e in message["embeds"])


def _add_section(builder: "_Builder", section: Section) -> None:
    parts = []
    if section.text:
        parts.append(section.text)
    if section.items:
        parts.append("\n".join(f"• {item}" for item in section.items))
    text = "\n\n".join(parts)
    if section.heading and builder.bare_title():
        # the reply's first embed holds only its title: the first section shares it
        text = f"**{section.heading}**" + (f"\n{text}" if text else "")
    elif section.heading:
        builder.start(title=section.heading)
    if text:
        builder.add_text(text)
    for field in section.fields:
        builder.add_field(field.name, field.value, field.inline)
    if section.table:
        _add_table(builder, section.table)


def _add_table(builder: "_Builder", table: Table) -> None:
    head = " · ".join(f"*{to_plain(c)}*" for c in table.columns[1:])
    lines = [f"{to_plain(table.columns[0]) if table.columns else ''}: {head}".strip(": ")] if head else []
    for row in table.rows:
        name = " ".join((row[0] if row else "").split()) or "—"
        cells = " · ".join(" ".join(c.split()) or "—" for c in row[1:])
        lines.append(f"**{name}**" + (f" {cells}" if cells else ""))
    builder.add_text("\n".join(lines))


def split_text(text: str, limit: int) -> list[str]:
    """Chunks of at most `limit` characters, cut at a line break, else a space, else anywhere."""
    chunks = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit + 1)
        if cut < limit // 3:
            cut = text.rfind(" ", 0, limit + 1)
        if cut < limit // 3:
            cut = limit
        chunks.append(text[:cut].rstrip())
        text = text[cut:].lstrip("\n ") if cut < len(text) else ""
    if text or not chunks:
        chunks.append(text)
    return [c for c in chunks if c] or [""]


def _shorten(text: str, limit: int) -> tuple[str, bool]:
    if len(text) <= limit:
        return text, False
    return text[:limit - 1].rstrip() + "…", True


class _Builder:
    """Appends text and fields to embeds, opening a continuation embed whenever a limit is near."""

    def __init__(self, colour: int):
        self.colour = colour
        self.embeds: list[dict] = []
        self.current: dict = {}

    def start(self, title: str | None = None) -> None:
        self.current = {"color": self.colour}
        self.embeds.append(self.current)
        if title:
            plain = to_discord_markdown(to_plain(title)).strip()
            short, cut = _shorten(plain, MAX_TITLE)
            if short:
                self.current["title"] = short
            if cut:  # the full title goes first in the description, so nothing is lost
                self.add_text(f"**{plain}**")

    def bare_title(self) -> bool:
        return len(self.embeds) == 1 and not self.current.get("description") and not self.current.get("fields")

    def _room(self) -> int:
        return EMBED_BUDGET - embed_size(self.current)

    def add_text(self, text: str, heading: str | None = None, fresh: bool = False) -> None:
        text = to_discord_markdown(text).strip()
        if heading is not None or fresh or self.current.get("fields"):
            self.start(title=heading)  # text after fields would render above them: keep the order
        if not text:
            return
        for chunk in split_text(text, MAX_DESCRIPTION):
            existing = self.current.get("description", "")
            joined = f"{existing}\n\n{chunk}" if existing else chunk
            if len(joined) > MAX_DESCRIPTION or len(joined) - len(existing) > self._room() or self.current.get("fields"):
                self.start()  # an empty embed has room for a whole chunk (4096 < EMBED_BUDGET)
                joined = chunk
            self.current["description"] = joined

    def add_field(self, name: str, value: str, inline: bool = True) -> None:
        name = to_discord_markdown(to_plain(name)).strip() or "—"
        value = to_discord_markdown(value).strip() or "—"
        short_name, cut = _shorten(name, MAX_FIELD_NAME)
        if cut:
            value = f"**{name}**\n{value}"
        pieces = split_text(value, MAX_FIELD_VALUE)
        for index, piece in enumerate(pieces):
            label = short_name if index == 0 else _shorten(f"{short_name} (cont.)", MAX_FIELD_NAME)[0]
            fields = self.current.setdefault("fields", [])
            if len(fields) >= MAX_FIELDS or len(label) + len(piece) > self._room():
                if not fields:
                    del self.current["fields"]
                self.start()
                fields = self.current.setdefault("fields", [])
            fields.append({"name": label, "value": piece, "inline": inline})

    def finish(self) -> list[dict]:
        embeds = [e for e in self.embeds if embed_size(e) or e.get("image")]
        return embeds or [{"color": self.colour, "description": "—"}]


def _pack(embeds: list[dict]) -> list[dict]:
    messages: list[dict] = []
    current: list[dict] = []
    size = 0
    for embed in embeds:
        n = embed_size(embed)
        if current and (len(current) >= MAX_EMBEDS or size + n > MAX_MESSAGE_CHARS - FOOTER_RESERVE):
            messages.append({"content": "", "embeds": current})
            current, size = [], 0
        current.append(embed)
        size += n
    messages.append({"content": "", "embeds": current})
    if len(messages) > 1:
        for number, message in enumerate(messages, 1):
            message["embeds"][-1]["footer"] = {"text": f"Part {number} of {len(messages)}"}
    return messages
