"""Forward migrations for independent evidence: catalog facts, figure history, source syncs, name mapping.

Rules as in ``migrations.py``: append only, one transaction each, never edited once shipped.
These tables have their own migration set so that evidence can evolve apart from the record.
"""
from __future__ import annotations

from sqlite_utils import Database, Migrations

evidence = Migrations("briefbot.evidence")


@evidence()
def m001_create_evidence_tables(db: Database) -> None:
    db.executescript(
        """
        -- A fact about a model from one source (a catalog), kept beside the curated models row:
        -- a catalog never overwrites a vendor-sourced fact; when they differ, both are shown.
        CREATE TABLE model_facts (
            model_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
            source_id TEXT NOT NULL, observed TEXT NOT NULL, entry TEXT,
            PRIMARY KEY (model_id, field, source_id)
        );
        CREATE INDEX model_facts_field ON model_facts(field, model_id);
        -- Every value a synced claim has had, so a later snapshot can say "moved from 1478 to 1490".
        CREATE TABLE claim_history (
            claim_id TEXT NOT NULL, value REAL, value_text TEXT, source_id TEXT NOT NULL,
            version TEXT NOT NULL, recorded TEXT NOT NULL,
            PRIMARY KEY (claim_id, version)
        );
        -- One row per sync attempt of a published source file.
        CREATE TABLE source_syncs (
            id INTEGER PRIMARY KEY, source TEXT NOT NULL, started TEXT NOT NULL, finished TEXT,
            status TEXT NOT NULL DEFAULT 'running', origin TEXT, version TEXT, rows INTEGER,
            mapped INTEGER, unmapped INTEGER, candidates INTEGER, changed INTEGER, error TEXT,
            etag TEXT, last_modified TEXT
        );
        CREATE INDEX source_syncs_source ON source_syncs(source, id);
        -- How each name a source prints was mapped (or why not): the review trail of the mapping.
        CREATE TABLE source_names (
            source TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL, model_id TEXT,
            settings TEXT, reason TEXT, last_seen TEXT NOT NULL,
            PRIMARY KEY (source, name)
        );
        """
    )


@evidence()
def m002_claims_board_index(db: Database) -> None:
    """/top groups a benchmark's figures into boards and takes each model's best: a covering index lets it
    read only the index (a benchmark can hold thousands of figures spread over a million-row table)."""
    db.execute("""CREATE INDEX IF NOT EXISTS claims_board ON claims(benchmark_id, kind, reviewed, provenance,
        source_id, scope, settings, subject_id, value)""")
