"""The web page in a real headless Chromium (Debian's ``chromium`` driven by Playwright),
against uvicorn on a free loopback port: load, filter, open an event and an actor, and
prove that a hostile article runs nothing. Screenshots go to ``$THREATLINE_ARTIFACTS``
(or the test's temporary folder)."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from test_serve import build_sample_db

CHROMIUM = Path(os.environ.get("THREATLINE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.model,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason=f"no Chromium at {CHROMIUM}: install Debian's chromium package "
        "(or set THREATLINE_CHROMIUM) to run the browser tests",
    ),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The page and API served by uvicorn in a thread, for this module's tests."""
    import uvicorn

    from threatline.serve import create_app

    app = create_app(str(build_sample_db(tmp_path_factory)))
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def artifacts(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("THREATLINE_ARTIFACTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class PageWatch:
    """A page with every dialog, console error, page error and request outside the
    server recorded."""

    def __init__(self, browser, base_url: str) -> None:
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.foreign: list[str] = []

        def on_dialog(dialog) -> None:
            self.dialogs.append(dialog.message)
            dialog.dismiss()

        def on_console(message) -> None:
            if message.type == "error":
                self.errors.append(message.text)

        def on_request(request) -> None:
            if not request.url.startswith(base_url):
                self.foreign.append(request.url)

        self.page.on("dialog", on_dialog)
        self.page.on("console", on_console)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", on_request)

    def ready(self) -> None:
        self.page.wait_for_selector("body[data-ready='1']", timeout=15_000)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watch(browser, base_url) -> Iterator[PageWatch]:
    watched = PageWatch(browser, base_url)
    yield watched
    watched.close()


def test_web_loads_filters_and_opens_an_event_with_highlighted_evidence(watch, base_url, artifacts):
    page = watch.page
    page.goto(base_url + "/")
    watch.ready()
    assert page.locator("svg.map path.land").count() > 100  # the country outlines
    assert page.locator("svg.timeline rect.bar").count() >= 1
    all_rows = page.locator("table.events tbody tr").count()
    assert all_rows >= 20
    page.screenshot(path=str(artifacts / "events.png"), full_page=True)

    page.select_option("#f-country", "PK")
    page.click("#f-apply")
    page.wait_for_function(
        "() => document.body.dataset.ready === '1' && location.hash.includes('country=PK')"
    )
    rows = page.locator("table.events tbody tr")
    assert 1 <= rows.count() < all_rows
    assert page.locator("svg.map circle.dot").count() >= 1
    assert page.locator("svg.map path.land.active").count() == 1  # Pakistan tinted
    page.screenshot(path=str(artifacts / "events-pakistan.png"), full_page=True)

    bombing = page.locator("table.events a.event-link", has_text="suicide bombing")
    bombing.first.click()
    page.wait_for_selector("section.event-view")
    watch.ready()
    marks = page.locator("section.event-view mark.hl-evidence")
    assert marks.count() >= 1
    assert "eleven" in page.locator(".article-text").first.inner_text()
    # Each reported value shows its source and who says so.
    fatalities = page.locator("tr[data-field='fatalities'] ul.reports li")
    assert fatalities.count() >= 1
    assert "according to" in fatalities.first.inner_text()
    page.screenshot(path=str(artifacts / "event.png"), full_page=True)

    page.locator("a.actor-link", has_text="ttp").first.click()
    page.wait_for_selector("section.actor-view")
    watch.ready()
    assert "Tehrik-i-Taliban Pakistan" in page.locator("section.actor-view h2").inner_text()
    assert page.locator("section.actor-view table.events tbody tr").count() >= 1
    page.screenshot(path=str(artifacts / "actor.png"), full_page=True)

    assert watch.dialogs == [] and watch.errors == [] and watch.foreign == []


def test_web_timeline_bar_filters_to_its_days(watch, base_url):
    page = watch.page
    page.goto(base_url + "/#/?country=PK")
    watch.ready()
    page.locator("svg.timeline rect.bar").first.click()
    page.wait_for_function(
        "() => location.hash.includes('start=') && document.body.dataset.ready === '1'"
    )
    assert "end=" in page.url
    assert page.locator("table.events tbody tr").count() >= 1


def test_web_hostile_article_runs_nothing(watch, base_url, artifacts):
    page = watch.page
    page.goto(base_url + "/#/articles")
    watch.ready()
    hostile = page.locator("table.articles a", has_text="Kabul")
    assert hostile.count() == 1
    assert "<script>" in hostile.inner_text()  # shown as text
    page.screenshot(path=str(artifacts / "articles.png"), full_page=True)
    hostile.click()
    page.wait_for_selector("section.article-view")
    watch.ready()
    text = page.locator(".article-text").inner_text()
    assert "<script>window.__pwned=1</script>" in text
    assert 'onerror="window.__pwned=1"' in text
    # No element was made from the payloads, and the javascript: URL is not a link.
    assert page.locator("main script, main img, main svg[onload], main b").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    page.screenshot(path=str(artifacts / "hostile-article.png"), full_page=True)

    events = page.locator("section.article-view ul li a")
    if events.count():
        events.first.click()
        page.wait_for_selector("section.event-view")
        watch.ready()
        assert page.locator("a[href^='javascript']").count() == 0
        page.screenshot(path=str(artifacts / "hostile-event.png"), full_page=True)
    page.wait_for_timeout(300)  # time for any deferred handler to fire
    assert page.evaluate("window.__pwned") is None
    assert watch.dialogs == []
    assert watch.errors == []


def test_web_inline_script_is_blocked_by_the_policy(watch, base_url):
    """Even markup that got into the page could not run: the CSP forbids inline script."""
    page = watch.page
    page.goto(base_url + "/")
    watch.ready()
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__pwned = 1'; document.body.append(s); }"
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned") is None
    assert any("Content Security Policy" in error for error in watch.errors)
