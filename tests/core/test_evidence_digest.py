"""The digest's evidence sections: recent vendor claims an independent figure checks, and moved figures."""
from __future__ import annotations

from bot.render.text import render_text
from digests import evidence_section
from ingest.sources.sync import SNAPSHOT, sync

from ..ingest.evidence_support import real_files


def test_digest_lists_independent_checks_of_the_weeks_vendor_claims(tmp_path):
    # The shipped SWE-bench file (2025-08-05) predates Claude Opus 4.5, so this test syncs a copy with the
    # bash-only entry the board published later (74.4, folder 20251124_mini-v1.16.0_claude-opus-4-5-20251101):
    # a test input, never shipped as the snapshot.
    import gzip
    import json

    from bot.core.answer import answer
    from bot.core.context import Context, Services
    from ingest.seed_files import load_seeds
    from storage import Store
    store = Store.open(tmp_path / "bare.db")
    load_seeds(store, snapshots=False)
    doc = json.loads(real_files("swe-bench")["leaderboards.json"])
    board = next(b for b in doc["leaderboards"] if b["name"] == "bash-only")
    entry = dict(board["results"][0], name="Claude 4.5 Opus medium (20251101)", resolved=74.4, date="2025-11-24",
                 folder="20251124_mini-v1.16.0_claude-opus-4-5-20251101",
                 tags=["Org: Anthropic", "Model: claude-opus-4-5-20251101", "System: Attempts - 1"])
    entry["mini-swe-agent_version"] = "1.16.0"
    board["results"].insert(0, entry)
    path = tmp_path / "leaderboards.json"
    path.write_text(json.dumps(doc))
    sync(store, ["swe-bench"], str(path), now="2026-01-28T09:00:00+00:00")
    text = render_text(answer(Services.for_store(store), "/digest preview 2026-W05", Context()))
    section = text[text.index("Independent checks"):]
    assert "Claude Opus 4.5, SWE-bench Verified: 80.9 claimed" in section
    assert "74.4 independent" in section and "independent lower by 6.5" in section
    # and /check sets the claim beside it, as it will once a sync brings the newer published file
    check = answer(Services.for_store(store), "/check claude-opus-4.5", Context())
    row = next(r for r in next(s.table for s in check.sections if s.table).rows if r[0] == "SWE-bench Verified")
    assert row[1].startswith("80.9") and row[2].startswith("74.4 — independent") and "bash-only" in row[2]
    assert row[3].startswith("independent lower by 6.5")
    store.close()


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
