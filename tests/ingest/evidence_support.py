"""Helpers for the evidence tests: the real published snapshots (skipped, with the reason, when absent)."""
from __future__ import annotations

import pytest

from ingest.sources import snapshots


def real_files(name: str) -> dict[str, bytes]:
    try:
        return snapshots.read_files(name)[1]
    except snapshots.SnapshotMissing as err:
        pytest.skip(f"published snapshot not present here: {err}")


def need_all_snapshots() -> None:
    for name in ("models.dev", "swe-bench", "livebench", "lmarena", "aider"):
        real_files(name)
