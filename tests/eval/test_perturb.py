"""Pairs made by changing sentences of articles: what each change makes of a sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.perturb import PerturbedPair, perturbed_pairs, written_articles
from eval.suites import SharedDataMissingError, shared_data_dir

ARTICLE = """Council shuts library

The city council closed the central library on Monday after a long row over its budget.
Officials said the building would reopen in March once repairs were finished.
Microsoft bought the software unit from Nokia for 12 million dollars in 2004.
Nokia had owned the unit since 1998, and its staff moved to Helsinki.
Wales and England both voted against the plan at a meeting in 2004.
Will the library ever reopen to readers from the city?
But readers from the city have already started a petition against the closure.
"""


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> list[PerturbedPair]:
    folder = tmp_path_factory.mktemp("bbc")
    (folder / "business").mkdir()
    (folder / "business" / "library.txt").write_text(ARTICLE, encoding="utf-8")
    return perturbed_pairs(folder, articles=1)


def _of(pairs: list[PerturbedPair], kind: str, start: str) -> PerturbedPair:
    found = [p for p in pairs if p.kind == kind and p.id.endswith(kind)]
    mine = [p for p in found if p.sentence.startswith(start)]
    assert mine, [p.sentence for p in found]
    return mine[0]


def test_a_negation_is_added_to_the_main_verb(made: list[PerturbedPair]) -> None:
    pair = _of(made, "negation", "The city council")
    assert pair.sentence.startswith("The city council did not close the central library")
    assert pair.label == "unsupported"


def test_subject_and_object_trade_places(made: list[PerturbedPair]) -> None:
    pair = _of(made, "roles", "The software unit")
    assert pair.sentence.startswith("The software unit bought Microsoft from Nokia")
    pair = _of(made, "roles", "The central library")
    assert pair.sentence.startswith("The central library closed the city council on Monday")


def test_names_listed_as_equals_are_not_swapped(made: list[PerturbedPair]) -> None:
    # "England and Wales both voted" says what "Wales and England both voted" says.
    assert not [p for p in made if p.label == "unsupported" and "England and Wales" in p.sentence]


def test_a_name_is_never_put_in_for_another_name_of_the_same_thing(tmp_path: Path) -> None:
    # "the EU" for "The European Union" says what the sentence says: no unsupported pair.
    (tmp_path / "politics").mkdir()
    (tmp_path / "politics" / "rules.txt").write_text(
        "New refugee rules\n\n"
        "The European Union agreed new rules for refugees at a long meeting on Monday.\n"
        "Officials said the EU would review the new rules again before the summer recess.\n",
        encoding="utf-8",
    )
    pairs = perturbed_pairs(tmp_path, articles=1)
    assert [p for p in pairs if p.kind == "negation"]
    assert not [p for p in pairs if p.kind == "entity"], [p.note for p in pairs]


def test_no_not_is_put_where_it_would_not_negate_the_clause(tmp_path: Path) -> None:
    # "can not only open" and "is not no stranger" are no opposites of what the passage says.
    (tmp_path / "business").mkdir()
    (tmp_path / "business" / "shop.txt").write_text(
        "Shop opens late\n\n"
        "The corner shop can only open on Sundays after the council changed its rules.\n"
        "Its owner is no stranger to the long fight with the council over opening hours.\n"
        "The owner will appeal against the ruling at a hearing in the town hall next month.\n",
        encoding="utf-8",
    )
    negated = [p.sentence for p in perturbed_pairs(tmp_path, articles=1) if p.kind == "negation"]
    assert "The owner will not appeal against the ruling" in " ".join(negated)
    assert not [s for s in negated if "not only" in s or "not no" in s], negated


def test_numbers_and_dates_are_changed_and_the_passage_keeps_the_original(
    made: list[PerturbedPair],
) -> None:
    number = _of(made, "number", "Microsoft bought")
    assert "12 million" not in number.sentence
    assert "12 million" in number.passage
    date = _of(made, "date", "Microsoft bought")
    assert "2004" not in date.sentence


def test_supported_pairs_keep_what_is_said(made: list[PerturbedPair]) -> None:
    dropped = [p for p in made if p.kind == "drop_modifier"]
    assert dropped and all(p.label == "supported" for p in dropped)
    # What is left is the passage's own words.
    for pair in dropped:
        words = pair.sentence.replace(",", " ").rstrip(".").split()
        assert all(word in pair.passage for word in words), pair.sentence


def test_a_sentence_joined_to_the_next_keeps_its_names(made: list[PerturbedPair]) -> None:
    pair = _of(made, "joined", "Officials said")
    assert pair.sentence.endswith(
        ", and Microsoft bought the software unit from Nokia for 12 million dollars in 2004."
    )


def test_only_statements_are_changed_or_joined(made: list[PerturbedPair]) -> None:
    # A question states nothing to change; "But readers ..." cannot stand joined to another.
    assert not [p for p in made if "ever reopen" in p.sentence]
    assert not [p for p in made if p.kind == "joined" and ", and but" in p.sentence.lower()]
    assert [p for p in made if p.sentence.startswith("But readers from the city")]


def test_the_same_articles_and_seed_give_the_same_pairs(
    made: list[PerturbedPair], tmp_path: Path
) -> None:
    (tmp_path / "business").mkdir()
    (tmp_path / "business" / "library.txt").write_text(ARTICLE, encoding="utf-8")
    assert perturbed_pairs(tmp_path, articles=1) == made


def test_no_article_of_a_written_pair_set_is_drawn() -> None:
    try:
        bbc = shared_data_dir() / "bbc-news"
    except SharedDataMissingError as error:
        pytest.skip(str(error))
    used = written_articles()
    assert len(used) > 100
    pairs = perturbed_pairs(bbc, articles=40)
    assert pairs
    assert not {p.article for p in pairs} & used
    assert len({p.id for p in pairs}) == len(pairs)
