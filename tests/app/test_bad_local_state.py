"""Bad local state is one line naming the database file and the cause, exit non-zero, no traceback,
nothing half-written: read-only, corrupt, locked, missing directory, disk full, for every CLI command."""
from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import subprocess

import pytest

import storage.store
from bot.app.cli import command_line, main
from storage import Store

COMMANDS = [
    ["status"],
    ["seed"],
    ["ask", "/model kimi-k2.5"],
    ["digest", "--week", "2026-W05"],
    ["outbox"],
    ["schedule", "list"],
    ["schedule", "add", "local::console", "mon", "09:00", "UTC"],
    ["feeds", "list"],
    ["feeds", "load"],
    ["review"],
    ["alerts", "flush"],
    ["run", "--once", "--no-console"],
]


def one_line_failure(capsys, caplog, argv, db, cause: str) -> None:
    caplog.set_level(logging.DEBUG)
    code = main(["--db", str(db), *argv])
    err = capsys.readouterr().err.strip().splitlines()
    assert code != 0, argv
    assert len(err) >= 1 and str(db) in err[-1] and cause in err[-1], (argv, err)
    assert "Traceback" not in "\n".join(err), (argv, err)
    assert not [r for r in caplog.records if r.exc_info], (argv, [r.getMessage() for r in caplog.records])
    caplog.clear()


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_corrupt_database(argv, tmp_path, capsys, caplog):
    db = tmp_path / "corrupt.db"
    db.write_bytes(os.urandom(64 * 1024))
    before = db.read_bytes()
    one_line_failure(capsys, caplog, argv, db, "corrupt")
    assert db.read_bytes() == before


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_missing_directory(argv, tmp_path, capsys, caplog):
    (tmp_path / "afile").write_text("not a directory")
    one_line_failure(capsys, caplog, argv, tmp_path / "afile" / "sub" / "x.db", "directory")


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_locked_database(argv, db_path, capsys, caplog, monkeypatch):
    monkeypatch.setattr(storage.store, "BUSY_TIMEOUT", 0.2)
    holder = sqlite3.connect(str(db_path), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        one_line_failure(capsys, caplog, argv, db_path, "locked by another process")
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_read_only_database(argv, db_path, capsys, caplog, monkeypatch):
    """Root ignores file modes, so there the file is opened read-only the way SQLite would find it."""
    real_connect = sqlite3.connect
    if os.geteuid() == 0:
        monkeypatch.setattr(storage.store.sqlite3, "connect", lambda path, **kw: real_connect(
            f"file:{path}?mode=ro", uri=True, **kw))
    else:
        for name in (db_path, db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")):
            if name.exists():
                name.chmod(0o444)
        db_path.parent.chmod(0o555)
        monkeypatch.setattr(storage.store, "BUSY_TIMEOUT", 0.2)
    try:
        caplog.set_level(logging.DEBUG)
        code = main(["--db", str(db_path), *argv])
        err = capsys.readouterr().err.strip().splitlines()
        # WAL readers may still read a read-only file; whatever fails must fail in one line
        if code != 0:
            assert err and str(db_path) in err[-1] and ("read-only" in err[-1] or "cannot be opened" in err[-1]), err
        assert not [r for r in caplog.records if r.exc_info], [r.getMessage() for r in caplog.records]
        assert "Traceback" not in "\n".join(err)
    finally:
        db_path.parent.chmod(0o755)


def test_read_only_database_refuses_writes(db_path, capsys, caplog, monkeypatch):
    real_connect = sqlite3.connect
    monkeypatch.setattr(storage.store.sqlite3, "connect", lambda path, **kw: real_connect(
        f"file:{path}?mode=ro", uri=True, **kw))
    one_line_failure(capsys, caplog, ["schedule", "add", "local::console", "mon", "09:00", "UTC"], db_path,
                     "read-only")


def test_disk_full_mid_write_leaves_nothing_half_written(tmp_path, capsys, caplog, monkeypatch):
    """A fresh database's seed load fails after its first batch: the whole load rolls back."""
    db = tmp_path / "fresh.db"
    Store.open(db).close()
    calls = {"n": 0}
    real = Store.upsert_many

    def full_after_first(self, objs):
        calls["n"] += 1
        if calls["n"] > 1:
            raise sqlite3.OperationalError("database or disk is full")
        return real(self, objs)
    monkeypatch.setattr(Store, "upsert_many", full_after_first)
    one_line_failure(capsys, caplog, ["seed"], db, "disk is full")
    monkeypatch.setattr(Store, "upsert_many", real)
    assert calls["n"] > 1
    store = Store.open(db)
    try:
        assert store.stats().models == 0 and store.stats().vendors == 0
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        store.close()


@pytest.fixture
def tiny_disk(tmp_path):
    """A 2 MB tmpfs, where the system allows mounting one (root in a container); skipped elsewhere."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if not shutil.which("mount") or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)],
                                                     capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def test_a_really_full_disk_is_one_line_and_changes_nothing(tiny_disk, db_path):
    db = tiny_disk / "briefbot.db"
    shutil.copy(db_path, db)
    filler = tiny_disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    result = subprocess.run([*command_line(), "--db", str(db), "schedule", "add", "local::console", "mon", "09:00",
                             "UTC"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(db) in lines[0] and "disk is full" in lines[0], result.stderr
    filler.unlink()
    listed = subprocess.run([*command_line(), "--db", str(db), "schedule", "list"], capture_output=True, text=True,
                            timeout=60)
    assert listed.returncode == 0 and "No schedules" in listed.stdout
