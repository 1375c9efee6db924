from __future__ import annotations

import json
from pathlib import Path

from assistant import Assistant, AssistantSettings
from index.embeddings import MiniLMEmbeddings

QUESTION = "When will the new bridge over the Avon open?"
# The answer is one sentence among eight unrelated ones, which dilute the chunk's vector; the
# other article is about the bridge throughout, without saying when it opens.
NOTES = (
    "The council met on Monday evening in the town hall. Parking charges in the centre will "
    "rise by ten pence. The library will close an hour earlier on Saturdays. A new head teacher "
    "starts at the primary school in the autumn. The new bridge over the Avon will open to "
    "traffic in May. Rubbish will be collected every other week from June. Councillors praised "
    "the volunteers who planted trees in the park. The next meeting is in April."
)
PLANS = (
    "Plans for a new bridge over the river Avon were discussed by engineers. Building a bridge "
    "takes years. Residents asked about the bridge and the river."
)


def test_a_chunk_is_ranked_by_its_best_sentence_too(
    settings: AssistantSettings, embedder: MiniLMEmbeddings, tmp_path: Path
) -> None:
    feed = tmp_path / "town.jsonl"
    records = [
        {"url": "https://town.example/notes", "title": "Council meeting notes", "text": NOTES},
        {"url": "https://town.example/plans", "title": "Avon bridge plans", "text": PLANS},
    ]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    # Dense scores alone, so the test isolates what the best sentence adds.
    dense_only = settings.model_copy(update={"lexical_weight": 0.0})
    assistant = Assistant(dense_only, embedder=embedder)
    assistant.ingest([feed])

    def ranked(weight: float) -> list[str]:
        tuned = dense_only.model_copy(update={"sentence_weight": weight})
        retriever = assistant.retriever.model_copy(update={"settings": tuned})
        return [p.url for p in retriever.search(QUESTION, k=2)]

    assert ranked(0.0) == ["https://town.example/plans", "https://town.example/notes"]
    assert ranked(2.0) == ["https://town.example/notes", "https://town.example/plans"]
    answer = Assistant(dense_only.model_copy(update={"sentence_weight": 2.0}), embedder=embedder)
    reply = answer.ask(QUESTION)
    assert "open to traffic in May" in reply.text
    assert reply.citations[0].url == "https://town.example/notes"
