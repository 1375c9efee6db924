"""The public API: ``Assistant`` and the ``ask()`` convenience."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from assistant.answerers import Answerer, Draft, GroundedAnswerer
from assistant.answerers.grounded import Candidate
from assistant.chat import Chat, condense
from assistant.citations import Citer
from assistant.dates import resolve_as_of
from assistant.llm import LLMAnswerer, ModelSpec, Outcome, chat_model
from assistant.records import Answer, Passage
from assistant.retrieval import Filters, HybridRetriever
from assistant.settings import MAX_K, AssistantSettings
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
        if self.settings.llm:
            self.answerers["llm"] = llm_answerer(self.settings)
        elif self.settings.answerer == "llm":
            raise ValueError(
                "answerer: 'llm' needs a model: set NEWSQA_LLM (e.g. ollama:llama3.1, "
                "openai:<model> with NEWSQA_LLM_BASE_URL, llamacpp:/path/model.gguf)"
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
        answer = None
        for piece in self.stream(
            question, as_of=as_of, filters=filters, k=k, history=history, answerer=answerer
        ):
            if isinstance(piece, Answer):
                answer = piece
        assert answer is not None  # stream always ends with the Answer
        return answer

    def stream(
        self,
        question: str,
        *,
        as_of: date | str | None = None,
        filters: dict[str, Any] | Filters | None = None,
        k: int | None = None,
        history: list[str] | None = None,
        answerer: str | None = None,
    ) -> Iterator[str | Answer]:
        """Like ``ask``, yielding each sentence (with its ``[n]`` markers; a later one starts
        with a space) as soon as its citations are verified, then the final ``Answer``, whose
        text is exactly the pieces yielded, joined: nothing shown is ever withdrawn.
        ``answerer`` picks one of ``self.answerers`` (default: the ``answerer`` setting)."""
        if not question or not question.strip():
            raise ValueError("question: ask something; the question is empty")
        name = answerer or self.settings.answerer
        if name not in self.answerers:
            raise ValueError(
                f"answerer: {name!r} is not configured; use one of {sorted(self.answerers)}"
                + ("" if self.settings.llm else " (set NEWSQA_LLM for the LLM answerer)")
            )
        query, context = condense(question.strip(), history or [])
        state: dict[str, Any] = {
            "question": question.strip(),
            "query": query,
            "context": context,
            "as_of": resolve_as_of(as_of),
            "filters": Filters.from_dict(filters),
            "k": self._passages(k),
            "answerer": name,
            "timings": {},
            "started": time.perf_counter(),
        }
        self._retrieve(state)
        for piece in self._answer(state):
            if isinstance(piece, str) and "first_sentence" not in state["timings"]:
                state["timings"]["first_sentence"] = time.perf_counter() - state["started"]
            yield piece

    def _passages(self, k: int | None) -> int:
        """``k``, or the setting when it is None; a bad ``k`` is an error, never a default."""
        if k is None:
            return self.settings.k
        if not 1 <= k <= MAX_K:
            raise ValueError(f"k: {k} passages; give a number from 1 to {MAX_K}")
        return k

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
            k=self._passages(k),
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

    def _answer(self, state: dict[str, Any]) -> Iterator[str | Answer]:
        """Draft, verify sentence by sentence and yield what is shown, then the Answer."""
        question, passages, context = state["question"], state["passages"], state["context"]
        grounded = self.answerers["grounded"]
        assert isinstance(grounded, GroundedAnswerer)
        answerer = self.answerers[state["answerer"]]
        started = time.perf_counter()
        shown = 0  # sentences yielded; later ones come with the space that joins them
        if isinstance(answerer, LLMAnswerer):
            fallback_draft: list[Draft] = []

            def fallback() -> Draft:
                fallback_draft.append(grounded.draft(question, passages, context=context))
                return fallback_draft[0]

            outcome: Outcome | None = None
            for item in answerer.respond(
                question,
                passages,
                self.verifier,
                context=context,
                as_of=state["as_of"],
                fallback=fallback,
            ):
                if isinstance(item, Outcome):
                    outcome = item
                else:
                    yield " " + item if shown else item
                    shown += 1
            assert outcome is not None
            citer, missing = outcome.citer, outcome.missing
            written_by, model, notice = outcome.answerer, outcome.model, outcome.notice
            # The answerability of the passages, whoever wrote the answer.
            support = (
                fallback_draft[0].support
                if fallback_draft
                else grounded.confidence(grounded.candidates(question, passages, context))
            )
        else:
            draft = answerer.draft(question, passages, context=context)
            citer = Citer(passages, self.verifier)
            for sentence in draft.sentences:
                verified = citer.add(sentence)
                if verified:
                    yield " " + verified if shown else verified
                    shown += 1
            written_by, model, notice = answerer.name, "", ""
            missing, support = draft.missing, draft.support
        state["timings"]["verify"] = citer.seconds
        state["timings"]["answer"] = time.perf_counter() - started - citer.seconds
        state["timings"]["total"] = time.perf_counter() - state["started"]
        yield Answer(
            question=question,
            text=citer.text or missing or REFUSAL,
            citations=citer.citations,
            passages=passages,
            refused=not citer.citations,
            confidence=support,
            timings=state["timings"],
            answerer=written_by,
            model=model,
            notice=notice,
        )


def llm_answerer(settings: AssistantSettings) -> LLMAnswerer:
    """The LLM answerer ``settings.llm`` names; ``LLMUnavailableError`` says what is missing."""
    return LLMAnswerer(
        chat_model(settings),
        model_name=str(ModelSpec.parse(settings.llm or "")),
        timeout=settings.llm_timeout,
        fallback=settings.llm_fallback,
    )


@cache
def _default_assistant() -> Assistant:
    return Assistant()


def ask(question: str, **options: Any) -> Answer:
    """Answer ``question`` with a default ``Assistant`` (settings from the environment)."""
    return _default_assistant().ask(question, **options)
