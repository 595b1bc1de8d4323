"""One article against the other coverage of its story.

`crosscheck(target, members)` runs every comparison over the story's analyses and returns
a `CrossCheck` (`newsprobe.coverage`): the aligned figures with each outlet's value,
span and verdict and the consensus; the target's claims with their verdicts; its quotes
with their fidelity; its speculation answered; and the provenance edges that touch it.
It is a pure function of the analyses: the store reads them, the CLI and the REST API
render the result.

    >>> result = crosscheck(analysis, story_analyses)  # doctest: +SKIP
    >>> [(f.description, f.target_verdict) for f in result.figures]  # doctest: +SKIP
    [('duration of the meeting of Ilse Marrow and Petar Voss', 'contradiction')]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from newsprobe.corpus.alignment import align_figures
from newsprobe.corpus.claim_check import check_claims
from newsprobe.corpus.i18n.figures import FOREIGN_LANGUAGES
from newsprobe.corpus.other_events import OtherStory
from newsprobe.corpus.profile import ArticleProfile, event_day
from newsprobe.corpus.provenance import provenance, voices
from newsprobe.corpus.quote_fidelity import check_quotes
from newsprobe.corpus.speculation import check_speculation
from newsprobe.corpus.view import ArticleView
from newsprobe.coverage import AlignedFigure, CrossCheck, ProvenanceGraph, Story
from newsprobe.document import Analysis
from newsprobe.languages import language_name

__all__ = ["MEMBER_KINDS", "crosscheck", "story_provenance"]

#: The finding kinds a cross-check reads from the story's other articles (figures, their
#: events and entities, quotes, attributions and hedges; and the questions of
#: `speculation`). Only the cross-checked article's claims are compared, so the store
#: may hand the others over without claims, signals or assessment (`load_analyses`'s
#: `kinds`); a test checks that the output is the same either way.
MEMBER_KINDS = frozenset(
    {"entity", "quantity", "event", "quote", "attribution", "hedge", "engagement_bait"}
)


def _views(target: Analysis, members: Sequence[Analysis]) -> list[ArticleView]:
    seen = {target.article.id}
    views = [ArticleView(target)]
    for analysis in members:
        if analysis.article.id not in seen:
            seen.add(analysis.article.id)
            views.append(ArticleView(analysis))
    return views


def _notices(target: ArticleView, others: Sequence[ArticleView]) -> list[str]:
    notices = []
    if not others:
        notices.append("no other article of this story is stored: there is nothing to compare")
    if target.article.published is None:
        notices.append(
            "the article has no publication date: its story was found by its text alone, "
            "and copies cannot be told from originals by date"
        )
    if not target.english:
        language = language_name(target.language)
        if target.language in FOREIGN_LANGUAGES:
            readable = "its figures, names and quotations were compared"
        else:
            readable = (
                f"figures and names are not read in {language} either: only its quotations "
                "could be compared"
            )
        notices.append(
            f"the article is in {language}: claims and speculation are read in English "
            f"only; {readable}"
        )
    foreign = sorted({v.language for v in others if not v.english})
    if foreign:
        names = ", ".join(language_name(code) for code in foreign)
        notices.append(
            f"articles in {names} were compared by figures, names and close statements; "
            "their quotes are translations and were not compared word by word"
        )
    if not target.article.outlet:
        notices.append("the article names no outlet: it counts as its own voice")
    return notices


def _with_target_verdict(figure: AlignedFigure, target: str) -> AlignedFigure:
    own = [v for v in figure.values if v.article == target]
    if not own:
        return figure
    body = [v for v in own if v.span.start > 0] or own
    return figure.model_copy(update={"target_verdict": body[-1].verdict})


def _other_story(
    key: int | str, analyses: Sequence[Analysis], day_of: Callable[[ArticleView], date | None]
) -> OtherStory:
    views = [ArticleView(a) for a in analyses]
    return OtherStory(id=key, views=views, event_days={v.id: day_of(v) for v in views})


def crosscheck(
    target: Analysis,
    members: Sequence[Analysis],
    *,
    profiles: Mapping[str, ArticleProfile] | None = None,
    event_days: Mapping[str, date | None] | None = None,
    story: Story | None = None,
    stored: bool | None = None,
    others: Mapping[int, Sequence[Analysis]] | Mapping[str, Sequence[Analysis]] | None = None,
) -> CrossCheck:
    """Compare `target` with the other articles of its story.

    Args:
        target: the article to cross-check, analysed.
        members: its story's articles (the target among them or not).
        profiles: article id -> stored profile, when at hand (saves re-reading event days).
        event_days: article id -> event day, when known (the store reads them from the
            stored profiles without validating the whole profile); before `profiles`.
        story: the story, as the store lists it, for the output.
        stored: whether the target is stored in the corpus, for the output.
        others: other stored stories by id, with their analyses, that may be events
            the story recalls ("two days after a ramming near Dovrin killed one
            soldier"): the one about such an event lines up its figures of it
            (`other_events`). Their event days are read like the members'.
    """
    views = _views(target, members)
    me, rest = views[0], views[1:]
    graph = provenance(views, around=me.id)
    voice = voices(views, graph.edges)

    def day_of(v: ArticleView) -> date | None:
        if event_days is not None and v.id in event_days:
            return event_days[v.id]
        if profiles is not None and v.id in profiles:
            return profiles[v.id].event_day
        return event_day(v.analysis)

    days = {v.id: day_of(v) for v in views}
    recalled = [_other_story(key, analyses, day_of) for key, analyses in (others or {}).items()]
    figures = align_figures(views, voices=voice, event_days=days, others=recalled)
    figures = [_with_target_verdict(f, me.id) for f in figures]
    figures.sort(key=lambda f: (f.target_verdict is None, f.event != "main"))
    english = me.english
    return CrossCheck(
        target=me.ref(),
        story=story,
        stored=stored,
        figures=figures,
        claims=check_claims(me, rest, voices=voice, figures=figures) if english else [],
        quotes=check_quotes(me, rest, voices=voice),
        speculation=check_speculation(me, rest) if english else [],
        provenance=[e for e in graph.edges if me.id in (e.source, e.to)],
        notices=_notices(me, rest),
    )


def story_provenance(
    members: Sequence[Analysis], *, story: int | str | None = None
) -> ProvenanceGraph:
    """The provenance graph of a whole story."""
    if not members:
        return ProvenanceGraph(story=story)
    views = _views(members[0], members[1:])
    return provenance(views, story=story)
