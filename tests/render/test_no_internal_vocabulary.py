"""No reply or digest shows a repository path or the record's internal vocabulary (issue 12).

Every command is answered over the seeded record's models and vendors and rendered in all four formats,
and so is the 2026-W05 digest; none may contain a file path, "seed article"/"seed document", a raw
field name such as date_basis, or a .txt/.yaml name.
"""
from __future__ import annotations

import re

import pytest

from bot.render import FORMATS, render_as

FORBIDDEN = re.compile(r"shared/|seed document|seed article|date_basis|\.txt\b|\.yaml\b|\.yml\b", re.IGNORECASE)


def _lines(store) -> list[str]:
    models = [row[0] for row in store.model_names()]
    vendors = [v.id for v in store.vendors()]
    lines = ["/brief", "/releases", "/releases 1y", "/claims video generation", "/digest 2026-W05",
             "/digest 2026-W04", "/subscriptions", "/compare qwen3-max vs opus-4.5",
             "/compare kimi-k2.5 deepseek-v3.2 gpt-5.2 opus-4.5", "/compare kimi-k2.5 qwen3-max"]
    lines += [f"/model {m}" for m in models] + [f"/claims {m}" for m in models]
    lines += [f"/releases {v}" for v in vendors] + [f"/claims {v}" for v in vendors]
    lines += [f"/compare {a} {b}" for a, b in zip(models[::2], models[1::2])]
    return lines


def test_no_output_of_the_seed_record_contains_internal_vocabulary(ask, store):
    problems = []
    for line in _lines(store):
        reply = ask(line)
        for fmt in FORMATS:
            out = render_as(reply, fmt)
            for match in FORBIDDEN.finditer(out):
                problems.append(f"{line} [{fmt}]: …{out[max(0, match.start() - 60):match.end() + 20]}…")
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_the_w05_digest_from_the_cli_is_clean(db_path, fmt):
    from click.testing import CliRunner
    from bot.app.cli import CliState, cli
    result = CliRunner().invoke(cli, ["--db", str(db_path), "digest", "--week", "2026-W05", "--format", fmt],
                                obj=CliState())
    assert result.exit_code == 0, result.output
    assert not FORBIDDEN.search(result.output), FORBIDDEN.search(result.output)
