"""Forward migrations of the record (vendors, models, benchmarks, sources, releases, claims).

Rules: a migration is added at the end and never edited once shipped; each runs
in one transaction (sqlite-utils' ``Migrations.apply`` wraps it in
``db.atomic()``); a ``table.transform()`` drops FTS triggers, so any migration
that transforms ``claims`` or ``models`` must call ``enable_search`` again.
Delivery and ingest tables have migration sets of their own
(``delivery_migrations``, ``ingest_migrations``) so that they can evolve apart.
"""
from __future__ import annotations

from sqlite_utils import Database, Migrations

record = Migrations("briefbot.record")


@record()
def m001_create_tables(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE vendors (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, aliases TEXT NOT NULL DEFAULT '[]',
            country TEXT, homepage TEXT, source_id TEXT
        );
        CREATE TABLE sources (
            id TEXT PRIMARY KEY, url TEXT NOT NULL, publisher TEXT, title TEXT, kind TEXT,
            published TEXT, retrieved TEXT, notes TEXT
        );
        CREATE TABLE models (
            id TEXT PRIMARY KEY, vendor_id TEXT NOT NULL REFERENCES vendors(id), name TEXT NOT NULL,
            family TEXT, aliases TEXT NOT NULL DEFAULT '[]', release_date TEXT, release_date_basis TEXT,
            status TEXT, modalities TEXT, open_weights INTEGER, license TEXT, context_length INTEGER,
            context_length_text TEXT, source_id TEXT REFERENCES sources(id), notes TEXT
        );
        CREATE TABLE benchmarks (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, aliases TEXT NOT NULL DEFAULT '[]',
            higher_is_better INTEGER NOT NULL DEFAULT 1, unit TEXT, version TEXT, notes TEXT
        );
        CREATE TABLE releases (
            id TEXT PRIMARY KEY, model_id TEXT NOT NULL REFERENCES models(id),
            vendor_id TEXT NOT NULL REFERENCES vendors(id), date TEXT, date_basis TEXT,
            title TEXT NOT NULL, summary TEXT, source_id TEXT NOT NULL REFERENCES sources(id),
            first_seen TEXT
        );
        CREATE TABLE claims (
            id TEXT PRIMARY KEY, kind TEXT NOT NULL, subject_id TEXT NOT NULL REFERENCES models(id),
            benchmark_id TEXT REFERENCES benchmarks(id), value REAL, value_text TEXT, unit TEXT,
            settings TEXT, compared_to TEXT NOT NULL DEFAULT '[]', relation TEXT, scope TEXT,
            provenance TEXT NOT NULL, reported_by TEXT, quote TEXT NOT NULL,
            source_id TEXT NOT NULL REFERENCES sources(id), first_seen TEXT NOT NULL, notes TEXT
        );
        CREATE INDEX claims_subject ON claims(subject_id, kind);
        CREATE INDEX claims_benchmark ON claims(benchmark_id, value);
        CREATE INDEX claims_first_seen ON claims(first_seen);
        CREATE INDEX models_vendor ON models(vendor_id);
        CREATE INDEX releases_date ON releases(date);
        """
    )


@record()
def m002_review_state_links_and_search(db: Database) -> None:
    """Ingestion adds unreviewed candidates; comparisons need lookup by compared model."""
    for table in ("models", "releases", "claims"):
        db[table].add_column("reviewed", int, not_null_default=1)
    db.executescript(
        """
        CREATE TABLE claim_models (
            claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            model_id TEXT NOT NULL, role TEXT NOT NULL,
            PRIMARY KEY (claim_id, model_id, role)
        );
        CREATE INDEX claim_models_model ON claim_models(model_id, role);
        INSERT INTO claim_models (claim_id, model_id, role)
            SELECT id, subject_id, 'subject' FROM claims;
        INSERT OR IGNORE INTO claim_models (claim_id, model_id, role)
            SELECT claims.id, json_each.value, 'compared' FROM claims, json_each(claims.compared_to);
        """
    )
    enable_search(db)


def enable_search(db: Database) -> None:
    """Full-text search over quotes and model names, kept current by triggers."""
    db["claims"].enable_fts(["quote", "scope", "notes"], create_triggers=True, replace=True)
    db["models"].enable_fts(["name", "aliases", "family"], create_triggers=True, replace=True)


@record()
def m003_digest_indexes(db: Database) -> None:
    """Two lookups the weekly digest makes on a large record, each served by an index instead of reading a
    benchmark's or a model's whole history (a week in a 1M-claim record took seconds):

    - ``claims_settings_best``: the best figure per settings text on a benchmark before a date
      (``Store.best_scores_before_by_settings``) steps from one settings text to the next and reads the top of
      each in value order;
    - ``claims_model_benchmark``: a model's figures on one benchmark (``Store.claims(model_benchmarks=…)``), for
      the evidence section's checks and vendor disagreements about the week's claims. It replaces
      ``claims_subject (subject_id, kind)``, its prefix, so that a claim write maintains one index more, not two."""
    db.execute("CREATE INDEX IF NOT EXISTS claims_settings_best ON claims(benchmark_id, kind, coalesce(settings, ''), value)")
    db.execute("CREATE INDEX IF NOT EXISTS claims_model_benchmark ON claims(subject_id, kind, benchmark_id)")
    db.execute("DROP INDEX IF EXISTS claims_subject")


@record()
def m004_benchmark_candidates(db: Database) -> None:
    """Ingestion keeps a score on a benchmark the record did not know as an unreviewed benchmark candidate."""
    db["benchmarks"].add_column("reviewed", int, not_null_default=1)
