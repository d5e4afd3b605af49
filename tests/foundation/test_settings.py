"""Settings: environment over .env, secrets kept out of repr, bad numbers named at load."""
from __future__ import annotations

import pytest

from foundation.settings import ConfigError, Settings, default_db_path


def test_env_file_then_environment(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text('# comment\nSLACK_BOT_TOKEN="xoxb-from-file"\nexport BRIEFBOT_TZ=Europe/London\nBRIEFBOT_DB=/x.db\n')
    settings = Settings.load(environ={"BRIEFBOT_DB": "/from-env.db"}, env_file=env_file)
    assert settings.slack_bot_token == "xoxb-from-file" and settings.default_tz == "Europe/London"
    assert str(settings.db_path) == "/from-env.db"


def test_secrets_never_appear_in_repr():
    values = {"SLACK_BOT_TOKEN": "xoxb-Tk1", "OPENAI_API_KEY": "sk-Tk2", "DISCORD_BOT_TOKEN": "Tk3.d",
              "SLACK_SIGNING_SECRET": "Tk4s", "SLACK_APP_TOKEN": "xapp-Tk5"}
    text = repr(Settings.load(environ=values, env_file=None))
    assert not [v for v in values.values() if v in text]


def test_default_database_is_in_the_user_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert Settings.load(environ={}, env_file=None, db_override=None).db_path == default_db_path()
    assert default_db_path() == tmp_path / "briefbot" / "briefbot.db"


@pytest.mark.parametrize("name, value", [("BRIEFBOT_OUTBOX_PACE", "fast"), ("BRIEFBOT_FEED_TIMEOUT", "-1"),
                                         ("BRIEFBOT_HTTP_PORT", "70000"), ("BRIEFBOT_LLM_TIMEOUT", "soon")])
def test_a_bad_number_is_named_at_load(name, value):
    with pytest.raises(ConfigError, match=name):
        Settings.load(environ={name: value}, env_file=None)


def test_numbers_have_defaults_and_overrides():
    settings = Settings.load(environ={"BRIEFBOT_FEED_TIMEOUT": "3"}, env_file=None)
    assert settings.number("BRIEFBOT_FEED_TIMEOUT") == 3.0
    assert settings.number("BRIEFBOT_OUTBOX_MAX_ATTEMPTS") == 8
