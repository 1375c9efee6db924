"""The public API: ``Assistant`` and the ``ask()`` convenience."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings
from langchain_core.runnables import Runnable, RunnableLambda

from assistant.answerers import Answerer, GroundedAnswerer
from assistant.answerers.grounded import Candidate
from assistant.chat import Chat, condense
from assistant.citations import verify
from assistant.dates import resolve_as_of
from assistant.records import Answer, Passage
from assistant.retrieval import Filters, HybridRetriever
from assistant.settings import AssistantSettings
from assistant.verify import ClaimVerifier
from index.ledger import ArticleRow
from index.pipeline import Index, IngestReport
from index.sample import SAMPLE_DIR

REFUSAL = "The indexed articles don't cover this question, so I can't answer it from them."


class Assistant:
    """Question answering over an index of news articles, with verified citations.

    Usage::

        assistant = Assistant()            # settings from NEWSQA_ environment variables
        answer = assistant.ask("Why did the US strike in June 2021?")
        print(answer.text, answer.citations[0].url)
    """

    def __init__(
        self, settings: AssistantSettings | None = None, *, embedder: Embeddings | None = None
    ) -> None:
        self.settings = settings or AssistantSettings()
        self.index = Index(self.settings, embedder)
        if self.settings.sample_if_empty and self.index.ledger.count()[0] == 0:
            self.index.ingest([SAMPLE_DIR])
        self.retriever = HybridRetriever(
            index=self.index, settings=self.settings, k=self.settings.k
        )
        self.verifier = ClaimVerifier(self.index.embedder)
        self.answerers: dict[str, Answerer] = {
            "grounded": GroundedAnswerer(
                self.index.embedder,
                max_sentences=self.settings.max_sentences,
                min_support=self.settings.min_support,
                min_confidence=self.settings.min_confidence,
            )
        }
        self.chain: Runnable[dict[str, Any], Answer] = (
            RunnableLambda(self._retrieve)
            | RunnableLambda(self._draft)
            | RunnableLambda(self._verify)
        )

    def ask(
        self,
        question: str,
        *,
        as_of: date | str | None = None,
        filters: dict[str, Any] | Filters | None = None,
        k: int | None = None,
        history: list[str] | None = None,
        answerer: str | None = None,
    ) -> Answer:
        """Answer ``question`` from the indexed articles.

        ``as_of`` prefers articles published just before that date; ``filters`` takes
        ``{"outlet": ..., "from": ..., "to": ...}``; ``k`` passages are read; ``history`` holds
        earlier questions of a conversation.
        """
        if not question or not question.strip():
            raise ValueError("question: ask something; the question is empty")
        name = answerer or self.settings.answerer
        if name not in self.answerers:
            raise ValueError(
                f"answerer: {name!r} is not configured; use one of {sorted(self.answerers)}"
            )
        query, context = condense(question.strip(), history or [])
        state: dict[str, Any] = {
            "question": question.strip(),
            "query": query,
            "context": context,
            "as_of": resolve_as_of(as_of),
            "filters": Filters.from_dict(filters),
            "k": k or self.settings.k,
            "answerer": name,
            "timings": {},
        }
        started = time.perf_counter()
        answer = self.chain.invoke(state)
        answer.timings["total"] = time.perf_counter() - started
        return answer

    def stream(self, question: str, **options: Any) -> Iterator[str | Answer]:
        """Yield the answer's text in pieces as it is produced, then the final ``Answer``."""
        answer = self.ask(question, **options)
        yield from re.findall(r"\S+\s*", answer.text)
        yield answer

    def search(
        self,
        query: str,
        *,
        k: int | None = None,
        as_of: date | str | None = None,
        filters: dict[str, Any] | Filters | None = None,
    ) -> list[Passage]:
        """The ``k`` passages retrieval ranks best for ``query``, best first (no answering)."""
        return self.retriever.search(
            query,
            k=k or self.settings.k,
            filters=Filters.from_dict(filters),
            as_of=resolve_as_of(as_of),
        )

    def candidates(
        self,
        question: str,
        *,
        as_of: date | str | None = None,
        history: list[str] | None = None,
    ) -> list[Candidate]:
        """Every sentence of the passages retrieved for ``question``, scored as an answer by
        the grounded answerer (features and probability), best first: what the answerability
        model is fitted on, and a way to see why an answer was chosen or refused."""
        query, context = condense(question.strip(), history or [])
        passages = self.search(query, as_of=as_of)
        grounded = self.answerers["grounded"]
        assert isinstance(grounded, GroundedAnswerer)
        return grounded.candidates(question.strip(), passages, context)

    def chat(self) -> Chat:
        """A conversation whose follow-up questions are read in context."""
        return Chat(self)

    def ingest(self, paths: Iterable[Path | str], *, prune: bool = False) -> IngestReport:
        """Index articles from files and folders; see ``Index.ingest``."""
        return self.index.ingest(paths, prune=prune)

    def delete(self, article_id: str) -> bool:
        """Remove one article, named by its exact id or exact URL; False when none matches.

        Raises ``ValueError`` when ``article_id`` is blank, or is a URL several articles share
        (the message names their ids, so one can be deleted by id).
        """
        row = self.index.find(article_id)
        if row is None:
            return False
        self.index.delete(row.id)
        return True

    def sources(self) -> list[ArticleRow]:
        """The indexed articles, newest first, with their chunk counts."""
        return self.index.ledger.articles()

    def _timed(self, state: dict[str, Any], stage: str, work: Callable[[], Any]) -> Any:
        started = time.perf_counter()
        result = work()
        state["timings"][stage] = time.perf_counter() - started
        return result

    def _retrieve(self, state: dict[str, Any]) -> dict[str, Any]:
        state["passages"] = self._timed(
            state,
            "retrieve",
            lambda: self.retriever.search(
                state["query"], k=state["k"], filters=state["filters"], as_of=state["as_of"]
            ),
        )
        return state

    def _draft(self, state: dict[str, Any]) -> dict[str, Any]:
        answerer = self.answerers[state["answerer"]]
        state["draft"] = self._timed(
            state,
            "answer",
            lambda: answerer.draft(state["question"], state["passages"], context=state["context"]),
        )
        return state

    def _verify(self, state: dict[str, Any]) -> Answer:
        text, citations = self._timed(
            state,
            "verify",
            lambda: verify(state["draft"].sentences, state["passages"], self.verifier),
        )
        return Answer(
            question=state["question"],
            text=text or state["draft"].missing or REFUSAL,
            citations=citations,
            passages=state["passages"],
            refused=not citations,
            confidence=state["draft"].support,
            timings=state["timings"],
        )


@cache
def _default_assistant() -> Assistant:
    return Assistant()


def ask(question: str, **options: Any) -> Answer:
    """Answer ``question`` with a default ``Assistant`` (settings from the environment)."""
    return _default_assistant().ask(question, **options)
