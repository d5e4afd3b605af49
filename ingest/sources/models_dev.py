"""models.dev: a curated catalog of model facts (release date, knowledge cutoff, open weights,
price per 1M tokens, context and output limits, modalities). Provenance `catalog`.

Published as `https://models.dev/api.json` ({provider: {models: {id: {...}}}}) and, in its
repository (`anomalyco/models.dev`), as `providers/<provider>/models/<id>.toml`; parse takes
either. Only providers that are vendors the record tracks are read.
"""
from __future__ import annotations

import json
import logging
import posixpath
import tomllib
from collections.abc import Mapping
from typing import Any

from .base import CatalogEntry, ShapeError, decode_text

log = logging.getLogger(__name__)

PROVIDER_VENDORS = {
    "anthropic": ("anthropic", "Anthropic"), "openai": ("openai", "OpenAI"),
    "google": ("google-deepmind", "Google DeepMind"), "deepseek": ("deepseek", "DeepSeek"),
    "alibaba": ("alibaba", "Alibaba Cloud"), "moonshotai": ("moonshot", "Moonshot AI"),
    "llama": ("meta", "Meta"), "xai": ("xai", "xAI"), "mistral": ("mistral", "Mistral AI"),
    "zhipuai": ("zhipu", "Zhipu AI"), "minimax": ("minimax", "MiniMax"),
}
"""models.dev provider id -> (record vendor id, vendor name). The vendor's own API listing only:
resellers (openrouter, bedrock, …) list the same models again under other ids."""


class ModelsDev:
    name = "models.dev"
    title = "models.dev model catalog"
    publisher = "models.dev"
    default_url = "https://models.dev/api.json"
    repository = "anomalyco/models.dev"
    kind = "catalog"

    def companions(self, main_name: str) -> list[str]:
        return []

    def parse(self, files: Mapping[str, bytes]) -> list[CatalogEntry]:
        tomls = {k: v for k, v in files.items() if k.endswith(".toml")}
        if tomls:
            return self._parse_tomls(tomls)
        if len(files) != 1:
            raise ShapeError("models.dev: expected api.json or providers/*/models/*.toml")
        (name, data), = files.items()
        try:
            doc = json.loads(decode_text(data, name))
        except json.JSONDecodeError as err:
            raise ShapeError(f"{name}: not valid JSON ({err.msg} at line {err.lineno})") from None
        if not isinstance(doc, dict):
            raise ShapeError(f"{name}: expected an object of providers")
        entries = []
        for provider in PROVIDER_VENDORS:
            block = doc.get(provider)
            if block is None:
                continue
            models = block.get("models") if isinstance(block, dict) else None
            if not isinstance(models, dict):
                raise ShapeError(f"{name}: provider {provider} has no 'models' object")
            for model_id, body in models.items():
                entries.append(_entry(provider, str(model_id), body, f"{name}: {provider}/{model_id}"))
        if not entries:
            raise ShapeError(f"{name}: none of the tracked providers ({', '.join(PROVIDER_VENDORS)}) is listed")
        return entries

    def _parse_tomls(self, files: Mapping[str, bytes]) -> list[CatalogEntry]:
        entries = []
        bases = {path[len("models/"):-len(".toml")]: data for path, data in files.items() if path.startswith("models/")}
        for path, data in sorted(files.items()):
            parts = path.split("/")
            if len(parts) < 4 or parts[0] != "providers" or parts[2] != "models":
                continue
            provider = parts[1]
            if provider not in PROVIDER_VENDORS:
                continue
            model_id = "/".join(parts[3:])[: -len(".toml")]
            data = _follow_link(path, data, files)
            if data is None:
                log.warning("%s: a link to a file the catalog does not have; skipped", path)
                continue
            try:
                body = tomllib.loads(decode_text(data, path))
            except tomllib.TOMLDecodeError as err:
                raise ShapeError(f"{path}: not valid TOML ({err})") from None
            base_name = body.pop("base_model", None)
            if base_name is not None:
                if base_name not in bases:
                    raise ShapeError(f"{path}: base_model {base_name} is not in the snapshot")
                try:
                    body = _merge(tomllib.loads(decode_text(bases[base_name], base_name)), body)
                except tomllib.TOMLDecodeError as err:
                    raise ShapeError(f"models/{base_name}.toml: not valid TOML ({err})") from None
            entries.append(_entry(provider, model_id, body, path))
        if not entries:
            raise ShapeError("models.dev: no model files of the tracked providers")
        return entries


def _follow_link(path: str, data: bytes, files: Mapping[str, bytes]) -> bytes | None:
    """Git stores a symbolic link as a file holding the target path (zhipuai/… -> ../../zai/…)."""
    text = data.strip()
    if text.startswith(b"../") and text.endswith(b".toml") and b"\n" not in text:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(path), text.decode()))
        return files.get(target)
    return data


def _merge(base: dict, override: dict) -> dict:
    """A provider's file names a shared `models/<base>.toml` and overrides some of its fields."""
    out = dict(base)
    for key, value in override.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _entry(provider: str, model_id: str, body: Any, where: str) -> CatalogEntry:
    if not isinstance(body, dict) or not isinstance(body.get("name"), str):
        raise ShapeError(f"{where}: a model without a 'name'")
    facts: dict[str, Any] = {}
    for key, field in (("release_date", "release_date"), ("knowledge", "knowledge_cutoff"), ("status", "status")):
        if body.get(key):
            facts[field] = str(body[key])
    if isinstance(body.get("open_weights"), bool):
        facts["open_weights"] = body["open_weights"]
    if isinstance(body.get("reasoning"), bool):
        facts["reasoning"] = body["reasoning"]
    cost = body.get("cost")
    if isinstance(cost, dict):
        for key, field in (("input", "price_input"), ("output", "price_output")):
            if isinstance(cost.get(key), (int, float)) and not isinstance(cost.get(key), bool):
                facts[field] = cost[key]
    limit = body.get("limit")
    if isinstance(limit, dict):
        for key, field in (("context", "context_limit"), ("output", "output_limit")):
            if isinstance(limit.get(key), int) and limit[key] > 0:
                facts[field] = limit[key]
    modalities = body.get("modalities")
    if isinstance(modalities, dict):
        for key, field in (("input", "input_modalities"), ("output", "output_modalities")):
            if isinstance(modalities.get(key), list):
                facts[field] = [str(m) for m in modalities[key]]
    facts["catalog_id"] = f"{provider}/{model_id}"
    facts["catalog_name"] = body["name"]
    return CatalogEntry(provider=provider, entry_id=model_id, name=body["name"], family=body.get("family"), facts=facts)
