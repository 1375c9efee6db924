"""``newsqa eval``: registered on the ``newsqa`` command line through an entry point."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the ``eval`` commands to ``app``."""
    evaluation = typer.Typer(help="Score the assistant on gold Q&A suites.")
    app.add_typer(evaluation, name="eval")
