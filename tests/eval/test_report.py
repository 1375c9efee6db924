"""Run folders, their comparison and the ``newsqa eval`` commands, on hand-made runs."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from eval.cli import register
from eval.compare import deltas, flips, load_run
from eval.metrics import Cited, Row, row_metrics, summarize
from eval.report import write_run
from eval.runner import Run


def _row(
    rid: str, *, hit: bool, right: bool, refused: bool = False, answerable: bool = True
) -> Row:
    row = Row(
        id=rid,
        type="who" if answerable else "unanswerable",
        question=f"question {rid}?",
        answerable=answerable,
        has_gold=answerable,
        answers=["gold"] if answerable else [],
        answer="" if refused else "an answer [1]",
        refused=refused,
        citations=[]
        if refused
        else [
            Cited(number=1, url="u", title="t", quote="q", quote_start=0, quote_end=1, relevant=hit)
        ],
        first_relevant_rank=1 if hit and answerable else None,
        contains_gold=right if answerable else None,
        token_f1=float(right) if answerable else None,
        timings={"total": 0.2, "retrieve": 0.05, "answer": 0.14, "verify": 0.01},
        why=[] if right else ["answer lacks gold string"],
    )
    row.metrics = row_metrics(row)
    return row


def _run(rows: list[Row]) -> Run:
    return Run(
        suite="gold",
        started=datetime(2024, 1, 1, tzinfo=UTC),
        seconds=1.0,
        settings={"collection": "eval-gold", "k": 4},
        ingest="articles: 1 added",
        rows=rows,
        summary=summarize(rows),
    )


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two run folders of the same three cases; B fixes case b and refuses the unanswerable u."""
    root = tmp_path_factory.mktemp("runs")
    before = [
        _row("a", hit=True, right=True),
        _row("b", hit=False, right=False),
        _row("u", hit=False, right=False, answerable=False, refused=False),
    ]
    after = [
        _row("a", hit=True, right=True),
        _row("b", hit=True, right=True),
        _row("u", hit=False, right=False, answerable=False, refused=True),
    ]
    return (
        write_run(_run(before), root / "a", ["hit@4 = 0.5 is below its floor 0.9"]),
        write_run(_run(after), root / "b", []),
    )


def test_run_folder(runs: tuple[Path, Path]) -> None:
    folder = runs[0]
    for name in ("report.md", "results.json", "metrics_by_type.png", "latency.png"):
        assert (folder / name).stat().st_size > 0, name
    results = json.loads((folder / "results.json").read_text())
    assert results["summary"]["hit@1"]["value"] == 0.5
    assert set(results["by_type"]) == {"who", "unanswerable"}
    assert results["rows"][1]["why"] == ["answer lacks gold string"]
    report = (folder / "report.md").read_text()
    assert "| hit@1 | 0.500 |" in report and "below its floor" in report
    assert load_run(folder).rows == load_run(folder / "results.json").rows


def test_compare_deltas_and_flips(runs: tuple[Path, Path]) -> None:
    a, b = load_run(runs[0]), load_run(runs[1])
    by_name = {d.name: d for d in deltas(a, b)}
    assert by_name["hit@1"].delta == pytest.approx(0.5) and by_name["hit@1"].paired
    assert by_name["correct_refusal"].delta == pytest.approx(1.0)
    low, high = by_name["hit@1"].low, by_name["hit@1"].high
    assert low is not None and high is not None and low <= 0.5 <= high
    changed = {(f.id, f.metric, f.better) for f in flips(a, b)}
    assert changed == {
        ("b", "hit@1", True),
        ("b", "hit@4", True),
        ("b", "hit@10", True),
        ("b", "answer_contains", True),
        ("b", "citation_recall", True),
        ("u", "refused", True),
    }


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command()(lambda: None)  # a group needs two commands to keep the `eval` name
    register(app)
    return app


def test_cli_compare(runs: tuple[Path, Path]) -> None:
    result = CliRunner().invoke(_app(), ["eval", "compare", str(runs[0]), str(runs[1])])
    assert result.exit_code == 0, result.output
    assert "hit@1" in result.output and "6 flips (6 better)" in result.output


def test_cli_compare_needs_run_folders(tmp_path: Path) -> None:
    result = CliRunner().invoke(_app(), ["eval", "compare", str(tmp_path), str(tmp_path)])
    assert result.exit_code == 2 and "no results.json" in result.output


def test_cli_checker() -> None:
    result = CliRunner().invoke(_app(), ["eval", "checker", "--no-show"])
    assert result.exit_code == 0, result.output
    assert "rejection_of_unsupported" in result.output


def test_cli_perturb_names_a_missing_output_folder(tmp_path: Path) -> None:
    out = tmp_path / "absent" / "pairs.jsonl"
    result = CliRunner().invoke(_app(), ["eval", "perturb", "--out", str(out)])
    assert result.exit_code == 2
    assert "does not exist" in result.output and str(out.parent) in result.output
    assert not out.parent.exists()


def test_cli_rejects_unknown_setting() -> None:
    result = CliRunner().invoke(_app(), ["eval", "--suite", "gold", "--set", "min_confidense=0.5"])
    assert result.exit_code == 2 and "min_confidence" in result.output


def test_an_llm_run_says_who_wrote_its_answers(tmp_path: Path) -> None:
    timed_out = (
        "The LLM answerer failed: the model (openai:m) was cut off after 60 s "
        "(NEWSQA_LLM_TIMEOUT). This answer is from the offline answerer."
    )
    rows = [_row(r, hit=True, right=True) for r in "abc"]
    rows[0].answerer = "llm"
    for row in rows[1:]:
        row.answerer, row.notice = "grounded", timed_out
    run = _run(rows).model_copy(update={"settings": {"collection": "c", "answerer": "llm"}})
    report = (write_run(run, tmp_path / "llm") / "report.md").read_text(encoding="utf-8")
    assert (
        "written by the LLM: 1 of 3; the offline answerer stood in: 2 × The LLM answerer "
        "failed: the model (openai:m) was cut off after 60 s (NEWSQA_LLM_TIMEOUT)"
    ) in report
    offline = (write_run(_run(rows), tmp_path / "offline") / "report.md").read_text("utf-8")
    assert "written by the LLM" not in offline
