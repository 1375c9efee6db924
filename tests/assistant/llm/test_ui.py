"""The answerer picker in the web app: hidden with one answerer; with an LLM configured, a
person picks it and gets an answer whose every citation was verified (in a real browser)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import Answer, Assistant, AssistantSettings
from assistant.api import llm_answerer
from tests.assistant.llm.conftest import MODEL_ALIAS
from tests.network import free_port

REPO = Path(__file__).resolve().parents[3]
SCREENSHOT = REPO / "test-artifacts" / "ui-llm-answer.png"
CHROMIUM = Path("/usr/bin/chromium")
WAIT_MS = 180_000


def _picker(app: object) -> object:
    blocks = app.blocks.values()  # type: ignore[attr-defined]
    return next(b for b in blocks if getattr(b, "elem_id", None) == "newsqa-answerer")


def test_the_picker_is_hidden_with_one_answerer(tmp_path: Path) -> None:
    from ui.app import build_app

    assistant = Assistant(AssistantSettings(data_dir=tmp_path, sample_if_empty=False))
    assert _picker(build_app(assistant)).visible is False  # type: ignore[attr-defined]


@pytest.fixture
def llm_app(llama_server: str, tmp_path: Path) -> Iterator[tuple[str, Assistant]]:
    from ui.app import build_app, launch

    settings = AssistantSettings(
        data_dir=tmp_path, progress=False, sample_if_empty=True, k=2, llm_max_tokens=64
    )
    assistant = Assistant(settings)
    assistant.answerers["llm"] = llm_answerer(
        settings.model_copy(update={"llm": f"openai:{MODEL_ALIAS}", "llm_base_url": llama_server})
    )
    app = build_app(assistant)
    assert _picker(app).visible is True  # type: ignore[attr-defined]
    url = launch(app, host="127.0.0.1", port=free_port(), block=False)
    try:
        yield url, assistant
    finally:
        app.close()


@pytest.mark.slow
def test_a_person_picks_the_llm_and_sees_only_verified_citations(
    llm_app: tuple[str, Assistant],
) -> None:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    url, assistant = llm_app
    asked: list[Answer] = []
    stream = assistant.stream

    def recorded(*args: object, **kwargs: object) -> Iterator[str | Answer]:
        for piece in stream(*args, **kwargs):  # type: ignore[arg-type]
            if isinstance(piece, Answer):
                asked.append(piece)
            yield piece

    assistant.stream = recorded  # type: ignore[method-assign]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(WAIT_MS)
            page.goto(url, wait_until="load")
            page.locator("#newsqa-answerer").get_by_text("LLM (").click()
            page.locator("#newsqa-question textarea").fill("Who ordered the air strikes?")
            page.locator("#newsqa-ask").click()
            page.locator('#newsqa-chat a[href="#source-1-1"]').wait_for(timeout=WAIT_MS)
            SCREENSHOT.parent.mkdir(exist_ok=True)
            page.screenshot(path=str(SCREENSHOT), full_page=True)
            shown = page.locator("#newsqa-chat").inner_text()
        finally:
            browser.close()
    # The app asks its example questions in the background too: keep the person's question.
    (answer,) = [a for a in asked if a.question == "Who ordered the air strikes?"]
    assert answer.model == f"openai:{MODEL_ALIAS}"
    assert answer.citations and "Biden" in shown
    for citation in answer.citations:
        assert citation.quote in citation.chunk_text
