"""Extractors: text in, candidate mentions, releases and claims out (see types.py).

`RuleExtractor` (rules.py) is the default and needs nothing but the record;
`LLMExtractor` (llm.py) is used only when an endpoint and a model are
configured and asked for. Both return the same `Extraction`.
"""
from __future__ import annotations

from .gazetteer import Gazetteer
from .rules import RuleExtractor, SourceContext
from .types import CandidateClaim, CandidateRelease, Extraction, Mention, ModelRef

__all__ = ["Gazetteer", "RuleExtractor", "SourceContext", "CandidateClaim", "CandidateRelease", "Extraction",
           "Mention", "ModelRef", "build_extractor"]


def build_extractor(store, settings=None, *, use_llm: bool = False):
    """The rules extractor, or the LLM one when asked for and configured (else a clear ValueError)."""
    gaz = Gazetteer.from_store(store)
    if not use_llm:
        return RuleExtractor(gaz)
    from .llm_extractor import LLMExtractor, LLMExtractorConfig
    config = LLMExtractorConfig.from_settings(settings)
    if config is None:
        raise ValueError("the LLM extractor needs OPENAI_BASE_URL and BRIEFBOT_LLM_MODEL")
    return LLMExtractor(gaz, config)
