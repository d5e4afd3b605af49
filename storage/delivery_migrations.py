"""Forward migrations for delivery state: destinations, schedules, subscriptions, outbox, digests.

Kept apart from the record's migrations so that the delivery side can evolve on
its own; same rules: append only, one transaction each.
"""
from __future__ import annotations

from sqlite_utils import Database, Migrations

delivery = Migrations("briefbot.delivery")


@delivery()
def m001_create_delivery_tables(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE destinations (
            id TEXT PRIMARY KEY,            -- platform:workspace:channel_or_user
            platform TEXT NOT NULL, workspace TEXT NOT NULL DEFAULT '', target TEXT NOT NULL,
            is_dm INTEGER NOT NULL DEFAULT 0, tz TEXT NOT NULL DEFAULT 'UTC',
            paused INTEGER NOT NULL DEFAULT 0, paused_reason TEXT, paused_at TEXT
        );
        CREATE TABLE schedules (
            destination_id TEXT PRIMARY KEY REFERENCES destinations(id),
            cadence TEXT NOT NULL DEFAULT 'weekly',   -- weekly | daily
            weekday INTEGER NOT NULL DEFAULT 0,       -- 0 = Monday
            time TEXT NOT NULL DEFAULT '09:00', tz TEXT NOT NULL DEFAULT 'UTC',
            filters TEXT NOT NULL DEFAULT '{}', created_by TEXT, created_at TEXT
        );
        CREATE TABLE subscriptions (
            id INTEGER PRIMARY KEY, destination_id TEXT NOT NULL REFERENCES destinations(id),
            target_kind TEXT NOT NULL,                -- vendor | model
            target_id TEXT NOT NULL, created_by TEXT, created_at TEXT,
            UNIQUE (destination_id, target_kind, target_id)
        );
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE,
            destination_id TEXT NOT NULL, kind TEXT NOT NULL,   -- digest | alert
            payload TEXT NOT NULL,                    -- JSON of the neutral reply
            state TEXT NOT NULL DEFAULT 'pending',    -- pending | in_flight | sent | dead | skipped
            attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT, last_error TEXT,
            platform_message_id TEXT, created_at TEXT NOT NULL, sent_at TEXT
        );
        CREATE INDEX outbox_state ON outbox(state, next_attempt_at);
        CREATE TABLE digests (
            id INTEGER PRIMARY KEY, period TEXT NOT NULL, destination_id TEXT NOT NULL DEFAULT '',
            filters TEXT NOT NULL DEFAULT '{}', content_hash TEXT NOT NULL, content TEXT NOT NULL,
            created_at TEXT NOT NULL, UNIQUE (period, destination_id, filters)
        );
        """
    )


@delivery()
def m002_schedule_runs_and_outbox_checks(db: Database) -> None:
    """Run records for restart semantics, and the "may already be on the platform" flag.

    schedules.last_run_at is the scheduled instant (UTC) of the last slot handled (enqueued or
    skipped): the scheduler computes missed runs from it. outbox.check_sent marks a row whose last
    send may have reached the platform (found in flight after a crash, or cancelled at shutdown):
    the drain asks the sender's find_sent before sending it again. Statements one by one (not
    executescript, which would commit the surrounding transaction).
    """
    for statement in (
        "ALTER TABLE schedules ADD COLUMN last_run_at TEXT",
        "ALTER TABLE schedules ADD COLUMN last_run_state TEXT",  # enqueued | skipped | failed
        "ALTER TABLE schedules ADD COLUMN last_error TEXT",
        "ALTER TABLE outbox ADD COLUMN check_sent INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE outbox ADD COLUMN updated_at TEXT",
        "CREATE INDEX outbox_destination ON outbox(destination_id, state, id)",
    ):
        db.execute(statement)


@delivery()
def m003_runner_lease(db: Database) -> None:
    """One row per lease name ('runner'): which process drains the outbox and until when.

    expires_at is Unix time in seconds; a holder that stops heartbeating loses the lease once it
    passes, and a standby takes it over. The holder string is hostname:pid:start.
    """
    db.execute("""CREATE TABLE runner_lease (
        name TEXT PRIMARY KEY, holder TEXT NOT NULL, acquired_at REAL NOT NULL, expires_at REAL NOT NULL)""")
