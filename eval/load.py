"""A bounded load test of a running newsqa app, through its public ``/ask`` endpoint only.

``python -m eval.load --url http://127.0.0.1:7860 --sessions 16 --seconds 60`` runs that many
chat sessions at once, each its own ``gradio_client.Client`` (its own Gradio session), each
asking its conversation's questions in turn with its own earlier questions as ``history``,
until the time is up. Every answer is compared with the one the same conversation got when
asked alone before the clock started: an answer that differs under load is another session's
question or history leaking in. The report gives the answers, errors, leaks, and latency
p50/p95 (seconds from sending a question to its answer, queueing included).
"""

from __future__ import annotations

import json
import statistics
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import typer

# Conversations over the bundled sample article (the index `make run` starts with); each
# follow-up depends on its conversation's earlier questions.
CONVERSATIONS: tuple[tuple[str, ...], ...] = (
    ("Why did the US strike in June 2021?", "Who ordered them?"),
    ("Where were the militia targets?", "What did the Pentagon say about them?"),
    ("Which militias were hit?", "Who backs them?"),
    ("When was the strike before that?", "Why did the US strike then?"),
)

JOIN_TIMEOUT = 60.0
"""Seconds a session waits for the app to take its question into the queue."""


@dataclass
class LoadReport:
    """What a load run measured."""

    url: str
    sessions: int
    seconds: float
    requests: int = 0
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)

    @property
    def p50(self) -> float:
        """Median seconds from sending a question to its answer."""
        return _quantile(self.latencies, 0.50)

    @property
    def p95(self) -> float:
        """95th percentile of those seconds."""
        return _quantile(self.latencies, 0.95)

    def summary(self) -> str:
        """A few lines for people."""
        lines = [
            f"{self.sessions} sessions for {self.seconds:.0f} s against {self.url}: "
            f"{self.requests} answers ({self.requests / self.seconds:.1f}/s), "
            f"{len(self.errors)} errors, {len(self.leaks)} leaks; "
            f"latency p50 {self.p50:.2f} s, p95 {self.p95:.2f} s",
        ]
        lines += [f"  error: {e}" for e in self.errors[:10]]
        lines += [f"  leak: {e}" for e in self.leaks[:10]]
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        """The figures as plain data."""
        return {
            "url": self.url,
            "sessions": self.sessions,
            "seconds": self.seconds,
            "requests": self.requests,
            "errors": self.errors,
            "leaks": self.leaks,
            "p50": self.p50,
            "p95": self.p95,
        }


def run_load(
    url: str,
    *,
    sessions: int = 16,
    seconds: float = 60.0,
    conversations: tuple[tuple[str, ...], ...] = CONVERSATIONS,
    auth: tuple[str, str] | None = None,
) -> LoadReport:
    """Run ``sessions`` conversations at once against the app at ``url`` for ``seconds``."""
    from gradio_client import Client  # only this command needs it

    # httpx's 5 s default would fail a question still waiting to join a busy queue, where a
    # browser waits; the answer itself is awaited without a limit, as gradio_client does.
    options = {"verbose": False, "auth": auth, "httpx_kwargs": {"timeout": JOIN_TIMEOUT}}
    reference = _expected(Client(url, **options), conversations)
    report = LoadReport(url, sessions, seconds)
    lock = threading.Lock()
    clients = [Client(url, **options) for _ in range(sessions)]
    deadline = time.monotonic() + seconds

    def session(number: int) -> None:
        questions = conversations[number % len(conversations)]
        turn = 0
        while time.monotonic() < deadline:
            history = list(questions[:turn])
            question = questions[turn]
            sent = time.monotonic()
            try:
                answer = clients[number].predict(question, history=history, api_name="/ask")
            except Exception as error:  # every failure is counted, none stops the run
                with lock:
                    report.errors.append(f"session {number}: {type(error).__name__}: {error}")
                turn = (turn + 1) % len(questions)
                continue
            received = time.monotonic()
            got = _fingerprint(answer)
            with lock:
                report.requests += 1
                report.latencies.append(received - sent)
                if got != reference[(*history, question)]:
                    report.leaks.append(
                        f"session {number} asked {question!r} after {history} and got "
                        f"{got[0]!r}, not {reference[(*history, question)][0]!r}"
                    )
            turn = (turn + 1) % len(questions)

    threads = [threading.Thread(target=session, args=(n,)) for n in range(sessions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 120)  # a request in flight at the deadline may still finish
    return report


def _expected(
    client: Any, conversations: tuple[tuple[str, ...], ...]
) -> dict[tuple[str, ...], tuple[str, tuple[str, ...]]]:
    """Each conversation's answers, asked alone: what every session must get under load."""
    answers = {}
    for questions in conversations:
        for turn, question in enumerate(questions):
            history = list(questions[:turn])
            answer = client.predict(question, history=history, api_name="/ask")
            answers[(*history, question)] = _fingerprint(answer)
    return answers


def _fingerprint(answer: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
    """What must not change under load: the question answered, its text and citations."""
    cited = tuple(str(c.get("url") or c.get("title")) for c in answer.get("citations", []))
    return f"{answer.get('question')}: {answer.get('text')}", cited


def _quantile(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[round(q * 100) - 1]


def main(
    url: Annotated[str, typer.Option(help="The running app, e.g. http://127.0.0.1:7860.")],
    sessions: Annotated[int, typer.Option(min=1, max=256, help="Sessions at once.")] = 16,
    seconds: Annotated[float, typer.Option(min=1, max=3600, help="How long to run.")] = 60.0,
    user: Annotated[str | None, typer.Option(help="user:password when the app has auth.")] = None,
    conversations: Annotated[
        Path | None,
        typer.Option(help="JSONL file, one conversation (a list of questions) a line."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Load-test a running app; exits 1 when any request failed or any answer leaked."""
    auth = None
    if user:
        name, _, password = user.partition(":")
        auth = (name, password)
    chosen = CONVERSATIONS
    if conversations:
        lines = conversations.read_text(encoding="utf-8").splitlines()
        chosen = tuple(tuple(json.loads(line)) for line in lines if line.strip())
    report = run_load(url, sessions=sessions, seconds=seconds, conversations=chosen, auth=auth)
    typer.echo(json.dumps(report.as_dict(), indent=2) if as_json else report.summary())
    if report.errors or report.leaks:
        raise typer.Exit(1)


if __name__ == "__main__":
    typer.run(main)
