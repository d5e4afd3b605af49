"""Bad local state, in one line: the one place where SQLite and file-system errors become words.

Rules: `StorageError` names the database file and the cause a person can act
on (read-only, corrupt, locked by another process, missing directory, disk
full); `explain` is the only translation from sqlite3/OS errors. `Store.open`
raises it; the CLI root (bot.app.cli.main) prints it as one line and exits 1;
anything the store raises later is translated there with the same function.
SQLite rolls the current transaction back on these errors, so nothing is left
half-written.
"""
from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path


class StorageError(Exception):
    def __init__(self, path: str | Path | None, cause: str):
        self.path = str(path) if path is not None else None
        self.cause = cause
        where = f"database {self.path}" if self.path else "the database"
        super().__init__(f"{where}: {cause}")


_CAUSES = (
    (("file is not a database", "malformed", "not a database", "file is encrypted"),
     "is corrupt or not a briefbot database (SQLite: {msg}); restore a backup or move it aside"),
    (("readonly", "read-only", "attempt to write a readonly database"),
     "is read-only (SQLite: {msg}); the file and its directory must be writable"),
    (("database is locked", "database table is locked", "busy"),
     "is locked by another process (SQLite: {msg}); is another briefbot running on it?"),
    (("database or disk is full", "disk full", "no space"),
     "could not be written: the disk is full (SQLite: {msg}); nothing was changed"),
    (("unable to open database file", "cannot open"),
     "cannot be opened (SQLite: {msg}); check that its directory exists and is writable"),
    (("disk i/o error",),
     "could not be read or written (SQLite: {msg}); check the disk and the file's permissions"),
)

_OS_CAUSES = {
    errno.ENOSPC: "the disk is full",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOTDIR: "a part of its directory path is a file, not a directory",
    errno.EEXIST: "a part of its directory path is a file, not a directory",
    errno.ENOENT: "its directory does not exist",
}


def explain(err: BaseException, path: str | Path | None) -> StorageError:
    """The StorageError for a sqlite3 or OS error met while using the database at `path`."""
    if isinstance(err, StorageError):
        return err
    if _disk_full(path) and isinstance(err, (sqlite3.OperationalError, OSError)):
        return StorageError(path, f"could not be written: the disk is full ({err}); nothing was changed")
    if isinstance(err, sqlite3.Error):
        msg = str(err).strip() or type(err).__name__
        lowered = msg.lower()
        for needles, cause in _CAUSES:
            if any(n in lowered for n in needles):
                return StorageError(path, cause.format(msg=msg))
        return StorageError(path, f"SQLite failed ({msg})")
    if isinstance(err, OSError):
        cause = _OS_CAUSES.get(err.errno or 0, err.strerror or type(err).__name__)
        where = f" ({err.filename})" if err.filename and str(err.filename) != str(path) else ""
        return StorageError(path, f"cannot be used: {cause}{where}")
    return StorageError(path, f"{type(err).__name__}: {err}")


LOW_SPACE = 64 * 1024
"""Free bytes under which a failed write is put down to a full disk (SQLite often reports only "disk I/O error")."""


def _disk_full(path: str | Path | None) -> bool:
    if not path or str(path) == ":memory:":
        return False
    try:
        return shutil.disk_usage(Path(path).resolve().parent).free < LOW_SPACE
    except OSError:
        return False
