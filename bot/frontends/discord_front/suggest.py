"""Autocomplete suggestions from the record: (display name, value) pairs, most relevant first.

Discord shows at most 25 choices, each name and value at most 100 characters.
Values are record ids (what the core resolves exactly); names are what people
read. Relevance comes from storage.resolve (prefix matches, then fuzzy); with
nothing typed yet, the newest models come first. These run on the core's worker
thread, never in the event loop.
"""
from __future__ import annotations

from storage.resolve import name_key

from bot.core.context import Services

MAX_CHOICES = 25
MAX_CHOICE_CHARS = 100


def _label(text: str) -> str:
    return text if len(text) <= MAX_CHOICE_CHARS else text[:MAX_CHOICE_CHARS - 1] + "…"


def models(services: Services, current: str, limit: int = MAX_CHOICES) -> list[tuple[str, str]]:
    current = (current or "")[:MAX_CHOICE_CHARS]
    if current.strip():
        ids = services.resolver.complete(current, limit)
    else:
        ids = []
        for release in services.store.releases(limit=limit * 2):
            if release.model_id not in ids:
                ids.append(release.model_id)
        ids = ids[:limit]
    found = {m.id: m for m in services.store.models(ids)} if ids else {}
    vendors = {v.id: v.name for v in services.store.vendors()} if found else {}
    out = []
    for model_id in ids:
        model = found.get(model_id)
        if model is not None and len(model_id) <= MAX_CHOICE_CHARS:
            out.append((_label(f"{model.name} · {vendors.get(model.vendor_id, model.vendor_id)}"), model_id))
    return out[:limit]


def _ranked(items: list[tuple[str, str, tuple[str, ...]]], current: str, limit: int) -> list[tuple[str, str]]:
    """items: (value, display name, aliases); prefix matches first, then substring matches."""
    key = name_key(current or "")
    scored = []
    for value, name, aliases in items:
        keys = [name_key(value), name_key(name), *(name_key(a) for a in aliases)]
        if not key:
            rank = 2
        elif any(k.startswith(key) for k in keys):
            rank = 0
        elif any(key in k for k in keys):
            rank = 1
        else:
            continue
        scored.append((rank, name.lower(), value, name))
    scored.sort()
    return [(_label(name), value) for _, _, value, name in scored if len(value) <= MAX_CHOICE_CHARS][:limit]


def vendors(services: Services, current: str, limit: int = MAX_CHOICES) -> list[tuple[str, str]]:
    return _ranked([(v.id, v.name, v.aliases) for v in services.store.vendors()], current, limit)


def benchmarks(services: Services, current: str, limit: int = MAX_CHOICES) -> list[tuple[str, str]]:
    return _ranked([(b.id, b.name, b.aliases) for b in services.store.benchmarks()], current, limit)


def models_or_vendors(services: Services, current: str, limit: int = MAX_CHOICES) -> list[tuple[str, str]]:
    """Vendors that match first (there are few), then models, without repeating a value."""
    out = [(f"{name} (vendor)"[:MAX_CHOICE_CHARS], value) for name, value in vendors(services, current, 5)
           if (current or "").strip()]
    seen = {value for _, value in out}
    out += [pair for pair in models(services, current, limit) if pair[1] not in seen]
    return out[:limit]
