"""The digest's evidence sections: recent vendor claims an independent figure checks, and moved figures."""
from __future__ import annotations

from bot.render.text import render_text
from digests import evidence_section
from ingest.sources.sync import SNAPSHOT, sync

from ..ingest.evidence_support import real_files


def test_digest_lists_independent_checks_of_the_weeks_vendor_claims(evidence_ask):
    text = render_text(evidence_ask("/digest preview 2026-W05"))
    section = text[text.index("Independent checks"):]
    assert "Claude Opus 4.5, SWE-bench Verified: 80.9 claimed" in section
    assert "74.4 independent" in section and "independent lower by 6.5" in section


def test_digest_names_vendors_that_disagree_the_week_a_rival_prints_another_figure(evidence_ask):
    text = render_text(evidence_ask("/digest preview 2026-W05"))
    section = text[text.index("Vendors disagree"):]
    first = section.splitlines()[2]
    assert "Claude Opus 4.5, IMO-AnswerBench: Alibaba Cloud 84.0, Moonshot AI 78.5" in first
    # a week in which neither card arrived says nothing about them
    assert "Vendors disagree" not in render_text(evidence_ask("/digest preview 2026-W10"))


def test_a_newer_file_shows_as_a_leaderboard_move(tmp_path):
    from ingest.seed_files import load_seeds
    from storage import Store
    store = Store.open(tmp_path / "bare.db")
    load_seeds(store, snapshots=False)
    files = real_files("aider")
    sync(store, ["models.dev"], SNAPSHOT, now="2026-01-20T09:00:00+00:00")   # o3 comes from the catalog
    sync(store, ["aider"], SNAPSHOT, now="2026-01-20T09:00:00+00:00")
    path = tmp_path / "polyglot_leaderboard.yml"
    path.write_bytes(files["polyglot_leaderboard.yml"].replace(b"pass_rate_2: 79.6", b"pass_rate_2: 90.2", 1))
    sync(store, ["aider"], str(path), now="2026-02-03T09:00:00+00:00")
    moved, total = evidence_section.moves(store, "2026-02-02", "2026-02-09")
    assert total >= 1 and any(m.previous_text == "79.6" and m.claim.value == 90.2 for m in moved)
    assert evidence_section.moves(store, "2026-01-26", "2026-02-02") == ((), 0)
    store.close()
