"""`StoryIndexer` in a real store: articles filed in stories as they are added.

Hand-made analyses (no parsing): a wire report, a paper's copy of it, an undated copy, and
the same two leaders' talks two years earlier. Their names come from capitalization and
their lead vectors from the shipped encoder, as for any article without entity findings.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsprobe.corpus import Corpus
from newsprobe.corpus.checking import crosscheck_new, crosscheck_stored, story_with_articles
from newsprobe.corpus.profile import build_profile
from newsprobe.corpus.stories import MAX_PUBLISHED_GAP, story_range_veto
from newsprobe.corpus.story_indexer import StoryIndexer, place_unfiled
from newsprobe.document import Analysis, Article

SUMMIT = datetime(2026, 11, 10, 15, 40, tzinfo=UTC)
REPORT = (
    "President Ana Ruiz of Ostrel and Prime Minister Tomas Brenner of Ordania met for an "
    "hour at the Lakeside Palace in Varn on Tuesday and agreed to set up a joint commission "
    "to prepare the restart of gas flows through the Halden pipeline. The two leaders also "
    "signed a transit accord for Ordanian grain through the port of Aldis. Foreign Minister "
    "Irena Vosk of Kestrava hosted the talks and called them a good day for the region."
)
EARLIER = (
    "President Ana Ruiz of Ostrel and Prime Minister Tomas Brenner of Ordania ended two days "
    "of talks at Castelmar on Thursday without an agreement on the price of Ordanian gas. "
    "Brenner said his government would not sell below the market rate, and Ruiz said the "
    "door remained open for another round later in the year."
)


def _analysis(
    body: str,
    *,
    outlet: str | None,
    published: datetime | None,
    url: str,
    headline: str = "Ruiz and Brenner agree Halden pipeline commission",
) -> Analysis:
    article = Article.create(
        headline=headline, body=body, outlet=outlet, published=published, url=url, language="en"
    )
    return Analysis(article=article)


def _coverage() -> list[Analysis]:
    return [
        _analysis(REPORT, outlet="Coastline Wire", published=SUMMIT, url="https://cw.example/1"),
        _analysis(
            REPORT.replace("for an hour", "for about an hour"),
            outlet="Lusk Valley Courier",
            published=SUMMIT + timedelta(hours=2),
            url="https://lvc.example/summit",
        ),
        _analysis(REPORT, outlet="Brennfelder Post", published=None, url="https://bp.example/x"),
        _analysis(
            EARLIER,
            outlet="The Meridian Herald",
            published=datetime(2024, 6, 13, 20, tzinfo=UTC),
            url="https://mh.example/castelmar",
            headline="No deal for Ruiz and Brenner at Castelmar",
        ),
    ]


def test_story_range_veto_keeps_articles_near_the_story_in_time() -> None:
    first, last = SUMMIT, SUMMIT + timedelta(days=2)
    near, far = _coverage()[1], _coverage()[3]
    assert story_range_veto(build_profile(near), first, last) is None
    assert "2026-11-10" in (story_range_veto(build_profile(far), first, last) or "")
    assert story_range_veto(build_profile(far), None, None) is None  # an undated story
    assert (SUMMIT - far.article.published) > MAX_PUBLISHED_GAP  # type: ignore[operator]


def test_articles_join_their_story_and_another_year_starts_a_new_one(tmp_path: Path) -> None:
    wire, copy, undated, earlier = _coverage()
    with Corpus(tmp_path / "corpus.db") as corpus:
        summary = corpus.add([wire, copy, undated, earlier], indexer=StoryIndexer())
        assert summary.added == 4
        stories = {a.article.id: corpus.article(a.article.id).story_id for a in _coverage()}
        assert stories[wire.article.id] == stories[copy.article.id] == stories[undated.article.id]
        assert stories[earlier.article.id] not in (None, stories[wire.article.id])
        story = story_with_articles(corpus, stories[wire.article.id] or 0)
        assert story.title == wire.article.headline_text
        assert [a.id for a in story.articles][-1] == undated.article.id  # undated last
        assert story.undated_count == 1 and story.article_count == 3


def test_crosscheck_new_places_read_only_and_a_stored_unfiled_article_says_so(
    tmp_path: Path,
) -> None:
    wire, copy, _, earlier = _coverage()
    with Corpus(tmp_path / "corpus.db") as corpus:
        corpus.add([wire, earlier])  # no indexer: stored, filed in no story
        check = crosscheck_stored(corpus, wire.article.url or "")
        assert check.story is None and "filed in no story" in check.notices[0]
        assert corpus.transaction(lambda s: place_unfiled(s, StoryIndexer())) == 2
        assert corpus.transaction(lambda s: place_unfiled(s, StoryIndexer())) == 0
        new = crosscheck_new(corpus, copy)
        assert new.stored is False and new.story is not None
        assert new.story.id == corpus.article(wire.article.id).story_id
        assert corpus.count() == 2
        again = crosscheck_new(corpus, wire)  # already stored: checked as stored
        assert again.stored is True and "already holds" in again.notices[0]


def test_a_crosschecks_story_lists_its_articles_as_the_story_listing_does(
    tmp_path: Path,
) -> None:
    """A cross-check builds its story's article list from the analyses it read anyway (no
    second read of the members); the list must be the one `story_with_articles` gives:
    same articles, same order (undated last), same fields."""
    wire, copy, undated, earlier = _coverage()
    with Corpus(tmp_path / "corpus.db") as corpus:
        corpus.add([wire, copy, undated, earlier], indexer=StoryIndexer())
        stored = crosscheck_stored(corpus, copy.article.id)
        assert stored.story is not None
        listed = story_with_articles(corpus, stored.story.id)
        assert stored.story == listed
        assert [a.id for a in listed.articles][-1] == undated.article.id
        retold = _analysis(
            REPORT, outlet="Aldis Evening", published=SUMMIT, url="https://ae.example/summit"
        )
        new = crosscheck_new(corpus, retold)
        assert new.story == listed


@pytest.mark.parametrize("story", ["0", "-3", "twelve"])
def test_story_ids_must_be_positive_numbers(story: str) -> None:
    from newsprobe.cli.corpus import parse_story_id
    from newsprobe.errors import NotInCorpusError

    with pytest.raises(NotInCorpusError, match="is not a story id"):
        parse_story_id(story)


def test_a_commit_batch_is_profiled_at_once_and_filed_as_one_at_a_time(tmp_path: Path) -> None:
    coverage = _coverage()
    indexer = StoryIndexer()
    batched = indexer.profile_many(coverage)
    single = [indexer.profile(a) for a in coverage]
    assert [p.keys for p in batched] == [p.keys for p in single]
    assert [p.bands for p in batched] == [p.bands for p in single]
    assert indexer.profile_many(coverage[:1]) == single[:1]  # one: the very same vector
    stories = []
    for commit_every in (1, len(coverage)):
        with Corpus(tmp_path / f"{commit_every}.db") as corpus:
            corpus.add(coverage, indexer=indexer, commit_every=commit_every)
            stories.append([corpus.article(a.article.id).story_id for a in coverage])
    assert stories[0] == stories[1]


def test_the_story_ranges_placement_reads_with_its_candidates_are_ordered_as_stories_by_id(
    tmp_path: Path,
) -> None:
    """Placement takes its candidates' story ranges from the candidate lookup rather than
    from `stories_by_id`; the vetoes it reports (`Assignment.rejected`, `--explain`) keep
    that query's order: latest first, the same last time by id (highest first), undated
    stories last."""
    from newsprobe.corpus.story_indexer import _latest_first

    wire, copy, undated, earlier = _coverage()
    tie = _analysis(
        REPORT.replace("Tuesday", "Tuesday evening"),
        outlet="Harbour Daily",
        published=SUMMIT,
        url="https://hd.example/1",
    )
    with Corpus(tmp_path / "corpus.db") as corpus:
        corpus.add([wire, copy, undated, earlier, tie])
        stories = []
        for analysis in (wire, undated, copy, earlier, tie):
            story = corpus.new_story(title=analysis.article.headline_text)
            corpus.assign(analysis.article.id, story)
            stories.append(story)
        listed = corpus.reading(lambda s: s.stories_by_id(stories))
        ranges = {s.id: (s.first_published, s.last_published) for s in listed}
        assert _latest_first(ranges) == [s.id for s in listed]
        assert [s.id for s in listed] == [stories[i] for i in (2, 4, 0, 3, 1)]
