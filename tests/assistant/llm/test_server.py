"""End to end with a real LLM: llama.cpp's OpenAI-compatible server (and llama.cpp in-process)
running a small GGUF on 127.0.0.1. A 270M model makes mistakes; none may reach the user as a
verified citation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import Answer, Assistant, AssistantSettings
from assistant.api import llm_answerer
from assistant.llm.parsing import SentenceReader
from assistant.llm.prompts import prompt_inputs
from assistant.verify import ClaimVerifier
from index.embeddings import MiniLMEmbeddings
from tests.assistant.llm.conftest import MODEL_ALIAS

pytestmark = pytest.mark.slow
NEWSQA = str(Path(sys.executable).parent / "newsqa")

QUESTIONS = [
    "Who ordered the air strikes on the militias?",
    "How many U.S. troops are at Iraqi bases?",
]


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embedder: MiniLMEmbeddings) -> Assistant:
    settings = AssistantSettings(
        data_dir=tmp_path_factory.mktemp("llm-server-index"), progress=False, sample_if_empty=True
    )
    return Assistant(settings, embedder=embedder)


def served(assistant: Assistant, url: str, **values: object) -> AssistantSettings:
    return AssistantSettings(
        data_dir=assistant.settings.data_dir,
        llm=f"openai:{MODEL_ALIAS}",
        llm_base_url=url,
        llm_timeout=120,
        llm_max_tokens=64,  # a 270M model on 2 cores: enough for two sentences
        **values,  # type: ignore[arg-type]
    )


def unverified(answer: Answer, verifier: ClaimVerifier) -> list[str]:
    """Sentences shown with a citation the verifier, asked again, does not accept."""
    reader = SentenceReader()
    sentences = reader.feed(answer.text) + reader.close()
    wrong = []
    for sentence in sentences:
        for number in sentence.cites:
            cited = answer.citations[number - 1]
            if not verifier.check(sentence.text, cited.chunk_text, cited.published).supported:
                wrong.append(f"{sentence.text} [{number}]")
    return wrong


def test_the_server_streams_an_answer_that_parses_the_same_whole_or_in_pieces(
    llama_server: str, assistant: Assistant
) -> None:
    answerer = llm_answerer(served(assistant, llama_server))
    passages = assistant.search(QUESTIONS[0], k=2)
    streamed_chunks = answerer.chain.stream(prompt_inputs(QUESTIONS[0], passages))
    chunks = [chunk.content for chunk in streamed_chunks if isinstance(chunk.content, str)]
    assert len(chunks) > 1 and "".join(chunks).strip(), "the server streamed text"
    streamed = SentenceReader()
    pieces = [s for c in chunks for s in streamed.feed(c)] + streamed.close()
    whole = SentenceReader()
    assert pieces == whole.feed("".join(chunks)) + whole.close()


def test_no_unverified_citation_is_shown(
    llama_server: str, assistant: Assistant, verifier: ClaimVerifier
) -> None:
    assistant.answerers["llm"] = llm_answerer(served(assistant, llama_server))
    for question in QUESTIONS:
        pieces = list(assistant.stream(question, answerer="llm", k=2))
        answer = pieces[-1]
        assert isinstance(answer, Answer)
        assert "".join(p for p in pieces[:-1] if isinstance(p, str)).strip() in ("", answer.text)
        assert answer.model == f"openai:{MODEL_ALIAS}"
        assert answer.answerer in ("llm", "grounded"), answer.notice
        assert "failed" not in answer.notice, answer.notice
        assert unverified(answer, verifier) == [], question
        numbers = sorted({c.number for c in answer.citations})
        assert numbers == list(range(1, len(numbers) + 1))


def test_newsqa_ask_with_llm_prints_a_verified_answer(llama_server: str, tmp_path: Path) -> None:
    environment = {
        **os.environ,
        "NEWSQA_DATA_DIR": str(tmp_path),  # the sample article is indexed on start
        "NEWSQA_LLM_BASE_URL": llama_server,
        "NEWSQA_LLM_MAX_TOKENS": "64",
        "HF_HUB_OFFLINE": "1",
    }
    done = subprocess.run(
        [NEWSQA, "ask", QUESTIONS[0], "--json", "-k", "2", "--llm", f"openai:{MODEL_ALIAS}"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["model"] == f"openai:{MODEL_ALIAS}" and answer["citations"], answer


def test_an_in_process_gguf_answers_behind_the_same_contract(
    gguf: Path, assistant: Assistant, verifier: ClaimVerifier
) -> None:
    settings = AssistantSettings(
        data_dir=assistant.settings.data_dir,
        llm=f"llamacpp:{gguf}",
        llm_chat_format="gemma",
        llm_max_tokens=96,
    )
    assistant.answerers["llm"] = llm_answerer(settings)
    answer = assistant.ask(QUESTIONS[1], answerer="llm", k=2)
    assert answer.model == f"llamacpp:{gguf}"
    assert "failed" not in answer.notice, answer.notice
    assert unverified(answer, verifier) == []
