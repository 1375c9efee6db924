"""The ``newsqa`` command line: ingest, ask, chat, sources, delete, reset (+ plug-in commands)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import datetime
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from assistant.records import Answer
from assistant.settings import MAX_K, AssistantSettings
from assistant.terminal import printable, printable_field, printable_json
from assistant.text import plural
from index.sample import SAMPLE_DIR
from index.writer_lock import IndexBusyError

# The answering, index and web modules load torch, spaCy, Chroma and HTTP clients (seconds):
# each command imports what it uses, so `newsqa ask` asking a running server starts fast.
if TYPE_CHECKING:
    from assistant.api import Assistant
    from index.pipeline import Index
    from index.web import WebIngester

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
Local = Annotated[
    bool,
    typer.Option(
        "--local", help="Answer in this process even when `newsqa serve` serves the index."
    ),
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


def _echo(text: str = "", **options: Any) -> None:
    """Print ``text`` (``typer.secho`` options) without control, bidirectional or zero-width
    characters: an article indexed before the loaders removed them, a file's name or a feed's
    title must not move the cursor, recolour the screen or disguise itself as other text."""
    typer.secho(printable(text), **options)


def _with_llm(llm: str | None) -> dict[str, Any]:
    """Settings that make ``llm`` the answerer."""
    return {"llm": llm, "answerer": "llm"} if llm else {}


# Exit codes of `ingest` (also in its help and the README); `delete` and `reset` share 2 and 4.
EXIT_NOTHING_INGESTED = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3
EXIT_BUSY = 4
# A watch outlives a poll that fails whole (a network blip, a feed briefly down) and gives up
# on the third in a row: by then the fault has lasted two intervals, and a supervisor should
# be told (exit 1) rather than see a watch that silently indexes nothing.
WATCH_FAILED_POLLS = 3


def _settings(**overrides: Any) -> AssistantSettings:
    return AssistantSettings(**{k: v for k, v in overrides.items() if v is not None})


def _assistant(**overrides: Any) -> Assistant:
    from assistant.api import Assistant

    try:
        return Assistant(_settings(**overrides))
    except Exception as error:  # any start-up failure: say what it was, no traceback
        _echo(f"error: {error}", fg="red", err=True)
        raise typer.Exit(2) from error


def _index(settings: AssistantSettings) -> Index:
    from index.pipeline import Index

    try:
        return Index(settings)
    except Exception as error:  # e.g. other embedding settings: say what it was, no traceback
        _echo(f"error: {error}", fg="red", err=True)
        raise typer.Exit(EXIT_USAGE) from error


def _busy(error: IndexBusyError) -> typer.Exit:
    _echo(f"error: {error}", fg="red", err=True)
    return typer.Exit(EXIT_BUSY)


AllowPrivate = Annotated[
    bool,
    typer.Option(
        "--allow-private",
        help="Also fetch from loopback, private and link-local addresses (your own machine "
        "or network); refused by default.",
    ),
]


def _web(index: Index, allow_private: bool) -> WebIngester:
    from index.web import FetchSettings, WebIngester

    try:
        settings = FetchSettings(allow_private=True) if allow_private else FetchSettings()
    except ValueError as error:  # a malformed NEWSQA_FETCH_* variable
        _echo(f"error: {error}", fg="red", err=True)
        raise typer.Exit(EXIT_USAGE) from error
    return WebIngester(index, settings)


def _filters(outlet: list[str] | None, start: str | None, end: str | None) -> dict[str, object]:
    return {k: v for k, v in {"outlet": outlet, "from": start, "to": end}.items() if v}


def _server_url() -> str | None:
    """The URL of a running ``newsqa serve`` of this index, or None."""
    from assistant.remote import running_server

    try:
        return running_server(_settings())
    except ValueError:  # bad settings: the local path reports them
        return None


def _ask_server(
    question: str,
    filters: dict[str, Any],
    k: int | None,
    as_of: str | None,
    history: list[str] | None = None,
) -> Answer | None:
    """The answer of a running ``newsqa serve`` of this index, or None when none runs (or it
    fails: the question is then answered here). ``ValueError`` with the server's message when
    it refused the question or a filter."""
    from assistant.remote import ServerUnavailableError, ask_server

    url = _server_url()
    if url is None:
        return None
    try:
        return ask_server(url, question, filters=filters, k=k, as_of=as_of, history=history)
    except ServerUnavailableError as error:
        _echo(f"note: {error}; answering here", fg="yellow", err=True)
        return None


def _stream_answer(pieces: Iterable[str | Answer]) -> Answer:
    """Print each verified sentence as it arrives, then the sources; the final Answer."""
    shown = False
    for piece in pieces:
        if isinstance(piece, Answer):
            if not shown:
                _echo(piece.text, nl=False)
            _echo("")
            _print_answer(piece, text=False)
            return piece
        _echo(piece, nl=False)
        shown = True
    raise RuntimeError("the answer stream ended without an Answer")


def _print_answer(answer: Answer, *, text: bool = True) -> None:
    if answer.notice:
        _echo(f"note: {answer.notice}", fg="yellow", err=True)
    if answer.undated_excluded:
        _echo(
            f"note: the date filter left out {plural(answer.undated_excluded, 'undated article')} "
            "(give them a date with `newsqa ingest PATH --published DATE`)",
            fg="yellow",
            err=True,
        )
    if text:
        _echo(answer.text)
    if answer.citations:
        _echo("")
    for c in answer.citations:
        published = c.published.isoformat() if c.published else "undated"
        _echo(
            f"[{c.number}] {printable_field(c.title)} — "
            f"{printable_field(c.outlet) or 'unknown outlet'}, {published}",
            bold=True,
        )
        if c.url:
            _echo(f"    {printable_field(c.url)}")
        _echo(f"    “{c.quote}”")


@app.command()
def ingest(
    paths: Annotated[
        list[str] | None,
        # Text, not Path: a Path would turn https:// into https:/. An unreadable path is the
        # report's failure, not a usage error that would stop the other paths.
        typer.Argument(help="Files or folders of articles, or URLs of pages and RSS/Atom feeds."),
    ] = None,
    prune: Annotated[
        bool, typer.Option(help="Remove articles whose files under PATHS are gone.")
    ] = False,
    prune_empty: Annotated[
        bool,
        typer.Option(
            help="With --prune, also prune a PATH that is an empty folder or mount point "
            "(refused otherwise: an unmounted disk looks like that)."
        ),
    ] = False,
    sample: Annotated[bool, typer.Option(help="Index the bundled sample article.")] = False,
    if_empty: Annotated[
        bool, typer.Option(help="Do nothing when the index holds articles.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the report as JSON (for scripts).")
    ] = False,
    allow_private: AllowPrivate = False,
    outlet: Annotated[
        str | None,
        typer.Option(
            "--outlet",
            help="Outlet of the articles that name none (a folder of one paper's stories); "
            "without it, an article with a URL is given its site (bbc.co.uk: BBC).",
        ),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            "--published", help="Publication date (YYYY-MM-DD) of the articles that carry none."
        ),
    ] = None,
) -> None:
    """Index articles: .txt .md .html .json .jsonl (also .gz .xz .bz2), folders recursively,
    and http(s) URLs: a page's article, or every article a feed links to (the feed is then
    watched: see `newsqa watch`).

    Exit codes: 0 every input was indexed (or was unchanged); 3 some inputs failed and others
    were indexed; 1 inputs failed and none was indexed; 2 a usage or settings error; 4 another
    process kept writing to the index past NEWSQA_WRITER_TIMEOUT.
    """
    from assistant.dates import resolve_as_of
    from index.metadata import ArticleDefaults
    from index.pipeline import IngestReport
    from index.web import WebReport, looks_like_url

    urls = [p for p in paths or [] if looks_like_url(p)]
    targets = [Path(p) for p in paths or [] if not looks_like_url(p)]
    targets += [SAMPLE_DIR] if sample else []
    if not targets and not urls:
        _echo(
            "error: give files or folders to ingest (or page and feed URLs), or --sample",
            fg="red",
            err=True,
        )
        raise typer.Exit(EXIT_USAGE)
    try:
        defaults = ArticleDefaults(
            outlet=(outlet or "").strip(), published=resolve_as_of(published, "--published")
        )
    except ValueError as error:
        _echo(f"error: {error}", fg="red", err=True)
        raise typer.Exit(EXIT_USAGE) from error
    index = _index(_settings(sample_if_empty=False))
    held = index.ledger.count()[0]
    if if_empty and held:
        message = f"index already holds {held} articles; nothing to do"
        _echo(json.dumps({**IngestReport().as_dict(), "skipped": message}) if as_json else message)
        return
    try:
        done = WebReport(
            index.ingest(targets, prune=prune, defaults=defaults, prune_empty=prune_empty)
            if targets
            else IngestReport()
        )
        if urls:
            with _web(index, allow_private) as web:
                done = web.ingest(urls, defaults).including(done.report)
    except IndexBusyError as error:
        raise _busy(error) from error
    report = done.report
    if as_json:
        data = done.as_dict() if urls else report.as_dict()
        _echo(printable_json(data))
    else:
        _echo(done.summary())
    if report.status == "partial":
        raise typer.Exit(EXIT_PARTIAL)
    if report.status == "failed":
        raise typer.Exit(EXIT_NOTHING_INGESTED)


@app.command()
def watch(
    feeds: Annotated[
        list[str] | None,
        typer.Argument(help="Feed URLs; without any, every feed watched so far."),
    ] = None,
    every: Annotated[str, typer.Option(help="Time between polls: 90s, 15m, 1h.")] = "15m",
    max_polls: Annotated[
        int | None, typer.Option(min=1, help="Stop after N polls (default: until Ctrl-C).")
    ] = None,
    allow_private: AllowPrivate = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON line per poll.")] = False,
) -> None:
    """Poll feeds and index their new articles. Each feed is asked for with its ETag and
    Last-Modified, and an entry seen once is fetched again only when the feed revises it: both
    are kept in the index, so a restart carries on where the last run stopped.

    Exit codes: 0 the polls were made (also when nothing was new); 1 every fetch failed in
    the last poll or in three polls in a row, where the watch stops; 2 a usage or settings error.
    """
    from index.web import parse_interval
    from index.web import watch as watch_feeds

    try:
        interval = parse_interval(every)
    except ValueError as error:
        _echo(f"error: --every: {error}", fg="red", err=True)
        raise typer.Exit(EXIT_USAGE) from error
    index = _index(_settings(sample_if_empty=False))
    with _web(index, allow_private) as web:
        if not feeds and not web.feeds():
            _echo(
                "error: no feed is watched yet; give feed URLs (newsqa watch URL...)",
                fg="red",
                err=True,
            )
            raise typer.Exit(EXIT_USAGE)

        failed_in_a_row = 0

        def poll(number: int) -> None:
            nonlocal failed_in_a_row
            started = datetime.now()
            try:
                done = web.ingest(feeds) if feeds else web.poll()
            except IndexBusyError as error:  # the next poll tries again
                _echo(f"poll {number}: {error}", fg="yellow", err=True)
                return
            if as_json:
                _echo(printable_json({"poll": number, **done.as_dict()}, indent=None))
            else:
                _echo(f"poll {number} at {started:%Y-%m-%d %H:%M:%S}")
                _echo(done.summary())
            failed_in_a_row = failed_in_a_row + 1 if done.all_failed else 0
            if not failed_in_a_row:
                return
            first = done.report.failures[0].reason.splitlines()[0]
            gives_up = failed_in_a_row >= WATCH_FAILED_POLLS or number == max_polls
            _echo(
                f"{'error' if gives_up else 'warning'}: poll {number}: every fetch failed "
                f"({done.report.failed}){', so the watch stops' if gives_up else ''}; "
                f"the first: {first}",
                fg="red" if gives_up else "yellow",
                err=True,
            )
            if gives_up:
                raise typer.Exit(EXIT_NOTHING_INGESTED)

        try:
            watch_feeds(poll, every=interval, max_polls=max_polls)
        except KeyboardInterrupt:
            _echo("stopped")


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
    local: Local = False,
) -> None:
    """Answer one question, with citations; sentences print as soon as they are verified.

    When `newsqa serve` is running on the same index, the question is sent to it (its models
    are loaded: an answer in about a second instead of about 6), unless --local or --llm is
    given (the web app's API answers with the server's own answerer).
    """
    filters = _filters(outlet, published_from, published_to)
    if not (local or llm):
        try:
            answer = _ask_server(question, filters, k, as_of)
        except ValueError as error:
            _echo(f"error: {error}", fg="red", err=True)
            raise typer.Exit(EXIT_USAGE) from error
        if answer is not None:
            if as_json:
                _echo(printable_json(answer.model_dump(mode="json")))
            else:
                _print_answer(answer)
            return
    assistant = _assistant(**_with_llm(llm))
    options: dict[str, Any] = {"as_of": as_of, "filters": filters, "k": k}
    try:
        if not as_json:
            _stream_answer(assistant.stream(question, **options))
            return
        answer = assistant.ask(question, **options)
    except ValueError as error:
        _echo(f"error: {error}", fg="red", err=True)
        raise typer.Exit(2) from error
    _echo(printable_json(answer.model_dump(mode="json")))


@app.command()
def chat(as_of: AsOf = None, llm: Llm = None, local: Local = False) -> None:
    """Talk with the assistant; follow-up questions use the conversation. Ctrl-D ends.

    As with `ask`, a running `newsqa serve` of the same index answers (no models to load),
    unless --local or --llm is given; should it stop, the conversation goes on here.
    """
    from assistant.chat import Chat, Turn

    conversation: Chat | None = None
    if local or llm or _server_url() is None:
        conversation = _assistant(**_with_llm(llm)).chat()
    turns: list[Turn] = []
    _echo("Ask about the indexed articles (Ctrl-D to quit).")
    for line in _lines():
        question = line.strip()
        if not question:
            continue
        if conversation is None:
            history = [t.question for t in turns]
            try:
                answer = _ask_server(question, {}, None, as_of, history=history)
            except ValueError as error:
                _echo(f"error: {error}", fg="red", err=True)
                continue
            if answer is not None:
                turns.append(Turn(question, answer))
                _print_answer(answer)
                _echo("")
                continue
            conversation = Chat(_assistant(), turns=turns)  # the server is gone: go on here
        try:
            _stream_answer(conversation.stream(question, as_of=as_of))
        except ValueError as error:
            _echo(f"error: {error}", fg="red", err=True)
        _echo("")


def _lines() -> Iterator[str]:
    if not sys.stdin.isatty():
        yield from sys.stdin
        return
    while True:
        try:
            yield input("> ")
        except (EOFError, KeyboardInterrupt):
            _echo("")
            return


@app.command()
def sources() -> None:
    """List the indexed articles."""
    from index.pipeline import Index

    rows = Index(_settings()).ledger.articles()
    for row in rows:
        published = row.published.isoformat() if row.published else "undated   "
        _echo(
            f"{row.id}  {published}  {printable_field(row.outlet) or '-':<12.12}  "
            f"{row.chunks:>3} chunks  {printable_field(row.title)}"
        )
    _echo(f"{len(rows)} articles")


@app.command()
def delete(
    article: Annotated[str, typer.Argument(help="Exact article id or exact URL.")],
) -> None:
    """Remove one article and its chunks."""
    index = _index(_settings())
    try:
        row = index.find(article)
    except ValueError as error:  # blank, or a URL several articles share
        _echo(f"error: {error}", fg="red", err=True)
        raise typer.Exit(EXIT_USAGE) from error
    if row is None:
        _echo(
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
    _echo(f"deleted {row.id} ({removed} chunks)")


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
    from index.pipeline import reset_index

    try:
        reset_index(settings)
    except IndexBusyError as error:
        raise _busy(error) from error
    _echo("index deleted")


def _register_plugins() -> None:
    for entry in entry_points(group="newsqa.commands"):
        entry.load()(app)


def main() -> None:
    """Entry point of the ``newsqa`` console script."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    _register_plugins()
    app()
