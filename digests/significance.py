"""How Headlines are ranked: a small, explainable significance score per release.

The score is a sum of points a reader could check for themselves, and each
point comes with the words shown next to the headline:

| signal (from the record)                                   | points |
|------------------------------------------------------------|--------|
| model status: released 3, preview 2, announced 1, unknown 1 | 1-3    |
| open weights (anyone can run and test it)                   | +2     |
| holds a new best score this week (Benchmark moves), each    | +2 (max +6) |
| independent or crowd figures about it this week             | +2     |
| claims about it this week: 1 point per 5, at most           | +3     |

Ties go to the earlier release date, then the model name, then the release
id, so the same record always gives the same order. Vendor size or fame is
deliberately not a signal: the digest ranks what happened, not who did it.
"""
from __future__ import annotations

from collections.abc import Iterable

from storage import Claim, Model, Release

STATUS_POINTS = {"released": 3, "preview": 2, "announced": 1}
INDEPENDENT = ("independent", "crowd")


def score_release(release: Release, model: Model | None, week_claims: Iterable[Claim],
                  moves_held: int) -> tuple[int, tuple[str, ...]]:
    """(points, reasons) for one release, from the week's claims about its model."""
    points, reasons = STATUS_POINTS.get(model.status if model else "", 1), []
    if model is not None and model.status:
        reasons.append(model.status)
    if model is not None and model.open_weights:
        points += 2
        reasons.append("open weights")
    if moves_held:
        points += 2 * min(moves_held, 3)
        reasons.append(f"new best on {moves_held} benchmark{'s' if moves_held != 1 else ''}")
    claims = list(week_claims)
    independent = sum(1 for c in claims if c.provenance in INDEPENDENT)
    if independent:
        points += 2
        reasons.append(f"{independent} independent figure{'s' if independent != 1 else ''}")
    if claims:
        points += min(3, len(claims) // 5)
        reasons.append(f"{len(claims)} claim{'s' if len(claims) != 1 else ''} this week")
    return points, tuple(reasons)


def rank_key(points: int, release: Release, model: Model | None) -> tuple:
    return (-points, release.date or release.first_seen or "", (model.name if model else release.model_id).lower(),
            release.id)
