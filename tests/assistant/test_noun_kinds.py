"""Persons told from places by the nearest prototype, and counts of another kind dropped."""

from __future__ import annotations

import pytest

from assistant.answer_type import holds, wanted
from assistant.noun_kinds import NounKinds
from index.embeddings import MiniLMEmbeddings


@pytest.fixture(scope="module")
def kinds(embedder: MiniLMEmbeddings) -> NounKinds:
    return NounKinds(embedder)


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("contractor", "person"),
        ("civilians", "person"),
        ("troops", "person"),
        ("casualties", "person"),
        ("victims", "person"),
        ("officials", "person"),
        ("locations", "place"),
        ("sites", "place"),
        ("facilities", "place"),
        ("villages", "place"),
        ("countries", "place"),
        ("drones", None),
        ("aircraft", None),
        ("votes", None),
        ("members", None),
        ("17", None),
    ],
)
def test_kind_of_a_noun(kinds: NounKinds, word: str, kind: str | None) -> None:
    assert kinds.kind(word) == kind


def test_a_count_of_places_does_not_answer_how_many_people(kinds: NounKinds) -> None:
    question = "How many people were killed by the June 27 strikes?"
    want = wanted(question)
    assert want is not None
    places = "Biden ordered the air strikes at two locations in Syria and one location in Iraq."
    people = "The rocket attacks killed one civilian contractor and wounded a service member."
    assert holds(places, want, asked=question)  # without kinds, any count will do
    assert not holds(places, want, asked=question, kind_of=kinds.kind)
    assert holds(people, want, asked=question, kind_of=kinds.kind)
    bare = "The death toll rose to 12."
    assert holds(bare, want, asked=question, kind_of=kinds.kind)


def test_a_count_of_places_answers_how_many_sites(kinds: NounKinds) -> None:
    question = "How many sites were struck?"
    want = wanted(question)
    assert want is not None
    assert holds("Strikes hit two locations in Syria.", want, asked=question, kind_of=kinds.kind)


def test_which_state_is_answered_by_a_place_name(kinds: NounKinds) -> None:
    question = "Which state approved a ballot measure to legalize recreational marijuana?"
    want = wanted(question)
    assert want is not None
    unnamed = "Five states decided on Tuesday whether to legalize marijuana, CNN projects."
    named = "Voters in Maryland approved legalizing recreational marijuana."
    possessive = "Maryland’s voters approved legalizing recreational marijuana."
    assert holds(unnamed, want, asked=question)  # without kinds, any new name will do
    assert not holds(unnamed, want, asked=question, kind_of=kinds.kind)
    assert holds(named, want, asked=question, kind_of=kinds.kind)
    assert holds(possessive, want, asked=question, kind_of=kinds.kind)
