"""Composition root helpers: build the store and services from settings.

The CLI, `briefbot run` and the tests all build services here, so there is one
way to open the database, migrate it and seed it.
"""
from __future__ import annotations

import logging
from pathlib import Path

from storage import Store

from foundation.settings import Settings
from bot.core.context import Services

log = logging.getLogger(__name__)


def open_store(settings: Settings, *, seed_if_empty: bool = True, seeds_dir: Path | None = None) -> Store:
    store = Store.open(settings.db_path)
    if seed_if_empty and store.stats().models == 0:
        from ingest.seed_files import DEFAULT_SEEDS_DIR, load_seeds  # only a new database pays for the loader
        report = load_seeds(store, seeds_dir or DEFAULT_SEEDS_DIR)
        log.info("new database at %s seeded with %s rows", settings.db_path, report.rows)
    return store


def build_services(settings: Settings, store: Store | None = None) -> Services:
    store = store or open_store(settings)
    # settings travel in extra so that /digest from chat or the console can use the LLM summarizer too
    return Services.for_store(store, admins=settings.admins, extra={"settings": settings})
