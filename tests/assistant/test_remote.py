"""`newsqa ask` reuses a running `newsqa serve` of the same index instead of loading models."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from assistant.remote import (
    ServerUnavailableError,
    announced,
    announcement_path,
    ask_server,
    running_server,
)
from assistant.settings import AssistantSettings
from tests.network import free_port, newsqa_serve

NEWSQA = str(Path(sys.executable).with_name("newsqa"))
SAMPLE_URL = "https://www.rferl.org/a/us-strike-iran-militia-iraq-syria/31328792.html"


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_an_announcement_lives_as_long_as_its_server(settings: AssistantSettings) -> None:
    with announced(settings, "http://127.0.0.1:1/"):
        assert running_server(settings) == "http://127.0.0.1:1/"
    assert not announcement_path(settings).exists()
    assert running_server(settings) is None


def test_an_announcement_left_by_a_killed_server_is_ignored(settings: AssistantSettings) -> None:
    path = announcement_path(settings)
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"url": "http://127.0.0.1:1/", "pid": _dead_pid()}))
    assert running_server(settings) is None
    path.write_text("not json")
    assert running_server(settings) is None


def test_a_server_that_does_not_answer_is_reported_unavailable() -> None:
    with pytest.raises(ServerUnavailableError, match="could not answer"):
        ask_server(f"http://127.0.0.1:{free_port()}/", "Why?")


def _env(data_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "NEWSQA_DATA_DIR": str(data_dir),
        "NEWSQA_PROGRESS": "0",
        "HF_HUB_OFFLINE": "1",
    }


@contextmanager
def _serving(data_dir: Path) -> Iterator[str]:
    """A real ``newsqa serve`` of ``data_dir``, its URL once its assistant has loaded."""
    settings = AssistantSettings(data_dir=data_dir)
    port = free_port()
    with newsqa_serve(port, _env(data_dir)) as server:
        url = None
        for _ in range(240):  # the server announces itself once it listens
            url = running_server(settings)
            if url or server.poll() is not None:
                break
            time.sleep(0.5)
        assert url == f"http://127.0.0.1:{port}/", server.stderr and server.poll()
        ask_server(url, "warm up")  # waits until the server has loaded its assistant
        yield url
    assert not announcement_path(settings).exists()


@pytest.mark.slow
def test_ask_goes_to_the_running_server_without_loading_models(tmp_path: Path) -> None:
    env = _env(tmp_path / "data")
    with _serving(tmp_path / "data"):
        asked = subprocess.run(
            [sys.executable, "-X", "importtime", NEWSQA, "ask", "Why did the US strike?", "--json"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

        assert asked.returncode == 0, asked.stderr[-2000:]
        answer = json.loads(asked.stdout)
        assert "in retaliation for drone attacks" in answer["text"]
        assert answer["citations"][0]["url"] == SAMPLE_URL
        imported = {line.rsplit("|", 1)[-1].strip() for line in asked.stderr.splitlines()}
        assert "gradio_client" in imported
        assert not {"torch", "spacy", "sentence_transformers", "chromadb"} & imported

        # A conversation goes to the server too, follow-ups included.
        chatted = subprocess.run(
            [sys.executable, "-X", "importtime", NEWSQA, "chat"],
            input=f"{FIRST}\n{FOLLOW_UP}\n",
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert chatted.returncode == 0, chatted.stderr[-2000:]
    _assert_two_answers(chatted.stdout)
    imported = {line.rsplit("|", 1)[-1].strip() for line in chatted.stderr.splitlines()}
    assert not {"torch", "spacy", "chromadb"} & imported, "`chat` asked the server"


@pytest.mark.slow
def test_a_chat_whose_server_cannot_answer_goes_on_here(tmp_path: Path) -> None:
    settings = AssistantSettings(data_dir=tmp_path / "data")
    # Announced by a live process (this one) at a port where nothing listens.
    with announced(settings, f"http://127.0.0.1:{free_port()}/"):
        chatted = subprocess.run(
            [NEWSQA, "chat"],
            input=f"{FIRST}\n{FOLLOW_UP}\n",
            env=_env(tmp_path / "data"),  # an empty index: the sample article is indexed
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert chatted.returncode == 0, chatted.stderr[-2000:]
    assert "could not answer" in chatted.stderr and "answering here" in chatted.stderr
    _assert_two_answers(chatted.stdout)


FIRST = "Why did the US strike in June 2021?"
FOLLOW_UP = "And when was the strike before that?"


def _assert_two_answers(printed: str) -> None:
    """The chat answered FIRST with the June strikes and then FOLLOW_UP with February's."""
    greeting, first, *rest = printed.splitlines()
    assert greeting.startswith("Ask about the indexed articles")
    assert "in retaliation for drone attacks" in first and "February" not in first
    assert any(line.startswith("In February, the U.S. military launched") for line in rest)


def _article(title: str, published: str, text: str) -> dict[str, str]:
    slug = title.lower().replace(" ", "-")
    url = f"https://zorb.example/{published}/{slug}"
    return {
        "title": title,
        "outlet": "Zorb Herald",
        "published": published,
        "url": url,
        "text": text,
    }


# The same story told twice, months apart, among other news of the country: an as-of date
# decides which telling answers.
GLACIER_TAX = [
    _article(
        "Zorbland sets glacier tax at 40 zorbs",
        "2024-03-03",
        "The parliament of Zorbland set a glacier tax of 40 zorbs per visitor on Sunday, "
        "officials said. The money will repair mountain trails damaged by melting ice.",
    ),
    _article(
        "Zorbland raises glacier tax to 60 zorbs",
        "2024-09-01",
        "The parliament of Zorbland raised the glacier tax to 60 zorbs per visitor on Sunday, "
        "officials said. Visitor numbers had doubled over the summer.",
    ),
    _article(
        "Zorbland opens a new railway",
        "2024-05-12",
        "Zorbland opened a railway line between its two largest cities on Friday, the "
        "transport ministry said. Trains will run every hour.",
    ),
    _article(
        "Zorbland elects a new speaker",
        "2024-06-20",
        "The parliament of Zorbland elected a new speaker on Thursday after the previous one "
        "retired, officials said.",
    ),
    _article(
        "Zorbland fishing quotas cut",
        "2024-07-08",
        "Zorbland cut fishing quotas for the coming year by a fifth, the fisheries minister "
        "announced on Monday.",
    ),
]


@pytest.mark.slow
def test_the_server_answers_as_of_the_date_it_is_given(tmp_path: Path) -> None:
    articles = tmp_path / "glacier-tax.jsonl"
    articles.write_text("\n".join(json.dumps(a) for a in GLACIER_TAX), encoding="utf-8")
    ingested = subprocess.run(
        [NEWSQA, "ingest", str(articles)],
        env=_env(tmp_path / "data"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ingested.returncode == 0, ingested.stderr[-2000:]
    question = "How much is the Zorbland glacier tax per visitor?"
    with _serving(tmp_path / "data") as url:
        latest = ask_server(url, question)
        in_march = ask_server(url, question, as_of="2024-03-10")
        in_september = ask_server(url, question, as_of=date(2024, 9, 10))
        with pytest.raises(ValueError, match="as_of: cannot read 'someday' as a date"):
            ask_server(url, question, as_of="someday")
        asked = subprocess.run(
            [sys.executable, "-X", "importtime", NEWSQA, "ask", question, "--as-of", "2024-03-10"],
            env=_env(tmp_path / "data"),
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert asked.returncode == 0, asked.stderr[-2000:]
    assert "40 zorbs" in asked.stdout and "60 zorbs" not in asked.stdout
    imported = {line.rsplit("|", 1)[-1].strip() for line in asked.stderr.splitlines()}
    assert not {"torch", "spacy", "chromadb"} & imported, "`ask --as-of` asked the server"

    assert "60 zorbs" in latest.text
    # In March the March telling ranks first and answers; the one of September is not cited.
    assert in_march.passages[0].published == date(2024, 3, 3)
    assert "40 zorbs" in in_march.text and "60 zorbs" not in in_march.text
    assert [c.url for c in in_march.citations] == [GLACIER_TAX[0]["url"]]
    assert in_september.passages[0].published == date(2024, 9, 1)
    assert "60 zorbs" in in_september.text
    assert in_september.citations[0].url == GLACIER_TAX[1]["url"]
