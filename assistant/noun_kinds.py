"""The coarse kind of a noun (a person or a place), from its MiniLM word vector's nearest
prototype: "How many people were killed?" is not answered by "strikes at two locations".

Usage::

    kinds = NounKinds(embedder)
    kinds.kind("contractor"), kinds.kind("locations"), kinds.kind("drones")
    # "person", "place", None
"""

from __future__ import annotations

from functools import cached_property, lru_cache

import numpy as np

from assistant.verify.verifier import WordEmbeddings

# Prototype words of each kind. Only persons and places are told apart; the other kinds are
# there so that a thing or a group ("drones", "votes") is not forced into one of the two. On
# 32 nouns of casualty and strike reports (2026-12-02), the nearest prototype put every place
# noun (sites, facilities, villages, homes, countries) in its kind, and every person noun but
# "passengers", "bodies" (things) and "members", "players" (groups), which then count against
# no question; tests/assistant/test_noun_kinds.py pins them.
PROTOTYPES: dict[str, tuple[str, ...]] = {
    "person": ("person", "people", "man", "woman", "soldier", "worker", "child"),
    "place": ("place", "location", "site", "city", "building", "area", "country"),
    "thing": ("thing", "object", "weapon", "vehicle", "device", "item"),
    "group": ("group", "organisation", "company", "team", "party"),
    "time": ("day", "year", "month", "hour", "week"),
}
# The kinds a count is checked against; the others say nothing either way.
TOLD_APART = frozenset({"person", "place"})
# Words read by kind, kept between questions.
_WORDS_KEPT = 4096


class NounKinds:
    """Tells persons from places by the nearest prototype word (``PROTOTYPES``)."""

    def __init__(self, embedder: WordEmbeddings) -> None:
        self.embedder = embedder
        self._kinds = list(PROTOTYPES)
        self._owners = np.array(
            [position for position, words in enumerate(PROTOTYPES.values()) for _ in words]
        )
        self.kind = lru_cache(maxsize=_WORDS_KEPT)(self._kind)

    @cached_property
    def _prototypes(self) -> np.ndarray:
        # On first use: the word table behind embed_words is built on first use too.
        words = [w for words in PROTOTYPES.values() for w in words]
        return np.asarray(self.embedder.embed_words(words), dtype=np.float32)

    def _kind(self, word: str) -> str | None:
        """ "person" or "place" for a word nearest one of their prototypes; else None."""
        if not word.isalpha():
            return None
        vector = np.asarray(self.embedder.embed_words([word.lower()]), dtype=np.float32)[0]
        nearest = self._kinds[int(self._owners[int(np.argmax(self._prototypes @ vector))])]
        return nearest if nearest in TOLD_APART else None
