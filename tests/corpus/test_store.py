"""The store on both engines: store once, read back exactly, de-duplicate, search.

Every test here takes `db`, so it runs on SQLite and on a real PostgreSQL server.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from newsprobe.corpus import Corpus, CorpusSession
from newsprobe.corpus.store import stories as story_ops
from newsprobe.document import Analysis, Article
from newsprobe.errors import ConfigError, NotInCorpusError
from newsprobe.evaluation.synthetic_corpus import compose, iter_composed, synthetic_analysis

MARCH = datetime(2026, 3, 2, 9, 30, tzinfo=timezone(timedelta(hours=2)))


def _article(
    body: str, *, headline: str = "Ferry crews walk out in Kestrava", **meta: object
) -> Article:
    meta.setdefault("language", "en")
    return Article.create(headline=headline, body=body, **meta)  # type: ignore[arg-type]


def test_an_analysis_comes_back_exactly_as_it_was_stored(db: str) -> None:
    items = compose(6)
    analyses = [synthetic_analysis(item) for item in items]
    with Corpus(db) as corpus:
        summary = corpus.add(analyses)
        assert summary.added == 6 and not summary.duplicates and not summary.failed
        assert corpus.count() == 6
        for analysis in analyses:
            assert corpus.analysis(analysis.article.id) == analysis
        stored = corpus.article(analyses[2].article.id)
    article = analyses[2].article
    assert stored.headline == article.headline_text
    assert stored.outlet == article.outlet and stored.url == article.url
    assert stored.published == article.published
    assert stored.story_id is None and stored.analyzer_errors == 0


def test_the_publication_time_keeps_its_own_utc_offset(db: str) -> None:
    article = _article("Crews walked out on Monday.", published=MARCH, outlet="Varnia Today")
    with Corpus(db) as corpus:
        corpus.add([Analysis(article=article)])
        back = corpus.analysis(article.id).article
    assert back.published == MARCH
    assert back.published is not None and back.published.utcoffset() == timedelta(hours=2)


def test_the_same_url_in_another_spelling_is_a_duplicate(db: str) -> None:
    first = _article("Crews walked out.", url="https://coast.example/news/1", outlet="Coastline")
    again = _article(
        "Crews walked out, the union said.",  # an updated text at the same address
        url="HTTPS://www.Coast.example/news/1/?utm_source=letter#top",
        outlet="Coastline",
    )
    with Corpus(db) as corpus:
        corpus.add([Analysis(article=first)])
        summary = corpus.add([Analysis(article=again)])
        assert summary.added == 0
        [duplicate] = summary.duplicates
        assert duplicate.reason == "same_url" and duplicate.duplicate_of == first.id
        assert corpus.count() == 1
        assert corpus.analysis(first.id).article.text == first.text, "the stored one is kept"


def test_the_same_text_under_another_url_is_recorded_as_another_address(db: str) -> None:
    body = "Ferry crews walked out on Monday after talks broke down."
    first = _article(body, url="https://coast.example/a", outlet="Coastline")
    mirror = _article(body, url="https://m.coast.example/a-mobile", outlet="COASTLINE")
    with Corpus(db) as corpus:
        corpus.add([Analysis(article=first)])
        summary = corpus.add([mirror])  # an Article: recognised before any analysis
        [duplicate] = summary.duplicates
        assert duplicate.reason == "same_text" and duplicate.duplicate_of == first.id
        assert corpus.article("https://m.coast.example/a-mobile").id == first.id
        assert corpus.article(first.id).urls == [
            "https://coast.example/a",
            "https://m.coast.example/a-mobile",
        ]


def test_a_wire_story_carried_verbatim_by_two_outlets_is_two_articles(db: str) -> None:
    body = "Ferry crews walked out on Monday, the union said."
    # No URLs: both texts hash to the same Article.id, and both must still be stored.
    wire = _article(body, outlet="Coastline Wire")
    paper = _article(body, outlet="The Kestrava Ledger")
    assert wire.id == paper.id
    with Corpus(db) as corpus:
        summary = corpus.add([Analysis(article=wire), Analysis(article=paper)])
        assert summary.added == 2 and not summary.duplicates
        outlets = {corpus.article(i).outlet for i in (wire.id,)}
        hits = corpus.search("ferry crews").hits
    assert outlets == {"Coastline Wire"}
    assert sorted(h.article.outlet or "" for h in hits) == ["Coastline Wire", "The Kestrava Ledger"]
    assert len({h.article.id for h in hits}) == 2


def test_articles_without_date_outlet_or_english_are_stored_and_counted(db: str) -> None:
    undated = _article("The bridge reopened after repairs.", outlet="Midvale Chronicle")
    anonymous = _article("The bridge reopened after four weeks.", published=MARCH)
    french = _article(
        "Le pont a rouvert après quatre semaines de travaux.",
        headline="Le pont de Kestrava rouvre",
        language="fr",
        outlet="Le Courrier de Varn",
        published=MARCH,
    )
    with Corpus(db) as corpus:
        summary = corpus.add([Analysis(article=a) for a in (undated, anonymous, french)])
        assert summary.added == 3
        assert (summary.undated, summary.without_outlet) == (1, 1)
        assert summary.languages == {"en": 2, "fr": 1}
        assert "1 undated" in summary.line() and "1 in language 'fr'" in summary.line()
        assert corpus.article(french.id).language == "fr"
        assert [h.article.id for h in corpus.search("pont").hits] == [french.id]
        dated = corpus.search("bridge", since=datetime(2026, 1, 1, tzinfo=UTC))
        assert [h.article.id for h in dated.hits] == [anonymous.id]
        assert dated.undated_left_out == 1, "the undated match is reported, not hidden"


def test_search_reads_web_style_queries_on_both_engines(db: str) -> None:
    texts = {
        "strike": "Ferry crews walked out over night shifts, the union said.",
        "talks": "Talks between the leaders lasted 45 minutes in Kestrava.",
        "bridge": "The bridge in Salden reopened; bus drivers welcomed it.",
        "bus": "Bus drivers in Kestrava walked out on Friday.",
    }
    articles = {
        key: _article(body, headline=f"Report on the {key}", outlet="Northgate Courier")
        for key, body in texts.items()
    }
    with Corpus(db) as corpus:
        corpus.add([Analysis(article=a) for a in articles.values()])

        def found(query: str) -> set[str]:
            ids = {h.article.id for h in corpus.search(query).hits}
            return {key for key, a in articles.items() if a.id in ids}

        assert found("walked out") == {"strike", "bus"}
        assert found("talk") == {"talks"}, "stemmed: talk finds Talks"
        assert found('"bus drivers"') == {"bridge", "bus"}
        assert found("ferry OR bridge") == {"strike", "bridge"}
        assert found("walked -ferry") == {"bus"}
        assert found("kestrava talks OR friday") == {"talks", "bus"}
        for odd in ('"unbalanced', "a:b OR", "NEAR(x", "*", "AND", "kestrava^2 (x"):
            corpus.search(odd)  # never an engine syntax error
        with pytest.raises(ConfigError):
            corpus.search("   ")
        with pytest.raises(ConfigError):
            corpus.search("-ferry")


def test_search_marks_the_matching_words_in_the_snippet(db: str) -> None:
    article = _article(
        "Officials said the ferry crews had walked out before dawn, stranding travellers.",
        outlet="Harbour Bulletin",
    )
    with Corpus(db) as corpus:
        corpus.add([Analysis(article=article)])
        [hit] = corpus.search("ferry crews").hits
    assert hit.matches
    assert {hit.snippet[s.start : s.end].lower() for s in hit.matches} == {"ferry", "crews"}
    assert "\n" not in hit.snippet
    assert hit.score > 0


def test_search_filters_by_outlet_dates_and_entity(db: str) -> None:
    items = compose(30)
    with Corpus(db) as corpus:
        corpus.add([synthetic_analysis(i) for i in items])
        outlet = items[0].article.outlet or ""
        by_outlet = corpus.search("said", outlet=outlet.upper(), limit=50)
        assert by_outlet.hits
        assert {h.article.outlet for h in by_outlet.hits} == {outlet}

        middle = items[15].article.published
        assert middle is not None
        later = corpus.search("said", since=middle, limit=50)
        assert later.hits
        assert all(h.article.published and h.article.published >= middle for h in later.hits)
        earlier = corpus.search("said", until=middle, limit=50)
        assert all(h.article.published and h.article.published < middle for h in earlier.hits)
        assert len(later.hits) + len(earlier.hits) == len(corpus.search("said", limit=50).hits)

        person = next(name for name, label, _ in items[3].names if label == "PERSON")
        named = corpus.search("said", entity=person.upper(), limit=50)
        expected = {i.article.id for i in items if any(n == person for n, _, _ in i.names)}
        assert {h.article.id for h in named.hits} == expected
        surname = corpus.search("said", entity=person.split()[-1], limit=50)
        assert {h.article.id for h in surname.hits} == expected, "aliases are names too"
        assert len(corpus.search("said", limit=3).hits) == 3


def test_unknown_ids_and_urls_raise_not_in_corpus(db: str) -> None:
    with Corpus(db) as corpus:
        with pytest.raises(NotInCorpusError, match="no article"):
            corpus.article("0123456789abcdef")
        with pytest.raises(NotInCorpusError):
            corpus.analysis("https://nowhere.example/x")
        with pytest.raises(NotInCorpusError, match="no story 7"):
            corpus.story(7)


def test_adding_articles_analyses_them_once_and_records_failures(db: str) -> None:
    from newsprobe.analyzers.pipeline import Pipeline
    from newsprobe.errors import IngestError

    items = compose(3)
    pipeline = Pipeline(["quantities"], on_error="record")
    with Corpus(db) as corpus:
        bad = IngestError("line 3 is not JSON", source="dump.jsonl")
        summary = corpus.add([items[0].article, bad, items[1].article], pipeline=pipeline)
        assert summary.added == 2 and summary.failed == ["dump.jsonl: line 3 is not JSON"]
        stored = corpus.analysis(items[0].article.id)
        assert stored.of_kind("quantity"), "the pipeline ran and its findings were stored"
        again = corpus.add([i.article for i in items], pipeline=pipeline)
        assert again.added == 1 and len(again.duplicates) == 2


def test_a_bulk_load_stores_what_add_stores_and_files_its_stories(db: str) -> None:
    """`Corpus.bulk_load` (one multi-row statement per table) against `Corpus.add` plus
    filing one by one: the same analyses, search hits, candidates and story summaries."""
    from newsprobe.corpus.store.bulk import BulkArticle
    from newsprobe.corpus.story_indexer import StoryIndexer

    items = list(iter_composed(12, background=1, story_size=4))
    analyses = [synthetic_analysis(item) for item in items]
    profiles = StoryIndexer().profile_many(analyses)
    batch = [
        BulkArticle(a, p, story=str(i // 4))
        for i, (a, p) in enumerate(zip(analyses, profiles, strict=True))
    ]
    with Corpus(db) as corpus:
        pks = corpus.bulk_load(batch[:8])
        pks += corpus.bulk_load(batch[8:])
        assert len(set(pks)) == 12 and corpus.count() == 12
        for analysis in analyses:
            assert corpus.analysis(analysis.article.id) == analysis
        stories = corpus.stories()
        assert sorted(s.article_count for s in stories) == [4, 4, 4]
        for story in stories:
            members = corpus.story_members(story.id)
            dates = [m.published for m in members if m.published]
            assert (story.first_published, story.last_published) == (min(dates), max(dates))
            assert story.outlets == sorted({m.outlet for m in members if m.outlet})
            before = story
            corpus.transaction(lambda s, i=story.id: story_ops.refresh_story(s.connection, i))
            assert corpus.story(story.id) == before  # the summary refresh_story computes
        first = analyses[0].article
        assert first.id in {
            h.article.id for h in corpus.search(first.headline_text.split()[0]).hits
        }
        found = corpus.candidates(keys=profiles[0].keys, bands=profiles[0].bands)
        assert first.id in {c.article_id for c in found}
        assert corpus.profiles([first.id])[first.id].data == profiles[0].data


def test_filing_a_new_article_keeps_the_summary_refresh_story_computes(db: str) -> None:
    """`file_new` updates a story's summary from the new article alone; it must equal
    the summary recomputed from every member (dates, undated count, outlets)."""
    items = compose(5)
    analyses = [synthetic_analysis(item) for item in items]
    undated = analyses[3].article.model_copy(update={"published": None, "outlet": None})
    analyses[3] = analyses[3].model_copy(update={"article": undated})
    with Corpus(db) as corpus:
        corpus.add(analyses)

        def file_all(session: CorpusSession) -> int:
            story = session.new_story(title="t")
            pks = [session.pk(a.article.id) for a in analyses]
            assert not story_ops.file_new(session.connection, pks[0], story + 1)  # no story
            for pk in pks:
                assert story_ops.file_new(session.connection, pk, story)
            return story

        story = corpus.transaction(file_all)
        incremental = corpus.story(story)
        corpus.transaction(lambda s: story_ops.refresh_story(s.connection, story))
        assert corpus.story(story) == incremental
        assert (incremental.article_count, incremental.undated_count) == (5, 1)


def test_placing_in_one_transaction_keeps_the_summaries_refresh_story_computes(db: str) -> None:
    """Articles stored and placed in one transaction are filed without reading the
    article back, nor a story started in that transaction (`file_new`'s `unfiled` and
    `empty`): every story's summary must still equal the one recomputed from its members,
    whether it was started or joined, by a dated or an undated article."""
    from newsprobe.corpus.story_indexer import StoryIndexer

    analyses = [synthetic_analysis(item) for item in iter_composed(12, story_size=3, background=0)]
    for number in (4, 7):  # undated and outlet-less members of two stories
        article = analyses[number].article.model_copy(update={"published": None, "outlet": None})
        analyses[number] = analyses[number].model_copy(update={"article": article})
    with Corpus(db) as corpus:
        corpus.add(analyses, indexer=StoryIndexer(), commit_every=len(analyses))
        ids = {corpus.article(a.article.id).story_id for a in analyses}
        assert None not in ids and 1 < len(ids) < len(analyses)
        for story in sorted(i for i in ids if i is not None):
            incremental = corpus.story(story)
            corpus.transaction(lambda s, story=story: story_ops.refresh_story(s.connection, story))
            assert corpus.story(story) == incremental
