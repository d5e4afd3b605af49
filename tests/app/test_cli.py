"""The CLI as a user runs it: a real subprocess, a real database file, exit codes."""
from __future__ import annotations

import re
import subprocess

from bot.app.cli import command_line
import sys


def run(*args, db, input_text=None):
    return subprocess.run([*command_line(), "--db", str(db), *args], capture_output=True,
                          text=True, input=input_text, timeout=60)


def test_demo_seeds_and_answers_the_sample_compare(tmp_path):
    db = tmp_path / "demo.db"
    result = run("demo", db=db)
    assert result.returncode == 0, result.stderr
    assert "Qwen3-Max-Thinking" in result.stdout and "Claude Opus 4.5" in result.stdout
    assert "vendor claim" in result.stdout and "briefbot console" in result.stdout
    assert db.exists()


def test_ask_exit_codes(tmp_path):
    db = tmp_path / "a.db"
    ok = run("ask", "/compare qwen3-max opus-4.5", db=db)
    assert ok.returncode == 0 and "19 benchmarks" in ok.stdout
    bad = run("ask", "/compare qwen3-max", db=db)
    assert bad.returncode == 2 and "two to four" in bad.stdout


def test_seed_is_idempotent_from_the_cli(tmp_path):
    db = tmp_path / "s.db"
    first = run("seed", db=db)
    second = run("seed", db=db)
    assert first.returncode == 0 and second.returncode == 0
    assert re.search(r"; 0 rows changed", second.stdout) and not re.search(r"; 0 rows changed", first.stdout)


def test_console_reads_commands_until_quit(tmp_path):
    result = run("console", db=tmp_path / "c.db", input_text="/model kimi-k2.5\n/nope\nquit\n/brief\n")
    assert result.returncode == 0
    assert "Moonshot AI" in result.stdout and "don't know the command" in result.stdout
    assert "sourced facts" not in result.stdout  # nothing after quit is answered


def test_no_subcommand_prints_help_and_fails(tmp_path):
    result = subprocess.run(command_line(), capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "briefbot" in result.stdout
