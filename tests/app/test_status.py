"""`briefbot status`: schedules with next runs in local time, outbox counts, errors, pauses, feeds."""
from __future__ import annotations

from datetime import datetime, timezone

from bot.app.cli import main
from bot.app.status import status_lines
from storage import Store
from storage.delivery import (Schedule, enqueue, ensure_destination, mark_dead, outbox_by_key, pause_destination,
                              record_skipped, set_schedule)

NOW = datetime(2026, 3, 25, 12, tzinfo=timezone.utc)


def test_status_reports_schedules_outbox_errors_pauses_and_feeds(tmp_path, capsys):
    db = tmp_path / "status.db"
    store = Store.open(db)
    ensure_destination(store, "slack", "T1", "C1", tz="Europe/London")
    ensure_destination(store, "discord", "G1", "42")
    set_schedule(store, Schedule("slack:T1:C1", "weekly", 0, "09:00", "Europe/London"), NOW.isoformat())
    set_schedule(store, Schedule("discord:G1:42", "daily", 0, "07:30", "Asia/Shanghai"), NOW.isoformat())
    enqueue(store, "k1", "slack:T1:C1", "digest", "{}", NOW.isoformat())
    enqueue(store, "k2", "slack:T1:C1", "digest", "{}", NOW.isoformat())
    mark_dead(store, outbox_by_key(store, "k2").id, "retryable: http_500 (gave up after 8 attempts)", NOW.isoformat())
    record_skipped(store, "k3", "discord:G1:42", "digest", "skipped: missed by 30.0 h", NOW.isoformat())
    pause_destination(store, "discord:G1:42", "missing_access", NOW.isoformat())
    store.db.execute("insert into feeds (id, url, failures, last_error) values ('openai-blog', 'http://x/feed', 3, 'HTTP 503')")
    lines = "\n".join(status_lines(store, NOW))
    store.close()
    assert "slack:T1:C1: every Monday at 09:00 (Europe/London); next Mon 30 Mar 2026 09:00 BST" in lines
    assert "discord:G1:42: every day at 07:30 (Asia/Shanghai); next Thu 26 Mar 2026 07:30 CST" in lines
    assert "Outbox: pending 1, in_flight 0, sent 0, dead 1, skipped 1" in lines
    assert "http_500" in lines and "missed by 30.0 h" in lines
    assert "Paused destinations: discord:G1:42 (missing_access)" in lines
    assert "Feeds: 1 (0 healthy)" in lines and "openai-blog: 3 failure(s)" in lines and "HTTP 503" in lines
    assert main(["--db", str(db), "status"]) == 0
    assert "Outbox: pending 1" in capsys.readouterr().out


def test_cli_schedule_and_outbox_commands(tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    assert main(["--db", db, "schedule", "add", "local::console", "mon", "09:00", "Europe/London"]) == 0
    assert "every Monday at 09:00 (Europe/London)" in capsys.readouterr().out
    assert main(["--db", db, "schedule", "add", "local::console", "mon", "9pm"]) == 2
    assert "HH:MM" in capsys.readouterr().err
    assert main(["--db", db, "schedule", "list"]) == 0
    assert "local::console" in capsys.readouterr().out
    store = Store.open(db)
    enqueue(store, "k1", "local::console", "digest", "{}", NOW.isoformat())
    mark_dead(store, outbox_by_key(store, "k1").id, "retryable: boom", NOW.isoformat())
    store.close()
    assert main(["--db", db, "outbox"]) == 0
    out = capsys.readouterr().out
    assert "dead 1" in out and "k1" in out and "outbox retry" in out
    assert main(["--db", db, "outbox", "retry", "--all-dead"]) == 0
    store = Store.open(db)
    assert outbox_by_key(store, "k1").state == "pending" and outbox_by_key(store, "k1").attempts == 0
    store.close()
    assert main(["--db", db, "schedule", "remove", "local::console"]) == 0
    assert main(["--db", db, "schedule", "remove", "local::console"]) == 1
