"""Parsing chat command lines: quotes, curly quotes, unbalanced quotes, control characters, length."""
from bot.core.parse import MAX_INPUT_CHARS, parse_command, split_args


def test_words_and_quotes():
    assert split_args('qwen3-max "Claude Opus 4.5"') == ["qwen3-max", "Claude Opus 4.5"]
    assert split_args("'kimi k2.5'  opus-4.5") == ["kimi k2.5", "opus-4.5"]


def test_slack_curly_quotes_and_unbalanced_quotes():
    line = parse_command("/compare \u201cQwen3 Max Thinking\u201d \u201cClaude Opus 4.5")
    assert line.name == "compare"
    assert line.args == ("Qwen3 Max Thinking", "Claude Opus 4.5")


def test_default_command_and_empty():
    assert parse_command("kimi-k2.5", default="model").args == ("kimi-k2.5",)
    assert parse_command("   ").name == ""
    assert parse_command("/COMPARE a b").name == "compare"


def test_control_characters_and_length():
    line = parse_command("/model kimi\x00\x07k2.5")
    assert "\x00" not in "".join(line.args)
    long = parse_command("/model " + "x" * 5000)
    assert long.truncated and sum(map(len, long.args)) <= MAX_INPUT_CHARS
