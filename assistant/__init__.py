"""Answering over the index: retrieval, answerers, verified citations, chat, ``ask()``."""

from assistant.api import Assistant, ask
from assistant.chat import Chat
from assistant.records import Answer, Citation, Passage
from assistant.settings import AssistantSettings

__all__ = ["Answer", "Assistant", "AssistantSettings", "Chat", "Citation", "Passage", "ask"]
