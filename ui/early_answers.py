"""Answers before the web app's own assistant has loaded, from a second process.

``newsqa serve`` spends its first seconds importing Gradio, and the assistant (models, index,
parser) then takes as long again to load; in one process the two hold the interpreter lock in
turn, so loading them together saved nothing (``ui/cli.py``). This module starts a second
Python process first thing, which loads an assistant on the other core while Gradio imports;
the page answers through it until its own assistant is ready, then stops it.

The processes talk in JSON lines over the child's stdin and stdout: the settings, then
"ready" (or an error); then per question the request, each streamed piece, the final answer
and "end". Nothing here imports Gradio.

Usage::

    early = EarlyAnswers.start(settings)          # before importing Gradio
    ...
    if early.ready:
        for piece in early.stream("Why did the US strike?", history=[], filters={}, k=4):
            ...                                   # str pieces, then the Answer
    early.close()                                 # once the app's own assistant has loaded
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import suppress
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant import Answer, AssistantSettings

logger = logging.getLogger(__name__)

# Seconds ``close`` waits for the child to leave after its stdin closes, before killing it.
_LEAVE_SECONDS = 5.0
# The answerer the child warms up with: the offline one, so that no LLM is asked (or, in
# process, loaded a second time) for a question nobody asked.
_WARM_WITH = "grounded"


class EarlyAnswers:
    """A child process that loads an assistant and answers one question at a time; safe to
    share between threads (questions wait their turn)."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self._process = process
        self._turn = threading.Lock()
        self._ready = threading.Event()
        self._failed = False
        threading.Thread(target=self._await_ready, daemon=True, name="early-answers").start()

    @classmethod
    def start(cls, settings: AssistantSettings) -> EarlyAnswers:
        """Start the child over ``settings`` (its LLM key passed in its environment only)."""
        env = dict(os.environ)
        if settings.llm_api_key is not None:
            env["NEWSQA_LLM_API_KEY"] = settings.llm_api_key.get_secret_value()
        process = subprocess.Popen(
            [sys.executable, "-m", "ui.early_answers"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert process.stdin is not None
        process.stdin.write(settings.model_dump_json(exclude={"llm_api_key"}) + "\n")
        process.stdin.flush()
        return cls(process)

    @property
    def ready(self) -> bool:
        """Whether the child has loaded and can answer now."""
        return self._ready.is_set() and not self._failed and self._process.poll() is None

    def wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for the child to load (or fail); whether it is ready."""
        self._ready.wait(timeout)
        return self.ready

    def stream(
        self,
        question: str,
        *,
        history: list[str],
        filters: dict[str, Any],
        k: int | None,
        answerer: str | None = None,
        as_of: str | None = None,
    ) -> Iterator[str | Answer]:
        """What ``Assistant.stream`` yields for the same arguments, from the child. Raises
        ``ValueError`` as the assistant does (a bad filter), ``RuntimeError`` if the child
        fails."""
        from assistant import Answer

        request = {
            "question": question,
            "history": history,
            "filters": filters,
            "k": k,
            "answerer": answerer,
            "as_of": as_of,
        }
        with self._turn:
            stdin, stdout = self._pipes()
            try:
                stdin.write(json.dumps(request) + "\n")
                stdin.flush()
            except OSError as error:
                raise RuntimeError(f"the early answerer has stopped ({error})") from error
            message: dict[str, Any] = {}
            try:
                while True:
                    message = _receive(stdout)
                    if "piece" in message:
                        yield message["piece"]
                    elif "answer" in message:
                        yield Answer.model_validate(message["answer"])
                    elif "invalid" in message:
                        raise ValueError(message["invalid"])
                    elif "error" in message:
                        raise RuntimeError(message["error"])
                    else:
                        return
            finally:
                # A reader that stopped early (a page closed mid-answer) leaves the rest of
                # this answer in the pipe: read it out, or the next question gets it.
                while not _last(message):
                    message = _receive(stdout)

    def close(self, *, patience: float = 0.0) -> None:
        """Stop the child: after the answer under way if it ends within ``patience`` seconds
        (the child then leaves by itself), else at once (whoever waits for that answer gets a
        RuntimeError)."""
        idle = self._turn.acquire(timeout=patience) if patience > 0 else False
        try:
            self._stop(gently=idle)
        finally:
            if idle:
                self._turn.release()

    def _stop(self, *, gently: bool) -> None:
        process = self._process
        if process.stdin is not None and not process.stdin.closed:
            with suppress(OSError):  # a child gone already
                process.stdin.close()
        if not gently:
            process.terminate()
        try:
            process.wait(timeout=_LEAVE_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def _pipes(self) -> tuple[IO[str], IO[str]]:
        stdin, stdout = self._process.stdin, self._process.stdout
        if stdin is None or stdout is None or stdin.closed:
            raise RuntimeError("the early answerer has stopped")
        return stdin, stdout

    def _await_ready(self) -> None:
        stdout = self._process.stdout
        try:
            message = _receive(stdout) if stdout is not None else {"error": "no pipe"}
        except RuntimeError as error:
            message = {"error": str(error)}
        if "error" in message:
            # The page's own assistant loads regardless, and says what went wrong if it fails.
            logger.warning("answering early failed: %s", message["error"])
            self._failed = True
        self._ready.set()


def _last(message: dict[str, Any]) -> bool:
    return bool(message.keys() & {"end", "invalid", "error"})


def _receive(stdout: IO[str]) -> dict[str, Any]:
    line = stdout.readline()
    if not line:
        raise RuntimeError("the early answerer has stopped")
    try:
        message: dict[str, Any] = json.loads(line)
    except json.JSONDecodeError as error:
        raise RuntimeError(f"the early answerer wrote something else: {line[:80]!r}") from error
    return message


def main() -> None:
    """The child: read the settings, load the assistant, answer until stdin closes."""
    # Ctrl-C in the terminal reaches the whole process group: the parent stops this process.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Anything a library prints, from Python or from C, would break the protocol: the
    # messages get a copy of stdout of their own, and stdout itself goes to stderr.
    protocol = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    with suppress(BrokenPipeError):  # the parent has gone: nobody is left to answer
        _serve(protocol)


def _serve(protocol: IO[str]) -> None:
    def send(message: dict[str, Any]) -> None:
        protocol.write(json.dumps(message) + "\n")
        protocol.flush()

    try:
        from assistant import Assistant, AssistantSettings
        from ui.ready import WARM_UP

        settings = AssistantSettings(**json.loads(sys.stdin.readline()))
        assistant = Assistant(settings)
        # Loads the models and the parser before the first question.
        assistant.ask(WARM_UP, answerer=_WARM_WITH)
    except Exception as error:  # reported to the parent, which loads its own regardless
        send({"error": f"{type(error).__name__}: {error}"})
        return
    send({"ready": True})
    for line in sys.stdin:
        request = json.loads(line)
        try:
            for piece in assistant.stream(
                request["question"],
                history=request["history"],
                filters=request["filters"],
                k=request["k"],
                answerer=request["answerer"],
                as_of=request["as_of"],
            ):
                if isinstance(piece, str):
                    send({"piece": piece})
                else:
                    send({"answer": piece.model_dump(mode="json")})
            send({"end": True})
        except ValueError as error:
            send({"invalid": str(error)})
        except BrokenPipeError:
            raise
        except Exception as error:  # one question's failure ends neither process
            logger.exception("an early answer failed")
            send({"error": f"{type(error).__name__}: {error}"})


if __name__ == "__main__":
    main()
