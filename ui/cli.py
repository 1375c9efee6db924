"""``newsqa serve``: registered on the ``newsqa`` command line through an entry point."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to ``app``."""

    @app.command()
    def serve(
        host: str = typer.Option("127.0.0.1", help="Address to listen on."),
        port: int = typer.Option(7860, help="Port to listen on."),
        llm: str | None = typer.Option(
            None,
            "--llm",
            help="Offer this LLM answerer too, and pick it by default: openai:MODEL (with "
            "NEWSQA_LLM_BASE_URL), ollama:MODEL or llamacpp:/path/model.gguf.",
        ),
    ) -> None:
        """Start the web app (no share link; nothing is fetched from outside)."""
        # Imported here so that other commands do not pay for importing Gradio.
        from assistant import Assistant, AssistantSettings
        from ui.app import build_app, launch

        try:
            settings = AssistantSettings(llm=llm, answerer="llm") if llm else AssistantSettings()
            assistant = Assistant(settings)
        except Exception as error:  # any start-up failure: say what it was, no traceback
            typer.secho(f"error: {error}", fg="red", err=True)
            raise typer.Exit(2) from error
        launch(build_app(assistant), host=host, port=port)
