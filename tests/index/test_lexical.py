from __future__ import annotations

from pathlib import Path

from assistant import AssistantSettings
from index.embeddings import MiniLMEmbeddings
from index.lexical import query_terms
from index.pipeline import Index


def test_query_keeps_the_words_a_question_hinges_on() -> None:
    # scikit-learn's stop list would drop "system", "found", "top" and "bill".
    assert query_terms("What was the goal of the system that found the top bill?") == [
        "goal",
        "system",
        "found",
        "top",
        "bill",
    ]


def test_a_search_ranks_alike_with_and_without_filters_that_keep_everything(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, corpus: Path
) -> None:
    # Unfiltered, matches are ranked in the FTS table alone; filtered, with their articles.
    index = Index(settings, embedder)
    index.ingest([corpus])
    question = "Which militias did the strikes hit, and when did the harbour reopen?"
    unfiltered = index.lexical.search(question, 10)
    everything = index.lexical.search(question, 10, outlets=list(index.ledger.outlets()))
    assert unfiltered == everything
    assert len(unfiltered) == index.ledger.count()[1], "every chunk matches one of the words"
    assert [s for _, s in unfiltered] == sorted((s for _, s in unfiltered), reverse=True)
    harbour = {
        chunk_id
        for chunk_id, row in index.ledger.chunks(sorted(index.ledger.all_chunk_ids())).items()
        if row.article.title.startswith("Harbour")
    }
    outlets = [o for o in index.ledger.outlets() if o != "Coast News"]
    assert not harbour & {c for c, _ in index.lexical.search(question, 10, outlets=outlets)}
    assert index.lexical.search("zzz qqq", 10) == []
