"""Names compared as the things they name."""

from __future__ import annotations

import pytest

from assistant.verify.entities import acronyms, known_names, named_in, names_of, normalise
from assistant.verify.nlp import parse

PASSAGE = (
    "The U.S. military said President Joe Biden ordered the strikes. Polish troops of the "
    "North Atlantic Treaty Organization joined them, and General Motors (GM) paid."
)


@pytest.mark.parametrize(
    "name",
    ["United States", "American", "US", "Biden", "Poland's", "NATO", "GM", "General Motors"],
)
def test_aliases_demonyms_acronyms_and_surnames_name_the_same_thing(name: str) -> None:
    assert named_in(name, known_names(PASSAGE), acronyms(PASSAGE))


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("the U.S.'s", "us"),
        ("Temür", "temur"),  # accents off, whether the text has any or not
        ("St Aloysius’", "st aloysius"),
        ("J. K. Rowling", "jk rowling"),
        ("Zoë’s", "zoe"),
    ],
)
def test_a_name_is_keyed_without_case_accents_dots_or_possessive(name: str, key: str) -> None:
    assert normalise(name) == key


@pytest.mark.parametrize("name", ["Jill Biden", "Germany", "French", "Ford", "UN"])
def test_other_names_are_not_found(name: str) -> None:
    assert not named_in(name, known_names(PASSAGE), acronyms(PASSAGE))


@pytest.mark.parametrize(
    ("name", "named"),
    [("Joseph Scheele", False), ("Carl Scheele", True), ("Joseph Priestley", True)],
)
def test_a_first_name_and_a_surname_of_two_people_name_neither(name: str, named: bool) -> None:
    passage = "Oxygen was found by Carl Wilhelm Scheele in 1773 and Joseph Priestley in 1774."
    assert named_in(name, known_names(passage), acronyms(passage)) is named


def test_the_soviet_union_is_the_ussr() -> None:
    passage = "Mao argued that the Soviet Union had itself become an imperialist power."
    assert named_in("USSR", known_names(passage), acronyms(passage))
    assert named_in("Soviet", known_names(passage), acronyms(passage))


DUST = "Each year the Sahara sends 27 million tons of dust over the Amazon and Nigeria."


@pytest.mark.parametrize(
    ("name", "named"),
    [("Saharan", True), ("Amazonian", True), ("Nigerian", True), ("Brazilian", False)],
)
def test_an_adjective_of_a_place_names_the_place(name: str, named: bool) -> None:
    assert named_in(name, known_names(DUST), acronyms(DUST)) is named


PARTIES = (
    "The Tory leader said the GOP senator and two Democrats would meet him in London, and a "
    "Labour spokesman agreed."
)


@pytest.mark.parametrize(
    ("name", "named"),
    [
        ("Conservative", True),
        ("Conservatives", True),
        ("Republicans", True),
        ("Republican Party", True),
        ("Democrat", True),
        ("Labour Party", True),
        ("Liberal Democrats", False),
        ("Green Party", False),
    ],
)
def test_parties_are_named_by_their_nicknames(name: str, named: bool) -> None:
    assert named_in(name, known_names(PARTIES), acronyms(PARTIES)) is named


def test_an_acronym_may_stand_for_a_name_with_a_comma_in_it() -> None:
    passage = "The Department for Culture, Media and Sport published the figures on Monday."
    assert named_in("DCMS", known_names(passage), acronyms(passage))
    assert not named_in("DfE", known_names(passage), acronyms(passage))


@pytest.mark.parametrize(
    ("name", "named"),
    [
        # The long name may order its words otherwise than the acronym does.
        ("USDA", True),
        ("the USDA", True),
        # Other letters, or the same letters as a word rather than an acronym, do not.
        ("USDOT", False),
        ("Usad", False),
    ],
)
def test_an_acronym_may_take_its_letters_in_another_order(name: str, named: bool) -> None:
    passage = "Wine sales are growing, the US Agriculture Department said."
    assert named_in(name, known_names(passage), acronyms(passage)) is named


@pytest.mark.parametrize(
    ("passage", "name"),
    [
        # Only a name holding an acronym of its own ("US") is read in any order.
        ("Economists welcomed the Central Bank of Egypt forecast.", "ECB"),
        ("In Fort Myers, officials approved the loan.", "IMF"),
    ],
)
def test_other_names_are_no_acronym_in_any_order(passage: str, name: str) -> None:
    assert not named_in(name, known_names(passage), acronyms(passage))


@pytest.mark.parametrize(
    ("passage", "name", "named"),
    [
        # Initials joined by "&" stand for the name they abbreviate.
        ("Profits at S&N rose, said S&N's chief executive.", "Scottish and Newcastle", True),
        ("The hit R&B single sold well.", "R&B", True),
        # A surname alone, or after a title or a lower-case word, names any first name; after
        # another capitalised first name, it names that person only.
        ("Ms Stone sang, and viewers voted Stone the winner.", "Joss Stone", True),
        ("Emma Stone sang, and viewers voted Stone the winner.", "Joss Stone", False),
        ("Emma Stone sang, and viewers voted Stone the winner.", "Emma Stone", True),
        # A club or company named without its designator, standing alone.
        ("Charlton's manager praised the striker after beating Norwich.", "Norwich City", True),
        ("Charlton's boss praised the striker after beating Norwich.", "Charlton Athletic", True),
        ("Charlton beat Norwich. The manager was delighted.", "Norwich City", True),
        ("On Saturday Norwich beat Charlton.", "Norwich City", True),
        # ... but not a word of another name.
        ("Fans of Manchester United mocked the Norwich Union advert.", "Manchester City", False),
        ("Fans of Manchester United mocked the Norwich Union advert.", "Norwich City", False),
        # An institution by its own name, not by the kind of body it shares with another.
        ("The study was led by Yale, the university said.", "Yale University", True),
        ("Researchers at the University of Leeds led the study.", "Bristol University", False),
        ("Staff at Leeds General Infirmary and the city's hospital", "Airedale Hospital", False),
    ],
)
def test_abbreviated_and_shortened_names(passage: str, name: str, named: bool) -> None:
    assert named_in(name, known_names(passage), acronyms(passage)) is named


def test_a_name_the_tagger_splits_is_read_whole() -> None:
    # "Liberal" is tagged an adjective, leaving "Democrat", which alone names the US party.
    doc = parse("Liberal Democrat leader Charles Kennedy said it was a good opportunity.")
    assert "Liberal Democrat" in names_of(doc)
    passage = "The Lib Dem leader, Charles Kennedy, said it was a good opportunity."
    assert all(named_in(n, known_names(passage), acronyms(passage)) for n in names_of(doc))


def test_a_word_read_into_a_name_before_it_is_no_name_of_its_own() -> None:
    # "Liberal", a proper noun here, was named twice: in "Liberal Democrats", and alone.
    doc = parse("The Liberal Democrats called on Peter Hain to make a statement.")
    assert "Liberal" not in names_of(doc)
    passage = "The Lib Dems called for Commons leader Peter Hain to make a statement."
    assert all(named_in(n, known_names(passage), acronyms(passage)) for n in names_of(doc))


def test_an_acronym_may_stand_for_a_name_with_on_in_it() -> None:
    passage = "The poll was run with the Program on International Policy Attitudes (Pipa)."
    assert named_in("Pipa", known_names(passage), acronyms(passage))
    sentence = "Pipa director Steven Kull said so."
    named = "Program on International Policy Attitudes"
    assert named_in(named, known_names(sentence), acronyms(sentence))


def test_a_lower_case_prefix_is_no_name() -> None:
    # The tagger reads the "un" of "un-elected" as the UN.
    assert "un" not in names_of(parse("Who are the un-elected subordinates of the governments?"))
    assert "UN" in names_of(parse("Who are the subordinates of the UN?"))


def test_a_scale_of_degrees_is_no_name() -> None:
    # A passage gives the scale as a symbol: "565 °C".
    assert names_of(parse("What is the entry temperature, in degrees Celsius?")) == []
    assert names_of(parse("It was 30 degrees Fahrenheit in Boston.")) == ["Boston"]


def test_names_joined_by_a_possessive_are_two_names() -> None:
    # With a curly apostrophe the tagger reads "Campbell’s State" as one name.
    names = names_of(parse("According to Campbell’s State of the Sides report, what won?"))
    assert "Campbell" in names and "Campbell State" not in names
    passage = "The State of the Sides Report from Campbell's found that Delaware loves stuffing."
    assert all(named_in(n, known_names(passage), acronyms(passage)) for n in names)


@pytest.mark.parametrize(
    ("passage", "name", "named"),
    [
        ("Peruvian police said so.", "Peru", True),
        ("Emirati officials said so.", "United Arab Emirates", True),
        ("Burmese troops moved in.", "Myanmar", True),
        ("Peruvian police said so.", "Bolivia", False),
        # British and American spellings of one name
        ("The World Health Organization said so.", "World Health Organisation", True),
        ("The Ministry of Defence said so.", "Ministry of Defense", True),
        ("The World Trade Organization said so.", "World Health Organisation", False),
        ("The Fed raised rates.", "Federal Reserve", True),
    ],
)
def test_more_countries_spellings_and_short_names(passage: str, name: str, named: bool) -> None:
    assert named_in(name, known_names(passage), acronyms(passage)) is named


@pytest.mark.parametrize(
    ("sentence", "name"),
    [("The Lib Dems won the vote.", "Lib Dems"), ("Man Utd beat Arsenal.", "Man Utd")],
)
def test_proper_nouns_side_by_side_that_make_an_alias_are_one_name(
    sentence: str, name: str
) -> None:
    assert name in names_of(parse(sentence))


@pytest.mark.parametrize(
    ("passage", "name"),
    [
        ("JK Rowling won the award.", "J. K. Rowling"),
        ("J.K. Rowling won the award.", "JK Rowling"),
        ("Saint Helens won the match.", "St Helens"),
        ("Amazon.com Inc said profits rose.", "Amazon"),
    ],
)
def test_initials_saints_and_web_names_are_written_either_way(passage: str, name: str) -> None:
    assert named_in(name, known_names(passage), acronyms(passage))


@pytest.mark.parametrize(
    ("passage", "name", "named"),
    [
        # A surname read alone names the person; a common word in lower case names no one.
        ("Microsoft said it is investigating an attack on its software.", "Sybari Software", False),
        ("Microsoft will buy anti-virus software maker Sybari Software.", "Sybari Software", True),
        ("Biden said the plan would work, aides reported.", "Joe Biden", True),
        ("The report was printed on green paper, the agency said.", "John Green", False),
    ],
)
def test_a_surname_names_only_where_it_is_written_as_a_name(
    passage: str, name: str, named: bool
) -> None:
    assert named_in(name, known_names(passage), acronyms(passage)) is named
