"""CLI for ingestion: `briefbot feeds add|list|remove|poll|resume|load`, `briefbot ingest`, `briefbot review`,
`briefbot alerts flush`.

The same library functions the scheduler calls (ingest.poll.poll_due_feeds,
bot.alerts.flush_alerts) do the work; this module only parses arguments and
prints. `ingest --dry-run --json` stores nothing.
"""
from __future__ import annotations

import json
import sys
from datetime import datetime, timezone
from pathlib import Path

from ingest.articles import ingest_article, read_article
from ingest.extract import build_extractor
from ingest.fetch import FetchConfig, FetchError, Fetcher
from ingest.poll import poll_due_feeds
from ingest.records import plan_to_json
from ingest.registry import DEFAULT_FEEDS_FILE, FeedFileError, feed_id_for, load_feed_file
from ingest.review import accept, accept_all, reject_item
from storage.ingest_state import (Feed, add_feed, feed_status, get_feed, list_feeds, remove_feed,
                                  resume_feed, unreviewed)

from .app import build_services, open_store
from .config import Settings


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def add_parsers(sub) -> None:
    feeds = sub.add_parser("feeds", help="the feed registry: add, list, remove, poll, resume, load")
    fsub = feeds.add_subparsers(dest="feeds_command", metavar="ACTION")
    p = fsub.add_parser("add", help="add a feed (its first poll records existing items without alerting)")
    p.add_argument("url")
    p.add_argument("--vendor", help="vendor id when this is the vendor's own feed (its claims are vendor_reported)")
    p.add_argument("--kind", default="rss", choices=("rss", "atom"))
    p.add_argument("--id", help="feed id (default: derived from vendor and host)")
    p.add_argument("--auto-accept", action="store_true", help="store this vendor feed's items as reviewed")
    p.set_defaults(func=cmd_feeds_add)
    p = fsub.add_parser("list", help="feeds with their state (paused, failures, last error)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_feeds_list)
    p = fsub.add_parser("remove", help="remove a feed by id or URL")
    p.add_argument("feed")
    p.set_defaults(func=cmd_feeds_remove)
    p = fsub.add_parser("poll", help="poll feeds that are due (or the named ones, now)")
    p.add_argument("feeds", nargs="*", help="feed ids or URLs (default: every due feed)")
    p.add_argument("--llm", action="store_true", help="use the LLM extractor (needs OPENAI_BASE_URL, BRIEFBOT_LLM_MODEL)")
    p.set_defaults(func=cmd_feeds_poll)
    p = fsub.add_parser("resume", help="resume a paused feed")
    p.add_argument("feed")
    p.set_defaults(func=cmd_feeds_resume)
    p = fsub.add_parser("load", help="add the feeds listed in seeds/feeds.yaml (never fetches)")
    p.add_argument("--file", type=Path, default=DEFAULT_FEEDS_FILE)
    p.set_defaults(func=cmd_feeds_load)
    feeds.set_defaults(func=lambda args, settings: (feeds.print_help(), 2)[1])

    p = sub.add_parser("ingest", help="extract releases and claims from one article (URL or file)")
    p.add_argument("target", help="an http(s) URL, or a .html/.md/.txt file")
    p.add_argument("--dry-run", action="store_true", help="show what would be stored; store nothing")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--llm", action="store_true", help="use the LLM extractor")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("review", help="list unreviewed candidates; accept or reject them")
    p.add_argument("--accept", nargs="*", metavar="ID", default=None, help="accept these ids")
    p.add_argument("--accept-all", action="store_true")
    p.add_argument("--reject", nargs="*", metavar="ID", default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("alerts", help="vendor alerts: `alerts flush` enqueues due batches now")
    p.add_argument("action", choices=("flush",))
    p.add_argument("--window", type=float, default=None, help="minutes (default BRIEFBOT_ALERT_WINDOW_MINUTES or 10)")
    p.set_defaults(func=cmd_alerts)


def cmd_feeds_add(args, settings: Settings) -> int:
    store = open_store(settings)
    feed = Feed(id=args.id or feed_id_for(args.url, args.vendor), url=args.url, vendor_id=args.vendor, kind=args.kind,
                auto_accept=args.auto_accept)
    if not args.url.startswith(("http://", "https://")):
        print("briefbot feeds add: the URL must start with http:// or https://", file=sys.stderr)
        return 2
    if args.vendor and store.vendor(args.vendor) is None:
        print(f"briefbot feeds add: unknown vendor '{args.vendor}' (see `briefbot ask /releases`)", file=sys.stderr)
        return 2
    new = add_feed(store, feed, _now())
    print(f"{'Added' if new else 'Updated'} feed {get_feed(store, args.url).id}: {args.url}")
    return 0


def cmd_feeds_list(args, settings: Settings) -> int:
    store = open_store(settings)
    feeds = list_feeds(store)
    if args.json:
        print(json.dumps([f.__dict__ for f in feeds], indent=2))
        return 0
    if not feeds:
        print("No feeds. Add one with `briefbot feeds add URL` or `briefbot feeds load`.")
        return 0
    for f in feeds:
        state = "PAUSED" if f.paused else ("failing" if f.failures else ("ok" if f.last_ok_at else "new"))
        print(f"{f.id:<28} {state:<8} {f.vendor_id or '-':<12} {f.url}")
        if f.paused_reason:
            print(f"{'':<28} reason: {f.paused_reason}")
        elif f.last_error:
            print(f"{'':<28} last error: {f.last_error}")
    s = feed_status(store)
    print(f"\n{s['feeds']} feeds, {s['paused']} paused, {s['failing']} failing; {s['items']} items seen, "
          f"{s['errors']} errors recorded.")
    return 0


def cmd_feeds_remove(args, settings: Settings) -> int:
    if not remove_feed(open_store(settings), args.feed):
        print(f"briefbot feeds remove: no feed '{args.feed}'", file=sys.stderr)
        return 1
    print(f"Removed {args.feed}.")
    return 0


def cmd_feeds_resume(args, settings: Settings) -> int:
    if not resume_feed(open_store(settings), args.feed):
        print(f"briefbot feeds resume: no feed '{args.feed}'", file=sys.stderr)
        return 1
    print(f"Resumed {args.feed}; it will be polled on the next run.")
    return 0


def cmd_feeds_load(args, settings: Settings) -> int:
    try:
        added, known = load_feed_file(open_store(settings), _now(), args.file)
    except FeedFileError as err:
        print(f"briefbot feeds load: {err}", file=sys.stderr)
        return 1
    print(f"{added} feeds added, {known} already known.")
    return 0


def cmd_feeds_poll(args, settings: Settings) -> int:
    store = open_store(settings)
    try:
        extractor = build_extractor(store, settings, use_llm=args.llm)
    except ValueError as err:
        print(f"briefbot feeds poll: {err}", file=sys.stderr)
        return 2
    report = poll_due_feeds(store, settings, extractor=extractor, feed_ids=args.feeds or None, force=bool(args.feeds))
    print(report.summary())
    for line in report.errors[:20]:
        print(f"  error: {line}")
    return 1 if report.failed and not report.ok and not report.not_modified else 0


def cmd_ingest(args, settings: Settings) -> int:
    store = open_store(settings)
    try:
        extractor = build_extractor(store, settings, use_llm=args.llm)
        with Fetcher(FetchConfig.from_settings(settings)) as fetcher:
            article = read_article(args.target, fetcher)
    except (ValueError, OSError, FetchError) as err:
        print(f"briefbot ingest: {err}", file=sys.stderr)
        return 1
    try:
        plan, extraction, result = ingest_article(store, article, extractor, _now(), dry_run=args.dry_run)
    except Exception as err:  # an LLM failure, for instance: say what, not a traceback
        print(f"briefbot ingest: extraction failed: {err}", file=sys.stderr)
        return 1
    out = plan_to_json(plan, extraction)
    if result is not None:
        out["stored"] = result.__dict__
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    verb = "Would store" if args.dry_run else "Stored"
    print(f"{article.title or article.url}\n{verb}: {len(plan.releases)} releases, {len(plan.claims)} claims, "
          f"{len(plan.models)} candidate models (all unreviewed until `briefbot review`).")
    for c in plan.claims:
        print(f"  - [{c.provenance}] {c.subject_id} {c.kind} {c.value_text or c.relation or ''}: “{c.quote[:120]}”")
    return 0


def cmd_review(args, settings: Settings) -> int:
    store = open_store(settings)
    now = _now()
    if args.accept_all:
        accepted, alerts = accept_all(store, now)
        print(f"Accepted {accepted} candidates; {alerts} alert events recorded.")
        return 0
    if args.accept is not None or args.reject is not None:
        status = 0
        for item in args.accept or []:
            n = accept(store, item, now)
            print(f"accepted {item} ({n} alert events)" if n >= 0 else f"nothing to accept for {item}")
            status |= n < 0
        for item in args.reject or []:
            ok = reject_item(store, item)
            print(f"rejected {item}" if ok else f"nothing to reject for {item}")
            status |= not ok
        return int(status)
    pending = unreviewed(store)
    if args.json:
        print(json.dumps(pending, indent=2, ensure_ascii=False))
        return 0
    total = sum(len(v) for v in pending.values())
    if not total:
        print("Nothing to review.")
        return 0
    for m in pending["models"]:
        print(f"model   {m['id']:<24} {m['name']} ({m['vendor_id']})")
    for r in pending["releases"]:
        print(f"release {r['id']:<24} {r['model_id']}: {r['title'][:80]}")
    for c in pending["claims"]:
        what = c["value_text"] or c["relation"] or ""
        print(f"claim   {c['id']:<24} {c['subject_id']} {c['kind']} {what} [{c['provenance']}]: “{c['quote'][:100]}”")
    print(f"\n{total} to review: `briefbot review --accept ID...`, `--reject ID...` or `--accept-all`.")
    return 0


def cmd_alerts(args, settings: Settings) -> int:
    from .alerts import flush_alerts
    services = build_services(settings)
    services.extra["settings"] = settings
    keys = flush_alerts(services, datetime.now(timezone.utc), window=args.window)
    print(f"{len(keys)} alert messages enqueued.")
    return 0
