"""Compare two runs: each metric's change with its 95% bootstrap interval, and the cases whose
outcome flipped."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

from eval.metrics import LOWER_IS_BETTER, METRICS, Row, bootstrap_indices, interval, resampled
from eval.report import fmt
from eval.runner import Run

# Per-case outcomes that are pass/fail, so a change is a flip.
FLIP_METRICS = ("hit@1", "hit@4", "hit@10", "answer_contains", "citation_recall")


class Delta(BaseModel):
    """B minus A for one metric, with the 95% interval of the difference."""

    name: str
    a: float | None
    b: float | None
    delta: float | None
    low: float | None
    high: float | None
    paired: bool


class Flip(BaseModel):
    """A case whose outcome on one metric changed from run A to run B."""

    id: str
    question: str
    metric: str
    better: bool
    why_a: list[str]
    why_b: list[str]


def load_run(path: Path) -> Run:
    """A run from its folder (or its ``results.json``)."""
    file = path / "results.json" if path.is_dir() else path
    if not file.is_file():
        raise FileNotFoundError(f"{path}: no results.json; give a run folder of `newsqa eval`")
    return Run.model_validate_json(file.read_text(encoding="utf-8"))


def deltas(a: Run, b: Run) -> list[Delta]:
    """Every metric's change from ``a`` to ``b``.

    When both runs scored the same cases, the bootstrap resamples cases jointly (paired), which
    removes the case-to-case spread both runs share; otherwise each run is resampled on its own.
    """
    rows_a, rows_b = a.rows, b.rows
    paired = {r.id for r in rows_a} == {r.id for r in rows_b} and len(rows_a) == len(rows_b)
    if paired:
        order = {r.id: i for i, r in enumerate(rows_a)}
        rows_b = sorted(rows_b, key=lambda r: order[r.id])
        idx_a = idx_b = bootstrap_indices(len(rows_a))
    else:
        idx_a, idx_b = bootstrap_indices(len(rows_a)), bootstrap_indices(len(rows_b), seed=1)
    result = []
    for name in METRICS:
        va, vb = a.summary[name].value, b.summary[name].value
        low = high = None
        if va is not None and vb is not None:
            samples = resampled(rows_b, name, idx_b) - resampled(rows_a, name, idx_a)
            low, high = interval(np.asarray(samples))
        delta = vb - va if va is not None and vb is not None else None
        result.append(Delta(name=name, a=va, b=vb, delta=delta, low=low, high=high, paired=paired))
    return result


def flips(a: Run, b: Run) -> list[Flip]:
    """The cases of both runs whose pass/fail outcome changed, and the refusals that did."""
    before = {r.id: r for r in a.rows}
    found = []
    for row in b.rows:
        old = before.get(row.id)
        if old is None:
            continue
        for name in FLIP_METRICS:
            if (
                name in old.metrics
                and name in row.metrics
                and old.metrics[name] != row.metrics[name]
            ):
                found.append(_flip(old, row, name, row.metrics[name] > old.metrics[name]))
        if old.refused != row.refused:
            # Refusing is right exactly when the case is unanswerable.
            found.append(_flip(old, row, "refused", row.refused != row.answerable))
    return found


def _flip(old: Row, new: Row, metric: str, better: bool) -> Flip:
    return Flip(
        id=new.id, question=new.question, metric=metric, better=better, why_a=old.why, why_b=new.why
    )


def _signed(d: Delta) -> tuple[str, str]:
    """The change and its interval as text; coloured when the interval excludes zero."""
    if d.delta is None:
        return "–", ""
    latency = d.name.startswith("latency_")
    scale, digits, unit = (1000, 0, " ms") if latency else (1, 3, "")
    change = f"{d.delta * scale:+.{digits}f}{unit}"
    if d.low is None or d.high is None:
        return change, ""
    if d.low > 0 or d.high < 0:
        good = (d.delta < 0) == (d.name in LOWER_IS_BETTER)
        change = f"[{'green' if good else 'red'}]{change}[/]"
    return change, f"[{d.low * scale:+.{digits}f}, {d.high * scale:+.{digits}f}]"


def print_comparison(a: Run, b: Run, console: Console | None = None) -> None:
    """Print the deltas table and the flipped cases."""
    console = console or Console()
    rows = deltas(a, b)
    table = Table(title=f"B − A: {a.suite} ({len(a.rows)} cases) → {b.suite} ({len(b.rows)} cases)")
    for column in ("metric", "A", "B", "B − A", "95% CI of B − A"):
        table.add_column(column, justify="left" if column == "metric" else "right")
    for d in rows:
        change, interval_text = _signed(d)
        shown_a = fmt(d.name, a.summary[d.name])[0]
        shown_b = fmt(d.name, b.summary[d.name])[0]
        table.add_row(d.name, shown_a, shown_b, change, interval_text)
    console.print(table)
    console.print(
        "paired bootstrap over the same cases"
        if rows and rows[0].paired
        else "unpaired bootstrap: the runs scored different cases"
    )
    changed = flips(a, b)
    console.print(f"\n{len(changed)} flips ({sum(f.better for f in changed)} better):")
    for f in changed:
        mark = "[green]better[/]" if f.better else "[red]worse[/]"
        console.print(f"  {mark} {f.id} {f.metric}: {f.question}")
        if not f.better and f.why_b:
            console.print(f"      why: {'; '.join(f.why_b)}")
