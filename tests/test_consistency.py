"""Consistency: every command exists in the core, Slack, Discord, the console help and the README;
every setting is documented in .env.example."""
from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import yaml

from bot.core.commands import unique_commands
from foundation.settings import Settings
from bot.core.answer import ensure_registered

ROOT = Path(__file__).resolve().parent.parent


def core_commands() -> set[str]:
    ensure_registered()
    return {c.name for c in unique_commands()}


def test_core_has_every_documented_command():
    assert core_commands() == {"compare", "model", "releases", "claims", "digest", "subscribe", "unsubscribe",
                               "subscriptions", "brief", "check", "top"}


def test_readme_documents_every_command():
    readme = (ROOT / "README.md").read_text()
    for name in core_commands():
        assert f"`/{name}" in readme, name


def test_slack_manifest_declares_every_command():
    manifest = yaml.safe_load((ROOT / "bot" / "frontends" / "slack_front" / "manifest.yml").read_text())
    declared = {c["command"].lstrip("/") for c in manifest["features"]["slash_commands"]}
    assert declared == core_commands()


def test_discord_tree_declares_every_command():
    from bot.frontends.discord_front.tree import APP_COMMANDS
    assert set(APP_COMMANDS) == core_commands()


def test_env_example_lists_every_variable():
    example = (ROOT / ".env.example").read_text()
    listed = set(re.findall(r"^([A-Z][A-Z0-9_]+)=", example, re.M))
    source = "\n".join(p.read_text() for p in ROOT.glob("*/**/*.py") if ".venv" not in p.parts and "tests" not in p.parts)
    used = set(re.findall(r"\b((?:BRIEFBOT|SLACK|DISCORD|OPENAI)_[A-Z0-9_]+)\b", source))
    used -= {"SLACK_API_URL_DEFAULT"}
    missing = sorted(v for v in used if v not in listed)
    assert not missing, f"variables used in code but not in .env.example: {missing}"
    assert {f.name for f in fields(Settings)} >= {"db_path", "slack_bot_token", "discord_bot_token"}
