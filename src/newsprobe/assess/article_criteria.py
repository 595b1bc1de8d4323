"""The criteria judged on the article alone, one function each, over its findings.

Each judge reads the `FindingsView` and its row of the criteria table (thresholds) and
returns a `Judgement`: the outcome, one sentence a reader understands, what to check, the
figure and the supporting spans. `JUDGES` maps criterion ids to judges.
"""

from __future__ import annotations

from collections.abc import Callable

from newsprobe.assess.judgement import (
    Judgement,
    grade,
    percent,
    quoted,
    spans_and_ids,
    worst,
)
from newsprobe.assess.table import CriterionSpec
from newsprobe.assess.view import FindingsView
from newsprobe.assessment import Figure, Outcome
from newsprobe.findings import (
    AttributionFinding,
    ClaimFinding,
    ClickbaitFinding,
    EngagementBaitFinding,
    HeadlineBodyFinding,
    HedgeFinding,
    SensationalFinding,
    SourcingFinding,
)

__all__ = ["JUDGES"]

Judge = Callable[[FindingsView, CriterionSpec], Judgement]

# Under this many body sentences a share of sentences says nothing.
_MIN_SENTENCES = 3
# A hedge whose cue holds one of these says what is *not* known ("is not thought to be",
# "it is unclear when"): that is speculation kept apart, the practice this criterion
# rewards, not speculation presented as fact.
_NEGATED_CUES = ("not", "n't", "never", "unclear", "unknown", "no ")
# Keys of the sensational rate's details that are not findings in the outlet's own voice.
_NOT_COUNTED = frozenset({"quoted", "not_reported", "words"})
# The stance model's labels that mean the body does not back the headline.
_UNSUPPORTED = frozenset({"disagree", "unrelated"})


def sources_named(view: FindingsView, spec: CriterionSpec) -> Judgement:
    sourced = view.sourced_statements
    if not sourced:
        if view.body_sentences < _MIN_SENTENCES:
            return Judgement("not_applicable", "The article is too short to judge its sourcing.")
        return Judgement(
            "fail",
            f"None of the article's {view.body_sentences} sentences says where its "
            "information comes from.",
            check="Ask where each statement comes from before relying on it.",
            figure=Figure(name="sourced statements", value=0, display="0"),
        )
    unnamed = [a for a in sourced if a.source_type == "anonymous"]
    share = len(unnamed) / len(sourced)
    warn, fail = spec.threshold("warn"), spec.threshold("fail")
    outcome = grade(share, warn=warn, fail=fail)
    if outcome == "fail" and len(unnamed) < spec.threshold("min_unnamed_to_fail"):
        outcome = "warn"
    figure = Figure(
        name="share of sourced statements whose source is unnamed",
        value=round(share, 3),
        display=f"{len(unnamed)} of {len(sourced)} ({percent(share)})",
        thresholds=f"warn from {percent(warn)}, fail from {percent(fail)}",
    )
    if not unnamed:
        return Judgement(
            "pass",
            f"All {len(sourced)} sourced statements name their source.",
            figure=figure,
        )
    names = sorted({a.source or "unnamed" for a in unnamed})
    spans, ids = spans_and_ids(unnamed, span_of="source_span")
    described = ", ".join(quoted(n) for n in names[:3])
    if outcome == "pass":
        explanation = (
            f"{len(sourced) - len(unnamed)} of {len(sourced)} sourced statements name "
            f"their source; {len(unnamed)} rest on unnamed sources ({described})."
        )
    else:
        explanation = (
            f"{len(unnamed)} of {len(sourced)} sourced statements rest on unnamed sources "
            f"({described})."
        )
    return Judgement(
        outcome,
        explanation,
        check=None
        if outcome == "pass"
        else "Ask who the unnamed sources are and whether other outlets name them.",
        figure=figure,
        spans=spans,
        findings=ids,
    )


def original_reporting(view: FindingsView, spec: CriterionSpec) -> Judgement:
    sourcing = next(iter(view.of(SourcingFinding)), None)
    if sourcing is None or sourcing.verdict == "unclear":
        return Judgement(
            "not_applicable", "Too few reported sentences to tell where the story comes from."
        )
    share = sourcing.shares.get("outlet", 0.0)
    fail = spec.threshold("fail")
    figure = Figure(
        name="share of reported sentences sourced to other outlets",
        value=round(share, 3),
        display=percent(share),
        thresholds=f"a retelling warns; fail from {percent(fail)}",
    )
    if sourcing.verdict == "original":
        return Judgement(
            "pass",
            "The reporting is the outlet's own: no other outlet's report carries the story.",
            figure=figure,
            findings=[sourcing.id],
        )
    outlets = ", ".join(sourcing.outlets) or "other outlets"
    cited = [
        a
        for a in view.of(AttributionFinding)
        if a.source_type == "outlet" and a.source_span is not None
    ]
    spans, ids = spans_and_ids(cited, span_of="source_span")
    what = "retells" if sourcing.verdict == "retelling" else "gathers the reports of"
    return Judgement(
        "fail" if share >= fail else "warn",
        f"The article {what} {outlets}: {percent(share)} of its reported sentences come "
        "from their reports.",
        check=f"Read the original report ({outlets}): a retelling can drop its caveats.",
        figure=figure,
        spans=spans,
        findings=[sourcing.id, *ids],
    )


def _negated(hedge: HedgeFinding) -> bool:
    cue = f" {hedge.text.lower()} "
    return any(word in cue for word in _NEGATED_CUES)


def _attributed(view: FindingsView, hedge: HedgeFinding) -> bool:
    """Whether someone named in the statement owns the speculation ("Veles said the talks
    may resume", "the talks may resume, Veles said").

    A framing hedge ("it is believed that", "is expected to") is itself the article's way
    of not naming a source, so a source owns it only when named before it or in a
    reporting clause after a comma ("..., a spokesperson said"): in "It is believed that
    the mayor threatened to resign" the mayor is what is speculated about.
    """
    scope = hedge.scope or hedge.span
    text = view.article.text
    for statement in view.sourced_statements:
        if not statement.span.overlaps(scope):
            continue
        if hedge.hedge_type != "framing":
            return True
        source = statement.source_span or statement.span
        if source.end <= hedge.span.start or "," in text[hedge.span.end : source.start]:
            return True
    return False


def speculation_separated(view: FindingsView, spec: CriterionSpec) -> Judgement:
    sentences = view.body_sentences
    if sentences < _MIN_SENTENCES:
        return Judgement("not_applicable", "The article is too short to judge.")
    own = [
        h
        for h in view.of(HedgeFinding)
        if h.speaker is None
        and not view.quoted(h.span)
        and not _negated(h)
        and not _attributed(view, h)
    ]
    # One statement speculates once, however many cues it has ("may perhaps").
    statements: dict[tuple[int, int], HedgeFinding] = {}
    for hedge in own:
        scope = hedge.scope or hedge.span
        statements.setdefault((scope.start, scope.end), hedge)
    share = min(1.0, len(statements) / sentences)
    warn, fail = spec.threshold("warn"), spec.threshold("fail")
    outcome = grade(share, warn=warn, fail=fail)
    figure = Figure(
        name="share of sentences that speculate in the outlet's own voice",
        value=round(share, 3),
        display=f"{len(statements)} of {sentences} ({percent(share)})",
        thresholds=f"warn from {percent(warn)}, fail from {percent(fail)}",
    )
    if not statements:
        return Judgement(
            "pass",
            "Where the article speculates, it says who does: no guess is made in its own voice.",
            figure=figure,
        )
    hedges = list(statements.values())
    spans, ids = spans_and_ids(hedges)
    cues = ", ".join(quoted(h.text) for h in hedges[:3])
    return Judgement(
        outcome,
        f"{len(hedges)} of {sentences} sentences speculate in the outlet's own voice "
        f"({cues}), without saying who thinks so.",
        check=None
        if outcome == "pass"
        else "Read these sentences as guesses, not reports, and look for who, if anyone, "
        "confirms them.",
        figure=figure,
        spans=spans,
        findings=ids,
    )


def headline_faithful(view: FindingsView, spec: CriterionSpec) -> Judgement:
    if not view.has_headline:
        return Judgement("not_applicable", "The article has no headline.")
    found = view.of(HeadlineBodyFinding)
    stance = next((f for f in found if f.check == "stance"), None)
    mismatches = [f for f in found if f.check != "stance"]
    if stance is None and not mismatches:
        return Judgement(
            "not_applicable",
            "The headline is a question or too short to compare with the body.",
        )
    figure = None
    if stance is not None and stance.stance is not None:
        probability = stance.probabilities.get(stance.stance, stance.confidence)
        figure = Figure(
            name="the body's stance to the headline (stance model)",
            value=round(probability, 3),
            display=f"{stance.stance} {probability:.2f}",
            thresholds="agree or discuss pass; disagree or unrelated fail; a mismatch warns",
        )
    kinds = {m.check for m in mismatches}
    unsupported = stance is not None and stance.stance in _UNSUPPORTED
    outcome: Outcome = "pass"
    if unsupported or len(kinds) >= spec.threshold("fail_mismatches"):
        outcome = "fail"
    elif mismatches:
        outcome = "warn"
    spans = [view.article.headline, *(m.span for m in mismatches)]
    ids = [f.id for f in found]
    if outcome == "pass":
        reads = "supports" if stance is not None and stance.stance == "agree" else "reports"
        return Judgement(
            "pass",
            f"The body {reads} what the headline says"
            + (f" (the stance model reads {figure.display})." if figure else "."),
            figure=figure,
            spans=[view.article.headline],
            findings=ids,
        )
    if unsupported and stance is not None:
        explanation = (
            f"The body does not back the headline: the stance model reads "
            f"{figure.display if figure else stance.stance}."
        )
    else:
        explanation = mismatches[0].note or "The headline says something the body does not."
        if len(mismatches) > 1:
            explanation = explanation.rstrip(".") + f" (and {len(mismatches) - 1} more)."
    return Judgement(
        outcome,
        explanation,
        check="Read the body before repeating the headline: it is the body that reports.",
        figure=figure,
        spans=spans,
        findings=ids,
    )


def no_clickbait(view: FindingsView, spec: CriterionSpec) -> Judgement:
    signal = view.signal("clickbait_probability")
    if signal is None:
        return Judgement("not_applicable", "The article has no headline to score.")
    score = signal.value
    warn, fail = spec.threshold("warn"), spec.threshold("fail")
    outcome = grade(score, warn=warn, fail=fail)
    figure = Figure(
        name="clickbait score of the headline",
        value=score,
        display=f"{score:.2f}",
        thresholds=f"warn from {warn:.2f}, fail from {fail:.2f}",
    )
    if outcome == "pass":
        return Judgement(
            "pass",
            f"The headline states its news rather than teasing it (clickbait score {score:.2f}).",
            figure=figure,
            spans=[signal.span],
            findings=[signal.id],
        )
    flagged = next(iter(view.of(ClickbaitFinding)), None)
    devices = ", ".join(flagged.features[:3]) if flagged and flagged.features else ""
    return Judgement(
        outcome,
        f"The headline reads as clickbait (score {score:.2f})"
        + (f": {devices}." if devices else "."),
        check="Judge the story by what the body reports, not by what the headline promises.",
        figure=figure,
        spans=[signal.span],
        findings=[signal.id, *([flagged.id] if flagged else [])],
    )


def restrained_wording(view: FindingsView, spec: CriterionSpec) -> Judgement:
    signal = view.signal("sensational_rate")
    own = [f for f in view.of(SensationalFinding) if not f.quoted]
    if signal is None:
        return Judgement("not_applicable", "The article has no words to judge.")
    rate = signal.value
    counted = sum(int(n) for key, n in signal.details.items() if key not in _NOT_COUNTED)
    headline = view.article.headline
    in_headline = [f for f in own if headline.contains(f.span) and len(headline)]
    warn, fail = spec.threshold("warn"), spec.threshold("fail")
    body: Outcome = (
        "pass" if counted < spec.threshold("min_count") else grade(rate, warn=warn, fail=fail)
    )
    head: Outcome = grade(
        len(in_headline), warn=spec.threshold("headline_warn"), fail=spec.threshold("headline_fail")
    )
    outcome = worst(body, head)
    figure = Figure(
        name="sensational words per 100 words, in the outlet's own voice",
        value=rate,
        display=f"{rate:.1f} per 100 words ({counted} in all, {len(in_headline)} in the headline)",
        thresholds=f"warn from {warn:g}, fail from {fail:g}; one loaded headline word warns, "
        "two fail",
    )
    if outcome == "pass":
        return Judgement(
            "pass",
            f"The outlet's own wording is restrained ({rate:.1f} loaded words per 100 words).",
            figure=figure,
            findings=[signal.id],
        )
    ordered = in_headline + [f for f in own if f not in in_headline]
    spans, ids = spans_and_ids(ordered)
    words = ", ".join(quoted(f.text) for f in ordered[:4])
    where = f", {len(in_headline)} of them in the headline" if in_headline else ""
    return Judgement(
        outcome,
        f"The outlet's own wording is loaded ({words}): {rate:.1f} such words or marks per "
        f"100 words{where}.",
        check="Separate what happened from how it is described: these words judge before "
        "the facts do.",
        figure=figure,
        spans=spans,
        findings=[signal.id, *ids],
    )


def no_engagement_bait(view: FindingsView, spec: CriterionSpec) -> Judgement:
    baits = view.of(EngagementBaitFinding)
    figure = Figure(
        name="questions and calls to the reader",
        value=len(baits),
        display=str(len(baits)),
        thresholds=f"one question warns; a call to comment, share or vote, or "
        f"{spec.threshold('fail_count'):g} baits, fail",
    )
    if not baits:
        return Judgement(
            "pass",
            "The article informs its readers without asking them to comment, share or vote.",
            figure=figure,
        )
    calls = [b for b in baits if b.form != "question_to_reader"]
    outcome: Outcome = "fail" if calls or len(baits) >= spec.threshold("fail_count") else "warn"
    spans, ids = spans_and_ids(baits)
    return Judgement(
        outcome,
        f"The article turns to its readers instead of informing them: {quoted(baits[-1].text)}.",
        check="Such questions invite opinion and add no facts: look for what the article "
        "reports, not what it asks.",
        figure=figure,
        spans=spans,
        findings=ids,
    )


def claims_attributed(view: FindingsView, spec: CriterionSpec) -> Judgement:
    claims = sorted(view.of(ClaimFinding), key=lambda c: -c.checkworthiness)
    if not claims:
        return Judgement(
            "warn",
            "Nothing in the article is a checkable claim: it is opinion, or too vague to check.",
            check="Treat it as a point of view, not as a report of facts.",
            figure=Figure(name="checkable claims", value=0, display="0"),
        )
    unsourced = [c for c in claims if not view.sourced(c.span)]
    share = (len(claims) - len(unsourced)) / len(claims)
    warn, passing = spec.threshold("warn"), spec.threshold("pass")
    if share >= passing:
        outcome: Outcome = "pass"
    elif share >= warn or len(claims) == 1:
        outcome = "warn"
    else:
        outcome = "fail"
    figure = Figure(
        name="share of checkable claims in a sourced statement",
        value=round(share, 3),
        display=f"{len(claims) - len(unsourced)} of {len(claims)} ({percent(share)})",
        thresholds=f"pass from {percent(passing)}, fail under {percent(warn)}",
    )
    spans, ids = spans_and_ids(unsourced)
    sourced_part = f"{len(claims) - len(unsourced)} of {len(claims)} checkable claims are sourced"
    if not unsourced:
        return Judgement("pass", f"All {len(claims)} checkable claims are sourced.", figure=figure)
    first = unsourced[0]
    return Judgement(
        outcome,
        f"{sourced_part}; the most check-worthy unsourced one is {quoted(first.text)}.",
        check=None
        if outcome == "pass"
        else "Check the unsourced claims first, most check-worthy first.",
        figure=figure,
        spans=spans,
        findings=ids,
    )


JUDGES: dict[str, Judge] = {
    "sources_named": sources_named,
    "original_reporting": original_reporting,
    "speculation_separated": speculation_separated,
    "headline_faithful": headline_faithful,
    "no_clickbait": no_clickbait,
    "restrained_wording": restrained_wording,
    "no_engagement_bait": no_engagement_bait,
    "claims_attributed": claims_attributed,
}
