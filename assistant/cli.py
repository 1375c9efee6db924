"""The ``newsqa`` command line: ingest, ask, chat, sources, delete, reset (+ plug-in commands)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from importlib.metadata import entry_points
from pathlib import Path
from typing import Annotated, Any

import typer

from assistant.api import Assistant
from assistant.records import Answer
from assistant.settings import AssistantSettings
from index.pipeline import Index
from index.sample import SAMPLE_DIR

app = typer.Typer(
    help="Ask questions of a collection of news articles; every answer cites its sources.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

Outlet = Annotated[list[str] | None, typer.Option("--outlet", help="Only these outlets.")]
From = Annotated[str | None, typer.Option("--from", help="Only articles published on or after.")]
To = Annotated[str | None, typer.Option("--to", help="Only articles published on or before.")]
AsOf = Annotated[
    str | None, typer.Option("--as-of", help="Prefer articles from just before this date.")
]
K = Annotated[int | None, typer.Option("-k", help="Passages to read.")]


def _settings(**overrides: Any) -> AssistantSettings:
    return AssistantSettings(**{k: v for k, v in overrides.items() if v is not None})


def _assistant(**overrides: Any) -> Assistant:
    try:
        return Assistant(_settings(**overrides))
    except Exception as error:  # any start-up failure: say what it was, no traceback
        typer.secho(f"error: {error}", fg="red", err=True)
        raise typer.Exit(2) from error


def _filters(outlet: list[str] | None, start: str | None, end: str | None) -> dict[str, object]:
    return {k: v for k, v in {"outlet": outlet, "from": start, "to": end}.items() if v}


def _print_answer(answer: Answer) -> None:
    typer.echo(answer.text)
    if answer.citations:
        typer.echo("")
    for c in answer.citations:
        published = c.published.isoformat() if c.published else "undated"
        typer.secho(
            f"[{c.number}] {c.title} — {c.outlet or 'unknown outlet'}, {published}", bold=True
        )
        if c.url:
            typer.echo(f"    {c.url}")
        typer.echo(f"    “{c.quote}”")


@app.command()
def ingest(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders of articles.")
    ] = None,
    prune: Annotated[
        bool, typer.Option(help="Remove articles whose files under PATHS are gone.")
    ] = False,
    sample: Annotated[bool, typer.Option(help="Index the bundled sample article.")] = False,
    if_empty: Annotated[
        bool, typer.Option(help="Do nothing when the index holds articles.")
    ] = False,
) -> None:
    """Index articles: .txt .md .html .json .jsonl (also .gz .xz .bz2), folders recursively."""
    targets = list(paths or []) + ([SAMPLE_DIR] if sample else [])
    if not targets:
        typer.secho("error: give files or folders to ingest, or --sample", fg="red", err=True)
        raise typer.Exit(2)
    index = Index(_settings(sample_if_empty=False))
    if if_empty and index.ledger.count()[0]:
        typer.echo(f"index already holds {index.ledger.count()[0]} articles; nothing to do")
        return
    report = index.ingest(targets, prune=prune)
    typer.echo(report.summary())
    if report.failed and not (report.added or report.updated or report.unchanged):
        raise typer.Exit(1)


@app.command()
def ask(
    question: str,
    as_json: Annotated[bool, typer.Option("--json", help="Print the Answer as JSON.")] = False,
    as_of: AsOf = None,
    outlet: Outlet = None,
    published_from: From = None,
    published_to: To = None,
    k: K = None,
) -> None:
    """Answer one question, with citations."""
    assistant = _assistant()
    try:
        answer = assistant.ask(
            question, as_of=as_of, filters=_filters(outlet, published_from, published_to), k=k
        )
    except ValueError as error:
        typer.secho(f"error: {error}", fg="red", err=True)
        raise typer.Exit(2) from error
    if as_json:
        typer.echo(json.dumps(answer.model_dump(mode="json"), indent=2, ensure_ascii=False))
    else:
        _print_answer(answer)


@app.command()
def chat(as_of: AsOf = None) -> None:
    """Talk with the assistant; follow-up questions use the conversation. Ctrl-D ends."""
    conversation = _assistant().chat()
    typer.echo("Ask about the indexed articles (Ctrl-D to quit).")
    for line in _lines():
        question = line.strip()
        if not question:
            continue
        try:
            _print_answer(conversation.ask(question, as_of=as_of))
        except ValueError as error:
            typer.secho(f"error: {error}", fg="red", err=True)
        typer.echo("")


def _lines() -> Iterator[str]:
    if not sys.stdin.isatty():
        yield from sys.stdin
        return
    while True:
        try:
            yield input("> ")
        except (EOFError, KeyboardInterrupt):
            typer.echo("")
            return


@app.command()
def sources() -> None:
    """List the indexed articles."""
    rows = Index(_settings()).ledger.articles()
    for row in rows:
        published = row.published.isoformat() if row.published else "undated   "
        typer.echo(
            f"{row.id}  {published}  {row.outlet or '-':<12.12}  "
            f"{row.chunks:>3} chunks  {row.title}"
        )
    typer.echo(f"{len(rows)} articles")


@app.command()
def delete(
    article: Annotated[str, typer.Argument(help="Exact article id or exact URL.")],
) -> None:
    """Remove one article and its chunks."""
    index = Index(_settings())
    try:
        row = index.find(article)
    except ValueError as error:  # blank, or a URL several articles share
        typer.secho(f"error: {error}", fg="red", err=True)
        raise typer.Exit(2) from error
    if row is None:
        typer.secho(
            f"error: no indexed article has the id or URL {article!r}; "
            "`newsqa sources` lists the ids",
            fg="red",
            err=True,
        )
        raise typer.Exit(1)
    removed = index.delete(row.id)
    typer.echo(f"deleted {row.id} ({removed} chunks)")


@app.command()
def reset(yes: Annotated[bool, typer.Option("--yes", help="Do not ask.")] = False) -> None:
    """Delete the whole index (its Chroma collection and ledger)."""
    settings = _settings()
    if not yes and not typer.confirm(
        f"Delete the index {settings.collection!r} in {settings.data_dir}?"
    ):
        raise typer.Abort()
    Index(settings).reset()
    typer.echo("index deleted")


def _register_plugins() -> None:
    for entry in entry_points(group="newsqa.commands"):
        entry.load()(app)


def main() -> None:
    """Entry point of the ``newsqa`` console script."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    _register_plugins()
    app()
