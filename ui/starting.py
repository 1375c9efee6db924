"""A placeholder page served the moment ``newsqa serve`` starts, while Gradio is imported.

Importing Gradio takes several seconds on a small machine (more than the whole start should),
so ``serve`` first answers on its port with this page, built from the standard library only;
the page reloads itself every second, and the first reload after the app takes the port over
shows the app (with its own loading state while the assistant loads).
"""

from __future__ import annotations

import logging
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

logger = logging.getLogger(__name__)

PAGE = b"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>newsqa</title>
<meta http-equiv="refresh" content="1">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:ui-sans-serif,system-ui,sans-serif;margin:2rem auto;max-width:40rem;
padding:0 1rem;color:#1f2937}p{color:#374151}</style></head>
<body><h1>newsqa</h1><h2 role="status">Starting&hellip;</h2>
<p>The web app is starting; this page turns into it by itself in a few seconds.</p>
</body></html>
"""


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self._page(with_body=True)

    def do_HEAD(self) -> None:
        self._page(with_body=False)

    def _page(self, *, with_body: bool) -> None:
        # The page for people; anything else (the app's API, its config) is not there yet.
        self.send_response(200 if self.path.split("?")[0] in {"/", ""} else 503)
        self.send_header("Retry-After", "1")
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if with_body:
            self.wfile.write(PAGE)

    def log_message(self, format: str, *args: object) -> None:
        logger.debug("starting page: " + format, *args)


class StartingPage:
    """The placeholder, listening on ``host:port`` in a background thread until ``close()``.

    Usage::

        page = StartingPage.open("127.0.0.1", 7860)   # None when it cannot listen there
        ...                                           # import Gradio, build the app
        if page:
            page.close()                              # then launch the app on that port
    """

    def __init__(self, server: ThreadingHTTPServer) -> None:
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    @classmethod
    def open(cls, host: str, port: int) -> StartingPage | None:
        """Serve the page on ``host:port``; None when that fails (the app's own launch then
        reports why, as it would have without the placeholder)."""
        try:
            family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
            options = {"address_family": family, "daemon_threads": True}
            server_class = type("_Server", (ThreadingHTTPServer,), options)
            server = server_class((host, port), _Handler)
        except OSError as error:
            logger.debug("no starting page on %s:%s: %s", host, port, error)
            return None
        return cls(server)

    def close(self) -> None:
        """Stop serving and free the port for the app."""
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
