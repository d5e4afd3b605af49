"""CLI commands on the record: seed, ask, console, demo."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import BadInput, Failed, db_option, pass_state

DEMO_COMMAND = "/compare qwen3-max opus-4.5"
FORMATS = ("text", "markdown", "slack", "discord")


@click.command()
@click.option("--seeds", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="folder of seed files (default: the seeds shipped with briefbot)")
@db_option
@pass_state
def seed(state, seeds: Path | None) -> int:
    """Load the curated seeds into the database (idempotent)."""
    from ingest.seed_files import DEFAULT_SEEDS_DIR, SeedError, load_seeds
    from bot.app.services import open_store
    store = open_store(state.settings, seed_if_empty=False)
    try:
        report = load_seeds(store, seeds or DEFAULT_SEEDS_DIR)
    except SeedError as err:
        raise Failed(f"seed: {err}") from None
    counts = ", ".join(f"{n} {k}" for k, n in report.counts.items())
    click.echo(f"Seeded {state.settings.db_path}: {counts}; {report.changed} rows changed.")
    for result in report.syncs:
        click.echo("  " + result.line())
    return 0


@click.command()
@click.argument("text", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text",
              help="text (default), markdown, or the JSON payloads that would be sent to slack or discord")
@db_option
@pass_state
def ask(state, text: tuple[str, ...], fmt: str) -> int:
    """Answer one command, e.g. briefbot ask "/compare qwen3-max opus-4.5"."""
    from bot.app.services import build_services
    from bot.core.answer import answer
    from bot.render import render_as
    reply = answer(build_services(state.settings), " ".join(text))
    click.echo(render_as(reply, fmt), nl=False)
    return 2 if reply.is_error else 0


@click.command()
@db_option
@pass_state
def console(state) -> int:
    """Interactive prompt with history and help."""
    from bot.app.services import build_services
    from bot.frontends.console import ConsoleFrontEnd
    settings = state.settings
    return ConsoleFrontEnd(build_services(settings)).loop(history=settings.db_path.parent / "console_history")


@click.command()
@db_option
@pass_state
def demo(state) -> int:
    """Create and seed the database, answer a sample /compare, open the console."""
    from ingest.seed_files import load_seeds
    from bot.app.services import build_services, open_store
    from bot.frontends.console import ConsoleFrontEnd
    settings = state.settings
    store = open_store(settings, seed_if_empty=False)
    report = load_seeds(store)
    stats = store.stats()
    click.echo(f"Database: {settings.db_path} ({stats.vendors} vendors, {stats.models} models, "
               f"{stats.benchmarks} benchmarks, {stats.claims} claims; {report.changed} rows changed by this seed)\n")
    click.echo(f"$ briefbot ask \"{DEMO_COMMAND}\"\n")
    front = ConsoleFrontEnd(build_services(settings, store))
    click.echo(front.ask_text(DEMO_COMMAND))
    if sys.stdin.isatty():
        return front.loop(history=settings.db_path.parent / "console_history")
    click.echo("Open the interactive console with: briefbot console   (or: briefbot ask \"/brief\")")
    return 0


COMMANDS = (seed, ask, console, demo)
__all__ = ["BadInput", "COMMANDS"]
