from __future__ import annotations

import pytest

from assistant.answerers import GroundedAnswerer
from assistant.denials import affirmed, denied, denied_instead, denies
from assistant.text import content_terms
from index.embeddings import MiniLMEmbeddings
from tests.records import passage_of


@pytest.mark.parametrize(
    ("question", "verbs"),
    [
        ("Which city did many Acadians not move to?", {"move"}),
        ("Who did not concur that 1 is a prime number?", {"concur"}),
        ("The Asante and Lunda Empires were not in which region?", {"be"}),
        ("Which city didn't many Acadians move to?", {"move"}),
        ("Who can’t vote in the election?", {"vote"}),
        # The negation is in a clause the question does not ask about.
        ("Who did BSkyB team up with because it was not part of the consortium?", set()),
        ("Which city did many Acadians move to?", set()),
    ],
)
def test_a_question_denies_only_what_its_main_clause_negates(
    question: str, verbs: set[str]
) -> None:
    assert denied(question) == verbs


def test_a_denial_is_answered_by_a_sentence_negating_the_same_verb() -> None:
    verbs = denied("Which city did many Acadians not move to?")
    assert denies("Many Acadians did not move to Quebec.", verbs)
    assert denies("Few of them never moved to Boston.", verbs)
    assert not denies("Many Acadians moved to New Orleans.", verbs)
    # A negation of another verb does not say where they did not move.
    assert not denies("Many Acadians, who did not speak English, moved to New Orleans.", verbs)


def test_a_light_verb_is_answered_by_any_negated_clause() -> None:
    verbs = denied("The Asante and Lunda Empires were not in which region?")
    assert denies("The empires never reached the coast.", verbs)
    assert not denies("The empires reached the coast.", verbs)


def test_a_light_verb_s_negated_clause_must_speak_of_what_is_asked() -> None:
    question = "What is not a problem with internet pharmacies?"
    verbs, about = denied(question), content_terms(question)
    # The negated clause says nothing of problems or pharmacies ...
    assert not denies(
        "Some internet pharmacies sell prescription drugs without requiring a prescription.",
        verbs,
        about,
    )
    assert not denies("It is not clear how many there are.", verbs, about)
    # ... where one that does may answer.
    assert denies("Price is not a problem with internet pharmacies.", verbs, about)
    assert denies("Internet pharmacies do not suffer from a lack of choice.", verbs, about)


ACADIANS = (
    "The British deported the Acadians in 1755. Many Acadians later moved to New Orleans, "
    "which they had expected to remain French."
)


def test_what_did_not_happen_is_not_answered_by_what_did(embedder: MiniLMEmbeddings) -> None:
    answerer = GroundedAnswerer(embedder)
    passages = [passage_of(ACADIANS, title="Acadians")]
    asked = answerer.draft("Which city did many Acadians move to?", passages)
    assert [s.text for s in asked.sentences][:1] == [
        "Many Acadians later moved to New Orleans, which they had expected to remain French."
    ]
    denied_draft = answerer.draft("Which city did many Acadians not move to?", passages)
    assert denied_draft.sentences == []


def test_an_affirmative_question_is_not_answered_by_a_denial() -> None:
    verbs = affirmed("What element do squalene and the carotenes contain?")
    assert verbs == {"contain"}
    assert denied_instead("Squalene and the carotenes contain no oxygen.", verbs)
    assert not denied_instead("Squalene contains carbon and hydrogen.", verbs)
    # Said of one thing and denied of another, the verb still answers.
    assert not denied_instead("Squalene contains no oxygen, but contains carbon.", verbs)
    # What did happen, later or to others, is no denial.
    assert not denied_instead("It did not contain oxygen until 1900.", verbs)
    assert not denied_instead("Unlike squalene, the carotenes contain no oxygen.", verbs)
    # What sets the question up is not asked.
    assert affirmed("Police raided a bar. When did they leave?") == {"leave"}
