"""Filters never drop articles silently: undated articles left out are counted, and a filter
that keeps nothing says which one and what the index holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant, AssistantSettings
from assistant.retrieval import NoArticleMatchesError
from index.embeddings import MiniLMEmbeddings
from index.sample import SAMPLE_DIR


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory, embedder: MiniLMEmbeddings) -> Assistant:
    """The sample (RFE/RL, dated 2021-06-27) and two undated stories without an outlet."""
    return _with_undated(tmp_path_factory.mktemp("mixed"), embedder, UNDATED)


# Stories with neither date nor outlet, as file name and text.
UNDATED = {
    "a.txt": "Glacier tax passes\n\nZorbland approved a glacier tax after a long debate.\n",
    "b.txt": "Harbour reopens\n\nThe harbour at Port Ellis reopened after the storm.\n",
}


def _with_undated(root: Path, embedder: MiniLMEmbeddings, stories: dict[str, str]) -> Assistant:
    """An assistant over the sample and ``stories``, indexed in ``root``."""
    folder = root / "undated"
    folder.mkdir()
    for name, text in stories.items():
        (folder / name).write_text(text, encoding="utf-8")
    settings = AssistantSettings(data_dir=root / "data", progress=False, sample_if_empty=False)
    assistant = Assistant(settings, embedder=embedder)
    assert assistant.ingest([SAMPLE_DIR, folder]).added == 1 + len(stories)
    return assistant


def test_a_date_filter_counts_the_undated_articles_it_left_out(mixed: Assistant) -> None:
    answer = mixed.ask("Why did the US strike in June 2021?", filters={"from": "2021-01-01"})

    assert not answer.refused
    assert answer.undated_excluded == 2
    assert mixed.scope({"from": "2021-01-01"}).undated_excluded == 2
    # Without a date filter nothing is left out.
    assert mixed.ask("Why did the US strike in June 2021?").undated_excluded == 0


def test_an_outlet_that_matches_nothing_names_the_indexed_outlets(mixed: Assistant) -> None:
    answer = mixed.ask("Why did the US strike in June 2021?", filters={"outlet": "BBC"})

    assert answer.refused and not answer.citations
    assert answer.text == (
        "No article matches outlet=BBC; indexed outlets: RFE/RL (1); 2 articles have none"
    )
    with pytest.raises(NoArticleMatchesError, match="No article matches outlet=BBC"):
        mixed.search("strike", filters={"outlet": "BBC"})


def test_a_date_range_that_matches_nothing_gives_the_indexed_range(mixed: Assistant) -> None:
    answer = mixed.ask("Why?", filters={"outlet": "RFE/RL", "to": "2020-12-31"})

    assert answer.refused
    assert answer.text == (
        "No article matches outlet=RFE/RL, to=2020-12-31; indexed articles of outlet=RFE/RL "
        "run from 2021-06-27 to 2021-06-27"
    )
    scope = mixed.scope({"from": "2030-01-01"})
    assert scope.articles == 0
    assert scope.message.endswith("2 undated articles are left out by any date filter")


def test_an_outlet_filter_ignores_case(mixed: Assistant) -> None:
    answer = mixed.ask("Why did the US strike in June 2021?", filters={"outlet": "rfe/rl"})
    assert not answer.refused and answer.citations[0].outlet == "RFE/RL"


def test_printing_the_sources_shows_no_article_text(mixed: Assistant) -> None:
    shown = repr(mixed.sources())
    assert "U.S. Strikes Iran-Backed Militias" in shown
    assert "Iran-backed militias in the Iraq-Syria border area" not in shown  # the body
    assert len(shown) < 1500


def test_the_cli_ingest_gives_outlet_and_date_and_ask_reports_filters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from assistant.cli import app

    monkeypatch.setenv("NEWSQA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NEWSQA_PROGRESS", "0")
    story = tmp_path / "story.txt"
    story.write_text("Glacier tax passes\n\nZorbland approved a glacier tax.\n", encoding="utf-8")
    runner = CliRunner()

    bad = runner.invoke(app, ["ingest", str(story), "--published", "someday soonish"])
    assert bad.exit_code == 2
    assert bad.output.strip() == (
        "error: --published: cannot read 'someday soonish' as a date; use YYYY-MM-DD"
    )

    good = runner.invoke(
        app, ["ingest", str(story), "--outlet", "Zorbland Times", "--published", "2024-03-05"]
    )
    assert good.exit_code == 0, good.output
    listed = runner.invoke(app, ["sources"]).stdout
    assert "2024-03-05  Zorbland Tim" in listed  # the column is 12 wide

    none = runner.invoke(app, ["ask", "What passed?", "--outlet", "BBC"])
    assert none.exit_code == 0
    assert "No article matches outlet=BBC; indexed outlets: Zorbland Times (1)" in none.stdout


def test_an_empty_index_says_so_only_when_filtered(
    settings: AssistantSettings, embedder: MiniLMEmbeddings
) -> None:
    empty = Assistant(settings, embedder=embedder)
    filtered = empty.ask("Why?", filters={"outlet": "BBC"})
    assert filtered.refused
    assert filtered.text == "No article matches outlet=BBC; the index is empty"
    assert empty.ask("Why?").text != ""


def test_one_article_left_out_is_counted_in_the_singular(
    tmp_path: Path, embedder: MiniLMEmbeddings
) -> None:
    assistant = _with_undated(tmp_path, embedder, {"a.txt": UNDATED["a.txt"]})

    assert assistant.scope({"from": "2030-01-01"}).message.endswith(
        "; 1 undated article is left out by any date filter"
    )
    assert assistant.scope({"outlet": "BBC"}).message.endswith(
        "indexed outlets: RFE/RL (1); 1 article has none"
    )
