"""Like/dislike feedback, kept as JSONL in the shape of the eval gold sets.

A disliked answer can then become a gold case by filling in ``answers`` and ``gold_spans``.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from assistant import Answer


def feedback_record(answer: Answer, *, earlier: list[str], liked: bool) -> dict[str, Any]:
    """A gold-case-shaped record of ``answer``; ``earlier`` holds the conversation's earlier
    questions, oldest first."""
    urls = [c.url for c in answer.citations if c.url]
    return {
        "id": f"feedback-{uuid.uuid4().hex[:12]}",
        "question": answer.question,
        "answers": [],
        "gold_urls": list(dict.fromkeys(urls)),
        "gold_spans": [],
        "as_of": None,
        "type": "feedback",
        "turns": list(earlier),
        "answer": answer.text,
        "liked": liked,
    }


def append_feedback(path: Path, record: dict[str, Any]) -> None:
    """Append ``record`` to the JSONL file at ``path`` as one line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as file:
        file.write(json.dumps(record, ensure_ascii=False) + "\n")
