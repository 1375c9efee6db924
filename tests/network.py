"""Loopback helpers shared by the tests that start servers: a free port, and a real
``newsqa serve`` process stopped the way a user stops it (Ctrl-C)."""

from __future__ import annotations

import signal
import socket
import subprocess
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from sys import executable

NEWSQA = str(Path(executable).with_name("newsqa"))


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def newsqa_serve(port: int, env: Mapping[str, str]) -> Iterator[subprocess.Popen[str]]:
    """``newsqa serve --port PORT`` with ``env``, its stderr piped; interrupted on exit, and
    killed if it has not stopped 30 s later."""
    server = subprocess.Popen(
        [NEWSQA, "serve", "--port", str(port)],
        env=dict(env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        # Ctrl-C as a terminal delivers it: a test run started in the background (CI's
        # `bash .ci/run &`) ignores SIGINT, and the server would inherit that.
        preexec_fn=_interruptible,
    )
    try:
        yield server
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _interruptible() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
