"""CLI for ingestion: `briefbot feeds add|list|remove|poll|resume|load`, `briefbot ingest`, `briefbot review`,
`briefbot alerts flush`.

The same library functions the scheduler calls (ingest.poll.poll_due_feeds,
bot.delivery.alerts.flush_alerts) do the work; this module only parses
arguments and prints. `ingest --dry-run --json` stores nothing.
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from . import BadInput, Failed, db_option, pass_state


def _now() -> str:
    from foundation.clock import stamp, utc_now
    return stamp(utc_now())


def _store(state):
    from bot.app.services import open_store
    return open_store(state.settings)


@click.group()
def feeds() -> None:
    """The feed registry: add, list, remove, poll, resume, load."""


@feeds.command("add")
@click.argument("url")
@click.option("--vendor", help="vendor id when this is the vendor's own feed (its claims are vendor_reported)")
@click.option("--kind", default="rss", type=click.Choice(("rss", "atom")))
@click.option("--id", "feed_id", help="feed id (default: derived from vendor and host)")
@click.option("--auto-accept", is_flag=True, help="store this vendor feed's items as reviewed")
@db_option
@pass_state
def feeds_add(state, url, vendor, kind, feed_id, auto_accept) -> int:
    """Add a feed (its first poll records existing items without alerting)."""
    from ingest.registry import feed_id_for
    from storage.ingest_state import Feed, add_feed, get_feed
    if not url.startswith(("http://", "https://")):
        raise BadInput("feeds add: the URL must start with http:// or https://")
    store = _store(state)
    if vendor and store.vendor(vendor) is None:
        raise BadInput(f"feeds add: unknown vendor '{vendor}' (see `briefbot ask /releases`)")
    feed = Feed(id=feed_id or feed_id_for(url, vendor), url=url, vendor_id=vendor, kind=kind, auto_accept=auto_accept)
    new = add_feed(store, feed, _now())
    click.echo(f"{'Added' if new else 'Updated'} feed {get_feed(store, url).id}: {url}")
    return 0


@feeds.command("list")
@click.option("--json", "as_json", is_flag=True)
@db_option
@pass_state
def feeds_list(state, as_json: bool) -> int:
    """Feeds with their state (paused, failures, last error)."""
    from storage.ingest_state import feed_status, list_feeds
    store = _store(state)
    registered = list_feeds(store)
    if as_json:
        click.echo(json.dumps([f.__dict__ for f in registered], indent=2))
        return 0
    if not registered:
        click.echo("No feeds. Add one with `briefbot feeds add URL` or `briefbot feeds load`.")
        return 0
    for f in registered:
        health = "PAUSED" if f.paused else ("failing" if f.failures else ("ok" if f.last_ok_at else "new"))
        click.echo(f"{f.id:<28} {health:<8} {f.vendor_id or '-':<12} {f.url}")
        if f.paused_reason:
            click.echo(f"{'':<28} reason: {f.paused_reason}")
        elif f.last_error:
            click.echo(f"{'':<28} last error: {f.last_error}")
    s = feed_status(store)
    click.echo(f"\n{s['feeds']} feeds, {s['paused']} paused, {s['failing']} failing; {s['items']} items seen, "
               f"{s['errors']} errors recorded.")
    return 0


@feeds.command("remove")
@click.argument("feed")
@db_option
@pass_state
def feeds_remove(state, feed: str) -> int:
    """Remove a feed by id or URL."""
    from storage.ingest_state import remove_feed
    if not remove_feed(_store(state), feed):
        raise Failed(f"feeds remove: no feed '{feed}'")
    click.echo(f"Removed {feed}.")
    return 0


@feeds.command("resume")
@click.argument("feed")
@db_option
@pass_state
def feeds_resume(state, feed: str) -> int:
    """Resume a paused feed."""
    from storage.ingest_state import resume_feed
    if not resume_feed(_store(state), feed):
        raise Failed(f"feeds resume: no feed '{feed}'")
    click.echo(f"Resumed {feed}; it will be polled on the next run.")
    return 0


@feeds.command("load")
@click.option("--file", "path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="a feeds YAML file (default: the feeds shipped with briefbot)")
@db_option
@pass_state
def feeds_load(state, path: Path | None) -> int:
    """Add the feeds listed in the shipped feeds.yaml (never fetches)."""
    from ingest.registry import DEFAULT_FEEDS_FILE, FeedFileError, load_feed_file
    try:
        added, known = load_feed_file(_store(state), _now(), path or DEFAULT_FEEDS_FILE)
    except FeedFileError as err:
        raise Failed(f"feeds load: {err}") from None
    click.echo(f"{added} feeds added, {known} already known.")
    return 0


@feeds.command("poll")
@click.argument("names", nargs=-1)
@click.option("--llm", is_flag=True, help="use the LLM extractor (needs OPENAI_BASE_URL, BRIEFBOT_LLM_MODEL)")
@db_option
@pass_state
def feeds_poll(state, names: tuple[str, ...], llm: bool) -> int:
    """Poll feeds that are due (or the named ones, now)."""
    from ingest.extract import build_extractor
    from ingest.poll import poll_due_feeds
    store = _store(state)
    try:
        extractor = build_extractor(store, state.settings, use_llm=llm)
    except ValueError as err:
        raise BadInput(f"feeds poll: {err}") from None
    report = poll_due_feeds(store, state.settings, extractor=extractor, feed_ids=list(names) or None,
                            force=bool(names))
    click.echo(report.summary())
    for line in report.errors[:20]:
        click.echo(f"  error: {line}")
    return 1 if report.failed and not report.ok and not report.not_modified else 0


@click.command()
@click.argument("target")
@click.option("--dry-run", is_flag=True, help="show what would be stored; store nothing")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
@click.option("--llm", is_flag=True, help="use the LLM extractor")
@db_option
@pass_state
def ingest(state, target: str, dry_run: bool, as_json: bool, llm: bool) -> int:
    """Extract releases and claims from one article (an http(s) URL, or a .html/.md/.txt file)."""
    from ingest.articles import ingest_article, read_article
    from ingest.extract import build_extractor
    from ingest.fetch import FetchConfig, FetchError, Fetcher
    from ingest.plans import plan_to_json
    store = _store(state)
    try:
        extractor = build_extractor(store, state.settings, use_llm=llm)
        with Fetcher(FetchConfig.from_settings(state.settings)) as fetcher:
            article = read_article(target, fetcher)
    except (ValueError, OSError, FetchError) as err:
        raise Failed(f"ingest: {err}") from None
    try:
        plan, extraction, result = ingest_article(store, article, extractor, _now(), dry_run=dry_run,
                                                  max_age_days=state.settings.alerts.max_age_days)
    except Exception as err:  # an LLM failure, for instance: say what, not a traceback
        raise Failed(f"ingest: extraction failed: {err}") from None
    out = plan_to_json(plan, extraction)
    if result is not None:
        out["stored"] = result.__dict__
    if as_json:
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    verb = "Would store" if dry_run else "Stored"
    click.echo(f"{article.title or article.url}\n{verb}: {len(plan.releases)} releases, {len(plan.claims)} claims, "
               f"{len(plan.models)} candidate models (all unreviewed until `briefbot review`).")
    for c in plan.claims:
        click.echo(f"  - [{c.provenance}] {c.subject_id} {c.kind} {c.value_text or c.relation or ''}: "
                   f"“{c.quote[:120]}”")
    return 0


@click.command()
@click.option("--accept", "accepted", multiple=True, metavar="ID", help="accept this id (repeatable)")
@click.option("--accept-all", is_flag=True)
@click.option("--reject", "rejected", multiple=True, metavar="ID", help="reject this id (repeatable)")
@click.option("--json", "as_json", is_flag=True)
@db_option
@pass_state
def review(state, accepted, accept_all, rejected, as_json) -> int:
    """List unreviewed candidates; accept or reject them."""
    from ingest.review import accept, accept_all as accept_everything, reject_item
    from storage.ingest_state import unreviewed
    store = _store(state)
    now, max_age = _now(), state.settings.alerts.max_age_days
    if accept_all:
        n, alerts = accept_everything(store, now, max_age)
        click.echo(f"Accepted {n} candidates; {alerts} alert events recorded.")
        return 0
    if accepted or rejected:
        status = 0
        for item in accepted:
            n = accept(store, item, now, max_age)
            click.echo(f"accepted {item} ({n} alert events)" if n >= 0 else f"nothing to accept for {item}")
            status |= n < 0
        for item in rejected:
            ok = reject_item(store, item)
            click.echo(f"rejected {item}" if ok else f"nothing to reject for {item}")
            status |= not ok
        return int(status)
    pending = unreviewed(store)
    if as_json:
        click.echo(json.dumps(pending, indent=2, ensure_ascii=False))
        return 0
    total = sum(len(v) for v in pending.values())
    if not total:
        click.echo("Nothing to review.")
        return 0
    for m in pending["models"]:
        click.echo(f"model   {m['id']:<24} {m['name']} ({m['vendor_id']})")
    for b in pending["benchmarks"]:
        click.echo(f"benchmark {b['id']:<22} {b['name']}: {(b['notes'] or '')[:80]}")
    for r in pending["releases"]:
        click.echo(f"release {r['id']:<24} {r['model_id']}: {r['title'][:80]}")
    for c in pending["claims"]:
        what = c["value_text"] or c["relation"] or ""
        on = f" on {c['benchmark_id']}" if c["benchmark_id"] else ""
        click.echo(f"claim   {c['id']:<24} {c['subject_id']} {c['kind']}{on} {what} [{c['provenance']}]: "
                   f"“{c['quote'][:100]}”")
    click.echo(f"\n{total} to review: `briefbot review --accept ID`, `--reject ID` (repeatable) or `--accept-all`.")
    return 0


@click.command()
@click.argument("action", type=click.Choice(("flush",)))
@click.option("--window", type=float, default=None, help="minutes (default BRIEFBOT_ALERT_WINDOW_MINUTES or 10)")
@db_option
@pass_state
def alerts(state, action: str, window: float | None) -> int:
    """Vendor alerts: `alerts flush` enqueues due batches now."""
    from bot.app.services import build_services
    from bot.delivery.alerts import flush_alerts
    from foundation.clock import utc_now
    services = build_services(state.settings)
    keys = flush_alerts(services, utc_now(), window=window)
    click.echo(f"{len(keys)} alert messages enqueued.")
    return 0


COMMANDS = (feeds, ingest, review, alerts)
