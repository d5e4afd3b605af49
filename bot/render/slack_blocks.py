"""Slack message bodies from a neutral Reply: Block Kit within every Slack limit.

Rules: the result is a list of ``{"text": fallback, "blocks": [...]}`` bodies
(chat.postMessage / response_url bodies without the channel) sent in order.
Each respects Slack's limits: at most 50 blocks, section text 3000, at most 10
fields per section (2000 each), header 150, and well under 12,000 characters
of text per message (`msg_blocks_too_long`). Lengths are measured in UTF-16
code units, which is never less than Python's count. A reply too long for one
message is split across several; a single over-long piece (a paragraph, an
item, a table row) is cut at a space into parts marked "(continued)", never
truncated. A table becomes Slack's `table` block (at most 100 rows of 20
cells; only one table per message, so a second table goes to the next
message), with the aligned text of the table in the message's fallback
`text`; a table too big for one block, or with multi-line cells, becomes a
preformatted block when narrow, else one line per row with labelled cells,
split by rows. Every message leaves room for
two blocks and some text that the front end may add (a share button, a
"shared by" line). Imports no chat library.
"""
from __future__ import annotations

import re
import unicodedata

from bot.core.reply import Field, Reply, Section, Table
from bot.render.markup import LINK, to_plain, to_slack_mrkdwn as _to_slack_mrkdwn

MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3000
MAX_FIELDS = 10
MAX_FIELD_TEXT = 2000
MAX_HEADER = 150
MAX_MESSAGE_TEXT = 12_000
MAX_BUTTON_VALUE = 2000

RESERVED_BLOCKS = 2
"""Blocks each message leaves free for the front end (actions, context)."""
TEXT_BUDGET = 10_500
"""Text per message from the reply; the rest of the 12,000 is kept for the front end's additions."""
FIELDS_BLOCK_BUDGET = 4000
"""Keeps one fields section from eating a whole message (10 x 2000 would exceed it)."""
TABLE_WIDTH = 72
"""A table whose aligned lines fit this width is shown preformatted; wider tables become labelled lines."""
CONTINUED = "(continued) "
SHARE_ACTION_ID = "briefbot_share"
FALLBACK_CHARS = 300
TABLE_MAX_ROWS = 100
"""Slack's table block: at most 100 rows (the header row included) of at most 20 cells."""
TABLE_MAX_COLUMNS = 20
TABLE_FALLBACK_CHARS = 3000


def slack_len(text: str) -> int:
    """Slack counts UTF-16 code units; an emoji outside the BMP counts twice."""
    return len(text.encode("utf-16-le")) // 2


def render_slack(reply: Reply, *, share_command: str | None = None) -> list[dict]:
    """`share_command`: the command line behind a lookup; adds a "Share to channel" button to the last message."""
    blocks = _reply_blocks(reply)
    messages = _pack(blocks)
    total = len(messages)
    title = to_plain(reply.title).strip() or "briefbot"
    out = []
    for index, message_blocks in enumerate(messages):
        if index:
            marker = f"{_cut_plain(title, 100)} (continued, part {index + 1} of {total})"
            message_blocks = [_context(to_slack_mrkdwn(marker))] + message_blocks
        suffix = f" (part {index + 1} of {total})" if total > 1 else ""
        fallback = _cut_plain(title, FALLBACK_CHARS) + suffix
        for block in message_blocks:
            if block.get("type") == "table":
                fallback += "\n" + _table_fallback(block, TABLE_FALLBACK_CHARS)
        out.append({"text": fallback, "blocks": message_blocks})
    if share_command and share_offered(reply) and slack_len(share_command) <= MAX_BUTTON_VALUE:
        out[-1]["blocks"].append(share_actions(share_command))
    return out


def share_offered(reply: Reply) -> bool:
    """Only lookups get a share button: errors, help, digests and alerts do not."""
    return reply.kind == "answer" and not reply.is_error and reply.ephemeral


def share_actions(command_line: str) -> dict:
    return {"type": "actions", "block_id": "briefbot_share_actions", "elements": [{
        "type": "button", "action_id": SHARE_ACTION_ID, "value": command_line,
        "text": {"type": "plain_text", "text": "Share to channel", "emoji": True},
    }]}


def shared_by_context(user_id: str) -> dict:
    return _context(f"Shared by <@{user_id}>")


def message_text_size(message: dict) -> int:
    """What Slack counts against msg_blocks_too_long: every `text` string inside the blocks."""
    found: list[str] = []
    _texts(message.get("blocks", []), found)
    return sum(slack_len(t) for t in found)


# ---- blocks ------------------------------------------------------------------------------------------
def _reply_blocks(reply: Reply) -> list[dict]:
    blocks: list[dict] = []
    title = to_plain(reply.title).strip()
    if title and slack_len(title) <= MAX_HEADER:
        blocks.append({"type": "header", "text": {"type": "plain_text", "text": title, "emoji": True}})
    elif reply.title.strip():
        blocks += _sections(f"*{to_slack_mrkdwn(reply.title.strip())}*")
    if reply.image_url and len(reply.image_url) <= 3000:
        blocks.append({"type": "image", "image_url": reply.image_url, "alt_text": _cut_plain(title or "image", 2000)})
    for section in reply.sections:
        blocks += _section_blocks(section)
    if reply.links:
        lines = "\n".join(f"• <{link.url}|{_link_label(link.label)}>" for link in reply.links)
        blocks += _sections(lines)
    for footnote in reply.footnotes:
        if footnote.strip():
            blocks += [_context(chunk) for chunk in _cut(to_slack_mrkdwn(footnote), MAX_FIELD_TEXT)]
    if not blocks:
        blocks += _sections(to_slack_mrkdwn(reply.title) or "(empty)")
    return blocks


def _section_blocks(section: Section) -> list[dict]:
    blocks: list[dict] = []
    head = []
    if section.heading and section.heading.strip():
        head.append(f"*{to_slack_mrkdwn(section.heading.strip())}*")
    if section.text and section.text.strip():
        head.append(to_slack_mrkdwn(section.text))
    if head:
        blocks += _sections("\n".join(head))
    blocks += _field_blocks(section.fields)
    if section.table and section.table.rows:
        blocks += _table_blocks(section.table)
    elif section.table:
        blocks += _sections(" · ".join(to_slack_mrkdwn(c) for c in section.table.columns) + "\n(no rows)")
    items = [f"• {to_slack_mrkdwn(item)}" for item in section.items if item.strip()]
    blocks += _grouped_sections(items)
    return blocks


def _field_blocks(fields: tuple[Field, ...]) -> list[dict]:
    blocks: list[dict] = []
    pending: list[dict] = []

    def flush() -> None:
        if pending:
            blocks.append({"type": "section", "fields": list(pending)})
            pending.clear()

    for field in fields:
        text = f"*{to_slack_mrkdwn(field.name)}*\n{to_slack_mrkdwn(field.value)}"
        if not field.inline or slack_len(text) > MAX_FIELD_TEXT:
            flush()
            blocks += _sections(text)
            continue
        used = sum(slack_len(f["text"]) for f in pending)
        if len(pending) == MAX_FIELDS or used + slack_len(text) > FIELDS_BLOCK_BUDGET:
            flush()
        pending.append({"type": "mrkdwn", "text": text})
    flush()
    return blocks


def _table_block(table: Table) -> dict | None:
    """Slack's native table block, or None when the table does not fit one."""
    if len(table.rows) + 1 > TABLE_MAX_ROWS or not 0 < len(table.columns) <= TABLE_MAX_COLUMNS:
        return None
    if any("\n" in c or slack_len(c) > MAX_FIELD_TEXT for row in table.rows for c in (*row, *table.columns)):
        return None

    def cell(text: str) -> dict:
        # Slack decodes &amp; &lt; &gt; in message text of every kind: escaped, "<!here>" stays inert text
        plain = " ".join(to_plain(text).split()) or "—"
        return {"type": "raw_text", "text": plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")}
    rows = [[cell(c) for c in table.columns]] + [[cell(c) for c in row] for row in table.rows]
    def numeric(i: int) -> bool:
        return all(re.match(r"^\**[-+]?\d", row[i].strip()) or row[i].strip() in ("", "—") for row in table.rows)
    settings = [{"is_wrapped": True, **({"align": "right"} if i and numeric(i) else {})}
                for i in range(len(table.columns))]
    return {"type": "table", "column_settings": settings, "rows": rows}


def _table_fallback(block: dict, limit: int) -> str:
    """The table as aligned plain text for the message's fallback `text` (the block holds every row)."""
    rows = [[c["text"].replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") for c in row]
            for row in block["rows"]]
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    out, used = [], 0
    for r in rows:
        line = "  ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip()
        if used + slack_len(line) + 1 > limit:
            out.append("…")
            break
        out.append(line)
        used += slack_len(line) + 1
    return "\n".join(out)


def _table_blocks(table: Table) -> list[dict]:
    native = _table_block(table)
    if native is not None:
        return [native]
    header = [_code_safe(to_plain(c)) for c in table.columns]
    rows = [[_code_safe(to_plain(c)) for c in row] for row in table.rows]
    widths = [max(_width(r[i]) for r in [header] + rows) for i in range(len(header))]
    if sum(widths) + 2 * (len(widths) - 1) <= TABLE_WIDTH and all("\n" not in c for r in rows for c in r):
        head = ["  ".join(_pad(c, w) for c, w in zip(header, widths)).rstrip(), "  ".join("-" * w for w in widths)]
        lines = ["  ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip() for r in rows]
        return _preformatted(head, lines)
    columns = [to_slack_mrkdwn(c) for c in table.columns]
    lines = []
    for row in table.rows:
        cells = [f"*{name}:* {to_slack_mrkdwn(cell)}" for name, cell in zip(columns, row)]
        lines.append("• " + " · ".join(cells))
    return _grouped_sections(lines)


def _preformatted(head: list[str], lines: list[str]) -> list[dict]:
    """Chunks of rows, each a ``` block repeating the column header; never more than the section limit."""
    fence = 8  # ```\n ... \n```
    head_text = "\n".join(head)
    room = MAX_SECTION_TEXT - fence - slack_len(head_text) - 1
    blocks, chunk, used = [], [], 0
    for line in lines:
        size = slack_len(line) + 1
        if chunk and used + size > room:
            blocks.append(_section("```\n" + head_text + "\n" + "\n".join(chunk) + "\n```"))
            chunk, used = [], 0
        chunk.append(line)
        used += size
    if chunk:
        blocks.append(_section("```\n" + head_text + "\n" + "\n".join(chunk) + "\n```"))
    return blocks


def _grouped_sections(lines: list[str]) -> list[dict]:
    """Lines (items, table rows) packed into as few sections as fit; an over-long line is cut into parts."""
    blocks, chunk, used = [], [], 0
    for line in lines:
        size = slack_len(line) + 1
        if chunk and used + size > MAX_SECTION_TEXT:
            blocks.append(_section("\n".join(chunk)))
            chunk, used = [], 0
        if size > MAX_SECTION_TEXT:
            blocks += _sections(line)
            continue
        chunk.append(line)
        used += size
    if chunk:
        blocks.append(_section("\n".join(chunk)))
    return blocks


def _sections(text: str) -> list[dict]:
    return [_section(chunk) for chunk in _cut(text, MAX_SECTION_TEXT) if chunk.strip()]


def _section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _context(text: str) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}


def _link_label(label: str) -> str:
    plain = to_plain(label).replace("|", "/").replace(">", "›").replace("<", "‹")
    return plain.replace("&", "&amp;").strip() or "link"


def to_slack_mrkdwn(text: str) -> str:
    """bot.render.markup's translation, after keeping word boundaries around links as a reader sees them.

    Slack shows `<url|label>` as just the label, so `x[label](url)` reads "xlabel" and `[label](url)y`
    "labely". Where a link is glued to a word before it, it is written `label (<url>)`, keeping the
    label joined to that word; where a word follows right after it, a space is put between them."""
    glued: list[tuple[str, str]] = []

    def spaced(m) -> str:
        source, label, url = m.string, m.group(1), m.group(2)
        if _significant(source, m.start() - 1, -1).isalnum() and _significant(label, 0, 1).isalnum():
            glued.append((label, url))
            return f"\ue000{len(glued) - 1}\ue001"
        if _significant(source, m.end(), 1).isalnum() and _significant(label, len(label) - 1, -1).isalnum():
            return m.group(0) + " "
        return m.group(0)

    out = _to_slack_mrkdwn(LINK.sub(spaced, text))
    if not glued:
        return out
    return _GLUED.sub(lambda m: "{} (<{}>)".format(_to_slack_mrkdwn(glued[int(m.group(1))][0]),
                                                     glued[int(m.group(1))][1]), out)


_GLUED = re.compile("\ue000(\\d+)\ue001")


def _significant(text: str, start: int, step: int) -> str:
    """The nearest letter, digit or space from `start` in direction `step` ('' at the edge)."""
    i = start
    while 0 <= i < len(text):
        if text[i].isalnum() or text[i].isspace():
            return text[i]
        i += step
    return ""


# ---- cutting -------------------------------------------------------------------------------------------
def _cut(text: str, limit: int) -> list[str]:
    """Parts of at most `limit` (later ones prefixed "(continued) "), cut at a line break or a space,
    never inside a <link|label> or an &entity;."""
    text = text.strip()
    parts: list[str] = []
    prefix = ""
    while text:
        room = limit - slack_len(prefix)
        if slack_len(text) <= room:
            parts.append(prefix + text)
            break
        at = _cut_point(text, room)
        parts.append(prefix + text[:at].rstrip())
        text = text[at:].lstrip()
        prefix = CONTINUED
    return parts


def _cut_point(text: str, room: int) -> int:
    end = _index_for_units(text, room)
    window = text[:end]
    at = window.rfind("\n")
    if at < end // 2:
        at = window.rfind(" ")
    if at < end // 4:
        at = end
    # never inside <...> (a link or a mention) nor inside &amp; / &lt; / &gt;
    opened = window.rfind("<", 0, at)
    if opened > window.rfind(">", 0, at) and opened > 0:
        at = opened
    amp = window.rfind("&", max(0, at - 5), at)
    if amp != -1 and ";" not in window[amp:at] and amp > 0:
        at = amp
    return max(at, 1)


def _index_for_units(text: str, units: int) -> int:
    """The longest prefix of `text` within `units` UTF-16 code units."""
    count = 0
    for i, ch in enumerate(text):
        count += 2 if ord(ch) > 0xFFFF else 1
        if count > units:
            return i
    return len(text)


def _cut_plain(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if slack_len(text) <= limit:
        return text
    return text[:_index_for_units(text, limit - 1)].rstrip() + "…"


# ---- tables --------------------------------------------------------------------------------------------
def _code_safe(text: str) -> str:
    """Inside ``` Slack still needs &, <, > escaped, and a backtick could close the block."""
    text = " ".join(text.split())
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("`", "‵")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
               for ch in text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"))


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


# ---- packing into messages -----------------------------------------------------------------------------
def _block_size(block: dict) -> int:
    found: list[str] = []
    _texts(block, found)
    return sum(slack_len(t) for t in found)


def _texts(node, out: list[str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "text" and isinstance(value, str):
                out.append(value)
            else:
                _texts(value, out)
    elif isinstance(node, list):
        for value in node:
            _texts(value, out)


def _pack(blocks: list[dict]) -> list[list[dict]]:
    """Blocks into messages in order: each message keeps RESERVED_BLOCKS free (one more after the first,
    for the "continued" marker) and stays within TEXT_BUDGET."""
    messages: list[list[dict]] = [[]]
    used = 0
    for block in blocks:
        size = _block_size(block)
        room = MAX_BLOCKS - RESERVED_BLOCKS - (1 if len(messages) > 1 else 0)
        current = messages[-1]
        second_table = block.get("type") == "table" and any(b.get("type") == "table" for b in current)
        if current and (len(current) >= room or used + size > TEXT_BUDGET or second_table):
            messages.append([])
            used = 0
        messages[-1].append(block)
        used += size
    return messages
