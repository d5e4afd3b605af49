"""Extraction tests run the default extractor over the real seeded record (tests/conftest.py `store`)."""
from __future__ import annotations

import pytest

from ingest.extract import SourceContext, build_extractor


def _over_an_article(method):
    def _run(text: str, published: str | None = None, vendor_id: str | None = None):
        return method(text, SourceContext(url="https://example.com/a", vendor_id=vendor_id, date=published))
    return _run


@pytest.fixture
def extract(store):
    return _over_an_article(build_extractor(store).extract)


@pytest.fixture
def read(store):
    """The reading before validation: a score on a benchmark the record does not know keeps its written name."""
    return _over_an_article(build_extractor(store).read)


@pytest.fixture
def extract_as_seeded(evidence_store):
    """The extractor over the record `briefbot seed` builds: also the benchmarks of the committed catalogs."""
    return _over_an_article(build_extractor(evidence_store).extract)


def scores(extraction) -> set[tuple]:
    """(subject id or name, benchmark id or written name, value) of every score."""
    return {(c.subject.model_id or c.subject.text, c.benchmark_id or c.benchmark_text, c.value)
            for c in extraction.claims if c.kind == "benchmark_score"}


def comparisons(extraction) -> set[tuple]:
    return {(c.subject.model_id or c.subject.text, c.relation, frozenset(o.model_id or o.text for o in c.compared_to))
            for c in extraction.claims if c.kind == "comparison"}


def releases(extraction) -> set[tuple]:
    return {(r.model.model_id or r.model.text, r.date) for r in extraction.releases}
