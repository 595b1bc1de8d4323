"""The HTML report: self-contained, escaped, locked down by its CSP, criteria first.

The hostile article is analysed by the real pipeline, so its markup reaches the page the
way it would in use: in the text, and quoted inside findings' notes (title attributes).
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.assess import assess
from newsprobe.document import Analysis, Article
from newsprobe.findings import Span
from newsprobe.report.html import render_html, write_html
from tests.assess.conftest import (
    Agreement,
    ClaimResult,
    CrossCheck,
    Edge,
    Evidence,
    Figure,
    QuoteResult,
    Ref,
    StoryInfo,
    Value,
    Version,
)
from tests.report.page import parse

HOSTILE_HEADLINE = "<script>alert(1)</script> Mayor SLAMS council"
HOSTILE_BODY = (
    'Mayor Ines Carvalho said the vote was "a disgrace <img src=x '
    "onerror=\"document.body.setAttribute('data-pwned','img')\">\" on Tuesday, the council "
    "said.\n\n"
    "<a href=\"javascript:document.body.setAttribute('data-pwned','link')\">Click here</a> "
    "to read the shocking report, officials said. </p><script>document.body.setAttribute("
    "'data-pwned','script')</script><p onmouseover=\"alert(2)\">\n\n"
    '"><svg onload=alert(3)> It is believed that the budget will fail. Tell us what you think '
    "in the comments below."
)
PACKAGE = Path(__file__).resolve().parents[2] / "src" / "newsprobe" / "report" / "templates"


@pytest.fixture(scope="module")
def hostile() -> Analysis:
    article = Article.create(headline=HOSTILE_HEADLINE, body=HOSTILE_BODY, language="en")
    return Pipeline().analyze(article)


@pytest.fixture(scope="module")
def hostile_page(hostile: Analysis) -> str:
    return render_html(hostile)


def _sha256(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()


def test_article_markup_is_text_never_markup(hostile: Analysis, hostile_page: str) -> None:
    root = parse(hostile_page)
    scripts = root.find_all("script")
    assert len(scripts) == 1, "only the report's own script"
    assert scripts[0].text() == (PACKAGE / "report.js").read_text(encoding="utf-8")
    for element in root.iter():
        for name, value in element.attrs.items():
            assert not name.startswith("on"), f"<{element.tag} {name}=...>"
            if name in ("href", "src"):
                assert not value.strip().lower().startswith("javascript:"), value
    for tag in ("img", "svg", "iframe", "object", "embed", "form", "base", "link"):
        assert not root.find_all(tag), f"article markup became a <{tag}> element"
    # The report's own links only lead within the page.
    assert all(a.attrs.get("href", "").startswith("#") for a in root.find_all("a"))
    text = "".join(e.text() for e in root.find_all(cls="np-text"))
    assert "<script>alert(1)</script>" in text
    assert "onerror=\"document.body.setAttribute('data-pwned','img')\"" in text
    assert '<a href="javascript:' in text
    # Quoted inside notes too (title attributes), and escaped there as well.
    assert "&lt;script&gt;" in hostile_page and "<script>alert(1)" not in hostile_page


def test_content_security_policy_allows_only_the_reports_own_style_and_script(
    hostile_page: str,
) -> None:
    root = parse(hostile_page)
    meta = [
        m for m in root.find_all("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    assert len(meta) == 1
    policy = dict(
        (part.split()[0], part.split()[1:]) for part in meta[0].attrs["content"].split(";")
    )
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == [f"'{_sha256(root.find_all('script')[0].text())}'"]
    assert policy["style-src"] == [f"'{_sha256(root.find_all('style')[0].text())}'"]
    assert policy["img-src"] == ["data:"]
    assert policy["base-uri"] == ["'none'"] and policy["form-action"] == ["'none'"]
    # The policy has to come before anything it governs.
    assert hostile_page.index("Content-Security-Policy") < hostile_page.index("<style>")
    # No inline style attributes: the policy would block them.
    assert not [e for e in root.iter() if "style" in e.attrs]


def test_the_page_needs_nothing_from_the_network(hostile_page: str) -> None:
    root = parse(hostile_page)
    for element in root.iter():
        for name in ("src", "href", "action", "data", "poster"):
            value = element.attrs.get(name, "")
            assert not re.match(r"\s*(https?:)?//", value), f"<{element.tag} {name}={value}>"
    assert "@import" not in hostile_page and "url(" not in root.find_all("style")[0].text()


def test_the_assessment_comes_first_then_the_text_legend_and_findings(
    hostile: Analysis, hostile_page: str
) -> None:
    order = [
        hostile_page.index('class="np-criteria"'),
        hostile_page.index('class="np-legend"'),
        hostile_page.index('class="np-text"'),
        hostile_page.index('class="np-findings"'),
    ]
    assert order == sorted(order)
    root = parse(hostile_page)
    assert hostile.assessment is not None
    rows = root.find_all("tr")
    for criterion in hostile.assessment.criteria:
        row = next(r for r in rows if r.attrs.get("id") == f"c-{criterion.id}")
        assert criterion.name in row.text() and criterion.explanation in row.text()
        # Outcomes read as words with a symbol, never as a colour alone.
        assert any(w in row.text() for w in ("pass", "warn", "fail", "n/a"))
    assert hostile.assessment.rating.arithmetic in hostile_page.replace("&#39;", "'")
    # Details on hover (title) and a keyboard stop for each highlight.
    marks = [e for e in root.find_all(cls="m") if "data-f" in e.attrs]
    assert marks and all(e.attrs["title"] for e in marks)
    assert any(e.attrs.get("tabindex") == "0" for e in marks)
    # Every highlighted finding has its details in the page, for the script to show.
    details = {e.attrs["data-detail"] for e in root.iter() if "data-detail" in e.attrs}
    assert {e.attrs["data-f"] for e in marks} <= details


def test_legend_styles_are_told_apart_without_colour() -> None:
    """Each highlight kind differs from every other in something besides colour."""
    css = (PACKAGE / "report.css").read_text(encoding="utf-8")
    colour = re.compile(r"#[0-9a-fA-F]{3,6}|rgba?\([^)]*\)|var\(--[a-z]+\)")
    styles = {}
    for kind, rule in re.findall(r"\.m-([a-z-]+) \{([^}]*)\}", css):
        styles[kind] = " ".join(colour.sub("", rule).split())
    claims = {k for k in styles if k.startswith("claim-")}
    # Claim tiers share a background and differ by their score label (tested elsewhere).
    others = {k: v for k, v in styles.items() if k not in claims}
    assert len(set(others.values())) == len(others), others
    assert "Okabe" in css


def test_many_articles_share_one_page_with_unique_ids(hostile: Analysis) -> None:
    other = Pipeline().analyze(
        Article.create(headline="Council approves budget", body="The council met.", language="en")
    )
    import io

    out = io.StringIO()
    written = write_html([hostile, other], out)
    assert len(written) == 2
    root = parse(out.getvalue())
    ids = [e.attrs["id"] for e in root.iter() if "id" in e.attrs]
    assert len(ids) == len(set(ids))
    assert len(root.find_all("article")) == 2 and len(root.find_all("script")) == 1
    contents = root.find_all("nav")
    assert contents and "Council approves budget" in contents[0].text()


def test_empty_input_still_makes_a_valid_page() -> None:
    import io

    out = io.StringIO()
    assert write_html([], out) == []
    root = parse(out.getvalue())
    assert root.find_all("html") and not root.find_all("article")


def test_crosscheck_adds_figures_quotes_claims_and_the_provenance_graph() -> None:
    article = Article.create(
        headline="Leaders meet for 45 minutes",
        body='The two leaders met for 45 minutes. "The door is open," Sandor said.',
        outlet="Coastline Wire",
        language="en",
    )
    analysis = Pipeline().analyze(article)
    text = article.text

    def span(surface: str) -> Span:
        return Span(start=text.index(surface), end=text.index(surface) + len(surface))

    crosscheck = CrossCheck(
        target=Ref(article.id, "Coastline Wire"),
        story=StoryInfo(
            articles=(Ref("art-2", "<b>Evil Outlet</b>"), Ref("art-3", "Valemont Times"))
        ),
        figures=[
            Figure(
                description="duration of the meeting",
                unit="min",
                consensus=Agreement(60.0, support=3, voices=4),
                values=[
                    Value(article.id, None, span("45 minutes"), "45 minutes", "contradiction"),
                    Value("art-2", None, span("45 minutes"), "an hour", "consistent"),
                ],
            )
        ],
        claims=[
            ClaimResult(
                span("The two leaders met for 45 minutes."),
                "The two leaders met for 45 minutes.",
                "disputed",
                disputed_by=(Evidence("art-3", None, "They met for an hour."),),
            )
        ],
        quotes=[
            QuoteResult(
                "Mirela Sandor",
                span("The door is open"),
                "The door is open",
                "altered",
                Version("art-3", None, "The door is wide open"),
            )
        ],
        provenance=[Edge("art-2", None, "Coastline Wire", "cites", "according to Coastline Wire")],
        notices=["the article has no publication date"],
    )
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script>'
        '<text x="5" y="15">Coastline Wire</text></svg>'
    )
    checked = analysis.model_copy(update={"assessment": assess(analysis, crosscheck)})
    page = render_html(checked, crosscheck=crosscheck, provenance_svg=svg)
    root = parse(page)
    corpus = root.find_all(cls="np-corpus")[0].text()
    assert "60 min (3 of 4 voices)" in corpus and "contradiction" in corpus
    assert "Coastline Wire (this article)" in corpus  # the target's outlet, by its id
    assert "the article has no publication date" in corpus
    assert "<b>Evil Outlet</b>" in corpus  # escaped, shown as text
    assert "The door is wide open (Valemont Times)" in corpus and "altered" in corpus
    assert "according to Coastline Wire" in corpus and "disputed" in corpus
    assert "<b>Evil Outlet</b>cites" not in corpus  # edges name outlets, not ids
    assert "art-2" not in corpus
    images = root.find_all("img")
    assert len(images) == 1 and images[0].attrs["src"].startswith("data:image/svg+xml;base64,")
    embedded = base64.b64decode(images[0].attrs["src"].split(",", 1)[1]).decode()
    assert embedded == svg  # as the corpus drew it; as an image, its script cannot run
    assert len(root.find_all("script")) == 1
    assert "Corpus: story story-1 (3 articles" in root.find_all("footer")[0].text()


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.slow
def test_in_a_real_browser_the_reports_script_runs_and_the_articles_never(
    hostile_page: str, tmp_path: Path
) -> None:
    """Headless Chromium loads the page from disk: the CSP hash lets the report's script
    run (it marks the page), and none of the article's handlers or scripts do."""
    browser = _chromium()
    if browser is None:
        pytest.skip("Chromium is not installed (apt-get install chromium); .ci/run installs it")
    page = tmp_path / "report.html"
    page.write_text(hostile_page, encoding="utf-8")
    result = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=2000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    assert 'data-report-script="ran"' in dom, "the CSP blocked the report's own script"
    assert "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]
    assert not re.search(r"<body[^>]*data-pwned", dom)
