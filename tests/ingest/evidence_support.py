"""Helpers for the evidence tests: the real published snapshots (skipped, with the reason, when absent)."""
from __future__ import annotations

import pytest

from ingest.sources import snapshots


def real_files(name: str) -> dict[str, bytes]:
    try:
        return snapshots.read_files(name)[1]
    except snapshots.SnapshotMissing as err:
        pytest.skip(f"published snapshot not present here: {err}")


ALL_SOURCES = ("models.dev", "opencompass", "evalscope", "swe-bench", "livebench", "lmarena", "aider")


def need_all_snapshots() -> None:
    need_snapshots(*ALL_SOURCES)


def need_snapshots(*names: str) -> None:
    """Skip unless these published snapshots are present (the repository ships all but LMArena's)."""
    for name in names:
        real_files(name)


SHIPPED = ("models.dev", "opencompass", "evalscope", "swe-bench", "livebench", "aider")
"""The snapshots the repository ships (LMArena's file is too large to re-read through the permitted channel)."""


def present_sources() -> list[str]:
    """The shipped snapshots, skipping the test if one is missing, plus LMArena's when it is present here."""
    need_snapshots(*SHIPPED)
    try:
        snapshots.read_files("lmarena")
        return list(ALL_SOURCES)
    except snapshots.SnapshotMissing:
        return list(SHIPPED)
