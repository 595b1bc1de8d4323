"""Property tests for the normalizer: every offset newsprobe reports depends on it."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsprobe.document import Article
from newsprobe.normalize import normalize_body, normalize_line

# Text that looks like what ingest meets: letters in many scripts, combining marks,
# every kind of space and newline, controls, BOMs, zero-width characters and emoji.
_DEBRIS = "\r\n\t\x0b\x0c\x00\x1f\x7f\x85\x9f\u00a0\u2028\u2029\u200b\u00ad\u2060\ufeff\u3000"
_PIECES = st.one_of(
    st.text(min_size=0, max_size=20),
    st.sampled_from([*_DEBRIS, "\r\n", "\n\n\n\n", "e\u0301", "\u1100\u1161", "👩\u200d🚀"]),
    st.text(alphabet=st.characters(categories=["Mn", "Zs", "Cc", "Cf"]), max_size=5),
)
messy = st.lists(_PIECES, max_size=30).map("".join)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# 200 examples per property keep this file at a few seconds on a shared 2-core machine.
SETTINGS = settings(max_examples=200, deadline=None)


@SETTINGS
@given(messy)
@example("Line one\r\n\r\n\r\n  Line\u00a0two ")
@example("\u00ad\u0301")
@example("a\x00\u0301")
def test_body_is_idempotent(text: str) -> None:
    once = normalize_body(text)
    assert normalize_body(once) == once


@SETTINGS
@given(messy)
def test_body_invariants(text: str) -> None:
    out = normalize_body(text)
    assert unicodedata.is_normalized("NFC", out)
    assert "\r" not in out
    assert not _CONTROL.search(out), repr(out)
    assert "\n\n\n" not in out
    assert out == out.strip()
    for line in out.split("\n"):
        assert line == line.strip()
        assert "  " not in line
    assert not set(out) & set("\ufeff\u200b\u00ad\u2060\u2028\u2029\u0085\t")


@SETTINGS
@given(messy)
def test_line_invariants(text: str) -> None:
    out = normalize_line(text)
    assert normalize_line(out) == out
    assert "\n" not in out and "\r" not in out
    assert unicodedata.is_normalized("NFC", out)
    assert out == out.strip()
    assert not _CONTROL.search(out)


@SETTINGS
@given(messy, messy)
@example("", "")
@example("Talks end", "")
@example("", "The talks ended.")
def test_article_spans_match_text(headline: str, body: str) -> None:
    article = Article.create(headline=headline, body=body)
    assert article.headline_text == normalize_line(headline)
    assert article.body_text == normalize_body(body)
    assert 0 <= article.headline.start <= article.headline.end <= len(article.text)
    assert 0 <= article.body.start <= article.body.end == len(article.text)
    if article.headline_text and article.body_text:
        assert article.text == article.headline_text + "\n\n" + article.body_text
    else:
        assert article.text == article.headline_text + article.body_text
    # Building from the article's own parts changes nothing, not even the id.
    again = Article.create(headline=article.headline_text, body=article.body_text)
    assert again == article


@SETTINGS
@given(st.text(alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), max_size=5))
def test_lone_surrogates_become_replacement_characters(junk: str) -> None:
    text = normalize_body(f"a{junk}b")
    text.encode("utf-8")  # would raise on a surrogate
    assert Article.create(headline=junk, body=f"x{junk}").id
