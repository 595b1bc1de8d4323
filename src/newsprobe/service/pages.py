"""The web page's HTML: the service's own templates, and the HTML report served as a page.

Templates (``service/templates``) are rendered by Jinja2 with autoescaping on: article
text, headlines and error messages are always text, never markup. The service's pages
load one stylesheet and one script from ``/static`` and allow nothing else (`PAGE_CSP`).
A report page is `newsprobe.report.html.render_html` as it is, with a line of links to
the rest of the site, sent with the report's own Content-Security-Policy as an HTTP header
too (so it holds even for a client that ignores the meta tag), plus no framing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from html import unescape
from typing import Any

from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined

from newsprobe._version import __version__
from newsprobe.service.errors import ApiError

__all__ = ["error_page", "page", "report_page"]

_CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
_NAV = (
    '<nav class="np-service" aria-label="newsprobe">'
    '<a href="/">Analyse another article</a> · <a href="/stories">Stories</a></nav>\n'
)


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("newsprobe.service", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
    )


def page(
    name: str,
    *,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
    **context: Any,
) -> HTMLResponse:
    """A service page rendered from ``templates/NAME``."""
    html = _environment().get_template(name).render(version=__version__, **context)
    return HTMLResponse(html, status_code=status, headers=headers)


def error_page(error: ApiError, *, headers: Mapping[str, str] | None = None) -> HTMLResponse:
    """An error as a page, with the same code and message the API would give."""
    return page("error.html.j2", status=error.status, headers=headers, error=error)


def report_page(html: str) -> HTMLResponse:
    """A rendered HTML report as a page of the site (its CSP also sent as a header)."""
    found = _CSP_META.search(html)
    policy = found.group(1) if found else "default-src 'none'"
    policy = unescape(policy) + "; frame-ancestors 'none'"
    marker = '<div class="np-page">'
    if marker in html:
        html = html.replace(marker, marker + "\n" + _NAV, 1)
    return HTMLResponse(html, headers={"Content-Security-Policy": policy})
