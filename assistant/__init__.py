"""Answering over the index: retrieval, answerers, verified citations, chat, ``ask()``.

The names below are imported on first use (PEP 562): importing one light module of the
package, such as the settings the command line reads first, must not load spaCy, torch and
scikit-learn, which cost seconds at every ``newsqa`` start.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.answerability import (
        FEATURE_NAMES,
        GATE_FEATURES,
        AnswerabilityModel,
        Features,
        gate_features,
    )
    from assistant.answerers.ranking import Candidate
    from assistant.api import AskOptions, Assistant, ask
    from assistant.chat import Chat
    from assistant.presuppositions import claim_of, presupposition
    from assistant.records import Answer, Citation, Passage
    from assistant.remote import announced
    from assistant.settings import AssistantSettings
    from assistant.terminal import printable, printable_field, printable_json
    from assistant.text import CARDINALS, question_kind
    from assistant.verify import ClaimVerifier, Verdict, check, default_verifier, rules_verifier
    from assistant.verify.nlp import spacy_pipeline
    from assistant.verify.rewording import RewordingFeatures, RewordingModel
    from index.loaders.files import COMPRESSED_SUFFIXES, SUPPORTED_SUFFIXES
    from index.pipeline import IngestReport
    from index.sample import SAMPLE_DIR as SAMPLE_CORPUS
    from index.writer_lock import IndexBusyError

# Where each public name lives.
_HOMES = {
    "FEATURE_NAMES": "assistant.answerability",
    "GATE_FEATURES": "assistant.answerability",
    "AnswerabilityModel": "assistant.answerability",
    "Features": "assistant.answerability",
    "gate_features": "assistant.answerability",
    "Candidate": "assistant.answerers.ranking",
    "Assistant": "assistant.api",
    "AskOptions": "assistant.api",
    "ask": "assistant.api",
    "Chat": "assistant.chat",
    "claim_of": "assistant.presuppositions",
    "presupposition": "assistant.presuppositions",
    "Answer": "assistant.records",
    "Citation": "assistant.records",
    "Passage": "assistant.records",
    "announced": "assistant.remote",
    "AssistantSettings": "assistant.settings",
    "CARDINALS": "assistant.text",
    "question_kind": "assistant.text",
    "ClaimVerifier": "assistant.verify",
    "Verdict": "assistant.verify",
    "check": "assistant.verify",
    "default_verifier": "assistant.verify",
    "rules_verifier": "assistant.verify",
    "same_name": "assistant.verify.substitutes",
    "spacy_pipeline": "assistant.verify.nlp",
    "RewordingFeatures": "assistant.verify.rewording",
    "RewordingModel": "assistant.verify.rewording",
    "printable": "assistant.terminal",
    "printable_field": "assistant.terminal",
    "printable_json": "assistant.terminal",
    # What the web app needs of the index, so that ui never imports index itself.
    "COMPRESSED_SUFFIXES": "index.loaders.files",
    "SUPPORTED_SUFFIXES": "index.loaders.files",
    "IndexBusyError": "index.writer_lock",
    "IngestReport": "index.pipeline",
}

__all__ = [
    "CARDINALS",
    "COMPRESSED_SUFFIXES",
    "FEATURE_NAMES",
    "GATE_FEATURES",
    "SAMPLE_CORPUS",
    "SUPPORTED_SUFFIXES",
    "Answer",
    "AnswerabilityModel",
    "AskOptions",
    "Assistant",
    "AssistantSettings",
    "Candidate",
    "Chat",
    "Citation",
    "ClaimVerifier",
    "Features",
    "IndexBusyError",
    "IngestReport",
    "Passage",
    "RewordingFeatures",
    "RewordingModel",
    "Verdict",
    "announced",
    "ask",
    "check",
    "claim_of",
    "default_verifier",
    "gate_features",
    "presupposition",
    "printable",
    "printable_field",
    "printable_json",
    "question_kind",
    "rules_verifier",
    "same_name",
    "spacy_pipeline",
]


def __getattr__(name: str) -> Any:
    if name == "SAMPLE_CORPUS":
        return import_module("index.sample").SAMPLE_DIR
    if name not in _HOMES:
        raise AttributeError(f"module 'assistant' has no attribute {name!r}")
    value = getattr(import_module(_HOMES[name]), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
