"""EvalScope's lists of supported benchmarks: a catalog of the benchmarks one evaluation framework runs.

Published in `modelscope/evalscope` as `docs/en/get_started/supported_dataset/{llm,vlm,agent}.md`, one Markdown
table each (`| `math_vista` | [MathVista](../../benchmarks/math_vista.md) | `MCQ`, `Math`, `MultiModal` |`): a
registry key, the display name and task categories. Read, like OpenCompass's index, for the names of benchmarks
(MathVista, POPE, CharXiv, MCP-Atlas, …); benchmark_names.py decides which names are safe in running text.
Custom entries (General-QA, Data-Collection) name no benchmark; speech recognition and text-to-speech figures are
error rates, so lower is better; every other entry is a score where higher is better.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from storage.resolve import name_key

from .base import BenchmarkEntry, ShapeError, decode_text
from .benchmark_names import display_name, plus_spellings

FILES = ("llm.md", "vlm.md", "agent.md")
_ROW = re.compile(r"^\|\s*`(?P<key>[^`|]+)`\s*\|\s*\[(?P<name>[^\]|]+)\]\([^)|]*\)\s*\|(?P<cats>[^|]*)\|\s*$", re.MULTILINE)
_CATEGORY = re.compile(r"`([^`]+)`")
_ERROR_RATE = frozenset(("SpeechRecognition", "TextToSpeech"))


class EvalScope:
    name = "evalscope"
    title = "EvalScope supported benchmarks"
    publisher = "EvalScope (ModelScope)"
    default_url = ("https://raw.githubusercontent.com/modelscope/evalscope/main/docs/en/get_started/"
                   "supported_dataset/llm.md")
    repository = "modelscope/evalscope"
    kind = "catalog"

    def companions(self, main_name: str) -> list[str]:
        return [f for f in FILES if f != main_name] if main_name in FILES else []

    def parse(self, files: Mapping[str, bytes]) -> list[BenchmarkEntry]:
        ordered = [n for n in FILES if n in files] + sorted(n for n in files if n not in FILES)
        entries, seen = [], set()
        for file_name in ordered:
            rows = list(_ROW.finditer(decode_text(files[file_name], file_name)))
            if not rows:
                raise ShapeError(f"{file_name}: no table row of a benchmark (`key` | [Name](link) | categories)")
            for row in rows:
                categories = _CATEGORY.findall(row["cats"])
                shown = display_name(row["name"].strip())
                if "Custom" in categories or shown is None or name_key(shown) in seen:
                    continue
                seen.add(name_key(shown))
                entries.append(BenchmarkEntry(entry_id=row["key"].strip(), name=shown, aliases=plus_spellings(shown),
                                              category=", ".join(categories) or None,
                                              higher_is_better=not _ERROR_RATE & set(categories)))
        return entries
