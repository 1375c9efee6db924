"""Whose: a claim that tells of an owner what the passage tells of what it owns, on
sentences written for these tests."""

from __future__ import annotations

import pytest

from assistant.verify.nlp import parse
from assistant.verify.owners import owner_for_owned


@pytest.mark.parametrize(
    ("passage", "sentence", "owned"),
    [
        ("The mayor's wife was arrested.", "The mayor was arrested.", "The mayor's wife"),
        (
            "Police questioned the minister's son.",
            "Police questioned the minister.",
            "the minister's son",
        ),
        # The owned one named as well, a share of a group, a verb of saying: left be.
        ("The mayor's wife was arrested.", "The mayor's wife was arrested at home.", None),
        ("The party's majority backed the plan.", "The party backed the plan.", None),
        ("They supported NSF's networking plans.", "They supported NSF.", None),
        # Both named, each joined by "and": the owner is said of as well.
        (
            "Police questioned the minister's son and the minister.",
            "Police questioned the minister.",
            None,
        ),
        (
            "The mayor's spokesman said the plan was dead.",
            "The mayor said the plan was dead.",
            None,
        ),
    ],
)
def test_an_owner_is_not_what_it_owns(passage: str, sentence: str, owned: str | None) -> None:
    found = owner_for_owned(parse(sentence), list(parse(passage).sents))
    assert (found.owned if found is not None else None) == owned
