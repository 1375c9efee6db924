"""The LLM answerer: a chat model writes the answer from numbered passages; each sentence is
shown only after the claim verifier accepts its citations.

Usage::

    answerer = LLMAnswerer(chat_model(settings), model_name=settings.llm, timeout=60)
    for piece in answerer.respond(question, passages, verifier, fallback=grounded_draft):
        ...  # verified sentences as they come, then one ``Outcome``

The chain is ``ANSWER_PROMPT | model``, streamed, its text read from each chunk. Sentences whose
citations all fail are dropped; when none is left, or the model fails (server down, timeout,
empty output, context too long), the offline answerer's draft is verified and shown instead, or
the answer says that the articles do not settle it.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Generator, Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from typing import cast

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage
from langchain_core.runnables import Runnable

from assistant.answerers.base import Draft
from assistant.citations import Citer, DraftSentence
from assistant.llm.guard import mask_instructions
from assistant.llm.parsing import SentenceReader
from assistant.llm.prompts import ANSWER_PROMPT, MAX_SUBQUERIES, SPLIT_PROMPT, prompt_inputs
from assistant.records import Passage
from assistant.verify import ClaimVerifier

log = logging.getLogger(__name__)


class LLMError(RuntimeError):
    """The model gave no usable answer; the message says why, for a person."""


@dataclass(frozen=True)
class Outcome:
    """How an answer was made: the verified sentences (``citer``), who wrote them, and what
    went wrong on the way (``notice``, empty when nothing did)."""

    citer: Citer
    answerer: str
    model: str
    notice: str = ""
    missing: str = ""


class LLMAnswerer:
    """Answers with a LangChain chat model, behind the verified-citation contract."""

    name = "llm"

    def __init__(
        self,
        model: BaseChatModel,
        *,
        model_name: str,
        timeout: float = 60.0,
        fallback: str = "grounded",
    ) -> None:
        self.model_name = model_name
        self.timeout = timeout
        self.fallback = fallback
        # No output parser at the end: closing a stream that ends in one first reads the model
        # to its end, and a model cut off at the timeout, or done splitting, is not waited for.
        self.chain: Runnable[dict[str, str], BaseMessage] = ANSWER_PROMPT | model
        self.split_chain: Runnable[dict[str, str], BaseMessage] = SPLIT_PROMPT | model

    def subqueries(self, question: str) -> list[str]:
        """The searches a comparison or multi-part question needs, as the model splits it (at
        most ``MAX_SUBQUERIES``); ``[question]`` when it asks one thing, or when the model
        fails or runs past ``timeout`` (the question is then searched whole)."""
        deadline = time.monotonic() + self.timeout
        written = ""
        try:
            with closing(_texts(self.split_chain, {"question": question})) as texts:
                for text in texts:
                    written += text
                    if len(parse_subqueries(written, MAX_SUBQUERIES + 1)) > MAX_SUBQUERIES:
                        break  # the parts are in
                    if time.monotonic() > deadline:
                        log.warning(
                            "splitting %r took over %g s: searched whole", question, self.timeout
                        )
                        return [question]
        except Exception as error:  # the answer itself will meet the same failure and say so
            log.warning("splitting %r failed: %s", question, error)
            return [question]
        queries = parse_subqueries(written)
        return queries if len(queries) > 1 else [question]

    def sentences(
        self,
        question: str,
        passages: list[Passage],
        *,
        context: str = "",
        as_of: date | None = None,
    ) -> Iterator[DraftSentence]:
        """The model's sentences with the passages they cite, as they stream; unverified.

        Raises ``LLMError`` when the model fails, writes nothing, or runs past ``timeout``.
        """
        inputs = prompt_inputs(
            question,
            passages,
            context=context,
            as_of=as_of,
            texts=[mask_instructions(p.text) for p in passages],
        )
        reader = SentenceReader()
        deadline = time.monotonic() + self.timeout
        try:
            with closing(_texts(self.chain, inputs)) as texts:
                for text in texts:
                    yield from reader.feed(text)
                    if time.monotonic() > deadline:
                        raise LLMError(
                            f"the model ({self.model_name}) was cut off after {self.timeout:g} s "
                            "(NEWSQA_LLM_TIMEOUT)"
                        )
        except LLMError:
            raise
        except Exception as error:  # any client or server failure: said plainly, then fallback
            raise LLMError(describe(error, self.model_name, self.timeout)) from error
        if not reader.seen.strip():
            raise LLMError(f"the model ({self.model_name}) returned no text")
        yield from reader.close()

    def draft(self, question: str, passages: list[Passage], *, context: str = "") -> Draft:
        """The model's whole answer as a draft (the ``Answerer`` interface); unverified."""
        return Draft(list(self.sentences(question, passages, context=context)))

    def respond(
        self,
        question: str,
        passages: list[Passage],
        verifier: ClaimVerifier,
        *,
        context: str = "",
        as_of: date | None = None,
        fallback: Callable[[], Draft] | None = None,
    ) -> Iterator[str | Outcome]:
        """Each sentence once its citations are verified (never one that is later withdrawn),
        then the ``Outcome``. ``fallback`` gives the offline answerer's draft, used when no
        sentence of the model's verifies."""
        # Instructions inside an article never count as evidence, whatever the model does.
        citer = Citer(passages, verifier, evidence=[mask_instructions(p.text) for p in passages])
        notice = ""
        written = 0
        try:
            for sentence in self.sentences(question, passages, context=context, as_of=as_of):
                written += 1
                shown = citer.add(sentence)
                if shown:
                    yield shown
        except LLMError as error:
            notice = f"The LLM answerer failed: {error}."
            log.warning("%s", notice)
        if citer.parts:
            yield Outcome(citer, self.name, self.model_name, notice)
            return
        if not notice:
            notice = (
                "The LLM's answer had no sentence whose citation the articles support."
                if written
                else "The LLM found no answer in the articles."
            )
        if self.fallback != "grounded" or fallback is None:
            yield Outcome(citer, self.name, self.model_name, notice)
            return
        draft = fallback()
        for sentence in draft.sentences:
            shown = citer.add(sentence)
            if shown:
                yield shown
        yield Outcome(
            citer,
            "grounded",
            self.model_name,
            f"{notice} This answer is from the offline answerer." if citer.parts else notice,
            missing=draft.missing,
        )


def _texts(
    chain: Runnable[dict[str, str], BaseMessage], inputs: dict[str, str]
) -> Generator[str, None, None]:
    """The text of each piece ``chain``'s model streams; closing this stops the model."""
    chunks = cast("Generator[BaseMessage, None, None]", chain.stream(inputs))
    with closing(chunks):
        for chunk in chunks:
            yield chunk.content if isinstance(chunk.content, str) else ""


_LIST_MARK = re.compile(r"^\s*(?:[-*•]|\d+[.)]|(?:search|query|question)\s*\d*\s*:)\s*", re.I)


def parse_subqueries(written: str, limit: int = MAX_SUBQUERIES) -> list[str]:
    """The first ``limit`` questions a model wrote one per line, without list marks or
    quotes, each once."""
    found: list[str] = []
    for line in written.splitlines():
        query = _LIST_MARK.sub("", line).strip().strip("\"'“”").strip()
        # "Here are the searches:" introduces the parts; it is not one.
        if query.endswith(":") or len(query.split()) < 3:
            continue
        if query.lower() not in {q.lower() for q in found}:
            found.append(query)
    return found[:limit]


def describe(error: Exception, model: str, timeout: float) -> str:
    """A model failure in words a person can act on."""
    kind = type(error).__name__
    text = " ".join(str(error).split())[:300]
    lowered = f"{kind} {text}".lower()
    if "no generation chunks" in lowered:
        return f"the model ({model}) returned no text"
    if "timeout" in lowered or "timed out" in lowered:
        return f"the model ({model}) did not answer within {timeout:g} s (NEWSQA_LLM_TIMEOUT)"
    if "connect" in lowered or "refused" in lowered:
        return f"cannot reach the server of {model} ({text}); is it running at NEWSQA_LLM_BASE_URL?"
    if "context" in lowered and any(w in lowered for w in ("length", "exceed", "window", "long")):
        return (
            f"the prompt is longer than the context window of {model}; ask for fewer passages "
            f"(-k) or use a model with a longer context ({text})"
        )
    return f"{model} failed: {kind}: {text}"
