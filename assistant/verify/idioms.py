"""Set phrases that restate a word or another phrase of the passage.

A sentence that restates a passage often swaps a word for a set phrase ("the first demand of
its kind" for "the first such demand", "on course to beat" for "on track to top", "at present"
for "currently"). Word by word the phrase's words are not in the passage, and the verifier would
read them as an added claim; as a whole the phrase says what one of its equivalents says.

Usage::

    idiom_words(parse("It was the first demand of its kind."), {"such", "demand"})   # {4, 5, 6}
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Each phrase, as lemmas, and the lemmas or phrases of the passage that say the same.
IDIOMS: dict[tuple[str, ...], frozenset[str]] = {
    ("of", "its", "kind"): frozenset({"such"}),
    ("on", "course"): frozenset({"track", "set"}),
    ("come", "to", "term"): frozenset({"grip", "accept"}),
    ("at", "present"): frozenset({"currently", "now", "present"}),
    ("in", "advance"): frozenset({"beforehand", "before", "ahead"}),
    ("at", "home"): frozenset({"domestic", "home"}),
    ("per", "person"): frozenset({"capita", "head", "each"}),
    ("recent", "time"): frozenset({"recent", "lately", "recently"}),
    ("every", "quarter"): frozenset({"quarterly"}),
    ("take", "precedence"): frozenset({"outweigh", "override", "prevail"}),
    ("the", "other", "way"): frozenset({"opposite", "reverse", "contrary"}),
}


def idiom_words(claim: Doc, said: Collection[str]) -> set[int]:
    """The positions of ``claim``'s words that belong to a set phrase whose equivalent the
    passage says (``said``: the passage's lemmas and words)."""
    lemmas = [t.lemma_.lower() for t in claim]
    found: set[int] = set()
    for phrase, equivalents in IDIOMS.items():
        if not equivalents & set(said):
            continue
        size = len(phrase)
        for start in range(len(lemmas) - size + 1):
            if tuple(lemmas[start : start + size]) == phrase:
                found.update(range(start, start + size))
    return found
