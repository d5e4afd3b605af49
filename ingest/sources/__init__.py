"""Evidence sources: published leaderboards and catalogs, one small adapter each (see base.py).

The order matters: the catalogs come first, so that the models and benchmarks they add are there
for the leaderboards' names to map onto.
"""
from __future__ import annotations

from .aider import Aider
from .evalscope import EvalScope
from .livebench import LiveBench
from .lmarena import LMArena
from .models_dev import ModelsDev
from .opencompass import OpenCompass
from .swebench import SweBench

ADAPTERS = (ModelsDev(), OpenCompass(), EvalScope(), SweBench(), LiveBench(), LMArena(), Aider())


def adapter_named(name: str):
    for adapter in ADAPTERS:
        if adapter.name == name or adapter.name.replace(".", "") == name.replace(".", "").replace("-", "") or \
                adapter.name == name.replace("_", "-"):
            return adapter
    raise ValueError(f"unknown source '{name}' (known: {', '.join(a.name for a in ADAPTERS)})")
