"""The eval metrics on hand-made rows, with the numbers worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from assistant import Answer, Passage
from eval.gate import gate, load_thresholds
from eval.metrics import (
    Cited,
    Estimate,
    Retrieved,
    Row,
    checker_metrics,
    contains_gold,
    is_relevant,
    normalize_answer,
    score_case,
    summarize,
    token_f1,
    value,
)
from eval.suites import Case, GoldSpan
from tests.records import citation_of, passage_of

URL = "https://example.org/a/1"


def _row(
    rid: str,
    *,
    answerable: bool = True,
    rank: int | None = None,
    contains: bool = False,
    f1: float = 0.0,
    cited: tuple[bool, ...] = (),
    refused: bool = False,
    total: float = 1.0,
) -> Row:
    retrieved = (
        [Retrieved(rank=rank, chunk_id="c", url=URL, title="t", start=0, end=10, relevant=True)]
        if rank
        else []
    )
    return Row(
        id=rid,
        type="who" if answerable else "unanswerable",
        question="q?",
        answerable=answerable,
        has_gold=answerable,
        answers=["gold"] if answerable else [],
        refused=refused,
        citations=[
            Cited(number=i, url=URL, title="t", quote="q", quote_start=0, quote_end=1, relevant=r)
            for i, r in enumerate(cited, start=1)
        ],
        retrieved=retrieved,
        first_relevant_rank=rank,
        contains_gold=contains if answerable else None,
        token_f1=f1 if answerable else None,
        timings={"total": total, "retrieve": total / 10},
    )


@pytest.fixture
def rows() -> list[Row]:
    return [
        _row("a", rank=1, contains=True, f1=1.0, cited=(True, True), total=1.0),
        _row("b", rank=3, contains=False, f1=0.0, cited=(True, False), total=2.0),
        _row("c", rank=None, refused=True, total=3.0),
        _row("d", answerable=False, refused=True, total=4.0),
        _row("e", answerable=False, refused=False, cited=(False,), total=5.0),
    ]


def test_normalisation_drops_case_punctuation_articles_and_curly_quotes() -> None:
    assert normalize_answer("The  Kata’ib Hizballah!") == "kata ib hizballah"
    assert normalize_answer("an Iran-backed militia.") == "iran backed militia"


def test_contains_gold_matches_whole_words_of_any_alias_without_markers() -> None:
    assert contains_gold("President Joe Biden ordered them. [1]", ["Donald Trump", "Joe Biden"])
    assert not contains_gold("President Joe Biden ordered them.", ["Bide"])
    assert not contains_gold("Formed in 2014 [1]", ["1"])  # the marker is not an answer


def test_token_f1_is_the_best_over_aliases() -> None:
    # "joe biden ordered" vs "biden": 1 common token, precision 1/3, recall 1 -> F1 0.5
    assert token_f1("Joe Biden ordered", ["Biden", "Donald Trump"]) == pytest.approx(0.5)
    assert token_f1("Joe Biden", ["President Joe Biden"]) == pytest.approx(0.8)
    assert token_f1("nothing here", ["Biden"]) == 0.0


def test_relevance_is_overlap_with_a_gold_span_of_the_same_article() -> None:
    case = Case(
        id="x",
        question="q?",
        type="who",
        answers=["a"],
        gold_urls=[URL],
        gold_spans=[GoldSpan(url="HTTPS://Example.org/a/1#frag", start=100, end=200)],
    )
    assert is_relevant(case, URL, 150, 250)
    assert is_relevant(case, URL, 0, 101)
    assert not is_relevant(case, URL, 200, 300)  # [start, end): touching is not overlapping
    assert not is_relevant(case, "https://example.org/a/2", 150, 250)
    by_article = case.model_copy(update={"gold_spans": []})
    assert is_relevant(by_article, URL + "#:~:text=x", 0, 1)


def test_summary_values(rows: list[Row]) -> None:
    summary = summarize(rows)
    expected = {
        "hit@1": 1 / 3,
        "hit@4": 2 / 3,
        "hit@10": 2 / 3,
        "mrr@10": (1 + 1 / 3 + 0) / 3,
        "answer_contains": 1 / 3,  # the refused answerable case counts as wrong
        "answer_f1": 1 / 3,
        "citation_precision": 3 / 4,  # 2 of 2 and 1 of 2; the unanswerable case's citation not
        "citation_recall": 1.0,  # both answered answerable cases cite gold
        "correct_refusal": 1 / 2,
        "false_refusal": 1 / 3,
        "latency_total_p50": 3.0,
        "latency_total_p95": 4.8,
        "latency_retrieve_p50": 0.3,
    }
    for name, number in expected.items():
        assert summary[name].value == pytest.approx(number), name
    assert summary["hit@1"].n == 3
    assert summary["citation_precision"].n == 2
    assert summary["correct_refusal"].n == 2
    assert summary["latency_answer_p50"].value is None and summary["latency_answer_p50"].n == 0


def test_bootstrap_intervals_bracket_the_value_and_are_reproducible(rows: list[Row]) -> None:
    first, second = summarize(rows), summarize(rows)
    for name, estimate in first.items():
        assert estimate == second[name], name
        if estimate.value is not None:
            assert estimate.low is not None and estimate.high is not None
            assert estimate.low <= estimate.value + 1e-9 <= estimate.high + 2e-9, name
    assert first["citation_recall"].low == first["citation_recall"].high == 1.0


def test_bootstrap_interval_narrows_with_more_cases(rows: list[Row]) -> None:
    few, many = summarize(rows)["hit@4"], summarize(rows * 20)["hit@4"]
    assert many.value == few.value
    assert (many.high or 0) - (many.low or 0) < (few.high or 0) - (few.low or 0)


def test_empty_metric_is_none() -> None:
    only_unanswerable = [_row("d", answerable=False, refused=True)]
    assert value(only_unanswerable, "hit@1") is None
    assert value(only_unanswerable, "correct_refusal") == 1.0


def _passage(rank: int, start: int, end: int, url: str = URL) -> Passage:
    return passage_of(
        "x" * (end - start),
        chunk_id=f"c{rank}",
        article_id="a",
        title="t",
        url=url,
        start=start,
        score=1.0 / rank,
        rank=rank,
    )


def test_score_case_scores_ranking_answer_and_citations() -> None:
    case = Case(
        id="s-1",
        question="Who ordered the strikes?",
        type="who",
        answers=["Joe Biden", "Biden"],
        gold_urls=[URL],
        gold_spans=[GoldSpan(url=URL, start=200, end=300)],
        as_of=date(2021, 6, 28),
    )
    ranking = [
        _passage(1, 0, 150),
        _passage(2, 500, 700, "https://other.org/b"),
        _passage(3, 250, 400),
    ]
    citation = citation_of(article_id="a", title="t", url=URL, quote_end=100, chunk_text="x")
    answer = Answer(
        question=case.question,
        text="The Pentagon said the president ordered them. [1]",
        citations=[citation],
        passages=ranking[:2],
        timings={"total": 0.5},
    )
    row = score_case(case, answer, ranking)
    assert row.first_relevant_rank == 3
    assert [r.relevant for r in row.retrieved] == [False, False, True]
    assert row.metrics["hit@1"] == 0.0 and row.metrics["hit@4"] == 1.0
    assert row.metrics["mrr@10"] == pytest.approx(1 / 3)
    assert row.metrics["answer_contains"] == 0.0
    assert row.metrics["citation_precision"] == 0.0
    assert row.why == [
        "the first gold chunk is at rank 3, below the 2 passages read",
        "answer lacks gold string",
        "no citation overlaps the gold span",
    ]


def test_score_case_unanswerable_answered() -> None:
    case = Case(id="u", question="How many died?", type="unanswerable")
    answer = Answer(question=case.question, text="Many. [1]", refused=False)
    row = score_case(case, answer, [_passage(1, 0, 10)])
    assert row.metrics == {"correct_refusal": 0.0}
    assert row.why == ["answered an unanswerable question"]
    assert not row.retrieved[0].relevant


def test_checker_metrics_on_two_pairs() -> None:
    passage = "The Pentagon said on June 27 that President Joe Biden ordered the air strikes."
    pairs = [
        {"id": "1", "sentence": passage, "passage": passage, "label": "supported", "kind": "exact"},
        {
            "id": "2",
            "sentence": passage.replace("27", "29"),
            "passage": passage,
            "label": "unsupported",
            "kind": "date",
        },
    ]
    summary, checked = checker_metrics(pairs)
    assert [c.accepted for c in checked] == [True, False]
    assert summary["precision"].value == summary["recall"].value == 1.0
    assert summary["rejection_of_unsupported"].value == 1.0
    assert summary["acceptance_of_supported"].n == 1


def test_gate_reports_each_metric_outside_its_threshold() -> None:
    summary = {
        "hit@4": Estimate(value=0.8, low=0.7, high=0.9, n=10),
        "false_refusal": Estimate(value=0.2, low=0.1, high=0.3, n=10),
        "answer_contains": Estimate(value=None, low=None, high=None, n=0),
    }
    limits = {"min": {"hit@4": 0.8, "answer_contains": 0.5}, "max": {"false_refusal": 0.1}}
    failures = gate(summary, limits)
    assert failures == [
        "answer_contains: not measured (gate min 0.5)",
        "false_refusal = 0.200 is above its ceiling 0.1",
    ]
    assert gate(summary, {"min": {"hit@4": 0.81}, "max": {}}) == [
        "hit@4 = 0.800 is below its floor 0.81"
    ]


def test_gate_thresholds_file_names_known_metrics() -> None:
    limits = load_thresholds()  # raises on a metric name it does not know
    assert limits["min"], "the gate must check something"
    assert all(0 <= v <= 1 for bound in limits.values() for v in bound.values())
