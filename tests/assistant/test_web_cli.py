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


def test_watch_usage_errors(cli_env: dict[str, str]) -> None:
    runner = CliRunner()
    nothing = runner.invoke(app, ["watch", "--max-polls", "1"])
    assert nothing.exit_code == 2 and "no feed is watched yet" in nothing.output
    bad = runner.invoke(app, ["watch", "http://example.com/feed", "--every", "soon"])
    assert bad.exit_code == 2 and "'soon' is not a duration" in bad.output
