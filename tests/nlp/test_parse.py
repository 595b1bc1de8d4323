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


def test_list_items_on_their_own_lines_start_sentences() -> None:
    text = (
        "Key points:\n- More than 2,000 homes evacuated in Kessport\n- Two people "
        "confirmed dead, police say\n• Rail services suspended\nThe river rose\n- and "
        "fell again"
    )
    (doc,) = parse_many([text], pipes=_PIPES)
    starts = [s.text.strip() for s in doc.sents]
    for item in ("- More than 2,000", "- Two people", "• Rail services"):
        assert any(s.startswith(item) for s in starts), (item, starts)
    # a hard-wrapped line is no boundary, and neither is a dash glued to a word
    assert not any(s.startswith("fell") for s in starts)


def test_long_texts_are_parsed_in_pieces_into_one_exact_doc() -> None:
    paragraph = 'Ana Ruiz met Tomas Brenn in Port Alder. "It went well," Ruiz said.\n\n'
    long_text = "Headline\n\n" + paragraph * (CHUNK_CHARS // len(paragraph) + 50)
    docs = list(parse_many(["Short one.", long_text, "Another."], pipes=_PIPES))
    assert [d.text for d in docs] == ["Short one.", long_text, "Another."]
    assert any(e.text == "Tomas Brenn" for e in docs[1].ents[-5:])


def test_parser_batches_are_bounded_in_characters_not_only_in_texts() -> None:
    from newsprobe.nlp.parse import BATCH_CHARS, _batches

    pieces = [(0, "x" * CHUNK_CHARS)] * 10 + [(1, "short")] * 100 + [(2, "y" * 3 * BATCH_CHARS)]
    batches = list(_batches(pieces, batch_size=32, batch_chars=BATCH_CHARS))
    assert [p for batch in batches for p in batch] == pieces
    for batch in batches:
        assert len(batch) <= 32
        assert len(batch) == 1 or sum(len(p) for _, p in batch) <= BATCH_CHARS
    # Ten pieces of one long article go to the parser two at a time, never all at once.
    assert max(len(b) for b in batches if b[0][0] == 0) == BATCH_CHARS // CHUNK_CHARS


def test_pipeline_batches_close_at_the_character_budget() -> None:
    from newsprobe.analyzers.pipeline import _article_batches
    from newsprobe.nlp.parse import BATCH_CHARS
    from tests.conftest import make_article

    long_one = make_article("Ferries sailed. " * (BATCH_CHARS // 16 + 1))
    short = make_article("Ferries sailed.")
    batches = list(_article_batches([short, long_one, short, short], 32))
    assert [len(b) for b in batches] == [2, 2]
