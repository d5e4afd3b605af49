"""Polling the feed registry: fetch, parse, dedupe, extract, store; failures recorded per feed.

Called by the scheduler as `poll_due_feeds(store, settings)` and by
`briefbot feeds poll`. Rules: one feed's failure never stops the poll (every
failure is written to ingest_errors and the feed row); a 304 does no parse
work; the first successful poll of a feed only records the items already
there (primed), so adding a feed never floods subscribers; an item is new only
if neither its GUID (in its feed), its normalized URL nor its content hash was
seen; failures back off exponentially, and after BRIEFBOT_FEED_MAX_FAILURES in
a row the feed is paused with the reason, logged at ERROR and, when
BRIEFBOT_ADMIN_DESTINATION is set, told to admins through the outbox.
"""
from __future__ import annotations

from foundation.clock import aware, parse_stamp, stamp, utc_now
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from storage import Store
from storage.delivery import enqueue
from storage.ingest_state import Feed, due_feeds, record_error, record_item, seen_item, update_feed

from .extract import SourceContext, build_extractor
from .extract.llm_extractor import ExtractionError
from .feedparse import FeedParseError, parse_feed
from .fetch import FetchConfig, FetchError, Fetcher
from .plans import DEFAULT_ALERT_MAX_AGE_DAYS, Origin, plan, store_plan
from .urls import content_hash, normalize_url

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PollConfig:
    interval_minutes: float = 30.0
    backoff_base_minutes: float = 5.0
    backoff_max_minutes: float = 24 * 60.0
    max_failures: int = 5
    admin_destination: str | None = None
    fetch: FetchConfig = field(default_factory=FetchConfig)
    alert_max_age_days: float = DEFAULT_ALERT_MAX_AGE_DAYS

    @classmethod
    def from_settings(cls, settings) -> "PollConfig":
        feeds = settings.feeds
        return cls(interval_minutes=feeds.interval_minutes, backoff_base_minutes=feeds.backoff_minutes,
                   max_failures=feeds.max_failures, admin_destination=feeds.admin_destination,
                   fetch=FetchConfig.from_settings(settings),
                   alert_max_age_days=settings.alerts.max_age_days)


@dataclass
class PollReport:
    feeds: int = 0
    ok: int = 0
    not_modified: int = 0
    failed: int = 0
    paused: list[str] = field(default_factory=list)
    new_items: int = 0
    primed_items: int = 0
    duplicates: int = 0
    models: int = 0
    releases: int = 0
    claims: int = 0
    alerts: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.feeds} feeds polled: {self.ok} ok, {self.not_modified} unchanged (304), {self.failed} failed"
                f"{' (paused: ' + ', '.join(self.paused) + ')' if self.paused else ''}; {self.new_items} new items, "
                f"{self.primed_items} recorded without alerting, {self.duplicates} duplicates; added {self.releases} "
                f"releases, {self.claims} claims, {self.models} candidate models; {self.alerts} alert events")


def _as_datetime(now) -> datetime:
    if now is None:
        return utc_now()
    return parse_stamp(now) if isinstance(now, str) else aware(now)


def poll_due_feeds(store: Store, settings=None, *, now=None, fetcher: Fetcher | None = None, extractor=None,
                   feed_ids: list[str] | None = None, force: bool = False) -> PollReport:
    """Poll every feed that is due (or the named ones; `force` ignores next_poll_at but not pauses)."""
    config = PollConfig.from_settings(settings)
    now_dt = _as_datetime(now)
    now_s = stamp(now_dt)
    feeds = due_feeds(store, "9999" if force else now_s)
    if feed_ids:
        feeds = [f for f in feeds if f.id in feed_ids or f.url in feed_ids]
    report = PollReport()
    if not feeds:
        return report
    own_fetcher = fetcher is None
    fetcher = fetcher or Fetcher(config.fetch)
    extractor = extractor or build_extractor(store, settings)
    try:
        for feed in feeds:
            report.feeds += 1
            try:
                poll_feed(store, feed, fetcher, extractor, config, now_dt, report)
            except Exception as err:  # a bug for one feed must not stop the others
                log.exception("polling feed %s failed unexpectedly", feed.id)
                _failed(store, feed, config, now_dt, f"internal error: {type(err).__name__}: {err}", "internal",
                        report)
    finally:
        if own_fetcher:
            fetcher.close()
    log.info("feed poll: %s", report.summary())
    return report


def poll_feed(store: Store, feed: Feed, fetcher: Fetcher, extractor, config: PollConfig, now: datetime,
              report: PollReport) -> None:
    now_s = stamp(now)
    try:
        fetched = fetcher.get(feed.url, etag=feed.etag, last_modified=feed.last_modified)
    except FetchError as err:
        _failed(store, feed, config, now, str(err), "fetch", report)
        return
    if fetched.not_modified:
        report.not_modified += 1
        _succeeded(store, feed, config, now, 304, fetched.etag, fetched.last_modified)
        return
    try:
        parsed = parse_feed(fetched.body, fetched.url, fetched.content_type)
    except FeedParseError as err:
        _failed(store, feed, config, now, str(err), "parse", report)
        return
    if parsed.warning:
        record_error(store, feed.id, feed.url, "parse-warning", parsed.warning, now_s)
        report.errors.append(f"{feed.id}: {parsed.warning}")
    fresh, batch_keys = [], set()
    for entry in parsed.entries:
        url = normalize_url(entry.url)
        digest = content_hash(entry.title, entry.text)
        guid = entry.guid or url
        keys = {("g", guid), ("u", url), ("h", digest)} - {("g", None), ("u", None)}
        if keys & batch_keys or seen_item(store, feed.id, guid, url, digest):
            report.duplicates += 1
            continue
        batch_keys |= keys
        fresh.append((entry, guid, url, digest))
    if not feed.primed:
        with store.db.atomic():
            for entry, guid, url, digest in fresh:
                record_item(store, feed.id, guid, url, digest, entry.title, entry.published, now_s)
        report.primed_items += len(fresh)
    else:
        # extraction first, outside any transaction (an LLM call must not hold the write lock) ...
        extracted = [(item, _extract(store, feed, item[0], extractor, now_s, report)) for item in fresh]
        # ... then one transaction for the feed's new items
        with store.db.atomic():
            for (entry, guid, url, digest), extraction in extracted:
                report.new_items += 1
                source_id = _store_entry(store, feed, parsed, entry, guid, extraction, now_s, report,
                                         config.alert_max_age_days)
                record_item(store, feed.id, guid, url, digest, entry.title, entry.published, now_s, source_id)
    report.ok += 1
    _succeeded(store, feed, config, now, fetched.status, fetched.etag, fetched.last_modified,
               title=feed.title or parsed.title)


def _extract(store: Store, feed: Feed, entry, extractor, now_s: str, report: PollReport):
    """The item's extraction, or None when the extractor failed (recorded against the feed)."""
    try:
        text = f"{entry.title}\n\n{entry.text}".strip()
        return extractor.extract(text, SourceContext(url=entry.url, vendor_id=feed.vendor_id, date=entry.published))
    except ExtractionError as err:
        record_error(store, feed.id, entry.url, "extract", str(err), now_s)
        report.errors.append(f"{feed.id}: {err}")
    except Exception as err:
        log.exception("extracting item %s of feed %s failed", entry.url, feed.id)
        record_error(store, feed.id, entry.url, "extract", f"{type(err).__name__}: {err}", now_s)
        report.errors.append(f"{feed.id}: {type(err).__name__}: {err}")
    return None


def _store_entry(store: Store, feed: Feed, parsed, entry, guid, extraction, now_s: str,
                 report: PollReport, alert_max_age_days: float = DEFAULT_ALERT_MAX_AGE_DAYS) -> str | None:
    """Store one item's candidates (inside the caller's transaction); returns its source id."""
    if extraction is None:
        return None
    try:
        origin = Origin(url=entry.url or f"{feed.url}#{guid}", title=entry.title or None,
                        publisher=parsed.title or feed.title, kind="vendor_blog" if feed.vendor_id else "press",
                        published=entry.published, vendor_id=feed.vendor_id, auto_accept=feed.auto_accept)
        with store.db.atomic():  # a savepoint: a failing item leaves nothing half-stored
            p = plan(store, extraction, origin, now_s)
            result = store_plan(store, p, now_s, alert_max_age_days)
    except Exception as err:
        log.exception("storing item %s of feed %s failed", entry.url, feed.id)
        record_error(store, feed.id, entry.url, "store", f"{type(err).__name__}: {err}", now_s)
        report.errors.append(f"{feed.id}: {type(err).__name__}: {err}")
        return None
    report.models += result.models
    report.releases += result.releases
    report.claims += result.claims
    report.alerts += result.alerts
    for problem in p.dropped:
        record_error(store, feed.id, entry.url, "validate", problem, now_s)
    return p.source.id

def _succeeded(store: Store, feed: Feed, config: PollConfig, now: datetime, status: int, etag: str | None,
               last_modified: str | None, title: str | None = None) -> None:
    changes = dict(last_polled_at=stamp(now), last_ok_at=stamp(now), last_status=status, failures=0, last_error=None,
                   next_poll_at=stamp(now + timedelta(minutes=config.interval_minutes)), etag=etag,
                   last_modified=last_modified, primed=True)
    if title:
        changes["title"] = title
    update_feed(store, feed.id, **changes)


def _failed(store: Store, feed: Feed, config: PollConfig, now: datetime, reason: str, stage: str,
            report: PollReport) -> None:
    now_s = stamp(now)
    failures = feed.failures + 1
    delay = min(config.backoff_base_minutes * 2 ** (failures - 1), config.backoff_max_minutes)
    changes = dict(last_polled_at=now_s, failures=failures, last_error=f"{stage}: {reason}"[:500],
                   next_poll_at=stamp(now + timedelta(minutes=delay)))
    record_error(store, feed.id, feed.url, stage, reason, now_s)
    report.failed += 1
    report.errors.append(f"{feed.id}: {stage}: {reason}")
    if failures >= config.max_failures:
        paused_reason = f"paused after {failures} failures in a row; last: {stage}: {reason}"[:500]
        changes.update(paused=True, paused_reason=paused_reason)
        report.paused.append(feed.id)
        log.error("feed %s (%s) %s", feed.id, feed.url, paused_reason)
        _tell_admins(store, config, feed, paused_reason, now_s)
    else:
        log.warning("feed %s failed (%s/%s, next try in %.0f min): %s: %s", feed.id, failures, config.max_failures,
                    delay, stage, reason)
    update_feed(store, feed.id, **changes)


def _tell_admins(store: Store, config: PollConfig, feed: Feed, reason: str, now: str) -> None:
    if not config.admin_destination:
        return
    # The payload is the neutral Reply's JSON shape (bot.core.reply), written here because ingest never imports bot.
    payload = {"title": f"Feed paused: {feed.title or feed.id}", "kind": "alert", "ephemeral": False,
               "sections": [{"text": f"{feed.url}\n{reason}"}],
               "footnotes": [f"Fix the feed, then resume it with `briefbot feeds resume {feed.id}`."]}
    enqueue(store, f"feed-paused:{feed.id}:{now}", config.admin_destination, "alert", payload, now)
