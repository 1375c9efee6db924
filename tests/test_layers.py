"""The data flows one way (sources -> index -> assistant -> ui / eval): index never imports
assistant, and ui and eval use only the assistant's public API (``import assistant``)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _imports(folder: str) -> list[tuple[str, str]]:
    """(file, module) for every module imported by the Python files under ``folder``."""
    found = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.extend((path.name, alias.name) for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.append((path.name, node.module))
    return found


def test_index_never_imports_assistant() -> None:
    wrong = [(f, m) for f, m in _imports("index") if m.split(".")[0] in {"assistant", "ui", "eval"}]
    assert wrong == []


@pytest.mark.parametrize("folder", ["ui", "eval"])
def test_ui_and_eval_use_only_the_assistants_public_api(folder: str) -> None:
    wrong = [
        (f, m)
        for f, m in _imports(folder)
        if m.startswith("assistant.") or m == "index" or m.startswith("index.")
    ]
    assert wrong == []
