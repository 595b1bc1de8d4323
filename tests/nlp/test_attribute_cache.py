"""The memoized attribute step writes exactly what the model's own two components write."""

from __future__ import annotations

import importlib
from collections.abc import Iterator

import pytest
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

from newsprobe.ingest import load
from newsprobe.nlp.attribute_cache import AttributeCache, _memoizable
from newsprobe.nlp.parse import _MODEL_MODULES, PARAGRAPHS_PIPE, load_english
from tests.paths import EXAMPLES

_EXAMPLES = EXAMPLES

# Texts that reach every kind of rule in the model: the two-word exceptions ("gon na",
# "there is", "ai n't", "let 's", "c'm on", "y' all"), whitespace tokens, symbols, other
# scripts, numbers, and contractions at the edges of a text.
_TEXTS = [
    "There is no deal yet. There were 3 rounds of talks, and there's more to come.",
    "Y'all gonna see it ain't over. Let's go, c'mon! We gotta wait, y all.",
    "Ain't",
    "gonna",
    "  \n\n  There   were\t\ttwo.\n\n\n",
    'The minister\'s aides said 45 minutes; others said "over an hour" (approx.).',
    "Ministers MET; the PM's office — citing 'sources' — said it was 'frosty'. 😀 ☃ 𝔘",
    "שלום עולם and مرحبا said the signs, 12,500 of them, at 3pm on 4/5/2021.",
    "<div class='ad'>Buy now!!!</div> &nbsp; 1 2 3 4 5 6 7 8 9 10",
    "",
    " ",
]


def _stock_model() -> Language:
    for name in _MODEL_MODULES:
        try:
            nlp: Language = importlib.import_module(name).load()
        except ImportError:
            continue
        nlp.add_pipe(PARAGRAPHS_PIPE, first=True)
        return nlp
    pytest.skip("no English model installed")


@pytest.fixture(scope="module")
def stock() -> Language:
    load_english()  # registers the paragraph component
    return _stock_model()


def _attributes(doc: Doc) -> Iterator[tuple[object, ...]]:
    for t in doc:
        yield (t.i, t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_)


def _texts() -> list[str]:
    articles = [load(path).text for path in sorted(_EXAMPLES.glob("*.txt"))]
    articles += [load(path).text for path in sorted(_EXAMPLES.glob("*.html"))]
    return _TEXTS + articles


def test_newsprobe_parse_replaces_the_two_components() -> None:
    names = load_english().pipe_names
    assert "newsprobe_attributes" in names
    assert "attribute_ruler" not in names and "lemmatizer" not in names


def test_every_token_attribute_matches_the_stock_model(stock: Language) -> None:
    texts = _texts()
    ours = list(load_english().pipe(texts))
    theirs = list(stock.pipe(texts))
    for mine, reference in zip(ours, theirs, strict=True):
        assert list(_attributes(mine)) == list(_attributes(reference)), mine.text[:60]


def test_results_do_not_depend_on_what_was_seen_before(stock: Language) -> None:
    """A token kind first met inside a two-word exception must not poison the memory."""
    nlp = load_english()
    step = nlp.get_pipe("newsprobe_attributes")
    assert isinstance(step, AttributeCache)
    step._kinds.clear()
    texts = ["Ain't it so.", "It ai n't.", "There is.", "is there", "gon na gonna na gon"]
    for text in texts + list(reversed(texts)):
        (mine,) = nlp.pipe([text])
        (reference,) = stock.pipe([text])
        assert list(_attributes(mine)) == list(_attributes(reference)), text


def test_rules_that_read_context_are_not_memoized() -> None:
    """A pattern on an entity type (set by another component) cannot be memoized per token;
    the step must then run the two components as they are."""
    nlp = _stock_model()
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    assert isinstance(ruler, AttributeRuler) and isinstance(lemmatizer, Lemmatizer)
    ruler.add([[{"ENT_TYPE": "GPE"}]], {"LEMMA": "somewhere"})
    step = AttributeCache(ruler, lemmatizer)
    assert not step.memoized
    doc = nlp.make_doc("Leaders met in Paris.")
    for name in ("tok2vec", "tagger", "parser", "ner"):
        doc = nlp.get_pipe(name)(doc)
    assert [t.lemma_ for t in step(doc)] == ["leader", "meet", "in", "somewhere", "."]


def test_memoizable_patterns() -> None:
    assert _memoizable([[{"TAG": "NN"}], [{"LOWER": "gon"}, {"LOWER": "na"}]])
    assert not _memoizable([[{"LOWER": "a", "OP": "+"}]])
    assert not _memoizable([[{"ENT_TYPE": "GPE"}]])
    assert not _memoizable([[{"_": {"custom": True}}]])


def test_memory_zones_free_new_words_and_change_no_analysis() -> None:
    """Each batch in a spaCy memory zone: the same analyses, and the words a batch
    brought are freed after it (they were kept for the life of the process)."""
    from newsprobe.analyzers.pipeline import Pipeline
    from newsprobe.document import Article
    from tests.conftest import make_article

    def articles(offset: int) -> list[Article]:
        return [
            make_article(
                f"Zorvath{i + offset} Quillane said the Brenmoor{i + offset} ferry carried "
                f'{i * 37 + offset} passengers on Monday. "We are glad," Quillane said.',
                headline=f"Ferry {i + offset} sails",
            )
            for i in range(6)
        ]

    plain = Pipeline(batch_size=2)
    zoned = Pipeline(batch_size=2, memory_zones=True)
    strings = load_english().vocab.strings
    for offset in (0, 100, 200):  # three streams, three batches each, zones in between
        before = len(strings)
        got = [a.findings for a in zoned.analyze_many(articles(offset))]
        assert len(strings) == before
        # The same articles without zones (their words now stay), then with zones again.
        assert got == [a.findings for a in plain.analyze_many(articles(offset))]
        assert got == [a.findings for a in zoned.analyze_many(articles(offset))]


def test_a_kind_whose_lemma_came_back_in_a_later_zone_is_still_forgotten() -> None:
    """Zone 1 learns "glorbanites" -> "glorbanite"; zone 2 uses that kind again and brings
    "glorbanite" back as a word of its own (stored again, for that zone only); zone 3
    must not write the remembered, by then freed, lemma ("[E018] Can't retrieve")."""
    from newsprobe.nlp.parse import PIPES_FOR, memory_zone, parse_many, pipes_for

    pipes = pipes_for(PIPES_FOR)
    lemmas = []
    for text in (
        "The glorbanites sailed home.",
        "The glorbanites sailed home with a glorbanite.",  # the remembered kind, and its lemma
        "The glorbanites sailed home.",
    ):
        with memory_zone():
            [doc] = parse_many([text], pipes=pipes)
            lemmas.append([token.lemma_ for token in doc])
    assert lemmas[0][1] == lemmas[1][1] == lemmas[2][1] == "glorbanite"
