"""render_discord: every Discord limit holds, nothing is dropped, order is kept, errors look different."""
from __future__ import annotations

from tests.kit import check_discord_limits

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.render.discord_embeds import ERROR_COLOUR, MAX_TITLE, render_discord
from bot.core.reply import Field, Link, Reply, Section, Table, error_reply


def flat(messages: list[dict]) -> str:
    """All visible text in order, whitespace removed (splits happen at whitespace)."""
    parts = []
    for message in messages:
        for embed in message["embeds"]:
            parts += [embed.get("title", ""), embed.get("description", "")]
            parts += [f["name"] + f["value"] for f in embed.get("fields", [])]
    return squash("".join(parts))


def squash(text: str) -> str:
    """Whitespace removed, and the zero-width space bot/render/inert.py puts into mention-like text."""
    return re.sub(r"[\s\u200b]+", "", text)


words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=0, max_size=40)
long_text = st.lists(words, min_size=0, max_size=400).map(" ".join)
unbroken = st.text(alphabet="abcdefghij0123456789", min_size=0, max_size=9000)
cell = st.one_of(words, st.text(alphabet="xyz ", max_size=1500))


@st.composite
def tables(draw):
    ncols = draw(st.integers(1, 6))
    columns = tuple(draw(st.lists(words, min_size=ncols, max_size=ncols)))
    rows = draw(st.lists(st.lists(cell, min_size=ncols, max_size=ncols).map(tuple), max_size=40))
    return Table(columns, tuple(rows))


sections = st.builds(
    Section,
    heading=st.one_of(st.none(), words, st.text(alphabet="H ", min_size=250, max_size=700)),
    text=st.one_of(st.none(), long_text, unbroken),
    fields=st.lists(st.builds(Field, name=st.one_of(words, st.text(alphabet="N", max_size=600)),
                              value=st.one_of(words, long_text, unbroken), inline=st.booleans()),
                    max_size=40).map(tuple),
    table=st.one_of(st.none(), tables()),
    items=st.lists(st.one_of(words, long_text), max_size=120).map(tuple),
)
replies = st.builds(
    Reply,
    title=st.one_of(words, st.text(alphabet="T ", min_size=200, max_size=5000)),
    sections=st.lists(sections, max_size=6).map(tuple),
    links=st.lists(st.builds(Link, label=words, url=st.just("https://example.com/x")), max_size=30).map(tuple),
    footnotes=st.lists(long_text, max_size=30).map(tuple),
    is_error=st.booleans(),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(replies)
def test_every_limit_holds_and_no_text_is_lost(reply):
    messages = render_discord(reply)
    check_discord_limits(messages)
    everything = flat(messages)
    for section in reply.sections:
        for item in section.items:
            assert squash(item.replace("@everyone", "@\u200beveryone").replace("@here", "@\u200bhere")) in everything
        if section.text and "@" not in section.text:
            assert squash(section.text) in everything
    for note in reply.footnotes:
        if "@" not in note:
            assert squash(note) in everything
    if len(messages) > 1:
        footers = [m["embeds"][-1]["footer"]["text"] for m in messages]
        assert footers == [f"Part {i} of {len(messages)}" for i in range(1, len(messages) + 1)]


def test_comparison_shape_title_fields_and_table_rows():
    reply = Reply(
        title="Compare: Qwen3-Max-Thinking vs Claude Opus 4.5",
        sections=(Section(heading="Overview", fields=(Field("Qwen3-Max-Thinking", "Vendor: Alibaba Cloud"),
                                                      Field("Claude Opus 4.5", "Vendor: Anthropic"))),
                  Section(heading="Shared benchmarks",
                          table=Table(("Benchmark", "Qwen3-Max-Thinking", "Claude Opus 4.5"),
                                      (("SWE-bench Verified", "75.3 [1]", "**80.9** [2]"),))),),
        footnotes=("[1] [Qwen blog](https://example.com/q) — vendor claim",))
    [message] = render_discord(reply)
    first = message["embeds"][0]
    assert first["title"] == reply.title
    assert [f["name"] for f in first["fields"]] == ["Qwen3-Max-Thinking", "Claude Opus 4.5"]
    table_embed = message["embeds"][1]
    assert table_embed["title"] == "Shared benchmarks"
    # one line per row under one line naming the columns: reads on a phone
    head, row = table_embed["description"].splitlines()[:2]
    assert head == "Benchmark: *Qwen3-Max-Thinking* · *Claude Opus 4.5*"
    assert row == "**SWE-bench Verified** 75.3 [1] · **80.9** [2]"
    assert "[Qwen blog](https://example.com/q)" in message["embeds"][-1]["description"]
    assert first["color"] != ERROR_COLOUR


def test_error_replies_have_a_distinct_colour():
    [ok] = render_discord(Reply(title="Fine"))
    [bad] = render_discord(error_reply("I don't know a model called “gpt-9”.", "Try /releases."))
    assert bad["embeds"][0]["color"] == ERROR_COLOUR != ok["embeds"][0]["color"]
    assert "Try /releases." in bad["embeds"][0]["description"]


def test_long_list_is_split_into_ordered_messages_not_truncated():
    items = tuple(f"item {i:04d} " + "x" * 180 for i in range(400))
    messages = render_discord(Reply(title="Digest", sections=(Section(heading="Claims", items=items),), kind="digest"))
    assert len(messages) > 1
    check_discord_limits(messages)
    text = "".join(e.get("description", "") for m in messages for e in m["embeds"])
    positions = [text.index(f"item {i:04d} ") for i in range(400)]
    assert positions == sorted(positions)


def test_overlong_title_is_kept_whole_in_the_description():
    title = "T" * 300
    [message] = render_discord(Reply(title=title))
    embed = message["embeds"][0]
    assert len(embed["title"]) <= MAX_TITLE and embed["title"].endswith("…")
    assert title in embed["description"]


def test_mass_mentions_are_neutralised():
    [message] = render_discord(Reply(title="@everyone look", sections=(Section(text="hi @here"),)))
    text = str(message)
    assert "@everyone" not in text and "@here" not in text
