"""The shared token columns say exactly what spaCy's Token objects say."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsprobe.analyzers.shared.tokens import columns
from newsprobe.nlp.parse import PIPES_FOR, parse_many, pipes_for

_ARTICLE = (
    "Ferry strike ends after 45 Minutes\n\n"
    "PORT ALDER — Harbour minister Ana Ruiz met union leader Tomas Brenn on Sunday. "
    '"It went well," Ruiz said, though aides weren\'t sure.\n\n'
    "Ticket prices rose 3.5% to $12.40, the Alder Courier reported. 😀 שלום  \n\n  Fin."
)


def _parse(text: str, layers: list[str]) -> Doc:
    (doc,) = parse_many([text], pipes=pipes_for(layers))
    return doc


@pytest.mark.parametrize("layers", [list(PIPES_FOR), ["doc"], ["doc:ents"]])
@pytest.mark.parametrize("text", [_ARTICLE, "", " ", "\n\n\n", "Word", "12 34 56"])
def test_columns_match_the_tokens(text: str, layers: list[str]) -> None:
    doc = _parse(text, layers)
    cols = columns(doc)
    assert cols.doc_text == doc.text
    assert cols.text == [t.text for t in doc]
    assert cols.lower == [t.lower_ for t in doc]
    assert cols.lemma == [t.lemma_ for t in doc]
    assert cols.pos == [t.pos_ for t in doc]
    assert cols.tag == [t.tag_ for t in doc]
    assert cols.dep == [t.dep_ for t in doc]
    assert cols.head == [t.head.i for t in doc]
    assert cols.idx == [t.idx for t in doc]
    assert cols.ent_iob == [t.ent_iob_ for t in doc]
    assert cols.ent_type == [t.ent_type_ for t in doc]
    assert cols.is_alpha == [t.is_alpha for t in doc]
    assert cols.is_space == [t.is_space for t in doc]
    assert [cols.end_char(i) for i in range(len(doc))] == [t.idx + len(t) for t in doc]


def test_token_list_indexes_like_the_doc() -> None:
    doc = _parse(_ARTICLE, list(PIPES_FOR))
    tokens = columns(doc).tokens
    assert len(tokens) == len(doc)
    assert tokens[0].text == "Ferry" and tokens[-1].text == doc[-1].text
    assert tokens[3] is tokens[3]  # made once, then kept
    assert [t.i for t in tokens[2:6]] == [2, 3, 4, 5]
    assert [t.text for t in tokens] == [t.text for t in doc]
    with pytest.raises(IndexError):
        tokens[len(doc)]


def test_columns_are_built_once_per_doc() -> None:
    doc = _parse(_ARTICLE, ["doc"])
    assert columns(doc) is columns(doc)
