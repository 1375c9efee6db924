"""Sentence spans: paragraphs first, then sentences inside each."""

from __future__ import annotations

import pytest

from index.sentences import sentence_spans


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "It led to the 1978 case of FCC v. Pacifica Foundation. The court ruled.",
            ["It led to the 1978 case of FCC v. Pacifica Foundation.", "The court ruled."],
        ),
        ("Roe vs. Wade was decided. Next.", ["Roe vs. Wade was decided.", "Next."]),
        ("Mr. Smith met Dr. Jones. They spoke.", ["Mr. Smith met Dr. Jones.", "They spoke."]),
        # A sentence never crosses a paragraph, "v." or not.
        ("The case was FCC v.\n\nPacifica won.", ["The case was FCC v.", "Pacifica won."]),
    ],
)
def test_sentences(text: str, sentences: list[str]) -> None:
    assert [text[start:end] for start, end in sentence_spans(text)] == sentences
