from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.answer_type import Wanted, holds, wanted
from assistant.verify import names_missing


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How many fighters does the PMF have?", Wanted("count", ("fighters",))),
        ("how many people live in Warsaw", Wanted("count", ("people", "live"))),
        ("How much did the June 27 strikes cost?", Wanted("amount", ("cost",))),
        ("What kind of aircraft did the US use?", Wanted("thing", ("aircraft",))),
        ("How many of the targeted sites were in Syria?", Wanted("count", ("targeted", "sites"))),
        ("How many American troops are in Iraq?", Wanted("count", ("american", "troops"))),
        ("Why did the US strike in June 2021?", None),
        ("How much of the city was flooded?", None),
        (
            "How did Iran's foreign ministry react to the strikes?",
            Wanted("speaker", ("iran's", "foreign", "ministry")),
        ),
        ("What did the Iraqi government say about it?", Wanted("speaker", ("iraqi", "government"))),
        ("What did officials say?", Wanted("speaker", ("officials",))),
        ("What did the militias attack?", None),
        ("What was the magnitude of the quake?", Wanted("count", ("magnitude",))),
        ("Which country banned the toys?", Wanted("named", ("country",))),
        ("Which two airlines plan to merge?", Wanted("named", ("airlines",))),
        ("Which product is hard to find?", None),
        ("Which island nation plunged into chaos?", Wanted("named", ("nation",))),
        ("A strike is brewing at which major company?", Wanted("named", ("company",))),
        ("Which of the companies merged?", None),
        ("Which theorem states that odd numbers are sums of primes?", None),
        ("Which menu item did KFC roll out?", None),
        ("Was anybody hurt in the attacks?", Wanted("harm", ("hurt",))),
        ("Were any civilians killed in the raid?", Wanted("harm", ("killed",))),
        ("Was the bill passed?", None),
        ("When was the courthouse demolished?", Wanted("time", ("when",))),
        ("In what year was the street built?", Wanted("time", ("year",))),
        ("Between which years did the sea flow into the ocean?", Wanted("time", ("years",))),
        ("And when was the strike before that?", Wanted("time", ("when",))),
        # "When" that sets a condition asks for no time.
        ("When fewer workers are needed, what happens to jobs?", None),
    ],
)
def test_what_a_question_asks_for(question: str, expected: Wanted | None) -> None:
    assert wanted(question) == expected


def test_harm_is_answered_by_what_a_sentence_says_of_casualties_either_way() -> None:
    want = Wanted("harm", ("hurt",))
    assert holds("No casualties were reported.", want)
    assert holds("Two guards were wounded.", want)
    assert not holds("Four drones hit locations outside Arbil.", want)


@pytest.mark.parametrize(
    ("sentence", "held"),
    [
        ("The courthouse was demolished in 1966.", True),
        ("Many homes date back to the 1930s.", True),
        ("It was razed during the Second World War.", True),
        ("It was pulled down on Tuesday.", True),
        ("It was pulled down in May.", True),
        ("It may be pulled down.", False),
        ("It was pulled down three decades ago.", True),
        ("Among them, the original courthouse (demolished) and the water tower.", False),
    ],
)
def test_a_time_is_answered_by_a_sentence_that_tells_one(sentence: str, held: bool) -> None:
    want = wanted("When was the courthouse demolished?")
    assert want is not None
    assert holds(sentence, want) is held


def test_one_of_a_group_is_no_count() -> None:
    want = Wanted("count", ("swings",))
    assert not holds("If you own one of these swings, check the recall.", want)
    assert holds("The recall covers more than 2 million swings.", want)


def test_a_share_is_no_count() -> None:
    want = wanted("How many times did the plague visit Baghdad?")
    assert want is not None
    sentence = "Baghdad has suffered from the plague, and two-thirds of its people have died."
    assert not holds(sentence, want)
    assert holds("The plague visited Baghdad two times.", want)
    asked = "How many people lived in Egypt at the start of the Black Death?"
    want = wanted(asked)
    assert want is not None
    assert not holds("The Black Death killed about 40% of Egypt's population.", want, asked=asked)
    # Unless a share is what is asked.
    asked = "How many percent of voters backed him?"
    want = wanted(asked)
    assert want is not None
    assert holds("About 40% of voters backed him.", want, asked=asked)


def test_which_country_needs_a_name_the_question_does_not_say() -> None:
    asked = "Which country banned rainbow-colored toys?"
    want = wanted(asked)
    assert want is not None
    assert holds("Saudi officials banned rainbow-colored toys on Tuesday.", want, asked=asked)
    assert not holds("The government banned rainbow-colored toys on Tuesday.", want, asked=asked)
    assert not holds("In June, officials banned the toys.", want, asked=asked)


def test_a_count_needs_a_number_that_is_not_a_year_or_a_time_span() -> None:
    want = Wanted("count", ("targeted", "sites"))
    assert holds("The militias were hit at two locations in Syria.", want)
    assert holds("Officials put the number at about ten thousand.", want)
    assert not holds("The PMF was formed in 2014 to fight the Islamic State.", want)
    assert not holds("Biden took office six months ago.", want)
    assert not holds("Its sites were bombed.", want)
    assert holds("The campaign lasted six months.", Wanted("count", ("months",)))


@pytest.mark.parametrize(
    ("sentence", "held"),
    [
        ("It took him 18 months to write it.", True),
        ("He wrote it in five to ten years.", True),
        ("He wrote it in three-and-a-half years.", True),
        ("It became one of the 100 foundational texts of the Library of Congress.", False),
        # A time that long ago is no span.
        ("He began writing it 18 months ago.", False),
    ],
)
def test_a_count_of_a_unit_of_time_is_a_span_of_time(sentence: str, held: bool) -> None:
    question = "How many months did it take Pierre Bayle to write his Dictionary?"
    want = wanted(question)
    assert want is not None
    assert holds(sentence, want, asked=question) is held


def test_a_time_ago_tells_how_long_since_not_how_long_something_took() -> None:
    since = "How many months had Biden been in office when the strikes happened?"
    want = wanted(since)
    assert want is not None
    assert holds("Biden took office six months ago.", want, asked=since)
    took = "How many years did the war last?"
    want = wanted(took)
    assert want is not None
    assert not holds("The war began 30 years ago.", want, asked=took)
    assert holds("The war went on for 30 years.", want, asked=took)


def test_a_count_is_not_a_number_the_question_states_or_the_day_of_a_date() -> None:
    want = Wanted("count", ("people",))
    question = "How many people were killed in the June 27 US air strikes?"
    assert not holds(
        "The strikes on June 27 were the second ordered by Biden.", want, asked=question
    )
    assert not holds("Strikes were carried out on 27 June.", want)
    assert holds("The June 27 strikes killed four people.", want, asked=question)


def test_a_passage_that_does_not_name_the_questions_names_is_found_out() -> None:
    passage = "The U.S. military struck militias of the Popular Mobilization Forces (PMF) in Iraq."
    assert names_missing("How many fighters does the PMF have?", passage) == []
    assert names_missing("What did American officials say?", passage) == []
    assert names_missing("How many fighters does Hezbollah have?", passage) == ["Hezbollah"]
    # A headline, a lead and a passage: a name in any of them is named; each is read alone.
    lead = "Hezbollah said on Monday it had 100,000 fighters."
    question = "How many fighters do Hezbollah and the PMF have?"
    assert names_missing(question, "Strikes in Iraq", lead, passage) == []
    assert names_missing(question, "Strikes in Iraq", passage) == ["Hezbollah"]


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        # One letter off, in a word of six letters or more: the asker's misspelling.
        ("Who influenced Bismark besides his neighbours?", []),
        ("What does the Nederrikn's name change into?", []),
        # Shorter words are names of their own ("Smith" is not "Smyth"), and so is a word two
        # letters off.
        ("Who influenced Smith?", ["Smith"]),
        ("Who influenced Bizmark?", ["Bizmark"]),
        # Respelt, a name still has to name the passage's person: Joseph is not Carl Wilhelm.
        ("When did Joseph Scheele discover oxygen?", ["Joseph Scheele"]),
    ],
)
def test_a_name_misspelt_by_one_letter_is_the_passages(question: str, missing: list[str]) -> None:
    passage = (
        "Otto von Bismarck was influenced by Hamburg merchants. Smyth wrote that the Nederrijn "
        "becomes the Lek. Carl Wilhelm Scheele and Joseph Priestley each discovered oxygen."
    )
    assert names_missing(question, passage) == missing


def test_a_kind_of_thing_needs_the_thing() -> None:
    want = Wanted("thing", ("aircraft",))
    assert holds("F-15 aircraft carried out the strikes.", want)
    assert not holds("The U.S. military carried out the strikes.", want)


def test_an_amount_of_money_needs_a_currency() -> None:
    want = Wanted("amount", ("cost",))
    assert holds("The strikes cost $2.5 million.", want)
    assert not holds("The strikes cost the militias dearly.", want)


def test_unanswered_count_is_declined_not_guessed(sample_assistant: Assistant) -> None:
    # The sample says what the PMF is, never how many fighters it has.
    answer = sample_assistant.ask("How many fighters does the PMF have?")
    assert answer.refused
    assert answer.citations == []


def test_what_someone_said_is_told_by_a_sentence_about_them() -> None:
    want = Wanted("speaker", ("iraqi", "government"))
    assert holds("The Iraqi government condemned the strikes on Monday.", want)
    assert holds("A spokesman for the government said the raids broke Iraqi law.", want)
    assert not holds("The U.S. military carried out air strikes against militias in Iraq.", want)


@pytest.mark.parametrize(
    ("sentence", "held"),
    [
        ("Iran's foreign ministry condemned the strikes.", True),
        ("The strikes were condemned by Iran.", True),
        ("According to Iran, the strikes broke international law.", True),
        ('"This is illegal," said Iran.', True),
        # Iran named, but not as who speaks or acts.
        ("A U.S. drone strike in Baghdad killed Iran's top general.", False),
        ("The U.S. struck targets in Iran.", False),
        ("Iran is the main backer of the militias.", False),
    ],
)
def test_how_someone_reacted_is_told_by_what_they_said_or_did(sentence: str, held: bool) -> None:
    assert holds(sentence, Wanted("speaker", ("iran",))) is held


def test_a_reaction_the_articles_do_not_report_is_declined(sample_assistant: Assistant) -> None:
    # The sample tells of Iran's general killed in 2020, never of how Iran met these strikes.
    answer = sample_assistant.ask("How did Iran react to the strikes?")
    assert answer.refused
    assert answer.citations == []


@pytest.mark.parametrize(
    ("sentence", "held"),
    [
        ("Rumors of its plans to file for bankruptcy began circulating in August.", False),
        ("Rite Aid filed for bankruptcy on Sunday.", True),
        ("Rite-Aid filed for bankruptcy on Sunday.", True),
        ("Bankrupt-looking chains filed on Sunday.", False),
        ("Walgreens’s rival filed for bankruptcy on Sunday.", True),
        ("CVS said it would not file for bankruptcy.", True),
    ],
)
def test_a_sentence_s_first_word_is_a_name_only_when_it_reads_as_one(
    sentence: str, held: bool
) -> None:
    asked = "Which major pharmacy chain filed for bankruptcy this week?"
    want = wanted(asked)
    assert want is not None and want.kind == "named"
    assert holds(sentence, want, asked=asked) is held


@pytest.mark.parametrize(
    ("sentence", "held"),
    [
        ("Kroger and Albertsons announced Friday plans to merge.", True),
        ("The proposed merger of Kroger and Albertsons would close in 2024.", True),
        (
            "“There is no reason to allow two of the biggest supermarket chains to merge,” Sarah "
            "Miller, Executive Director of the American Economic Liberties Project, said.",
            False,
        ),
    ],
)
def test_which_two_is_answered_by_two_names_together(sentence: str, held: bool) -> None:
    asked = "Which two major supermarkets plan to merge in 2024?"
    want = wanted(asked)
    assert want is not None and want.kind == "named"
    assert holds(sentence, want, asked=asked) is held
