"""Shares and what they are of, on sentences written for these tests."""

from __future__ import annotations

import pytest

from assistant.verify.nlp import parse
from assistant.verify.shares import counted, is_share


@pytest.mark.parametrize(
    ("sentence", "share", "group"),
    [
        ("Most of the staff backed it.", "Most", "staff"),
        ("36% of Chinese homes have telephones.", "%", "homes"),
        ("Four out of five of the retailers said so.", "Four", "retailers"),
    ],
)
def test_a_share_is_of_its_group(sentence: str, share: str, group: str) -> None:
    [token] = [t for t in parse(sentence) if t.text == share]
    found = counted(token)
    assert found is not None and found.text == group


def test_a_bare_share_and_a_word_that_shares_nothing_are_of_no_group() -> None:
    doc = parse("Most said so, and the staff of the firm agreed.")
    assert is_share(doc[0]) and counted(doc[0]) is None
    staff = next(t for t in doc if t.text == "staff")
    assert not is_share(staff) and counted(staff) is None
