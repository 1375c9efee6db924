"""The Gradio app: chat with streamed, cited answers, a sources panel, filters and the library.

One ``Assistant`` serves every browser session; each session keeps its own conversation in a
``gr.State`` (its list of ``Answer`` objects, oldest first). The assistant may still be loading
when the page is first served (``serve`` builds it in the background): the page shows a
loading state, and a question asked meanwhile waits for it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr

from ui.access import Users, is_loopback
from ui.feedback import append_feedback, feedback_record
from ui.feeds import feeds_panel
from ui.loading import Loader
from ui.ready import Ready, prepare
from ui.render import (
    EMPTY_SOURCES,
    plural,
    render_answer,
    render_message,
    render_sources,
    render_welcome,
)
from ui.settings import CONCURRENCY, MAX_UPLOAD_BYTES
from ui.upload_summary import UploadTally
from ui.welcome import Stats

if TYPE_CHECKING:
    from assistant import Answer, Assistant, AssistantSettings, IndexBusyError
    from ui.early_answers import EarlyAnswers

logger = logging.getLogger(__name__)

POLL_SECONDS = 1.0

# System fonts only: the default theme would fetch Inter and IBM Plex Mono from Google.
THEME = gr.themes.Default(
    font=["ui-sans-serif", "system-ui", "sans-serif"],
    font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
)

# Colours are set here rather than taken from the theme's "subdued" text, which is too light
# to read on white (WCAG AA asks 4.5:1 for small text): #4b5563 on white is 7.6:1, #1d4ed8 6.7:1.
CSS = """
.newsqa-welcome { padding: 0.4rem 0.2rem; }
.newsqa-welcome h2 { font-size: 1.35rem; margin: 0 0 0.4rem; }
.newsqa-stats { font-size: 0.95rem; color: #374151; }
.newsqa-loading h2::after { content: ""; display: inline-block; width: 0.8em; height: 0.8em;
  margin-left: 0.5em; border: 2px solid #1d4ed8; border-right-color: transparent;
  border-radius: 50%; animation: newsqa-spin 0.8s linear infinite; }
@keyframes newsqa-spin { to { transform: rotate(360deg); } }
.newsqa-error { color: #991b1b; }
.newsqa-sources h3 { font-size: 1rem; margin: 0.5rem 0; }
.newsqa-source-list { padding-left: 0; list-style: none; margin: 0; }
.newsqa-source { border: 1px solid #d1d5db; border-radius: 8px; padding: 0.6rem 0.8rem;
  margin-bottom: 0.6rem; }
.newsqa-source.newsqa-active { border-color: #1d4ed8; box-shadow: 0 0 0 2px #1d4ed8; }
.newsqa-title { font-weight: 600; }
.newsqa-title a, a.newsqa-cite { color: #1d4ed8; }
.newsqa-numbers, .newsqa-label { color: #1d4ed8; font-weight: 600; font-size: 0.85rem; }
.newsqa-meta, .newsqa-url, .newsqa-undated { font-size: 0.85rem; color: #4b5563; }
.newsqa-url { overflow-wrap: anywhere; }
.newsqa-chunk { white-space: pre-wrap; margin: 0.5rem 0 0; padding: 0.2rem 0.6rem;
  border-left: 3px solid #d1d5db; font-size: 0.9rem; border-radius: 0 4px 4px 0; }
.newsqa-chunk.newsqa-active { border-left-color: #1d4ed8; background: #eff6ff; }
.newsqa-chunk mark { background: #ffe58a; color: #1f1f1f; padding: 0 1px; }
.dark .newsqa-stats, .dark .newsqa-meta, .dark .newsqa-url, .dark .newsqa-undated {
  color: #d1d5db; }
.dark .newsqa-title a, .dark a.newsqa-cite, .dark .newsqa-numbers, .dark .newsqa-label {
  color: #93c5fd; }
.dark .newsqa-chunk.newsqa-active { background: #1e293b; }
a.newsqa-cite { position: relative; text-decoration: none; font-weight: 600; cursor: pointer; }
.newsqa-preview { display: none; position: absolute; left: -0.5rem; top: 1.5em; z-index: 30;
  width: min(24rem, 78vw); padding: 0.5rem 0.7rem; background: #ffffff; color: #1f2937;
  border: 1px solid #9ca3af; border-radius: 8px; box-shadow: 0 6px 18px rgba(0,0,0,0.18);
  font-weight: 400; font-size: 0.88rem; line-height: 1.35; white-space: normal; text-align: left; }
.newsqa-preview-quote { display: block; }
.newsqa-preview-source { display: block; margin-top: 0.3rem; font-size: 0.8rem; color: #4b5563; }
a.newsqa-cite:hover .newsqa-preview, a.newsqa-cite:focus-visible .newsqa-preview,
a.newsqa-cite.newsqa-open .newsqa-preview { display: block; }
a.newsqa-cite.newsqa-up .newsqa-preview { top: auto; bottom: 1.5em; }
#newsqa-chat .message, #newsqa-chat .message-content, #newsqa-chat .bubble {
  overflow: visible !important; }
.newsqa-inline { margin-top: 0.5rem; }
.newsqa-inline summary { cursor: pointer; color: #1d4ed8; font-weight: 600; }
.newsqa-inline .newsqa-source { margin: 0.5rem 0 0; }
@media (min-width: 769px) { .newsqa-inline { display: none; } }
@media (max-width: 768px) {
  #newsqa-side { display: none; }
  #newsqa-composer { position: fixed; left: 0; right: 0; bottom: 0; z-index: 40; margin: 0;
    padding: 0.5rem; background: var(--background-fill-primary);
    border-top: 1px solid #d1d5db; box-shadow: 0 -4px 12px rgba(0,0,0,0.08); }
  .gradio-container { padding-bottom: 6rem !important; }
  /* The chat fills the screen between the page title and the pinned composer (11rem: both,
     with their margins) instead of the desktop's fixed 520 px; dvh follows the phone's
     browser bars as they show and hide. */
  #newsqa-chat { height: calc(100vh - 11rem) !important; height: calc(100dvh - 11rem) !important;
    min-height: 16rem; }
  /* A tapped marker's preview is a sheet above the composer: a tooltip would leave the screen. */
  .newsqa-preview { position: fixed; left: 0.5rem; right: 0.5rem; top: auto; bottom: 5.5rem;
    width: auto; max-height: 45vh; overflow-y: auto; z-index: 60; }
}
"""

# Markers are links to their passage; this script replaces the browser's jump-to-anchor: on a
# wide screen a click marks that passage (and only it) in the sources panel and scrolls to it,
# on a phone a tap opens the marker's preview in place (the cards fold out under the answer).
CITE_SCRIPT = """
if (!window.newsqaCites) {
  window.newsqaCites = true;
  const narrow = () => window.matchMedia('(max-width: 768px)').matches;
  const clear = (name) => document.querySelectorAll('.' + name)
    .forEach((e) => e.classList.remove(name));
  document.addEventListener('click', (event) => {
    const cite = event.target.closest ? event.target.closest('a.newsqa-cite') : null;
    if (!cite) { clear('newsqa-open'); return; }
    event.preventDefault();
    event.stopPropagation();
    if (narrow()) {
      const open = cite.classList.contains('newsqa-open');
      clear('newsqa-open');
      if (!open) cite.classList.add('newsqa-open');
      return;
    }
    clear('newsqa-active');
    // The chat's sanitiser keeps href but drops data- attributes: the key is in the href.
    const key = (cite.getAttribute('href') || '').replace('#source-', '');
    const passage = document.querySelector(
      '#newsqa-sources-panel .newsqa-chunk[data-cite~="' + key + '"]');
    if (!passage) return;
    passage.classList.add('newsqa-active');
    passage.closest('.newsqa-source').classList.add('newsqa-active');
    passage.scrollIntoView({block: 'center'});
  }, true);
  // A preview opens below its marker, unless that would cut it off at the bottom of the
  // chat box (the last answer's markers sit there): then it opens above.
  const place = (event) => {
    const cite = event.target.closest ? event.target.closest('a.newsqa-cite') : null;
    const chat = document.querySelector('#newsqa-chat');
    if (!cite || !chat || narrow() || cite.contains(event.relatedTarget)) return;
    const preview = cite.querySelector('.newsqa-preview');
    // False while the preview is not laid out yet (the hover style not applied).
    const measure = () => {
      const box = preview.getBoundingClientRect();
      if (!box.height) return false;
      const bottom = Math.min(window.innerHeight, chat.getBoundingClientRect().bottom);
      cite.classList.toggle('newsqa-up', box.bottom > bottom);
      return true;
    };
    cite.classList.remove('newsqa-up');
    if (preview && !measure()) requestAnimationFrame(measure);
  };
  document.addEventListener('mouseover', place, true);
  document.addEventListener('focusin', place, true);
}
"""


def build_app(
    source: Assistant | Loader[Ready],
    *,
    settings: AssistantSettings | None = None,
    users: Users | None = None,
    max_upload_bytes: int = MAX_UPLOAD_BYTES,
    concurrency: int = CONCURRENCY,
    early: EarlyAnswers | None = None,
) -> gr.Blocks:
    """The web app over an assistant, or over a loader that builds one (``serve`` starts it
    once the page is up) with ``settings``; launch it with ``launch()``. Questions asked before
    the loader is done go to ``early``, a second process, when it is ready.

    With ``users``, only their admins may upload and delete articles; uploads larger than
    ``max_upload_bytes`` are refused; ``concurrency`` questions are answered at once."""
    # Imported here: it imports the assistant package, which the page must not wait for.
    from assistant import IndexBusyError
    from ui.upload_files import UPLOAD_TYPES, discard_upload, upload_problem

    if isinstance(source, Loader):
        loader = source
    else:
        assistant = source
        loader = Loader(lambda: prepare(assistant))
        loader.start()

    def filters(outlets: list[str] | None, start: str | None, end: str | None) -> dict[str, Any]:
        return {k: v for k, v in {"outlet": outlets, "from": start, "to": end}.items() if v}

    def conversation(visible: bool) -> tuple[Any, ...]:
        """Updates for the welcome state, the examples and the "New conversation" button:
        the first two show until the first question, the button (like the chat) after it."""
        return (
            gr.HTML(visible=not visible),
            gr.Dataset(visible=not visible),
            gr.Button(visible=visible),
        )

    # Handlers type a conversation as list[Any]: Gradio resolves their annotations at run
    # time to find special arguments (gr.LikeData, gr.Request), and Answer is imported for
    # type checking only.
    def respond(
        message: str,
        answers: list[Any],
        outlets: list[str] | None,
        start: str | None,
        end: str | None,
        k: float,
        answerer: str | None,
    ) -> Iterator[tuple[Any, ...]]:
        question = message.strip()
        if not question:  # nothing asked: leave everything (the sources panel too) as it is
            yield (gr.skip(),) * 7
            return
        shown = [*_messages(answers), _user(question), _assistant(_waiting(loader, early))]
        chat = gr.Chatbot(shown, visible=True)  # type: ignore[arg-type]  # dicts are messages
        yield "", chat, answers, gr.skip(), *conversation(True)
        asked = {
            "history": [a.question for a in answers],
            "filters": filters(outlets, start, end),
            "k": int(k),
            "answerer": answerer,
        }
        text = ""
        try:
            for piece in _answer(question, asked):
                if isinstance(piece, str):
                    text += piece
                    shown[-1] = _assistant(render_answer(text, [], len(answers) + 1))
                    yield "", shown, answers, gr.skip(), *(gr.skip(),) * 3
                else:
                    if piece.notice:
                        gr.Warning(piece.notice)
                    answers = [*answers, piece]
                    yield (
                        "",
                        _messages(answers),
                        answers,
                        render_sources(answers),
                        *(gr.skip(),) * 3,
                    )
        except ValueError as error:  # a filter the assistant cannot read, e.g. a malformed date
            gr.Warning(str(error))
            yield message, _messages(answers), answers, gr.skip(), *(gr.skip(),) * 3
        except RuntimeError as error:  # the assistant could not be loaded
            gr.Warning(str(error))
            yield message, _messages(answers), answers, gr.skip(), *(gr.skip(),) * 3

    def _answer(question: str, asked: dict[str, Any]) -> Iterator[str | Answer]:
        """The assistant's stream, from the early process while the loader is not done."""
        if early is not None and not loader.ready and early.ready:
            started = False
            try:
                for piece in early.stream(question, **asked):
                    started = True
                    yield piece
                return
            except RuntimeError:
                if started:
                    raise
                logger.warning("the early answerer stopped; the app's own assistant answers")
        yield from loader.get().assistant.stream(question, **asked)

    def record(answers: list[Any], like: gr.LikeData) -> None:
        if not isinstance(like.liked, bool):  # un-liking, or a custom option: nothing to record
            return
        index = like.index if isinstance(like.index, int) else like.index[0]
        turn = index // 2  # messages alternate question, answer
        entry = feedback_record(
            answers[turn], earlier=[a.question for a in answers[:turn]], liked=like.liked
        )
        append_feedback(loader.get().assistant.settings.data_dir / "feedback.jsonl", entry)

    def library() -> tuple[Any, ...]:
        """The library, filters and welcome state; while the assistant loads, the loading
        state (and the timer keeps polling, as it does until the example questions are in)."""
        if not loader.ready:
            return (*(gr.skip(),) * 5, render_welcome(None), gr.Timer(active=True))
        if loader.error is not None:
            message = render_welcome(None, error=str(loader.error))
            return (*(gr.skip(),) * 5, message, gr.Timer(active=False))
        ready = loader.get()
        rows = ready.assistant.sources()
        stats = Stats.of(rows)
        ready.restate(stats)
        table = [
            [r.title, r.outlet, r.published.isoformat() if r.published else "", r.chunks]
            for r in rows
        ]
        articles = [(r.title or r.id, r.id) for r in rows]
        # While the example questions are being chosen the timer goes on asking; a choice
        # made meanwhile in the delete list is kept.
        pending = ready.examples_pending
        return (
            gr.Dropdown(choices=list(stats.outlets)),
            table,
            gr.Dropdown(choices=articles) if pending else gr.Dropdown(choices=articles, value=None),
            gr.Dataset(samples=[[q] for q in ready.welcome.examples]),
            f"{plural(stats.articles, 'article')}, {plural(stats.passages, 'passage')} indexed.",
            render_welcome(ready.welcome),
            gr.Timer(active=pending),
        )

    def refresh() -> tuple[Any, ...]:
        """The library after the index changed, with example questions written from what it
        now holds (the newest articles first, so an upload's own question comes up)."""
        if loader.ready and loader.error is None:
            loader.get().resurvey()
        return library()

    def may_write(request: gr.Request | None) -> bool:
        return users is None or users.may_write(getattr(request, "username", None))

    def controls(request: gr.Request) -> tuple[Any, ...]:
        """Show a signed-in user the upload, delete and feed controls only if they may use
        them (the handlers refuse the others all the same)."""
        writer = may_write(request)
        return (
            gr.Row(visible=writer),
            gr.Row(visible=writer),
            gr.Column(visible=writer),
            gr.Markdown(visible=not writer),
        )

    # Gradio finds the progress tracker by this default value.
    def ingest(
        files: list[str] | None,
        request: gr.Request,
        progress: gr.Progress = gr.Progress(),  # noqa: B008
    ) -> str:
        if not files:
            return "Choose files to upload first."
        tally = UploadTally()
        try:  # indexed or refused, Gradio's copy of an upload is not kept
            if not may_write(request):
                return "Not indexed: only admins may upload articles."
            assistant = loader.get().assistant
            for done, file in enumerate(files):
                progress((done, len(files)), desc=tally.progress(done, len(files)))
                problem = upload_problem(Path(file), max_upload_bytes)
                if problem is not None:
                    tally.fail(file, problem)
                    continue
                try:
                    tally.add(file, assistant.ingest([file]))
                except IndexBusyError as error:
                    return _busy(error) + "\n" + tally.summary()
        finally:
            for file in files:
                discard_upload(Path(file))
        progress((len(files), len(files)), desc=tally.progress(len(files), len(files)))
        return tally.summary()

    def delete(article_id: str | None, request: gr.Request) -> str:
        if not may_write(request):
            return "Not deleted: only admins may delete articles."
        if not article_id:
            return "Choose an article to delete."
        try:
            deleted = loader.get().assistant.delete(article_id)
        except IndexBusyError as error:
            return f"Not deleted: {_busy(error)}"
        except ValueError as error:  # a blank key, or a URL several articles share
            return f"Not deleted: {error}"
        return "Deleted." if deleted else "That article is not indexed."

    def ask(
        question: str,
        outlet: list[str] | None = None,
        published_from: str | None = None,
        published_to: str | None = None,
        k: int | None = None,
        history: list[str] | None = None,
        answerer: str | None = None,
        as_of: str | None = None,
    ) -> dict[str, Any]:
        """Answer a question from the indexed articles: the Answer as JSON, with its text
        (``[n]`` markers) and its citations (title, outlet, published, url, quote, ...).
        ``as_of`` (YYYY-MM-DD) prefers articles published just before that date."""
        asked = {
            "history": history or [],
            "filters": filters(outlet, published_from, published_to),
            "k": k,
            "answerer": answerer,
            "as_of": as_of or None,
        }
        try:
            *_, answer = _answer(question, asked)
        except ValueError as error:
            raise gr.Error(str(error)) from error
        assert not isinstance(answer, str)  # a stream ends with its Answer
        return answer.model_dump(mode="json")

    def new_conversation() -> tuple[Any, ...]:
        return [], gr.Chatbot([], visible=False), EMPTY_SOURCES, *conversation(False)

    # Uploads and deletes run one at a time; questions run together (the Assistant lets
    # searches overlap, and makes an ingest or delete wait for the searches under way).
    serial: dict[str, Any] = {"concurrency_id": "assistant", "concurrency_limit": 1}
    questions: dict[str, Any] = {"concurrency_id": "questions", "concurrency_limit": concurrency}
    private: dict[str, Any] = {"api_visibility": "private"}
    page = (
        _PageSettings.of(settings)
        if isinstance(source, Loader)
        else _PageSettings.of_assistant(source)
    )

    with gr.Blocks(title="newsqa", analytics_enabled=False) as app:
        answers = gr.State([])
        poll = gr.Timer(POLL_SECONDS, active=True)
        gr.Markdown("# newsqa")
        with gr.Row():
            with gr.Column(scale=3):
                welcome = gr.HTML(render_welcome(None), elem_id="newsqa-welcome")
                examples = gr.Dataset(
                    components=[gr.Textbox(visible=False)],
                    label="Try asking",
                    samples=[],
                    elem_id="newsqa-examples",
                )
                chatbot = gr.Chatbot(
                    label="Conversation",
                    height=520,
                    render_markdown=False,  # messages are HTML built by ui.render, never Markdown
                    latex_delimiters=[],
                    buttons=["copy"],
                    elem_id="newsqa-chat",
                    visible=False,
                )
                with gr.Row(elem_id="newsqa-composer", equal_height=True):
                    question = gr.Textbox(
                        placeholder="Ask a question…",
                        show_label=False,
                        scale=5,
                        min_width=180,
                        elem_id="newsqa-question",
                    )
                    send = gr.Button(
                        "Ask", variant="primary", scale=1, min_width=72, elem_id="newsqa-ask"
                    )
                # Shown only when there is a choice: an LLM is configured besides the default.
                answerer = gr.Radio(
                    choices=[(label, name) for name, label in page.answerers],
                    value=page.answerer,
                    label="Answerer",
                    visible=len(page.answerers) > 1,
                    elem_id="newsqa-answerer",
                )
                new_chat = gr.Button(
                    "New conversation", size="sm", elem_id="newsqa-new", visible=False
                )
            with gr.Column(scale=2, elem_id="newsqa-side"):
                gr.Markdown("### Sources")
                sources = gr.HTML(
                    EMPTY_SOURCES,
                    js_on_load=CITE_SCRIPT,
                    max_height=620,
                    elem_id="newsqa-sources-panel",
                )
        with gr.Accordion("Filters", open=False), gr.Row():
            outlets = gr.Dropdown(
                label="Outlets", choices=[], multiselect=True, elem_id="newsqa-outlets"
            )
            start = gr.DateTime(
                label="Published from",
                include_time=False,
                type="string",
                elem_id="newsqa-from",
            )
            end = gr.DateTime(
                label="Published to", include_time=False, type="string", elem_id="newsqa-to"
            )
            k = gr.Slider(1, 20, value=page.k, step=1, label="Passages to read")
        with gr.Accordion("Articles", open=False, elem_id="newsqa-library"):
            counts = gr.Markdown()
            # With logins, the write controls stay hidden until the page knows who is signed
            # in (``controls``): a reader never sees them, not even while the page loads.
            reader_note = gr.Markdown(
                "Only admins may upload or delete articles.",
                visible=False,
                elem_id="newsqa-reader-note",
            )
            with gr.Row(visible=users is None, elem_id="newsqa-upload-row") as upload_row:
                uploads = gr.File(
                    label="Upload articles",
                    file_count="multiple",
                    file_types=UPLOAD_TYPES,
                    type="filepath",
                    elem_id="newsqa-upload",
                )
                with gr.Column():
                    index_button = gr.Button("Index uploaded files", elem_id="newsqa-index")
                    status = gr.Textbox(
                        label="Result", interactive=False, lines=3, elem_id="newsqa-status"
                    )
            table = gr.Dataframe(
                elem_id="newsqa-articles",
                headers=["Title", "Outlet", "Published", "Passages"],
                datatype="str",
                interactive=False,
                wrap=True,
            )
            with gr.Row(visible=users is None, elem_id="newsqa-delete-row") as delete_row:
                doomed = gr.Dropdown(
                    label="Article to delete", choices=[], scale=3, elem_id="newsqa-doomed"
                )
                delete_button = gr.Button(
                    "Delete article", variant="stop", scale=1, elem_id="newsqa-delete"
                )

        library_outputs = [outlets, table, doomed, examples, counts, welcome, poll]
        with gr.Column(visible=users is None, elem_id="newsqa-feeds-box") as feeds_box:
            feeds_panel(
                lambda: loader.get().assistant,
                may_write=may_write,
                on_change=(refresh, library_outputs),
                **serial,
                **private,
            )
        ask_inputs = [question, answers, outlets, start, end, k, answerer]
        ask_outputs = [question, chatbot, answers, sources, welcome, examples, new_chat]
        for trigger in (question.submit, send.click):
            trigger(respond, ask_inputs, ask_outputs, **questions, **private)
        # An example is asked at once, as answer engines do with their suggestions.
        examples.click(lambda sample: sample[0], examples, question, **private).then(
            respond, ask_inputs, ask_outputs, **questions, **private
        )
        chatbot.like(record, answers, None, **private)
        for reset in (new_chat.click, chatbot.clear):
            reset(
                new_conversation,
                None,
                [answers, chatbot, sources, welcome, examples, new_chat],
                **private,
            )
        index_button.click(ingest, uploads, status, **serial, **private).then(
            refresh, None, library_outputs, **serial, **private
        )
        delete_button.click(delete, doomed, status, **serial, **private).then(
            refresh, None, library_outputs, **serial, **private
        )
        app.load(library, None, library_outputs, **private)
        if users is not None:
            app.load(controls, None, [upload_row, delete_row, feeds_box, reader_note], **private)
        poll.tick(library, None, library_outputs, **private)
        gr.api(ask, api_name="ask", **questions)
    return app


def launch(
    app: gr.Blocks,
    *,
    host: str = "127.0.0.1",
    port: int = 7860,
    block: bool = True,
    users: Users | None = None,
    max_upload_bytes: int = MAX_UPLOAD_BYTES,
) -> str:
    """Serve ``app`` on ``host:port`` with no share link and nothing fetched from outside;
    returns its local URL. With ``block=False`` the server runs in a background thread.

    ``users`` (those given to ``build_app``) must log in; without them, listening beyond
    loopback logs a warning. Larger uploads than ``max_upload_bytes`` are refused, and the
    files Gradio keeps for this app are deleted when it stops."""
    if users is None and not is_loopback(host):
        logger.warning(
            "listening on %s without auth: anyone who reaches this address can ask, upload "
            "and delete articles; add --auth user:password or --users FILE",
            host,
        )
    # Gradio's temporary files of this app, uploads among them, go when the server stops.
    app.delete_cache = app.delete_cache or (3600, 3600)
    _, url, _ = app.launch(
        server_name=host,
        server_port=port,
        share=False,
        prevent_thread_lock=not block,
        theme=THEME,
        css=CSS,
        footer_links=["api", "settings"],
        enable_monitoring=False,
        auth=users.login if users else None,
        auth_message="newsqa: log in with the user name and password you were given.",
        max_file_size=max_upload_bytes,
    )
    return url


def _busy(error: IndexBusyError) -> str:
    """One line for a person when another writer holds the index."""
    holder = error.holder[0].upper() + error.holder[1:]
    return f"{holder} is writing to the index; try again when it has finished."


@dataclass(frozen=True)
class _PageSettings:
    """What the page needs to know before the assistant has loaded."""

    answerers: list[tuple[str, str]]  # (name, label)
    answerer: str
    k: int

    @classmethod
    def of(cls, settings: AssistantSettings | None) -> _PageSettings:
        """From the settings the assistant is being built with; None: the defaults."""
        if settings is None:
            return cls([("grounded", _OFFLINE)], "grounded", 4)
        answerers = [("grounded", _OFFLINE)]
        if settings.llm:
            answerers.append(("llm", _llm_label(settings.llm)))
        return cls(answerers, settings.answerer, settings.k)

    @classmethod
    def of_assistant(cls, assistant: Assistant) -> _PageSettings:
        """From a built assistant: the answerers it has."""
        answerers = [
            (
                name,
                _llm_label(model) if (model := getattr(answerer, "model_name", "")) else _OFFLINE,
            )
            for name, answerer in assistant.answerers.items()
        ]
        return cls(answerers, assistant.settings.answerer, assistant.settings.k)


def _llm_label(model: str) -> str:
    return f"LLM ({model}), citations verified"


_OFFLINE = "Offline: quotes the articles"


def _waiting(loader: Loader[Ready], early: EarlyAnswers | None) -> str:
    if loader.ready or (early is not None and early.ready):
        return "…"
    return (
        '<span class="newsqa-waiting">… the assistant is still loading; the answer follows.</span>'
    )


def _user(question: str) -> dict[str, str]:
    return {"role": "user", "content": escape(question)}


def _assistant(content: str) -> dict[str, str]:
    return {"role": "assistant", "content": content}


def _messages(answers: list[Answer]) -> list[dict[str, str]]:
    messages = []
    for turn, answer in enumerate(answers, start=1):
        messages += [
            _user(answer.question),
            _assistant(render_message(answer, turn)),
        ]
    return messages
