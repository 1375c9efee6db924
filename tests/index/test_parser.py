"""The pipeline reads each paragraph alone, as ``index.sentences`` does."""

from __future__ import annotations

import pytest

from index.parser import parse_texts, spacy_pipeline


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "CNN —\n\nAfter an alarmed caller reported a group, police arrested 31 men.",
            ["CNN —", "After an alarmed caller reported a group, police arrested 31 men."],
        ),
        (
            "See photos from the earthquake\n \nThe quake struck at dawn on Monday, killing 12.",
            ["See photos from the earthquake", "The quake struck at dawn on Monday, killing 12."],
        ),
        # A line break alone does not end a paragraph.
        (
            "The council voted on Monday\nto close the library in Port Ellis.",
            ["The council voted on Monday\nto close the library in Port Ellis."],
        ),
    ],
)
def test_a_paragraph_starts_a_sentence_where_a_heading_or_dateline_ends(
    text: str, sentences: list[str]
) -> None:
    (doc,) = parse_texts([text])
    assert doc.text == text
    assert [s.text.strip() for s in doc.sents] == sentences


def test_a_heading_is_read_as_it_would_be_alone() -> None:
    heading = "Arcturus COVID-19 symptoms"
    text = f"{heading}\n\nDoctors say the variant has been known to cause pink eye in children."
    (doc,) = parse_texts([text])
    alone = spacy_pipeline()(heading)
    # Read with the paragraph after it, "symptoms" was tagged as a verb.
    assert [t.tag_ for t in doc[: len(alone)]] == [t.tag_ for t in alone] == ["NNP", "NN", "NNS"]


def test_texts_of_one_paragraph_or_none_come_back_whole() -> None:
    texts = ["", "   ", "One line\nand another.", "\n\nAfter a blank start.\n\n\n"]
    assert [doc.text for doc in parse_texts(texts)] == texts
