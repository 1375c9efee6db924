"""Sentence spans: paragraphs first, then sentences inside each."""

from __future__ import annotations

from pathlib import Path

import blingfire
import pytest

from index.sentences import _PARAGRAPH, _sentence_offsets, sentence_spans


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


def _paragraphs(text: str) -> list[str]:
    return [m.group() for m in _PARAGRAPH.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Plain words. Two sentences.",
        "Héllo wörld. Ça va? “Quoted,” she said — then left.\nNext line. 東京は大きい。 Done.",
        "\u200b" * 7,  # blingfire ends this inside a character: its wrapper's offsets stand
        "An emoji 🎉 here. And 🎉🎉 there.",
    ],
)
def test_the_sentence_offsets_are_blingfires(text: str) -> None:
    for paragraph in _paragraphs(text):
        expected = blingfire.text_to_sentences_and_offsets(paragraph)[1]
        assert _sentence_offsets(paragraph) == [tuple(o) for o in expected]


def test_the_sentence_offsets_are_blingfires_on_every_bbc_article(shared_data: Path) -> None:
    paragraphs = [
        p
        for path in sorted((shared_data / "bbc-news").glob("*/*.txt"))
        for p in _paragraphs(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert len(paragraphs) > 10_000
    for paragraph in paragraphs:
        expected = [tuple(o) for o in blingfire.text_to_sentences_and_offsets(paragraph)[1]]
        assert _sentence_offsets(paragraph) == expected, paragraph
