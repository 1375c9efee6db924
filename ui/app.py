"""The Gradio app: chat with streamed, cited answers, a sources panel, filters and the library.

One ``Assistant`` serves every browser session; each session keeps its own conversation in a
``gr.State`` (its list of ``Answer`` objects, oldest first).
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any

import gradio as gr

from assistant import Answer, Assistant
from ui.feedback import append_feedback, feedback_record
from ui.render import EMPTY_SOURCES, render_answer, render_sources

UPLOAD_TYPES = [".txt", ".md", ".html", ".json", ".jsonl"]
EXAMPLES = 4

# System fonts only: the default theme would fetch Inter and IBM Plex Mono from Google.
THEME = gr.themes.Default(
    font=["ui-sans-serif", "system-ui", "sans-serif"],
    font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
)

CSS = """
.newsqa-sources h3 { font-size: 1rem; margin: 0.5rem 0; }
.newsqa-source-list { padding-left: 0; list-style: none; }
.newsqa-source { border: 1px solid var(--border-color-primary); border-radius: 8px;
                 padding: 0.6rem 0.8rem; margin-bottom: 0.6rem; }
.newsqa-source:target { border-color: var(--color-accent);
                        box-shadow: 0 0 0 2px var(--color-accent); }
.newsqa-title { font-weight: 600; }
.newsqa-meta, .newsqa-url { font-size: 0.85rem; color: var(--body-text-color-subdued); }
.newsqa-url { overflow-wrap: anywhere; }
.newsqa-chunk { white-space: pre-wrap; margin: 0.5rem 0 0; padding-left: 0.6rem;
                border-left: 3px solid var(--border-color-primary); font-size: 0.9rem; }
.newsqa-chunk mark { background: #ffe58a; color: #1f1f1f; padding: 0 1px; }
"""


def build_app(assistant: Assistant) -> gr.Blocks:
    """The web app over ``assistant``; launch it with ``launch()``."""
    feedback_path = assistant.settings.data_dir / "feedback.jsonl"

    def filters(outlets: list[str] | None, start: str | None, end: str | None) -> dict[str, Any]:
        return {k: v for k, v in {"outlet": outlets, "from": start, "to": end}.items() if v}

    def respond(
        message: str,
        answers: list[Answer],
        outlets: list[str] | None,
        start: str | None,
        end: str | None,
        k: float,
        answerer: str | None,
    ) -> Iterator[tuple[Any, ...]]:
        question = message.strip()
        if not question:
            return
        shown = [*_messages(answers), _user(question), _assistant("…")]
        yield "", shown, answers, gr.skip()
        text = ""
        try:
            for piece in assistant.stream(
                question,
                history=[a.question for a in answers],
                filters=filters(outlets, start, end),
                k=int(k),
                answerer=answerer,
            ):
                if isinstance(piece, Answer):
                    if piece.notice:
                        gr.Warning(piece.notice)
                    answers = [*answers, piece]
                    yield "", _messages(answers), answers, render_sources(answers)
                else:
                    text += piece
                    shown[-1] = _assistant(render_answer(text, [], len(answers) + 1))
                    yield "", shown, answers, gr.skip()
        except ValueError as error:  # a filter the assistant cannot read, e.g. a malformed date
            gr.Warning(str(error))
            yield message, _messages(answers), answers, gr.skip()

    def record(answers: list[Answer], like: gr.LikeData) -> None:
        if not isinstance(like.liked, bool):  # un-liking, or a custom option: nothing to record
            return
        index = like.index if isinstance(like.index, int) else like.index[0]
        turn = index // 2  # messages alternate question, answer
        entry = feedback_record(
            answers[turn], earlier=[a.question for a in answers[:turn]], liked=like.liked
        )
        append_feedback(feedback_path, entry)

    def library() -> tuple[Any, ...]:
        rows = assistant.sources()
        outlets = sorted({r.outlet for r in rows if r.outlet})
        table = [
            [r.title, r.outlet, r.published.isoformat() if r.published else "", r.chunks, r.id]
            for r in rows
        ]
        return (
            gr.Dropdown(choices=outlets),
            table,
            gr.Dropdown(choices=[(r.title or r.id, r.id) for r in rows], value=None),
            gr.Dataset(samples=[[_example(r.title)] for r in rows[:EXAMPLES] if r.title]),
            f"{len(rows)} articles, {sum(r.chunks for r in rows)} passages indexed.",
        )

    # Gradio finds the progress tracker by this default value.
    def ingest(files: list[str] | None, progress: gr.Progress = gr.Progress()) -> str:  # noqa: B008
        if not files:
            return "Choose files to upload first."
        lines = []
        for file in progress.tqdm(files, desc="Indexing"):
            report = assistant.ingest([file])
            lines.append(f"{Path(file).name}: {report.summary()}")
        return "\n".join(lines)

    def delete(article_id: str | None) -> str:
        if not article_id:
            return "Choose an article to delete."
        try:
            deleted = assistant.delete(article_id)
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
    ) -> dict[str, Any]:
        """Answer a question from the indexed articles: the Answer as JSON, with its text
        (``[n]`` markers) and its citations (title, outlet, published, url, quote, ...)."""
        try:
            answer = assistant.ask(
                question,
                filters=filters(outlet, published_from, published_to),
                k=k,
                history=history,
                answerer=answerer,
            )
        except ValueError as error:
            raise gr.Error(str(error)) from error
        return answer.model_dump(mode="json")

    # The index is one SQLite connection and one Chroma collection shared by every session:
    # events that touch it run one at a time, so an ingest never interleaves with a search.
    serial: dict[str, Any] = {"concurrency_id": "assistant", "concurrency_limit": 1}
    private: dict[str, Any] = {"api_visibility": "private"}

    with gr.Blocks(title="newsqa", analytics_enabled=False) as app:
        answers = gr.State([])
        gr.Markdown(
            "# newsqa\nAsk about the indexed news articles: every answer cites its sources."
        )
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(
                    label="Conversation",
                    height=520,
                    render_markdown=False,  # messages are HTML built by ui.render, never Markdown
                    latex_delimiters=[],
                    buttons=["copy"],
                    elem_id="newsqa-chat",
                )
                with gr.Row():
                    question = gr.Textbox(
                        placeholder="Ask a question…",
                        show_label=False,
                        scale=5,
                        elem_id="newsqa-question",
                    )
                    send = gr.Button("Ask", variant="primary", scale=1, elem_id="newsqa-ask")
                # Shown only when there is a choice: an LLM is configured besides the default.
                answerer = gr.Radio(
                    choices=[(_answerer_label(assistant, n), n) for n in assistant.answerers],
                    value=assistant.settings.answerer,
                    label="Answerer",
                    visible=len(assistant.answerers) > 1,
                    elem_id="newsqa-answerer",
                )
                examples = gr.Dataset(components=[question], label="Try asking", samples=[])
                new_chat = gr.Button("New conversation", size="sm")
            with gr.Column(scale=2):
                gr.Markdown("### Sources")
                sources = gr.HTML(
                    EMPTY_SOURCES,
                    js_on_load=None,
                    max_height=620,
                    elem_id="newsqa-sources-panel",
                )
        with gr.Accordion("Filters", open=False), gr.Row():
            outlets = gr.Dropdown(label="Outlets", choices=[], multiselect=True)
            start = gr.DateTime(label="Published from", include_time=False, type="string")
            end = gr.DateTime(label="Published to", include_time=False, type="string")
            k = gr.Slider(1, 20, value=assistant.settings.k, step=1, label="Passages to read")
        with gr.Accordion("Articles", open=False):
            counts = gr.Markdown()
            with gr.Row():
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
                headers=["Title", "Outlet", "Published", "Passages", "Id"],
                datatype="str",
                interactive=False,
                wrap=True,
            )
            with gr.Row():
                doomed = gr.Dropdown(
                    label="Article to delete", choices=[], scale=3, elem_id="newsqa-doomed"
                )
                delete_button = gr.Button(
                    "Delete article", variant="stop", scale=1, elem_id="newsqa-delete"
                )

        library_outputs = [outlets, table, doomed, examples, counts]
        ask_inputs = [question, answers, outlets, start, end, k, answerer]
        ask_outputs = [question, chatbot, answers, sources]
        for trigger in (question.submit, send.click):
            trigger(respond, ask_inputs, ask_outputs, **serial, **private)
        examples.click(lambda sample: sample[0], examples, question, **private)
        chatbot.like(record, answers, None, **private)
        for reset in (new_chat.click, chatbot.clear):
            reset(lambda: ([], [], EMPTY_SOURCES), None, [answers, chatbot, sources], **private)
        index_button.click(ingest, uploads, status, **serial, **private).then(
            library, None, library_outputs, **serial, **private
        )
        delete_button.click(delete, doomed, status, **serial, **private).then(
            library, None, library_outputs, **serial, **private
        )
        app.load(library, None, library_outputs, **serial, **private)
        gr.api(ask, api_name="ask", **serial)
    return app


def launch(app: gr.Blocks, *, host: str = "127.0.0.1", port: int = 7860, block: bool = True) -> str:
    """Serve ``app`` on ``host:port`` with no share link and nothing fetched from outside;
    returns its local URL. With ``block=False`` the server runs in a background thread."""
    _, url, _ = app.launch(
        server_name=host,
        server_port=port,
        share=False,
        prevent_thread_lock=not block,
        theme=THEME,
        css=CSS,
        footer_links=["api", "settings"],
        enable_monitoring=False,
    )
    return url


def _answerer_label(assistant: Assistant, name: str) -> str:
    model = getattr(assistant.answerers[name], "model_name", "")
    if model:
        return f"LLM ({model}), citations verified"
    return "Offline: quotes the articles"


def _example(title: str) -> str:
    return f"What happened: {title}?"


def _user(question: str) -> dict[str, str]:
    return {"role": "user", "content": escape(question)}


def _assistant(content: str) -> dict[str, str]:
    return {"role": "assistant", "content": content}


def _messages(answers: list[Answer]) -> list[dict[str, str]]:
    messages = []
    for turn, answer in enumerate(answers, start=1):
        messages += [
            _user(answer.question),
            _assistant(render_answer(answer.text, answer.citations, turn)),
        ]
    return messages
