"""The REST API and the web page of newsprobe (``newsprobe serve``), an interface over the
core like the CLI: nothing in the core imports it.

    >>> from newsprobe.service import Settings, create_app
    >>> app = create_app(Settings(db="newsprobe.db", token="s3cret"))

Modules: `app` (the factory, error handlers, lifespan), `settings`, `state`, `runner`
(the analysis thread, its line and time limits, the recent analyses), `middleware` (body
limit, security headers), `errors` (stable codes and their HTTP statuses), `models` (the
requests), `inputs` (a request turned into an `Article` through ingest), `deps`
(corpus and bearer-token dependencies), `corpus_ops` (what the corpus endpoints ask of the
library), `pages` (templates, the report as a page) and `routes/` (one module per concern).
Needs the ``serve`` extra: ``pip install 'newsprobe[serve]'``.
"""

from __future__ import annotations

from newsprobe.service.app import create_app
from newsprobe.service.settings import Settings

__all__ = ["Settings", "create_app"]
