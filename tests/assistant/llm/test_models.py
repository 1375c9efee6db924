"""Choosing the chat model from one setting, and the errors that say what to do."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from assistant.llm import LLMUnavailableError, ModelSpec, chat_model
from assistant.settings import AssistantSettings
from tests.assistant.llm.support import require


def settings(**values: object) -> AssistantSettings:
    return AssistantSettings(data_dir=Path("/nonexistent"), **values)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["gpt-4o", "openai:", "vllm:x", ":model"])
def test_a_setting_that_names_no_provider_is_an_error(value: str) -> None:
    with pytest.raises(LLMUnavailableError, match="PROVIDER:MODEL"):
        ModelSpec.parse(value)


def test_a_gguf_path_keeps_its_colons() -> None:
    assert ModelSpec.parse("llamacpp:/m/a:b.gguf") == ModelSpec("llamacpp", "/m/a:b.gguf")


def test_openai_compatible_server_needs_no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    require("langchain_openai", "the 'llm' extra")
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    model = chat_model(
        settings(llm="openai:gemma", llm_base_url="http://127.0.0.1:9/v1", llm_timeout=7)
    )
    assert type(model).__name__ == "ChatOpenAI"
    assert (model.model_name, model.openai_api_base, model.request_timeout) == (  # type: ignore[attr-defined]
        "gemma",
        "http://127.0.0.1:9/v1",
        7,
    )
    assert model.max_retries == 0 and model.max_tokens == 384  # type: ignore[attr-defined]


def test_openai_without_key_or_server_says_what_to_set(monkeypatch: pytest.MonkeyPatch) -> None:
    require("langchain_openai", "the 'llm' extra")
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(LLMUnavailableError, match="NEWSQA_LLM_API_KEY"):
        chat_model(settings(llm="openai:gpt-4o-mini"))


def test_ollama_gets_its_timeout_and_token_limit() -> None:
    require("langchain_ollama", "the 'llm' extra")
    model = chat_model(settings(llm="ollama:llama3.1", llm_timeout=5, llm_max_tokens=99))
    assert type(model).__name__ == "ChatOllama"
    assert model.client_kwargs == {"timeout": 5} and model.num_predict == 99  # type: ignore[attr-defined]


def test_a_missing_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "langchain_ollama", None)  # as if not installed
    with pytest.raises(LLMUnavailableError, match=r"install the 'llm' extra"):
        chat_model(settings(llm="ollama:llama3.1"))


def test_a_missing_model_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(LLMUnavailableError, match="no GGUF model file at"):
        chat_model(settings(llm=f"llamacpp:{tmp_path / 'absent.gguf'}"))
