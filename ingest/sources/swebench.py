"""SWE-bench (swebench.com): resolved rates on SWE-bench Verified.

Published in `SWE-bench/swe-bench.github.io` as `data/leaderboards.json`
({"leaderboards": [{"name", "results": [...]}]}). Two kinds of figure, kept apart:
- the **bash-only** board: one minimal agent (mini-SWE-agent) for every model, run by the
  maintainers: the independent SWE-bench Verified figure of a *model*;
- the **Verified** board: *submitted systems* (an agent plus one or more models), evaluated by
  the maintainers' harness; their settings say "submitted system: <name>" so that they are never
  compared like with like with a model's figure. Systems naming several models are skipped.
Other boards (Lite, Test, Multimodal) are other benchmarks the record does not track yet.
"""
from __future__ import annotations

import json
from collections.abc import Mapping

from .base import ScoreRow, ShapeError, decode_text, number, printed


class SweBench:
    name = "swe-bench"
    title = "SWE-bench leaderboards"
    publisher = "SWE-bench"
    default_url = "https://raw.githubusercontent.com/SWE-bench/swe-bench.github.io/main/data/leaderboards.json"
    repository = "SWE-bench/swe-bench.github.io"
    kind = "leaderboard"

    def companions(self, main_name: str) -> list[str]:
        return []

    def parse(self, files: Mapping[str, bytes]) -> list[ScoreRow]:
        (name, data), = files.items()
        try:
            doc = json.loads(decode_text(data, name))
        except json.JSONDecodeError as err:
            raise ShapeError(f"{name}: not valid JSON ({err.msg} at line {err.lineno}; truncated?)") from None
        boards = doc.get("leaderboards") if isinstance(doc, dict) else None
        if not isinstance(boards, list):
            raise ShapeError(f"{name}: no 'leaderboards' list")
        by_name = {b.get("name"): b for b in boards if isinstance(b, dict)}
        if "bash-only" not in by_name:
            raise ShapeError(f"{name}: no 'bash-only' board (boards: {', '.join(map(str, by_name))[:120]})")
        rows = []
        for board_name in ("bash-only", "Verified"):
            board = by_name.get(board_name)
            if board is None:
                continue
            results = board.get("results")
            if not isinstance(results, list):
                raise ShapeError(f"{name}: board {board_name} has no 'results' list")
            for i, r in enumerate(results):
                where = f"{name}: {board_name} result {i}"
                if not isinstance(r, dict) or "name" not in r or "resolved" not in r:
                    raise ShapeError(f"{where}: missing 'name' or 'resolved'")
                value = number(r["resolved"], where)
                if value is None:
                    continue
                tags = [str(t) for t in r.get("tags") or ()]
                models = [t.split(":", 1)[1].strip() for t in tags if t.startswith("Model:")]
                orgs = [t.split(":", 1)[1].strip() for t in tags if t.startswith("Org:")]
                attempts = next((t.split("-", 1)[1].strip() for t in tags if t.startswith("System: Attempts")), None)
                checked = r.get("checked") is True
                text = printed(r["resolved"])
                if board_name == "bash-only":
                    agent = "mini-SWE-agent" + (f" {r['mini-swe-agent_version']}" if r.get("mini-swe-agent_version") else "")
                    rows.append(ScoreRow(
                        name=str(r["name"]), benchmark="swe-bench-verified", value=value, value_text=text,
                        quote=f"{r['name']} | % Resolved (bash-only) | {text}", scope="overall",
                        settings=f"{agent} bash-only, {attempts or '1'} attempt", date=r.get("date"),
                        notes="bash-only board: the same minimal agent for every model, run by the SWE-bench maintainers.",
                        vendor_hint=orgs[0] if orgs else None, model_tag=models[0] if len(models) == 1 else None,
                        variant="bash-only"))
                elif len(models) == 1:
                    rows.append(ScoreRow(
                        name=models[0], benchmark="swe-bench-verified", value=value, value_text=text,
                        quote=f"{r['name']} | % Resolved | {text}", scope="overall",
                        settings=f"submitted system: {r['name']}" + (f", {attempts} attempts" if attempts else ""),
                        date=r.get("date"), variant=str(r.get("folder") or r["name"]),
                        notes=(f"Submitted by {', '.join(orgs) or 'unknown'}; "
                               f"{'checked' if checked else 'not checked'} by the SWE-bench maintainers."),
                        vendor_hint=None))
        if not rows:
            raise ShapeError(f"{name}: no results")
        return rows
