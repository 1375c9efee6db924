"""Feedback records: one JSON line each, shaped like an eval gold case."""

from __future__ import annotations

import json
from pathlib import Path

from assistant import Answer, Citation
from tests.records import citation_of
from ui.feedback import append_feedback, feedback_record

URL = "https://example.com/a"


def _citation(number: int, url: str) -> Citation:
    return citation_of(number=number, article_id=f"a{number}", url=url, chunk_id="c")


def test_record_has_the_gold_case_shape() -> None:
    answer = Answer(
        question="And then?",
        text="It happened [1][2][3].",
        citations=[_citation(1, URL), _citation(2, ""), _citation(3, URL)],
    )
    record = feedback_record(answer, earlier=["What happened?"], liked=False)
    assert record["id"].startswith("feedback-")
    assert record | {"id": "x"} == {
        "id": "x",
        "question": "And then?",
        "answers": [],
        "gold_urls": [URL],
        "gold_spans": [],
        "as_of": None,
        "type": "feedback",
        "turns": ["What happened?"],
        "answer": "It happened [1][2][3].",
        "liked": False,
    }


def test_records_are_appended_one_per_line(tmp_path: Path) -> None:
    path = tmp_path / "data" / "feedback.jsonl"
    answer = Answer(question="Q “quoted”", text="A")
    for liked in (True, False):
        append_feedback(path, feedback_record(answer, earlier=[], liked=liked))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["liked"] for line in lines] == [True, False]
    assert "“quoted”" in lines[0]
