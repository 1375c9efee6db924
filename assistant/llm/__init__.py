"""LLM answerers (OpenAI-compatible servers, Ollama, llama.cpp) behind the verified-citation
contract: a sentence is shown only once the claim verifier accepts its citations."""

from assistant.llm.answerer import LLMAnswerer, LLMError, Outcome
from assistant.llm.models import LLMUnavailableError, ModelSpec, chat_model

__all__ = ["LLMAnswerer", "LLMError", "LLMUnavailableError", "ModelSpec", "Outcome", "chat_model"]
