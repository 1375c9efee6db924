"""A question about its own time ("this week") is answered from articles of that time."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant import Assistant, AssistantSettings
from assistant.dates import of_the_time, present_days
from index.embeddings import MiniLMEmbeddings


@pytest.mark.parametrize(
    ("question", "days"),
    [
        ("Who became the new prime minister of the United Kingdom this week?", 14),
        ("Which band announced today that it will reunite?", 14),
        ("Which member of the administration tested positive for the second time this month?", 31),
        ("Which singer will launch a Las Vegas residency later this year?", 366),
        ("Who became prime minister of the United Kingdom in 2016?", None),
        ("How many weeks did the strike last?", None),
    ],
)
def test_a_question_about_its_own_time_reaches_back_from_its_date(
    question: str, days: int | None
) -> None:
    assert present_days(question, window_days=14) == days


def test_this_week_is_at_least_a_week_whatever_the_search_window() -> None:
    assert present_days("What happened this week?", window_days=0) == 7


def test_an_article_is_of_the_time_when_published_within_it_or_undated() -> None:
    asked = date(2022, 10, 27)
    assert of_the_time(date(2022, 10, 13), asked, 14)
    assert not of_the_time(date(2022, 10, 12), asked, 14)
    assert of_the_time(date(2022, 10, 30), asked, 14), "a later report may still answer"
    assert not of_the_time(date(2022, 12, 22), asked, 14), "its 'this week' is another week"
    assert of_the_time(None, asked, 14)


OLD = (
    "Britain's next prime minister will be a woman\n\nPublished: 2016-07-07\n\n"
    "The Conservative Party chose Home Secretary Theresa May and Energy Minister Andrea Leadsom "
    "as the two candidates to become the new prime minister of the United Kingdom.\n"
)
NEW = (
    "Rishi Sunak takes office\n\nPublished: 2022-10-25\n\n"
    "Rishi Sunak became the new prime minister of the United Kingdom on Tuesday, after Liz "
    "Truss resigned.\n"
)


def test_this_weeks_question_is_answered_from_this_weeks_articles(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, tmp_path: Path
) -> None:
    for name, text in (("old.txt", OLD), ("new.txt", NEW)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    assistant = Assistant(settings, embedder=embedder)
    assistant.ingest([tmp_path / "old.txt", tmp_path / "new.txt"])
    titles = {a.id: a.title for a in assistant.sources()}

    asked = "Who became the new prime minister of the United Kingdom this week?"
    answer = assistant.ask(asked, as_of="2022-10-27")
    assert {titles[p.article_id] for p in answer.passages} == {"Rishi Sunak takes office"}
    assert "Rishi Sunak" in answer.text and answer.citations

    # Without "this week", or without a date to count it from, older stories are read too.
    for question, as_of in (
        ("Who were the candidates to become prime minister of the United Kingdom?", "2022-10-27"),
        (asked, None),
    ):
        found = assistant.search(question, as_of=as_of)
        assert "Britain's next prime minister will be a woman" in {
            titles[p.article_id] for p in found
        }
