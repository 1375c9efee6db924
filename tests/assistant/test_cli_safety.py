"""The command line on hostile or mistaken input: what it prints from articles cannot drive the
terminal or disguise itself, and --prune of an empty folder (an unmounted disk) removes
nothing unless asked to."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant import printable, printable_json
from assistant.cli import app

HOSTILE = "\x1b[2J\x1b]0;owned\x07\u202e\u200b\x9b31m"


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSQA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NEWSQA_PROGRESS", "0")
    monkeypatch.setenv("NEWSQA_SAMPLE_IF_EMPTY", "0")
    return tmp_path


def _story(folder: Path, name: str, title: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(
        f"{title}\n\nThe parliament of Zorbland approved a tax on glacier tourism on 3 March "
        "2024, officials said. The tax will fund the repair of mountain trails.\n",
        encoding="utf-8",
    )


def test_printable_drops_controls_and_disguises_and_json_escapes_them() -> None:
    assert printable(f"Reu{HOSTILE}ters\tsaid\r\nso") == "Reu[2J]0;owned31mters\tsaid\nso"
    text = printable_json({"title": f"A{HOSTILE}B"})
    assert all(c not in text for c in "\x1b\x07\u202e\u200b\x9b")
    assert json.loads(text) == {"title": f"A{HOSTILE}B"}  # the data itself is unchanged


def test_articles_indexed_before_cleaning_print_inert(cli_env: Path) -> None:
    runner = CliRunner()
    _story(cli_env / "news", "tax.txt", "Zorbland approves glacier tax")
    assert runner.invoke(app, ["ingest", str(cli_env / "news")]).exit_code == 0
    # An index written before the loaders cleaned text still holds such characters.
    with sqlite3.connect(cli_env / "data" / "news.sqlite") as db:
        db.execute(
            "UPDATE articles SET title = ?, outlet = ?, url = ?",
            (
                f"Zorbland{HOSTILE} approves glacier tax",
                f"Reu{HOSTILE}ters",
                f"https://e{HOSTILE}.x/a",
            ),
        )
    for command in (["sources"], ["ask", "What did the parliament of Zorbland approve?"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 0, result.output
        assert "Zorbland" in result.output
        assert all(c not in result.output for c in "\x1b\x07\u202e\u200b\x9b"), command
    asked = runner.invoke(app, ["ask", "What did the parliament of Zorbland approve?", "--json"])
    assert all(c not in asked.stdout for c in "\x1b\x07\u202e\u200b\x9b")
    [citation] = json.loads(asked.stdout)["citations"]
    assert citation["outlet"] == f"Reu{HOSTILE}ters"  # JSON keeps the data, escaped


def test_prune_of_an_empty_folder_removes_nothing_unless_asked(cli_env: Path) -> None:
    runner = CliRunner()
    news = cli_env / "news"
    _story(news, "a.txt", "Zorbland approves glacier tax")
    _story(news, "b.txt", "Zorbland opposition protests glacier tax")
    assert runner.invoke(app, ["ingest", str(news)]).exit_code == 0
    for story in news.iterdir():  # what an unmounted disk's mount point looks like
        story.unlink()

    refused = runner.invoke(app, ["ingest", str(news), "--prune"])
    assert refused.exit_code == 1, refused.output  # nothing indexed, one failure
    assert f"{news}: is an empty folder, but 2 indexed articles came from under it" in (
        refused.stdout
    )
    assert "--prune removed none of them" in refused.stdout
    assert "2 articles" in runner.invoke(app, ["sources"]).stdout

    pruned = runner.invoke(app, ["ingest", str(news), "--prune", "--prune-empty"])
    assert pruned.exit_code == 0, pruned.output
    assert "2 removed" in pruned.stdout
    assert "0 articles" in runner.invoke(app, ["sources"]).stdout


def test_prune_of_a_folder_with_files_left_still_prunes(cli_env: Path) -> None:
    runner = CliRunner()
    news = cli_env / "news"
    _story(news, "a.txt", "Zorbland approves glacier tax")
    _story(news, "b.txt", "Zorbland opposition protests glacier tax")
    assert runner.invoke(app, ["ingest", str(news)]).exit_code == 0
    (news / "b.txt").unlink()
    result = runner.invoke(app, ["ingest", str(news), "--prune"])
    assert result.exit_code == 0, result.output
    assert "1 unchanged, 1 removed" in result.stdout
