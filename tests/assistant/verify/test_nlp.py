"""Texts parsed together are parsed as each alone would be, and once."""

from __future__ import annotations

from spacy.tokens import Doc

from assistant.verify.nlp import parse, parse_all, spacy_pipeline


def _reading(doc: Doc) -> list[tuple[str, str, str, int, str]]:
    return [(t.text, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in doc]


def test_texts_parsed_together_read_as_each_alone() -> None:
    texts = [
        "How many people were killed by the June 27 strikes in Syria?",
        "people were killed by the June 27 strikes in Syria",
    ]
    together = parse_all(texts)
    alone = [spacy_pipeline()(t) for t in texts]
    assert [_reading(d) for d in together] == [_reading(d) for d in alone]
    assert [d.text for d in together] == texts


def test_each_text_is_parsed_once() -> None:
    question = "Why did the Old Mill bridge in Port Ellis close on Monday?"
    (first,) = parse_all([question])
    assert parse(question) is first
    again = parse_all([question, question, "the Old Mill bridge in Port Ellis close"])
    assert again[0] is again[1] is first
