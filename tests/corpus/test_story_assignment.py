"""Profiles and incremental story assignment on composed coverage (tests/corpus/coverage_set)."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date

import pytest

from newsprobe.corpus.profile import ArticleProfile, build_profiles
from newsprobe.corpus.shingles import BANDS, estimated_jaccard
from newsprobe.corpus.stories import Candidate, assign_story, compare_profiles, time_window
from tests.corpus.coverage_set import STORIES, analyses


@pytest.fixture(scope="module")
def profiles() -> dict[str, ArticleProfile]:
    found = analyses()
    return {
        str(a.article.meta["key"]): p for a, p in zip(found, build_profiles(found), strict=True)
    }


def test_profile_round_trips_through_json(profiles: dict[str, ArticleProfile]) -> None:
    profile = profiles["a1"]
    assert ArticleProfile.from_json(profile.to_json()) == profile
    assert len(profile.bands) == BANDS and profile.keys
    assert profile.embedding().shape == (512,)


def test_profile_reads_names_days_and_figures_in_any_language(
    profiles: dict[str, ArticleProfile],
) -> None:
    tuesday = date(2026, 4, 14)
    for key in ("a1", "a5", "a6"):  # English, French, German
        assert profiles[key].event_day == tuesday, key
        assert {"n:marrow", "n:voss"} <= set(profiles[key].names), key
        assert "duration:45" in profiles[key].figures, key
    assert profiles["a8"].published is None and profiles["a8"].event_day is None
    assert profiles["a7"].event_day == date(2024, 5, 1)
    # The article's own outlet is not what it is about.
    assert "n:northgate" not in profiles["b2"].names


def test_near_copies_have_close_signatures(profiles: dict[str, ArticleProfile]) -> None:
    copy = estimated_jaccard(profiles["a1"].signature(), profiles["a2"].signature())
    other = estimated_jaccard(profiles["a1"].signature(), profiles["a3"].signature())
    assert copy > 0.6 > 0.2 > other
    assert set(profiles["a1"].bands) & set(profiles["a2"].bands)


def test_distractors_are_vetoed_by_their_event_day(profiles: dict[str, ArticleProfile]) -> None:
    earlier_summit = compare_profiles(profiles["a1"], profiles["a7"])
    assert earlier_summit.veto and "event days differ" in earlier_summit.veto
    week_later = compare_profiles(profiles["b1"], profiles["b4"])
    assert week_later.veto
    same = compare_profiles(profiles["a1"], profiles["a5"])  # English and French
    assert same.veto is None and same.score > 1.0


def _assign(order: list[str], profiles: dict[str, ArticleProfile]) -> dict[str, str]:
    placed: list[Candidate] = []
    story_of: dict[str, str] = {}
    for key in order:
        profile = profiles[key]
        start, end = time_window(profile)
        candidates = [
            c
            for c in placed
            if set(c.profile.keys) & set(profile.keys)
            or (start and end and c.profile.published and start <= c.profile.published <= end)
        ]
        decision = assign_story(profile, candidates)
        story_of[key] = decision.story or f"s{len(placed)}"
        placed.append(Candidate(profile=profile, story=story_of[key]))
    return story_of


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_assignment_finds_the_stories_in_any_order(
    seed: int, profiles: dict[str, ArticleProfile]
) -> None:
    order = sorted(profiles)
    random.Random(seed).shuffle(order)
    story_of = _assign(order, profiles)
    found: dict[str, set[str]] = defaultdict(set)
    for key, story in story_of.items():
        found[story].add(key)
    assert sorted(map(sorted, found.values())) == sorted(map(sorted, STORIES.values()))


def test_assignment_explains_what_it_rejected(profiles: dict[str, ArticleProfile]) -> None:
    candidates = [Candidate(profile=profiles["a1"], story="ferry-2026")]
    decision = assign_story(profiles["a7"], candidates)
    assert decision.story is None
    assert "event day" in decision.rejected["ferry-2026"]
    joined = assign_story(profiles["a2"], candidates)
    assert joined.story == "ferry-2026" and joined.matched == profiles["a1"].article
    assert joined.evidence is not None and joined.evidence.near_copy


def test_an_undated_article_has_no_time_bound(profiles: dict[str, ArticleProfile]) -> None:
    assert time_window(profiles["a8"]) == (None, None)
    start, end = time_window(profiles["a1"])
    assert start is not None and end is not None and (end - start).days == 6


def _profile(headline: str, body: str, language: str, published: str) -> ArticleProfile:
    from datetime import datetime

    import newsprobe
    from newsprobe.document import Article

    article = Article.create(
        headline=headline,
        body=body,
        outlet=f"Outlet {language}",
        published=datetime.fromisoformat(published),
        language=language,
    )
    (profile,) = build_profiles([newsprobe.analyze(article)])
    return profile


def test_a_follow_up_that_says_it_comes_days_after_the_event_joins_its_story() -> None:
    election = _profile(
        "Civic League wins Osk election",
        "The Civic League won Sunday's election to the Osk regional assembly with 38.4 "
        "percent of the vote, ahead of the Green List, its leader Ana Roth said.",
        "en",
        "2026-11-22T22:00:00+01:00",
    )
    coalition = _profile(
        "Roth pacta con la Lista Verde para gobernar Osk",
        "La líder de la Liga Cívica, Ana Roth, anunció este martes un acuerdo de coalición "
        "con la Lista Verde para gobernar la región de Osk, dos días después de ganar las "
        "elecciones regionales.",
        "es",
        "2026-11-24T18:00:00+01:00",
    )
    assert coalition.follows == [date(2026, 11, 22)]
    decision = assign_story(coalition, [Candidate(profile=election, story="osk-election")])
    assert decision.story == "osk-election", decision.rejected


def test_an_earlier_event_recalled_days_before_is_no_follow_up() -> None:
    attack = _profile(
        "Gunman kills two guards at Harth checkpoint",
        "Two border guards were shot dead at the Harth checkpoint on Thursday, the ministry "
        "said. The attack comes two days after a driver killed one soldier near Dovrin.",
        "en",
        "2026-12-03T14:00:00+01:00",
    )
    assert attack.follows == []
