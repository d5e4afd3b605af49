"""The store: one SQLite file holding the record, delivery state and ingest state.

Rules: opening a store applies every pending migration; storage knows nothing
about chat platforms; writes go through whole-row upserts (a partial upsert on a
NOT NULL table trips sqlite-utils, see DESIGN.md); every query that may run on a
chat request is backed by an index (see bench/bench_core.py).
"""
from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from .where import Where, placeholders
from . import delivery_migrations, evidence_migrations, ingest_migrations, migrations
from .store_errors import explain
from .records import Benchmark, Claim, Model, Release, Source, Stats, Vendor
from .rows import TABLE_OF, converter, to_row

log = logging.getLogger(__name__)

MIGRATION_SETS = (migrations.record, delivery_migrations.delivery, ingest_migrations.ingest,
                  evidence_migrations.evidence)
BUSY_TIMEOUT = 30.0
"""Seconds a statement waits for another process's lock before failing as "locked"."""


def open_database(path: str | Path) -> Database:
    """A connection tuned for one writer and several readers (WAL, busy timeout)."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT, check_same_thread=False, isolation_level=None)
    db = Database(conn)
    if str(path) != ":memory:":
        db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT * 1000)}")
    return db


def migrate(db: Database) -> int:
    for migration_set in MIGRATION_SETS:
        pending = [m.name for m in migration_set.pending(db)]
        if pending:
            log.info("applying %s migrations: %s", migration_set.name, ", ".join(pending))
        migration_set.apply(db)
    version = schema_version(db)
    db.execute(f"PRAGMA user_version={version}")
    return version


def schema_version(db: Database) -> int:
    """Number of migrations applied across all sets: grows by one with every migration."""
    if not db["_sqlite_migrations"].exists():
        return 0
    return db.execute("select count(*) from _sqlite_migrations").fetchone()[0]


class Store:
    def __init__(self, db: Database):
        self.db = db
        self.version = migrate(db)
        self._names_generation = 0

    @classmethod
    def open(cls, path: str | Path) -> "Store":
        """The store at `path`, migrated; bad local state raises storage.store_errors.StorageError (one line)."""
        db = None
        try:
            db = open_database(path)
            return cls(db)
        except (sqlite3.Error, OSError) as err:
            if db is not None:
                db.conn.close()
            raise explain(err, path) from None

    def close(self) -> None:
        self.db.conn.close()

    # ---- writes -------------------------------------------------------
    def upsert(self, obj: Vendor | Source | Model | Benchmark | Release | Claim) -> None:
        self.upsert_many([obj])

    def upsert_many(self, objs: Iterable[Any]) -> int:
        """Insert or fully replace rows; returns how many rows actually changed."""
        changed = 0
        with self.db.atomic():
            for obj in objs:
                table = TABLE_OF[type(obj)]
                row = to_row(obj)
                cur = self.db.execute(f"select * from [{table}] where id = ?", [row["id"]])
                existing = cur.fetchone()
                if existing is not None:
                    current = dict(zip([d[0] for d in cur.description], existing))
                    if all(current.get(k) == v for k, v in row.items()):
                        continue
                self.db[table].upsert(row, pk="id", alter=False)
                if isinstance(obj, Claim):
                    self._link_claim(obj)
                if isinstance(obj, (Model, Vendor, Benchmark)):
                    self._names_generation += 1
                changed += 1
        return changed

    def _link_claim(self, claim: Claim) -> None:
        self.db.execute("delete from claim_models where claim_id = ?", [claim.id])
        links = [(claim.id, claim.subject_id, "subject")]
        links += [(claim.id, m, "compared") for m in claim.compared_to]
        self.db.conn.executemany(
            "insert or ignore into claim_models (claim_id, model_id, role) values (?, ?, ?)", links)

    @property
    def names_generation(self) -> int:
        """Changes when models, vendors or benchmarks are written, so name indexes know to rebuild."""
        return self._names_generation

    # ---- single lookups ----------------------------------------------
    def _one(self, cls: type, table: str, id_: str | None):
        if id_ is None:
            return None
        found = self._many(cls, f"select * from [{table}] where id = ?", [id_])
        return found[0] if found else None

    def vendor(self, id_: str | None) -> Vendor | None:
        return self._one(Vendor, "vendors", id_)

    def model(self, id_: str | None) -> Model | None:
        return self._one(Model, "models", id_)

    def benchmark(self, id_: str | None) -> Benchmark | None:
        return self._one(Benchmark, "benchmarks", id_)

    def source(self, id_: str | None) -> Source | None:
        return self._one(Source, "sources", id_)

    def claim(self, id_: str | None) -> Claim | None:
        return self._one(Claim, "claims", id_)

    def release(self, id_: str | None) -> Release | None:
        return self._one(Release, "releases", id_)

    # ---- lists ---------------------------------------------------------
    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.db.execute(sql, list(params))
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]

    def _many(self, cls: type, sql: str, params: Sequence[Any] = ()) -> list:
        cur = self.db.conn.execute(sql, list(params))
        convert = converter(cls, tuple(d[0] for d in cur.description))
        return [convert(r) for r in cur.fetchall()]

    def vendors(self) -> list[Vendor]:
        return self._many(Vendor, "select * from vendors order by name")

    def models(self, ids: Sequence[str] | None = None) -> list[Model]:
        if ids is None:
            return self._many(Model, "select * from models order by name")
        marks = ",".join("?" * len(ids))
        found = {m.id: m for m in self._many(Model, f"select * from models where id in ({marks})", ids)}
        return [found[i] for i in ids if i in found]

    def benchmarks(self, ids: Iterable[str] | None = None, *, include_candidates: bool = False) -> list[Benchmark]:
        """The benchmarks with these ids, whatever their review state (a claim names one); with no ids, every
        reviewed benchmark, and the unreviewed candidates too when asked."""
        if ids is None:
            where = "" if include_candidates else " where reviewed = 1"
            return self._many(Benchmark, f"select * from benchmarks{where} order by name")
        ids = list(ids)
        marks = ",".join("?" * len(ids))
        return self._many(Benchmark, f"select * from benchmarks where id in ({marks})", ids)

    def sources(self, ids: Iterable[str]) -> dict[str, Source]:
        ids = list(set(ids))
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return {s.id: s for s in self._many(Source, f"select * from sources where id in ({marks})", ids)}

    def model_names(self, *, reviewed_only: bool = False) -> list[tuple[str, str, str, str | None, str]]:
        """(model id, display name, aliases JSON, family, vendor id) for every model: the resolver's input."""
        where = " where reviewed = 1" if reviewed_only else ""
        return [tuple(r) for r in self.db.execute(
            "select id, name, aliases, family, vendor_id from models" + where).fetchall()]

    def models_of_vendor(self, vendor_id: str) -> list[Model]:
        return self._many(Model, "select * from models where vendor_id = ? order by release_date desc, name",
                          [vendor_id])

    def scores_for(self, model_ids: Sequence[str]) -> list[Claim]:
        """Benchmark claims about these models, reviewed ones only."""
        marks = ",".join("?" * len(model_ids))
        return self._many(Claim, f"""select * from claims where subject_id in ({marks})
            and kind = 'benchmark_score' and reviewed = 1
            order by benchmark_id, subject_id, first_seen""", model_ids)

    def claims_involving(self, model_ids: Sequence[str], kinds: Sequence[str] | None = None,
                         limit: int = 200) -> list[Claim]:
        """Claims whose subject or compared model is one of these (non-score kinds by default)."""
        kinds = list(kinds or ("comparison", "capability", "availability", "pricing"))
        marks = ",".join("?" * len(model_ids))
        kmarks = ",".join("?" * len(kinds))
        return self._many(Claim, f"""select * from claims where reviewed = 1 and kind in ({kmarks})
            and id in (select claim_id from claim_models where model_id in ({marks}))
            order by first_seen desc, id limit ?""", [*kinds, *model_ids, limit])

    def claims(self, *, model_ids: Sequence[str] | None = None, benchmark_id: str | None = None,
               model_benchmarks: Sequence[tuple[str, str]] | None = None,
               since: str | None = None, until: str | None = None, kinds: Sequence[str] | None = None,
               provenance: Sequence[str] | None = None, include_unreviewed: bool = False,
               order: str = "first_seen desc, id", limit: int | None = 50) -> list[Claim]:
        """Claims matching every filter given. `model_benchmarks`: (model id, benchmark id) pairs, the figures of
        those models on those benchmarks only (index claims_model_benchmark: a digest asks about thousands of
        pairs, and reading each model's whole record for them took a second on a 1M-claim record)."""
        w = Where()
        if not include_unreviewed:
            w.add("reviewed = 1")
        w.any_of("subject_id", model_ids).when(benchmark_id, "benchmark_id = ?")
        if model_benchmarks is not None:
            kind = f" and c.kind in ({placeholders(kinds)})" if kinds else ""  # a seek on every column of the index
            w.add(f"""rowid in (select c.rowid from json_each(?) pair join claims c
                on c.subject_id = json_extract(pair.value, '$[0]'){kind}
                and c.benchmark_id = json_extract(pair.value, '$[1]'))""",
                  json.dumps([list(p) for p in model_benchmarks]), *(kinds or ()))
        w.when(since, "first_seen >= ?").when(until, "first_seen < ?")
        w.any_of("kind", kinds or None).any_of("provenance", provenance or None)
        sql, params = "select * from claims" + w.where() + f" order by {order}", w.params
        if limit is not None:
            sql += " limit ?"
            params.append(limit)
        return self._many(Claim, sql, params)

    def count_claims(self, *, model_ids: Sequence[str] | None = None, benchmark_id: str | None = None) -> int:
        w = Where().add("reviewed = 1").any_of("subject_id", model_ids).when(benchmark_id, "benchmark_id = ?")
        return self.db.execute("select count(*) from claims" + w.where(), w.params).fetchone()[0]

    def releases(self, *, vendor_ids: Sequence[str] | None = None, model_ids: Sequence[str] | None = None,
                 since: str | None = None, until: str | None = None, limit: int | None = 20,
                 include_unreviewed: bool = False) -> list[Release]:
        w = Where()
        if not include_unreviewed:
            w.add("reviewed = 1")
        w.any_of("vendor_id", vendor_ids or None).any_of("model_id", model_ids or None)
        w.when(since, "coalesce(date, first_seen) >= ?").when(until, "coalesce(date, first_seen) < ?")
        sql, params = "select * from releases" + w.where() + " order by coalesce(date, first_seen) desc, id", w.params
        if limit is not None:
            sql += " limit ?"
            params.append(limit)
        return self._many(Release, sql, params)

    def best_scores_before_by_settings(self, benchmark_id: str, before: str, higher_is_better: bool) -> list[Claim]:
        """Per settings text as written, the best reviewed score on a benchmark first seen before a date (ties: the
        earliest, then the smallest id). A caller that groups settings more coarsely finds each group's best among
        these rows without loading the benchmark's whole history."""
        order = "desc" if higher_is_better else "asc"
        # index claims_settings_best: a few seeks from one settings text to the next, then each text's figures best
        # first until one qualifies (ranking a benchmark's whole history took ~50 ms in a 1M-claim record)
        return self._many(Claim, f"""with recursive texts(settings) as (
                select min(coalesce(settings, '')) from claims where benchmark_id = ?1 and kind = 'benchmark_score'
                union all
                select (select min(coalesce(settings, '')) from claims where benchmark_id = ?1
                        and kind = 'benchmark_score' and coalesce(settings, '') > texts.settings)
                from texts where texts.settings is not null)
            select claims.* from texts join claims on claims.rowid = (select rowid from claims
                where benchmark_id = ?1 and kind = 'benchmark_score' and coalesce(settings, '') = texts.settings
                and first_seen < ?2 and reviewed = 1 and value is not null
                and provenance not in ('retracted', 'disputed')
                order by value {order}, first_seen, id limit 1)""", [benchmark_id, before])

    def best_score_before(self, benchmark_id: str, settings: str | None, before: str,
                          higher_is_better: bool) -> Claim | None:
        """The best reviewed score on a benchmark (same settings) first seen before a date."""
        order = "desc" if higher_is_better else "asc"
        found = self._many(Claim, f"""select * from claims where benchmark_id = ? and kind = 'benchmark_score'
            and coalesce(settings, '') = ? and first_seen < ? and reviewed = 1 and value is not null
            and provenance not in ('retracted', 'disputed')
            order by value {order}, first_seen limit 1""", [benchmark_id, settings or "", before])
        return found[0] if found else None

    def search_claims(self, text: str, limit: int = 20) -> list[Claim]:
        """Full-text search over quotes; the text is quoted so FTS syntax in user input is inert."""
        terms = [t for t in text.replace('"', " ").split() if t]
        if not terms:
            return []
        query = " ".join(f'"{t}"' for t in terms)
        return self._many(Claim, """select claims.* from claims join claims_fts on claims.rowid = claims_fts.rowid
            where claims_fts match ? and claims.reviewed = 1 order by rank limit ?""", [query, limit])

    def search_models(self, text: str, limit: int = 20) -> list[Model]:
        terms = [t for t in text.replace('"', " ").split() if t]
        if not terms:
            return []
        query = " ".join(f'"{t}"*' for t in terms)
        return self._many(Model, """select models.* from models join models_fts on models.rowid = models_fts.rowid
            where models_fts match ? order by rank limit ?""", [query, limit])

    def stats(self) -> Stats:
        def count(table: str) -> int:
            return self.db.execute(f"select count(*) from [{table}]").fetchone()[0]
        return Stats(vendors=count("vendors"), models=count("models"), benchmarks=count("benchmarks"),
                     sources=count("sources"), releases=count("releases"), claims=count("claims"))
