"""The shared parse: model resolution, paragraph sentence starts, long texts in pieces."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsprobe.nlp.parse import CHUNK_CHARS, chunks, parse_many

_PIPES = frozenset({"tok2vec", "parser", "ner"})


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \n.")), st.integers(min_value=5, max_value=50))
def test_chunks_join_back_to_the_text(text: str, size: int) -> None:
    pieces = chunks(text, size)
    assert "".join(pieces) == text
    assert all(pieces[:-1])


def test_chunks_prefer_paragraph_breaks() -> None:
    text = "one two three.\n\nfour five six.\n\nseven eight."
    assert chunks(text, 20)[0] == "one two three.\n\n"


def test_headline_and_paragraphs_start_sentences() -> None:
    (doc,) = parse_many(["Talks end in Varn\n\nthe two leaders met on Sunday"], pipes=_PIPES)
    assert [s.text.strip() for s in doc.sents] == [
        "Talks end in Varn",
        "the two leaders met on Sunday",
    ]


def test_long_texts_are_parsed_in_pieces_into_one_exact_doc() -> None:
    paragraph = 'Ana Ruiz met Tomas Brenn in Port Alder. "It went well," Ruiz said.\n\n'
    long_text = "Headline\n\n" + paragraph * (CHUNK_CHARS // len(paragraph) + 50)
    docs = list(parse_many(["Short one.", long_text, "Another."], pipes=_PIPES))
    assert [d.text for d in docs] == ["Short one.", long_text, "Another."]
    assert any(e.text == "Tomas Brenn" for e in docs[1].ents[-5:])
