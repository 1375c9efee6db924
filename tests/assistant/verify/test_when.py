"""Dates resolved against the article's date."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.verify.nlp import parse
from assistant.verify.quantities import quantities
from assistant.verify.when import DateMention, date_mentions, years_counted_on

SUNDAY = date(2021, 6, 27)


def test_a_weekday_is_the_last_such_day_on_or_before_publication() -> None:
    [sunday] = date_mentions(parse("The Pentagon said on Sunday that it struck."), SUNDAY)
    [june] = date_mentions(parse("The Pentagon said on June 27 that it struck."), SUNDAY)
    [saturday] = date_mentions(parse("The Pentagon said on Saturday that it struck."), SUNDAY)
    assert (sunday.year, sunday.month, sunday.day) == (2021, 6, 27)
    assert june.agrees(sunday) and sunday.agrees(june)
    assert not saturday.agrees(june)


def test_a_month_without_a_year_takes_the_year_of_publication() -> None:
    [mention] = date_mentions(parse("In April, a drone hit the base."), SUNDAY)
    [year] = date_mentions(parse("In 2021, a drone hit the base."), SUNDAY)
    assert year.agrees(mention)
    assert mention.year == 2021


def test_may_is_a_month_only_when_it_reads_as_one() -> None:
    assert date_mentions(parse("Officials may act soon."), SUNDAY) == []
    [may] = date_mentions(parse("Officials acted in May."), SUNDAY)
    assert may.month == 5


def _one(text: str) -> DateMention:
    [mention] = date_mentions(parse(text), SUNDAY)
    return mention


@pytest.mark.parametrize(
    ("said", "stated", "agrees"),
    [
        # A part of a month holds the days in it, and only those.
        ("Sales fell at the end of March 2020.", "Sales fell on 30 March 2020.", True),
        ("Sales fell at the end of March 2020.", "Sales fell on 3 March 2020.", False),
        ("Sales fell in early March 2020.", "Sales fell on 3 March 2020.", True),
        ("Sales fell in mid-March 2020.", "Sales fell on 14 March 2020.", True),
        ("Sales fell in late March 2020.", "Sales fell in early March 2020.", False),
        # A part of a year holds the months in it, and the same part said otherwise.
        ("Sales fell in the fourth quarter of 2020.", "Sales fell in November 2020.", True),
        (
            "Sales fell in the fourth quarter of 2020.",
            "Sales fell in the last three months of 2020.",
            True,
        ),
        ("Sales fell in the fourth quarter of 2020.", "Sales fell in March 2020.", False),
        ("Sales fell in the first half of 2020.", "Sales fell in Q2 2020.", True),
        (
            "Sales fell in the first half of 2020.",
            "Sales fell in the fourth quarter of 2020.",
            False,
        ),
        # "May" after a part's word is the month; a hyphen is a word of its own.
        ("Sales fell at the beginning of May 2020.", "Sales fell on May 3, 2020.", True),
        ("Sales fell in mid-May 2020.", "Sales fell on May 29, 2020.", False),
        ("Sales fell in the first quarter of 2020.", "Sales fell in first-quarter 2020.", True),
        ("Sales fell in the first half of 2020.", "Sales fell in H1 2020.", True),
        ("Sales fell in the first nine months of 2020.", "Sales fell in August 2020.", True),
        # A part of a year alone.
        ("Sales fell in late 2020.", "Sales fell in 2020.", False),
        ("Sales fell at the end of 2020.", "Sales fell in December 2020.", True),
        # A day is not borne out by the part of the month it falls in.
        ("Sales fell on 30 March 2020.", "Sales fell at the end of March 2020.", False),
    ],
)
def test_parts_of_months_and_years(said: str, stated: str, agrees: bool) -> None:
    assert _one(said).agrees(_one(stated)) is agrees


@pytest.mark.parametrize(
    ("said", "stated", "published", "agrees"),
    [
        # Unresolved, a time told from the article's date agrees only with the same words.
        ("It set a record last week.", "It set a record last week.", None, True),
        ("It set a record last month.", "It set a record last week.", None, False),
        ("It will open next year.", "It will open this year.", None, False),
        # Resolved: "last month" of an article of 30 June 2021 is May 2021; "last week" is
        # 21 to 27 June.
        ("It set a record last month.", "It set a record in May 2021.", date(2021, 6, 30), True),
        ("It set a record last month.", "It set a record last week.", date(2021, 6, 30), False),
        ("It set a record in June.", "It set a record last week.", date(2021, 6, 30), True),
        ("It set a record last week.", "It set a record on June 24.", date(2021, 6, 30), True),
        ("It set a record last week.", "It set a record on June 29.", date(2021, 6, 30), False),
    ],
)
def test_times_told_from_the_articles_date(
    said: str, stated: str, published: date | None, agrees: bool
) -> None:
    (mine,) = date_mentions(parse(said), published)
    (theirs,) = date_mentions(parse(stated), published)
    assert mine.agrees(theirs) is agrees


def test_a_year_said_aloud_is_the_year() -> None:
    spelled = _one("The single came out in nineteen ninety-six.")
    assert spelled.year == 1996 and spelled.agrees(_one("The single came out in 1996."))
    assert not spelled.agrees(_one("The single came out in 1995."))
    assert _one("They met in twenty twenty-two.").year == 2022
    assert date_mentions(parse("Twenty-five people and nineteen five-year-olds came.")) == []
    assert quantities(parse("The single came out in nineteen ninety-six.")) == []


def test_a_season_written_as_one_word_is_dated_by_the_year_it_starts() -> None:
    season = _one("For the 2012–13 school year, tuition rose.")
    split = _one("What was tuition for the 2012 - 13 year?")
    assert season.year == 2012
    assert split.agrees(season) and season.agrees(split)
    assert not _one("Tuition rose in 2014.").agrees(season)


def test_a_run_of_years_is_stated_by_the_same_run_and_dated_by_its_start() -> None:
    [decade] = date_mentions(parse("Victoria produced in the decade 1851–1860 20 million ounces."))
    [asked] = date_mentions(parse("How much gold did Victoria produce in 1851-1860?"))
    assert asked.years == (1851, 1860)
    assert asked.agrees(decade)
    assert _one("Victoria produced gold in 1851.").agrees(decade)
    # The end of a span need not date what its start does.
    assert not _one("Victoria produced gold in 1860.").agrees(decade)
    assert not _one("Victoria produced gold in 1855.").agrees(decade)
    # Nor is a run stated by its first year alone, nor by a shorter run.
    assert not asked.agrees(_one("Victoria produced gold in 1851."))
    assert not asked.agrees(_one("Victoria produced gold from 1851-1855."))


def test_a_wiki_note_glued_to_a_date_is_not_part_of_it() -> None:
    [mention] = date_mentions(parse("As of February 2011[update], it has been verified."))
    assert (mention.year, mention.month) == (2011, 2)


@pytest.mark.parametrize(
    ("said", "stated", "agrees"),
    [
        # A decade, or a part of it, is borne out by any year within it.
        ("She starred from the late 1980s.", "She starred from 1987.", True),
        ("She starred from the late 1980s.", "She starred from 1983.", False),
        ("She starred in the 1980s.", "She starred in 1989.", True),
        ("She starred in the mid-1990s.", "She starred in 1995.", True),
        ("Output last matched those levels in the seventies.", "It was 1975.", True),
        ("Output last matched those levels in the seventies.", "It was 1985.", False),
        # Without its century, the latest such decade by the article's date (2022).
        ("Their romance in the late ’90s drew attention.", "It began in 1998.", True),
        ("Their romance in the late ’90s drew attention.", "It began in 2098.", False),
        # A year is not borne out by the decade it falls in.
        ("She starred from 1987.", "She starred from the late 1980s.", False),
        # The 1800s and 1900s are centuries.
        ("The church was built in the 1800s.", "It was built in 1850.", True),
        ("The church was built in the early 1900s.", "It was built in 1950.", False),
        # So are centuries by number, or a part of them.
        ("The church was built in the 19th century.", "It was built in 1850.", True),
        ("The church was built in the nineteenth century.", "It was built in 1950.", False),
        ("The church was built in the late 19th century.", "It was built in 1888.", True),
        ("The church is a mid-20th century design.", "It was built in 1988.", False),
        ("It is an early 20th-century church.", "It was built in 1911.", True),
    ],
)
def test_decades(said: str, stated: str, agrees: bool) -> None:
    published = date(2022, 8, 12)
    mine = date_mentions(parse(said), published)
    theirs = date_mentions(parse(stated), published)
    assert len(mine) == len(theirs) == 1
    assert mine[0].agrees(theirs[0]) is agrees


def test_an_age_or_a_temperature_is_no_decade() -> None:
    for sentence in (
        "She is in her late seventies.",
        "He is in his 80s.",
        "She is in her mid-80s.",
        "Temperatures will be in the nineties.",
    ):
        assert date_mentions(parse(sentence), date(2022, 8, 12)) == []


def test_decades_in_a_list() -> None:
    found = date_mentions(parse("Inflation was high in the eighties and nineties."))
    assert [m.years for m in found] == [(1980, 1989), (1990, 1999)]


def test_a_century_before_the_years_read_as_years_is_no_date() -> None:
    # "1788" is not read as a year, so "the 18th century" could agree with nothing.
    assert date_mentions(parse("Watt improved the engine in the 18th century.")) == []


def test_a_month_of_a_year_is_that_month() -> None:
    mention = _one("Cruz had been a Giants fixture since August of 2010.")
    assert (mention.year, mention.month) == (2010, 8)


@pytest.mark.parametrize(
    ("passage", "years"),
    [
        ("The band formed in 1997. They won the award two years later.", [1999]),
        ("The firm was founded in 2001. A year earlier, its founders met.", [2000]),
        # Counted from the last year named before, not from one after.
        ("They won two years later. The band formed in 1997.", []),
        # "years later" with no count, and a count of another period, are not years.
        ("The band formed in 1997. Years later, they split. Two months later, they met.", []),
        # Counted from what "before" names, not from the year named last.
        ("The band formed in 1997, two years before the war.", []),
    ],
)
def test_a_year_counted_from_the_one_named_before(passage: str, years: list[int]) -> None:
    sentences = list(parse(passage).sents)
    counted = years_counted_on(sentences, [date_mentions(s, SUNDAY) for s in sentences])
    assert [m.year for told in counted for m in told] == years


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("It peaked in the late nineties and the early 2000s.", ["late nineties", "early 2000s"]),
        ("He was born in nineteen ninety-six.", ["nineteen ninety - six"]),
        (
            "Sales rose in the fourth quarter of 2021 and in H1 2022.",
            ["fourth quarter of 2021", "h1 2022"],
        ),
        ("The vote is due in mid-May, at the end of June.", ["mid - may", "end of june"]),
        ("It dates from the nineteenth century, not the 20th.", ["nineteenth century"]),
        ("Music of the ’90s returned yesterday.", ["’ 90s", "yesterday"]),
        (
            "It set a record last week, this month and next year.",
            ["last week", "this month", "next year"],
        ),
        ("The 2012–13 season ended on Sunday.", ["2012–13", "sunday"]),
        ("The last three months of 2021 were hard.", ["last three months of 2021"]),
    ],
)
def test_a_date_is_read_whichever_word_begins_it(text: str, mentions: list[str]) -> None:
    # Only words that can begin a date are read further: each kind of first word is here.
    assert [m.text for m in date_mentions(parse(text), SUNDAY)] == mentions
