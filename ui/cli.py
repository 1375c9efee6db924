"""``newsqa serve``: registered on the ``newsqa`` command line through an entry point."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to ``app``."""

    @app.command()
    def serve(
        host: str = typer.Option("127.0.0.1", help="Address to listen on."),
        port: int = typer.Option(7860, help="Port to listen on."),
    ) -> None:
        """Start the web app."""
        typer.secho("the web app is not built yet", fg="red", err=True)
        raise typer.Exit(2)
