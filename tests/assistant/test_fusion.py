from __future__ import annotations

import os
import subprocess
import sys

from assistant.fusion import zscore_fusion

# Ten chunks only the lexical ranking found, tied on it: they tie on the fused score too.
DENSE = [("d1", 0.9), ("d2", 0.5), ("d3", 0.1)]
LEXICAL = [("d1", 12.0), *[(f"tied-{n}", 3.0) for n in range(10)]]
FUSED_ORDER = (
    "from assistant.fusion import zscore_fusion\n"
    f"print(list(zscore_fusion([(1.0, {DENSE!r}), (0.5, {LEXICAL!r})])))"
)


def test_chunks_tied_on_the_fused_score_come_in_the_rankings_order() -> None:
    fused = zscore_fusion([(1.0, DENSE), (0.5, LEXICAL)])
    assert list(fused) == ["d1", "d2", "d3", *[f"tied-{n}" for n in range(10)]]


def test_the_fused_order_is_the_same_in_every_process() -> None:
    # Each process hashes strings with its own seed: a set of chunk ids would iterate, and
    # ties would rank, otherwise in each.
    orders = {
        subprocess.run(
            [sys.executable, "-c", FUSED_ORDER],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(1, 6)
    }
    assert len(orders) == 1, orders
