"""LMArena (lmarena.ai) text arena: crowd ratings per category with their 95% interval.

Published in `lmarena/arena-catalog` as `data/leaderboard-text.json` and
`data/leaderboard-text-style-control.json` ({category: {model: {rating, rating_q025,
rating_q975, …}}}). The files are committed unedited; only the categories users ask about are
read (overall, coding, math, hard prompts, creative writing, instruction following,
multi-turn, expert). Provenance `crowd`.
"""
from __future__ import annotations

import json
from collections.abc import Mapping

from .base import ScoreRow, ShapeError, decode_text, number

CATEGORIES = {"full": "overall", "coding": "coding", "math": "math", "hard_6": "hard prompts",
              "creative_writing": "creative writing", "if": "instruction following",
              "multiturn": "multi-turn", "expert": "expert"}


class LMArena:
    name = "lmarena"
    title = "LMArena text leaderboard"
    publisher = "LMArena"
    default_url = "https://raw.githubusercontent.com/lmarena/arena-catalog/main/data/leaderboard-text-style-control.json"
    repository = "lmarena/arena-catalog"
    kind = "leaderboard"

    def companions(self, main_name: str) -> list[str]:
        if main_name.endswith("-style-control.json"):
            return [main_name.replace("-style-control.json", ".json")]
        return []

    def parse(self, files: Mapping[str, bytes]) -> list[ScoreRow]:
        rows = []
        for name, data in sorted(files.items()):
            style = "style control" if "style-control" in name else "no style control"
            try:
                doc = json.loads(decode_text(data, name))
            except json.JSONDecodeError as err:
                raise ShapeError(f"{name}: not valid JSON ({err.msg} at line {err.lineno}; truncated?)") from None
            if not isinstance(doc, dict) or "full" not in doc:
                raise ShapeError(f"{name}: no 'full' (overall) category")
            for key, label in CATEGORIES.items():
                board = doc.get(key)
                if board is None:
                    continue
                if not isinstance(board, dict):
                    raise ShapeError(f"{name}: category {key} is not an object of models")
                for model, entry in board.items():
                    where = f"{name}: {key}/{model}"
                    if not isinstance(entry, dict) or "rating" not in entry:
                        raise ShapeError(f"{where}: no 'rating'")
                    rating = number(entry["rating"], where)
                    if rating is None:
                        continue
                    low = number(entry.get("rating_q025"), where)
                    high = number(entry.get("rating_q975"), where)
                    votes = entry.get("num_battles") or entry.get("votes")
                    interval = f"95% CI {low:.0f}–{high:.0f}" if low is not None and high is not None else None
                    notes = "; ".join(x for x in (interval, f"{votes} votes" if votes else None) if x) or None
                    rows.append(ScoreRow(
                        name=str(model), benchmark="lmarena-text", value=round(rating, 1), value_text=f"{rating:.0f}",
                        quote=f"{model} | {key} ({style}) | rating {entry['rating']!r}", scope=label, settings=style,
                        provenance="crowd", notes=notes, variant=style.replace(" ", "-")))
        if not rows:
            raise ShapeError("lmarena: no ratings")
        return rows
