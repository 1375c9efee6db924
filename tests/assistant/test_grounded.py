from __future__ import annotations

from assistant.answerers import GroundedAnswerer
from assistant.records import Passage
from index.embeddings import MiniLMEmbeddings

QUIZ = (
    "Which product remains difficult to find in many US stores due to a nationwide shortage? "
    "Parents have searched for weeks. Baby formula remains scarce in many US stores because "
    "of a nationwide shortage, and prices have risen."
)


def _passage(text: str) -> Passage:
    return Passage(
        chunk_id="c1",
        article_id="a1",
        title="News quiz",
        text=text,
        start=0,
        end=len(text),
        score=1.0,
        rank=1,
    )


def test_a_question_in_a_passage_is_never_the_answer(embedder: MiniLMEmbeddings) -> None:
    answerer = GroundedAnswerer(embedder)
    question = (
        "Which product remains difficult to find in many US stores due to a nationwide shortage?"
    )
    draft = answerer.draft(question, [_passage(QUIZ)])
    assert [s.text for s in draft.sentences] == [
        "Baby formula remains scarce in many US stores because of a nationwide shortage, and "
        "prices have risen."
    ]
