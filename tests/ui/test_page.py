"""The answer page as a person sees it, in Debian's chromium at desktop (1366 px) and phone
(390 px) widths: the welcome state and its examples following what is indexed, an answer with
its hover (or tap) preview and sources, a follow-up over the sample among the BBC politics
articles, the upload summary, a filter that matches nothing, and the write controls shown only
to those who may use them. Screenshots go to test-artifacts/."""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import (
    Browser,
    Locator,
    Page,
    ViewportSize,
    expect,
    sync_playwright,
)

from assistant import Assistant
from tests.network import free_port
from tests.ui.conftest import Served
from tests.ui.test_browser import CHROMIUM, CHROMIUM_ARGS, SAMPLE_TITLE, loopback_only

pytestmark = pytest.mark.slow

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
DESKTOP = ViewportSize(width=1366, height=900)
PHONE = ViewportSize(width=390, height=844)
WAIT_MS = 60_000
# The first page load may come while the assistant is still warming up on a busy machine.
LOAD_MS = 300_000
QUESTION = "Why did the US strike in June 2021?"
FOLLOW_UP = "And when was the strike before that?"
QUOTE = "in retaliation for drone attacks"
SAMPLE_URL = "https://www.rferl.org/a/us-strike-iran-militia-iraq-syria/31328792.html"
PASSWORDS = {"alice": "wonder-land", "bob": "builder:42"}
# Every control that changes the index: only those who may change it see them.
WRITE_CONTROLS = [
    "#newsqa-upload",
    "#newsqa-index",
    "#newsqa-doomed",
    "#newsqa-delete",
    "#newsqa-feed-url",
    "#newsqa-feed-add",
    "#newsqa-feed-poll",
]

# WCAG 2 contrast of an element's text colour against the first opaque background behind it.
CONTRAST_JS = """
(element) => {
  const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  let node = element, background = [255, 255, 255];
  while (node) {
    const c = rgb(getComputedStyle(node).backgroundColor);
    if (c.length >= 3 && (c.length === 3 || c[3] > 0.5)) { background = c.slice(0, 3); break; }
    node = node.parentElement;
  }
  const a = lum(rgb(getComputedStyle(element).color).slice(0, 3)), b = lum(background);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def with_logins(served: Served) -> Iterator[Served]:
    """The app over the same assistant with logins: alice is the admin, bob a reader."""
    from ui.access import load_users
    from ui.app import build_app, launch
    from ui.loading import Loader
    from ui.ready import prepare

    users = load_users([f"{name}:{word}" for name, word in PASSWORDS.items()], None, [])
    app = build_app(Loader.of(prepare(served.assistant)), users=users)
    url = launch(app, host="127.0.0.1", port=free_port(), block=False, users=users)
    try:
        yield Served(url, served.assistant, served.data_dir)
    finally:
        app.close()


@pytest.fixture(scope="module")
def politics_served(politics_assistant: Assistant) -> Iterator[Served]:
    """The app over the sample article among the 397 BBC politics articles."""
    from ui.app import build_app, launch

    app = build_app(politics_assistant)
    url = launch(app, host="127.0.0.1", port=free_port(), block=False)
    try:
        yield Served(url, politics_assistant, politics_assistant.settings.data_dir)
    finally:
        app.close()


@contextmanager
def _page(
    browser: Browser, served: Served, viewport: ViewportSize, *, login: str | None = None
) -> Iterator[Page]:
    """A page on the app at ``viewport`` (a phone's touch screen at phone width), once the
    assistant has loaded, signed in as ``login`` through the login form if given; fails if
    the page tries to reach beyond loopback."""
    phone = viewport["width"] < 500
    context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)
    outside: list[str] = []

    try:
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        page.route("**/*", loopback_only(outside))
        page.goto(served.url, wait_until="load")
        if login is not None:
            page.get_by_label("username").fill(login)
            page.get_by_label("password").fill(PASSWORDS[login])
            page.get_by_role("button", name="Login").click()
        expect(page.locator("#newsqa-welcome .newsqa-stats")).to_be_visible(timeout=LOAD_MS)
        expect(page.locator("#newsqa-welcome .newsqa-loading")).to_have_count(0, timeout=LOAD_MS)
        yield page
    finally:
        context.close()
    assert outside == [], f"the page tried to leave loopback: {outside}"


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name))


def _ask(page: Page, question: str, turn: int) -> Locator:
    """Ask ``question``; the final answer's first marker (streamed pieces have none)."""
    page.locator("#newsqa-question textarea").fill(question)
    page.locator("#newsqa-ask").click()
    marker = page.locator(f'#newsqa-chat a.newsqa-cite[href="#source-{turn}-1"]')
    marker.wait_for(timeout=WAIT_MS)
    return marker


def _contrast(locator: Locator) -> float:
    return float(locator.evaluate(CONTRAST_JS))


def _highlighted(page: Page) -> list[str]:
    """The cards of the sources panel drawn highlighted (by whatever CSS does it), each as
    the data-cite keys of its passages."""
    return [
        " ".join(card.locator(".newsqa-chunk").evaluate_all("e => e.map(x => x.dataset.cite)"))
        for card in page.locator("#newsqa-sources-panel .newsqa-source").all()
        if card.evaluate("e => getComputedStyle(e).boxShadow") != "none"
    ]


def _pinned(page: Page, height: int) -> None:
    """The composer sits at the bottom of the screen, wherever the page is scrolled."""
    for scroll in ("0", "document.body.scrollHeight"):
        page.evaluate(f"window.scrollTo(0, {scroll})")
        page.wait_for_timeout(200)
        box = page.locator("#newsqa-composer").bounding_box()
        assert box is not None and abs(box["y"] + box["height"] - height) <= 2, box


def _fills_the_screen(page: Page, height: int) -> None:
    """The chat box takes more than half the screen's height, and it fits, with the pinned
    composer, on the screen: not a fixed height that a short screen cuts off."""
    chat = page.locator("#newsqa-chat").bounding_box()
    composer = page.locator("#newsqa-composer").bounding_box()
    assert chat is not None and composer is not None
    assert height / 2 < chat["height"] <= height - composer["height"], (chat, composer)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
def test_welcome_state(browser: Browser, served: Served, viewport: ViewportSize) -> None:
    with _page(browser, served, viewport) as page:
        welcome = page.locator("#newsqa-welcome")
        expect(welcome).to_contain_text(re.compile(r"\d+ articles? · \d+ passages?"))
        expect(welcome).to_contain_text("from RFE/RL")
        expect(welcome).to_contain_text("published 27 Jun 2021")
        expect(welcome).not_to_contain_text("1 articles")
        assert _contrast(welcome.locator(".newsqa-stats")) >= 4.5
        examples = page.locator("#newsqa-examples button")
        expect(examples.first).to_be_visible()
        for text in examples.all_inner_texts():
            assert re.match(r"^(Why|What|Who|How|When|Where|Which)\b", text), text
            assert "What happened" not in text and "??" not in text
        expect(page.locator("#newsqa-chat")).to_be_hidden()  # no empty chat box before asking
        if viewport is PHONE:
            _pinned(page, viewport["height"])
        _shot(page, f"page-welcome-{viewport['width']}.png")


def test_example_questions_arrive_after_the_page_is_ready(browser: Browser, served: Served) -> None:
    """``serve`` hands the assistant over before choosing its example questions: the page
    answers at once and shows the examples when they are in."""
    from ui.app import build_app, launch
    from ui.loading import Loader
    from ui.ready import Ready
    from ui.welcome import Stats, Welcome, load_parser

    stats = Stats.of(served.assistant.sources())
    ready = Ready(served.assistant, Welcome(stats), load_parser(), examples_pending=True)
    app = build_app(Loader.of(ready))
    url = launch(app, host="127.0.0.1", port=free_port(), block=False)
    try:
        with _page(browser, Served(url, served.assistant, served.data_dir), DESKTOP) as page:
            welcome = page.locator("#newsqa-welcome")
            expect(welcome).to_contain_text("Ask about anything the articles report.")
            expect(page.locator("#newsqa-examples button")).to_have_count(0)
            threading.Thread(target=ready.resurvey, daemon=True).start()
            expect(page.locator("#newsqa-examples button").first).to_be_visible()
            expect(welcome).to_contain_text("Try one of the questions below")
    finally:
        app.close()


def test_answer_with_hover_preview_and_sources(browser: Browser, served: Served) -> None:
    with _page(browser, served, DESKTOP) as page:
        panel = page.locator("#newsqa-sources-panel")
        marker = _ask(page, QUESTION, turn=1)
        expect(page.locator("#newsqa-welcome")).to_be_hidden()

        # Hovering [1] previews the quoted passage in place, on screen.
        marker.hover()
        preview = marker.locator(".newsqa-preview")
        expect(preview).to_be_visible()
        expect(preview).to_contain_text(QUOTE)
        expect(preview).to_contain_text("RFE/RL · 27 Jun 2021")
        expect(preview).to_be_in_viewport(ratio=1)
        _shot(page, "page-answer-1366.png")

        # One card per article, its URL and meta readable (WCAG AA: 4.5:1).
        titles = panel.locator(".newsqa-source .newsqa-title a").all_inner_texts()
        assert len(titles) == len(set(titles)) >= 1
        card = panel.locator(".newsqa-source").first
        expect(card).to_contain_text(SAMPLE_TITLE)
        for part in (".newsqa-url", ".newsqa-meta", ".newsqa-title a"):
            assert _contrast(card.locator(part)) >= 4.5, part

        # A click marks that passage, and only it, in the panel.
        marker.click()
        assert _highlighted(page) == ["1-1"]
        expect(panel.locator('.newsqa-chunk[data-cite~="1-1"] mark')).to_be_in_viewport()

        # Ask on an empty box changes nothing: the sources stay.
        page.locator("#newsqa-question textarea").fill("   ")
        page.locator("#newsqa-ask").click()
        page.wait_for_timeout(1500)
        expect(panel).to_contain_text(SAMPLE_TITLE)
        expect(panel.locator('.newsqa-chunk[data-cite~="1-1"]')).to_have_count(1)

        # After the next answer no stale highlight remains, and each marker lands on its own.
        second = _ask(page, "Who ordered the air strikes?", turn=2)
        assert _highlighted(page) == []
        second.click()
        highlighted = _highlighted(page)
        assert len(highlighted) == 1 and "2-1" in highlighted[0].split(), highlighted
        page.locator('#newsqa-chat a.newsqa-cite[href="#source-1-1"]').click()
        highlighted = _highlighted(page)
        assert len(highlighted) == 1 and "1-1" in highlighted[0].split(), highlighted


def test_phone_answer_opens_under_it(browser: Browser, served: Served) -> None:
    with _page(browser, served, PHONE) as page:
        marker = _ask(page, QUESTION, turn=1)
        expect(page.locator("#newsqa-side")).to_be_hidden()  # sources come with the answer
        _fills_the_screen(page, PHONE["height"])

        marker.tap()
        preview = marker.locator(".newsqa-preview")
        expect(preview).to_be_visible()
        expect(preview).to_contain_text(QUOTE)
        expect(preview).to_be_in_viewport(ratio=1)
        _pinned(page, PHONE["height"])
        page.locator("#newsqa-chat").scroll_into_view_if_needed()
        marker.tap()  # a second tap closes it
        expect(preview).to_be_hidden()
        marker.tap()
        _shot(page, "page-answer-390.png")
        marker.tap()

        inline = page.locator("#newsqa-chat .newsqa-inline").last
        inline.locator("summary").tap()
        source = inline.locator(".newsqa-source").first
        expect(source).to_be_visible()
        expect(source).to_contain_text(SAMPLE_TITLE)
        answer = page.locator("#newsqa-chat .newsqa-cite").last.bounding_box()
        box = source.bounding_box()
        assert answer is not None and box is not None and 0 <= box["y"] - answer["y"] < 200
        source.scroll_into_view_if_needed()
        _shot(page, "page-sources-390.png")

        # A shorter screen (a small phone, or the keyboard open) gets a shorter chat box.
        page.set_viewport_size({"width": PHONE["width"], "height": 560})
        page.wait_for_timeout(300)
        _fills_the_screen(page, 560)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
def test_filter_that_matches_nothing(
    browser: Browser, served: Served, viewport: ViewportSize
) -> None:
    expected = served.assistant.ask(QUESTION, filters={"from": "2030-01-01"})
    assert expected.refused
    with _page(browser, served, viewport) as page:
        page.get_by_text("Filters", exact=True).click()
        start = page.locator("#newsqa-from input").first
        start.fill("2030-01-01")
        start.press("Enter")
        page.locator("#newsqa-question textarea").fill(QUESTION)
        page.locator("#newsqa-ask").click()
        chat = page.locator("#newsqa-chat")
        # Whatever the assistant says for it, the page shows (its first words suffice).
        expect(chat).to_contain_text(expected.text[:60], timeout=WAIT_MS)
        expect(chat.locator("a.newsqa-cite")).to_have_count(0)
        if viewport is DESKTOP:
            expect(page.locator("#newsqa-sources-panel")).to_contain_text("No sources for")
        chat.scroll_into_view_if_needed()
        _shot(page, f"page-filter-{viewport['width']}.png")


def test_upload_summary(browser: Browser, served: Served, tmp_path: Path) -> None:
    (tmp_path / "lighthouse.txt").write_text(
        "Lighthouse Keeper Retires\n\nThe last keeper of the Skerry lighthouse retired on "
        "Friday after 41 years, the harbour board said.\n",
        encoding="utf-8",
    )
    (tmp_path / "ferry.txt").write_text(
        "Ferry Timetable Changes\n\nThe island ferry will sail twice a day from May, the "
        "operator announced on Monday.\n",
        encoding="utf-8",
    )
    (tmp_path / "broken.json").write_text('{"title": "A record without text"}', encoding="utf-8")
    with _page(browser, served, DESKTOP) as page:
        page.get_by_text("Articles", exact=True).click()
        page.locator("#newsqa-upload input[type=file]").set_input_files(
            [tmp_path / "broken.json", tmp_path / "lighthouse.txt", tmp_path / "ferry.txt"]
        )
        uploaded = page.locator("#newsqa-upload").get_by_role("button", name="Remove this file")
        expect(uploaded).to_have_count(3)
        page.locator("#newsqa-index").click()
        status = page.locator("#newsqa-status textarea")
        expect(status).to_have_value(
            re.compile(r"^2 added, 1 failed, 2 passages, [\d.]+ s\nfailed: broken\.json: ")
        )
        value = status.input_value()
        assert "/tmp" not in value and "gradio" not in value
        assert value.splitlines()[-1] == "indexed: lighthouse.txt, ferry.txt"
        articles = page.locator("#newsqa-articles")
        expect(articles).to_contain_text("Lighthouse Keeper Retires")
        headers = [h.strip() for h in articles.locator("thead th").all_inner_texts()]
        assert "Id" not in headers and "Title" in " ".join(headers)
        expect(page.locator("#newsqa-library")).not_to_contain_text(re.compile(r"\b1 articles"))
        status.scroll_into_view_if_needed()
        _shot(page, "page-upload-1366.png")


@pytest.mark.parametrize(
    ("login", "writes"),
    [("bob", False), ("alice", True), (None, True)],
    ids=["reader", "admin", "no-logins"],
)
def test_only_those_who_may_change_the_index_see_its_controls(
    browser: Browser, served: Served, with_logins: Served, login: str | None, writes: bool
) -> None:
    app = served if login is None else with_logins
    with _page(browser, app, DESKTOP, login=login) as page:
        page.get_by_text("Articles", exact=True).click()
        expect(page.locator("#newsqa-articles")).to_contain_text(SAMPLE_TITLE)  # all may read
        note = page.locator("#newsqa-reader-note")
        feeds = page.get_by_text("Add a feed or URL", exact=True)
        if writes:
            feeds.click()
            for control in WRITE_CONTROLS:
                expect(page.locator(control)).to_be_visible()
            expect(note).to_be_hidden()
        else:
            # Once the page knows who signed in, it says why there is nothing to change.
            expect(note).to_have_text("Only admins may upload or delete articles.")
            expect(feeds).to_be_hidden()
            for control in WRITE_CONTROLS:
                expect(page.locator(control)).to_be_hidden()
            page.locator("#newsqa-library").scroll_into_view_if_needed()
            _shot(page, "page-reader-1366.png")


def test_examples_follow_what_is_indexed(browser: Browser, served: Served, tmp_path: Path) -> None:
    """An upload's lead sentence becomes an example question; once deleted, it goes."""
    terminal = {
        "title": "Skerry Opens New Ferry Terminal",
        "outlet": "Island Times",
        "published": "2025-05-06",
        "url": "https://island.example/2025/05/ferry-terminal",
        "text": "The Skerry harbour board opened a new ferry terminal on Tuesday to serve the "
        "island's growing number of visitors.\n\nThe terminal cost four million pounds.",
    }
    (tmp_path / "terminal.json").write_text(json.dumps(terminal), encoding="utf-8")
    with _page(browser, served, DESKTOP) as page:
        examples = page.locator("#newsqa-examples")
        expect(examples.locator("button").first).to_be_visible()
        expect(examples).not_to_contain_text("Skerry")

        page.get_by_text("Articles", exact=True).click()
        page.locator("#newsqa-upload input[type=file]").set_input_files(tmp_path / "terminal.json")
        expect(page.locator("#newsqa-upload")).to_contain_text("terminal.json")
        page.locator("#newsqa-index").click()
        status = page.locator("#newsqa-status textarea")
        expect(status).to_have_value(re.compile(r"^1 added, 0 failed"))
        expect(examples).to_contain_text("Skerry harbour board")
        examples.scroll_into_view_if_needed()
        _shot(page, "page-examples-after-upload-1366.png")

        # Asking the new example answers from the new article.
        examples.get_by_text("Skerry harbour board").first.click()
        expect(page.locator("#newsqa-chat")).to_contain_text("ferry terminal", timeout=WAIT_MS)
        expect(page.locator("#newsqa-sources-panel")).to_contain_text(terminal["title"])
        page.locator("#newsqa-new").click()

        page.locator("#newsqa-doomed input").click()
        page.get_by_role("option", name=terminal["title"]).click()
        page.locator("#newsqa-delete").click()
        expect(status).to_have_value("Deleted.")
        expect(examples).not_to_contain_text("Skerry")
        expect(examples.locator("button").first).to_be_visible()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
def test_follow_up_over_a_big_index(
    browser: Browser, politics_served: Served, viewport: ViewportSize
) -> None:
    """The README's two turns among 397 BBC politics articles: the follow-up is read with
    the question before it, and cites the sample article's passage about February."""
    with _page(browser, politics_served, viewport) as page:
        chat = page.locator("#newsqa-chat")
        _ask(page, QUESTION, turn=1)
        expect(chat).to_contain_text(QUOTE)
        marker = _ask(page, FOLLOW_UP, turn=2)
        answer = chat.locator(".message.bot").last
        expect(answer).to_contain_text("In February")
        expect(answer).not_to_contain_text(QUOTE)  # not the first answer again

        if viewport is DESKTOP:
            marker.hover()
            preview = marker.locator(".newsqa-preview")
            expect(preview).to_contain_text("February")
            # At the foot of the chat box the preview opens upwards, not cut off by its edge.
            expect(preview).to_be_in_viewport(ratio=1)
            card = page.locator("#newsqa-sources-panel #source-2-1-card")
            expect(card).to_contain_text(SAMPLE_TITLE)
            expect(card.locator(".newsqa-title a")).to_have_attribute("href", SAMPLE_URL)
            expect(card.locator("#source-2-1 mark")).to_contain_text("February")
        else:
            marker.tap()
            expect(marker.locator(".newsqa-preview")).to_contain_text("February")
            marker.tap()
            inline = chat.locator(".newsqa-inline").last
            inline.locator("summary").tap()
            source = inline.locator(".newsqa-source").first
            expect(source).to_contain_text(SAMPLE_TITLE)
            expect(source.locator(".newsqa-title a")).to_have_attribute("href", SAMPLE_URL)
            expect(source.locator("mark")).to_contain_text("February")
            _fills_the_screen(page, viewport["height"])
        chat.scroll_into_view_if_needed()
        _shot(page, f"page-follow-up-{viewport['width']}.png")
