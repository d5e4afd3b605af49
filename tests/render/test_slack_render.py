"""Block Kit from the neutral Reply: every Slack limit on random large replies, nothing lost, order kept.

Limits (DESIGN.md): <= 50 blocks per message, section text <= 3000, <= 10
fields per section (each <= 2000), header plain_text <= 150, a message's
total text < 12,000. Lengths are checked in UTF-16 code units, as Slack counts
them (stricter than Python's len for emoji). Replies are built from the
bot.core.reply dataclasses by hypothesis, with huge titles, paragraphs, fields,
tables and items.
"""
from __future__ import annotations

from tests.kit import check_slack_limits, slack_texts

import html
import random
import re

from hypothesis import HealthCheck, Phase, example, given, settings, strategies as st

from bot.render.slack_blocks import (SHARE_ACTION_ID, message_text_size, render_slack, shared_by_context,
                                     slack_len, to_slack_mrkdwn)
from bot.core.reply import Field, Link, Reply, Section, Table, error_reply

WORD = st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                                        + list("*_~`|<>&@#:[]()!?.,'\"\\/-+=%") + ["é", "模", "😀", "Ω"]),
               min_size=1, max_size=20)


def text(lo: int, hi: int):
    return st.lists(WORD, min_size=lo, max_size=hi).map(" ".join)


sections = st.builds(
    Section,
    heading=st.one_of(st.none(), text(1, 60)),
    text=st.one_of(st.none(), text(1, 1200)),
    fields=st.lists(st.builds(Field, name=text(1, 40), value=text(1, 400), inline=st.booleans()), max_size=25
                    ).map(tuple),
    table=st.one_of(st.none(), st.integers(1, 5).flatmap(lambda n: st.builds(
        Table, columns=st.lists(text(1, 2), min_size=n, max_size=n).map(tuple),
        rows=st.lists(st.lists(text(1, 30), min_size=n, max_size=n).map(tuple), max_size=60).map(tuple)))),
    items=st.lists(text(1, 700), max_size=60).map(tuple),
)
def _bulky(vocabulary: list[str], seed: int, n_items: int, item_words: int, text_words: int) -> Section:
    rng = random.Random(seed)

    def phrase(n: int) -> str:
        return " ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, n)))
    return Section(heading=phrase(6), text=phrase(text_words), items=tuple(phrase(item_words) for _ in range(n_items)))


bulky = st.builds(_bulky, st.lists(WORD, min_size=3, max_size=30), st.integers(0, 2**32), st.integers(10, 80),
                  st.integers(20, 900), st.integers(1, 1500))
"""Sections big enough that a reply of a few needs several messages (hypothesis' own buffer is too small
to draw that much text word by word, so a seeded generator expands a drawn vocabulary)."""
replies = st.builds(Reply, title=text(1, 80),
                    sections=st.lists(st.one_of(sections, bulky), max_size=8).map(tuple),
                    links=st.lists(st.builds(Link, label=text(1, 6), url=st.just("https://example.com/a?b=1")),
                                   max_size=5).map(tuple),
                    footnotes=st.lists(text(1, 500), max_size=5).map(tuple),
                    kind=st.sampled_from(["answer", "digest", "alert", "help"]), ephemeral=st.booleans())


def words(s: str, *, rendered: bool = True) -> list[str]:
    """Letters and digits as a reader sees them: Slack's &amp; escapes are undone on rendered text only
    (undoing them on the source too made "1&#0" read as "1" and fail a correct rendering)."""
    s = re.sub(r"https?://[^\s|>)\]]+", " ", html.unescape(s) if rendered else s)
    return "".join(ch if ch.isalnum() or ch.isspace() else "" for ch in s).split()


def assert_items_in_order(reply: Reply, messages: list[dict]) -> None:
    """Every table cell and every item of every section appear whole and in order."""
    seen = words("\n".join(slack_texts([m["blocks"] for m in messages])))
    position = 0
    for section in reply.sections:
        for piece in [c for row in (section.table.rows if section.table else ()) for c in row] + list(section.items):
            for word in words(piece, rendered=False):
                position = seen.index(word, position) + 1  # ValueError: lost or out of order


LARGE_REPLY = Reply(
    title="A week with a great deal in it",
    sections=tuple(Section(heading=f"Section {n}", text="Lead words " * 50,
                           items=tuple(f"Item {n}-{i}: " + "figure and source " * 20 for i in range(60)),
                           table=Table(("Benchmark", "A", "B"), tuple((f"Bench {n}-{r}", "85.7 [1]", "89.5 [2]")
                                                                     for r in range(40))))
                   for n in range(6)))


def test_random_large_replies_keep_every_slack_limit_and_lose_nothing():
    sizes: list[int] = []

    @settings(max_examples=30, deadline=None, database=None,
              phases=(Phase.explicit, Phase.generate, Phase.shrink),  # no explain phase: its tracing is slow
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
    @given(reply=replies, share=st.booleans())
    @example(reply=LARGE_REPLY, share=True)  # random draws are not always large: this one always splits
    def prop(reply, share):
        messages = render_slack(reply, share_command="/compare a b" if share else None)
        sizes.append(len(messages))
        check_slack_limits(messages)
        assert_items_in_order(reply, messages)
        # room is left for the front end's additions (the share flow adds a "shared by" line)
        for m in messages:
            m["blocks"].insert(0, shared_by_context("U0123456789"))
        check_slack_limits(messages)
        buttons = [b for m in messages for b in m["blocks"] if b["type"] == "actions"]
        offered = share and reply.kind == "answer" and reply.ephemeral and not reply.is_error
        assert len(buttons) == (1 if offered else 0)
        if offered:
            assert messages[-1]["blocks"][-1]["elements"][0]["action_id"] == SHARE_ACTION_ID
    prop()
    print("messages per reply:", sizes)
    assert max(sizes) > 2, f"no generated reply needed several messages: {sizes}"


def test_an_over_long_item_is_cut_into_continued_parts_in_order():
    item = " ".join(f"w{i:04d}" for i in range(2000))  # 12,000 characters in one item
    messages = render_slack(Reply(title="One long item", sections=(Section(items=(item,)),)))
    assert len(messages) >= 2
    shown = "\n".join(slack_texts([m["blocks"] for m in messages]))
    assert shown.count("(continued)") >= 4
    assert words(shown.replace("(continued)", "")) == ["One", "long", "item"] + [f"w{i:04d}" for i in range(2000)] \
        or [w for w in words(shown) if w.startswith("w")] == [f"w{i:04d}" for i in range(2000)]
    assert [m["text"] for m in messages][1].endswith(f"(part 2 of {len(messages)})")


def test_a_narrow_table_too_long_for_a_table_block_is_preformatted_and_split_by_rows_repeating_the_header():
    rows = tuple((f"bench-{i}", f"{i}.5", f"{100 - i}.0") for i in range(400))
    messages = render_slack(Reply(title="Scores", sections=(Section(table=Table(("Benchmark", "A", "B"), rows)),)))
    blocks = [b for m in messages for b in m["blocks"] if b["type"] == "section"]
    assert len(blocks) > 1
    for b in blocks:
        body = b["text"]["text"]
        assert body.startswith("```\nBenchmark") and body.endswith("```")
    lines = [ln for b in blocks for ln in b["text"]["text"].splitlines()[3:-1]]
    assert lines == [f"{n:<9}  {a:<5}  {c}".rstrip() for n, a, c in rows]


def test_a_table_becomes_the_native_table_block_with_a_text_fallback():
    table = Table(("Model", "Claim"), (("Kimi <K2.5>", "beats **everyone** & more " + "x" * 80),))
    [message] = render_slack(Reply(title="Claims", sections=(Section(table=table),)))
    block = message["blocks"][1]
    assert block["type"] == "table"
    assert [[c["text"] for c in row] for row in block["rows"]] == [
        ["Model", "Claim"], ["Kimi &lt;K2.5&gt;", "beats everyone &amp; more " + "x" * 80]]  # no mrkdwn; entities
    # the fallback text is mrkdwn too: escaped, so Slack shows "Kimi <K2.5>" and nothing in it is control syntax
    assert "Kimi &lt;K2.5&gt;" in message["text"] and message["text"].startswith("Claims")
    from slack_sdk.models.blocks import Block
    Block.parse(block).validate_json()  # slack_sdk's own model of the table block accepts it


def test_two_tables_go_to_two_messages():
    table = Table(("A", "B"), (("1", "2"),))
    messages = render_slack(Reply(title="T", sections=(Section(table=table), Section(table=table))))
    assert [sum(b["type"] == "table" for b in m["blocks"]) for m in messages] == [1, 1]


def test_a_table_with_multi_line_cells_becomes_labelled_lines_and_cells_are_escaped():
    table = Table(("Model", "Claim"), (("Kimi <K2.5>", "beats **everyone**\n& more " + "x" * 80),))
    [message] = render_slack(Reply(title="Claims", sections=(Section(table=table),)))
    body = message["blocks"][1]["text"]["text"]
    assert body.startswith("• *Model:* Kimi &lt;K2.5&gt; · *Claim:* beats *everyone*")


def test_markup_becomes_mrkdwn_and_links_keep_their_url():
    [message] = render_slack(Reply(title="T", sections=(Section(text="**Bold** see [the card](https://x.test/c?a=1&b=2) <now>"),),
                                   links=(Link("Source | one", "https://x.test/s"),)))
    shown = slack_texts(message["blocks"])
    assert "*Bold* see <https://x.test/c?a=1&b=2|the card> &lt;now&gt;" in shown
    assert "• <https://x.test/s|Source / one>" in shown


def test_a_link_glued_to_a_word_keeps_what_a_reader_sees():
    assert to_slack_mrkdwn("GPT[-5](https://x.test/5)") == "GPT-5 (<https://x.test/5>)"
    assert to_slack_mrkdwn("[Kimi](https://x.test/k)s") == "<https://x.test/k|Kimi> s"
    assert to_slack_mrkdwn("see [Kimi](https://x.test/k).") == "see <https://x.test/k|Kimi>."


def test_title_too_long_for_a_header_becomes_bold_text_not_truncated():
    title = "word " * 60
    [message] = render_slack(Reply(title=title))
    assert message["blocks"][0]["type"] == "section"
    assert message["blocks"][0]["text"]["text"] == f"*{title.strip()}*"


def test_errors_help_and_digests_get_no_share_button_and_long_commands_neither():
    for reply in (error_reply("No.", "Try /brief."), Reply(title="Help", kind="help"),
                  Reply(title="Digest", kind="digest", ephemeral=False)):
        assert not [b for m in render_slack(reply, share_command="/x") for b in m["blocks"] if b["type"] == "actions"]
    lookup = Reply(title="Model")
    assert render_slack(lookup, share_command="/model " + "x" * 1993)[-1]["blocks"][-1]["type"] == "actions"
    assert render_slack(lookup, share_command="/model " + "x" * 1994)[-1]["blocks"][-1]["type"] != "actions"


def test_fields_pack_ten_per_section_and_long_ones_become_sections():
    fields = tuple(Field(f"f{i}", f"v{i}") for i in range(23)) + (Field("big", "y " * 1500),)
    [message] = render_slack(Reply(title="Fields", sections=(Section(fields=fields),)))
    packed = [b for b in message["blocks"] if "fields" in b]
    assert [len(b["fields"]) for b in packed] == [10, 10, 3]
    assert packed[0]["fields"][0]["text"] == "*f0*\nv0"
    assert any(b.get("text", {}).get("text", "").startswith("*big*\ny y") for b in message["blocks"])
