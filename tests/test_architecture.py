"""The rooms of DESIGN.md, checked on every module's imports (ast, not grep): one rule per room.

A rule names the import prefixes a room must never use. `foundation` sits below
every layer; `storage` knows nothing of chat; `bot.core.answer` answers commands
without delivery or front ends; `bot.delivery` delivers without front ends;
`ingest` and `digests` build no chat reply; front ends do not import each other.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHAT = ("slack_bolt", "slack_sdk", "discord")
FRONT_ENDS = ("bot.frontends",)
RULES = {
    "foundation": ("bot", "digests", "ingest", "storage", *CHAT),
    "storage": ("bot", "digests", "ingest", *CHAT),
    "digests": ("bot", "ingest", *CHAT),
    "ingest": ("bot", "digests", *CHAT),
    "bot/core": ("bot.delivery", "bot.app.services", *FRONT_ENDS, *CHAT),
    "bot/render": ("bot.delivery", "bot.app.services", *FRONT_ENDS, *CHAT),
    "bot/delivery": ("bot.app.services", *FRONT_ENDS, *CHAT),
    "bot/frontends/slack_front": ("discord", "bot.frontends.discord_front", "bot.frontends.console", "bot.app.services"),
    "bot/frontends/discord_front": ("slack_bolt", "slack_sdk", "bot.frontends.slack_front", "bot.frontends.console",
                                    "bot.app.services"),
}
HEAVY = ("openai", "discord", "slack_bolt", "slack_sdk", "aiohttp", "apscheduler")
"""Never imported at module level by the CLI modules: a command imports a chat library or openai only when used."""


def imports_of(path: Path, *, top_level_only: bool = False) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else ast.walk(tree)
    names = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level > 0:
            package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-node.level])
            base = f"{package}.{node.module}" if node.module else package
            names.add(base)
            names |= {f"{base}.{a.name}" for a in node.names}
    return names


def forbidden(name: str, banned: tuple[str, ...]) -> bool:
    return any(name == b or name.startswith(b + ".") for b in banned)


@pytest.mark.parametrize("folder", sorted(RULES))
def test_each_room_imports_only_what_its_rule_allows(folder):
    files = list((ROOT / folder).rglob("*.py"))
    assert files, f"{folder} has no modules: the rule guards nothing"
    bad = [(str(f.relative_to(ROOT)), n) for f in files for n in imports_of(f) if forbidden(n, RULES[folder])]
    assert not bad, bad


def test_ingest_and_digests_build_no_chat_reply():
    """The neutral Reply is the core's answer form; ingestion and digests hand facts up, never replies."""
    bad = [(str(f.relative_to(ROOT)), n) for room in ("ingest", "digests", "storage")
           for f in (ROOT / room).rglob("*.py") for n in imports_of(f) if forbidden(n, ("bot.core.answer", "bot.render"))]
    assert not bad, bad


def test_cli_modules_import_no_heavy_library_at_module_level():
    bad = [(str(f.relative_to(ROOT)), n) for f in (ROOT / "bot/app/cli").glob("*.py")
           for n in imports_of(f, top_level_only=True) if forbidden(n, HEAVY)]
    assert not bad, bad


def test_no_two_modules_share_a_name_outside_parallel_front_ends():
    """Front ends may have parallel modules (each its own sender.py); elsewhere a name means one module."""
    seen: dict[str, list[str]] = {}
    for room in ("bot", "digests", "storage", "ingest", "foundation"):
        for f in (ROOT / room).rglob("*.py"):
            rel = f.relative_to(ROOT)
            if f.name in ("__init__.py", "__main__.py") or rel.parts[:2] == ("bot", "frontends"):
                continue
            seen.setdefault(f.name, []).append(str(rel))
    clashes = {name: paths for name, paths in seen.items() if len(paths) > 1}
    assert not clashes, clashes


def test_rooms_exist_with_their_jobs():
    for room in ("bot/core", "bot/render", "bot/delivery", "bot/frontends", "bot/app", "foundation"):
        assert (ROOT / room / "__init__.py").exists(), room
