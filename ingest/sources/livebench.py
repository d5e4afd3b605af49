"""LiveBench (livebench.ai): independent scores per task and per category, per model variant.

Published in `LiveBench/livebench.github.io` as `public/table_YYYY_MM_DD.csv` (a `model`
column, then one column per task) with `public/categories_YYYY_MM_DD.json` beside it
({category: [task, …]}). A category's figure is the mean of its tasks and the overall figure
the mean of the categories, as the LiveBench site computes them; a model missing a task gets
no category figure for it (never an average over fewer tasks).
"""
from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections.abc import Mapping

from .base import ScoreRow, ShapeError, decode_text, number

log = logging.getLogger(__name__)

_TABLE = re.compile(r"table_(\d{4})_(\d{2})_(\d{2})\.csv$")


class LiveBench:
    name = "livebench"
    title = "LiveBench leaderboard"
    publisher = "LiveBench"
    # the newest release known here (each release is a new file; `sources sync livebench --from URL` takes another)
    default_url = "https://raw.githubusercontent.com/LiveBench/livebench.github.io/main/public/table_2026_06_25.csv"
    repository = "LiveBench/livebench.github.io"
    kind = "leaderboard"

    def companions(self, main_name: str) -> list[str]:
        return [main_name.replace("table_", "categories_").replace(".csv", ".json")]

    def parse(self, files: Mapping[str, bytes]) -> list[ScoreRow]:
        tables = [k for k in files if k.endswith(".csv")]
        if len(tables) != 1:
            raise ShapeError("livebench: expected one table_YYYY_MM_DD.csv")
        table_name = tables[0]
        match = _TABLE.search(table_name)
        date = "-".join(match.groups()) if match else None
        text = decode_text(files[table_name], table_name)
        reader = csv.reader(io.StringIO(text))
        header = next(reader, None)
        if not header or header[0].strip() != "model" or len(header) < 2:
            raise ShapeError(f"{table_name}: first column is not 'model'")
        tasks = [h.strip() for h in header[1:]]
        categories: dict[str, list[str]] = {}
        cat_names = [k for k in files if k.endswith(".json")]
        if cat_names:
            try:
                categories = json.loads(decode_text(files[cat_names[0]], cat_names[0]))
            except json.JSONDecodeError as err:
                raise ShapeError(f"{cat_names[0]}: not valid JSON ({err.msg})") from None
            if not isinstance(categories, dict) or not all(isinstance(v, list) for v in categories.values()):
                raise ShapeError(f"{cat_names[0]}: expected {{category: [task, …]}}")
            missing = sorted({t for ts in categories.values() for t in ts} - set(tasks))
            if missing:
                raise ShapeError(f"{table_name}: missing task column(s) {', '.join(missing[:3])}")
        rows: list[ScoreRow] = []
        records = [(n, r) for n, r in enumerate(reader, start=2) if r and r[0].strip()]
        bad = [n for n, r in records if len(r) != len(header)]
        if bad and (bad[-1] == records[-1][0] or len(bad) > max(2, len(records) // 10)):
            raise ShapeError(f"{table_name}: line {bad[-1]} has {len(records[-1][1]) if bad[-1] == records[-1][0] else 'a wrong number of'} "
                             f"cells, the header {len(header)} (truncated or reshaped?)")
        if bad:
            # the published table has a few ragged rows (a model with missing tasks): which task a
            # cell belongs to is unknowable, so those rows are left out, and said so in the log
            log.warning("%s: lines %s have the wrong number of cells; skipped", table_name, ", ".join(map(str, bad)))
        for line_no, record in records:
            if len(record) != len(header):
                continue
            name = record[0].strip()
            scores: dict[str, float] = {}
            for task, cell in zip(tasks, record[1:]):
                value = number(cell, f"{table_name}: line {line_no}, {task}")
                if value is None:
                    continue
                scores[task] = value
                rows.append(ScoreRow(name=name, benchmark="livebench", value=value, value_text=cell.strip(),
                                     quote=f"{name} | {task} | {cell.strip()}", scope=f"task {task}", date=date))
            means = {}
            for category, members in categories.items():
                if members and all(t in scores for t in members):
                    means[category] = sum(scores[t] for t in members) / len(members)
                    text_value = f"{means[category]:.1f}"
                    rows.append(ScoreRow(name=name, benchmark="livebench", value=round(means[category], 1),
                                         value_text=text_value, scope=f"category {category}", date=date,
                                         quote=f"{name} | {category} (mean of {', '.join(members)}) | {text_value}",
                                         notes="Category figure computed from the published task scores (mean)."))
            if categories and len(means) == len(categories):
                overall = sum(means.values()) / len(means)
                text_value = f"{overall:.1f}"
                rows.append(ScoreRow(name=name, benchmark="livebench", value=round(overall, 1), value_text=text_value,
                                     scope="overall", date=date, quote=f"{name} | Global average | {text_value}",
                                     notes="Global average computed from the published task scores "
                                           "(mean of category means, as the LiveBench site does)."))
        if not rows:
            raise ShapeError(f"{table_name}: no scores")
        return rows
