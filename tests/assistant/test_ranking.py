"""A draft checks only the passages whose candidates can change its answer or confidence, and
reads them as if every passage had been checked."""

from __future__ import annotations

from dataclasses import replace

from assistant.answerability import FEATURE_NAMES, AnswerabilityModel, Features
from assistant.answerers.ranking import FOLLOWING_SENTENCE_SHARE, Candidate, Ranking, follows
from assistant.records import Passage
from assistant.verify import Verdict

# Probability grows with similarity and falls where the passage contradicts the question.
_MODEL = AnswerabilityModel(
    weights=[
        {"similarity": 8.0, "presupposed": -0.5, "contradicted": -1.5}.get(name, 0.0)
        for name in FEATURE_NAMES
    ],
    bias=-4.0,
    gate_weights=[3.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0],
    gate_bias=-1.0,
    threshold=0.35,
)


def _features(similarity: float) -> Features:
    values = dict.fromkeys(FEATURE_NAMES, 0.0) | {"similarity": similarity, "presupposed": 1.0}
    return Features(**values)


def _passage(number: int) -> Passage:
    return Passage(
        chunk_id=f"c{number}",
        article_id=f"a{number}",
        title=f"Story {number}",
        text=f"Passage {number}.",
        start=0,
        end=10,
        score=1.0,
        rank=number,
    )


def _scored(passage: int, support: float, similarity: float) -> Candidate:
    return Candidate(
        passage,
        f"Sentence of {passage}.",
        similarity,
        0.5,
        support,
        _features(similarity),
        probability=0.0,
        source=_passage(passage),
    )


class _Checks:
    """Each passage's verdict, by number, and the passages checked."""

    def __init__(self, verdicts: dict[int, Verdict]) -> None:
        self.verdicts = verdicts
        self.asked: list[int] = []

    def __call__(self, number: int) -> Verdict:
        self.asked.append(number)
        return self.verdicts[number]


_BORNE_OUT = Verdict(True, "supported", coverage=1.0)
_OPPOSITE = Verdict(False, "the passage says the opposite", coverage=0.5, kind="polarity")


def _states(candidate: Candidate) -> bool:
    return True


def test_a_passage_whose_candidates_cannot_matter_is_never_checked() -> None:
    scored = [
        _scored(1, support=0.9, similarity=0.8),
        _scored(2, support=0.7, similarity=0.7),
        _scored(3, support=0.5, similarity=0.2),  # far below the two most probable
    ]
    checks = _Checks({1: _BORNE_OUT, 2: _BORNE_OUT, 3: _BORNE_OUT})
    drafted = Ranking(scored, checks, _MODEL).drafted(_states)
    assert checks.asked == [1, 2]
    every = Ranking(scored, _Checks(checks.verdicts), _MODEL).every()
    assert drafted == every[:2]


def test_a_passage_whose_measured_share_keeps_it_behind_is_never_checked() -> None:
    scored = [
        _scored(1, support=0.9, similarity=0.8),
        _scored(2, support=0.8, similarity=0.7),
        # Could beat 2 with nothing presupposed (the model's best case), not with all of it.
        _scored(3, support=0.7, similarity=0.66),
    ]
    verdicts = {1: _BORNE_OUT, 2: _BORNE_OUT, 3: _BORNE_OUT}
    unmeasured = _Checks(verdicts)
    Ranking(scored, unmeasured, _MODEL).drafted(_states)
    assert unmeasured.asked == [1, 2, 3]

    measured: list[int] = []

    def measure(number: int) -> float:
        measured.append(number)
        return verdicts[number].coverage

    checks = _Checks(verdicts)
    drafted = Ranking(scored, checks, _MODEL, measure).drafted(_states)
    assert checks.asked == [1, 2]
    assert measured == [3], "measured only once two are known"
    every = Ranking(scored, _Checks(verdicts), _MODEL).every()
    assert drafted == every[:2]


def test_a_barred_best_candidate_sends_the_draft_on_to_the_next() -> None:
    scored = [
        _scored(1, support=0.9, similarity=0.8),
        _scored(2, support=0.85, similarity=0.75),
        _scored(3, support=0.6, similarity=0.7),
        _scored(4, support=0.5, similarity=0.1),
    ]
    checks = _Checks({1: _OPPOSITE, 2: _OPPOSITE, 3: _BORNE_OUT, 4: _BORNE_OUT})
    drafted = Ranking(scored, checks, _MODEL).drafted(_states)
    # 1 and 2 are barred; 3 answers and is among the two most probable once 1 is contradicted.
    assert sorted(checks.asked) == [1, 2, 3]
    assert [c.passage for c in drafted if not c.barred] == [3]
    every = Ranking(scored, _Checks(checks.verdicts), _MODEL).every()
    assert drafted == every[:3]
    by_probability = sorted(every, key=lambda c: -c.probability)[:2]
    assert sorted(drafted, key=lambda c: -c.probability)[:2] == by_probability


def test_the_highest_probability_takes_each_unmeasured_feature_at_its_best() -> None:
    found = _features(0.5)
    highest = _MODEL.highest(found, ("presupposed", "contradicted"))
    # Both weights are negative: the best case is nothing presupposed, nothing contradicted.
    best = Features(**{**found.__dict__, "presupposed": 0.0, "contradicted": 0.0})
    assert highest == _MODEL.probability(best) > _MODEL.probability(found)


def test_the_sentence_after_the_first_is_read_though_far_behind_it() -> None:
    first = replace(_scored(1, support=0.8, similarity=0.8), rows=(3,))
    behind = 0.8 * (FOLLOWING_SENTENCE_SHARE + 0.05)
    following = replace(_scored(1, support=behind, similarity=0.1), text="Next.", rows=(4,))
    elsewhere = replace(_scored(1, support=behind - 0.01, similarity=0.1), text="Far.", rows=(7,))
    assert follows(following, first)
    assert not follows(elsewhere, first)
    # One row back, or too far behind: no sentence that follows the first.
    assert not follows(replace(following, rows=(3, 4)), first)
    assert not follows(replace(following, support=0.8 * FOLLOWING_SENTENCE_SHARE - 0.01), first)
    # The second most probable, so that neither of the others could be among the two.
    probable = _scored(2, support=behind - 0.02, similarity=0.7)
    checks = _Checks({1: _BORNE_OUT, 2: _BORNE_OUT})
    ranking = Ranking([first, following, elsewhere, probable], checks, _MODEL)
    assert [c.text for c in ranking.drafted(_states)] == [first.text, "Next.", probable.text]
