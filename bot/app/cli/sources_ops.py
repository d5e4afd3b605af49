"""`briefbot sources list|status|sync [NAME] [--from FILE_OR_URL]`: the independent evidence sources.

The lines come from ingest.sources.cli_text, the same functions `briefbot run`'s daily sync uses; this
module only parses options and prints. A failed sync is one line in `sources status` and exit 1.
"""
from __future__ import annotations

import click

from . import BadInput, db_option, pass_state


def _store(state):
    from bot.app.services import open_store
    return open_store(state.settings)


@click.group()
def sources() -> None:
    """Independent evidence: models.dev, SWE-bench, LiveBench, LMArena, Aider."""


@sources.command("list")
@db_option
@pass_state
def sources_list(state) -> int:
    """Every source: what it is, its default URL, its pinned snapshot."""
    from ingest.sources.cli_text import list_sources
    click.echo("\n".join(list_sources()))
    return 0


@sources.command("status")
@click.option("--unmapped", is_flag=True, help="also list the names that map to no reviewed model")
@db_option
@pass_state
def sources_status(state, unmapped: bool) -> int:
    """Last sync per source: rows, mapping rate, version, or the one-line reason it failed."""
    from ingest.sources.cli_text import sources_status as status_lines, unmapped_lines
    store = _store(state)
    try:
        click.echo("\n".join(status_lines(store)))
        if unmapped:
            click.echo("\n".join(unmapped_lines(store)) or "Every name maps to a model.")
    finally:
        store.close()
    return 0


@sources.command("sync")
@click.argument("names", nargs=-1)
@click.option("--from", "from_", metavar="FILE_OR_URL|snapshot",
              help="read this file or URL instead of the default location (one source), or `snapshot` for the "
                   "pinned snapshots shipped with briefbot")
@db_option
@pass_state
def sources_sync(state, names: tuple[str, ...], from_: str | None) -> int:
    """Sync NAME (default: every source) from its published file; an unchanged file costs a 304."""
    from ingest.sources.cli_text import sync, sync_lines
    store = _store(state)
    try:
        try:
            results = sync(store, list(names) or None, from_, state.settings)
        except ValueError as err:
            raise BadInput(f"sources sync: {err}") from None
        click.echo("\n".join(sync_lines(results)))
    finally:
        store.close()
    return 1 if any(r.status == "failed" for r in results) else 0


COMMANDS = (sources,)
