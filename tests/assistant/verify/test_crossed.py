"""Crossed clauses, on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Token

from assistant.verify.crossed import crossed_clause, crossed_phrase
from assistant.verify.nlp import parse
from assistant.verify.polarity import same_as


def _alike(a: Token, b: Token) -> bool:
    return a.lemma_ == b.lemma_ or b.lemma_ in same_as(a.lemma_)


@pytest.mark.parametrize(
    ("passage", "sentence", "subject", "other_subject"),
    [
        (
            "Chelsea beat Arsenal, while Liverpool drew with Everton.",
            "Chelsea drew with Arsenal.",
            "Chelsea",
            "Liverpool",
        ),
        (  # the subjects told apart only by their prepositional phrases
            "Families of those killed will receive 100,000 AFN, while families of those "
            "injured will get 50,000 AFN.",
            "Families of those injured will receive 100,000 AFN.",
            "families of those injured",
            "Families of those killed",
        ),
        (  # one clause passive, the other not
            "Jones resigned on Monday, while Smith was promoted.",
            "Smith resigned on Monday.",
            "Smith",
            "Jones",
        ),
        (  # who acts in a passive is its "by" phrase
            "The bill was backed by the Tories, while Labour opposed it.",
            "The bill was opposed by the Tories.",
            "the Tories",
            "Labour",
        ),
        (  # what a "be" says its subject is
            "Smith is the chairman of the club, while Jones is its treasurer.",
            "Smith is the treasurer of the club.",
            "Smith",
            "Jones",
        ),
    ],
)
def test_a_subject_given_its_sibling_clause_s_verb_is_crossed(
    passage: str, sentence: str, subject: str, other_subject: str
) -> None:
    found = crossed_clause(parse(sentence), list(parse(passage).sents), _alike)
    assert found is not None
    assert (found.subject, found.other_subject) == (subject, other_subject)


def test_a_crossed_clause_is_told_with_its_auxiliaries_and_what_be_says() -> None:
    passage = "Smith is the chairman of the club, while Jones did not stand."
    found = crossed_clause(parse("Jones is the chairman."), list(parse(passage).sents), _alike)
    assert found is not None
    assert (found.verb, found.other_verb) == ("did not stand", "is the chairman of the club")


@pytest.mark.parametrize(
    ("passage", "sentence"),
    [
        # Each subject with its own verb.
        ("Chelsea beat Arsenal, while Liverpool drew with Everton.", "Liverpool drew."),
        # A second verb without a subject of its own is its first's subject's.
        ("Chelsea beat Arsenal and drew with Everton.", "Chelsea drew with Everton."),
        # Said of the subject elsewhere in the passage as well.
        (
            "Jones resigned on Monday, while Smith was promoted. Smith resigned a week later.",
            "Smith resigned.",
        ),
        # The passage varies its verbs: imports that grew rose.
        (
            "US exports rose 12.3% to $1.15 trillion, while imports grew 16.3% to $1.76 trillion.",
            "Imports rose 16.3% to $1.76 trillion.",
        ),
        # What a "be" says is weighed by what it says, not by the "be".
        ("Smith is the chairman, while Jones is the treasurer.", "Jones is the treasurer."),
        # Who released them is not the details that were released.
        (
            "The three firms have been working on the chip, and fuller details will be "
            "released in February.",
            "The three firms will release fuller details in February.",
        ),
    ],
)
def test_a_subject_with_its_own_verb_is_not_crossed(passage: str, sentence: str) -> None:
    assert crossed_clause(parse(sentence), list(parse(passage).sents), _alike) is None


def test_a_passives_by_phrase_is_who_acts_when_it_shares_its_subject() -> None:
    passage = list(
        parse("The plan was approved by the committee but rejected by parliament.").sents
    )
    found = crossed_clause(parse("Parliament approved the plan."), passage, _alike)
    assert found is not None
    assert (found.subject, found.other_subject) == ("parliament", "the committee")
    assert crossed_clause(parse("The committee approved the plan."), passage, _alike) is None


@pytest.mark.parametrize(
    ("passage", "sentence", "own", "other_verb"),
    [
        (
            "Thousands marched in London, while hundreds gathered in Paris.",
            "Thousands marched in Paris.",
            "in London",
            "gathered",
        ),
        (  # the phrase hung on the verb's object
            "The company opened a plant in Ohio and closed one in Texas.",
            "The company opened a plant in Texas.",
            "in Ohio",
            "closed",
        ),
    ],
)
def test_a_phrase_of_one_clause_given_to_its_sibling_is_crossed(
    passage: str, sentence: str, own: str, other_verb: str
) -> None:
    found = crossed_phrase(parse(sentence), list(parse(passage).sents), _alike)
    assert found is not None and (found.own, found.other_verb) == (own, other_verb)


def test_a_phrase_the_passage_also_gives_the_verb_is_not_crossed() -> None:
    passage = (
        "Thousands marched in London, while hundreds gathered in Paris. Others marched in Paris."
    )
    found = crossed_phrase(parse("Thousands marched in Paris."), list(parse(passage).sents), _alike)
    assert found is None
