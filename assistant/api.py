"""The public API: ``Assistant`` and the ``ask()`` convenience."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

import fasteners
import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.answerability import MODEL_PATH, load_model
from assistant.answerers import Answerer, Draft, GroundedAnswerer
from assistant.answerers.ranking import Candidate
from assistant.chat import Chat, condense
from assistant.citations import Citer
from assistant.dates import resolve_as_of
from assistant.fusion import interleave
from assistant.records import Answer, Passage, Scope
from assistant.retrieval import Filters, HybridRetriever, NoArticleMatchesError, scope
from assistant.settings import MAX_K, AssistantSettings
from assistant.text import multi_part
from assistant.verify import verifier_for
from index.ledger import ArticleRow
from index.metadata import ArticleDefaults
from index.pipeline import Index, IngestReport
from index.sample import SAMPLE_DIR
from index.sentences_alone import ChunkSentences

if TYPE_CHECKING:
    from assistant.llm import LLMAnswerer
    from index.web import WebIngester

REFUSAL = "The indexed articles don't cover this question, so I can't answer it from them."

logger = logging.getLogger(__name__)


class AskOptions(TypedDict, total=False):
    """How a question is asked: the keywords of ``Assistant.ask`` and ``Assistant.stream``."""

    as_of: date | str | None
    """Prefer articles published just before this date (``"2022-06-12"``, ``"last week"``)."""
    filters: dict[str, Any] | Filters | None
    """``{"outlet": ..., "from": ..., "to": ...}``: only the articles these keep."""
    k: int | None
    """Passages read, 1 to 50 (default: the ``k`` setting)."""
    history: list[str] | None
    """Earlier questions of the conversation, oldest first."""
    answerer: str | None
    """One of ``Assistant.answerers`` (default: the ``answerer`` setting)."""


@dataclass
class _Turn:
    """One question on its way through ``Assistant.stream``: how it is searched, what the
    search found and how long each stage took."""

    question: str
    query: str
    context: str
    as_of: date | None
    k: int
    answerer: str
    filters: Filters
    undated_excluded: int
    passages: list[Passage] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    started: float = field(default_factory=time.perf_counter)

    @property
    def follow_up(self) -> bool:
        """Whether it follows an earlier question of the conversation."""
        return bool(self.context)


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
        # Threads of one process share the index's SQLite connection and Chroma client, and a
        # reader on that connection would see a write's uncommitted rows: searches run
        # together, an ingest or delete alone (it waits for the searches under way).
        self._access = fasteners.ReaderWriterLock()
        if self.settings.sample_if_empty and self.index.ledger.count()[0] == 0:
            self.index.ingest([SAMPLE_DIR])
        self.retriever = HybridRetriever(
            index=self.index, settings=self.settings, k=self.settings.k
        )
        self.verifier = verifier_for(self.index.embedder, self.index.parses)
        # Parses each question while its passages are searched for (``_retrieve``): on the
        # 60 RealTimeQA-2022 questions answer + verify p50 29.5 -> 20.9 ms, retrieval 200 ->
        # 205 ms; the whole question's p50 233 -> 229 ms in one round of three runs each,
        # alternating, 238 -> 243 ms in another (2026-12-06): the work moved, the wait did not
        # measurably shrink. Two workers, as the web app answers several questions at once.
        self._reader = ThreadPoolExecutor(max_workers=2, thread_name_prefix="newsqa-read")
        self.answerers: dict[str, Answerer] = {
            "grounded": GroundedAnswerer(
                self.index.embedder,
                max_sentences=self.settings.max_sentences,
                min_support=self.settings.min_support,
                min_confidence=self.settings.min_confidence,
                model=load_model(self.settings.answerability_model or MODEL_PATH),
                verifier=self.verifier,
                in_context=self._sentence_vectors,
                alone=self._sentences_alone,
                articles=self._article_texts,
            )
        }
        if self.settings.llm:
            self.answerers["llm"] = llm_answerer(self.settings)
        elif self.settings.answerer == "llm":
            raise ValueError(
                "answerer: 'llm' needs a model: set NEWSQA_LLM (e.g. ollama:llama3.1, "
                "openai:<model> with NEWSQA_LLM_BASE_URL, llamacpp:/path/model.gguf)"
            )

    def _sentence_vectors(self, passages: list[Passage]) -> dict[str, np.ndarray]:
        """The passages' sentence vectors as read in their chunks, kept since ingest."""
        return self.index.sentences.of(self.index.ledger.chunks([p.chunk_id for p in passages]))

    def _sentences_alone(self, passages: list[Passage]) -> dict[str, ChunkSentences]:
        """The passages' sentences' vectors read on their own (and leaning ones read with the
        one before), kept since ingest."""
        return self.index.alone.of([p.chunk_id for p in passages])

    def _article_texts(self, passages: list[Passage]) -> dict[str, str]:
        """The whole text of each passage's article, by article id."""
        rows = self.index.ledger.chunks([p.chunk_id for p in passages])
        return {row.article.id: row.article.text for row in rows.values()}

    def ask(self, question: str, **options: Unpack[AskOptions]) -> Answer:
        """Answer ``question`` from the indexed articles; ``options`` as ``AskOptions`` says
        (``as_of``, ``filters``, ``k``, ``history``, ``answerer``)."""
        answer = None
        for piece in self.stream(question, **options):
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
        text is exactly the pieces yielded, joined: nothing shown is ever withdrawn. The
        keywords are ``AskOptions``."""
        if not question or not question.strip():
            raise ValueError("question: ask something; the question is empty")
        name = answerer or self.settings.answerer
        if name not in self.answerers:
            raise ValueError(
                f"answerer: {name!r} is not configured; use one of {sorted(self.answerers)}"
                + ("" if self.settings.llm else " (set NEWSQA_LLM for the LLM answerer)")
            )
        query, context = condense(question.strip(), history or [])
        with self._access.read_lock():
            kept, found = scope(self.index, Filters.from_dict(filters))
        turn = _Turn(
            question=question.strip(),
            query=query,
            context=context,
            as_of=resolve_as_of(as_of),
            k=self._passages(k),
            answerer=name,
            filters=kept,
            undated_excluded=found.undated_excluded,
        )
        if found.message:
            # Filters that keep no article: searching nothing would read as "the articles
            # don't cover this question".
            yield Answer(question=turn.question, text=found.message, refused=True)
            return
        self._retrieve(turn)
        for piece in self._answer(turn):
            if isinstance(piece, str) and "first_sentence" not in turn.timings:
                turn.timings["first_sentence"] = time.perf_counter() - turn.started
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
        history: list[str] | None = None,
    ) -> list[Passage]:
        """The ``k`` passages retrieval ranks best for ``query``, best first (no answering).
        With ``history`` (earlier questions), a follow-up is searched as ``ask`` searches it:
        with the question before it, and as many passages of the leading article as rank.

        Raises ``NoArticleMatchesError`` (a ``ValueError``) when ``filters`` leave no article,
        naming the filter and what is indexed; ``scope`` counts what filters leave."""
        query, context = condense(query.strip(), history or [])
        k, when = self._passages(k), resolve_as_of(as_of)
        with self._access.read_lock():
            kept, found = scope(self.index, Filters.from_dict(filters))
            if found.message:
                raise NoArticleMatchesError(found.message)
            return self.retriever.search(
                query, k=k, filters=kept, as_of=when, follow_up=bool(context)
            )

    def scope(self, filters: dict[str, Any] | Filters | None = None) -> Scope:
        """What ``filters`` (as ``ask`` takes them) leave of the index: the articles they keep,
        the undated articles a date range leaves out, and, when none is kept, a message naming
        the filter that matched nothing and what is indexed."""
        with self._access.read_lock():
            return scope(self.index, Filters.from_dict(filters))[1]

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
        _, context = condense(question.strip(), history or [])
        passages = self.search(question, as_of=as_of, history=history)
        grounded = self.answerers["grounded"]
        assert isinstance(grounded, GroundedAnswerer)
        return grounded.candidates(question.strip(), passages, context)

    def declined_by_support(self, candidates: list[Candidate]) -> bool:
        """Whether the grounded answerer declines with these ``candidates`` whatever their
        confidence (all barred, or the best short of ``min_support``): the refusals the
        answerability threshold is chosen beside."""
        grounded = self.answerers["grounded"]
        assert isinstance(grounded, GroundedAnswerer)
        return grounded.declined_by_support(candidates)

    def chat(self) -> Chat:
        """A conversation whose follow-up questions are read in context."""
        return Chat(self)

    def ingest(
        self,
        paths: Iterable[Path | str],
        *,
        prune: bool = False,
        outlet: str | None = None,
        published: date | str | None = None,
    ) -> IngestReport:
        """Index articles from files and folders; see ``Index.ingest``.

        ``outlet`` and ``published`` are given to the articles that carry none (a folder of
        one paper's stories); an article with a URL and no outlet is otherwise given the URL's
        site ("BBC" for bbc.co.uk). Raises ``ValueError`` naming ``published`` when it is not
        a date.
        """
        defaults = ArticleDefaults(
            outlet=(outlet or "").strip(), published=resolve_as_of(published, "published")
        )
        with self._access.write_lock():
            return self.index.ingest(paths, prune=prune, defaults=defaults)

    def delete(self, article_id: str) -> bool:
        """Remove one article, named by its exact id or exact URL; False when none matches.

        Raises ``ValueError`` when ``article_id`` is blank, or is a URL several articles share
        (the message names their ids, so one can be deleted by id).
        """
        with self._access.write_lock():
            row = self.index.find(article_id)
            if row is None:
                return False
            self.index.delete(row.id)
            return True

    def sources(self) -> list[ArticleRow]:
        """The indexed articles, newest first, with their chunk counts."""
        with self._access.read_lock():
            return self.index.ledger.articles()

    def web(self, *, allow_private: bool | None = None) -> WebIngester:
        """Pages and RSS/Atom feeds from the web into this index: ``ingest(urls)`` (a feed
        read is then watched), ``poll()`` the watched feeds, list their ``feeds()``. Close it
        when done (``with``). ``allow_private`` overrides NEWSQA_FETCH_ALLOW_PRIVATE."""
        from index.web import FetchSettings, WebIngester  # HTTP clients, only when fetching

        settings = (
            FetchSettings() if allow_private is None else FetchSettings(allow_private=allow_private)
        )
        return WebIngester(self.index, settings, writing=self._access.write_lock)

    def _retrieve(self, turn: _Turn) -> None:
        started = time.perf_counter()
        grounded = self.answerers["grounded"]
        assert isinstance(grounded, GroundedAnswerer)
        reading = self._reader.submit(grounded.read_ahead, turn.question)
        queries = self._queries(turn)
        if len(queries) > 1:
            turn.timings["split"] = time.perf_counter() - started
            started = time.perf_counter()
        with self._access.read_lock():
            found = [
                self.retriever.search(
                    query,
                    k=turn.k,
                    filters=turn.filters,
                    as_of=turn.as_of,
                    follow_up=turn.follow_up,
                )
                for query in queries
            ]
        if len(found) == 1:
            turn.passages = found[0]
        else:
            # Each part of a comparison keeps its best passages: "the June strikes" and
            # "February's" both reach the answer, at least one passage each.
            merged = interleave(found, key=lambda p: p.chunk_id, limit=max(turn.k, len(found)))
            turn.passages = [p.model_copy(update={"rank": n}) for n, p in enumerate(merged, 1)]
        # The search is done when the question is read too: its parse counts as retrieval's
        # time where it takes longer than the search.
        reading.result()
        turn.timings["retrieve"] = time.perf_counter() - started

    def _queries(self, turn: _Turn) -> list[str]:
        """The searches for ``turn``: its query, or with the LLM answerer, the parts the model
        splits a comparison or multi-part question into."""
        answerer = self.answerers[turn.answerer]
        if turn.answerer != "llm" or not multi_part(turn.question):
            return [turn.query]
        from assistant.llm import LLMAnswerer

        assert isinstance(answerer, LLMAnswerer)
        # The query, not the question: a follow-up's holds the question it follows, whose
        # subject "How did that compare with February's?" needs.
        queries = answerer.subqueries(turn.query)
        logger.info("searching %r as %s", turn.question, queries)
        return queries if len(queries) > 1 else [turn.query]

    def _answer(self, turn: _Turn) -> Iterator[str | Answer]:
        """Draft, verify sentence by sentence and yield what is shown, then the Answer."""
        question, passages, context = turn.question, turn.passages, turn.context
        grounded = self.answerers["grounded"]
        assert isinstance(grounded, GroundedAnswerer)
        answerer = self.answerers[turn.answerer]
        started = time.perf_counter()
        shown = 0  # sentences yielded; later ones come with the space that joins them
        if turn.answerer == "llm":
            # Imported here: LangChain's chat-model stack costs 0.8 s at every start.
            from assistant.llm import LLMAnswerer, Outcome

            assert isinstance(answerer, LLMAnswerer)
            fallback_draft: list[Draft] = []

            def fallback() -> Draft:
                fallback_draft.append(grounded.draft(question, passages, context=context))
                return fallback_draft[0]

            outcome = None
            for item in answerer.respond(
                question,
                passages,
                self.verifier,
                context=context,
                as_of=turn.as_of,
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
        turn.timings["verify"] = citer.seconds
        turn.timings["answer"] = time.perf_counter() - started - citer.seconds
        turn.timings["total"] = time.perf_counter() - turn.started
        yield Answer(
            question=question,
            text=citer.text or missing or REFUSAL,
            citations=citer.citations,
            passages=passages,
            refused=not citer.citations,
            confidence=support,
            timings=turn.timings,
            answerer=written_by,
            model=model,
            notice=notice,
            undated_excluded=turn.undated_excluded,
        )


def llm_answerer(settings: AssistantSettings) -> LLMAnswerer:
    """The LLM answerer ``settings.llm`` names; ``LLMUnavailableError`` says what is missing."""
    from assistant.llm import LLMAnswerer, ModelSpec, chat_model

    return LLMAnswerer(
        chat_model(settings),
        model_name=str(ModelSpec.parse(settings.llm or "")),
        timeout=settings.llm_timeout,
        fallback=settings.llm_fallback,
    )


@cache
def _default_assistant() -> Assistant:
    return Assistant()


def ask(question: str, **options: Unpack[AskOptions]) -> Answer:
    """Answer ``question`` with a default ``Assistant`` (settings from the environment); the
    keywords are ``AskOptions``."""
    return _default_assistant().ask(question, **options)
