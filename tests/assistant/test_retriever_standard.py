from __future__ import annotations

from typing import Any

import pytest
from langchain_core.retrievers import BaseRetriever
from langchain_tests.integration_tests import RetrieversIntegrationTests

from assistant import Assistant
from assistant.retrieval import HybridRetriever


class TestHybridRetrieverStandard(RetrieversIntegrationTests):
    """LangChain's standard retriever tests, over the sample index."""

    @pytest.fixture(autouse=True)
    def _sample(self, sample_assistant: Assistant) -> None:
        self.assistant = sample_assistant

    @property
    def retriever_constructor(self) -> type[BaseRetriever]:
        return HybridRetriever

    @property
    def retriever_constructor_params(self) -> dict[str, Any]:
        return {"index": self.assistant.index, "settings": self.assistant.settings}

    @property
    def retriever_query_example(self) -> str:
        return "Why did the US strike Iran-backed militias?"


def test_documents_carry_citation_metadata_best_first(sample_assistant: Assistant) -> None:
    retriever = HybridRetriever(
        index=sample_assistant.index, settings=sample_assistant.settings, k=4
    )
    docs = retriever.invoke("Who killed Qasem Soleimani?")
    assert "Soleimani" in docs[0].page_content
    assert docs[0].metadata["published"] == "2021-06-27"
    assert [d.metadata["rank"] for d in docs] == [1, 2, 3, 4]
    scores = [d.metadata["score"] for d in docs]
    assert scores == sorted(scores, reverse=True)
