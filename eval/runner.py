"""Run a suite: index its corpus into the suite's own collection, ask every case, score it."""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from pydantic import BaseModel
from tqdm import tqdm

from assistant import Assistant, AssistantSettings
from eval.metrics import TOP_K, Estimate, Row, failed_row, score_case, summarize
from eval.suites import Case, Suite


class Run(BaseModel):
    """A finished run: what was run with which settings, one scored row per case, and the
    summary metrics with their intervals."""

    suite: str
    started: datetime
    seconds: float
    settings: dict[str, Any]
    ingest: str
    rows: list[Row]
    summary: dict[str, Estimate]


def suite_assistant(suite: Suite, settings: AssistantSettings) -> Assistant:
    """An assistant on the suite's own collection in ``settings.data_dir``: built once, reused
    by every later run of the suite."""
    return Assistant(
        settings.model_copy(update={"collection": suite.collection, "sample_if_empty": False})
    )


def run_suite(suite: Suite, assistant: Assistant, *, progress: bool = True) -> Run:
    """Index ``suite.corpus`` (nothing to do when unchanged), then ask and score every case."""
    started = datetime.now().astimezone()
    clock = time.perf_counter()
    report = assistant.ingest(suite.corpus)
    if report.failed and not (report.added or report.updated or report.unchanged):
        raise RuntimeError(f"suite {suite.name}: nothing could be indexed\n{report.summary()}")
    rows: list[Row] = []
    cases = tqdm(suite.cases, desc=f"eval {suite.name}", unit="case", disable=not progress)
    for case in cases:
        rows.append(ask_case(assistant, case))
        cases.set_postfix(_running(rows), refresh=False)
    return Run(
        suite=suite.name,
        started=started,
        seconds=time.perf_counter() - clock,
        # All of them: the assistant gains settings, and any may move the numbers.
        settings=assistant.settings.model_dump(mode="json"),
        ingest=report.summary(),
        rows=rows,
        summary=summarize(rows),
    )


def ask_case(assistant: Assistant, case: Case) -> Row:
    """Ask the case's question, rank its top 10 passages, and score both."""
    try:
        # Asked first, so its latency includes the work a cold cache costs (sentence vectors).
        answer = assistant.ask(case.question, as_of=case.as_of, history=case.turns)
        if case.turns:
            # A follow-up is searched after the assistant condenses it with the earlier turns:
            # asking for 10 passages gives the ranking it really searched with.
            ranking = assistant.ask(
                case.question, as_of=case.as_of, k=TOP_K, history=case.turns
            ).passages
        else:
            ranking = assistant.search(case.question, k=TOP_K, as_of=case.as_of)
    except Exception as error:  # one bad case must not end an hour-long run: it is scored failed
        return failed_row(case, error)
    return score_case(case, answer, ranking)


def _running(rows: list[Row]) -> dict[str, str]:
    """Hit@4 and answer accuracy so far, for the progress bar."""
    ranked = [r.metrics["hit@4"] for r in rows if "hit@4" in r.metrics]
    right = [r.metrics["answer_contains"] for r in rows if "answer_contains" in r.metrics]
    shown = {"hit@4": ranked, "answer": right}
    return {name: f"{sum(v) / len(v):.2f}" for name, v in shown.items() if v}
