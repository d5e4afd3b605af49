"""The dependency direction of DESIGN.md, checked on every module's imports (ast, not grep)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHAT = ("slack_bolt", "slack_sdk", "discord")
RULES = {
    "foundation": ("bot", "digests", "ingest", "storage", *CHAT),
    "storage": ("bot", "digests", "ingest", *CHAT),
    "digests": ("bot", "ingest", *CHAT),
    "ingest": ("bot", "digests", *CHAT),
    "bot/commands": CHAT + ("bot.slack_front", "bot.discord_front"),
    "bot/render": CHAT + ("bot.slack_front", "bot.discord_front"),
    "bot/slack_front": ("discord", "bot.discord_front"),
    "bot/discord_front": ("slack_bolt", "slack_sdk", "bot.slack_front"),
}
CORE_FILES = ("bot/core.py", "bot/reply.py", "bot/facts.py", "bot/parse.py", "bot/services.py", "bot/errors.py")


def imports_of(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.ImportFrom) and node.level > 0:
            package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-node.level])
            names.add(f"{package}.{node.module}" if node.module else package)
    return names


def forbidden(name: str, banned: tuple[str, ...]) -> bool:
    return any(name == b or name.startswith(b + ".") for b in banned)


@pytest.mark.parametrize("folder", sorted(RULES))
def test_package_imports_follow_the_design(folder):
    files = list((ROOT / folder).rglob("*.py"))
    assert files
    bad = [(str(f.relative_to(ROOT)), n) for f in files for n in imports_of(f) if forbidden(n, RULES[folder])]
    assert not bad, bad


def test_core_modules_import_no_chat_library():
    bad = [(p, n) for p in CORE_FILES for n in imports_of(ROOT / p) if forbidden(n, CHAT)]
    assert not bad, bad
