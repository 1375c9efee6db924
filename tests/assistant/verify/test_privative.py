"""Words that make a noun name what it is not, on sentences written for these tests."""

from __future__ import annotations

import pytest

from assistant.verify.nlp import parse
from assistant.verify.privative import changed_affix, dropped_privative


@pytest.mark.parametrize(
    ("passage", "sentence", "theirs"),
    [
        (
            "Smith, the former chief executive, left.",
            "Smith, the chief executive, left.",
            "former chief executive",
        ),
        ("Smith is the deputy leader.", "Smith is the leader.", "deputy leader"),
        ("Vice President Smith visited Paris.", "President Smith visited Paris.", "Vice President"),
        # A former title before a name, or a noun that names whom it speaks of, is left be.
        ("Former coach Smith left.", "Coach Smith left.", None),
        ("Apple sued a former contractor.", "Apple sued a contractor.", None),
        # One mention without the word lets the claim be.
        (
            "Smith, the former chief executive, met the chief executive.",
            "Jones, the chief executive, left.",
            None,
        ),
    ],
)
def test_a_noun_told_bare_is_held_to_the_passages_mentions(
    passage: str, sentence: str, theirs: str | None
) -> None:
    found = dropped_privative(parse(sentence), list(parse(passage).sents))
    assert (found.theirs if found is not None else None) == theirs


@pytest.mark.parametrize(
    ("passage", "sentence", "theirs"),
    [
        ("Pro-Russian separatists seized it.", "Russian separatists seized it.", "Pro-Russian"),
        (
            "The U.S. struck Iran-backed militias.",
            "The U.S. struck Iranian militias.",
            "Iran-backed",
        ),
        (
            "Anti-government protesters marched.",
            "Government protesters marched.",
            "Anti-government",
        ),
        # The word dropped with its affix, or told in other words, is left be.
        ("Pro-Russian separatists seized it.", "Separatists seized it.", None),
        ("The U.S. struck Iran-backed militias.", "The U.S. struck militias backed by Iran.", None),
        ("The U.S. struck militias backed by Iran.", "The U.S. struck Iran-backed militias.", None),
        ("Spain won the semi-final.", "Spain won the final.", "semi-final"),
        ("Smith was elected mayor.", "Smith was re-elected mayor.", "elected"),
        ("Smith was re-elected mayor.", "Smith was elected mayor.", None),
    ],
)
def test_a_word_told_bare_is_held_to_the_affix_that_turns_it(
    passage: str, sentence: str, theirs: str | None
) -> None:
    found = changed_affix(parse(sentence), list(parse(passage).sents))
    assert (found.theirs if found is not None else None) == theirs
