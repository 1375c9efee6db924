"""The "Add a feed or URL" panel: index a page or an RSS/Atom feed from the web, poll the
watched feeds, and list them with their last poll and counts.

``feeds_panel`` builds it inside the app's open ``gr.Blocks``; the handlers below it are plain
functions of the assistant, so they are tested without a browser.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import gradio as gr

if TYPE_CHECKING:  # the assistant package is imported only once the page is up
    from assistant import Assistant

HEADERS = ["Feed", "URL", "Last poll (UTC)", "Last result", "Entries", "Articles", "Failed"]


def add_sources(assistant: Assistant, text: str, *, allow_private: bool | None = None) -> str:
    """Index the page and feed URLs in ``text`` (separated by spaces or lines); what happened,
    for people. A feed read is watched from then on."""
    from assistant import IndexBusyError

    urls = text.split()
    if not urls:
        return "Give the URL of a news page or of an RSS/Atom feed."
    try:
        with assistant.web(allow_private=allow_private) as web:
            return web.ingest(urls).summary()
    except IndexBusyError as error:
        return f"Not indexed: {error}"


def poll_feeds(assistant: Assistant, *, allow_private: bool | None = None) -> str:
    """Read every watched feed again and index its new articles; what happened, for people."""
    from assistant import IndexBusyError

    try:
        with assistant.web(allow_private=allow_private) as web:
            if not web.feeds():
                return "No feed is watched yet: add one above."
            return web.poll().summary()
    except IndexBusyError as error:
        return f"Not polled: {error}"


def feed_rows(assistant: Assistant) -> list[list[Any]]:
    """The watched feeds as table rows (see ``HEADERS``)."""
    with assistant.web() as web:
        feeds = web.feeds()
    return [
        [
            f.title or "(untitled)",
            f.url,
            (f.last_poll or "").replace("T", " ").removesuffix("+00:00"),
            f.last_status,
            f.entries,
            f.articles,
            f.failed,
        ]
        for f in feeds
    ]


def feeds_panel(
    assistant: Callable[[], Assistant],
    *,
    may_write: Callable[[gr.Request | None], bool] = lambda request: True,
    on_change: tuple[Callable[..., Any], list[Any]] | None = None,
    **events: Any,
) -> None:
    """Build the panel inside an open ``gr.Blocks``. ``assistant`` gives the assistant once it
    is loaded; ``may_write`` says whether a request may change the index (the app's admins);
    ``on_change`` (a function and its outputs) runs after each change, to refresh what shows
    the articles; ``events`` go to every event (concurrency, API visibility)."""

    def add(text: str, request: gr.Request) -> tuple[str, Any]:
        if not may_write(request):
            return "Not added: only admins may add feeds or URLs.", gr.skip()
        ready = assistant()
        return add_sources(ready, text), feed_rows(ready)

    def poll(request: gr.Request) -> tuple[str, Any]:
        if not may_write(request):
            return "Not polled: only admins may poll feeds.", gr.skip()
        ready = assistant()
        return poll_feeds(ready), feed_rows(ready)

    with gr.Accordion("Add a feed or URL", open=False, elem_id="newsqa-feeds") as panel:
        with gr.Row():
            url = gr.Textbox(
                label="Page or RSS/Atom feed URL",
                placeholder="https://example.com/news/feed.xml",
                scale=4,
                elem_id="newsqa-feed-url",
            )
            add_button = gr.Button("Add", variant="primary", scale=1, elem_id="newsqa-feed-add")
        with gr.Row():
            result = gr.Textbox(
                label="Result", interactive=False, lines=3, scale=4, elem_id="newsqa-feed-result"
            )
            poll_button = gr.Button("Poll feeds now", scale=1, elem_id="newsqa-feed-poll")
        table = gr.Dataframe(
            headers=HEADERS,
            datatype="str",
            interactive=False,
            wrap=True,
            label="Watched feeds",
            elem_id="newsqa-feed-table",
        )
    for trigger, handler, inputs in (
        (add_button.click, add, [url]),
        (url.submit, add, [url]),
        (poll_button.click, poll, []),
    ):
        event = trigger(handler, inputs, [result, table], **events)
        if on_change is not None:
            event.then(on_change[0], None, on_change[1], **events)
    panel.expand(lambda: feed_rows(assistant()), None, table, **events)
