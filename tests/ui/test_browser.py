"""The app in a real browser: Debian's chromium driven by Playwright, no network but loopback."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Route, expect, sync_playwright

from tests.ui.conftest import Served

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
SCREENSHOT = REPO / "test-artifacts" / "ui-answer.png"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
LOOPBACK = {"127.0.0.1", "localhost"}


def loopback_only(outside: list[str]) -> Callable[[Route], None]:
    """A route handler that lets loopback requests through and aborts, recording in
    ``outside``, every request to any other host."""

    def route(request: Route) -> None:
        if urlsplit(request.request.url).hostname in LOOPBACK:
            request.continue_()
        else:
            outside.append(request.request.url)
            request.abort()

    return route


WAIT_MS = 30_000

SAMPLE_TITLE = "U.S. Strikes Iran-Backed Militias In Iraq-Syria Border Area"
NEW_TITLE = "Zorbland Parliament Approves Glacier Tax"
NEW_ARTICLE = f"""{NEW_TITLE}

The parliament of Zorbland approved a tax on glacier tourism on 3 March 2024, officials said. \
The tax of 40 zorbs per visitor will fund the repair of mountain trails damaged by melting ice.

Opposition members said the glacier tax would drive tourists to neighbouring countries.
"""
# A title that would run script if any part of the page rendered article text as HTML.
HOSTILE_TITLE = '<img src=x onerror="document.title=`pwned`">Hostile <b>title</b>'
HOSTILE_ARTICLE = f"{HOSTILE_TITLE}\n\nThis article exists to check that titles stay inert text.\n"


@pytest.fixture
def browser_page(served: Served) -> Iterator[tuple[Page, list[str]]]:
    """A chromium page on the app, and the list of requests it tried to send off loopback."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    outside: list[str] = []

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(WAIT_MS)
            page.route("**/*", loopback_only(outside))
            page.goto(served.url, wait_until="load")
            yield page, outside
        finally:
            browser.close()


def _ask(page: Page, question: str, turn: int) -> None:
    page.locator("#newsqa-question textarea").fill(question)
    page.locator("#newsqa-ask").click()
    # The final answer, unlike the streamed pieces, links its markers to the sources panel.
    page.locator(f'#newsqa-chat a[href="#source-{turn}-1"]').wait_for(timeout=WAIT_MS)


def test_ask_cite_upload_and_ask_again(
    browser_page: tuple[Page, list[str]], served: Served, tmp_path: Path
) -> None:
    page, outside = browser_page
    chat = page.locator("#newsqa-chat")
    panel = page.locator("#newsqa-sources-panel")
    # Before the first question: the welcome state, no empty chat.
    expect(page.locator("#newsqa-welcome")).to_contain_text("article", timeout=300_000)
    expect(chat).to_be_hidden()

    _ask(page, "Why did the US strike in June 2021?", turn=1)
    expect(chat).to_contain_text("retaliation")
    card = panel.locator(".newsqa-source").first
    expect(card).to_contain_text(SAMPLE_TITLE)
    expect(card.locator("time")).to_have_attribute("datetime", "2021-06-27")
    expect(card.locator("a[target=_blank]")).to_have_attribute("rel", "noopener noreferrer")
    source = panel.locator("#source-1-1")

    # The [1] marker leads to the passage, its quote highlighted in view.
    chat.locator('a[href="#source-1-1"]').click()
    expect(source).to_have_class(re.compile("newsqa-active"))
    quote = source.locator("mark")
    expect(quote).to_contain_text("in retaliation for drone attacks")
    expect(quote).to_be_in_viewport()

    # Feedback lands in the data folder in the gold-case shape.
    chat.get_by_role("button", name="Dislike").first.click()
    feedback = served.data_dir / "feedback.jsonl"
    for _ in range(50):
        if feedback.exists() and feedback.read_text().strip():
            break
        page.wait_for_timeout(100)
    record = json.loads(feedback.read_text().splitlines()[-1])
    assert record["liked"] is False and record["type"] == "feedback"
    assert record["question"] == "Why did the US strike in June 2021?"
    assert record["gold_urls"] == [
        "https://www.rferl.org/a/us-strike-iran-militia-iraq-syria/31328792.html"
    ]

    # Upload a new article (and a hostile one) and index them.
    (tmp_path / "zorbland.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    (tmp_path / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    page.get_by_text("Articles", exact=True).click()
    page.locator("#newsqa-upload input[type=file]").set_input_files(
        [tmp_path / "zorbland.txt", tmp_path / "hostile.txt"]
    )
    uploaded = page.locator("#newsqa-upload").get_by_role("button", name="Remove this file")
    expect(uploaded).to_have_count(2)
    page.locator("#newsqa-index").click()
    status = page.locator("#newsqa-status textarea")
    expect(status).to_have_value(re.compile(r"^2 added, 0 failed, 2 passages, [\d.]+ s\n"))
    expect(status).to_have_value(re.compile(r"\nindexed: zorbland\.txt, hostile\.txt$"))
    articles = page.locator("#newsqa-articles")
    expect(articles).to_contain_text(NEW_TITLE)
    expect(articles).to_contain_text("Hostile <b>title</b>")

    _ask(page, "What did the parliament of Zorbland approve?", turn=2)
    expect(chat).to_contain_text("glacier")
    expect(panel.locator(".newsqa-source").first).to_contain_text(NEW_TITLE)

    page.locator("#newsqa-chat").scroll_into_view_if_needed()
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)

    # Delete the hostile article through the UI.
    page.locator("#newsqa-doomed input").click()
    page.get_by_role("option", name="Hostile").click()
    page.locator("#newsqa-delete").click()
    expect(status).to_have_value("Deleted.")
    expect(articles).not_to_contain_text("Hostile")
    assert not any("Hostile" in row.title for row in served.assistant.sources())

    assert page.title() != "pwned"
    assert page.locator("img[src=x]").count() == 0
    assert outside == [], f"the page tried to leave loopback: {outside}"
