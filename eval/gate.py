"""The gate: the gold suite's metrics must not fall under ``eval/thresholds.toml``."""

from __future__ import annotations

import tomllib
from pathlib import Path

from eval.metrics import METRICS, Estimate

THRESHOLDS = Path(__file__).with_name("thresholds.toml")


def load_thresholds(path: Path = THRESHOLDS) -> dict[str, dict[str, float]]:
    """``{"min": {metric: floor}, "max": {metric: ceiling}}`` from a thresholds file."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    limits = {
        bound: {k: float(v) for k, v in data.get(bound, {}).items()} for bound in ("min", "max")
    }
    unknown = sorted(set(data) - {"min", "max"}) + sorted(
        name for bound in limits.values() for name in bound if name not in METRICS
    )
    if unknown:
        raise ValueError(
            f"{path}: unknown tables or metrics {unknown}; metrics are {list(METRICS)}"
        )
    return limits


def gate(
    summary: dict[str, Estimate], thresholds: dict[str, dict[str, float]] | None = None
) -> list[str]:
    """One message per metric of ``summary`` outside its threshold; empty when the gate passes.
    A metric the run could not measure fails too: a gate must not pass on missing numbers."""
    limits = load_thresholds() if thresholds is None else thresholds
    failures = []
    for bound, metrics in limits.items():
        for name, limit in metrics.items():
            measured = summary[name].value if name in summary else None
            if measured is None:
                failures.append(f"{name}: not measured (gate {bound} {limit})")
            elif bound == "min" and measured < limit:
                failures.append(f"{name} = {measured:.3f} is below its floor {limit}")
            elif bound == "max" and measured > limit:
                failures.append(f"{name} = {measured:.3f} is above its ceiling {limit}")
    return failures
