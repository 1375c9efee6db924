from __future__ import annotations

from index.lexical import query_terms


def test_query_keeps_the_words_a_question_hinges_on() -> None:
    # scikit-learn's stop list would drop "system", "found", "top" and "bill".
    assert query_terms("What was the goal of the system that found the top bill?") == [
        "goal",
        "system",
        "found",
        "top",
        "bill",
    ]
