"""`briefbot ask --format slack|discord` prints what would be sent: a compare is one message (issue 12)."""
from __future__ import annotations

import json

from click.testing import CliRunner

from bot.app.cli import CliState, cli


def _ask(db_path, fmt: str, line: str):
    result = CliRunner().invoke(cli, ["--db", str(db_path), "ask", "--format", fmt, line], obj=CliState())
    assert result.exit_code == 0, result.output
    return result.output


def test_slack_compare_is_one_message_with_a_table_block(db_path):
    messages = json.loads(_ask(db_path, "slack", "/compare qwen3-max vs opus-4.5"))
    assert len(messages) == 1
    [table] = [b for b in messages[0]["blocks"] if b["type"] == "table"]
    header = [c["text"] for c in table["rows"][0]]
    assert header == ["Benchmark", "Qwen3-Max-Thinking", "Claude Opus 4.5"]
    labels = [row[0]["text"] for row in table["rows"][1:]]
    assert "SWE-bench Verified" in labels and any(label.startswith("Humanity's Last Exam") for label in labels)
    assert "Benchmark" in messages[0]["text"]  # the text fallback carries the table too
    from slack_sdk.models.blocks import Block
    for block in messages[0]["blocks"]:
        Block.parse(block).validate_json()  # slack_sdk's block models accept every block, the table included


def test_discord_compare_is_one_message(db_path):
    messages = json.loads(_ask(db_path, "discord", "/compare qwen3-max vs opus-4.5"))
    assert len(messages) == 1
    embeds = messages[0]["embeds"]
    text = "\n".join(e.get("description", "") for e in embeds)
    # one line per benchmark row, the sources right under the table, not at the very end
    assert "**SWE-bench Verified**" in text
    where_sources = next(i for i, e in enumerate(embeds) if "Sources:" in e.get("description", ""))
    where_h2h = next(i for i, e in enumerate(embeds) if e.get("title") == "Head-to-head claims")
    assert where_sources < where_h2h


def test_four_models_fit_two_messages_on_each_platform(db_path):
    line = "/compare kimi-k2.5, deepseek-v3.2, gpt-5.2 and opus-4.5"
    assert len(json.loads(_ask(db_path, "slack", line))) <= 2
    assert len(json.loads(_ask(db_path, "discord", line))) <= 2
