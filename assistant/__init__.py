"""Answering over the index: retrieval, answerers, verified citations, chat, ``ask()``."""

from assistant.answerability import (
    FEATURE_NAMES,
    GATE_FEATURES,
    AnswerabilityModel,
    Features,
    gate_features,
)
from assistant.answerers.grounded import Candidate
from assistant.api import Assistant, ask
from assistant.chat import Chat
from assistant.records import Answer, Citation, Passage
from assistant.settings import AssistantSettings
from assistant.text import question_kind
from assistant.verify import ClaimVerifier, Verdict, check
from index.sample import SAMPLE_DIR as SAMPLE_CORPUS

__all__ = [
    "FEATURE_NAMES",
    "GATE_FEATURES",
    "SAMPLE_CORPUS",
    "Answer",
    "AnswerabilityModel",
    "Assistant",
    "AssistantSettings",
    "Candidate",
    "Chat",
    "Citation",
    "ClaimVerifier",
    "Features",
    "Passage",
    "Verdict",
    "ask",
    "check",
    "gate_features",
    "question_kind",
]
