"""`newsqa ingest URL` and `newsqa watch` as a user runs them, against a news site on 127.0.0.1."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from tests.index.conftest import NEWSQA
from tests.index.website import Item, Site, default_site, serve


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(default_site()) as running:
        yield running


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    env = {
        "HF_HUB_OFFLINE": "1",
        "NEWSQA_DATA_DIR": str(tmp_path / "data"),
        "NEWSQA_PROGRESS": "0",
        "NEWSQA_SAMPLE_IF_EMPTY": "0",
        "NEWSQA_FETCH_HOST_INTERVAL": "0",
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return {**os.environ, **env}


def _newsqa(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [NEWSQA, *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.mark.slow
def test_a_feed_is_ingested_then_watched_over_two_polls(
    cli_env: dict[str, str], site: Site
) -> None:
    feed = site.url("/rss.xml")
    ingested = _newsqa(cli_env, "ingest", feed, "--allow-private")
    assert ingested.returncode == 0, ingested.stderr
    assert "feed Coast News Wire" in ingested.stdout and "2 new: 2 indexed" in ingested.stdout
    assert "articles: 2 added" in ingested.stdout
    site.rss_items.append(Item("orchard", "Thu, 07 Mar 2024 10:00:00 GMT"))
    first = len(site.requests)
    watched = _newsqa(
        cli_env, "watch", "--every", "0.5s", "--max-polls", "2", "--allow-private", "--json"
    )
    assert watched.returncode == 0, watched.stderr
    one, two = (json.loads(line) for line in watched.stdout.splitlines())
    assert (one["poll"], one["added"], one["feeds"][0]["new"]) == (1, 1, 1)
    assert (two["poll"], two["added"], two["feeds"][0]["status"]) == (
        2,
        0,
        "not modified (HTTP 304), nothing fetched",
    )
    assert [r.path for r in site.requests[first:]] == [
        "/rss.xml",
        "/articles/orchard.html",
        "/rss.xml",
    ]
    listed = _newsqa(cli_env, "sources")
    assert "Orchard Harvest Breaks Record" in listed.stdout


def test_own_network_urls_are_refused_without_allow_private(
    cli_env: dict[str, str], site: Site
) -> None:
    result = CliRunner().invoke(app, ["ingest", site.url("/rss.xml")])
    assert result.exit_code == 1, result.output
    assert "127.0.0.1 is a loopback address" in result.output
    assert "--allow-private" in result.output
    assert site.requests == []


def test_ingest_gives_urls_the_outlet_and_date_their_pages_lack(
    cli_env: dict[str, str], site: Site
) -> None:
    runner = CliRunner()
    args = ["--allow-private", "--outlet", "Isle Post", "--published", "2024-02-01"]
    done = runner.invoke(
        app, ["ingest", site.url("/undated.html"), site.url("/articles/harbour.html"), *args]
    )
    assert done.exit_code == 0, done.output
    listed = runner.invoke(app, ["sources"]).stdout
    assert "2024-02-01  Isle Post" in listed and "Ferry Timetable Changes" in listed
    assert "2024-03-05  Coast News" in listed  # the page's own metadata wins


def test_watch_stops_with_an_error_when_every_fetch_failed_three_polls_in_a_row(
    cli_env: dict[str, str], site: Site
) -> None:
    site.gone.add("/rss.xml")
    urls = [site.url("/rss.xml"), site.url("/missing")]
    result = CliRunner().invoke(
        app, ["watch", *urls, "--allow-private", "--every", "0.1s", "--max-polls", "5"]
    )
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert [line.split(";")[0] for line in lines] == [
        "warning: poll 1: every fetch failed (2)",
        "warning: poll 2: every fetch failed (2)",
        "error: poll 3: every fetch failed (2), so the watch stops",
    ]
    assert "the first: " in lines[-1] and "HTTP 404 Not Found" in lines[-1]
    assert len(site.hits("/rss.xml")) == 3  # no fourth poll


def test_watch_whose_last_poll_failed_whole_exits_with_an_error(
    cli_env: dict[str, str], site: Site
) -> None:
    site.gone.add("/rss.xml")
    result = CliRunner().invoke(
        app, ["watch", site.url("/rss.xml"), "--allow-private", "--max-polls", "1"]
    )
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("error: poll 1: every fetch failed (1), so the watch stops")


def test_watch_succeeds_when_some_fetches_did_or_nothing_was_new(
    cli_env: dict[str, str], site: Site
) -> None:
    # Poll 1 indexes the feed while a page fails; poll 2 finds the feed unchanged (a 304).
    urls = [site.url("/rss.xml"), site.url("/missing")]
    result = CliRunner().invoke(
        app, ["watch", *urls, "--allow-private", "--every", "0.1s", "--max-polls", "2", "--json"]
    )
    assert result.exit_code == 0, result.output
    one, two = (json.loads(line) for line in result.stdout.splitlines())
    assert (one["added"], one["failed"], two["added"], two["failed"]) == (2, 1, 0, 1)
    assert two["feeds"][0]["status"] == "not modified (HTTP 304), nothing fetched"
    assert result.stderr == ""


def test_watch_usage_errors(cli_env: dict[str, str]) -> None:
    runner = CliRunner()
    nothing = runner.invoke(app, ["watch", "--max-polls", "1"])
    assert nothing.exit_code == 2 and "no feed is watched yet" in nothing.output
    bad = runner.invoke(app, ["watch", "http://example.com/feed", "--every", "soon"])
    assert bad.exit_code == 2 and "'soon' is not a duration" in bad.output
