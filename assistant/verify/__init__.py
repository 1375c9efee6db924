"""The claim verifier: whether a passage entails a sentence, with a reason a person can read.

One module per part of a claim: ``entities`` (names, aliases, demonyms), ``quantities``
(numbers by value), ``derived`` (figures a passage implies: list counts, sums, differences,
spans of years), ``when`` (dates resolved against the article's date), ``polarity``
(negation, opposites, what is set aside), ``roles`` (who did what to whom), ``places`` (two
things that trade places whatever the verb), ``substitutes`` (a name or number put where the
restated sentence has another), ``described`` (a person described by another organisation),
``attachment`` (what a phrase is about), ``outcomes`` (who won and who lost, however it is
worded), ``rewording`` (a fitted model: whether the words a passage lacks reword it or add to
it); ``verifier`` puts them together.
"""

from __future__ import annotations

from datetime import date
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from assistant.verify.entities import acronyms, known_names, named_in, names_of, respelled
from assistant.verify.nlp import parse
from assistant.verify.rewording import RewordingModel
from assistant.verify.verifier import ClaimVerifier, ContextEmbeddings, StoredParses, Verdict

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

    from index.embeddings import MiniLMEmbeddings

__all__ = [
    "ClaimVerifier",
    "Verdict",
    "check",
    "default_verifier",
    "names_missing",
    "rules_verifier",
    "verifier_for",
]


@cache
def default_verifier() -> ClaimVerifier:
    """A verifier with the bundled MiniLM for word meanings and the fitted rewording model,
    made once per process."""
    return ClaimVerifier(_embedder(), rewording=RewordingModel.load())


def verifier_for(embedder: Embeddings, parses: StoredParses | None = None) -> ClaimVerifier:
    """The verifier an assistant checks citations with, on its own embedder and its index's
    ``parses``: with the fitted rewording model, as ``newsqa eval checker`` measures it, when
    the embedder can read words in context (MiniLM can); the rules alone otherwise."""
    if isinstance(embedder, ContextEmbeddings):
        return ClaimVerifier(embedder, rewording=RewordingModel.load(), parses=parses)
    return ClaimVerifier(embedder, parses=parses)


def rules_verifier() -> ClaimVerifier:
    """The default verifier's rules alone, without the rewording model: the verdicts that
    model is fitted on (``newsqa eval fit-rewording``)."""
    return ClaimVerifier(_embedder())


@cache
def _embedder() -> MiniLMEmbeddings:
    from index.embeddings import MiniLMEmbeddings

    return MiniLMEmbeddings(batch_size=256)


def check(sentence: str, passage: str, published: date | None = None) -> Verdict:
    """Verify that ``passage`` supports ``sentence`` with the default verifier."""
    return default_verifier().check(sentence, passage, published)


def names_missing(question: str, *texts: str) -> list[str]:
    """The names ``question`` mentions that none of ``texts`` names, by any alias: an article
    that never names the PMF cannot say how many fighters the PMF has. Each text is read on
    its own (a headline's last words do not run into the lead's first), and once: the lead
    of an article is looked up again for each of its passages."""
    names = names_of(parse(question))
    if not names:
        return []
    known = frozenset().union(*(_names_in(t) for t in texts))
    initials = frozenset().union(*(_acronyms_in(t) for t in texts))
    # An asker may misspell a name; a cited sentence is held to the passage's spelling
    # (``ClaimVerifier`` reads no name respelt).
    return [
        name
        for name in names
        if not named_in(name, known, initials)
        and not ((spelt := respelled(name, known)) and named_in(spelt, known, initials))
    ]


@lru_cache(maxsize=1024)
def _names_in(text: str) -> frozenset[str]:
    return frozenset(known_names(text))


@lru_cache(maxsize=1024)
def _acronyms_in(text: str) -> frozenset[str]:
    return frozenset(acronyms(text))
