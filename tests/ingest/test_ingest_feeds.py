"""RSS and Atom feeds built here; link-only entries are served from 127.0.0.1."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from newsprobe.document import Article
from newsprobe.errors import FetchError, IngestError
from newsprobe.ingest import IngestOptions, read
from tests.ingest.ingest_pages import PARAGRAPHS, LocalServer, Route, article_page

FULL = "".join(
    f"<p>{p}</p>"
    for p in [
        "The regional assembly approved the coastal defence plan on Tuesday by 41 votes "
        "to 12, clearing the way for construction of a sea wall along the Marrow Bay front.",
        "Assembly speaker Hedda Lindqvist said the first section would be finished before "
        "the autumn storms of 2027. The plan is expected to cost 86 million crowns.",
        "Residents of the low-lying Eastbank district, where 300 homes flooded last "
        "winter, gathered outside the assembly building to watch the vote on a screen.",
    ]
)
FIGURE = '<figure><img src="w.jpg"/><figcaption>The bay front at high tide.</figcaption></figure>'
FERRY = article_page("Ferry operator adds two daily sailings", PARAGRAPHS).encode()


def rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Tidewater Post</title><link>{base}/</link><language>en-gb</language>
  <item>
    <title>Assembly approves sea wall for Marrow Bay</title>
    <link>{base}/news/sea-wall</link>
    <guid>tw-1001</guid>
    <dc:creator>Hedda Nyberg</dc:creator>
    <pubDate>Tue, 24 Nov 2026 18:15:00 +0100</pubDate>
    <description>The assembly voted 41 to 12.</description>
    <content:encoded><![CDATA[{FULL}{FIGURE}]]></content:encoded>
    <category>Politics</category>
  </item>
  <item>
    <title>Ferry operator adds two daily sailings</title>
    <link>{base}/news/ferry</link>
    <pubDate>Mon, 23 Nov 2026 07:00:00 GMT</pubDate>
    <description>More crossings from March.</description>
  </item>
  <item>
    <title>Gone story</title>
    <link>{base}/news/gone</link>
    <description>This link is dead.</description>
  </item>
</channel></rss>""".encode()


def atom(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Harbour Wire</title>
  <id>urn:harbour-wire</id><updated>2026-11-24T12:00:00Z</updated>
  <entry>
    <title>Assembly approves sea wall for Marrow Bay</title>
    <id>urn:hw:1</id>
    <link rel="alternate" href="{base}/hw/sea-wall"/>
    <published>2026-11-24T12:00:00+02:00</published>
    <updated>2026-11-24T12:30:00+02:00</updated>
    <author><name>Sami Okafor</name></author>
    <content type="html"><![CDATA[{FULL}]]></content>
  </entry>
  <entry>
    <title>Ferry operator adds two daily sailings</title>
    <id>urn:hw:2</id>
    <link rel="alternate" href="{base}/news/ferry"/>
    <updated>2026-11-23T08:00:00Z</updated>
    <summary>More crossings from March.</summary>
  </entry>
</feed>""".encode()


def split(items: list[Article | IngestError]) -> tuple[list[Article], list[IngestError]]:
    return (
        [i for i in items if isinstance(i, Article)],
        [i for i in items if isinstance(i, IngestError)],
    )


def test_rss_full_content_and_fetched_links(local_server: LocalServer, tmp_path: Path) -> None:
    local_server.routes["/news/ferry"] = Route(FERRY)
    path = tmp_path / "tidewater.rss"
    path.write_bytes(rss(local_server.base))
    articles, errors = split(list(read(path, IngestOptions(allow_private=True))))
    full, fetched = articles
    assert full.headline_text == "Assembly approves sea wall for Marrow Bay"
    assert full.body_text.startswith("The regional assembly approved")
    assert full.body_text.count("\n\n") == 2
    assert "high tide" not in full.body_text
    assert full.outlet == "Tidewater Post"
    assert full.authors == ["Hedda Nyberg"]
    assert full.language == "en"
    assert full.published == datetime(2026, 11, 24, 18, 15, tzinfo=timezone(timedelta(hours=1)))
    assert full.meta["tags"] == ["Politics"]
    assert [p for p, _ in local_server.seen] == [
        "/news/ferry",
        "/news/gone",
    ]  # full one not fetched

    assert fetched.headline_text == "Ferry operator adds two daily sailings"
    assert fetched.url == local_server.url("/news/ferry")
    assert "Vantongeren" in fetched.body_text
    assert fetched.published == datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
    assert fetched.meta["description"] == "More crossings from March."

    (gone,) = errors
    assert isinstance(gone, FetchError) and gone.status == 404
    assert "entry 3" in str(gone)


def test_link_only_entries_stay_guarded(local_server: LocalServer, tmp_path: Path) -> None:
    local_server.routes["/news/ferry"] = Route(FERRY)
    path = tmp_path / "feed.xml"
    path.write_bytes(rss(local_server.base))
    articles, errors = split(list(read(path)))  # private addresses not allowed
    assert [a.headline_text for a in articles] == ["Assembly approves sea wall for Marrow Bay"]
    assert len(errors) == 2
    assert all("127.0.0.1 is a loopback address" in str(e) for e in errors)
    assert local_server.seen == []


def test_atom_feed(local_server: LocalServer, tmp_path: Path) -> None:
    local_server.routes["/news/ferry"] = Route(FERRY)
    path = tmp_path / "wire.atom"
    path.write_bytes(atom(local_server.base))
    articles, errors = split(list(read(path, IngestOptions(allow_private=True))))
    assert errors == []
    full, fetched = articles
    assert full.outlet == "Harbour Wire"
    assert full.authors == ["Sami Okafor"]
    assert full.published == datetime(2026, 11, 24, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    assert full.url == local_server.url("/hw/sea-wall")
    # The fetched page names its own outlet; the entry's title is kept as the headline.
    assert fetched.outlet == "Tidewater Post"
    assert fetched.headline_text == "Ferry operator adds two daily sailings"


def test_feed_from_a_url(local_server: LocalServer) -> None:
    local_server.routes["/feed"] = Route(
        rss(local_server.base), headers={"Content-Type": "application/rss+xml"}
    )
    local_server.routes["/news/ferry"] = Route(FERRY)
    items = list(read(local_server.url("/feed"), IngestOptions(allow_private=True)))
    articles, errors = split(items)
    assert len(articles) == 2 and len(errors) == 1


def test_empty_feed(tmp_path: Path) -> None:
    path = tmp_path / "empty.rss"
    path.write_bytes(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'
    )
    try:
        list(read(path))
    except IngestError as exc:
        assert "no entries" in str(exc)
    else:
        raise AssertionError("an empty feed must raise")


def test_external_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN")
    body = "The assembly met again on Wednesday and agreed the budget for the new wall. " * 8
    feed = f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Budget agreed &xxe;</title><description>{body} &xxe;</description></item>
</channel></rss>"""
    path = tmp_path / "xxe.rss"
    path.write_text(feed)
    (article,) = list(read(path))
    assert isinstance(article, Article)
    assert "TOP-SECRET" not in article.text
