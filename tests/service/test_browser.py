"""The web page in headless Chromium (Debian's package, driven by Playwright for Python).

The page is loaded from a real `newsprobe serve`; an article is typed into the form and
sent with the keyboard; the report must show highlights and criteria, and an article that
carries ``<script>``, ``onerror=`` and ``javascript:`` must run nothing: any dialog fails
the test. Playwright's own browser download is never used (`executable_path`); without
Chromium or Playwright the test skips and says which is missing.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.service.conftest import HARBOUR, HOSTILE, store_coverage

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Chromium is not installed (apt-get install chromium); .ci/run installs it")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright for Python is not installed (pip install playwright)")
    with sync_playwright() as driver:
        launched = driver.chromium.launch(
            executable_path=chromium, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            yield launched
        finally:
            launched.close()


def _page(browser: Browser, dialogs: list[str]) -> Page:
    page = browser.new_page()

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return page


def _submit(page: Page, base: str, text: str, outlet: str) -> None:
    """Fill the form and send it from the keyboard (Enter in the outlet field)."""
    page.goto(base + "/")
    page.get_by_label("Article text").fill(text)
    page.get_by_label("Outlet").fill(outlet)
    page.get_by_label("Outlet").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_the_page_analyses_an_article_and_runs_none_of_its_markup(
    browser: Browser, live_server: str, tmp_path: Path
) -> None:
    dialogs: list[str] = []
    page = _page(browser, dialogs)
    _submit(page, live_server, HARBOUR, "Coastline Gazette")
    assert page.locator(".np-criteria").first.is_visible()
    assert page.locator("span.m").count() > 3
    assert page.evaluate("document.documentElement.dataset.reportScript") == "ran"
    first = page.locator("span.m[tabindex='0']").first
    first.focus()
    page.keyboard.press("Enter")
    assert page.locator(".np-details-body").first.inner_text().strip()
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)

    _submit(page, live_server, HOSTILE, "Brennmoor Herald")
    page.wait_for_timeout(500)  # give any injected handler time to fire
    assert dialogs == [], f"the article's markup ran: {dialogs}"
    body = page.locator("body").inner_text()
    assert "<script>alert(1)</script>" in body  # shown as text
    assert (
        page.evaluate("document.querySelectorAll('img[onerror], a[href^=javascript]').length") == 0
    )
    page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)
    assert (tmp_path / "report.png").stat().st_size > 10_000
    page.close()


def test_a_story_page_shows_its_table_and_provenance_graph(
    browser: Browser, live_server: str, served_folder: Path, tmp_path: Path
) -> None:
    import httpx

    with httpx.Client(base_url=live_server, timeout=120) as http:
        store_coverage(http)  # the server files them: the Lindqvist story, the distractor

    dialogs: list[str] = []
    page = _page(browser, dialogs)
    page.goto(live_server + "/stories")
    link = page.get_by_role("link", name="Harbour board cosies up to ferry firm")
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("table.listing").count() >= 2  # the articles, a figure at least
    graph = page.locator("figure.graph img")
    assert graph.count() == 1
    # The SVG is a data: image, which the page's policy allows: it really renders.
    assert page.evaluate("document.querySelector('figure.graph img').naturalWidth") > 0
    page.screenshot(path=str(tmp_path / "story.png"), full_page=True)
    assert dialogs == []
    page.close()
