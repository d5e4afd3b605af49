"""The gazetteer: every vendor, model and benchmark name the record knows, found in running text.

Rules: names match whole words only, whatever separators the text uses
("Qwen3-Max", "Qwen3 Max" and "Qwen3Max" are one name) and leftmost-longest
first, so "GPT-5.1" is never read as "GPT-5"; a name followed by more version
text ("GPT-5.1-mini") is not the shorter name either. Matching walks the
text's word tokens and looks n-grams up in a dict (one big regex alternation
of every name was the bottleneck of ingestion). Short names (three characters
or fewer after normalising, such as "o3") must match case exactly. A name
shared by two models is ambiguous and is not a mention of either. Matching
keys are `storage.resolve.name_key`, the same as the chat commands use.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from storage import Store
from storage.resolve import name_key

from .names import word_orders

PRIORITY = {"model": 0, "benchmark": 1, "vendor": 2}
LOOKUP_CACHE = 8192
"""How many surfaces lookup() remembers before it starts afresh (memory stays bounded on a long ingest)."""
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
_WORD = re.compile(f"[^\\W_{_CJK}]+(?:['’‘.][^\\W_{_CJK}]+)*")
"""Word tokens; Chinese, Japanese and Korean characters are never part of one, so "模型DeepSeek-R1发布" has the name."""
_JOIN_GAP = frozenset(" \t-_/")
_APOSTROPHES = re.compile("['’‘]")
_COMPOUND = re.compile(r"-(?:Benchmarks?|Test[s]?|Referenz|Bewertung|Ergebnis(?:se)?|Wert|Score|Aufgaben|Leaderboard|Rangliste)\b")
""""Humanity's", "Humanity’s" and "Humanity‘s" (all three are in real articles) are one word."""


@dataclass(frozen=True)
class Hit:
    kind: str
    id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entry:
    kind: str
    id: str
    vendor_id: str | None = None


_YEAR_SUFFIX = re.compile(r"(?P<name>.*[A-Za-z])[\s\-_]?20(?P<yy>[2-3]\d)")


def _two_digit_year(name: str) -> str | None:
    """"AIME 2025" -> "AIME 25" (name_key makes it also "AIME25", "AIME-25" and "AIME'25"), for a name of at least
    three letters before its year; else None."""
    m = _YEAR_SUFFIX.fullmatch(name)
    return f"{m['name']} {m['yy']}" if m and len(re.sub(r"[^A-Za-z]", "", m["name"])) >= 3 else None


_DATED_SNAPSHOT = re.compile(r"[-_ ]20\d\d-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\d|3[01])$")
"""A full date after a model name names one API snapshot of it, not another model."""


class Gazetteer:
    def __init__(self, vendors, models, benchmarks, homepages: dict[str, str] | None = None):
        """vendors: (id, names); models: (id, vendor_id, names); benchmarks: (id, names)."""
        self.entries: dict[str, list[Entry]] = {}
        self.exact_case: dict[str, set[str]] = {}
        self.vendor_names: dict[str, str] = {}
        self.model_vendor: dict[str, str] = {}
        self.homepages = dict(homepages or {})
        self._looked_up: dict[str, Entry | None] = {}
        surfaces: set[str] = set()
        self.max_tokens = 1
        for vendor_id, names in vendors:
            self.vendor_names[vendor_id] = names[0] if names else vendor_id
            self._add(surfaces, Entry("vendor", vendor_id), names)
        self.unversioned: set[str] = set()
        self.first_words: set[str] = set()
        orders: list[tuple[Entry, list[str]]] = []
        for model_id, vendor_id, names in models:
            self.model_vendor[model_id] = vendor_id
            if names and not any(ch.isdigit() for ch in names[0]):
                self.unversioned.add(model_id)
            if names and names[0]:
                self.first_words.add(re.split(r"[\s\-]", names[0])[0])
            self._add(surfaces, Entry("model", model_id, vendor_id), names)
            orders.append((Entry("model", model_id, vendor_id), names))
        for entry, names in orders:  # "Claude 3.7 Sonnet" for the catalog's "Claude Sonnet 3.7", unless another row has it
            self._add(surfaces, entry, [o for n in names if n for o in word_orders(n) - {n} if name_key(o) not in self.entries])
        for bench_id, names in benchmarks:
            self._add(surfaces, Entry("benchmark", bench_id), names)
        for bench_id, names in benchmarks:  # "AIME’25", "CNMO24", "HMMT 25": a dated test with its year cut to two digits
            self._add(surfaces, Entry("benchmark", bench_id),
                      [short for n in names if n for short in [_two_digit_year(n)] if short and name_key(short) not in self.entries])
        self.benchmark_keys = {key for key, found in self.entries.items()
                               if len(key) >= 4 and any(e.kind == "benchmark" for e in found)}
        self.first_tokens: set[str] = set()
        for surface in surfaces:
            words = _WORD.findall(surface)
            self.max_tokens = max(self.max_tokens, len(words))
            # a text token can start a name only if it is a prefix of the name's key ("qwen3" of "qwen3max")
            key = name_key(surface)
            self.first_tokens.update(key[:n] for n in range(1, len(key) + 1))

    def _add(self, surfaces: set[str], entry: Entry, names) -> None:
        for name in names:
            if not name:
                continue
            key = name_key(name)
            if not key:
                continue
            bucket = self.entries.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)
            if len(key) <= 3 or (entry.kind == "benchmark" and name.isalpha() and (name.isupper() or name.istitle())):
                # short names, and benchmarks spelled like words ("MATH", "DROP", "Flores", which is Spanish for
                # flowers, "Putnam"), must match case exactly
                self.exact_case.setdefault(key, set()).add(name)
            surfaces.add(name)

    @classmethod
    def from_store(cls, store: Store) -> "Gazetteer":
        import json
        vendors = [(v.id, [v.name, v.id, *v.aliases]) for v in store.vendors()]
        homepages = {v.id: v.homepage for v in store.vendors() if v.homepage}
        models = [(mid, vid, [name, mid, *json.loads(aliases or "[]")])
                  for mid, name, aliases, _family, vid in store.model_names(reviewed_only=True)]
        # unreviewed candidates are not facts: a leaderboard's raw name must not become a known model
        benchmarks = [(b.id, [b.name, b.id, *b.aliases]) for b in store.benchmarks()]
        return cls(vendors, models, benchmarks, homepages)

    def lookup(self, text: str) -> Entry | None:
        """The one entry a surface names, or None when unknown or ambiguous. Remembered per surface: the same names
        are asked about again and again (every name found, every table cell), and name_key normalises Unicode."""
        try:
            return self._looked_up[text]
        except KeyError:
            pass
        if len(self._looked_up) >= LOOKUP_CACHE:
            self._looked_up.clear()
        found = self._looked_up[text] = self._lookup(text)
        return found

    def _lookup(self, text: str) -> Entry | None:
        entries = self.entries.get(name_key(_APOSTROPHES.sub("'", text)))
        if not entries:
            dated = _DATED_SNAPSHOT.search(text)  # "gpt-4o-2024-05-13": the API snapshot of the model the record knows
            return self._lookup(text[:dated.start()]) if dated else None
        best = min(PRIORITY[e.kind] for e in entries)
        top = [e for e in entries if PRIORITY[e.kind] == best]
        return top[0] if len(top) == 1 else None

    def find(self, text: str) -> list[Hit]:
        tokens = _tokens(text)
        first = self.first_tokens
        hits, i, n = [], 0, len(tokens)
        while i < n:
            if tokens[i][2] not in first:
                i += 1
                continue
            start = tokens[i][0]
            if start and (text[start - 1] in ".-" or _latin_alnum(text[start - 1])):
                i += 1
                continue
            key, found = "", None
            for j in range(i, min(n, i + self.max_tokens)):
                if j > i:
                    gap = text[tokens[j - 1][1]:tokens[j][0]]
                    if len(gap) > 1 or (gap and gap not in _JOIN_GAP):
                        break
                key += tokens[j][2]
                if key in self.entries:
                    found = (j, key)
            # leftmost-longest, but a name followed by more version text ("GPT-5.1-mini") is no match
            while found is not None:
                j, key = found
                end = tokens[j][1]
                if not (end + 1 < len(text) and text[end] in ".-" and text[end + 1].isalnum()):
                    break
                if text[end] == "-" and _COMPOUND.match(text, end) and any(
                        e.kind == "benchmark" for e in self.entries.get(key, ())):
                    break  # German compounds: "SWE-bench Verified-Referenz", "OSWorld-Benchmarks" name the benchmark
                found = None
                for k in range(j - 1, i - 1, -1):
                    shorter = "".join(t[2] for t in tokens[i:k + 1])
                    if shorter in self.entries:
                        found = (k, shorter)
                        break
            if found is None:
                i += 1
                continue
            j, key = found
            end = tokens[j][1]
            surface = text[start:end]
            entry = self.lookup(_APOSTROPHES.sub("'", surface))
            if entry is not None and not (key in self.exact_case and surface not in self.exact_case[key]):
                hits.append(Hit(entry.kind, entry.id, start, end, surface))
                i = j + 1
            else:
                i += 1
        return hits

    def begins_with_benchmark(self, name: str) -> bool:
        """Whether a name begins with a benchmark's name of four characters or more ("MMBench-EN-Test", "AlignBench
        v1.1"): a variant of a benchmark the record knows, not a benchmark of its own."""
        key = name_key(_APOSTROPHES.sub("'", name))
        return any(key[:i] in self.benchmark_keys for i in range(4, len(key) + 1))

    def is_family(self, model_id: str) -> bool:
        """A record row for a family or product ("Claude", "ChatGPT"): no version in its name."""
        return model_id in self.unversioned

    def vendor_of_model(self, model_id: str | None) -> str | None:
        return self.model_vendor.get(model_id) if model_id else None


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of every word token, its key case-folded without apostrophes. The text is folded once, not
    token by token, when folding keeps every character one character (it does not look at neighbours, so a slice of
    the folded text is the folded slice); apostrophes are stripped only when the text has one."""
    folded = text.casefold()
    if len(folded) != len(text):  # "ß" folds to "ss": offsets would shift, fold token by token
        return [(m.start(), m.end(), m.group(0).casefold().replace("'", "").replace("’", "").replace("‘", ""))
                for m in _WORD.finditer(text)]
    spans = map(_SPAN, _WORD.finditer(text))
    if "'" in folded or "’" in folded or "‘" in folded:
        return [(s, e, folded[s:e].replace("'", "").replace("’", "").replace("‘", "")) for s, e in spans]
    return [(s, e, folded[s:e]) for s, e in spans]


_SPAN = re.Match.span


def _latin_alnum(ch: str) -> bool:
    return ch.isalnum() and not re.match(f"[{_CJK}]", ch)
