"""Another event's figures, lined up with that event's own coverage when it is stored.

An article about a shooting at the Harth checkpoint recalls that "two days earlier a
driver killed one soldier and injured four near Dovrin". `figure_mentions` scopes those
figures as another event's and the story's articles share the places they tie to it
(`alignment`), so the Harth articles' Dovrin figures line up with each other. The best
witnesses of the Dovrin toll, though, are the articles about the ramming itself: when
the corpus holds that story, its figures join the alignment (an outlet that says
"injured three" is then measured against everyone who reported the ramming).

This module says which other story is that event:

- `OtherStory`: a stored story offered for comparison, with its views and voices;
- `wanted_names`: the places a story's articles tie to another event, by scope (what the
  store looks candidate stories up by);
- `match_stories`: for each such scope, the offered story that is about it: most of its
  articles name one of those places in their headline or lede, and it happened before the
  story that recalls it (in the year the recall names, when it names one);
- `borrowed_mentions`: that story's own figures, scoped as the recalled event.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from newsprobe.corpus.figure_mentions import (
    FigureMention,
    figure_mentions,
    other_event_names,
    own_names,
)
from newsprobe.corpus.provenance import provenance, voices
from newsprobe.corpus.view import ArticleView

__all__ = ["OtherStory", "borrowed_mentions", "match_stories", "wanted_names"]


@dataclass(frozen=True)
class OtherStory:
    """A stored story that may be an event the cross-checked story recalls."""

    id: int | str
    views: Sequence[ArticleView]
    event_days: Mapping[str, date | None] = field(default_factory=dict)

    @cached_property
    def voices(self) -> dict[str, str]:
        """Article id -> independent voice within that story (`provenance.voices`); only
        read for a story that matched, so offering many stories costs little."""
        return voices(self.views, provenance(self.views).edges) if self.views else {}

    def first_day(self) -> date | None:
        """The earliest event day of its articles, else their earliest publication day."""
        return _first_day(self.views, self.event_days)


def _first_day(views: Sequence[ArticleView], days: Mapping[str, date | None]) -> date | None:
    known = [d for v in views if (d := days.get(v.id)) is not None]
    if not known:
        known = [v.article.published.date() for v in views if v.article.published]
    return min(known, default=None)


def _usual_day(views: Sequence[ArticleView], days: Mapping[str, date | None]) -> date | None:
    """The event day most of the story's articles give (the latest of a tie): one article
    whose lede reads the recalled event's day must not move the story back to it."""
    known = Counter(d for v in views if (d := days.get(v.id)) is not None)
    if not known:
        return _first_day(views, days)
    return max(known, key=lambda d: (known[d], d))


def wanted_names(views: Sequence[ArticleView], days: Mapping[str, date | None]) -> dict[str, str]:
    """Places (folded) the story's articles tie to another event, with that event's
    scope ("other:earlier", "other:2019"); never a place one of them names in its
    headline or lede, which is the story's own."""
    own = {name for v in views for name in own_names(v)}
    found: dict[str, str] = {}
    for v in views:
        for name, scope in other_event_names(v, event_day=days.get(v.id)).items():
            if name not in own:
                found.setdefault(name, scope)
    return found


def _names_any(names: set[str], places: set[str]) -> bool:
    """Whether one of `places` is one of `names` or a word of one: "Brask" is named by a
    lede's "Brask Coal" (the small model runs a place into the company after it)."""
    words = {w for name in names for w in name.split()}
    return bool(places & (names | words))


def match_stories(
    names: Mapping[str, str],
    views: Sequence[ArticleView],
    days: Mapping[str, date | None],
    offered: Sequence[OtherStory],
) -> dict[str, OtherStory]:
    """Recalled event scope -> the offered story about it, for the scopes one matches.

    A story matches a scope when at least half of its articles name one of the scope's
    places in their headline or lede (it is about that place, not passing through it),
    its first day is before the day most of the recalling story's articles give, and it
    falls in the year the scope names, if it names one. Of several, the one whose
    articles name them most.
    """
    home = _usual_day(views, days)
    found: dict[str, OtherStory] = {}
    for scope in sorted(set(names.values())):
        places = {name for name, s in names.items() if s == scope}
        year = scope.removeprefix("other:")
        best, best_told = None, 0
        for story in offered:
            told = sum(1 for v in story.views if _names_any(own_names(v), places))
            if not told or 2 * told < len(story.views):
                continue
            first = story.first_day()
            if first is not None and home is not None and first >= home:
                continue
            if year.isdigit() and (first is None or first.year != int(year)):
                continue
            if told > best_told:
                best, best_told = story, told
        if best is not None:
            found[scope] = best
    return found


def borrowed_mentions(story: OtherStory, scope: str) -> list[FigureMention]:
    """The other story's figures of its own event, scoped as the event recalled."""
    return [
        replace(m, scope=scope)
        for v in story.views
        for m in figure_mentions(v, event_day=story.event_days.get(v.id))
        if m.scope == "main"
    ]
