"""The web page in-process: the form, the report it answers with, stories and search."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from fastapi.testclient import TestClient

from tests.report.page import parse
from tests.service.conftest import HARBOUR, HOSTILE, ClientFactory
from tests.service.test_api import _story


class _Controls(HTMLParser):
    """Form controls and the labels pointing at them."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str | None]] = []
        self.labelled: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in ("input", "textarea", "select") and found.get("type") != "hidden":
            self.controls.append(found)
        if tag == "label" and found.get("for"):
            self.labelled.add(str(found["for"]))


def test_the_form_labels_every_control_and_works_without_script(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    controls = _Controls()
    controls.feed(response.text)
    names = {c["name"] for c in controls.controls}
    assert names == {"text", "url", "file", "headline", "outlet"}
    assert all(c["id"] in controls.labelled for c in controls.controls)
    assert '<form method="post" action="/analyze" enctype="multipart/form-data"' in response.text


def test_posting_the_form_answers_with_the_report(client: TestClient) -> None:
    response = client.post("/analyze", data={"text": HARBOUR, "outlet": "Coastline Gazette"})
    assert response.status_code == 200
    root = parse(response.text)
    assert root.find_all("span", "m"), "no highlight in the report"
    assert root.find_all(cls="np-criteria")
    policy = response.headers["content-security-policy"]
    assert "script-src 'sha256-" in policy and "frame-ancestors 'none'" in policy
    assert '<a href="/">Analyse another article</a>' in response.text


def test_an_uploaded_page_is_read_as_html(client: TestClient) -> None:
    headline, body = HARBOUR.split("\n\n")
    page = f"<html><body><article><h1>{headline}</h1><p>{body}</p></article></body></html>"
    response = client.post("/analyze", files={"file": ("harbour.html", page.encode(), "text/html")})
    assert response.status_code == 200
    assert "Lindqvist harbour board" in response.text


def test_article_markup_in_the_report_is_text(client: TestClient) -> None:
    response = client.post("/analyze", data={"text": HOSTILE})
    assert response.status_code == 200
    html = response.text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html and 'href="javascript:' not in html
    assert len(parse(html).find_all("script")) == 1  # the report's own


def test_a_bad_form_comes_back_with_the_message_and_what_was_typed(client: TestClient) -> None:
    both = client.post("/analyze", data={"text": "Some <b>text</b>", "url": "https://x.example"})
    assert both.status_code == 422
    assert "give exactly one of" in both.text and "(you gave text, url)" in both.text
    assert "Some &lt;b&gt;text&lt;/b&gt;" in both.text
    nothing = client.post("/analyze", data={})
    assert nothing.status_code == 422
    refused = client.post("/analyze", data={"url": "http://127.0.0.1:9/x"})
    assert refused.status_code == 403 and "fetch_refused" in refused.text


def test_unknown_pages_are_pages_and_api_errors_stay_json(client: TestClient) -> None:
    page = client.get("/nowhere", headers={"Accept": "text/html"})
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "not_found" in page.text
    api = client.get("/v1/nowhere", headers={"Accept": "text/html"})
    assert api.json()["error"]["code"] == "not_found"
    assert client.get("/stories", headers={"Accept": "text/html"}).status_code == 404


def test_stories_can_be_browsed_and_a_story_opened(
    corpus_client: TestClient, db_path: Path
) -> None:
    story, ids = _story(corpus_client)
    listing = corpus_client.get("/stories")
    assert listing.status_code == 200 and f'href="/stories/{story}"' in listing.text
    page = corpus_client.get(f"/stories/{story}")
    assert page.status_code == 200
    root = parse(page.text)
    links = {a.attrs.get("href") for a in root.find_all("a")}
    assert {f"/analyses/{i}" for i in ids[:3]} <= links
    assert f"/analyses/{ids[3]}" not in links  # the distractor is another story
    assert "Figures compared across outlets" in page.text
    images = root.find_all("img")
    assert images and images[0].attrs["src"].startswith("data:image/svg+xml;base64,")
    report = corpus_client.get(f"/analyses/{ids[1]}")
    assert report.status_code == 200
    assert "Fjordside Post" in report.text and "Coastline Gazette" in report.text


def test_search_page_marks_the_matching_words(corpus_client: TestClient, db_path: Path) -> None:
    _story(corpus_client)
    assert corpus_client.get("/search").status_code == 200
    page = corpus_client.get("/search", params={"q": "berths"})
    assert page.status_code == 200 and "<mark>berths</mark>" in page.text


def test_a_report_of_an_analysis_made_without_a_corpus(make_client: ClientFactory) -> None:
    client = make_client()
    made = client.post("/v1/analyze", json={"text": HARBOUR}).json()
    report = client.get(f"/analyses/{made['article']['id']}")
    assert report.status_code == 200 and "np-criteria" in report.text


def test_a_binary_upload_is_refused_with_the_form_again(client: TestClient) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    response = client.post("/analyze", files={"file": ("photo.png", png, "image/png")})
    assert 400 <= response.status_code < 500
    assert "Analyse an article" in response.text and "Traceback" not in response.text
