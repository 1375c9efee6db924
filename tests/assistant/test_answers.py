from __future__ import annotations

import pytest

from assistant import Answer, Assistant

SAMPLE_URL = "https://www.rferl.org/a/us-strike-iran-militia-iraq-syria/31328792.html"


def _article_text(assistant: Assistant, article_id: str) -> str:
    [row] = [a for a in assistant.sources() if a.id == article_id]
    return row.text


def test_why_question_is_answered_with_a_verbatim_dated_citation(
    sample_assistant: Assistant,
) -> None:
    answer = sample_assistant.ask("Why did the US strike in June 2021?")
    assert not answer.refused
    assert "in retaliation for drone attacks" in answer.text
    assert answer.text.endswith("[1]")
    citation = answer.citations[0]
    assert (citation.url, citation.outlet, citation.published.isoformat()) == (
        SAMPLE_URL,
        "RFE/RL",
        "2021-06-27",
    )
    text = _article_text(sample_assistant, citation.article_id)
    assert text[citation.quote_start : citation.quote_end] == citation.quote
    assert citation.quote in citation.chunk_text
    assert set(answer.timings) >= {"retrieve", "answer", "verify", "total"}


@pytest.mark.parametrize(
    "question",
    ["What is the capital of Australia?", "Who won the 2018 football World Cup?"],
)
def test_questions_the_articles_do_not_cover_are_declined(
    sample_assistant: Assistant, question: str
) -> None:
    answer = sample_assistant.ask(question)
    assert answer.refused
    assert answer.citations == []
    assert "don't cover" in answer.text


def test_what_someone_said_is_answered_only_by_what_they_said(
    sample_assistant: Assistant,
) -> None:
    # The article reports the Pentagon's words and no Syrian reaction at all.
    said = sample_assistant.ask("What did the Pentagon say about the strikes?")
    assert not said.refused and "the Pentagon said" in said.text
    reacted = sample_assistant.ask("How did the Syrian government respond to the air strikes?")
    assert reacted.refused and reacted.citations == []
    assert "do not report what the Syrian government said or did in reply" in reacted.text


def test_whether_anyone_was_hurt_is_answered_with_the_attack_it_reports_on(
    sample_assistant: Assistant,
) -> None:
    answer = sample_assistant.ask("Was anybody hurt in the drone attacks outside Arbil?")
    assert not answer.refused
    assert answer.text.endswith(
        "outside the semi-autonomous region’s capital, Arbil. No casualties were reported. [1]"
    )
    follow_up = sample_assistant.ask(
        "Was anyone hurt?", history=["How many drones hit near Arbil on June 26?"]
    )
    assert "No casualties were reported. [1]" in follow_up.text


def test_what_a_sentence_says_of_another_month_does_not_answer_a_dated_question(
    sample_assistant: Assistant,
) -> None:
    """The article counts the dead of February's rocket attacks, none of June 27's strikes."""
    answer = sample_assistant.ask("How many people were killed by the June 27 strikes?")
    assert "February" not in answer.text and "civilian contractor" not in answer.text
    # Nor does the count of June 26's drones: the article gives no toll for June 27.
    assert answer.refused and "drones" not in answer.text
    assert answer.text.endswith("give no figure for people killed by the June 27 strikes.")
    # A month that bounds the time asked for is no reason to pass over the sentences about it.
    earlier = sample_assistant.ask("When did the US last strike these same militias before June?")
    assert not earlier.refused
    assert earlier.text.startswith("In February, the U.S. military launched air strikes")


def test_filters_that_exclude_every_article_lead_to_a_refusal(sample_assistant: Assistant) -> None:
    assert sample_assistant.ask("Why did the US strike?", filters={"outlet": "BBC"}).refused
    assert sample_assistant.ask("Why did the US strike?", filters={"from": "2022-01-01"}).refused
    assert not sample_assistant.ask("Why did the US strike?", filters={"outlet": "RFE/RL"}).refused


def test_bad_input_gets_a_specific_error(sample_assistant: Assistant) -> None:
    with pytest.raises(ValueError, match="question is empty"):
        sample_assistant.ask("  ")
    with pytest.raises(ValueError, match="as_of"):
        sample_assistant.ask("Why?", as_of="someday soonish")
    with pytest.raises(ValueError, match=r"filters\.from: cannot read 'last Tuesdayish'"):
        sample_assistant.ask("Why?", filters={"from": "last Tuesdayish"})
    with pytest.raises(ValueError, match="unknown keys"):
        sample_assistant.ask("Why?", filters={"site": "x"})


def test_stream_yields_the_text_then_the_answer(sample_assistant: Assistant) -> None:
    pieces = list(sample_assistant.stream("Who ordered the air strikes?"))
    *text, final = pieces
    assert isinstance(final, Answer)
    assert text and all(str(p).strip().endswith("]") for p in text)  # whole, cited sentences
    assert "".join(str(p) for p in text) == final.text
    assert "Biden" in final.text


def test_follow_up_question_uses_the_conversation(sample_assistant: Assistant) -> None:
    chat = sample_assistant.chat()
    chat.ask("Why did the US strike Iran-backed militias in June 2021?")
    follow_up = chat.ask("And when was the strike before that?")
    assert not follow_up.refused
    assert "February" in follow_up.text
    assert chat.history == [
        "Why did the US strike Iran-backed militias in June 2021?",
        "And when was the strike before that?",
    ]


def test_confidence_is_a_probability_higher_for_what_the_article_answers(
    sample_assistant: Assistant,
) -> None:
    answered = sample_assistant.ask("Why did the US strike in June 2021?")
    off_topic = sample_assistant.ask("What is the capital of Australia?")
    # No passage names Australia: nothing is a candidate, and the confidence is nil.
    assert 0 <= off_topic.confidence < answered.confidence <= 1


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("How did Hezbollah respond to the US air strikes on the militias?", "Hezbollah"),
        ("How many Iran-backed militias did the US strike in Lebanon?", "Lebanon"),
    ],
)
def test_a_refusal_names_what_the_articles_never_name(
    sample_assistant: Assistant, question: str, named: str
) -> None:
    """On the article's topic, but about someone or somewhere it never names: the refusal says
    which name it lacks, not that the articles are off topic."""
    answer = sample_assistant.ask(question)
    assert answer.refused
    assert answer.text.startswith("The articles cover this (")
    assert answer.text.endswith(f"but do not name {named}.")


@pytest.mark.parametrize(
    ("question", "ending"),
    [
        # No sentence denies a strike on any facility, and no kind of answer is named.
        (
            "Which facilities did the US not strike in Syria?",
            "but no sentence in them answers the question.",
        ),
        (
            "What did the Pentagon not say about the air strikes?",
            "but do not report what the Pentagon said or did in reply.",
        ),
    ],
)
def test_a_refusal_on_the_articles_topic_says_so(
    sample_assistant: Assistant, question: str, ending: str
) -> None:
    answer = sample_assistant.ask(question)
    assert answer.refused
    assert answer.text.startswith("The articles cover this (")
    assert answer.text.endswith(ending)


def test_a_name_in_what_sets_the_question_up_is_not_asked_about(
    sample_assistant: Assistant,
) -> None:
    """The article never names Hezbollah; the question only says so before it asks."""
    answer = sample_assistant.ask(
        "Hezbollah condemned the strikes on the Iraq-Syria border this week. Who ordered them?"
    )
    assert not answer.refused, answer.text
    assert "Biden" in answer.text
    asked = sample_assistant.ask("Who ordered the strikes that Hezbollah condemned?")
    assert asked.refused and asked.citations == []
