"""Composed news pages shared by the ingest tests (invented outlets, people and places)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Route:
    body: bytes
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html"})


@dataclass
class LocalServer:
    """Serves `routes` (path -> Route) on 127.0.0.1 and records the requests it saw."""

    base: str
    routes: dict[str, Route]
    seen: list[tuple[str, dict[str, str]]]

    def url(self, path: str) -> str:
        return self.base + path


def article_page(headline: str, paragraphs: list[str], *, lang: str = "en") -> str:
    """A small but complete news page, with navigation and a footer around the story."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>{headline} | Tidewater Post</title>
<meta property="og:site_name" content="Tidewater Post">
<meta property="og:title" content="{headline}">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>{headline}</h1>{body}</article>
<footer>Copyright Tidewater Post. All rights reserved.</footer>
</body></html>"""


PARAGRAPHS = [
    "The ferry operator on the northern route said on Monday that it would add two "
    "sailings a day from March, after passenger numbers rose by 18 percent this year.",
    "Company director Ilse Vantongeren told reporters in Marrow Bay that the extra "
    "crossings would cost about 4 million crowns a year to run.",
    "Islanders have campaigned for more frequent services since the winter of 2024, when "
    "storms cancelled more than 60 crossings and left shops without fresh supplies.",
    '"We listened, and we are acting," Vantongeren said. "People should not have to plan '
    'their lives around a timetable written twenty years ago."',
]
