"""The ``newsqa`` command line: ingest, ask, chat, sources, delete, reset (+ plug-in commands)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from importlib.metadata import entry_points
from pathlib import Path
from typing import Annotated, Any

import typer

from assistant.api import Assistant
from assistant.records import Answer
from assistant.settings import MAX_K, AssistantSettings
from index.pipeline import Index, IngestReport, reset_index
from index.sample import SAMPLE_DIR
from index.writer_lock import IndexBusyError

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
K = Annotated[
    int | None, typer.Option("-k", min=1, max=MAX_K, help=f"Passages to read (1 to {MAX_K}).")
]
Llm = Annotated[
    str | None,
    typer.Option(
        "--llm",
        help="Answer with this LLM: openai:MODEL (with NEWSQA_LLM_BASE_URL for any "
        "OpenAI-compatible server), ollama:MODEL or llamacpp:/path/model.gguf. Every citation "
        "is still verified; default: NEWSQA_LLM with NEWSQA_ANSWERER.",
    ),
]


def _with_llm(llm: str | None) -> dict[str, Any]:
    """Settings that make ``llm`` the answerer."""
    return {"llm": llm, "answerer": "llm"} if llm else {}


# Exit codes of `ingest` (also in its help and the README); `delete` and `reset` share 2 and 4.
EXIT_NOTHING_INGESTED = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3
EXIT_BUSY = 4


def _settings(**overrides: Any) -> AssistantSettings:
    return AssistantSettings(**{k: v for k, v in overrides.items() if v is not None})


def _assistant(**overrides: Any) -> Assistant:
    try:
        return Assistant(_settings(**overrides))
    except Exception as error:  # any start-up failure: say what it was, no traceback
        typer.secho(f"error: {error}", fg="red", err=True)
        raise typer.Exit(2) from error


def _index(settings: AssistantSettings) -> Index:
    try:
        return Index(settings)
    except Exception as error:  # e.g. other embedding settings: say what it was, no traceback
        typer.secho(f"error: {error}", fg="red", err=True)
        raise typer.Exit(EXIT_USAGE) from error


def _busy(error: IndexBusyError) -> typer.Exit:
    typer.secho(f"error: {error}", fg="red", err=True)
    return typer.Exit(EXIT_BUSY)


def _filters(outlet: list[str] | None, start: str | None, end: str | None) -> dict[str, object]:
    return {k: v for k, v in {"outlet": outlet, "from": start, "to": end}.items() if v}


def _stream_answer(pieces: Iterable[str | Answer]) -> Answer:
    """Print each verified sentence as it arrives, then the sources; the final Answer."""
    shown = False
    for piece in pieces:
        if isinstance(piece, Answer):
            if not shown:
                typer.echo(piece.text, nl=False)
            typer.echo("")
            _print_answer(piece, text=False)
            return piece
        typer.echo(piece, nl=False)
        shown = True
    raise RuntimeError("the answer stream ended without an Answer")


def _print_answer(answer: Answer, *, text: bool = True) -> None:
    if answer.notice:
        typer.secho(f"note: {answer.notice}", fg="yellow", err=True)
    if text:
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
        list[Path] | None,
        # readable=False: an unreadable path is the report's failure, not a usage error that
        # would stop the other paths.
        typer.Argument(help="Files or folders of articles.", readable=False),
    ] = None,
    prune: Annotated[
        bool, typer.Option(help="Remove articles whose files under PATHS are gone.")
    ] = False,
    sample: Annotated[bool, typer.Option(help="Index the bundled sample article.")] = False,
    if_empty: Annotated[
        bool, typer.Option(help="Do nothing when the index holds articles.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the report as JSON (for scripts).")
    ] = False,
) -> None:
    """Index articles: .txt .md .html .json .jsonl (also .gz .xz .bz2), folders recursively.

    Exit codes: 0 every input was indexed (or was unchanged); 3 some inputs failed and others
    were indexed; 1 inputs failed and none was indexed; 2 a usage or settings error; 4 another
    process kept writing to the index past NEWSQA_WRITER_TIMEOUT.
    """
    targets = list(paths or []) + ([SAMPLE_DIR] if sample else [])
    if not targets:
        typer.secho("error: give files or folders to ingest, or --sample", fg="red", err=True)
        raise typer.Exit(EXIT_USAGE)
    index = _index(_settings(sample_if_empty=False))
    held = index.ledger.count()[0]
    if if_empty and held:
        message = f"index already holds {held} articles; nothing to do"
        typer.echo(
            json.dumps({**IngestReport().as_dict(), "skipped": message}) if as_json else message
        )
        return
    try:
        report = index.ingest(targets, prune=prune)
    except IndexBusyError as error:
        raise _busy(error) from error
    if as_json:
        typer.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        typer.echo(report.summary())
    if report.status == "partial":
        raise typer.Exit(EXIT_PARTIAL)
    if report.status == "failed":
        raise typer.Exit(EXIT_NOTHING_INGESTED)


@app.command()
def ask(
    question: str,
    as_json: Annotated[bool, typer.Option("--json", help="Print the Answer as JSON.")] = False,
    as_of: AsOf = None,
    outlet: Outlet = None,
    published_from: From = None,
    published_to: To = None,
    k: K = None,
    llm: Llm = None,
) -> None:
    """Answer one question, with citations; sentences print as soon as they are verified."""
    assistant = _assistant(**_with_llm(llm))
    options: dict[str, Any] = {
        "as_of": as_of,
        "filters": _filters(outlet, published_from, published_to),
        "k": k,
    }
    try:
        if not as_json:
            _stream_answer(assistant.stream(question, **options))
            return
        answer = assistant.ask(question, **options)
    except ValueError as error:
        typer.secho(f"error: {error}", fg="red", err=True)
        raise typer.Exit(2) from error
    typer.echo(json.dumps(answer.model_dump(mode="json"), indent=2, ensure_ascii=False))


@app.command()
def chat(as_of: AsOf = None, llm: Llm = None) -> None:
    """Talk with the assistant; follow-up questions use the conversation. Ctrl-D ends."""
    conversation = _assistant(**_with_llm(llm)).chat()
    typer.echo("Ask about the indexed articles (Ctrl-D to quit).")
    for line in _lines():
        question = line.strip()
        if not question:
            continue
        try:
            _stream_answer(conversation.stream(question, as_of=as_of))
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
    index = _index(_settings())
    try:
        row = index.find(article)
    except ValueError as error:  # blank, or a URL several articles share
        typer.secho(f"error: {error}", fg="red", err=True)
        raise typer.Exit(EXIT_USAGE) from error
    if row is None:
        typer.secho(
            f"error: no indexed article has the id or URL {article!r}; "
            "`newsqa sources` lists the ids",
            fg="red",
            err=True,
        )
        raise typer.Exit(1)
    try:
        removed = index.delete(row.id)
    except IndexBusyError as error:
        raise _busy(error) from error
    typer.echo(f"deleted {row.id} ({removed} chunks)")


@app.command()
def reset(yes: Annotated[bool, typer.Option("--yes", help="Do not ask.")] = False) -> None:
    """Delete the whole index (its Chroma collection and ledger), whatever settings built it.

    A running `newsqa serve` then finds the index empty, and sees what a later ingest adds.
    """
    settings = _settings()
    if not yes and not typer.confirm(
        f"Delete the index {settings.collection!r} in {settings.data_dir}?"
    ):
        raise typer.Abort()
    try:
        reset_index(settings)
    except IndexBusyError as error:
        raise _busy(error) from error
    typer.echo("index deleted")


def _register_plugins() -> None:
    for entry in entry_points(group="newsqa.commands"):
        entry.load()(app)


def main() -> None:
    """Entry point of the ``newsqa`` console script."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    _register_plugins()
    app()
