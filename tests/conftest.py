"""The shared test kit's fixtures: real SQLite files and local fakes over real sockets on 127.0.0.1.

- `isolated_env` (automatic): no test sees the developer's tokens, database or .env.
- `seeded_db_template`, `db_path`, `store`, `services`, `ask`: the seeded record, built once per session and
  copied per test, so every test gets its own file without paying for the seed load each time.
- `fake_slack`, `fake_discord`, `fake_openai`, `feed_server`: the local fakes in tests/fakes, each stopped in
  `finally`. Assertions shared by tests live in tests/kit.py.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.core.answer import answer
from bot.core.context import Context, Services
from ingest.seed_files import load_seeds
from storage import Store


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch, tmp_path):
    """No test sees the developer's tokens or database."""
    import os
    for key in list(os.environ):
        if key.startswith(("BRIEFBOT_", "SLACK_", "DISCORD_", "OPENAI_")):
            monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="session")
def seeded_db_template(tmp_path_factory) -> Path:
    """The curated seeds (YAML) only: most tests pin behaviour on the hand-checked record."""
    path = tmp_path_factory.mktemp("template") / "seeded.db"
    store = Store.open(path)
    load_seeds(store, snapshots=False)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path


@pytest.fixture(scope="session")
def evidence_db_template(tmp_path_factory) -> Path:
    """What `briefbot seed` builds: the curated seeds plus the evidence snapshots (catalog facts, leaderboards,
    models the catalog adds such as GPT-5). Tests that use it skip when the snapshots are not present."""
    path = tmp_path_factory.mktemp("template") / "evidence.db"
    store = Store.open(path)
    load_seeds(store)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path


@pytest.fixture
def evidence_store(evidence_db_template, tmp_path):
    path = tmp_path / "evidence.db"
    shutil.copy(evidence_db_template, path)
    s = Store.open(path)
    yield s
    s.close()


@pytest.fixture
def evidence_ask(evidence_store):
    """ask() over the record `briefbot seed` builds (curated seeds plus the evidence snapshots)."""
    services = Services.for_store(evidence_store)

    def _ask(text: str, ctx: Context | None = None):
        return answer(services, text, ctx or Context())
    return _ask


@pytest.fixture
def db_path(seeded_db_template, tmp_path) -> Path:
    path = tmp_path / "briefbot.db"
    shutil.copy(seeded_db_template, path)
    return path


@pytest.fixture
def store(db_path):
    s = Store.open(db_path)
    yield s
    s.close()


@pytest.fixture
def services(store) -> Services:
    return Services.for_store(store)


@pytest.fixture
def ask(services):
    """ask('/compare a b') -> Reply, through the real core, as the console front end would."""
    def _ask(text: str, ctx: Context | None = None):
        return answer(services, text, ctx or Context())
    return _ask


@pytest.fixture
def fake_openai():
    """A local OpenAI-compatible server (tests/fakes/fake_openai.py), stopped after the test."""
    from tests.fakes.fake_openai import FakeOpenAI
    fake = FakeOpenAI().start()
    try:
        yield fake
    finally:
        fake.stop()


@pytest.fixture
def fake_slack():
    """The Slack Web API on 127.0.0.1 with a member, an admin, an owner and a user listed as a bot admin."""
    from tests.fakes.fake_slack import FakeSlack
    fake = FakeSlack().start()
    fake.add_user("U0MEMBER")
    fake.add_user("U0ADMIN", is_admin=True)
    fake.add_user("U0OWNER", is_owner=True)
    fake.add_user("U0LISTED")
    try:
        yield fake
    finally:
        fake.stop()


@pytest.fixture
def fake_discord():
    """Discord's REST API and gateway on 127.0.0.1; discord.py's process-wide endpoints are reset after."""
    from bot.frontends.discord_front import reset_endpoints
    from tests.fakes.fake_discord import FakeDiscord
    fake = FakeDiscord().start()
    try:
        yield fake
    finally:
        fake.stop()
        reset_endpoints()


@pytest.fixture
def feed_server(monkeypatch):
    """An HTTP server on 127.0.0.1 serving scripted feeds and articles; BRIEFBOT_ALLOW_PRIVATE_FETCH=1 is set
    because fetches refuse loopback by default (settings built from an explicit environ must add it too)."""
    from tests.fakes.feed_server import FeedServer
    monkeypatch.setenv("BRIEFBOT_ALLOW_PRIVATE_FETCH", "1")
    server = FeedServer().start()
    try:
        yield server
    finally:
        server.stop()
