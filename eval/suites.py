"""Eval suites: gold cases and the corpora they are asked over.

A suite is a list of ``Case`` records and the files to index before asking them. The project's
own gold set (``eval/gold/sample.jsonl``) is read as it is; adapters turn the external sets in
``../shared/data`` (RealTimeQA, SQuAD 2.0) into the same records.
"""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote, urldefrag, urlsplit, urlunsplit

import numpy as np
from pydantic import BaseModel, Field, field_validator, model_validator

from assistant import SAMPLE_CORPUS, question_kind

REPO = Path(__file__).resolve().parents[1]
GOLD_DIR = Path(__file__).with_name("gold")
SUITES = ("gold", "realtimeqa-2022", "realtimeqa-archive", "squad2")
# A --limit sample is the prefix of one fixed permutation, so a larger limit extends a smaller one.
SAMPLE_SEED = 0

_SPACE = re.compile(r"\s+")


class SharedDataMissingError(FileNotFoundError):
    """The external data folder (``../shared/data``) is not where the suite needs it."""


def shared_data_dir() -> Path:
    """The external data folder: ``$NEWSQA_SHARED/data``, by default ``../shared/data`` beside
    the checkout. Raises ``SharedDataMissingError`` when it is absent."""
    root = Path(os.environ.get("NEWSQA_SHARED", REPO.parent / "shared"))
    data = root / "data"
    if not data.is_dir():
        raise SharedDataMissingError(
            f"external data not found at {data}: put the shared folder beside the checkout "
            "(../shared/data) or set NEWSQA_SHARED to the folder that holds data/"
        )
    return data


def canonical_url(url: str) -> str:
    """``url`` as the index stores it: inner whitespace and ``#fragment`` removed, scheme and
    host lower-cased, so gold URLs compare equal to the URLs of retrieved passages."""
    cleaned, _ = urldefrag(_SPACE.sub("", url))
    parts = urlsplit(cleaned)
    if not parts.scheme or not parts.netloc:
        return cleaned
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, parts.query, ""))


class GoldSpan(BaseModel):
    """A character span ``[start, end)`` of an article's text that supports the answer."""

    url: str
    start: int = Field(ge=0)
    end: int
    text: str = ""

    @field_validator("url")
    @classmethod
    def _canonical(cls, url: str) -> str:
        return canonical_url(url)

    @model_validator(mode="after")
    def _ordered(self) -> GoldSpan:
        if self.end <= self.start:
            raise ValueError(f"gold span [{self.start}, {self.end}) is empty")
        return self


class Case(BaseModel):
    """One question of a suite with its gold answers and the evidence it should be found in.

    Relevance is span-level when ``gold_spans`` are given (a passage must overlap one), else
    article-level (a passage's article URL must be in ``gold_urls``).
    """

    id: str
    question: str
    type: str
    answers: list[str] = Field(default_factory=list, description="Gold answer and its aliases.")
    gold_urls: list[str] = Field(default_factory=list)
    gold_spans: list[GoldSpan] = Field(default_factory=list)
    as_of: date | None = None
    turns: list[str] = Field(default_factory=list, description="Earlier user questions.")

    @field_validator("gold_urls")
    @classmethod
    def _canonical(cls, urls: list[str]) -> list[str]:
        return [canonical_url(u) for u in urls]

    @model_validator(mode="after")
    def _consistent(self) -> Case:
        if self.type == "unanswerable" and self.answers:
            raise ValueError(f"{self.id}: an unanswerable case has no gold answers")
        if self.type != "unanswerable" and not self.answers:
            raise ValueError(f"{self.id}: give gold answers, or type 'unanswerable'")
        return self

    @property
    def answerable(self) -> bool:
        """Whether the right response is an answer (else a refusal)."""
        return self.type != "unanswerable"

    @property
    def has_gold(self) -> bool:
        """Whether retrieval and citations can be scored: the case names its evidence."""
        return self.answerable and bool(self.gold_spans or self.gold_urls)


@dataclass(frozen=True)
class Suite:
    """Cases and the files to index for them, in the suite's own collection."""

    name: str
    cases: list[Case]
    corpus: list[Path]

    @property
    def collection(self) -> str:
        """The index collection this suite is scored on, reused across runs."""
        return f"eval-{self.name}"


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Records of a JSONL file, plain or ``.gz``/``.xz``/``.bz2``-compressed."""
    with _open_text(path) as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: not valid JSON ({error.msg})") from error


def _open_text(path: Path) -> IO[str]:
    opener = {".gz": gzip.open, ".xz": lzma.open, ".bz2": bz2.open}.get(path.suffix, open)
    return opener(path, "rt", encoding="utf-8")  # type: ignore[operator]


def _parse(path: Path, build: Callable[[dict[str, Any]], Case]) -> list[Case]:
    """Cases built from each record of ``path``; a bad record is an error naming it."""
    cases = []
    for number, record in enumerate(read_jsonl(path), start=1):
        try:
            cases.append(build(record))
        except KeyError as error:
            raise ValueError(f"{path}, record {number}: missing field {error}") from error
        except ValueError as error:
            raise ValueError(f"{path}, record {number}: {error}") from error
    return cases


def load_gold(path: Path) -> list[Case]:
    """Cases from a gold JSONL file in the format of ``eval/gold/sample.jsonl``."""
    return _parse(path, Case.model_validate)


def _realtimeqa_case(r: dict[str, Any]) -> Case:
    return Case(
        id=r["id"],
        question=r["question"],
        type=question_kind(r["question"]),
        answers=r["answers"],
        gold_urls=r["gold_urls"],
        as_of=r["date"],
    )


def load_realtimeqa(path: Path) -> list[Case]:
    """Cases from RealTimeQA questions: relevance is ``gold_urls``, as-of is the quiz date."""
    return _parse(path, _realtimeqa_case)


def squad_url(paragraph_id: str) -> str:
    """The URL a SQuAD paragraph is indexed under.

    Paragraph ids hold a ``#`` ("Normans#0"), which URL canonicalisation would cut as a
    fragment, merging every paragraph of a page into one article: it is percent-encoded, in
    the path, where case is kept.
    """
    return f"squad://paragraph/{quote(paragraph_id, safe='')}"


def _squad_case(r: dict[str, Any]) -> Case:
    impossible = bool(r["is_impossible"])
    return Case(
        id=r["id"],
        question=r["question"],
        type="unanswerable" if impossible else question_kind(r["question"]),
        answers=[] if impossible else list(dict.fromkeys(r["answers"])),
        gold_urls=[] if impossible else [squad_url(r["paragraph_id"])],
    )


def load_squad(path: Path) -> list[Case]:
    """Cases from SQuAD 2.0 questions: relevance is the question's paragraph; impossible
    questions expect a refusal."""
    return _parse(path, _squad_case)


def sample_cases(cases: list[Case], limit: int | None) -> list[Case]:
    """``limit`` cases, the same ones on every run: a fixed-seed sample kept in file order
    (external files are sorted by topic, so their first N would cover a few topics only)."""
    if limit is None or limit >= len(cases):
        return cases
    if limit < 1:
        raise ValueError("limit: give at least 1")
    chosen = np.random.default_rng(SAMPLE_SEED).permutation(len(cases))[:limit]
    return [cases[i] for i in sorted(chosen)]


def write_if_changed(path: Path, records: list[dict[str, Any]]) -> Path:
    """Write ``records`` as JSONL unless the file already holds exactly them, so a re-run
    leaves the file, and the index built from it, untouched."""
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return path


def squad_corpus(paragraphs: Path, cache_dir: Path) -> Path:
    """The SQuAD paragraphs as article records (``url``, ``title``, ``text``) in ``cache_dir``."""
    records = [
        {"url": squad_url(p["id"]), "title": p["title"], "text": p["text"]}
        for p in read_jsonl(paragraphs)
    ]
    return write_if_changed(cache_dir / "paragraphs.jsonl", records)


def archive_corpus(archive: Path, cases_file: Path, cases: list[Case], cache_dir: Path) -> Path:
    """The archive pages searched for ``cases``, copied from ``archive`` into ``cache_dir``:
    embedding the whole archive takes hours, these pages minutes."""
    wanted = {c.id for c in cases}
    searched = (r["search_urls"] for r in read_jsonl(cases_file) if r["id"] in wanted)
    urls = {canonical_url(u) for found in searched for u in found}
    records = []
    seen: set[str] = set()
    for record in read_jsonl(archive):
        url = canonical_url(record.get("url") or "")
        if url in urls and url not in seen:
            seen.add(url)
            records.append(record)
    return write_if_changed(cache_dir / "corpus.jsonl", records)


def load_suite(
    name: str,
    *,
    cache_dir: Path,
    questions: Path | None = None,
    corpus: list[Path] | None = None,
    limit: int | None = None,
) -> Suite:
    """The suite ``name`` (one of ``SUITES``), ready to index and ask.

    ``questions`` and ``corpus`` replace the suite's default files with files of the same
    format; ``limit`` keeps a fixed sample of that many cases; ``cache_dir`` holds corpus files
    the suite derives from its sources (the SQuAD paragraphs as articles, the archive pages).
    """
    if name not in SUITES:
        raise ValueError(f"suite: {name!r} is not one of {', '.join(SUITES)}")
    folder = cache_dir / name
    if name == "gold":
        cases = sample_cases(load_gold(questions or GOLD_DIR / "sample.jsonl"), limit)
        paths = corpus or [SAMPLE_CORPUS, _shared("bbc-news", "politics")]
        return Suite(name, cases, paths)
    if name == "realtimeqa-2022":
        cases = load_realtimeqa(questions or _shared("realtimeqa", "questions-2022-dev.jsonl"))
        paths = corpus or [_shared("realtimeqa", "news-2022.jsonl.gz")]
        return Suite(name, sample_cases(cases, limit), paths)
    if name == "realtimeqa-archive":
        cases_file = questions or _shared("realtimeqa", "questions-archive-dev.jsonl")
        cases = sample_cases(load_realtimeqa(cases_file), limit)
        archive = _single(corpus, "the archive suite selects pages from one archive file")
        archive = archive or _shared("realtimeqa", "news-archive.jsonl.xz")
        return Suite(name, cases, [archive_corpus(archive, cases_file, cases, folder)])
    cases = load_squad(questions or _shared("squad2", "questions-dev.jsonl"))
    paragraphs = _single(corpus, "the squad2 suite reads one paragraphs file")
    paragraphs = paragraphs or _shared("squad2", "paragraphs.jsonl")
    return Suite(name, sample_cases(cases, limit), [squad_corpus(paragraphs, folder)])


def _shared(*parts: str) -> Path:
    """A default file of the external data; looked up only when a default is used, so users'
    own files need no shared folder."""
    path = shared_data_dir().joinpath(*parts)
    if not path.exists():
        raise SharedDataMissingError(f"external data file not found: {path}")
    return path


def _single(corpus: list[Path] | None, message: str) -> Path | None:
    if corpus and len(corpus) != 1:
        raise ValueError(f"corpus: {message}")
    return corpus[0] if corpus else None
