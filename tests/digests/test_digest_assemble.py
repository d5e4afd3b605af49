"""Assembling digests from a hand-made record whose right answers are known (tests/digests/world.py)."""
from __future__ import annotations

import json
import re

import pytest

from bot.core.digest_reply import digest_reply_for
from bot.core.errors import UsageError
from bot.render.markdown import render_markdown
from bot.render.text import render_text
from bot.core.context import Services
from digests.assemble import Limits, assemble
from digests.factsheet import fingerprint
from digests.summarize import default_summary
from storage import Claim
from storage.digest_store import get_digest, list_digests
from tests.digests.world import open_world


@pytest.fixture
def world(tmp_path):
    store = open_world(tmp_path / "world.db")
    yield store
    store.close()


def ids(claims) -> list[str]:
    return [c.id for c in claims]


def test_sections_of_the_rich_week(world):
    d = assemble(world, "2026-W05")
    # headlines: open weights and a new HLE best rank Kimi above Qwen; the 2025 Opus release is not this week
    assert [h.release.id for h in d.headlines] == ["rel-kimi", "rel-qwen"]
    assert "open weights" in d.headlines[0].reasons and d.headlines[0].significance > d.headlines[1].significance
    # claims: first seen in the week only (not c-late on 2 Feb UTC), grouped by model, most claims first
    assert d.claim_total == 6 and [g.model_id for g in d.claim_groups] == ["kimi-k2.5", "qwen3-max-thinking"]
    assert ids(d.claim_groups[0].claims)[0] == "c-kimi-disp"  # disputed first, then oldest first
    assert dict(d.provenance_counts) == {"disputed": 1, "independent": 1, "vendor_reported": 4}
    # moves, on normalised settings: Kimi's 50.2 beats Opus's 43.2 (seen 2026-01-10); Qwen's 44.0 is not the
    # week's best; SWE-bench Verified is agentic, so Kimi's "with tools" 76.8 and Qwen's unstated 61.0 (W03) are
    # the same test: a move, not a first score
    assert [(m.benchmark_id, m.new.id, m.previous.id) for m in d.moves] == [
        ("hle", "c-kimi-hle", "c-opus-hle"), ("swe-bench-verified", "c-kimi-swe", "c-qwen-old")]
    assert d.first_scores == 0
    # launches: what each vendor headlined against the record's next best, its vague claims and disputes
    kimi = d.launches[0]
    assert [(f.claim.id, f.best_other.id) for f in kimi.figures] == [("c-kimi-hle", "c-qwen-hle"),
                                                                     ("c-kimi-swe", "c-qwen-old")]
    assert ids(kimi.vague) == ["c-kimi-vs"] and ids(kimi.disputed) == ["c-kimi-disp"]
    # watch: unchecked vendor claims not already told in a launch, most significant first; Qwen's HLE claim was
    # checked by an independent figure, Opus's capability claim was checked on 2026-01-20
    assert ids(d.watch) == ["c-qwen-old"]
    assert d.watch_total == 4 and not d.quiet


def test_same_period_twice_gives_the_same_digest(world, tmp_path):
    first, second = assemble(world, "2026-W05", "Europe/London"), assemble(world, "2026-W05", "Europe/London")
    assert first == second and fingerprint(first) == fingerprint(second)
    services = Services.for_store(world)
    a = digest_reply_for(services, week="2026-W05")
    b = digest_reply_for(services, week="2026-W05")
    assert a == b and a.kind == "digest" and a.ephemeral is False
    assert len(list_digests(world)) == 1
    # a change in the record changes the digest (and its stored hash)
    before = get_digest(world, "2026-W05", "", "{}").content_hash
    world.upsert(Claim("c-new", "pricing", "kimi-k2.5", "vendor_reported", "cheaper", "src-kimi", "2026-01-29"))
    digest_reply_for(services, week="2026-W05")
    after = get_digest(world, "2026-W05", "", "{}")
    assert after.content_hash != before and after.content_hash == fingerprint(assemble(world, "2026-W05"))
    stored = json.loads(after.content)
    assert stored["summary"]["source"] == "default" and stored["summary"]["note"] is None
    assert stored["facts"]["claim_total"] == 7


def test_time_zone_moves_the_week_edges(world):
    utc = assemble(world, "2026-W05", "UTC")
    ny = assemble(world, "2026-W05", "America/New_York")
    assert "c-late" not in [c.id for g in utc.claim_groups for c in g.claims]
    assert "c-late" in [c.id for g in ny.claim_groups for c in g.claims]  # Sunday 22:00 in New York


def test_audience_filters(world):
    moonshot = assemble(world, "2026-W05", filters={"vendors": ["moonshot"]})
    assert [h.release.model_id for h in moonshot.headlines] == ["kimi-k2.5"]
    assert {g.model_id for g in moonshot.claim_groups} == {"kimi-k2.5"}
    assert all(c.subject_id == "kimi-k2.5" for c in moonshot.watch)
    scores_only = assemble(world, "2026-W05", filters={"kinds": ["benchmark_score"]})
    assert all(c.kind == "benchmark_score" for g in scores_only.claim_groups for c in g.claims)
    assert scores_only.moves  # moves are scores
    no_scores = assemble(world, "2026-W05", filters={"kinds": ["comparison"]})
    assert not no_scores.moves and ids(no_scores.watch) == []  # c-kimi-vs is told with Kimi's launch
    alibaba = assemble(world, "2026-W05", filters={"vendors": ["alibaba"]})
    assert not alibaba.moves  # the new HLE best is Kimi's, whatever the filter
    # filters are canonical: order and duplicates do not make a different digest
    a = assemble(world, "2026-W05", filters={"vendors": ["moonshot", "alibaba", "alibaba"]})
    b = assemble(world, "2026-W05", filters={"vendors": ["alibaba", "moonshot"]})
    assert a.filters.to_json() == b.filters.to_json() == '{"vendors":["alibaba","moonshot"]}'
    with pytest.raises(ValueError, match="kinds are"):
        assemble(world, "2026-W05", filters={"kinds": ["rumour"]})
    with pytest.raises(ValueError, match="Unknown digest filter"):
        assemble(world, "2026-W05", filters={"colour": ["red"]})


def test_quiet_week(world):
    d = assemble(world, "2026-W10")
    assert d.quiet and not d.headlines and not d.claim_groups and not d.moves
    services = Services.for_store(world)
    text = render_text(digest_reply_for(services, week="2026-W10"))
    assert "Quiet week" in text and "nothing new entered the record" in text


def test_lower_is_better_benchmarks_move_down(world):
    from storage import Claim as C
    world.upsert_many([
        C("lat-old", "benchmark_score", "claude-opus-4.5", "independent", "120 ms", "src-lab", "2026-01-05",
          benchmark_id="latency", value=120, value_text="120", unit="ms"),
        C("lat-new", "benchmark_score", "kimi-k2.5", "independent", "95 ms", "src-lab", "2026-01-28",
          benchmark_id="latency", value=95, value_text="95", unit="ms"),
        C("lat-worse", "benchmark_score", "qwen3-max-thinking", "independent", "300 ms", "src-lab", "2026-01-28",
          benchmark_id="latency", value=300, value_text="300", unit="ms"),
    ])
    moves = {m.benchmark_id: m for m in assemble(world, "2026-W05").moves}
    assert moves["latency"].new.id == "lat-new" and moves["latency"].previous.id == "lat-old"


def test_caps_are_stated_never_silent(world):
    d = assemble(world, "2026-W05", limits=Limits(headlines=1, models=1, claims_per_model=2, watch=1))
    assert len(d.headlines) == 1 and d.headline_total == 2
    assert len(d.claim_groups) == 1 and d.more_models == ("qwen3-max-thinking",)
    assert len(d.claim_groups[0].claims) == 2 and d.claim_groups[0].total == 4
    assert len(d.watch) <= 1 and d.watch_total == 4
    services = Services.for_store(world)
    text = render_text(digest_reply_for(services, week="2026-W05", limits=Limits(headlines=1, models=1,
                                                                                   claims_per_model=2, watch=1)))
    assert "…and 1 more release: `/releases 2026-W05`" in text
    assert f"…and {4 - len(d.watch)} more unchecked vendor claim" in text and "`/claims MODEL`" in text


def test_every_item_names_its_source_and_badges_are_shared_wording(world):
    reply = digest_reply_for(Services.for_store(world), week="2026-W05")
    publishers = ("Publisher ", "Moonshot AI", "Alibaba", "Anthropic")
    for section in reply.sections:
        linked = bool(section.text and re.search(r"\]\(https?://", section.text))
        for item in section.items:
            if not item.startswith("…and") and not item.startswith("Context:"):
                assert linked or re.search(r"\]\(https?://", item) or any(p in item for p in publishers), item
    text = render_text(reply)
    assert "vendor claim" in text and "Disputed:" in text and "Kimi handles 1M tokens" in text
    markdown = render_markdown(reply)
    assert markdown.startswith("# AI model race: week 2026-W05") and "## Kimi K2.5 (Moonshot AI)" in markdown
    assert "[Publisher kimi](https://example.org/kimi)" in markdown


def test_default_summary_is_grounded_in_the_facts(world):
    from digests import grounding
    from digests.factsheet import facts_text
    d = assemble(world, "2026-W05")
    lead = default_summary(d)
    assert "2 new releases" in lead and "Kimi K2.5" in lead and "50.2" in lead and "44.0" in lead
    assert grounding.check(lead, facts_text(d), ["Kimi K2.5", "Claude Opus 4.5", "Moonshot AI"]) == []


def test_bad_week_and_zone_are_usage_errors(world):
    services = Services.for_store(world)
    with pytest.raises(UsageError, match="no week 60"):
        digest_reply_for(services, week="2026-W60")
    with pytest.raises(UsageError, match="IANA"):
        digest_reply_for(services, week="2026-W05", tz="Moon/Base")


def test_markdown_escapes_tables_and_keeps_everything():
    from bot.core.reply import Field, Link, Reply, Section, Table
    reply = Reply(title="T | x\nline", sections=(
        Section(heading="H", text="body **b**", fields=(Field("f", "v1\nv2"),),
                table=Table(("a", "b|c"), (("1|2", "x\ny"),)), items=("one", "two")),),
        links=(Link("L", "https://l.example"),), footnotes=("note",))
    md = render_markdown(reply)
    assert md.splitlines()[0] == "# T | x line"
    assert "| a | b\\|c |" in md and "| 1\\|2 | x<br>y |" in md
    assert "- **f**: v1" in md and "- one\n- two" in md and "- [L](https://l.example)" in md and md.endswith("note\n")
