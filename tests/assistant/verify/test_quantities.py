"""Numbers by value, whatever their form."""

from __future__ import annotations

import pytest

from assistant.verify.nlp import parse
from assistant.verify.quantities import quantities


def _values(text: str) -> list[tuple[float, str]]:
    return [(round(q.value, 4), q.kind) for q in quantities(parse(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It took seventeen minutes.", [(17.0, "count")]),
        ("Some twenty-five people came.", [(25.0, "count")]),
        ("About 2 million people live there.", [(2e6, "count")]),
        ("About 2,000,000 people live there.", [(2e6, "count")]),
        ("One-fifth of voters agreed.", [(0.2, "fraction")]),
        ("A third of voters agreed.", [(0.3333, "fraction")]),
        ("She finished third.", [(3.0, "ordinal")]),
        ("The band came thirty-eighth in the poll.", [(38.0, "ordinal")]),
        ("He is the one hundred and seventeenth captain.", [(117.0, "ordinal")]),
        ("Two-thirds of voters agreed.", [(0.6667, "fraction")]),
        ("Profits rose 20% in 2004.", [(20.0, "percent")]),
        ("It paid £1.5bn for the firm.", [(1.5e9, "money")]),
        ("one hundred and five seats", [(105.0, "count")]),
        ("between two and four weeks", [(2.0, "count"), (4.0, "count")]),
        ("He won 6-3 in the final.", [(6.003, "score")]),
        ("The House passed it by a vote of 83 to 62.", [(83.062, "score")]),
        ("Prices rose from 10 to 20.", [(10, "count"), (20, "count")]),
        ("The party won 3 to 5 seats.", [(3, "count"), (5, "count")]),
        ("Ratings fell to one and a half million.", [(1.5e6, "count")]),
        ("Just one in twenty wanted both.", [(0.05, "fraction")]),
        ("He is set for a third UK number one.", [(3.0, "ordinal"), (1.0, "count")]),
        ("His third number one in three weeks.", [(3.0, "ordinal"), (1.0, "count"), (3, "count")]),
        # The end of a span of years is left to dates; so are "first" of a time and a why.
        ("Tuition for the 2012 - 13 year was 38 dollars.", [(38.0, "money")]),
        ("Massachusetts first required it in 1852.", []),
        ("She finished first.", [(1.0, "ordinal")]),
        ("He is the third richest man in America.", [(3.0, "ordinal")]),
        ("Why was the group formed in the first place?", []),
        # A decade or a century is still a figure to match.
        ("He played in the 1960s.", [(1960.0, "count")]),
        ("It dates to the 17th century.", [(17.0, "ordinal")]),
        # Pence are hundredths of a pound; "m" after a figure of size is metres.
        ("Shares fell 50p to 300p.", [(0.5, "money"), (3.0, "money")]),
        ("Stamps cost 50 pence.", [(0.5, "money")]),
        ("The ship was 300m long.", [(300.0, "count")]),
        ("It raised 300m people.", [(3e8, "count")]),
        ("It passed by 310 votes to 219.", [(310.219, "score")]),
        ("Some half-a-million people came.", [(5e5, "count")]),
        ("Output grew half a percent.", [(0.5, "percent")]),
        ("Rates rose a quarter of a percentage point.", [(0.25, "percent")]),
        ("Rates rose a quarter of one percent.", [(0.25, "percent")]),
    ],
)
def test_numbers_are_read_by_value(text: str, expected: list[tuple[float, str]]) -> None:
    assert _values(text) == expected


def test_forms_of_one_value_match_and_other_values_do_not() -> None:
    [million] = quantities(parse("2 million residents"))
    [digits] = quantities(parse("2,000,000 residents"))
    [twenty] = quantities(parse("20 million residents"))
    [fifth] = quantities(parse("one-fifth of residents"))
    [percent] = quantities(parse("20% of residents"))
    [quarter] = quantities(parse("a quarter of residents"))
    assert million.matches(digits) and digits.matches(million)
    assert not million.matches(twenty)
    assert fifth.matches(percent) and percent.matches(fifth)
    assert not quarter.matches(percent)


@pytest.mark.parametrize(
    ("rounded", "precise", "same"),
    [
        ("31,000 flights", "30,949 flights", True),
        ("2.5 million customers", "2,513,000 customers", True),
        # One significant digit is too coarse; a precise figure is never a rounded one.
        ("3 million customers", "2.6 million customers", False),
        ("30,949 flights", "31,000 flights", False),
        ("31,000 flights", "31,600 flights", False),
    ],
)
def test_a_round_figure_is_the_precise_one_rounded(rounded: str, precise: str, same: bool) -> None:
    [mine] = quantities(parse(rounded))
    [theirs] = quantities(parse(precise))
    assert mine.matches(theirs) is same


def test_two_percentages_are_the_same_only_when_equal_or_about_equal() -> None:
    [twelve] = quantities(parse("Prices rose 12% last year."))
    [thirteen] = quantities(parse("Prices rose 13% last year."))
    [about] = quantities(parse("Prices rose about 12% last year."))
    [close] = quantities(parse("Prices rose 11.8% last year."))
    assert not twelve.matches(thirteen) and not thirteen.matches(twelve)
    assert about.matches(close)
    assert not twelve.matches(close), "an exact 12% is not 11.8%"


def test_scores_match_only_the_same_score() -> None:
    (tally,) = quantities(parse("By a vote of 83 to 62, the House passed the bill."))
    (dashed,) = quantities(parse("The House passed the bill 83-62."))
    (ten,) = quantities(parse("They won 3-10."))
    (one,) = quantities(parse("They won 3-1."))
    (about,) = quantities(parse("They won about 3-2."))
    assert tally.matches(dashed) and dashed.matches(tally)
    assert not ten.matches(one) and not about.matches(one)


def test_a_number_keeps_the_noun_it_counts() -> None:
    [minutes] = quantities(parse("The raid lasted 27 minutes."))
    [troops] = quantities(parse("Bases house some 2,500 U.S. troops."))
    assert (minutes.noun, troops.noun) == ("minute", "troop")
    assert troops.approximate


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("He took office half a year earlier.", "He took office six months ago.", True),
        ("The works last two weeks.", "The works last 14 days.", True),
        ("The ban lasts two decades.", "The ban lasts 20 years.", True),
        ("The works last three weeks.", "The works last 14 days.", False),
        ("The raid lasted seventeen minutes.", "The raid lasted 27 minutes.", False),
        ("He took office half a year earlier.", "He took office nine months ago.", False),
    ],
)
def test_spans_of_time_match_in_any_unit(one: str, other: str, same: bool) -> None:
    [mine] = quantities(parse(one))
    [theirs] = quantities(parse(other))
    assert mine.matches(theirs) is same
    assert theirs.matches(mine) is same


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("It sold three-quarters of a million copies.", "It sold 750,000 copies.", True),
        ("Half a million people marched.", "500,000 people marched.", True),
        ("He finished two hundredths of a second behind.", "He was 0.02 seconds behind.", True),
        ("Output shrank by two-tenths of a percent.", "Output shrank by 0.2%.", True),
        ("Output shrank by half of a per cent.", "Output shrank by 0.2%.", False),
        ("Thiel gave the bid a ten-million-dollar boost.", "Thiel gave the bid $10 million.", True),
        ("It sold three-quarters of a million copies.", "It sold 570,000 copies.", False),
        ("Booth gave a half billion dollars.", "Booth gave $500 million.", True),
        ("Booth gave a half billion dollars.", "Booth gave $300 million.", False),
        # A fraction of a thing that is no unit stays a share.
        ("A fifth of the country's voters stayed home.", "20% of voters stayed home.", True),
    ],
)
def test_fractions_of_a_scale_or_a_unit_are_amounts(one: str, other: str, same: bool) -> None:
    [mine] = quantities(parse(one))
    [theirs] = quantities(parse(other))
    assert mine.matches(theirs) is same


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("He wants to stay a year or more.", "He wants to stay twelve months or more.", True),
        ("They docked him a fortnight's wages.", "They docked him two weeks' wages.", True),
        ("He left a year and a half ago.", "He left 18 months ago.", True),
        ("The ban lasts a decade.", "The ban lasts 10 years.", True),
        ("He left a year and a half ago.", "He left 12 months ago.", False),
        ("The ban lasts a decade.", "The ban lasts 12 years.", False),
    ],
)
def test_one_unit_of_time_said_without_a_number_is_a_span(one: str, other: str, same: bool) -> None:
    [mine] = quantities(parse(one))
    [theirs] = quantities(parse(other))
    assert mine.implicit and not theirs.implicit
    assert mine.matches(theirs) is same
    assert theirs.matches(mine) is same


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("He has lived in Paris for a decade.", "He has lived in Paris with one dog."),
        ("He was the first to arrive.", "A year ago, he was the second to arrive."),
    ],
)
def test_one_unit_of_time_is_matched_only_by_a_span(one: str, other: str) -> None:
    assert not any(
        mine.matches(theirs) or theirs.matches(mine)
        for mine in quantities(parse(one))
        for theirs in quantities(parse(other))
    )


def test_a_quarter_and_a_half_stay_fractions_not_spans() -> None:
    [quarter] = quantities(parse("A quarter of the votes went to him."))
    assert (quarter.kind, quarter.implicit) == ("fraction", False)


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("Four out of five retailers were worried.", "80% of retailers were worried.", True),
        ("Four out of five retailers were worried.", "60% of retailers were worried.", False),
        ("No tax in eleven out of eighteen years.", "No tax in 11 of 18 years.", True),
        ("He paid no tax in 11 of 18 years.", "He paid no tax in 11 years.", True),
        # The whole is no count of what the count counts: he paid tax in seven of the 18.
        ("He paid no tax in 18 years.", "He paid no tax in 11 of 18 years.", False),
        ("He paid no tax in 12 years.", "He paid no tax in 11 of 18 years.", False),
        ("The team won 6 of 10 games.", "The team won 3 of 5 games.", False),
        ("He paid no tax in 11 of 18 years.", "He paid no tax in 11 of 18 months.", False),
        ("He paid no tax for 11 years.", "He paid no tax in 11 of 18 months.", False),
        ("Two of 10 bidders paid.", "The bidders paid $2.", False),
    ],
)
def test_a_count_out_of_a_whole_is_a_share_and_a_count(one: str, other: str, same: bool) -> None:
    [mine] = quantities(parse(one))
    [theirs] = quantities(parse(other))
    assert mine.matches(theirs) is same


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("a 0.5-percentage-point rate hike", "a half-point rate increase", True),
        ("another 0.75-point increase", "another three-quarters of a point hike", True),
        ("a 0.25-point rate hike", "a half-point rate increase", False),
    ],
)
def test_a_unit_joined_by_a_hyphen_is_counted(one: str, other: str, same: bool) -> None:
    [mine] = quantities(parse(one))
    [theirs] = quantities(parse(other))
    assert (mine.kind, mine.noun) == (theirs.kind, theirs.noun) == ("count", "point")
    assert mine.matches(theirs) is same


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("Rates were raised twice this year.", "Rates were raised two times this year.", True),
        ("Rates were raised twice this year.", "Rates were raised three times this year.", False),
        ("The team won the cup thrice.", "The team won the cup three times.", True),
    ],
)
def test_twice_is_two_times(one: str, other: str, same: bool) -> None:
    [mine] = quantities(parse(one))
    [theirs] = quantities(parse(other))
    assert (mine.noun, theirs.noun) == ("time", "time")
    assert mine.matches(theirs) is same


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("The company will pay £2m a year for five years.", "year"),
        ("It creates 2,000 jobs every year.", "year"),
        ("The drug costs $500 per dose.", "dose"),
        ("Drinkers get through 0.22 litres per capita.", "person"),
        ("Each resident pays £40 a head.", "person"),
        ("The fund pays out £3bn annually.", "year"),
        ("The company will pay £10m in total.", "total"),
        # A year measured from is no rate, nor is "per cent" one.
        ("Sales rose 5% on a year earlier.", ""),
        ("Prices rose 5 per cent.", ""),
    ],
)
def test_a_figure_keeps_what_it_is_counted_per(text: str, per: str) -> None:
    assert quantities(parse(text))[0].per == per


def test_figures_counted_per_different_things_differ() -> None:
    yearly = quantities(parse("The tax raises £3bn a year."))[0]
    monthly = quantities(parse("The tax raises £3bn a month."))[0]
    [unsaid] = quantities(parse("The tax raises £3bn."))
    assert not yearly.matches(monthly)
    assert yearly.matches(unsaid)
