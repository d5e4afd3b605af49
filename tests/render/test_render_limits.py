"""Property tests: every renderer keeps every platform limit on random large weeks, and loses nothing.

Weeks are generated into a real SQLite store (a temporary file per example),
assembled by digests/ and worded by bot/digest_reply.py with generous caps so
that replies run to many messages; a second property throws arbitrary Replies
(huge titles, items, fields and tables) at the renderers. Limits (DESIGN.md):
Slack <= 50 blocks per message, section text <= 3000, <= 10 fields per section
(each <= 2000), header <= 150, a message's total text < 12000; Discord <= 10
embeds and <= 6000 characters per message, title <= 256, description <= 4096,
<= 25 fields, field name <= 256 and value <= 1024, footer <= 2048, content <=
2000. "Nothing lost": every word of every piece of the reply (title, headings,
text, fields, table cells, items, links, footnotes) appears across the
messages in order, and every link's URL appears. Renderers are imported when a
test runs, so a missing renderer fails its own tests, not the others.
"""
from __future__ import annotations

from tests.kit import check_discord_limits, check_slack_limits

import importlib
import random
import re
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings, strategies as st

from bot.core.digest_reply import digest_reply_for
from bot.render.markup import LINK
from bot.core.reply import Field, Link, Reply, Section, Table
from bot.core.context import Services
from digests.assemble import Limits, assemble
from storage import Benchmark, Claim, Model, Release, Source, Store, Vendor
from storage.records import PROVENANCES, RELATIONS

RENDERERS = {"slack": ("bot.render.slack_blocks", "render_slack"),
             "discord": ("bot.render.discord_embeds", "render_discord"),
             "markdown": ("bot.render.markdown", "render_markdown"),
             "text": ("bot.render.text", "render_text")}
BIG = Limits(headlines=60, models=40, claims_per_model=25, moves=60, watch=60)
WEEK = "2026-W05"
MONDAY = date(2026, 1, 26)

# words with every character that a markup translation could trip on
WORD = st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                                        + list("*_~`|<>&@#:[]()!?.,'\"\\/-+=%") + ["é", "ß", "模", "型", "😀", "Ω"]),
               min_size=1, max_size=24)
WORDS = st.lists(WORD, min_size=6, max_size=40)


def renderer(name: str):
    module, func = RENDERERS[name]
    return getattr(importlib.import_module(module), func)


# ---- what a reply holds, and what the messages show -----------------------------------------------
_URL = re.compile(r"https?://[^\s|>)\]]+")


def words_of(text: str, platform: str | None = None) -> list[str]:
    """Words of what a reader sees: URLs dropped, and every character that is not a letter, digit or space
    deleted on both sides of the comparison, because renderers legitimately add or remove markup
    (**, [](), <|>, &amp;, zero-width spaces) around and inside words."""
    if platform == "slack":  # Slack's only three entities (mrkdwn escapes exactly these)
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    text = _URL.sub("", text)
    return "".join(ch if ch.isalnum() or ch.isspace() else "" for ch in text).split()


def reply_parts(reply: Reply) -> list[list[list[str]]]:
    """Groups in reply order; each group is a list of parts (lists of pieces) whose order a renderer may choose.

    The neutral form does not order a section's text, fields, table and items against each other (Discord
    puts fields last, plain text puts items last), so only each part's own order and the order of the
    groups are checked."""
    groups: list[list[list[str]]] = [[[reply.title]]]
    for s in reply.sections:
        head = [p for p in (s.heading, s.text) if p]
        fields = [p for f in s.fields for p in (f.name, f.value)]
        table = [cell for row in s.table.rows for cell in row] if s.table else []
        groups.append([part for part in (head, fields, table, list(s.items)) if part])
    groups.append([[link.label for link in reply.links], list(reply.footnotes)])
    return groups


def reply_pieces(reply: Reply) -> list[str]:
    return [piece for group in reply_parts(reply) for part in group for piece in part]


def reply_urls(reply: Reply) -> set[str]:
    urls = {link.url for link in reply.links}
    for piece in reply_pieces(reply):
        urls |= {m.group(2) for m in LINK.finditer(piece)}
    return urls


def _strings_under_text(node, out: list[str], keys: tuple[str, ...] = ("text",)) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in keys and isinstance(value, str):
                out.append(value)
            else:
                _strings_under_text(value, out, keys)
    elif isinstance(node, list):
        for value in node:
            _strings_under_text(value, out, keys)


def shown_text(name: str, output) -> str:
    """Everything a reader sees, in order (Slack's top-level `text` is the notification fallback: not counted)."""
    if isinstance(output, str):
        return output
    parts: list[str] = []
    for message in output:
        if name == "slack":  # a link may also be a button's url
            _strings_under_text(message["blocks"], parts, ("text", "url"))
        else:
            parts.append(message.get("content", ""))
            for embed in message["embeds"]:
                parts += [embed.get("title", ""), embed.get("url", ""), embed.get("description", "")]
                for f in embed.get("fields", []):
                    parts += [f["name"], f["value"]]
                parts.append(embed.get("footer", {}).get("text", ""))
    return "\n".join(parts)


def assert_nothing_lost(name: str, reply: Reply, output) -> None:
    seen = words_of(shown_text(name, output), name)
    start = 0
    for group in reply_parts(reply):
        end = start
        for part in group:
            position = start
            for piece in part:
                for word in words_of(piece):
                    try:
                        position = seen.index(word, position) + 1
                    except ValueError:
                        raise AssertionError(f"{name}: “{word}” of “{piece[:120]}” is missing or out of order") from None
            end = max(end, position)
        start = end
    text = shown_text(name, output)
    missing = [url for url in reply_urls(reply) if url not in text]
    assert not missing, f"{name}: links lost: {missing[:3]}"


# ---- the limits -------------------------------------------------------------------------------------
def check(name: str, reply: Reply) -> int:
    """Checks one rendering; returns how many messages it took."""
    output = renderer(name)(reply)
    if name == "slack":
        check_slack_limits(output)
    elif name == "discord":
        check_discord_limits(output)
    else:
        assert isinstance(output, str) and output.endswith("\n")
    assert_nothing_lost(name, reply, output)
    return 1 if isinstance(output, str) else len(output)


# ---- random large weeks in a real store --------------------------------------------------------------
def phrase(rng: random.Random, words: list[str], lo: int, hi: int) -> str:
    return " ".join(rng.choice(words) for _ in range(rng.randint(lo, hi)))


def when(rng: random.Random, day: date) -> str:
    if rng.random() < 0.6:
        return day.isoformat()
    return f"{day.isoformat()}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00{rng.choice(['+00:00', 'Z', '+09:00'])}"


def build_week(store: Store, rng: random.Random, words: list[str], n_models: int, n_releases: int,
               n_claims: int) -> int:
    """Writes a random record around 2026-W05; returns how many claims fall inside the week (any zone)."""
    n_vendors, n_bench, n_sources = rng.randint(1, 6), rng.randint(1, 8), rng.randint(1, 20)
    rows: list = [Vendor(f"v{i}", f"{phrase(rng, words, 1, 3)} V{i}") for i in range(n_vendors)]
    rows += [Source(f"s{i}", f"https://example.org/s/{i}", publisher=phrase(rng, words, 1, 4)) for i in range(n_sources)]
    rows += [Model(f"m{i}", f"v{rng.randrange(n_vendors)}", f"{phrase(rng, words, 1, 12)} M{i}",
                   status=rng.choice(["released", "preview", "announced", None]), open_weights=rng.random() < 0.3)
             for i in range(n_models)]
    rows += [Benchmark(f"b{i}", f"{phrase(rng, words, 1, 6)} B{i}", higher_is_better=rng.random() < 0.8)
             for i in range(n_bench)]
    rows += [Release(f"r{i}", f"m{(m := rng.randrange(n_models))}", f"v{rng.randrange(n_vendors)}",
                     when(rng, MONDAY + timedelta(days=rng.randint(-1, 7))), phrase(rng, words, 1, 80),
                     f"s{rng.randrange(n_sources)}") for i in range(n_releases)]
    inside = 0
    for i in range(n_claims):
        day = MONDAY + timedelta(days=rng.randint(-25, 7))  # earlier weeks feed moves and the watch list
        inside += MONDAY <= day < MONDAY + timedelta(days=7)
        kind = rng.choice(["benchmark_score"] * 3 + ["comparison", "capability", "availability", "pricing"])
        value = round(rng.uniform(1, 99), rng.choice([0, 1, 2]))
        rows.append(Claim(
            f"c{i}", kind, f"m{rng.randrange(n_models)}", rng.choice(PROVENANCES), phrase(rng, words, 1, 120),
            f"s{rng.randrange(n_sources)}", when(rng, day),
            benchmark_id=f"b{rng.randrange(n_bench)}" if kind == "benchmark_score" else None,
            value=value if kind == "benchmark_score" else None,
            value_text=f"{value:g}" if kind == "benchmark_score" else None,
            settings=rng.choice([None, None, "with tools", phrase(rng, words, 1, 5)]) if kind == "benchmark_score" else None,
            compared_to=tuple(f"m{rng.randrange(n_models)}" for _ in range(rng.randint(1, 3))) if kind == "comparison" else (),
            relation=rng.choice(RELATIONS) if kind == "comparison" else None,
            scope=phrase(rng, words, 0, 6) or None if kind == "comparison" else None,
            reported_by=f"v{rng.randrange(n_vendors)}" if rng.random() < 0.8 else None))
    store.upsert_many(rows)
    return inside


week_shapes = st.fixed_dictionaries({
    "seed": st.integers(0, 2**32), "words": WORDS, "n_models": st.integers(1, 60),
    "n_releases": st.integers(0, 60), "n_claims": st.integers(40, 600),
    "tz": st.sampled_from(["UTC", "Asia/Tokyo", "America/New_York", "Europe/London", "Pacific/Kiritimati"]),
})


LARGE_WEEK = {"seed": 5, "words": ["Kimi", "K2.5", "agentic", "benchmark", "[parity]", "**bold**", "模型", "<tag>"],
              "n_models": 60, "n_releases": 60, "n_claims": 600, "tz": "Europe/London"}


@pytest.mark.parametrize("name", list(RENDERERS))
def test_random_large_weeks_respect_every_limit(name):
    renderer(name)  # a missing renderer fails here at once, by name
    sizes = []

    @settings(max_examples=10, deadline=None, database=None,  # no shrinking: each example builds a database
              phases=(Phase.explicit, Phase.reuse, Phase.generate),
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(shape=week_shapes)
    @example(shape=LARGE_WEEK)  # random draws are not always long enough to split: this one always is
    def prop(shape):
        rng = random.Random(shape["seed"])
        with tempfile.TemporaryDirectory() as tmp:
            store = Store.open(Path(tmp) / "week.db")
            try:
                build_week(store, rng, shape["words"], shape["n_models"], shape["n_releases"], shape["n_claims"])
                reply = digest_reply_for(Services.for_store(store), week=WEEK, tz=shape["tz"], limits=BIG)
                sizes.append(check(name, reply))
                # the digest accounts for every claim of the week: shown, or counted in an "…and N more" line
                digest = assemble(store, WEEK, shape["tz"], limits=BIG)
                in_week = [c for c in store.claims(limit=None) if digest.period.contains(c.first_seen)]
                assert digest.claim_total == len(in_week)
                counted = sum(g.total for g in digest.claim_groups)
                counted += sum(1 for c in in_week if c.subject_id in digest.more_models)
                assert counted == len(in_week)
            finally:
                store.close()
    prop()
    if name in ("slack", "discord"):
        assert max(sizes) > 1, "no generated week was long enough to need several messages"


# ---- arbitrary replies ---------------------------------------------------------------------------------
def long_text(min_words: int, max_words: int):
    return st.builds(lambda ws, link: " ".join(ws) + (f" [{ws[0]}](https://example.net/{len(ws)})" if link else ""),
                     st.lists(WORD, min_size=min_words, max_size=max_words), st.booleans())


sections = st.builds(
    Section,
    heading=st.one_of(st.none(), long_text(1, 80)),
    text=st.one_of(st.none(), long_text(1, 900)),
    fields=st.lists(st.builds(Field, name=long_text(1, 70), value=long_text(1, 300), inline=st.booleans()),
                    max_size=30).map(tuple),
    table=st.one_of(st.none(), st.integers(2, 5).flatmap(lambda n: st.builds(
        Table, columns=st.lists(long_text(1, 3), min_size=n, max_size=n).map(tuple),
        rows=st.lists(st.lists(long_text(1, 40), min_size=n, max_size=n).map(tuple), max_size=40).map(tuple)))),
    items=st.lists(long_text(1, 250), max_size=60).map(tuple),
)
replies = st.builds(Reply, title=long_text(1, 120), sections=st.lists(sections, max_size=8).map(tuple),
                    links=st.lists(st.builds(Link, label=long_text(1, 10), url=st.just("https://example.com/x")),
                                   max_size=5).map(tuple),
                    footnotes=st.lists(long_text(1, 200), max_size=6).map(tuple), kind=st.just("digest"),
                    ephemeral=st.just(False))


@pytest.mark.parametrize("name", list(RENDERERS))
def test_arbitrary_replies_respect_every_limit(name):
    renderer(name)

    @settings(max_examples=30, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(reply=replies)
    def prop(reply):
        check(name, reply)
    prop()


def test_the_checks_catch_a_broken_renderer():
    """The limit and loss checks themselves can fail: a renderer that truncates is caught."""
    reply = Reply(title="t", sections=(Section(items=tuple(f"item {i} " + "word " * 300 for i in range(30))),))
    too_long = [{"content": "", "embeds": [{"description": "x" * 5000}]}]
    with pytest.raises(AssertionError):
        check_discord_limits(too_long)
    truncated = [{"content": "", "embeds": [{"description": "item 0 word"}]}]
    with pytest.raises(AssertionError, match="missing or out of order"):
        assert_nothing_lost("discord", reply, truncated)
    blocks = [{"text": "t", "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "y" * 3001}}]}]
    with pytest.raises(AssertionError):
        check_slack_limits(blocks)
