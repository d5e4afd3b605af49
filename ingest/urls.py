"""URL normalisation and content hashing for dedupe.

Rules: tracking parameters (utm_*, fbclid, gclid, ref, ...) and fragments are
dropped, the host is lower-cased and the default port removed, so one article
shared with different tracking links is one item; the content hash is over
the whitespace-collapsed, case-folded title and text, so a re-published item
with the same words is the same item.
"""
from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ref|ref_src|ref_url|source|"
                      r"campaign|cmpid|igshid|_hsenc|_hsmi|mkt_tok|yclid|spm)$", re.IGNORECASE)


def normalize_url(url: str | None) -> str | None:
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if not parts.scheme or not parts.netloc:
        return url
    host = (parts.hostname or "").lower()
    port = parts.port if parts.port and not (parts.scheme, parts.port) in (("http", 80), ("https", 443)) else None
    netloc = f"{host}:{port}" if port else host
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING.match(k)])
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), netloc, path, query, ""))


def content_hash(*parts: str | None) -> str:
    text = " ".join(p for p in parts if p)
    text = re.sub(r"\s+", " ", text).strip().casefold()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def short_hash(*parts: str | None) -> str:
    return hashlib.sha1("\x1f".join(p or "" for p in parts).encode("utf-8")).hexdigest()[:12]


def host_of(url: str | None) -> str:
    try:
        return (urlsplit(url or "").hostname or "").lower()
    except ValueError:
        return ""


def same_site(url: str | None, homepage: str | None) -> bool:
    """True when url is on the homepage's domain (or a subdomain of it): "openai.com" owns "cdn.openai.com"."""
    a, b = host_of(url), host_of(homepage)
    if not a or not b:
        return False
    b = b.removeprefix("www.")
    return a == b or a.endswith("." + b)
