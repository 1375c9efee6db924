from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from assistant import Assistant, AssistantSettings
from assistant.answerers import GroundedAnswerer
from assistant.answerers.grounded import SHORTLIST
from assistant.verify import nlp
from index.embeddings import MiniLMEmbeddings
from tests.records import passage_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

QUIZ = (
    "Which product remains difficult to find in many US stores due to a nationwide shortage? "
    "Parents have searched for weeks. Baby formula remains scarce in many US stores because "
    "of a nationwide shortage, and prices have risen."
)


def test_a_question_in_a_passage_is_never_the_answer(embedder: MiniLMEmbeddings) -> None:
    answerer = GroundedAnswerer(embedder)
    question = (
        "Which product remains difficult to find in many US stores due to a nationwide shortage?"
    )
    draft = answerer.draft(question, [passage_of(QUIZ, title="News quiz")])
    assert [s.text for s in draft.sentences] == [
        "Baby formula remains scarce in many US stores because of a nationwide shortage, and "
        "prices have risen."
    ]


LIBRARY = (
    "The council closed the library on Monday. Readers were sent to the branch in Hill Street. "
    "Officials said the library was closed because water had come through its roof."
)


def test_the_sentence_that_answers_outranks_the_one_that_restates_the_question(
    embedder: MiniLMEmbeddings,
) -> None:
    answerer = GroundedAnswerer(embedder, max_sentences=1)
    draft = answerer.draft(
        "Why did the council close the library?", [passage_of(LIBRARY, title="Library shut")]
    )
    assert [s.text for s in draft.sentences] == [
        "Officials said the library was closed because water had come through its roof."
    ]


FORT = (
    "On 3 May 1802, a Danish squadron attacked Fort Helder and took nearly all of its garrison "
    "prisoner.",
    "The Danish navy renamed the fort Nyborg and kept a garrison there for a century.",
    "Little of the old walls survives today.",
)


@pytest.mark.parametrize(("order", "shown"), [((0, 1, 2), [0, 1]), ((0, 2, 1), [0])])
def test_the_sentence_after_the_best_is_shown_with_it_when_close_behind(
    order: tuple[int, ...], shown: list[int], embedder: MiniLMEmbeddings
) -> None:
    # The best sentence tells the attack the question names; the answer, the new name, is in
    # the next one, which scores about four fifths of the best: shown when it comes next.
    passage = passage_of(" ".join(FORT[i] for i in order), title="Fort Helder")
    draft = GroundedAnswerer(embedder).draft(
        "What was Fort Helder renamed after the Danish attack?", [passage]
    )
    assert [s.text for s in draft.sentences] == [FORT[i] for i in shown]


def test_the_sentence_after_the_best_is_shown_once_when_it_is_also_close(
    embedder: MiniLMEmbeddings,
) -> None:
    # The next sentence scores within 0.9 of the best, so it is drawn as the second sentence;
    # room for a third does not show it again as the one that follows.
    renamed = (
        "Danish officers renamed the captured Fort Helder Nyborg, after their own home port, "
        "and kept it for a century."
    )
    passage = passage_of(f"{FORT[0]} {renamed} {FORT[2]}", title="Fort Helder")
    draft = GroundedAnswerer(embedder, max_sentences=3).draft(
        "What was Fort Helder renamed after the Danish attack?", [passage]
    )
    assert [s.text for s in draft.sentences] == [FORT[0], renamed]


@pytest.mark.parametrize(
    "question",
    ["Why did the US strike in June 2021?", "Who ordered the air strikes on the militias?"],
)
def test_a_shortlist_by_in_context_vectors_keeps_the_best_sentence(
    question: str, sample_assistant: Assistant, embedder: MiniLMEmbeddings
) -> None:
    shortlisted = sample_assistant.candidates(question)
    everything = GroundedAnswerer(embedder).candidates(question, sample_assistant.search(question))
    assert len(everything) > SHORTLIST, "too few sentences to shortlist"
    assert len(shortlisted) <= SHORTLIST
    assert {c.text for c in shortlisted} < {c.text for c in everything}
    # The same best sentence, scored from its vector kept at ingest (float16) or made now.
    assert (shortlisted[0].passage, shortlisted[0].text) == (
        everything[0].passage,
        everything[0].text,
    )
    assert shortlisted[0].support == pytest.approx(everything[0].support, abs=1e-3)


def test_a_shortlist_leaves_out_what_is_far_behind_the_best(
    sample_assistant: Assistant, embedder: MiniLMEmbeddings
) -> None:
    question = "Why did the US strike in June 2021?"
    passages = sample_assistant.search(question)
    in_context = sample_assistant.answerers["grounded"].in_context
    wide = GroundedAnswerer(embedder, in_context=in_context, shortlist_margin=1.0)
    tight = GroundedAnswerer(embedder, in_context=in_context, shortlist_margin=0.0)
    assert len(wide.candidates(question, passages)) == SHORTLIST
    # Only the best on its in-context vector (and any tie) is scored in full.
    assert len(tight.candidates(question, passages)) == 1


def test_a_negative_shortlist_margin_is_refused(embedder: MiniLMEmbeddings) -> None:
    with pytest.raises(ValueError, match=r"shortlist_margin: -0\.1 is below 0"):
        GroundedAnswerer(embedder, shortlist_margin=-0.1)


def test_a_shortlist_shorter_than_an_answer_is_refused(embedder: MiniLMEmbeddings) -> None:
    with pytest.raises(ValueError, match="shortlist: 1 is fewer than max_sentences"):
        GroundedAnswerer(embedder, shortlist=1)


OUTBREAK = (
    "The agency activated its emergency operations center on Tuesday to respond to the "
    "monkeypox outbreak, officials said."
)


@pytest.mark.parametrize(
    ("article", "answered"),
    [
        (f"The CDC said cases were rising. {OUTBREAK}", True),
        (f"Health officials said cases were rising. {OUTBREAK}", False),
        # Named only far into the story, in another passage: it may be about something else.
        (f"{'Clinics in the district reported queues. ' * 30}{OUTBREAK} The CDC said so.", False),
    ],
)
def test_a_name_the_question_asks_about_is_looked_up_in_the_articles_lead(
    article: str, answered: bool, embedder: MiniLMEmbeddings
) -> None:
    question = "Which outbreak did the CDC activate its emergency operations center for?"
    passages = [passage_of(OUTBREAK, start=len(article) - len(OUTBREAK))]
    by_article = GroundedAnswerer(embedder, articles=lambda _: {"a1": article})
    draft = by_article.draft(question, passages)
    assert [s.text for s in draft.sentences] == ([OUTBREAK] if answered else [])
    assert GroundedAnswerer(embedder).draft(question, passages).sentences == [], (
        "the passage alone never names the CDC"
    )


def test_the_assistant_finds_a_name_in_another_passage_of_the_article(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, tmp_path: Path
) -> None:
    filler = [
        f"Clinic {n} in the northern district reported longer queues, and its staff asked "
        f"visitors to book ahead, wear masks in waiting rooms and bring their records {n}."
        for n in range(1, 15)
    ]
    story = tmp_path / "outbreak.txt"
    story.write_text(
        "Health agency steps up its response\n\n"
        "The Centers for Disease Control and Prevention (CDC) said cases were rising.\n\n"
        + "\n\n".join(filler)
        + f"\n\n{OUTBREAK}\n",
        encoding="utf-8",
    )
    assistant = Assistant(settings, embedder=embedder)
    assistant.ingest([story])
    answer = assistant.ask(
        "Which outbreak did the CDC activate its emergency operations center for?"
    )
    (citation,) = answer.citations
    assert "monkeypox outbreak" in citation.quote and OUTBREAK.startswith(citation.quote)
    assert "CDC" not in citation.chunk_text, "the cited passage itself never names the CDC"


VARIANT = (
    "Arcturus COVID-19 symptoms\n\n"
    "Doctors say the Arcturus variant has been known to cause pink eye in children. "
    "Most cases are mild."
)


def test_a_heading_is_passed_over_for_the_sentence_that_can_be_cited(
    embedder: MiniLMEmbeddings,
) -> None:
    answerer = GroundedAnswerer(embedder, max_sentences=1)
    question = "What symptom has the Arcturus COVID-19 variant been known to cause?"
    passages = [passage_of(VARIANT, title="Arcturus")]
    ranked = answerer.candidates(question, passages)
    assert ranked[0].text == "Arcturus COVID-19 symptoms", "the heading no longer ranks first"
    draft = answerer.draft(question, passages)
    assert [s.text for s in draft.sentences] == [
        "Doctors say the Arcturus variant has been known to cause pink eye in children."
    ]


MARYLAND = "Voters in Maryland approved legalizing recreational marijuana through an amendment."
LEGALIZE = (
    "Which state approved a ballot measure this week that will legalize recreational marijuana?"
)


@pytest.mark.parametrize(
    "other",
    [
        # The opposite of what is asked, in a passage that also tells of an approval.
        "Voters in Arkansas rejected a ballot measure on Tuesday that would legalize recreational "
        "marijuana. A ballot measure made Arkansas the first Bible Belt state to approve medical "
        "marijuana.",
        # What was approved years before this week's news.
        "Voters in South Dakota approved a ballot measure to legalize recreational marijuana in "
        "2020, but courts nullified the result.",
    ],
)
def test_what_says_the_opposite_or_dates_itself_years_back_does_not_answer_this_weeks_news(
    other: str, embedder: MiniLMEmbeddings
) -> None:
    answerer = GroundedAnswerer(embedder, max_sentences=1)
    passages = [
        passage_of(text, title="Marijuana on the ballot", published=date(2022, 11, 9), rank=rank)
        for rank, text in enumerate([other, MARYLAND], start=1)
    ]
    draft = answerer.draft(LEGALIZE, passages)
    assert [s.text for s in draft.sentences] == [MARYLAND]


QUAKE = (
    "Afghanistan was rocked by its deadliest earthquake in decades on Wednesday when a magnitude "
    "5.9 earthquake struck the country's east, killing more than 1,000 people and wounding many "
    "more, according to a regional official."
)


def test_a_sentence_telling_what_the_question_itself_says_is_not_its_opposite(
    embedder: MiniLMEmbeddings,
) -> None:
    # Killing is the opposite of injuring, but the question tells both: a sentence that
    # says "killing" where the question's other verb, "injured", stands is no contradiction.
    answerer = GroundedAnswerer(embedder, max_sentences=1)
    question = (
        "Afghanistan was rocked by a powerful earthquake this week that killed more than 1,000 "
        "people and injured many others. What was the magnitude of the quake?"
    )
    passages = [passage_of(QUAKE, title="Deadly earthquake", published=date(2022, 6, 22))]
    draft = answerer.draft(question, passages)
    assert [s.text for s in draft.sentences] == [QUAKE]


BLINK_LEAD = (
    "CNN —\n\nBlink-182 is coming to a city near you.\n\n"
    "The band posted a funny video on Tuesday, filled with jokes."
)
BLINK_LATER = (
    "Mark Hoppus and Travis Barker will reunite with Tom DeLonge. It's the first time the trio "
    "will be together since 2015. They are dropping a new single on Friday, titled Edging, and "
    "will tour next year."
)


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # The answer says "the trio" and "they": which band comes from the story's first line.
        (
            "Which band announced this week it's dropping a new single and will go on tour?",
            True,
        ),
        # Not asked which: the sentence answers alone.
        ("When will the trio's new single come out?", False),
    ],
)
def test_an_answer_that_points_back_is_led_by_the_sentence_naming_what_the_story_is_about(
    question: str, lead: bool, embedder: MiniLMEmbeddings
) -> None:
    answerer = GroundedAnswerer(embedder)
    passages = [
        passage_of(BLINK_LATER, chunk_id="c2", start=500),
        passage_of(BLINK_LEAD, rank=2),
    ]
    drafted = [(s.text, s.cites) for s in answerer.draft(question, passages).sentences]
    answer = (
        "It's the first time the trio will be together since 2015. They are dropping a new single "
        "on Friday, titled Edging, and will tour next year.",
        (1,),
    )
    assert drafted == ([("Blink-182 is coming to a city near you.", (2,))] if lead else []) + [
        answer
    ]


FILM_LEAD = (
    "Jan. 24, 2023 Updated Jan. 25, 2023, 3:43 p.m. ET\n\n"
    "Everything Everywhere All at Once leads this year's Oscar field.\n\n"
    "The academy announced its nominees on Tuesday morning."
)
FILM_LATER = (
    "The film scored 11 Oscar nominations, including best actress for Michelle Yeoh. Its "
    "directors were nominated too."
)


def test_an_answer_that_names_what_was_asked_only_as_the_thing_asked_is_led_by_its_name(
    embedder: MiniLMEmbeddings,
) -> None:
    # "Which film ...?" answered by "The film scored ...": the story's first line names it,
    # and the page's time stamp above that line is not its first sentence.
    answerer = GroundedAnswerer(embedder, max_sentences=1)
    passages = [
        passage_of(FILM_LATER, chunk_id="c2", start=500),
        passage_of(FILM_LEAD, rank=2),
    ]
    draft = answerer.draft("Which film scored the most Oscar nominations this week?", passages)
    assert [(s.text, s.cites) for s in draft.sentences] == [
        ("Everything Everywhere All at Once leads this year's Oscar field.", (2,)),
        ("The film scored 11 Oscar nominations, including best actress for Michelle Yeoh.", (1,)),
    ]


def test_a_question_read_ahead_is_not_parsed_again_by_the_draft(
    embedder: MiniLMEmbeddings, monkeypatch: pytest.MonkeyPatch
) -> None:
    answerer = GroundedAnswerer(embedder)
    # What sets the question up is parsed apart from what it asks.
    question = "Port Ellis has a new harbour wall. Which firm is building the harbour wall?"
    answerer.read_ahead(question)
    parsed: list[str] = []
    parse_texts = nlp.parse_texts

    def counting(texts: Iterable[str]) -> Iterator[Doc]:
        texts = list(texts)
        parsed.extend(texts)
        return parse_texts(texts)

    monkeypatch.setattr(nlp, "parse_texts", counting)
    story = "Coastworks Ltd is building the new harbour wall at Port Ellis, the council said."
    draft = answerer.draft(question, [passage_of(story, title="Harbour")])
    assert [s.text for s in draft.sentences] == [story]
    assert parsed, "the draft parsed nothing: the test no longer says what read_ahead spares"
    assert question not in parsed
    assert "Which firm is building the harbour wall?" not in parsed


def test_a_preposition_is_no_opposite_of_the_questions_verb(embedder: MiniLMEmbeddings) -> None:
    # "like" in "practices like fasting" says nothing against "dislike".
    answerer = GroundedAnswerer(embedder, max_sentences=1)
    sentence = (
        "Some policies of the emperors severely discriminated against the monks, restricting "
        "practices like fasting and forcing them to eat meat."
    )
    draft = answerer.draft(
        "What policies of the emperors did the monks dislike?",
        [passage_of(sentence, title="The emperors and the monks")],
    )
    assert [s.text for s in draft.sentences] == [sentence]


BREWERY = (
    "The Old Truman Brewery, then known as the Black Eagle Brewery, was founded in 1724. "
    "The brewery changed its name to the Old Truman Brewery in 1873."
)


def test_a_question_of_time_is_answered_by_the_time_of_its_own_event(
    embedder: MiniLMEmbeddings,
) -> None:
    answerer = GroundedAnswerer(embedder, max_sentences=1)
    question = "In what year did the Black Eagle Brewery change its name?"
    draft = answerer.draft(question, [passage_of(BREWERY, title="Brick Lane")])
    assert [s.text for s in draft.sentences] == [
        "The brewery changed its name to the Old Truman Brewery in 1873."
    ]
    # A year of another event is no answer: the founding is no change of name.
    founded = BREWERY.split(" The brewery")[0]
    assert answerer.draft(question, [passage_of(founded, title="Brick Lane")]).sentences == []
