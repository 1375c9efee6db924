"""Reports of a run: a table on the terminal, and a run folder with ``report.md``,
``results.json`` and PNG plots."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only: runs happen on servers and in CI, without a display

import matplotlib.pyplot as plt
import numpy as np
from rich.console import Console
from rich.table import Table

from eval.metrics import LATENCY_STAGES, METRICS, Estimate, Row, by_type
from eval.runner import Run

# Per-type plot and table: one retrieval, one answer, one citation and the refusal metrics.
TYPE_METRICS = ("hit@4", "answer_contains", "citation_recall", "correct_refusal", "false_refusal")


def fmt(name: str, estimate: Estimate | None) -> tuple[str, str]:
    """The value and its interval as text: seconds as milliseconds, rates to three places."""
    if estimate is None or estimate.value is None:
        return "–", ""

    def show(x: float) -> str:
        return f"{x * 1000:.0f} ms" if name.startswith("latency_") else f"{x:.3f}"

    if estimate.low is None or estimate.high is None:
        return show(estimate.value), ""
    return show(estimate.value), f"[{show(estimate.low)}, {show(estimate.high)}]"


def summary_table(run: Run) -> Table:
    """Every metric of the run with its 95% interval and the cases it counts."""
    table = Table(title=f"newsqa eval --suite {run.suite}: {len(run.rows)} cases")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("95% CI", justify="right")
    table.add_column("n", justify="right")
    for name in METRICS:
        shown, interval = fmt(name, run.summary.get(name))
        table.add_row(name, shown, interval, str(run.summary[name].n))
    return table


def print_run(run: Run, console: Console | None = None) -> None:
    """Print the summary table, who wrote the answers when a model was asked, and a line on
    the index."""
    console = console or Console()
    console.print(summary_table(run))
    if writers(run):
        console.print(writers(run))
    console.print(f"index: {run.settings.get('collection')} — {run.ingest.splitlines()[0]}")


# How ``Answer.notice`` ends when the offline answerer stood in for a model.
OFFLINE_SUFFIX = "This answer is from the offline answerer."


def writers(run: Run) -> str:
    """How many answers the LLM wrote and why the offline answerer stood in for the others
    ("" when no model was asked)."""
    # Runs saved before rows said who wrote them say nothing of it.
    if run.settings.get("answerer") != "llm" or not any(r.answerer for r in run.rows):
        return ""
    by_llm = sum(1 for r in run.rows if r.answerer == "llm")
    reasons = Counter(_reason(r.notice) for r in run.rows if r.answerer != "llm")
    stood_in = "; ".join(f"{n} × {reason}" for reason, n in reasons.most_common())
    return f"written by the LLM: {by_llm} of {len(run.rows)}" + (
        f"; the offline answerer stood in: {stood_in}" if stood_in else ""
    )


def _reason(notice: str) -> str:
    # "The LLM answerer failed: the model ... was cut off after 60 s (...). This answer is from
    # the offline answerer.": what comes before the last sentence says why.
    return notice.removesuffix(OFFLINE_SUFFIX).strip().rstrip(".") or "no notice"


def write_run(run: Run, out: Path, gate_failures: list[str] | None = None) -> Path:
    """Write the run folder: ``results.json`` (the run, with the metrics by type),
    ``report.md``, ``metrics_by_type.png`` and ``latency.png``. Returns ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    types = by_type(run.rows)
    results = run.model_dump(mode="json")
    results["by_type"] = {t: {k: e.model_dump() for k, e in s.items()} for t, s in types.items()}
    results["gate"] = gate_failures
    (out / "results.json").write_text(
        json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    plot_by_type(types, out / "metrics_by_type.png")
    plot_latency(run.rows, out / "latency.png")
    (out / "report.md").write_text(markdown(run, types, gate_failures), encoding="utf-8")
    return out


def markdown(
    run: Run, types: dict[str, dict[str, Estimate]], gate_failures: list[str] | None
) -> str:
    """The run as a Markdown report: settings, metrics, metrics by type, gate, failed cases."""
    lines = [
        f"# newsqa eval: {run.suite}",
        "",
        f"{run.started:%Y-%m-%d %H:%M %Z} · {len(run.rows)} cases · {run.seconds:.0f} s",
        "",
        f"Index: `{run.ingest.splitlines()[0]}`",
        "",
        "Settings: " + ", ".join(f"`{k}={v}`" for k, v in sorted(run.settings.items())),
        "",
        *([writers(run), ""] if writers(run) else []),
        "| metric | value | 95% CI | n |",
        "|---|---:|---:|---:|",
    ]
    for name in METRICS:
        shown, interval = fmt(name, run.summary.get(name))
        lines.append(f"| {name} | {shown} | {interval} | {run.summary[name].n} |")
    lines += ["", "## By question type", "", "| type | cases | " + " | ".join(TYPE_METRICS) + " |"]
    lines.append("|---|---:|" + "---:|" * len(TYPE_METRICS))
    for kind, summary in types.items():
        cases = sum(1 for r in run.rows if r.type == kind)
        cells = [fmt(m, summary[m])[0] for m in TYPE_METRICS]
        lines.append(f"| {kind} | {cases} | " + " | ".join(cells) + " |")
    lines += ["", "![metrics by type](metrics_by_type.png)", "", "![latency](latency.png)", ""]
    if gate_failures is not None:
        lines += ["## Gate (eval/thresholds.toml)", ""]
        lines += [f"- {f}" for f in gate_failures] or ["passed"]
        lines.append("")
    failed = [r for r in run.rows if r.why]
    lines += [f"## Failed cases ({len(failed)} of {len(run.rows)})", ""]
    for row in failed:
        answer = row.answer.replace("\n", " ")
        lines += [
            f"- **{row.id}** ({row.type}) {row.question}",
            f"  - gold: {' | '.join(row.answers) or '(refusal)'}",
            f"  - answer: {answer[:300]}",
            f"  - why: {'; '.join(row.why)}",
        ]
    return "\n".join(lines) + "\n"


def plot_by_type(types: dict[str, dict[str, Estimate]], path: Path) -> None:
    """Grouped bars of the per-type metrics, with their 95% intervals as error bars."""
    kinds = list(types)
    x = np.arange(len(kinds))
    width = 0.8 / len(TYPE_METRICS)
    fig, ax = plt.subplots(figsize=(max(6.0, 1.2 * len(kinds) + 2), 4))
    for i, name in enumerate(TYPE_METRICS):
        estimates = [types[k][name] for k in kinds]
        values = np.array([e.value if e.value is not None else np.nan for e in estimates])
        lows = np.array([e.low if e.low is not None else np.nan for e in estimates])
        highs = np.array([e.high if e.high is not None else np.nan for e in estimates])
        errors = np.nan_to_num(np.vstack([values - lows, highs - values]))
        ax.bar(x + i * width, values, width, yerr=errors, capsize=2, label=name)
    ax.set_xticks(x + width * (len(TYPE_METRICS) - 1) / 2, kinds, rotation=20)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("rate")
    ax.set_title("Metrics by question type (95% bootstrap intervals)")
    ax.legend(fontsize="small", ncol=3, loc="upper center", bbox_to_anchor=(0.5, -0.18))
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_latency(rows: list[Row], path: Path) -> None:
    """Histogram of the latency of each stage and in total, in milliseconds."""
    fig, ax = plt.subplots(figsize=(7, 4))
    for stage in LATENCY_STAGES:
        values = [1000 * r.timings[stage] for r in rows if stage in r.timings]
        if values:
            ax.hist(values, bins=30, histtype="step", linewidth=1.5, label=stage)
    ax.set_xlabel("milliseconds")
    ax.set_ylabel("cases")
    ax.set_title("Latency per stage of ask()")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
