"""models.dev's canonical model files (`models/<org>/<id>.toml`), run through the real adapter over the shipped snapshot:
they date the makers' open-weight models, another org's hosted copy never speaks for the maker, and syncing is idempotent."""
from __future__ import annotations

import json

from ingest.plans import known_release_date
from ingest.sources import adapter_named
from ingest.sources.sync import SNAPSHOT, sync
from storage import Store

from .evidence_support import real_files
from .test_evidence_sync import bare, counts  # noqa: F401 (bare: the curated-only record, a fixture)


def _facts(store: Store, model_id: str) -> dict[str, tuple[object, str]]:
    return {r["field"]: (json.loads(r["value"]), r["entry"]) for r in store.rows(
        "select field, value, entry from model_facts where model_id = ? and source_id like 'models.dev@%'", [model_id])}


def test_a_canonical_file_dates_a_model_no_api_lists(evidence_store):
    real_files("models.dev")
    store = evidence_store
    # DeepSeek's API lists no R1 or V3 any more: only DeepSeek's own files date them
    assert known_release_date(store, "deepseek-r1") == "2025-01-20"
    assert known_release_date(store, "deepseek-v3") == "2024-12-26"
    r1 = _facts(store, "deepseek-r1")
    assert r1["release_date"] == ("2025-01-20", "models/deepseek/deepseek-r1")
    assert r1["open_weights"] == (True, "models/deepseek/deepseek-r1")
    assert r1["knowledge_cutoff"][0] == "2024-07" and "price_input" not in r1
    # a model the record lacked is added under its maker, reviewed, with its date and open weights
    llama = store.model("llama-3.1-70b-instruct")
    assert llama is not None and llama.vendor_id == "meta" and llama.reviewed
    assert (llama.release_date, llama.open_weights) == ("2024-07-23", True)


def test_an_api_entry_and_the_makers_file_of_one_model_merge_without_conflict(evidence_store):
    real_files("models.dev")
    gpt4o = _facts(evidence_store, "gpt-4o-0513")
    # OpenAI's API entry dates GPT-4o 2024-05-28; OpenAI's model file says 2024-05-13, the launch: the earliest wins
    assert gpt4o["release_date"] == ("2024-05-13", "models/openai/gpt-4o")
    assert gpt4o["price_input"] == (5.0, "openai/gpt-4o")             # the price is the API listing's
    assert {"openai/gpt-4o", "models/openai/gpt-4o"} <= set(gpt4o["catalog_id"][0])
    # equal dates agree (the API entry keeps the credit); a month-only date yields to a day within it
    assert _facts(evidence_store, "kimi-k2.5")["release_date"] == ("2026-01", "moonshotai/kimi-k2.5")
    qwen = _facts(evidence_store, "qwen2.5-72b-instruct")      # Alibaba's API entry: "2024-09"
    assert qwen["release_date"] == ("2024-09-19", "models/alibaba/qwen2.5-72b-instruct")
    # a base_model file is read through its provider entry only, never as a second entry
    entries = adapter_named("models.dev").parse(real_files("models.dev"))
    assert not [e for e in entries if e.canonical and e.entry_id in ("gpt-5", "deepseek-v4-flash-0731")]
    gpt5 = _facts(evidence_store, "gpt-5")
    assert "models/openai/gpt-5" not in gpt5["catalog_id"][0] and gpt5["release_date"][1] == "openai/gpt-5"


def test_a_file_another_org_hosts_never_speaks_for_the_maker(evidence_store):
    files = real_files("models.dev")
    hosted = ("models/alibaba/kimi-k2.5.toml", "models/alibaba/deepseek-v4-flash.toml")
    assert all(path in files for path in hosted)      # shipped on purpose: Alibaba's copies, dated and licensed its way
    entries = adapter_named("models.dev").parse(files)
    assert not [e for e in entries if e.provider == "models/alibaba" and e.entry_id in ("kimi-k2.5", "deepseek-v4-flash")]
    # even with the maker's own entries gone, the hosted copy does not make Alibaba the vendor of Kimi
    alone = {k: v for k, v in files.items() if "kimi-k2.5" not in k or k in hosted}
    assert not [e for e in adapter_named("models.dev").parse(alone) if "kimi" in e.entry_id.casefold()
                and e.provider.endswith("alibaba")]
    store = evidence_store
    kimi, flash = store.model("kimi-k2.5"), store.model("deepseek-v4-flash")
    assert (kimi.vendor_id, flash.vendor_id) == ("moonshot", "deepseek")
    for model_id in ("kimi-k2.5", "deepseek-v4-flash"):
        facts = _facts(store, model_id)
        assert not any("alibaba" in entry for _, entry in facts.values()), facts
        assert not any("alibaba" in i for i in facts["catalog_id"][0])
        assert facts["open_weights"][0] is True           # Alibaba's Kimi K2.5 file says closed
    assert _facts(store, "kimi-k2.5")["release_date"][0] != "2026-04-28"      # the day Alibaba listed it
    assert not store.rows("select name from source_names where name like 'models/alibaba/kimi%' "
                          "or name like 'models/alibaba/deepseek%'")


def test_syncing_the_catalog_twice_changes_no_row(bare):
    real_files("models.dev")
    [first] = sync(bare, ["models.dev"], SNAPSHOT, now="2026-12-01T10:00:00+00:00")
    assert first.status == "ok" and first.changed > 0
    canonical = bare.rows("select name from source_names where source = 'models.dev' and name like 'models/%' "
                          "and status = 'mapped'")
    assert len(canonical) >= 40
    before = counts(bare)
    facts = bare.rows("select model_id, field, value, entry from model_facts order by model_id, field")
    [second] = sync(bare, ["models.dev"], SNAPSHOT, now="2026-12-01T11:00:00+00:00")
    assert second.status == "unchanged" and second.changed == 0
    assert counts(bare) == before
    assert bare.rows("select model_id, field, value, entry from model_facts order by model_id, field") == facts
