"""The claim verifier: whether a passage entails a sentence, with a reason a person can read.

One module per part of a claim: ``entities`` (names, aliases, demonyms), ``quantities``
(numbers by value), ``when`` (dates resolved against the article's date), ``polarity``
(negation and opposites), ``roles`` (who did what to whom); ``verifier`` puts them together.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from assistant.verify.verifier import ClaimVerifier, Verdict

__all__ = ["ClaimVerifier", "Verdict", "check", "default_verifier"]


@cache
def default_verifier() -> ClaimVerifier:
    """A verifier with the bundled MiniLM for word meanings, made once per process."""
    from index.embeddings import MiniLMEmbeddings

    return ClaimVerifier(MiniLMEmbeddings(batch_size=256))


def check(sentence: str, passage: str, published: date | None = None) -> Verdict:
    """Verify that ``passage`` supports ``sentence`` with the default verifier."""
    return default_verifier().check(sentence, passage, published)
