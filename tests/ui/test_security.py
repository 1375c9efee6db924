"""The app facing a network: logins, admin-only writes (checked in the handlers, so a request
made by hand is refused too), upload limits, temporary uploads removed, a warning when it
listens beyond loopback without auth, and ``serve`` errors in one line with the fix."""

from __future__ import annotations

import json
import logging
import re
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import uuid4

import httpx
import pytest
import typer
from gradio_client import Client
from typer.testing import CliRunner

from assistant import COMPRESSED_SUFFIXES, SUPPORTED_SUFFIXES, Assistant, AssistantSettings
from index.pipeline import writer_lock
from tests.network import free_port
from ui.access import UsersError, is_loopback, load_users
from ui.upload_files import UPLOAD_TYPES, upload_problem

ARTICLE = """Zorbland Parliament Approves Glacier Tax

The parliament of Zorbland approved a tax on glacier tourism on 3 March 2024, officials said.
"""
PASSWORDS = {"alice": "wonder-land", "bob": "builder:42"}  # a password may hold a colon


# -- logins -----------------------------------------------------------------------------------


def test_logins_come_from_auth_and_a_users_file_and_the_first_user_is_admin(
    tmp_path: Path,
) -> None:
    users_file = tmp_path / "users.txt"
    users_file.write_text("# readers\n\ncarol:pa ss\n", encoding="utf-8")
    users = load_users(["alice:wonder-land", "bob:builder:42"], users_file, [])
    assert users is not None
    assert users.login("alice", "wonder-land") and users.login("bob", "builder:42")
    assert users.login("carol", "pa ss") and not users.login("carol", "pass")
    assert not users.login("mallory", "")
    assert users.admins == {"alice"}
    assert users.may_write("alice") and not users.may_write("bob")
    assert not users.may_write(None)

    named = load_users(["alice:a", "bob:b"], None, ["bob"])
    assert named is not None and named.admins == {"bob"}
    assert load_users([], None, []) is None  # no logins: no auth


@pytest.mark.parametrize(
    ("lines", "where"),
    [
        ("alice:a\nbob\n", "users.txt, line 2"),
        ("alice:a\n\n:nameless\n", "users.txt, line 3"),
        ("alice:a\nbob:\n", "users.txt, line 2"),
        ("alice:a\nalice:b\n", "users.txt, line 2: the user 'alice' is already given by"),
    ],
)
def test_a_bad_users_file_names_its_file_and_line(tmp_path: Path, lines: str, where: str) -> None:
    users_file = tmp_path / "users.txt"
    users_file.write_text(lines, encoding="utf-8")
    with pytest.raises(UsersError, match=re.escape(where)) as raised:
        load_users([], users_file, [])
    assert "a\n" not in str(raised.value) and ":b" not in str(raised.value)  # no password shown


def test_a_bad_auth_entry_or_admin_is_named(tmp_path: Path) -> None:
    with pytest.raises(UsersError, match="--auth entry 2: expected user:password"):
        load_users(["alice:a", "bob"], None, [])
    with pytest.raises(UsersError, match="--admin carol: no such user; give one of alice"):
        load_users(["alice:a"], None, ["carol"])
    with pytest.raises(UsersError, match=r"users\.txt: cannot read the users file"):
        load_users([], tmp_path / "users.txt", [])


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.20", False),
    ],
)
def test_what_counts_as_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


# -- uploads ----------------------------------------------------------------------------------


def test_upload_types_are_every_kind_the_loaders_read() -> None:
    kinds = {f"{s}{c}" for s in SUPPORTED_SUFFIXES for c in {"", *COMPRESSED_SUFFIXES}}
    assert set(UPLOAD_TYPES) == kinds


def test_an_upload_of_another_kind_or_over_the_limit_is_refused(tmp_path: Path) -> None:
    good = tmp_path / "story.jsonl.gz"
    good.write_bytes(b"x" * 100)
    assert upload_problem(good, max_bytes=100) is None
    assert "over the upload limit of 99" in str(upload_problem(good, max_bytes=99))
    script = tmp_path / "story.sh"
    script.write_text("rm -rf /", encoding="utf-8")
    assert "only .htm, .html" in str(upload_problem(script, max_bytes=10_000))


# -- serve errors -----------------------------------------------------------------------------


@pytest.fixture
def serve_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> typer.Typer:
    """A command line holding just ``serve``, over a scratch data folder."""
    from ui.cli import register

    monkeypatch.setenv("NEWSQA_DATA_DIR", str(tmp_path / "data"))
    for name in ("NEWSQA_AUTH", "NEWSQA_USERS_FILE", "NEWSQA_ADMIN"):
        monkeypatch.delenv(name, raising=False)
    cli = typer.Typer()
    cli.callback()(lambda: None)  # a group, so that the command is named as on `newsqa`
    register(cli)
    return cli


def _one_error_line(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1, output
    assert lines[0].startswith("error: "), output
    return lines[0]


def test_serve_on_a_busy_port_says_which_port_to_try(serve_cli: typer.Typer) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))  # nothing listens on a port just handed out and freed
        result = CliRunner().invoke(serve_cli, ["serve", "--port", str(port)])
    assert result.exit_code == 2
    line = _one_error_line(result.output)
    assert line.startswith(f"error: port {port} is in use; try --port "), line


@pytest.mark.parametrize(
    ("port", "bound"),
    [("0", "greater than or equal to 1"), ("65536", "less than or equal to 65535")],
)
def test_serve_refuses_a_port_out_of_range(serve_cli: typer.Typer, port: str, bound: str) -> None:
    result = CliRunner(env={"COLUMNS": "200"}).invoke(serve_cli, ["serve", "--port", port])
    assert result.exit_code == 2
    assert bound in result.output


def test_serve_with_a_data_folder_it_cannot_use_says_so(
    serve_cli: typer.Typer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("NEWSQA_DATA_DIR", str(blocker / "data"))
    result = CliRunner().invoke(serve_cli, ["serve", "--port", str(free_port())])
    assert result.exit_code == 2
    line = _one_error_line(result.output)
    assert f"{blocker} is not a folder; choose another with NEWSQA_DATA_DIR" in line


def test_serve_with_a_bad_users_file_names_the_line(serve_cli: typer.Typer, tmp_path: Path) -> None:
    users_file = tmp_path / "users.txt"
    users_file.write_text("alice:a\nbob\n", encoding="utf-8")
    result = CliRunner().invoke(serve_cli, ["serve", "--users", str(users_file)])
    assert result.exit_code == 2
    assert f"{users_file}, line 2: expected user:password" in _one_error_line(result.output)


def test_serve_reads_logins_from_newsqa_auth(
    serve_cli: typer.Typer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSQA_AUTH", json.dumps(["alice:a", "bob"]))
    result = CliRunner().invoke(serve_cli, ["serve"])
    assert result.exit_code == 2
    assert "--auth entry 2: expected user:password" in _one_error_line(result.output)


# Gradio's server thread exits when its bind fails; that is the point here.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_listening_beyond_loopback_without_auth_is_warned(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from ui.app import build_app, launch

    assistant = Assistant(
        AssistantSettings(data_dir=tmp_path, progress=False, sample_if_empty=False)
    )
    app = build_app(assistant)
    # 192.0.2.1 (TEST-NET-1) is no address of this machine: the warning comes, then the bind
    # fails, and nothing ever listens beyond loopback.
    with caplog.at_level(logging.WARNING, logger="ui.app"), pytest.raises(OSError):
        launch(app, host="192.0.2.1", port=free_port(), block=False)
    app.close()
    assert "listening on 192.0.2.1 without auth" in caplog.text
    assert "add --auth user:password or --users FILE" in caplog.text


# -- the app with logins, over real HTTP ------------------------------------------------------


@dataclass
class Guarded:
    """A launched app with logins: alice is the admin, bob a reader."""

    url: str
    assistant: Assistant
    settings: AssistantSettings


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Guarded]:
    from ui.app import build_app, launch
    from ui.loading import Loader
    from ui.ready import prepare

    settings = AssistantSettings(
        data_dir=tmp_path_factory.mktemp("guarded"),
        progress=False,
        sample_if_empty=True,
        writer_timeout=0.5,
    )
    assistant = Assistant(settings)
    users = load_users([f"{n}:{p}" for n, p in PASSWORDS.items()], None, [])
    app = build_app(Loader.of(prepare(assistant)), users=users, max_upload_bytes=20_000)
    url = launch(
        app, host="127.0.0.1", port=free_port(), block=False, users=users, max_upload_bytes=20_000
    )
    try:
        yield Guarded(url, assistant, settings)
    finally:
        app.close()


class Browser:
    """What a browser (or a script imitating one) does over plain HTTP: log in, upload a
    file, and run an event of the page by its trigger, as the page's JavaScript does."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")
        self.http = httpx.Client(base_url=self.url, timeout=60)
        self.session = uuid4().hex

    def login(self, user: str) -> None:
        """Log in, and load the page (which fills its lists, as Gradio keeps them per session)."""
        response = self.http.post("/login", data={"username": user, "password": PASSWORDS[user]})
        assert response.status_code == 200, response.text
        self.config = self.http.get("/config").json()
        self.reload()

    def reload(self) -> None:
        """Run the page's load event, which refreshes the library lists of this session."""
        self._event(None, "load", [])

    def upload(self, name: str, content: bytes) -> httpx.Response:
        return self.http.post("/gradio_api/upload", files=[("files", (name, content))])

    def run(self, elem_id: str, data: list[Any]) -> Any:
        """Click the button ``elem_id`` with ``data`` as the event's inputs; its first output."""
        component = next(
            c["id"]
            for c in self.config["components"]
            if c.get("props", {}).get("elem_id") == elem_id
        )
        return self._event(component, "click", data)

    def _event(self, component: int | None, name: str, data: list[Any]) -> Any:
        event = next(
            d
            for d in self.config["dependencies"]
            if any(t[1] == name and (component is None or t[0] == component) for t in d["targets"])
        )
        component = event["targets"][0][0]
        joined = self.http.post(
            "/gradio_api/queue/join",
            json={
                "data": data,
                "fn_index": event["id"],
                "session_hash": self.session,
                "event_data": None,
                "trigger_id": component,
            },
        )
        assert joined.status_code == 200, joined.text
        with self.http.stream(
            "GET", "/gradio_api/queue/data", params={"session_hash": self.session}
        ) as stream:
            for line in stream.iter_lines():
                if not line.startswith("data:"):
                    continue
                message = json.loads(line[5:])
                if message.get("msg") == "process_completed":
                    assert message.get("success"), message
                    return (message["output"]["data"] or [None])[0]
        raise AssertionError("the event never completed")


def _file(path: str, name: str) -> dict[str, Any]:
    return {"path": path, "orig_name": name, "meta": {"_type": "gradio.FileData"}}


@pytest.mark.slow
def test_without_a_login_nothing_answers(guarded: Guarded) -> None:
    http = httpx.Client(base_url=guarded.url, timeout=30)
    assert http.get("/config").status_code == 401
    joined = http.post(
        "/gradio_api/queue/join",
        json={"data": [], "fn_index": 0, "session_hash": "x", "trigger_id": None},
    )
    assert joined.status_code == 401
    with pytest.raises(Exception):  # noqa: B017 - the client fails in its own way
        Client(guarded.url, verbose=False)


@pytest.mark.slow
def test_a_reader_asks_but_cannot_upload_or_delete_even_by_hand(guarded: Guarded) -> None:
    answer = Client(guarded.url, verbose=False, auth=("bob", PASSWORDS["bob"])).predict(
        "Why did the US strike in June 2021?", api_name="/ask"
    )
    assert not answer["refused"]
    before = {row.id for row in guarded.assistant.sources()}

    bob = Browser(guarded.url)
    bob.login("bob")
    [uploaded] = bob.upload("zorbland.txt", ARTICLE.encode()).json()
    result = bob.run("newsqa-index", [[_file(uploaded, "zorbland.txt")]])
    assert "only admins may upload" in result
    assert not Path(uploaded).exists()  # refused, and Gradio's copy removed all the same
    doomed = next(iter(before))
    assert "only admins may delete" in bob.run("newsqa-delete", [doomed])
    assert {row.id for row in guarded.assistant.sources()} == before


@pytest.mark.slow
def test_an_admin_uploads_and_deletes_and_the_upload_is_not_kept(guarded: Guarded) -> None:
    alice = Browser(guarded.url)
    alice.login("alice")
    [uploaded] = alice.upload("zorbland.txt", ARTICLE.encode()).json()
    result = alice.run("newsqa-index", [[_file(uploaded, "zorbland.txt")]])
    assert "1 added" in result or "added" in result, result
    assert not Path(uploaded).exists()
    rows = {r.title: r.id for r in guarded.assistant.sources()}
    assert "Zorbland Parliament Approves Glacier Tax" in rows
    alice.reload()  # as the page does after an upload
    assert alice.run("newsqa-delete", [rows["Zorbland Parliament Approves Glacier Tax"]]) == (
        "Deleted."
    )


@pytest.mark.slow
def test_uploads_over_the_limit_or_of_another_kind_are_refused(guarded: Guarded) -> None:
    alice = Browser(guarded.url)
    alice.login("alice")
    assert alice.upload("huge.txt", b"x" * 30_000).status_code == 413
    [script] = alice.upload("story.sh", b"echo hi").json()
    with pytest.raises(AssertionError, match="Invalid file type"):
        alice.run("newsqa-index", [[_file(script, "story.sh")]])


@pytest.mark.slow
def test_an_upload_while_another_process_writes_says_so_in_one_line(guarded: Guarded) -> None:
    alice = Browser(guarded.url)
    alice.login("alice")
    [uploaded] = alice.upload("zorbland.txt", ARTICLE.encode()).json()
    with writer_lock(guarded.settings).hold():  # another writer holds the index
        result = alice.run("newsqa-index", [[_file(uploaded, "zorbland.txt")]])
        doomed = guarded.assistant.sources()[0].id
        deleted = alice.run("newsqa-delete", [doomed])
    assert "is writing to the index; try again when it has finished." in result
    assert "Traceback" not in result
    assert deleted.startswith("Not deleted: ") and deleted.count("\n") == 0
    assert "is writing to the index" in deleted
    assert not Path(uploaded).exists()


@pytest.mark.slow
def test_uploads_never_indexed_are_deleted_when_the_app_stops(tmp_path: Path) -> None:
    from ui.app import build_app, launch

    assistant = Assistant(
        AssistantSettings(data_dir=tmp_path, progress=False, sample_if_empty=False)
    )
    app = build_app(assistant)
    url = launch(app, host="127.0.0.1", port=free_port(), block=False)
    try:
        http = httpx.Client(base_url=url, timeout=30)
        [uploaded] = http.post(
            "/gradio_api/upload", files=[("files", ("left.txt", ARTICLE.encode()))]
        ).json()
        assert Path(uploaded).exists()
    finally:
        app.close()
    assert not Path(uploaded).exists()
