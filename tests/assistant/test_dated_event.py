"""Whether a sentence dates the event a question asks the time of."""

from __future__ import annotations

import pytest

from assistant.dated_event import AskedEvent, answering, asked_event, dates_event
from assistant.verify.nlp import parse


def _same(word: str, others: list[str]) -> bool:
    return word in others


@pytest.mark.parametrize(
    ("question", "event"),
    [
        ("In what year was Louis XIII crowned?", AskedEvent("crown", "xiii")),
        ("When did the German army enter the Rhineland?", AskedEvent("enter", "rhineland")),
        ("Police raided a bar. When did they leave?", AskedEvent("leave")),
        # The parser hangs the participle on "was"; what is said of a thing is asked.
        ("In what year was J.I. Pontanus born?", AskedEvent("bear", "pontanus")),
        (
            "What year is the oldest pharmacy said to have been lost?",
            AskedEvent("lose", "pharmacy"),
        ),
        # No event of its own, or a light verb: the time of the subject is asked.
        ("When was the Battle of Hastings?", None),
        ("When did the Tudor era begin?", None),
    ],
)
def test_the_event_a_question_asks_the_time_of(question: str, event: AskedEvent | None) -> None:
    assert asked_event(question) == event


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        ("Louis XIII was crowned in 1610.", True),
        # The question's verb anywhere in the sentence: the parse need not tie it to the year.
        ("In 1685, he issued the Edict of Fontainebleau, crowning his son.", True),
        ("Louis XIV gained the throne in 1643.", False),
        ("The Old Truman Brewery was founded in 1724.", False),
        # No time the parse can place: left to the question's answer type.
        ("Louis XIV gained the throne.", None),
    ],
)
def test_a_sentence_dates_the_event_or_another(sentence: str, dated: bool | None) -> None:
    assert dates_event(parse(sentence), AskedEvent("crown", "xiii"), _same) is dated


def test_a_word_close_in_meaning_dates_the_event() -> None:
    sentence = parse("He published a reflection written in the 1950s.")
    reflected = AskedEvent("reflect")
    assert dates_event(sentence, reflected, lambda word, others: "reflection" in others)
    assert not dates_event(sentence, reflected, _same)


def test_what_the_event_is_done_to_dates_it_too() -> None:
    # "On what date did the US carry out these air strikes?"
    event = AskedEvent("carry", "strike")
    sentence = parse("The Pentagon said on June 27 that Biden ordered the air strikes.")
    assert dates_event(sentence, event, _same)
    assert not dates_event(parse("Biden took office in January."), event, _same)
    assert dates_event(parse("The strikes on June 27 hit three facilities."), event, _same)
    # What the thing is, dated: "When was the PMF set up?"
    sentence = parse("The PMF is an organization of militias that was formed in 2014.")
    assert dates_event(sentence, AskedEvent("set", "pmf"), _same)


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        (
            "His method is described in the Jade Mirror, written in 1303.",
            AskedEvent("publish", "mirror"),
        ),
        (
            "The finest are St. John's Cathedral (14th century) and the castle.",
            AskedEvent("build", "cathedral"),
        ),
        (
            "On 1 July 1851, writs were issued, and the independence of Victoria was established.",
            AskedEvent("declare", "victoria"),
        ),
    ],
)
def test_what_the_event_is_done_to_is_dated_in_its_phrase_or_as_what_an_argument_is_of(
    sentence: str, event: AskedEvent
) -> None:
    assert dates_event(parse(sentence), event, _same)


def test_a_name_in_another_phrase_of_a_dated_sentence_does_not_date_the_event() -> None:
    # "In what year was J.I. Pontanus born?"
    event = AskedEvent("bear", "pontanus")
    sentence = parse(
        "The Latin name first appeared in modern times in 1631 in a book on Danish history by "
        "J.I. Pontanus."
    )
    assert not dates_event(sentence, event, _same)


def test_a_verb_of_telling_dates_another() -> None:
    sentence = parse("Kurdish officials said on June 26 that four drones hit locations.")
    assert dates_event(sentence, AskedEvent("report", "attack"), _same)
    assert not dates_event(sentence, AskedEvent("strike", "base"), _same)


def test_sentences_are_kept_by_the_event_s_stem_or_by_their_parse() -> None:
    sentences = [
        "Louis XIII was crowned at Reims in 1610.",
        "Louis XIV gained the throne in 1643.",
        "Louis XIV gained the throne.",
    ]
    kept = answering(sentences, AskedEvent("crown", "xiii"), _same)
    assert kept == [True, False, True]
