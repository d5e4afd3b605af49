"""CLI commands on the record: seed, ask, console, demo, stats."""
from __future__ import annotations

import sys
from pathlib import Path

from ingest.seed_files import DEFAULT_SEEDS_DIR, SeedError, load_seeds

from .app import build_services, open_store
from .config import Settings
from .console import ConsoleFrontEnd
from .core import answer
from .render.text import render_text

DEMO_COMMAND = "/compare qwen3-max opus-4.5"


def add_parsers(sub) -> None:
    p = sub.add_parser("seed", help="load seeds/*.yaml into the database (idempotent)")
    p.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS_DIR, help="folder of seed files")
    p.set_defaults(func=cmd_seed)
    p = sub.add_parser("ask", help='answer one command, e.g. briefbot ask "/compare qwen3-max opus-4.5"')
    p.add_argument("text", nargs="+", help="the command line")
    p.set_defaults(func=cmd_ask)
    p = sub.add_parser("console", help="interactive prompt with history and help")
    p.set_defaults(func=cmd_console)
    p = sub.add_parser("demo", help="create and seed the database, answer a sample /compare, open the console")
    p.set_defaults(func=cmd_demo)


def cmd_seed(args, settings: Settings) -> int:
    store = open_store(settings, seed_if_empty=False)
    try:
        report = load_seeds(store, args.seeds)
    except SeedError as err:
        print(f"briefbot seed: {err}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{n} {k}" for k, n in report.counts.items())
    print(f"Seeded {settings.db_path}: {counts}; {report.changed} rows changed.")
    return 0


def cmd_ask(args, settings: Settings) -> int:
    services = build_services(settings)
    reply = answer(services, " ".join(args.text))
    print(render_text(reply), end="")
    return 2 if reply.is_error else 0


def cmd_console(args, settings: Settings) -> int:
    services = build_services(settings)
    history = settings.db_path.parent / "console_history"
    return ConsoleFrontEnd(services).loop(history=history)


def cmd_demo(args, settings: Settings) -> int:
    store = open_store(settings, seed_if_empty=False)
    report = load_seeds(store)
    stats = store.stats()
    print(f"Database: {settings.db_path} ({stats.vendors} vendors, {stats.models} models, "
          f"{stats.benchmarks} benchmarks, {stats.claims} claims; {report.changed} rows changed by this seed)\n")
    print(f"$ briefbot ask \"{DEMO_COMMAND}\"\n")
    console = ConsoleFrontEnd(build_services(settings, store))
    print(console.ask_text(DEMO_COMMAND))
    if sys.stdin.isatty():
        return console.loop(history=settings.db_path.parent / "console_history")
    print("Open the interactive console with: .venv/bin/briefbot console   (or: briefbot ask \"/brief\")")
    return 0
