from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant import Assistant
from assistant.cli import app
from index.pipeline import writer_lock
from index.settings import IndexSettings

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
    assert ingested.exit_code == 3, ingested.output  # partial: one indexed, one failed
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


def test_ingest_exit_codes_tell_all_good_from_partial_from_nothing(cli_env: Path) -> None:
    runner = CliRunner()
    news = cli_env / "news"
    news.mkdir()
    (news / "story.md").write_text("# Glacier tax passes\n\nZorbland taxed glaciers.", "utf-8")
    assert runner.invoke(app, ["ingest", str(news)]).exit_code == 0
    assert runner.invoke(app, ["ingest", str(news)]).exit_code == 0, "unchanged is success"
    (news / "broken.json").write_text("{not json", encoding="utf-8")
    partial = runner.invoke(app, ["ingest", str(news)])
    assert partial.exit_code == 3
    assert "1 unchanged, 0 removed, 1 failed" in partial.stdout
    nothing = runner.invoke(app, ["ingest", str(news / "broken.json")])
    assert nothing.exit_code == 1
    assert "ingest" in (help_text := runner.invoke(app, ["ingest", "--help"]).stdout)
    assert "3 some inputs failed and others" in " ".join(help_text.split())


def test_ingest_json_prints_the_report_for_scripts(cli_env: Path) -> None:
    story = cli_env / "story.md"
    story.write_text("# Glacier tax passes\n\nZorbland taxed glaciers.", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(story), str(cli_env / "nope.txt"), "--json"])
    assert result.exit_code == 3
    report = json.loads(result.stdout)
    assert report["seconds"] > 0
    del report["seconds"]
    assert report == {
        "added": 1,
        "updated": 0,
        "unchanged": 0,
        "removed": 0,
        "chunks_written": 1,
        "chunks_deleted": 0,
        "failed": 1,
        "status": "partial",
        "failures": [
            {
                "source": str(cli_env / "nope.txt"),
                "reason": f"{cli_env / 'nope.txt'}: no such file or folder",
            }
        ],
    }


def test_a_writer_that_cannot_get_the_index_exits_4_naming_the_holder(
    cli_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSQA_WRITER_TIMEOUT", "0.2")
    story = cli_env / "story.md"
    story.write_text("# Glacier tax passes\n\nZorbland taxed glaciers.", encoding="utf-8")
    runner = CliRunner()
    with writer_lock(IndexSettings()).hold():
        results = [
            runner.invoke(app, ["ingest", str(story)]),
            runner.invoke(app, ["reset", "--yes"]),
        ]
    for result in results:
        assert result.exit_code == 4
        assert result.stderr.startswith("error: another newsqa process (pid ")
        assert "wait for it to finish and run again" in result.stderr
    assert "0 articles" in runner.invoke(app, ["sources"]).stdout


@pytest.mark.parametrize("k", ["0", "-3", "10000"])
def test_a_k_outside_1_to_50_is_a_usage_error(cli_env: Path, k: str) -> None:
    result = CliRunner().invoke(app, ["ask", "Why did the US strike?", "-k", k])
    assert result.exit_code == 2
    said = " ".join(result.output.replace("│", " ").split())
    assert "than or equal to" in said
    assert "[1]" not in said


def test_the_api_refuses_a_k_it_cannot_honour(sample_assistant: Assistant) -> None:
    for k in (0, -3, 10_000):
        with pytest.raises(ValueError, match="from 1 to 50"):
            sample_assistant.search("Why did the US strike?", k=k)
    assert len(sample_assistant.search("Why did the US strike?", k=2)) == 2
