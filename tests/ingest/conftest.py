"""Extraction tests run the default extractor over the real curated record: the seeds' YAML, without the
evidence snapshots (whose catalog adds GPT-5.1, Claude Sonnet 4.5, … as known models; these tests pin how
the extractor treats names the curated record does not know)."""
from __future__ import annotations

import pytest

from ingest.extract import SourceContext, build_extractor


@pytest.fixture(scope="session")
def curated_db_template(tmp_path_factory):
    from ingest.seed_files import load_seeds
    from storage import Store
    path = tmp_path_factory.mktemp("curated") / "curated.db"
    store = Store.open(path)
    load_seeds(store, snapshots=False)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path


@pytest.fixture
def curated_store(curated_db_template, tmp_path):
    import shutil
    from storage import Store
    path = tmp_path / "curated.db"
    shutil.copy(curated_db_template, path)
    store = Store.open(path)
    yield store
    store.close()


@pytest.fixture
def extract(curated_store):
    extractor = build_extractor(curated_store)

    def _extract(text: str, published: str | None = None, vendor_id: str | None = None):
        return extractor.extract(text, SourceContext(url="https://example.com/a", vendor_id=vendor_id, date=published))
    return _extract


def scores(extraction) -> set[tuple]:
    """(subject id or name, benchmark id or written name, value) of every score."""
    return {(c.subject.model_id or c.subject.text, c.benchmark_id or c.benchmark_text, c.value)
            for c in extraction.claims if c.kind == "benchmark_score"}


def comparisons(extraction) -> set[tuple]:
    return {(c.subject.model_id or c.subject.text, c.relation, frozenset(o.model_id or o.text for o in c.compared_to))
            for c in extraction.claims if c.kind == "comparison"}


def releases(extraction) -> set[tuple]:
    return {(r.model.model_id or r.model.text, r.date) for r in extraction.releases}
