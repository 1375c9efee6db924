"""What a question takes for granted, read against a passage by the claim verifier, and the
contradictions after which the passage cannot answer it."""

from __future__ import annotations

from datetime import date

import pytest

from assistant import ClaimVerifier, claim_of, presupposition
from assistant.answerers import GroundedAnswerer
from assistant.presuppositions import bars_answer, claim_parse
from assistant.verify import verifier_for
from assistant.verify.nlp import parse
from index.embeddings import MiniLMEmbeddings
from index.sample import SAMPLE_DIR
from tests.records import passage_of


@pytest.fixture(scope="module")
def article() -> str:
    return next(p for p in SAMPLE_DIR.iterdir() if p.suffix == ".txt").read_text()


@pytest.fixture(scope="module")
def verifier(embedder: MiniLMEmbeddings) -> ClaimVerifier:
    return ClaimVerifier(embedder)


@pytest.mark.parametrize(
    ("question", "claim"),
    [
        ("When did the US strike in February?", "the US strike in February"),
        (
            "How many people were killed by the June 27 strikes?",
            "people were killed by the June 27 strikes",
        ),
        ("What is the name of the drone pilot?", "the drone pilot"),
        ("What two women defied the pharaoh?", "women defied the pharaoh"),
        # A count after "are" is asked for too; after "did", the question says it.
        ("What are the two responses to the problem?", "responses to the problem"),
        ("What are two types of phagocytes?", "phagocytes"),
        ("When did the two leaders meet?", "the two leaders meet"),
        ("Why were 40 thousand people evacuated?", "40 thousand people evacuated"),
        ("What were three of the causes?", "three of the causes"),
        ("In what year did Harvard win?", "Harvard win"),
        ("Which team was suspended from the MLS?", "team was suspended from the MLS"),
        ("What is one of the sources of EU law?", "sources of EU law"),
        ("Why?", ""),
        # "This week" is the asker's week, not one the article dates.
        ("Which band announced this week it will tour?", "band announced it will tour"),
        # What sets the question up is taken for granted too; the question sentence is read
        # as any question is.
        (
            "Police arrested 31 men this week at a Pride event in Idaho. Where was the event?",
            "Police arrested 31 men at a Pride event in Idaho. the event",
        ),
    ],
)
def test_claim_of_drops_what_asks(question: str, claim: str) -> None:
    assert claim_of(question) == claim


@pytest.mark.parametrize(
    "question",
    [
        "How many drones hit Arbil on June 26?",
        "When did the Pentagon say Biden ordered the strikes?",
        "Why?",
    ],
)
def test_a_question_the_article_bears_out(
    question: str, article: str, verifier: ClaimVerifier
) -> None:
    verdict = presupposition(question, article, verifier)
    assert verdict.supported, verdict.reason
    assert not verdict.contradicted


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How many drones hit Arbil on June 29?", "date"),
        ("Why did Biden refuse to order the strikes?", "polarity"),
        ("Why did the militias strike U.S. forces in Syria?", "roles"),
        # Six drones where the article counts four: another figure, not one left out.
        ("How many of the six drones hit Arbil?", "figure"),
        ("How many of the 40 facilities were in Syria?", "number"),
        # Arbil, named elsewhere, in the place where the article says Baghdad.
        ("Why did the PMF hold a military parade near Arbil?", "substitute"),
        # A bare phrase is still read, though a cited sentence would need a verb.
        ("What is the name of the June 29 drones?", "date"),
    ],
)
def test_a_question_the_article_contradicts(
    question: str, kind: str, article: str, verifier: ClaimVerifier
) -> None:
    verdict = presupposition(question, article, verifier)
    assert verdict.contradicted
    assert verdict.kind == kind, verdict.reason


def test_a_question_word_the_article_lacks_is_not_a_contradiction(
    article: str, verifier: ClaimVerifier
) -> None:
    verdict = presupposition(
        "How many people were killed by the June 27 strikes?", article, verifier
    )
    assert not verdict.supported
    assert verdict.kind == "unaccounted"
    assert not verdict.contradicted


def test_a_word_shared_with_another_sentence_does_not_make_it_the_one_restated(
    article: str, verifier: ClaimVerifier
) -> None:
    # "targeted" alone links the question to the lead ("...facilities in Iraq"); the sentence
    # on the sites says "two locations in Syria and one location in Iraq".
    verdict = presupposition("How many of the targeted sites were in Syria?", article, verifier)
    assert not verdict.contradicted, verdict.reason


def test_the_subject_of_a_passive_question_is_not_put_in_the_place_of_the_active_one(
    verifier: ClaimVerifier,
) -> None:
    # "What was Fort Helder renamed...?" takes for granted "Fort Helder renamed ...": the fort
    # is what was renamed, so the Danes who renamed it stand in no place of its.
    fort = (
        "On 3 May 1802, a Danish squadron attacked Fort Helder and took nearly all of its "
        "garrison prisoner. After the attack the Danes renamed the fort Nyborg."
    )
    question = "What was Fort Helder renamed after the Danish attack?"
    verdict = presupposition(question, fort, verifier)
    assert not verdict.contradicted, verdict.reason


def test_read_without_rewording_keeps_coverage_and_contradiction(
    article: str, embedder: MiniLMEmbeddings
) -> None:
    question = "How many people were killed by the June 27 strikes?"
    read = presupposition(question, article, verifier_for(embedder))
    skipped = presupposition(question, article, verifier_for(embedder), read_rewording=False)
    assert read.rewording is not None  # the full reading weighed the words the article lacks
    assert skipped.kind == "unaccounted"
    assert skipped.rewording is None
    assert (skipped.coverage, skipped.contradicted) == (read.coverage, read.contradicted)


@pytest.mark.parametrize(
    ("question", "barred_undated", "barred_dated"),
    [
        # Another date bars an undated text only: a news story refers back to events without
        # their dates.
        ("How many drones hit Arbil on June 29?", True, False),
        # The opposite bars any passage.
        ("Why did Biden refuse to order the strikes?", True, True),
        # So does another figure for the same thing; a figure left out, or other roles, leave
        # it to the answerability model.
        ("How many of the six drones hit Arbil?", True, True),
        # And another name in the place of the question's.
        ("Who attended the military parade near Arbil?", True, True),
        ("How many of the 40 facilities were in Syria?", False, False),
        ("Why did the militias strike U.S. forces in Syria?", False, False),
    ],
)
def test_which_contradictions_bar_an_answer(
    question: str, barred_undated: bool, barred_dated: bool, article: str, verifier: ClaimVerifier
) -> None:
    verdict = presupposition(question, article, verifier)
    assert bars_answer(verdict, None) is barred_undated, verdict.reason
    assert bars_answer(verdict, date(2021, 6, 27)) is barred_dated, verdict.reason


def test_the_other_result_bars_an_answer(verifier: ClaimVerifier) -> None:
    passage = (
        "The problem did not go away with Saddam's defeat, since American troops remained "
        "stationed in the kingdom."
    )
    question = "Where did American troops remain stationed after Saddam's win?"
    verdict = presupposition(question, passage, verifier)
    assert bars_answer(verdict, None), verdict.reason
    assert verdict.kind == "polarity"


AMAZON = (
    "The Xingu people have lived along the river for centuries. In 2003, Michael Heckenberger "
    "found remains of large settlements in the middle of the Amazon forest. The settlements "
    "were linked by roads."
)


def test_an_undated_passage_that_dates_the_event_otherwise_answers_nothing(
    embedder: MiniLMEmbeddings,
) -> None:
    answerer = GroundedAnswerer(embedder)
    passages = [passage_of(AMAZON, title="Amazon")]
    asked = answerer.draft(
        "In 2003 who found remains of large settlements in the Amazon forest?", passages
    )
    assert [s.text for s in asked.sentences][:1] == [
        "In 2003, Michael Heckenberger found remains of large settlements in the middle of the "
        "Amazon forest."
    ]
    otherwise = answerer.draft(
        "In 2000 who found remains of large settlements in the Amazon forest?", passages
    )
    assert otherwise.sentences == []
    assert "the passage gives no date '2000'" in otherwise.missing


def test_what_a_question_presupposes_is_read_in_the_questions_own_parse() -> None:
    question = "How many people were killed by the June 27 strikes?"
    claim = claim_parse(question)
    assert claim is not None
    assert claim.text == claim_of(question) == "people were killed by the June 27 strikes"
    asked = parse(question)
    assert [(t.text, t.tag_) for t in claim] == [(t.text, t.tag_) for t in asked[2:-1]]


def test_a_presupposition_with_words_taken_out_keeps_the_questions_reading() -> None:
    question = "NFL owners this week unanimously approved the sale of which football team?"
    claim = claim_parse(question)
    assert claim is not None
    assert claim.text == claim_of(question)
    asked = [t for t in parse(question) if t.text not in {"this", "week", "?"}]
    assert [(t.text, t.tag_, t.dep_, t.head.text) for t in claim] == [
        (t.text, t.tag_, t.dep_, t.head.text) for t in asked
    ]
    assert [e.text for e in claim.ents] == ["NFL"]


def test_a_name_misspelt_in_a_list_is_not_another_name(verifier: ClaimVerifier) -> None:
    # "ARPNET" is the asker's spelling of ARPANET, not another network in the list's place.
    passage = (
        "The first packet-switched networks were built in the late 1960s. ARPANET and SITA HLN "
        "became operational in 1969."
    )
    verdict = presupposition("WHen did ARPNET and SITA become operational", passage, verifier)
    assert not verdict.contradicted, verdict.reason
    verdict = presupposition("When did ARPANET and Telenet become operational?", passage, verifier)
    assert verdict.contradicted
