"""HTML pages: the composed example, captions and credits, metadata, charset, no text."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsprobe.errors import ExtractionError
from newsprobe.ingest import load
from newsprobe.ingest.html import article_from_html, html_to_text
from tests.ingest.ingest_pages import PARAGRAPHS, article_page


def test_example_page_metadata(summit_html: bytes) -> None:
    article = article_from_html(summit_html, url="https://mirror.example/x")
    assert article.headline_text == (
        "Velko and Riedel agree on joint port authority after harbour summit"
    )
    assert article.outlet == "The Coastal Ledger"
    assert article.authors == ["Lena Markovic"]
    assert article.language == "en"
    assert article.published == datetime(2026, 11, 24, 16, 5, tzinfo=timezone(timedelta(hours=1)))
    assert article.published is not None and article.published.utcoffset() == timedelta(hours=1)
    assert "published_tz_assumed" not in article.meta
    canonical = "https://www.coastal-ledger.example/world/2026/11/24/harbour-summit-velko-riedel"
    assert article.meta["canonical_url"] == canonical
    assert str(article.meta["description"]).startswith("President Amara Velko")
    tags = article.meta["tags"]
    assert isinstance(tags, list) and {"Ostravia", "Kestland", "Port Elsin"} <= set(tags)
    assert article.meta["section"] == "World"
    assert article.url == "https://mirror.example/x"


def test_example_page_body_is_clean(summit_html: bytes) -> None:
    article = article_from_html(summit_html)
    body = article.body_text
    assert body.startswith("The leaders of Ostravia and Kestland agreed on Tuesday")
    assert body.endswith("Neither leader would commit to a date.")
    assert '"This is a framework, not a finished house," he said.' in body
    assert "310 million euros" in body
    # Paragraphs stay paragraphs.
    assert body.count("\n\n") >= 8
    for debris in (
        "cookies",  # cookie banner
        "Subscribe",  # navigation
        "Advertisement",  # ad label
        "Ferries to the islands",  # ad
        "energy supplier",  # inline ad
        "About time!",  # comment
        "harbourwatcher77",  # comment author
        "Read more",  # related links
        "All rights reserved",  # footer
        "greets Prime Minister",  # photo caption
        "Jonas Keane",  # photo credit
        "Velko and Riedel agree",  # headline repeated as h1
    ):
        assert debris not in body, debris


def test_example_page_captions_and_credits_in_meta(summit_html: bytes) -> None:
    meta = article_from_html(summit_html).meta
    captions = meta["photo_captions"]
    assert isinstance(captions, list)
    assert any("greets Prime Minister Tomas Riedel" in str(c) for c in captions)
    assert not any("Jonas Keane" in str(c) for c in captions)
    assert meta["photo_credits"] == ["Photo: Jonas Keane / Coastal Ledger"]


def test_example_loads_through_read_by_sniffing(summit_html: bytes, tmp_path: Path) -> None:
    path = tmp_path / "saved-page.txt"  # wrong extension: content decides
    path.write_bytes(summit_html)
    article = load(path)
    assert article.outlet == "The Coastal Ledger"
    assert "photo_captions" in article.meta


def test_page_without_article_text() -> None:
    page = """<!DOCTYPE html><html lang="en"><head><title>Log in | Tidewater Post</title>
    </head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <form><input name="user"><input name="password" type="password">
    <button>Log in</button></form><footer>Tidewater Post</footer></body></html>"""
    with pytest.raises(ExtractionError, match="no article text found"):
        article_from_html(page, source="login.html")


def test_charset_from_meta_when_given_bytes() -> None:
    paragraphs = [*PARAGRAPHS, "Le maire de Sainte-Élise a salué une décision « très attendue »."]
    page = article_page("Ferry adds sailings", paragraphs).replace(
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
    )
    article = article_from_html(page.encode("iso-8859-1"))
    assert "Sainte-Élise a salué une décision « très attendue »" in article.body_text


def test_regional_lang_tag_and_naive_date_assumed_utc() -> None:
    page = article_page("Ferry adds sailings", PARAGRAPHS, lang="en-GB").replace(
        "</head>", '<meta property="article:published_time" content="2026-11-20T08:00:00"></head>'
    )
    article = article_from_html(page)
    assert article.language == "en"
    assert article.published == datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    assert article.meta["published_tz_assumed"] is True
    assert article.outlet == "Tidewater Post"


def test_caption_class_wrapper_around_article_is_kept() -> None:
    # A layout wrapper whose class mentions captions must not take the article with it.
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS * 3)
    page = f"""<html lang="en"><head><title>Ferry adds sailings</title></head><body>
    <div class="post has-captions"><h1>Ferry adds sailings</h1>{paragraphs}
    <div class="wp-caption"><img src="a.jpg"><p class="wp-caption-text">The ferry at dawn.</p>
    </div></div></body></html>"""
    article = article_from_html(page)
    assert "Vantongeren" in article.body_text
    assert "The ferry at dawn." not in article.body_text
    assert article.meta["photo_captions"] == ["The ferry at dawn."]


def test_html_to_text_keeps_paragraphs_and_drops_scripts() -> None:
    fragment = (
        "<p>First paragraph\nwraps here.</p><script>alert(1)</script>"
        "<figure><img src=x><figcaption>A caption</figcaption></figure><p>Second <b>one</b>.</p>"
    )
    assert html_to_text(fragment) == "First paragraph wraps here.\n\nSecond one."


def test_same_page_twice_gives_the_same_article(summit_html: bytes) -> None:
    # Guards against extraction state shared across calls (trafilatura's dedup cache).
    first = article_from_html(summit_html)
    second = article_from_html(summit_html)
    assert first == second


def test_gzipped_html_file(summit_html: bytes, tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(summit_html))
    assert load(path).outlet == "The Coastal Ledger"


def test_table_inside_figure_stays_in_the_body() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    table = (
        "<figure class='wp-block-table'><table><tr><td>Route</td><td>Sailings</td></tr>"
        "<tr><td>Marrow Bay to Eastholm</td><td>Six a day</td></tr></table>"
        "<figcaption>Winter timetable</figcaption></figure>"
    )
    page = f"""<html lang="en"><head><title>Ferry adds sailings</title></head><body>
    <article><h1>Ferry adds sailings</h1>{paragraphs}{table}</article></body></html>"""
    article = article_from_html(page)
    assert "Marrow Bay to Eastholm" in article.body_text
    assert article.meta["photo_captions"] == ["Winter timetable"]


def test_nested_captions_are_kept_once() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    figure = (
        '<div class="image-caption-wrap"><img src="f.jpg">'
        '<p class="caption-body">Passengers board at <em class="caption-place">Marrow Bay</em>.'
        '</p><small class="image-credit">Photo: Rui Tavares</small></div>'
    )
    page = f"""<html lang="en"><head><title>Ferry adds sailings</title></head><body>
    <article><h1>Ferry adds sailings</h1>{figure}{paragraphs}</article></body></html>"""
    meta = article_from_html(page).meta
    assert meta["photo_captions"] == ["Passengers board at Marrow Bay."]
    assert meta["photo_credits"] == ["Photo: Rui Tavares"]


def test_german_page_with_json_ld_newsletter_and_teaser() -> None:
    page = (Path(__file__).parent / "pages" / "hafenstreit.html").read_bytes()
    article = article_from_html(page)
    assert article.language == "de"
    assert article.outlet == "Nordkurier Online"
    assert article.authors == ["Jana Vogt"]
    assert article.published == datetime(2026, 11, 24, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    body = article.body_text
    assert body.startswith("Nach neun Jahren Streit")
    assert body.endswith("die Regierung habe zu viel preisgegeben.")
    assert "„ein Rahmen, kein fertiges Haus“" in body
    for debris in (
        "Newsletter",
        "Anmelden",
        "Lesen Sie auch",
        "Teilen",
        "Korrespondentin",
        "Impressum",
    ):
        assert debris not in body, debris


def test_sentence_ending_in_a_colon_is_kept() -> None:
    paragraphs = [
        *PARAGRAPHS[:2],
        "The operator published the new timetable, which lists every extra crossing:",
    ]
    page = article_page("Ferry adds sailings", paragraphs).replace(
        "crossing:</p>", 'crossing: <a href="/t">timetable</a></p>'
    )
    assert "lists every extra crossing: timetable" in article_from_html(page).body_text
