"""The chat model behind the LLM answerer, chosen by one setting (``NEWSQA_LLM``):

- ``openai:<model>``: OpenAI, or any OpenAI-compatible server at ``NEWSQA_LLM_BASE_URL``
  (vLLM, LM Studio, llama.cpp's ``python -m llama_cpp.server``);
- ``ollama:<model>``: an Ollama server (``NEWSQA_LLM_BASE_URL``, default localhost:11434);
- ``llamacpp:/path/model.gguf``: a GGUF model loaded in this process (``ChatLlamaCpp``).

The integrations are optional extras (``pip install 'newsqa[llm]'``, and ``[llamacpp]`` for
in-process models): the core install never imports them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import SecretStr

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from assistant.settings import AssistantSettings

PROVIDERS = ("openai", "ollama", "llamacpp")
# A local OpenAI-compatible server checks no key, but the client insists on one.
_NO_KEY = "not-needed"


class LLMUnavailableError(RuntimeError):
    """The configured LLM cannot be used: a bad setting, a missing extra or model file."""


@dataclass(frozen=True)
class ModelSpec:
    """``provider:model`` as written in ``NEWSQA_LLM``."""

    provider: str
    model: str

    @classmethod
    def parse(cls, value: str) -> ModelSpec:
        """Read ``openai:gpt-4o-mini``, ``ollama:llama3.1`` or ``llamacpp:/path/model.gguf``."""
        provider, sep, model = value.strip().partition(":")
        if not sep or provider not in PROVIDERS or not model.strip():
            raise LLMUnavailableError(
                f"llm: {value!r} is not PROVIDER:MODEL with PROVIDER one of {', '.join(PROVIDERS)}"
                " (e.g. NEWSQA_LLM=ollama:llama3.1)"
            )
        return cls(provider, model.strip())

    def __str__(self) -> str:
        return f"{self.provider}:{self.model}"


def chat_model(settings: AssistantSettings) -> BaseChatModel:
    """The LangChain chat model ``settings.llm`` names, with its timeout and token limit."""
    if not settings.llm:
        raise LLMUnavailableError(
            "llm: no model is configured; set NEWSQA_LLM (e.g. openai:<model> with "
            "NEWSQA_LLM_BASE_URL, ollama:<model>, llamacpp:/path/model.gguf)"
        )
    spec = ModelSpec.parse(settings.llm)
    if spec.provider == "openai":
        return _openai(spec, settings)
    if spec.provider == "ollama":
        return _ollama(spec, settings)
    return _llamacpp(spec, settings)


def _missing_extra(package: str, extra: str) -> LLMUnavailableError:
    return LLMUnavailableError(
        f"llm: {package} is not installed; install the {extra!r} extra: "
        f"pip install 'newsqa[{extra}]' (in a checkout: make install-llm)"
    )


def _openai(spec: ModelSpec, settings: AssistantSettings) -> BaseChatModel:
    try:
        from langchain_openai import ChatOpenAI
    except ImportError as error:
        raise _missing_extra("langchain-openai", "llm") from error
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    if key is None and not os.environ.get("OPENAI_API_KEY"):
        if not settings.llm_base_url:
            raise LLMUnavailableError(
                "llm: openai needs NEWSQA_LLM_API_KEY (or OPENAI_API_KEY), or "
                "NEWSQA_LLM_BASE_URL for a local OpenAI-compatible server"
            )
        key = _NO_KEY
    return ChatOpenAI(
        model=spec.model,
        api_key=SecretStr(key) if key else None,
        base_url=settings.llm_base_url,
        timeout=settings.llm_timeout,
        max_retries=0,  # a server that is down should fall back at once, not after retries
        temperature=settings.llm_temperature,
        max_completion_tokens=settings.llm_max_tokens,
        # Servers such as llama.cpp's read only the older max_tokens.
        extra_body={"max_tokens": settings.llm_max_tokens} if settings.llm_base_url else None,
        streaming=True,
    )


def _ollama(spec: ModelSpec, settings: AssistantSettings) -> BaseChatModel:
    try:
        from langchain_ollama import ChatOllama
    except ImportError as error:
        raise _missing_extra("langchain-ollama", "llm") from error
    return ChatOllama(
        model=spec.model,
        base_url=settings.llm_base_url,
        temperature=settings.llm_temperature,
        num_predict=settings.llm_max_tokens,
        client_kwargs={"timeout": settings.llm_timeout},
    )


def _llamacpp(spec: ModelSpec, settings: AssistantSettings) -> BaseChatModel:
    path = Path(spec.model).expanduser()
    if not path.is_file():
        raise LLMUnavailableError(f"llm: no GGUF model file at {path} (NEWSQA_LLM=llamacpp:PATH)")
    try:
        import llama_cpp  # noqa: F401  (ChatLlamaCpp's own message names no extra)
        from langchain_community.chat_models import ChatLlamaCpp
    except ImportError as error:
        raise _missing_extra("llama-cpp-python and langchain-community", "llamacpp") from error
    return ChatLlamaCpp(
        model_path=str(path),
        n_ctx=settings.llm_context,
        n_batch=512,
        max_tokens=settings.llm_max_tokens,
        temperature=settings.llm_temperature,
        # 0 reads them from the model file; ChatLlamaCpp's defaults would override the model's.
        rope_freq_base=0.0,
        rope_freq_scale=0.0,
        streaming=True,
        verbose=False,
        model_kwargs={"chat_format": settings.llm_chat_format} if settings.llm_chat_format else {},
    )
