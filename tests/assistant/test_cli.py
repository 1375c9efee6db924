from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app

SAMPLE_URL = "https://www.rferl.org/a/us-strike-iran-militia-iraq-syria/31328792.html"


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSQA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NEWSQA_PROGRESS", "0")
    return tmp_path


def test_ask_json_answers_and_cites_the_sample(cli_env: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["ask", "Why did the US strike in June 2021?", "--json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert answer["refused"] is False
    assert "retaliation for drone attacks" in answer["text"]
    [citation] = answer["citations"]
    assert (citation["url"], citation["published"]) == (SAMPLE_URL, "2021-06-27")

    declined = runner.invoke(app, ["ask", "What is the capital of Australia?", "--json"])
    assert json.loads(declined.stdout)["refused"] is True


def test_ingest_sources_delete_reset(cli_env: Path) -> None:
    runner = CliRunner()
    story = cli_env / "story.md"
    story.write_text(
        "# Glacier tax passes\n\nZorbland approved a glacier tax on 3 March 2024.", encoding="utf-8"
    )
    ingested = runner.invoke(app, ["ingest", str(story), str(cli_env / "nope.txt")])
    assert ingested.exit_code == 0, ingested.output
    assert "1 added" in ingested.stdout and "1 failed" in ingested.stdout
    assert "nope.txt: no such file or folder" in ingested.stdout
    listed = runner.invoke(app, ["sources"])
    assert "Glacier tax passes" in listed.stdout and "1 articles" in listed.stdout
    article_id = listed.stdout.split()[0]
    assert runner.invoke(app, ["delete", article_id]).exit_code == 0
    assert runner.invoke(app, ["delete", article_id]).exit_code == 1
    assert runner.invoke(app, ["reset", "--yes"]).exit_code == 0


def test_ingest_without_paths_is_a_usage_error(cli_env: Path) -> None:
    result = CliRunner().invoke(app, ["ingest"])
    assert result.exit_code == 2
    assert "give files or folders" in result.output


def _ingest_story(runner: CliRunner, folder: Path) -> None:
    folder.mkdir()
    (folder / "story.md").write_text(  # no URL: the ledger stores "" for it
        "# Glacier tax passes\n\nZorbland approved a glacier tax on 3 March 2024.", encoding="utf-8"
    )
    assert runner.invoke(app, ["ingest", str(folder)]).exit_code == 0


@pytest.mark.parametrize("key", ["", "  "])
def test_delete_of_a_blank_key_is_refused_and_deletes_nothing(cli_env: Path, key: str) -> None:
    runner = CliRunner()
    _ingest_story(runner, cli_env / "news")
    for _ in range(2):  # repeated, it used to empty the index
        result = runner.invoke(app, ["delete", key])
        assert result.exit_code == 2
        assert result.stderr == (
            "error: article_id is empty; give an article's id (as `newsqa sources` lists it) "
            "or its exact URL\n"
        )
    assert "1 articles" in runner.invoke(app, ["sources"]).stdout


def test_ingest_prune_of_a_missing_folder_removes_nothing(cli_env: Path) -> None:
    runner = CliRunner()
    _ingest_story(runner, cli_env / "news")
    (cli_env / "news").rename(cli_env / "moved")
    result = runner.invoke(app, ["ingest", str(cli_env / "news"), "--prune"])
    assert result.exit_code == 1
    assert "0 removed, 1 failed" in result.stdout
    assert "no such file or folder; --prune removed nothing under it" in result.stdout
    assert "1 articles" in runner.invoke(app, ["sources"]).stdout
