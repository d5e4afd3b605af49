"""Who reports a claim: the vendor itself, or a third party.

Rules, in order: a claim from the vendor's own site or feed is vendor_reported;
otherwise attribution in the claim's sentence decides ("the company asserts",
"internal testing showed", "according to OpenAI" -> vendor; "independent",
"third-party", "according to researchers", a leaderboard -> independent); then
attribution in the sentence before it; with no attribution at all a figure is
taken as the subject vendor's own (press figures about new models almost
always are), which review can correct. In a table that scores several vendors'
models, the "subject vendor" is the table's publisher (rules._table_publishers:
the vendor of the model the text names first), so a rival's column in a launch
table stays the launching vendor's report.
"""
from __future__ import annotations

import re
from functools import lru_cache

VENDOR_CUES = re.compile(
    r"\b(?:the\s+(?:company|firm|lab|startup|developer|maker)(?:'s)?\s+(?:says|said|asserts|asserted|claims|claimed|"
    r"reports|reported|states|stated|maintains|insists|published|announcement|benchmarks?|numbers|figures)"
    r"|internal(?:ly)?\s+(?:testing|tests?|evaluations?|benchmarks?|measured|tested|run)"
    r"|in-house\s+(?:testing|tests?|evaluations?|benchmarks?)"
    r"|its\s+own\s+(?:testing|tests|evaluations?|benchmarks?|numbers|figures|measurements)"
    r"|according\s+to\s+the\s+(?:company|firm|lab|startup|vendor)"
    r"|(?:company|vendor|self)-reported|model\s+card|technical\s+report|launch\s+(?:post|blog))\b",
    re.IGNORECASE)
INDEPENDENT_CUES = re.compile(
    r"\b(?:independent(?:ly)?|third[-\s]party|outside\s+(?:testers|evaluators|researchers)"
    r"|according\s+to\s+(?:researchers|analysts|evaluators|testers|the\s+leaderboard|[A-Z][a-z]+\s+(?:University|Institute|Lab))"
    r"|researchers\s+at|evaluators|leaderboard|LMArena|Artificial\s+Analysis|Epoch\s+AI|Vals\s+AI"
    r"|we\s+(?:measured|tested|found|ran|evaluated)|our\s+(?:own\s+)?(?:testing|tests|evaluations?|runs|benchmarks)"
    r"|replicat\w+|re-?ran)\b", re.IGNORECASE)
_VENDOR_VERBS = r"(?:says|said|asserts|asserted|claims|claimed|reports|reported|states|stated|told|wrote|published)"


def vendor_attribution(sentence: str, vendor_spans: list[tuple[int, int, str]]) -> str | None:
    """The vendor a sentence attributes a statement to ("according to X", "X says"), if any."""
    for start, end, vendor_id in vendor_spans:
        before = sentence[max(0, start - 20):start]
        after = sentence[end:end + 30]
        if re.search(r"according\s+to\s+$", before, re.IGNORECASE):
            return vendor_id
        if re.match(r"(?:'s)?\s+(?:also\s+)?" + _VENDOR_VERBS + r"\b", after, re.IGNORECASE):
            return vendor_id
        if re.match(r"'s\s+(?:own\s+)?(?:numbers|figures|testing|tests|evaluations?|benchmarks?|blog|announcement|"
                    r"technical report|model card)", after, re.IGNORECASE):
            return vendor_id
    return None


def decide(sentence: str, previous: str, vendor_spans: list[tuple[int, int, str]],
           prev_vendor_spans: list[tuple[int, int, str]], source_vendor: str | None,
           subject_vendor: str | None) -> tuple[str, str | None]:
    """(provenance, reported_by vendor id or None)."""
    if source_vendor:
        return "vendor_reported", source_vendor
    for text, spans in ((sentence, vendor_spans), (previous, prev_vendor_spans)):
        if not text:
            continue
        named = vendor_attribution(text, spans)
        independent, vendor = _cues(text)
        if independent and not named:
            return "independent", None
        if named:
            return "vendor_reported", named
        if vendor:
            return "vendor_reported", subject_vendor
    return "vendor_reported", subject_vendor


@lru_cache(maxsize=256)
def _cues(text: str) -> tuple[bool, bool]:
    """(independent cue?, vendor cue?) of a sentence: decide() runs once per claim, on the claim's sentence and the
    one before, so the same sentence is asked again and again; the two ignore-case scans run once per sentence."""
    return bool(INDEPENDENT_CUES.search(text)), bool(VENDOR_CUES.search(text))
