"""Example questions are written from the articles' lead sentences, never from a title template."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from index.sample import SAMPLE_DIR
from ui.examples import Lead, Parse, questions_for
from ui.welcome import load_parser

QUESTION = re.compile(
    r"^(What|Why|Who|How|When|Where|Which|Is|Are|Will|Does|Do|Did|Has|Have)\b[^?]*\?$"
)


@pytest.fixture(scope="module")
def parse() -> Parse:
    return load_parser()


def _lead(path: Path) -> Lead:
    text = path.read_text(encoding="utf-8", errors="replace")
    return Lead(text.splitlines()[0], text)


def test_sample_article_gives_a_question_from_its_lead(parse: Parse) -> None:
    (path,) = SAMPLE_DIR.glob("*.txt")
    assert questions_for(_lead(path), parse) == [
        "Why did the U.S. military carry out air strikes against Iran-backed militias?",
        "What did the U.S. military carry out?",
    ]


def test_reported_speech_asks_what_was_said(parse: Parse) -> None:
    lead = Lead(
        "Act on detention ruling, UK urged",
        "The government must act quickly on the Law Lords' ruling that detention of foreign "
        "terror suspects without trial is unlawful, Mary Robinson has said.",
    )
    assert questions_for(lead, parse) == ["What did Mary Robinson say about the government?"]


def test_headline_already_a_question_is_used_once_marked(parse: Parse) -> None:
    assert questions_for(Lead("Will the strike end soon??", "Short."), parse) == [
        "Will the strike end soon?"
    ]
    # A headline ending in "?" that is no question is not asked as one.
    assert questions_for(Lead("Analysis: No pain, no gain?", "Too short."), parse) == []


def test_bbc_leads_give_proper_questions(parse: Parse, shared_data: Path) -> None:
    paths = sorted((shared_data / "bbc-news" / "politics").glob("*.txt"))[:30]
    questions = [q for path in paths for q in questions_for(_lead(path), parse)]
    titles = {_lead(path).title for path in paths}
    assert len(questions) >= 15
    for question in questions:
        assert QUESTION.match(question), question
        assert "??" not in question and "What happened" not in question
        assert question.rstrip("?") not in titles  # written, not the headline pasted in
        assert not re.search(r"\s[,.;:]", question), question
