"""``newsqa eval``: registered on the ``newsqa`` command line through an entry point.

``newsqa eval --suite NAME`` runs a suite; ``newsqa eval compare A B`` compares two runs;
``newsqa eval checker`` scores the citation checker on its labelled pairs. Heavy modules are
imported inside the commands: this module is loaded for every ``newsqa`` command.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

VERIFIER_PAIRS = Path(__file__).with_name("gold") / "verifier_pairs.jsonl"
# Floors of `newsqa eval checker`, under the figures the verifier measured on each set
# (2026-12-02): a verifier that falls under them has regressed.
CHECKER_FLOORS: dict[str, tuple[float, float]] = {
    # The 174 pairs the first checker was built on (regression set): 0.934 / 0.952 (2026-12-03,
    # with the rewording model; 0.945 / 0.940 before it).
    # Rejection floor 0.93 -> 0.95 on 2026-12-06, measured 0.956 / 0.964 (opposites, README);
    # 0.95 -> 0.96 on 2026-12-07, measured 0.967 / 0.964 (names in a restated sentence).
    "checker_pairs.jsonl": (0.96, 0.95),
    # The test half of the 448 pairs written independently of the verifier: 0.803 / 0.802
    # (2026-12-03, with the rewording model, hedges, bindings and speakers; 0.820 / 0.733
    # before them: two rejections traded for seven acceptances). Acceptance floor 0.79 -> 0.81
    # on 2026-12-05, measured 0.795 / 0.822 (decades, implicatives, shares; README). Both
    # floors to 0.82 on 2026-12-07, measured 0.836 / 0.832 (README, session 28).
    "verifier_pairs.jsonl": (0.82, 0.82),
    # 730 pairs over 79 more BBC articles, written 2026-12-03 by writers shown no code: the
    # 350 of the test split (sets A, D, F and H) were never read, and score 0.810 / 0.755
    # (0.805 / 0.690 before the rewording model; 0.785 / 0.652 before the fixes drawn from the
    # 380 of the tune split, sets B, C, E, G). Acceptance floor 0.75 -> 0.77 on 2026-12-06,
    # measured 0.831 / 0.781 (implied figures, names written either way; README). Rejection
    # floor 0.80 -> 0.84 on 2026-12-07, measured 0.851 / 0.774.
    "verifier_pairs_fresh.jsonl": (0.84, 0.77),
    # 826 pairs over 80 BBC, CNN and USA Today articles by eight more writers shown no code:
    # the 209 of the test split (sets t3 and t6) were never read, and score 0.779 / 0.610
    # (0.788 / 0.467 with the verifier at 008863e, before any of this set was read).
    # Lowered 0.77 -> 0.76 on 2026-12-04 (0.769): a name is no longer taken for substituted
    # because the one sentence sharing a single word with the claim names another ("the
    # targeted sites were in Syria" against a lead on facilities in Iraq). That rejected
    # supported sentences and presuppositions; it also rejected one tune pair for that wrong
    # reason (t5-090, a polarity change read as "Greed where the sentence says Extreme Fear")
    # and, it seems, one test pair (not read). Acceptance floor 0.59 -> 0.65 on 2026-12-06,
    # measured 0.798 / 0.667 (0.648 the day before). Lowered 0.65 -> 0.64 later that day
    # (0.648): opposites by sides (README), kept on the tune splits and SQuAD 2.0's, rejected
    # one supported test pair (the floor's message gives "the sentence says 'dipped' where the
    # passage says 'increase'"; the pair not read) as they gained one test rejection in
    # verifier_pairs.jsonl ("risen" against "lower"). Rejection floor 0.76 -> 0.80 on
    # 2026-12-07, measured 0.817 / 0.648 (names in a restated sentence; README, session 28).
    "verifier_pairs_more.jsonl": (0.80, 0.64),
}


class Half(StrEnum):
    """The halves ``--half`` takes."""

    tune = "tune"
    test = "test"


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
    half: Annotated[
        Half | None,
        typer.Option(help="Score only the tune or the test half of the cases (by case id)."),
    ] = None,
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
    from eval.splits import half_of
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
    if half is not None:
        chosen = replace(chosen, cases=[c for c in chosen.cases if half_of(c.id) == half.value])
    result = run_suite(chosen, suite_assistant(chosen, settings), progress=progress)
    gated = suite is SuiteName.gold and questions is None and corpus is None and half is None
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
    ] = VERIFIER_PAIRS,
    split: Annotated[
        str, typer.Option(help="Pairs of this split only ('test', 'tune'), or 'all'.")
    ] = "test",
    show: Annotated[bool, typer.Option(help="List the pairs it gets wrong.")] = True,
) -> None:
    """Score the claim verifier on labelled pairs: its acceptance of supported pairs and its
    rejection of unsupported ones, overall and by kind. Exits 1 under the set's floors."""
    from rich.console import Console
    from rich.table import Table

    from eval.metrics import checker_metrics
    from eval.report import fmt

    records = [json.loads(line) for line in pairs.read_text(encoding="utf-8").splitlines() if line]
    if split != "all":
        records = [r for r in records if r.get("split", split) == split]
    summary, checked = checker_metrics(records)
    table = Table(title=f"claim verifier on {len(checked)} labelled pairs ({pairs.name}, {split})")
    for column in ("metric", "value", "95% CI", "n"):
        table.add_column(column, justify="left" if column == "metric" else "right")
    for name, estimate in summary.items():
        table.add_row(name, *fmt(name, estimate), str(estimate.n))
    kinds = Table(title="by kind")
    for column in ("kind", "label", "right", "n", "share"):
        kinds.add_column(column, justify="left" if column in {"kind", "label"} else "right")
    for kind in sorted({c.kind for c in checked}):
        mine = [c for c in checked if c.kind == kind]
        right = sum(c.supported == c.accepted for c in mine)
        label = "supported" if mine[0].supported else "unsupported"
        kinds.add_row(kind, label, str(right), str(len(mine)), f"{right / len(mine):.3f}")
    timings = sorted(c.seconds for c in checked)
    console = Console()
    console.print(table)
    console.print(kinds)
    console.print(f"median seconds a pair: {timings[len(timings) // 2]:.4f}")
    wrong = [c for c in checked if c.supported != c.accepted]
    if show:
        for c in wrong:
            verdict = "accepted" if c.accepted else f"rejected ({c.reason})"
            label = "supported" if c.supported else "unsupported"
            console.print(f"  {c.id} ({c.kind}) {label}, {verdict}", markup=False)
    rejection = summary["rejection_of_unsupported"].value or 0.0
    acceptance = summary["acceptance_of_supported"].value or 0.0
    floors = CHECKER_FLOORS.get(pairs.name)
    if floors and (rejection < floors[0] or acceptance < floors[1]):
        typer.secho(
            f"the verifier must reject ≥ {floors[0]:.0%} of unsupported pairs and "
            f"accept ≥ {floors[1]:.0%} of supported ones on {pairs.name}",
            fg="red",
        )
        raise typer.Exit(1)


def fit_answerability(
    suites: Annotated[
        list[SuiteName] | None,
        typer.Option("--suite", help="Suites whose tune half to fit on (repeat the option)."),
    ] = None,
    limit: Annotated[
        int | None, typer.Option(min=1, help="A fixed sample of N cases of each suite.")
    ] = None,
    progress: Annotated[bool, typer.Option(help="Show progress bars.")] = True,
) -> None:
    """Fit the answerability model on the tune half of dev suites and write it beside the
    assistant (assistant/answerability.json): weights by logistic regression over every
    candidate sentence the answerer scores, the refusal threshold from the tune questions."""
    from assistant import AnswerabilityModel, AssistantSettings
    from eval.fit_answerability import collect, fit
    from eval.runner import suite_assistant
    from eval.suites import SharedDataMissingError, load_suite

    names = suites or [SuiteName.gold, SuiteName.squad2, SuiteName.realtimeqa_2022]
    examples = []
    with tempfile.TemporaryDirectory(prefix="newsqa-fit-") as scratch:
        # Candidates are gathered with a neutral model: their features do not depend on it,
        # and the shipped one may have been fitted on other features.
        neutral = AnswerabilityModel.neutral().save(Path(scratch) / "neutral.json")
        settings = AssistantSettings(progress=progress, answerability_model=neutral)
        for name in names:
            try:
                suite = load_suite(
                    name.value, cache_dir=settings.data_dir / "eval-cache", limit=limit
                )
            except (SharedDataMissingError, FileNotFoundError, ValueError) as error:
                raise _fail(str(error)) from error
            assistant = suite_assistant(suite, settings)
            assistant.ingest(suite.corpus)
            examples += collect(suite, assistant, progress=progress)
    command = "newsqa eval fit-answerability " + " ".join(f"--suite {n.value}" for n in names)
    command += f" --limit {limit}" if limit else ""
    model = fit(examples, command)
    written = model.save()
    typer.echo(f"fitted on {len(examples)} tune questions; wrote {written}")
    for feature, weight in zip(model.feature_names, model.weights, strict=True):
        typer.echo(f"  {feature:16s} {weight:+.3f}")
    typer.echo(f"  threshold {model.threshold:.2f}; tune half: {model.measured}")


def fit_rewording() -> None:
    """Fit the verifier's rewording model on the tune splits of the labelled pair sets
    (eval/gold/verifier_pairs*.jsonl, and the regression set) and write it beside the verifier
    (assistant/verify/rewording.json)."""
    from assistant import rules_verifier
    from eval.fit_rewording import collect, fit, tune_pairs

    try:
        pairs = tune_pairs()
    except FileNotFoundError as error:
        raise _fail(str(error)) from error
    examples = collect(pairs, rules_verifier())
    model = fit(examples, "newsqa eval fit-rewording")
    written = model.save()
    typer.echo(f"fitted on {len(examples)} of {len(pairs)} tune pairs; wrote {written}")
    for feature, weight in zip(model.feature_names, model.weights, strict=True):
        typer.echo(f"  {feature:14s} {weight:+.3f}")
    typer.echo(f"  threshold {model.threshold:.3f}; tune pairs: {model.measured}")


def presupposition(
    half: Annotated[Half, typer.Option(help="Which half of SQuAD 2.0 dev to read.")] = Half.tune,
    limit: Annotated[int | None, typer.Option(min=1, help="A fixed sample of N questions.")] = 400,
) -> None:
    """How often the claim verifier finds what a question takes for granted contradicted by
    its own paragraph, for answerable and for unanswerable SQuAD 2.0 dev questions."""
    from assistant import default_verifier
    from eval.presupposition import as_json, presupposition_rates
    from eval.suites import SharedDataMissingError, shared_data_dir

    try:
        squad = shared_data_dir() / "squad2"
    except SharedDataMissingError as error:
        raise _fail(str(error)) from error
    rates = presupposition_rates(squad, default_verifier(), half=half.value, limit=limit)
    typer.echo(as_json(rates))


def perturb(
    out: Annotated[Path, typer.Option(help="Where to write the pairs (JSONL).")],
    articles: Annotated[
        int, typer.Option(min=1, help="How many BBC articles no written pair uses to draw.")
    ] = 200,
    seed: Annotated[int, typer.Option(help="Which articles, and which change of each kind.")] = 13,
) -> None:
    """Write labelled pairs made by changing sentences of BBC articles that no written pair
    set uses (eval/perturb.py), for `newsqa eval checker --pairs OUT --split all`."""
    from collections import Counter

    from eval.perturb import perturbed_pairs, write
    from eval.suites import SharedDataMissingError, shared_data_dir

    # Checked first: drawing the pairs takes a while, and nothing is written half.
    if not out.parent.is_dir():
        raise _fail(f"--out {out}: the folder {out.parent} does not exist; create it first")
    try:
        bbc = shared_data_dir() / "bbc-news"
    except SharedDataMissingError as error:
        raise _fail(str(error)) from error
    pairs = perturbed_pairs(bbc, articles, seed)
    write(pairs, out)
    kinds = Counter(f"{p.kind} ({p.label})" for p in pairs)
    typer.echo(
        f"{len(pairs)} pairs from {articles} articles: "
        + ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items()))
    )


def register(app: typer.Typer) -> None:
    """Add the ``eval`` commands to ``app``."""
    evaluation = typer.Typer(help="Score the assistant on gold Q&A suites.")
    evaluation.callback(invoke_without_command=True)(run)
    evaluation.command()(compare)
    evaluation.command()(checker)
    evaluation.command("fit-answerability")(fit_answerability)
    evaluation.command("fit-rewording")(fit_rewording)
    evaluation.command()(presupposition)
    evaluation.command()(perturb)
    app.add_typer(evaluation, name="eval")
