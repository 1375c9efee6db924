"""``newsqa serve``: registered on the ``newsqa`` command line through an entry point."""

from __future__ import annotations

import errno
import logging
import os
import socket
import threading
import time
from contextlib import nullcontext, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from pydantic import ValidationError

from ui.access import Users, UsersError, load_users
from ui.settings import ServeSettings

if TYPE_CHECKING:
    from assistant import AssistantSettings
    from ui.early_answers import EarlyAnswers
    from ui.loading import Loader

EXIT_USAGE = 2
# Seconds an answer the early process has under way may take to finish once the app's own
# assistant has loaded: an LLM's answer takes tens of seconds on this project's CPUs.
EARLY_ANSWER_PATIENCE = 120.0
_PORTS_TRIED = 20


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to ``app``."""

    @app.command()
    def serve(
        host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 7860,
        auth: Annotated[
            list[str] | None,
            typer.Option(
                "--auth",
                help="A login, user:password (repeatable); any login turns auth on. "
                "Default: NEWSQA_AUTH.",
            ),
        ] = None,
        users_file: Annotated[
            Path | None,
            typer.Option(
                "--users",
                help="File of logins, one user:password a line. Default: NEWSQA_USERS_FILE.",
            ),
        ] = None,
        admin: Annotated[
            list[str] | None,
            typer.Option(
                "--admin",
                help="A user who may upload and delete articles (repeatable); default: "
                "NEWSQA_ADMIN, else the first user given.",
            ),
        ] = None,
        llm: Annotated[
            str | None,
            typer.Option(
                "--llm",
                help="Offer this LLM answerer too, and pick it by default: openai:MODEL (with "
                "NEWSQA_LLM_BASE_URL), ollama:MODEL or llamacpp:/path/model.gguf.",
            ),
        ] = None,
    ) -> None:
        """Start the web app (no share link; nothing is fetched from outside).

        With logins (--auth, --users), everyone must log in and only admins may upload and
        delete articles. Without, listening beyond 127.0.0.1 prints a warning.
        """
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
        # Imported here so that other commands do not pay for importing Gradio; the
        # Assistant (seconds of imports) only in the background, once the page is up.
        from assistant import AssistantSettings

        try:
            serving = ServeSettings()
            settings = AssistantSettings(llm=llm, answerer="llm") if llm else AssistantSettings()
            users = load_users(
                auth or serving.auth, users_file or serving.users_file, admin or serving.admin
            )
        except (ValidationError, UsersError) as error:
            raise _fail(str(error)) from error
        _check_data_dir(settings.data_dir)
        _check_port(host, port)
        _announce(users)
        from ui.early_answers import EarlyAnswers

        # First of all, so that it loads on the other core while this process imports Gradio
        # (not for an in-process llama.cpp model: two copies would share the two cores).
        in_process_llm = (settings.llm or "").startswith("llamacpp:")
        early = None if in_process_llm else EarlyAnswers.start(settings)
        try:
            _serve_app(host, port, settings, serving, users, early)
        finally:
            if early is not None:
                early.close()


def _serve_app(
    host: str,
    port: int,
    settings: AssistantSettings,
    serving: ServeSettings,
    users: Users | None,
    early: EarlyAnswers | None,
) -> None:
    """Show the placeholder, import Gradio, serve the app and load its assistant; until
    Ctrl-C."""
    from ui.starting import StartingPage

    # Importing Gradio takes seconds: meanwhile a placeholder page answers on the port.
    placeholder = StartingPage.open(host, port)
    from ui.app import build_app, launch
    from ui.ready import assistant_loader

    # The page is served first and shows a loading state while the assistant (models,
    # index, example questions) loads in the background; a failure is shown there.
    # Loading while Gradio is imported delayed the page from 5.5 s to 8.7-9.3 s and the
    # first answer not at all: both hold the interpreter lock (2026-12-03, 2 cores,
    # `python -m eval.startup`).
    def assistant() -> Any:
        from assistant import Assistant

        return Assistant(settings)

    loader = assistant_loader(assistant)

    app = build_app(
        loader,
        settings=settings,
        users=users,
        max_upload_bytes=serving.max_upload_bytes,
        concurrency=serving.concurrency,
        early=early,
    )
    try:
        if placeholder is not None:
            placeholder.close()
        url = launch(
            app,
            host=host,
            port=port,
            block=False,
            users=users,
            max_upload_bytes=serving.max_upload_bytes,
        )
    except OSError as error:  # taken between the check and the launch
        raise _fail(_port_problem(host, port, error)) from error
    typer.echo(f"newsqa is up at {url} (the assistant is loading)", err=True)
    from assistant import announced

    # `newsqa ask` on this index then asks this server rather than load the models again
    # (not when logins are on: it has none).
    try:
        with announced(settings, url) if users is None else nullcontext():
            loader.start()
            if early is not None:
                threading.Thread(
                    target=_stop_when_loaded, args=(loader, early), daemon=True
                ).start()
            while app.is_running:
                time.sleep(0.1)
    except KeyboardInterrupt:
        # Out of the block first: the announcement is gone at once, while closing the app
        # may wait for answers under way.
        typer.echo("stopping newsqa", err=True)
    finally:
        app.close(verbose=False)


def _stop_when_loaded(loader: Loader[Any], early: EarlyAnswers) -> None:
    """Stop the early process once the app's own assistant has loaded (or failed to)."""
    # A failure is shown on the page; the early process goes all the same.
    with suppress(RuntimeError):
        loader.get()
    early.close(patience=EARLY_ANSWER_PATIENCE)


def _fail(message: str) -> typer.Exit:
    typer.secho(f"error: {message}", fg="red", err=True)
    return typer.Exit(EXIT_USAGE)


def _announce(users: Users | None) -> None:
    if users is not None:
        typer.echo(
            f"auth on: {len(users.passwords)} users; may upload and delete articles: "
            f"{', '.join(sorted(users.admins))}",
            err=True,
        )


def _check_data_dir(data_dir: Path) -> None:
    """Stop with one line when the index folder cannot be read and written."""
    folder = data_dir
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # the index folder is made inside the nearest one that exists
    if not folder.is_dir():
        raise _fail(
            f"the data folder {data_dir} cannot be used: {folder} is not a folder; choose "
            "another with NEWSQA_DATA_DIR"
        )
    if not os.access(folder, os.R_OK | os.W_OK | os.X_OK):
        raise _fail(
            f"the data folder {data_dir} cannot be read and written (permission denied on "
            f"{folder}); fix its permissions or choose another with NEWSQA_DATA_DIR"
        )


def _check_port(host: str, port: int) -> None:
    """Stop with one line when ``host:port`` cannot be listened on."""
    problem = _bind_problem(host, port)
    if problem is not None:
        raise _fail(_port_problem(host, port, problem))


def _bind_problem(host: str, port: int) -> OSError | None:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as error:
        return error
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        # As uvicorn binds: a port left in TIME_WAIT by a server just stopped is free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as error:
            return error
    return None


def _port_problem(host: str, port: int, error: OSError) -> str:
    if isinstance(error, socket.gaierror):
        return f"cannot listen on {host!r}: no such address ({error.strerror}); check --host"
    if error.errno == errno.EADDRINUSE or "empty port" in str(error):
        tried = range(port + 1, min(port + _PORTS_TRIED, 65536))
        free = next((p for p in tried if _bind_problem(host, p) is None), None)
        fix = f"try --port {free}" if free else "stop what listens there, or pick another --port"
        return f"port {port} is in use; {fix}"
    if error.errno == errno.EACCES:
        return f"port {port} is reserved for privileged users here; try --port 7860"
    return f"cannot listen on {host}:{port} ({error.strerror or error}); check --host and --port"
