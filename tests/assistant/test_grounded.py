from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.answerers import GroundedAnswerer
from assistant.answerers.grounded import SHORTLIST
from index.embeddings import MiniLMEmbeddings
from tests.records import passage_of

QUIZ = (
    "Which product remains difficult to find in many US stores due to a nationwide shortage? "
    "Parents have searched for weeks. Baby formula remains scarce in many US stores because "
    "of a nationwide shortage, and prices have risen."
)


def test_a_question_in_a_passage_is_never_the_answer(embedder: MiniLMEmbeddings) -> None:
    answerer = GroundedAnswerer(embedder)
    question = (
        "Which product remains difficult to find in many US stores due to a nationwide shortage?"
    )
    draft = answerer.draft(question, [passage_of(QUIZ, title="News quiz")])
    assert [s.text for s in draft.sentences] == [
        "Baby formula remains scarce in many US stores because of a nationwide shortage, and "
        "prices have risen."
    ]


LIBRARY = (
    "The council closed the library on Monday. Readers were sent to the branch in Hill Street. "
    "Officials said the library was closed because water had come through its roof."
)


def test_the_sentence_that_answers_outranks_the_one_that_restates_the_question(
    embedder: MiniLMEmbeddings,
) -> None:
    answerer = GroundedAnswerer(embedder, max_sentences=1)
    draft = answerer.draft(
        "Why did the council close the library?", [passage_of(LIBRARY, title="Library shut")]
    )
    assert [s.text for s in draft.sentences] == [
        "Officials said the library was closed because water had come through its roof."
    ]


@pytest.mark.parametrize(
    "question",
    ["Why did the US strike in June 2021?", "Who ordered the air strikes on the militias?"],
)
def test_a_shortlist_by_in_context_vectors_keeps_the_best_sentence(
    question: str, sample_assistant: Assistant, embedder: MiniLMEmbeddings
) -> None:
    shortlisted = sample_assistant.candidates(question)
    everything = GroundedAnswerer(embedder).candidates(question, sample_assistant.search(question))
    assert len(everything) > SHORTLIST, "too few sentences to shortlist"
    assert len(shortlisted) == SHORTLIST
    assert {c.text for c in shortlisted} < {c.text for c in everything}
    assert shortlisted[0] == everything[0]


def test_a_shortlist_shorter_than_an_answer_is_refused(embedder: MiniLMEmbeddings) -> None:
    with pytest.raises(ValueError, match="shortlist: 1 is fewer than max_sentences"):
        GroundedAnswerer(embedder, shortlist=1)
