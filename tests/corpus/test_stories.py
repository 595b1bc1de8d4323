"""What the store keeps for cross-checking: profiles, candidates, stories, edges.

The `Indexer` used here is a plain one written for these tests (articles sharing a person
and a place within three days are one story); cross-checking's real one is tested with
cross-checking. What is tested is the store's side: that lookup, filing and summaries are
right, and that placement runs inside each article's transaction.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from newsprobe.corpus import Corpus, CorpusSession, Profile, ProvenanceEdge
from newsprobe.corpus.keys import name_key
from newsprobe.document import Analysis, Article
from newsprobe.errors import NotInCorpusError
from newsprobe.evaluation.synthetic_corpus import compose, synthetic_analysis
from newsprobe.findings import EntityFinding, Span

DAY = datetime(2026, 3, 2, 10, tzinfo=UTC)


def _stored(corpus: Corpus, n: int) -> list[Analysis]:
    analyses = [synthetic_analysis(item) for item in compose(n)]
    corpus.add(analyses)
    return analyses


def test_candidates_share_keys_or_bands_within_the_window(db: str) -> None:
    with Corpus(db) as corpus:
        a, b, c, d = (a.article.id for a in _stored(corpus, 4))
        published = {i: corpus.article(i).published for i in (a, b, c, d)}
        profiles = {
            a: Profile(version="t1", keys=["ana ruiz", "kestrava"], bands=["b1", "b2"]),
            b: Profile(version="t1", keys=["ana ruiz"], bands=["b1"]),
            c: Profile(version="t1", keys=["kestrava", "ana ruiz"], bands=[]),
            d: Profile(version="t1", keys=["salden"], bands=["b9"], data={"n": 4}),
        }
        for article_id, profile in profiles.items():
            corpus.save_profile(article_id, profile)

        found = corpus.candidates(keys=["ana ruiz", "kestrava"], bands=["b1", "b2"], exclude=a)
        assert [x.article_id for x in found] == [b, c], "most shared bands first, then keys"
        assert (found[0].shared_bands, found[0].shared_keys) == (1, 1)
        assert (found[1].shared_bands, found[1].shared_keys) == (0, 2)
        assert found[0].profile is not None and found[0].profile.version == "t1"

        assert [x.article_id for x in corpus.candidates(bands=["b9"])] == [d]
        assert corpus.candidates(bands=["b9"])[0].profile == Profile(version="t1", data={"n": 4})
        assert corpus.candidates() == []

        at_b = published[b]
        assert at_b is not None
        narrow = corpus.candidates(keys=["ana ruiz"], published=at_b, window=timedelta(hours=1))
        assert {x.article_id for x in narrow} == {b}
        assert len(corpus.candidates(keys=["ana ruiz"], limit=2)) == 2


def test_undated_articles_are_candidates_unless_left_out(db: str) -> None:
    undated = Article.create(headline="Talks in Kestrava", body="Ana Ruiz met Tomas Brenner.")
    dated = Article.create(
        headline="Talks in Kestrava end", body="Ana Ruiz and Tomas Brenner met.", published=DAY
    )
    with Corpus(db) as corpus:
        corpus.add([Analysis(article=undated), Analysis(article=dated)])
        for article in (undated, dated):
            corpus.save_profile(article.id, Profile(version="t1", keys=["ana ruiz"]))
        around = {"published": DAY, "window": timedelta(days=2), "keys": ["ana ruiz"]}
        assert {c.article_id for c in corpus.candidates(**around)} == {undated.id, dated.id}
        strict = corpus.candidates(**around, include_undated=False)
        assert {c.article_id for c in strict} == {dated.id}


def test_stories_keep_dates_outlets_and_counts_in_step_with_their_members(db: str) -> None:
    with Corpus(db) as corpus:
        analyses = _stored(corpus, 5)
        ids = [a.article.id for a in analyses]
        undated = Article.create(headline="Ferry strike goes on", body="Crews stayed out.")
        corpus.add([Analysis(article=undated)])

        story = corpus.new_story(title="Ferry crews walk out")
        for article_id in (ids[0], ids[2], undated.id):
            corpus.assign(article_id, story)
        summary = corpus.story(story)
        assert summary.title == "Ferry crews walk out"
        assert summary.article_count == 3 and summary.undated_count == 1
        assert summary.first_published == analyses[0].article.published
        assert summary.last_published == analyses[2].article.published
        expected_outlets = sorted({analyses[0].article.outlet, analyses[2].article.outlet})
        assert summary.outlets == expected_outlets
        members = corpus.story_members(story)
        assert [m.id for m in members] == [ids[0], ids[2], undated.id], "by date, undated last"
        assert all(m.story_id == story for m in members)

        other = corpus.new_story(title="Leaders meet")
        corpus.assign(ids[2], other)
        assert corpus.story(story).article_count == 2
        assert corpus.story(other).article_count == 1
        corpus.assign(ids[2], story)
        with pytest.raises(NotInCorpusError):
            corpus.story(other)  # left empty: deleted

        with pytest.raises(NotInCorpusError):
            corpus.assign(ids[1], 999)
        listed = corpus.stories()
        assert [s.id for s in listed] == [story]
        later = analyses[2].article.published
        assert later is not None
        assert corpus.stories(since=later + timedelta(days=1)) == []
        assert [s.id for s in corpus.stories(since=later)] == [story]


def test_merging_stories_moves_every_article(db: str) -> None:
    with Corpus(db) as corpus:
        ids = [a.article.id for a in _stored(corpus, 4)]
        first, second = corpus.new_story(title="one"), corpus.new_story(title="two")
        corpus.assign(ids[0], first)
        corpus.assign(ids[1], second)
        corpus.assign(ids[2], second)
        corpus.transaction(lambda s: s.merge_stories(first, second))
        assert corpus.story(first).article_count == 3
        assert {m.id for m in corpus.story_members(first)} == set(ids[:3])
        with pytest.raises(NotInCorpusError):
            corpus.story(second)


def test_provenance_edges_are_saved_per_story_and_replaced(db: str) -> None:
    with Corpus(db) as corpus:
        analyses = _stored(corpus, 2)
        source, target = (a.article for a in analyses)
        story = corpus.new_story(title="Ferry crews walk out")
        span = Span(start=0, end=11)
        edges = [
            ProvenanceEdge(
                source=source.id,
                to_outlet="Coastline Wire",  # cited, though none of its articles is stored
                kind="cites",
                evidence=span,
                evidence_text=source.slice(span),
            ),
            ProvenanceEdge(
                source=source.id,
                to=target.id,
                to_outlet=target.outlet,
                kind="shares_passage",
                evidence=span,
                evidence_text=source.slice(span),
                directed=False,
                score=0.8,
            ),
        ]
        corpus.save_edges(story, edges)
        assert corpus.edges(story) == edges
        corpus.save_edges(story, edges[1:])
        assert corpus.edges(story) == edges[1:]
        with pytest.raises(NotInCorpusError):
            corpus.edges(story + 1)


class SharedNameIndexer:
    """Files an article with a stored one naming the same people within three days."""

    version = "test-1"

    def __init__(self) -> None:
        self.placed: list[str] = []

    def profile(self, analysis: Analysis) -> Profile:
        names = sorted(
            name_key(f.canonical)
            for f in analysis.of_kind("entity")
            if isinstance(f, EntityFinding) and f.label == "PERSON"
        )
        return Profile(version=self.version, keys=names, data={"names": names})

    def place(
        self, session: CorpusSession, article_id: str, profile: Profile, analysis: Analysis
    ) -> None:
        found = session.candidates(
            keys=profile.keys,
            published=analysis.article.published,
            window=timedelta(days=3),
            exclude=article_id,
        )
        joined = next((c.story_id for c in found if c.shared_keys >= 2 and c.story_id), None)
        story = joined or session.new_story(title=analysis.article.headline_text)
        session.assign(article_id, story)
        self.placed.append(article_id)


def test_an_indexer_files_each_article_as_it_is_added(db: str) -> None:
    indexer = SharedNameIndexer()
    items = compose(12)
    with Corpus(db) as corpus:
        summary = corpus.add([synthetic_analysis(i) for i in items], indexer=indexer)
        assert summary.added == 12 and len(indexer.placed) == 12
        assert corpus.transaction(lambda s: s.without_story()) == []
        assert corpus.transaction(lambda s: s.without_profile("test-1")) == []
        assert len(corpus.transaction(lambda s: s.without_profile("test-2"))) == 12
        stories = corpus.stories()
        assert sum(s.article_count for s in stories) == 12
        for story in stories:
            members = corpus.story_members(story.id)
            names = [set(corpus.profiles([m.id])[m.id].data["names"]) for m in members]  # type: ignore[arg-type]
            assert all(len(names[0] & other) >= 2 for other in names[1:])
        again = corpus.add([synthetic_analysis(i) for i in items[:3]], indexer=indexer)
        assert again.added == 0 and len(indexer.placed) == 12, "duplicates are not placed"


def test_a_failing_placement_stores_nothing_of_that_article(db: str) -> None:
    class Broken(SharedNameIndexer):
        def place(
            self, session: CorpusSession, article_id: str, profile: Profile, analysis: Analysis
        ) -> None:
            session.new_story(title="half done")
            raise RuntimeError("placement failed")

    analysis = synthetic_analysis(compose(1)[0])
    with Corpus(db) as corpus:
        with pytest.raises(RuntimeError):
            corpus.add([analysis], indexer=Broken())
        assert corpus.count() == 0 and corpus.stories() == []
        assert corpus.add([analysis], indexer=SharedNameIndexer()).added == 1


def test_the_whole_window_is_candidates_when_asked(db: str) -> None:
    with Corpus(db) as corpus:
        analyses = _stored(corpus, 6)
        ids = [a.article.id for a in analyses]
        corpus.save_profile(ids[1], Profile(version="t1", keys=["kestrava"]))
        middle = analyses[2].article.published
        assert middle is not None
        window = {"published": middle, "window": timedelta(hours=4), "whole_window": True}
        found = corpus.candidates(keys=["kestrava"], **window)
        # composed articles are three hours apart: the window holds the 2nd to the 4th
        assert found[0].article_id == ids[1], "sharing a key comes first"
        assert {c.article_id for c in found} == set(ids[1:4])
        assert {c.article_id for c in corpus.candidates(**window)} == set(ids[1:4])
        assert [c.article_id for c in corpus.candidates(keys=["kestrava"])] == [ids[1]]


def test_a_storys_analyses_come_back_in_one_call(db: str) -> None:
    with Corpus(db) as corpus:
        analyses = _stored(corpus, 3)
        story = corpus.new_story(title="three")
        for analysis in reversed(analyses):
            corpus.assign(analysis.article.id, story)
        assert corpus.story_analyses(story) == analyses
        ids = [a.article.id for a in analyses]
        assert corpus.reading(lambda s: s.analyses(ids[::-1])) == analyses[::-1]
