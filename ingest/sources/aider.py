"""Aider polyglot leaderboard (aider.chat): pass rate on 225 Exercism exercises in six languages.

Published in `Aider-AI/aider` as `aider/website/_data/polyglot_leaderboard.yml`, a list of
runs (model, edit_format, pass_rate_2, total_cost, date, command, …). The headline figure is
`pass_rate_2` (percent correct after the second try), measured by the Aider maintainers (or
contributors running aider's benchmark harness): provenance `independent`.
"""
from __future__ import annotations

from collections.abc import Mapping

from .base import ScoreRow, ShapeError, number, printed, yaml_list


class Aider:
    name = "aider"
    title = "Aider polyglot leaderboard"
    publisher = "Aider"
    default_url = ("https://raw.githubusercontent.com/Aider-AI/aider/main/aider/website/_data/"
                   "polyglot_leaderboard.yml")
    repository = "Aider-AI/aider"
    kind = "leaderboard"

    def companions(self, main_name: str) -> list[str]:
        return []

    def parse(self, files: Mapping[str, bytes]) -> list[ScoreRow]:
        (name, data), = files.items()
        doc = yaml_list(data, name, "runs")
        rows = []
        for i, run in enumerate(doc):
            where = f"{name}: run {i}"
            if not isinstance(run, dict) or "model" not in run or "pass_rate_2" not in run:
                raise ShapeError(f"{where}: missing 'model' or 'pass_rate_2'")
            value = number(run["pass_rate_2"], where)
            if value is None:
                continue
            fmt = run.get("edit_format")
            cost = run.get("total_cost")
            text = printed(run["pass_rate_2"])
            date = str(run.get("date")) if run.get("date") else None
            notes = "; ".join(x for x in (
                f"cost ${float(cost):.2f}" if isinstance(cost, (int, float)) and cost else None,
                f"well-formed {run['percent_cases_well_formed']}%" if run.get("percent_cases_well_formed") is not None else None,
                f"command: {run['command']}" if run.get("command") else None) if x) or None
            rows.append(ScoreRow(
                name=str(run["model"]), benchmark="aider-polyglot", value=value, value_text=text,
                quote=f"{run['model']} | Percent correct ({fmt}) | {text}", scope="overall",
                settings=f"aider, edit format {fmt}" if fmt else "aider", date=date, notes=notes,
                variant=str(run.get("dirname") or i)))
        if not rows:
            raise ShapeError(f"{name}: no runs")
        return rows
