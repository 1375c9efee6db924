"""What the answerability model reads of a question and a sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import AnswerabilityModel, Assistant, AssistantSettings
from assistant.answerability import (
    answer_type_met,
    load_model,
    missing_names,
    other_time,
    restates,
)
from assistant.text import question_kind
from index.embeddings import MiniLMEmbeddings


@pytest.mark.parametrize(
    ("question", "sentence", "met"),
    [
        ("How many people were killed?", "Three people were killed on Sunday.", 1.0),
        ("How many people were killed?", "People were killed in 2021.", 0.0),
        ("When did the strikes happen?", "The strikes happened on June 27.", 1.0),
        ("When did the strikes happen?", "The strikes hit three facilities.", 0.0),
        ("Why did the US strike?", "It struck in retaliation for drone attacks.", 1.0),
        ("Why did the US strike?", "The US struck three facilities.", 0.0),
        ("Who ordered the strikes?", "President Joe Biden ordered the strikes.", 1.0),
    ],
)
def test_the_kind_of_answer_asked_for_is_recognised(
    question: str, sentence: str, met: float
) -> None:
    assert answer_type_met(question, sentence) == met


def test_a_sentence_that_says_the_question_back_is_told_from_one_that_answers() -> None:
    question = "Why did the council close the library?"
    assert restates(question, "The council closed the library on Monday.")
    assert not restates(question, "The library was closed because water came through its roof.")


def test_names_and_numbers_the_passage_never_mentions_are_counted() -> None:
    passage = "The Normans gave their name to Normandy in the 10th century."
    assert missing_names("When did the Normans reach Normandy?", passage) == 0.0
    assert missing_names("When did the Vikings reach Normandy?", passage) == 0.5


@pytest.mark.parametrize(
    ("sentence", "elsewhen"),
    [
        ("Officials said on June 26 that four drones hit Arbil.", True),
        ("In February, rockets killed a contractor.", True),
        ("The strikes on June 27 hit three facilities.", False),
        ("The strikes of 27 June hit three facilities.", False),
        ("Strikes late on June 26-27 hit three facilities.", False),
        ("In June, the strikes hit three facilities.", False),
        ("The strikes hit three facilities.", False),
    ],
)
def test_a_sentence_about_another_day_is_about_another_time(sentence: str, elsewhen: bool) -> None:
    assert other_time("How many were killed by the June 27 strikes?", "", sentence) == elsewhen


def test_question_kinds_are_one_list_for_answerer_and_eval() -> None:
    assert [
        question_kind(q)
        for q in (
            "How much did it cost?",
            "Which year was it?",
            "Which country won?",
            "Whose plan?",
            "What happened?",
        )
    ] == ["how many", "when", "where", "who", "what"]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Who was president when the war began?", "who"),
        ("What sentence was she given when she was found guilty?", "what"),
        ("What type of wages result from jobs where demand is high?", "what"),
        ("How many miles does one walk when crossing the John W. Weeks Bridge?", "how many"),
        ("In what year was J.I. Pontanus born?", "when"),
        ("What were the reasons why residents moved to the town?", "why"),
        ("Police arrested 31 men this week at a parade. Where was the event?", "where"),
        ("Many residents who fled were hit again. What was the name of the storm?", "what"),
    ],
)
def test_the_question_word_that_comes_first_sets_the_kind(question: str, kind: str) -> None:
    assert question_kind(question) == kind


def test_the_shipped_model_says_how_it_was_fitted() -> None:
    model = load_model()
    assert model.fitted_on.startswith("newsqa eval fit-answerability")
    assert 0 < model.threshold < 1


def test_a_saved_model_reads_back_the_same(tmp_path: Path) -> None:
    model = load_model()
    written = model.save(tmp_path / "answerability.json")
    assert written == tmp_path / "answerability.json"
    assert load_model(written) == model


def test_a_file_that_is_no_model_is_named_in_the_error(tmp_path: Path) -> None:
    broken = tmp_path / "answerability.json"
    broken.write_text('{"weights": "heavy"}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"answerability\.json: not an answerability model"):
        load_model(broken)


def test_an_assistant_reads_the_model_its_settings_name(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, tmp_path: Path
) -> None:
    # The neutral model, which fit-answerability gathers candidates with, gives every sentence
    # and every question one half.
    neutral = AnswerabilityModel.neutral().save(tmp_path / "neutral.json")
    assistant = Assistant(
        settings.model_copy(update={"answerability_model": neutral, "sample_if_empty": True}),
        embedder=embedder,
    )
    answer = assistant.ask("Why did the US strike in June 2021?")
    assert not answer.refused
    assert answer.confidence == 0.5
    assert {c.probability for c in assistant.candidates("Why did the US strike?")} == {0.5}
