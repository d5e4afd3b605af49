"""`briefbot sources list|status|sync` through click's CliRunner, on small files made here (the real
snapshots are exercised by tests/ingest/test_evidence_*)."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from bot.app.cli import CliState, cli

AIDER_OK = """\
- dirname: 2025-11-24-claude-opus-4-5
  model: claude-opus-4-5-20251101
  edit_format: diff
  pass_rate_2: 89.4
  percent_cases_well_formed: 98.2
  total_cost: 12.5
  date: 2025-11-24
"""


def invoke(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), *args], obj=CliState(), catch_exceptions=False)


def test_list_names_every_source(db_path):
    out = invoke(db_path, "sources", "list").output
    for name in ("models.dev", "swe-bench", "livebench", "lmarena", "aider"):
        assert name in out


def test_sync_from_a_file_then_a_broken_one_keeps_the_good_rows_and_says_why(db_path, tmp_path):
    good = tmp_path / "polyglot_leaderboard.yml"
    good.write_text(AIDER_OK)
    first = invoke(db_path, "sources", "sync", "aider", "--from", str(good))
    assert first.exit_code == 0, first.output
    again = invoke(db_path, "sources", "sync", "aider", "--from", str(good))
    assert again.exit_code == 0 and "unchanged" in again.output and "0 changed" in again.output  # same file: nothing
    broken = tmp_path / "leaderboard.yml"
    broken.write_text("<!doctype html><html><body>Rate limited</body></html>")
    failed = invoke(db_path, "sources", "sync", "aider", "--from", str(broken))
    assert failed.exit_code == 1, failed.output
    status = invoke(db_path, "sources", "status").output
    line = next(l for l in status.splitlines() if l.startswith("aider"))
    assert "failed" in line and "last good" in line
    assert len(line.splitlines()) == 1


def test_bad_names_and_options_are_one_line_usage_errors(db_path, tmp_path):
    unknown = invoke(db_path, "sources", "sync", "nowhere")
    assert unknown.exit_code == 2 and "unknown source" in unknown.output
    two = invoke(db_path, "sources", "sync", "aider", "lmarena", "--from", str(tmp_path / "x.json"))
    assert two.exit_code == 2 and "exactly one source" in two.output
