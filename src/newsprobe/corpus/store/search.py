"""Full-text search with each engine's own index: SQLite FTS5, PostgreSQL tsvector + GIN.

A query reads like a web search on both engines: words (all must occur), ``"a phrase"``,
``OR`` between alternatives, ``-word`` to exclude. PostgreSQL parses that itself
(``websearch_to_tsquery``); for FTS5 `fts5_query` rewrites it, quoting every word so that
no character of the user's query is taken as FTS5 syntax.

    >>> fts5_query('ferry strike OR walkout -"bus drivers"')
    '"ferry" AND ("strike" OR "walkout") NOT "bus drivers"'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import TextClause, bindparam, text
from sqlalchemy.engine import Connection

from newsprobe.corpus.keys import name_key
from newsprobe.corpus.records import SearchHit, SearchResult
from newsprobe.corpus.store.articles import stored_articles
from newsprobe.corpus.store.schema import UTCDateTime
from newsprobe.errors import ConfigError
from newsprobe.findings import Span

__all__ = ["ParsedQuery", "fts5_query", "parse_query", "search"]

# Snippet markers: control characters that normalized article text never contains.
_OPEN, _CLOSE = "\x02", "\x03"
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
#: Words of context the snippet shows around the matches (FTS5 counts tokens; PostgreSQL
#: words): about one line of a terminal.
SNIPPET_WORDS = 24
#: Weight of a headline match against a body match (FTS5's bm25 column weights; PostgreSQL
#: ranks its 'A' (headline) weight 1.0 against 'B' (body) 0.4 by default, 2.5 to 1 too).
HEADLINE_WEIGHT = 2.5


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A web-style query: groups that must all match (each a set of alternatives), and
    words or phrases that must not."""

    groups: list[list[str]] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)


def parse_query(query: str) -> ParsedQuery:
    """Split a web-style query into required groups of alternatives and exclusions.

    Raises:
        ConfigError: the query has no word to look for.
    """
    parsed = ParsedQuery()
    join_next = False
    for match in _TOKEN.finditer(query):
        negated, phrase, word = match.group(1), match.group(2), match.group(3)
        if word == "OR":
            join_next = bool(parsed.groups)
            continue
        if word is not None and word.startswith("-") and len(word) > 1:
            negated, word = "-", word[1:]
        term = " ".join((phrase if phrase is not None else word or "").split())
        if not term:
            continue
        if negated:
            parsed.excluded.append(term)
        elif join_next:
            parsed.groups[-1].append(term)
        else:
            parsed.groups.append([term])
        join_next = False
    if not parsed.groups:
        raise ConfigError(f"the search {query!r} has no word to look for")
    return parsed


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts5_query(query: str) -> str:
    """The FTS5 MATCH expression of a web-style query (see the module docstring)."""
    parsed = parse_query(query)
    groups = [
        _quoted(g[0]) if len(g) == 1 else "(" + " OR ".join(map(_quoted, g)) + ")"
        for g in parsed.groups
    ]
    expression = " AND ".join(groups)
    for term in parsed.excluded:
        expression += f" NOT {_quoted(term)}"
    return expression


def _filters(*, outlet: str | None, entity: str | None) -> tuple[list[str], dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if outlet:
        clauses.append("a.outlet_key = :outlet")
        params["outlet"] = name_key(outlet)
    if entity:
        clauses.append("a.pk IN (SELECT article_pk FROM article_entities WHERE name_key = :entity)")
        params["entity"] = name_key(entity)
    return clauses, params


def _dates(since: datetime | None, until: datetime | None) -> tuple[list[str], dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if since is not None:
        clauses.append("a.published >= :since")
        params["since"] = since
    if until is not None:
        clauses.append("a.published < :until")
        params["until"] = until
    return clauses, params


def _statement(sql: str, params: dict[str, Any]) -> TextClause:
    """`sql` with its date parameters bound as UTC datetimes, as the column stores them."""
    dates = [bindparam(name, type_=UTCDateTime()) for name in ("since", "until") if name in params]
    return text(sql).bindparams(*dates)


def _engine_sql(dialect: str, where: str) -> tuple[str, str]:
    """(query of the hits, query counting the matching articles) for one engine."""
    if dialect == "sqlite":
        match = "articles_fts MATCH :q"
        hits = (
            f"SELECT a.pk AS pk, -bm25(articles_fts, {HEADLINE_WEIGHT}, 1.0) AS score,"
            f" snippet(articles_fts, 1, '{_OPEN}', '{_CLOSE}', '…', {SNIPPET_WORDS}) AS snippet"
            " FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid"
            f" WHERE {match}{where} ORDER BY score DESC, a.published DESC LIMIT :limit"
        )
        count = (
            "SELECT count(*) FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid"
            f" WHERE {match}{where}"
        )
        return hits, count
    options = (
        f'StartSel="{_OPEN}", StopSel="{_CLOSE}", MaxWords={SNIPPET_WORDS}, '
        f'MinWords={SNIPPET_WORDS // 2}, MaxFragments=1, FragmentDelimiter=" … "'
    )
    query = "websearch_to_tsquery('english', :q)"
    hits = (
        "SELECT h.pk AS pk, h.score AS score, ts_headline('english',"
        " substr(a.text, a.body_start + 1, a.body_end - a.body_start),"
        f" {query}, '{options}') AS snippet FROM ("
        f" SELECT a.pk AS pk, ts_rank_cd(a.search, {query}) AS score, a.published AS published"
        f" FROM articles a WHERE a.search @@ {query}{where}"
        " ORDER BY score DESC, a.published DESC NULLS LAST LIMIT :limit) h"
        " JOIN articles a ON a.pk = h.pk ORDER BY h.score DESC, h.published DESC NULLS LAST"
    )
    count = f"SELECT count(*) FROM articles a WHERE a.search @@ {query}{where}"
    return hits, count


def _marked(snippet: str) -> tuple[str, list[Span]]:
    """The snippet on one line without markers, and the spans the markers enclosed."""
    plain: list[str] = []
    spans: list[Span] = []
    start = 0
    for char in snippet.strip():
        if char == _OPEN:
            start = len(plain)
        elif char == _CLOSE:
            spans.append(Span(start=start, end=len(plain)))
        elif char.isspace():
            if plain and plain[-1] != " ":
                plain.append(" ")
        else:
            plain.append(char)
    return "".join(plain), spans


def search(
    connection: Connection,
    query: str,
    *,
    outlet: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    entity: str | None = None,
    limit: int = 20,
) -> SearchResult:
    """The best `limit` articles for `query` that pass the filters, best first.

    Raises:
        ConfigError: the query has no word to look for, or `limit` is not positive.
    """
    if limit < 1:
        raise ConfigError(f"limit must be at least 1, not {limit}")
    dialect = connection.dialect.name
    term = fts5_query(query) if dialect == "sqlite" else query
    parse_query(query)  # the same "no word to look for" error on both engines
    clauses, params = _filters(outlet=outlet, entity=entity)
    date_clauses, date_params = _dates(since, until)
    where = "".join(f" AND {c}" for c in clauses + date_clauses)
    hits_sql, _ = _engine_sql(dialect, where)
    hit_params = {"q": term, "limit": limit, **params, **date_params}
    rows = connection.execute(_statement(hits_sql, hit_params), hit_params).all()
    undated = 0
    if date_clauses:
        _, undated_sql = _engine_sql(dialect, "".join(f" AND {c}" for c in clauses))
        undated = connection.execute(
            text(undated_sql + " AND a.published IS NULL"), {"q": term, **params}
        ).scalar_one()
    found = stored_articles(connection, (row.pk for row in rows))
    hits = []
    for row in rows:
        snippet, matches = _marked(row.snippet or "")
        hits.append(
            SearchHit(
                article=found[row.pk], score=float(row.score), snippet=snippet, matches=matches
            )
        )
    return SearchResult(query=query, hits=hits, undated_left_out=undated)
