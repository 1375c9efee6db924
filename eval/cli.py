"""``newsqa eval``: registered on the ``newsqa`` command line through an entry point.

``newsqa eval --suite NAME`` runs a suite; ``newsqa eval compare A B`` compares two runs;
``newsqa eval checker`` scores the citation checker on its labelled pairs. Heavy modules are
imported inside the commands: this module is loaded for every ``newsqa`` command.
"""

from __future__ import annotations

import json
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

GOLD_PAIRS = Path(__file__).with_name("gold") / "checker_pairs.jsonl"
# The checker must reject this share of wrong pairs and accept this share of right ones.
CHECKER_REJECTION = 0.95
CHECKER_ACCEPTANCE = 0.90


class SuiteName(StrEnum):
    """The suites ``--suite`` takes."""

    gold = "gold"
    realtimeqa_2022 = "realtimeqa-2022"
    realtimeqa_archive = "realtimeqa-archive"
    squad2 = "squad2"


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.secho(f"error: {message}", fg="red", err=True)
    return typer.Exit(code)


def _overrides(pairs: list[str]) -> dict[str, Any]:
    """``KEY=VALUE`` settings overrides; unknown keys are errors (settings ignore extras)."""
    from assistant import AssistantSettings

    overrides: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or key not in AssistantSettings.model_fields:
            known = ", ".join(sorted(AssistantSettings.model_fields))
            raise _fail(f"--set {pair!r}: use KEY=VALUE with KEY one of {known}")
        overrides[key] = value
    return overrides


def run(
    ctx: typer.Context,
    suite: Annotated[SuiteName, typer.Option(help="The suite to run.")] = SuiteName.gold,
    questions: Annotated[
        Path | None, typer.Option(help="Questions file replacing the suite's (same format).")
    ] = None,
    corpus: Annotated[
        list[Path] | None, typer.Option(help="Corpus replacing the suite's (same format).")
    ] = None,
    limit: Annotated[
        int | None, typer.Option(min=1, help="Score a fixed sample of N cases.")
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help="Run folder; default runs/<suite>-<timestamp>.")
    ] = None,
    set_: Annotated[
        list[str] | None,
        typer.Option("--set", help="Override a setting, e.g. --set min_support=0.5."),
    ] = None,
    progress: Annotated[bool, typer.Option(help="Show progress bars.")] = True,
) -> None:
    """Run an eval suite: index its corpus once, ask every case, print and save the scores.

    The gold suite with its own files is gated by eval/thresholds.toml: the command exits 1
    when a metric falls under its threshold.
    """
    if ctx.invoked_subcommand is not None:
        return
    from pydantic import ValidationError

    from assistant import AssistantSettings
    from eval.gate import gate
    from eval.report import print_run, write_run
    from eval.runner import run_suite, suite_assistant
    from eval.suites import SharedDataMissingError, load_suite

    try:
        settings = AssistantSettings(**{**_overrides(set_ or []), "progress": progress})
    except ValidationError as error:
        raise _fail(f"--set: {error}") from error
    try:
        chosen = load_suite(
            suite.value,
            cache_dir=settings.data_dir / "eval-cache",
            questions=questions,
            corpus=corpus,
            limit=limit,
        )
    except (SharedDataMissingError, FileNotFoundError, ValueError) as error:
        raise _fail(str(error)) from error
    result = run_suite(chosen, suite_assistant(chosen, settings), progress=progress)
    gated = suite is SuiteName.gold and questions is None and corpus is None
    failures = gate(result.summary) if gated else None
    folder = write_run(
        result, out or Path("runs") / f"{suite.value}-{datetime.now():%Y%m%d-%H%M%S}", failures
    )
    print_run(result)
    typer.echo(f"run folder: {folder}")
    if failures is not None:
        for failure in failures:
            typer.secho(f"gate: {failure}", fg="red")
        typer.echo("gate: passed" if not failures else "gate: FAILED (eval/thresholds.toml)")
        if failures:
            raise typer.Exit(1)


def compare(
    run_a: Annotated[Path, typer.Argument(help="Run folder A (the baseline).")],
    run_b: Annotated[Path, typer.Argument(help="Run folder B.")],
) -> None:
    """Compare two runs: each metric's change with its 95% interval, and the flipped cases."""
    from eval.compare import load_run, print_comparison

    try:
        first, second = load_run(run_a), load_run(run_b)
    except (FileNotFoundError, ValueError) as error:
        raise _fail(str(error)) from error
    print_comparison(first, second)


def checker(
    pairs: Annotated[
        Path, typer.Option(help="Labelled sentence-passage pairs (JSONL).")
    ] = GOLD_PAIRS,
    show: Annotated[bool, typer.Option(help="List the pairs it gets wrong.")] = True,
) -> None:
    """Score the citation checker: precision and recall of its verdicts on labelled pairs.
    Exits 1 when it rejects under 95% of unsupported pairs or accepts under 90% of supported."""
    from rich.console import Console
    from rich.table import Table

    from eval.metrics import checker_metrics
    from eval.report import fmt

    records = [json.loads(line) for line in pairs.read_text(encoding="utf-8").splitlines() if line]
    summary, checked = checker_metrics(records)
    table = Table(title=f"citation checker on {len(checked)} labelled pairs ({pairs.name})")
    for column in ("metric", "value", "95% CI", "n"):
        table.add_column(column, justify="left" if column == "metric" else "right")
    for name, estimate in summary.items():
        table.add_row(name, *fmt(name, estimate), str(estimate.n))
    console = Console()
    console.print(table)
    wrong = [c for c in checked if c.supported != c.accepted]
    if show:
        for c in wrong:
            verdict = "accepted" if c.accepted else f"rejected ({c.reason})"
            label = "supported" if c.supported else "unsupported"
            console.print(f"  {c.id} ({c.kind}) {label}, {verdict}", markup=False)
    rejection = summary["rejection_of_unsupported"].value or 0.0
    acceptance = summary["acceptance_of_supported"].value or 0.0
    if rejection < CHECKER_REJECTION or acceptance < CHECKER_ACCEPTANCE:
        typer.secho(
            f"the checker must reject ≥ {CHECKER_REJECTION:.0%} of unsupported pairs and "
            f"accept ≥ {CHECKER_ACCEPTANCE:.0%} of supported ones",
            fg="red",
        )
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add the ``eval`` commands to ``app``."""
    evaluation = typer.Typer(help="Score the assistant on gold Q&A suites.")
    evaluation.callback(invoke_without_command=True)(run)
    evaluation.command()(compare)
    evaluation.command()(checker)
    app.add_typer(evaluation, name="eval")
