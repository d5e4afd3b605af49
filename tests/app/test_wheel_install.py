"""The installed distribution works on its own: build the wheel, install it into a fresh venv outside the
checkout, and run `briefbot demo` and `briefbot ask` from there.

Mocked: nothing of briefbot. To stay offline and quick, the fresh venv reuses this venv's third-party
packages through a .pth line (they are dependencies, not what is under test); briefbot itself comes only
from the wheel, which the test checks (`bot.__file__` lies in the new venv), so any run-time file left out
of the package data fails here.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = _clean_copy(work / "src")  # no build/ or egg-info left over from editable installs
    wheels = work / "dist"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--no-build-isolation",
                            "-q", "-w", str(wheels)], capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr[-2000:]
    [wheel] = list(wheels.glob("briefbot-*.whl"))
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    install = subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
                             capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stderr[-2000:]
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    (Path(site) / "zz_dev_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return env_dir


def _clean_copy(dest: Path) -> Path:
    """The files git would ship (tracked, plus new ones not ignored), as a fresh tree."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.splitlines()
    for name in listed:
        src = ROOT / name
        if src.is_file():
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target)
    return dest


def _run(env_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "PYTHON"))}
    env.update(BRIEFBOT_DB=str(cwd / "briefbot.db"), HOME=str(cwd))
    return subprocess.run([str(env_dir / "bin" / "briefbot"), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=180, stdin=subprocess.DEVNULL)


def test_demo_and_ask_run_from_the_installed_wheel(installed, tmp_path):
    where = subprocess.run([str(installed / "bin" / "python"), "-c", "import bot, seeds; print(bot.__file__)"],
                           cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert str(installed) in where.stdout, where.stdout + where.stderr  # briefbot comes from the wheel
    demo = _run(installed, "demo", cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr[-3000:]
    assert "Qwen3-Max-Thinking" in demo.stdout and "Claude Opus 4.5" in demo.stdout
    ask = _run(installed, "ask", "/compare qwen3-max opus-4.5", cwd=tmp_path)
    assert ask.returncode == 0, ask.stderr[-3000:]
    assert "Compare" in ask.stdout and "Traceback" not in ask.stderr
    manifest = _run(installed, "slack", "manifest", cwd=tmp_path)
    assert manifest.returncode == 0 and "slash_commands" in manifest.stdout
    feeds = _run(installed, "feeds", "load", cwd=tmp_path)
    assert feeds.returncode == 0 and "feeds added" in feeds.stdout, feeds.stderr[-2000:]


def test_wheel_contents_list_the_seed_files(installed):
    [wheel] = list((installed.parent / "dist").glob("briefbot-*.whl"))  # built by the fixture
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in ("seeds/models.yaml", "seeds/feeds.yaml", "seeds/claims/kimi-k2.5.yaml",
                     "bot/frontends/slack_front/manifest.yml"):
        assert expected in names, expected
