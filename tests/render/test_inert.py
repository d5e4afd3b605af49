"""No text from outside our templates can mention anyone: every renderer, every field, any input.

A hypothesis property over replies whose every string (title, headings, text, fields, table cells,
items, link labels and URLs, footnotes) is random text built from every Slack and Discord mention
form, link syntax and markup; each renderer's whole output is walked and checked.
"""
from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings, strategies as st

from bot.core.reply import Field, Link, Reply, Section, Table
from bot.render.discord_embeds import render_discord
from bot.render.inert import ZWSP, mention_free, neutralise, safe_url, slack_escape, slack_user_mention
from bot.render.markdown import render_markdown
from bot.render.markup import to_discord_markdown, to_plain, to_slack_mrkdwn
from bot.render.slack_blocks import render_slack, shared_by_context
from bot.render.text import render_text

MENTIONS = ["<!channel>", "<!here>", "<!everyone>", "<!subteam^S0123|@team>", "<!date^1392734382^{date}|x>",
            "<@U0123ABC>", "<@W0123|bob>", "<#C0123|general>", "@channel", "@here", "@everyone", "@Everyone",
            "@HERE", "＠here", "<@123456789012345678>", "<@!123456789012345678>", "<@&123456789012345678>",
            "<#123456789012345678>", "<", ">", "|", "!", "@", "#", "&", "[", "]", "(", ")", "**", "`", "\n", " ",
            "https://x.test/", "javascript:alert(1)", "&lt;", "<https://x.test/|click>", "<mailto:a@b.c|m>"]

piece = st.one_of(st.sampled_from(MENTIONS), st.text(max_size=6))
hostile = st.lists(piece, min_size=0, max_size=8).map("".join)
link_text = st.builds(lambda label, url: f"[{label}]({url})", hostile,
                      st.builds(lambda a, b: "https://x.test/" + a + b, hostile, hostile))
mixed = st.one_of(hostile, link_text, st.builds(lambda a, b, c: a + b + c, hostile, link_text, hostile))


@st.composite
def replies(draw) -> Reply:
    ncols = draw(st.integers(1, 4))
    table = Table(tuple(draw(mixed) for _ in range(ncols)),
                  tuple(tuple(draw(mixed) for _ in range(ncols)) for _ in range(draw(st.integers(0, 3)))))
    sections = tuple(Section(heading=draw(mixed), text=draw(mixed),
                             fields=tuple(Field(draw(mixed), draw(mixed), draw(st.booleans()))
                                          for _ in range(draw(st.integers(0, 3)))),
                             table=table if draw(st.booleans()) else None,
                             items=tuple(draw(st.lists(mixed, max_size=3))))
                     for _ in range(draw(st.integers(0, 3))))
    links = tuple(Link(draw(mixed), draw(st.one_of(mixed, st.builds(lambda s: "https://x.test/" + s, hostile))))
                  for _ in range(draw(st.integers(0, 3))))
    return Reply(title=draw(mixed), sections=sections, links=links, footnotes=tuple(draw(st.lists(mixed, max_size=3))),
                 image_url=draw(st.one_of(st.none(), mixed)), kind=draw(st.sampled_from(["answer", "digest", "alert"])),
                 is_error=draw(st.booleans()))


def strings(node, skip=("value", "action_id", "block_id", "type")):
    """Every string a platform could show or parse in a rendered body (a button's value is data, not text)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in skip:
                yield from strings(value, skip)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value, skip)


LIVE_SLACK_LINK = re.compile(r"<(?!https?://|\u200b)[^<>]*>")
"""Slack syntax other than a link; `<` + zero-width space is how plain_text shows a neutralised form."""


def assert_slack_inert(messages: list[dict]) -> None:
    plain = [node["text"] for node in nodes(messages) if node.get("type") == "plain_text"]
    for text in strings(messages):
        assert mention_free(text), text
        assert "<!" not in text and "<@" not in text and "<#" not in text, text
        if text in plain:
            continue  # plain_text parses nothing; mrkdwn and the top-level fallback do
        # the only angle-bracket syntax left is a link to an http(s) URL with no nested syntax
        assert not LIVE_SLACK_LINK.search(text), text
        for url in re.findall(r"<(https?://[^|>]*)", text):
            assert safe_url(url.replace(ZWSP, "")) is not None, text  # http(s), nothing that ends the link


def nodes(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from nodes(value)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(replies())
def test_every_renderer_output_is_inert(reply):
    assert_slack_inert(render_slack(reply, share_command="/claims <!here>"))
    for message in render_discord(reply):
        for text in strings(message):
            assert mention_free(text), text
            assert "<@" not in text and "<#" not in text and "<!" not in text, text
    for text in (render_text(reply), render_markdown(reply)):
        assert mention_free(text), text
        assert "<!" not in text and "<@" not in text and "<#" not in text, text
    assert json.loads(json.dumps(render_slack(reply)))  # serialisable as sent


@given(mixed)
def test_markup_translations_are_inert(text):
    for out in (to_plain(text), to_slack_mrkdwn(text), to_discord_markdown(text), slack_escape(text), neutralise(text)):
        assert mention_free(out), out
        assert "<!" not in out and "<@" not in out and "<#" not in out, out
    assert neutralise(neutralise(text)) == neutralise(text)


def test_the_fallback_text_of_a_hostile_title_is_escaped():
    [message] = render_slack(Reply(title="<!here> look @channel"))
    assert "<!here>" not in message["text"] and "@channel" not in message["text"]
    assert message["text"].startswith("&lt;")


def test_urls_that_could_break_link_syntax_or_are_not_http_are_omitted():
    reply = Reply(title="t", links=(Link("evil", "https://x.test/<!here>"), Link("js", "javascript:alert(1)"),
                                    Link("ok", "https://x.test/a?b=1")))
    text = json.dumps(render_slack(reply))
    assert "javascript" not in text and "<https://x.test/a?b=1|ok>" in text
    assert "https://x.test/<!here>" not in text
    assert "javascript" not in render_markdown(reply) and "javascript" not in render_text(reply)
    assert safe_url("https://x.test/a b") is None and safe_url("https://x.test/a|b") is None
    assert safe_url("ftp://x.test/") is None and safe_url("https://x.test/ok") == "https://x.test/ok"


def test_a_link_url_with_an_at_mention_stays_a_working_link():
    assert to_slack_mrkdwn("see [docs](https://x.test/@here/a)") == "see <https://x.test/%40here/a|docs>"
    assert to_plain("[docs](https://x.test/@channel)") == "docs <https://x.test/%40channel>"


def test_the_shared_by_line_mentions_only_a_well_formed_user_id():
    assert shared_by_context("U0MEMBER")["elements"][0]["text"] == "Shared by <@U0MEMBER>"
    assert "<!" not in json.dumps(shared_by_context("U1><!here"))
    assert slack_user_mention("<!here>") == ""
