"""The criteria judged against other coverage, from a cross-check (`CrossCheckEvidence`).

Without a cross-check they are not applicable; the checklist says so and leaves them out
of the rating. `JUDGES` maps criterion ids to judges.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newsprobe.assess.evidence import (
    ClaimCheck,
    ClaimEvidence,
    CrossCheckEvidence,
    consensus_text,
    outlet_of,
)
from newsprobe.assess.judgement import MAX_SPANS, Judgement, percent, quoted
from newsprobe.assess.table import CriterionSpec
from newsprobe.assess.view import FindingsView
from newsprobe.assessment import Figure, Outcome

__all__ = ["JUDGES"]

Judge = Callable[[CrossCheckEvidence, FindingsView, CriterionSpec], Judgement]


# Outlets named in one explanation; the rest are counted.
_NAMED = 3


def _voices(crosscheck: CrossCheckEvidence, evidence: Sequence[ClaimEvidence]) -> list[str]:
    """The distinct outlets behind a list of evidence (an article without an outlet is
    its own voice, keyed by its id)."""
    names = [e.outlet or outlet_of(crosscheck, e.article) or f"#{e.article}" for e in evidence]
    return list(dict.fromkeys(names))


def _named(voices: list[str]) -> str:
    """ "A, B, C and 4 more", articles without an outlet said as such."""
    shown = [v if not v.startswith("#") else "an article with no outlet" for v in voices]
    head = ", ".join(dict.fromkeys(shown[:_NAMED]))
    more = len(shown) - _NAMED
    return f"{head} and {more} more" if more > 0 else head or "another outlet"


def _contested(crosscheck: CrossCheckEvidence, claim: ClaimCheck) -> bool:
    """Disputed by at least as many outlets as corroborate it.

    The cross-check calls a claim "disputed" as soon as one outlet disputes it; a claim
    ten outlets corroborate and one tabloid disputes is the tabloid's problem, not this
    article's, and counts here as corroborated.
    """
    if claim.verdict != "disputed":
        return False
    against = _voices(crosscheck, claim.disputed_by)
    return len(against) >= len(_voices(crosscheck, claim.corroborated_by))


def corroborated(
    crosscheck: CrossCheckEvidence, view: FindingsView, spec: CriterionSpec
) -> Judgement:
    del view  # the claims carry their own text
    claims = list(crosscheck.claims)
    if not claims:
        return Judgement(
            "not_applicable", "None of the article's claims could be compared with other outlets."
        )
    contested = [c for c in claims if _contested(crosscheck, c)]
    alone = [c for c in claims if c.verdict == "only_here"]
    backed = [c for c in claims if c not in contested and c not in alone]
    share = len(backed) / len(claims)
    passing = spec.threshold("pass")
    outcome: Outcome = "fail" if contested else ("pass" if share >= passing else "warn")
    figure = Figure(
        name="share of compared claims other outlets corroborate",
        value=round(share, 3),
        display=f"{len(backed)} of {len(claims)} ({percent(share)})",
        thresholds=f"pass from {percent(passing)}; a claim most other outlets dispute fails",
    )
    spans = [c.span for c in (contested + alone)[:MAX_SPANS]]
    check: str | None = None
    if contested:
        first = contested[0]
        by = _named(_voices(crosscheck, first.disputed_by))
        explanation = (
            f"{len(contested)} of {len(claims)} claims are disputed by most of the other "
            f"coverage that reports on them: {quoted(first.text)} ({by})."
        )
        check = "Compare the disputed claims with the other reports before relying on them."
    elif outcome == "warn":
        explanation = (
            f"Only {len(backed)} of {len(claims)} claims appear in other outlets' coverage; "
            f"{len(alone)} are in this article alone."
        )
        check = "Claims only this outlet makes are the ones to check first."
    else:
        explanation = f"{len(backed)} of {len(claims)} claims are corroborated by other outlets"
        dissent = [c for c in backed if c.verdict == "disputed"]
        explanation += (
            f" ({len(dissent)} of them disputed by fewer outlets than corroborate them)."
            if dissent
            else "."
        )
    return Judgement(outcome, explanation, check=check, figure=figure, spans=spans)


def figures_consistent(
    crosscheck: CrossCheckEvidence, view: FindingsView, spec: CriterionSpec
) -> Judgement:
    del view, spec  # no thresholds: any contradiction fails, any other difference warns
    target = crosscheck.target.id
    own = [
        (figure, value)
        for figure in crosscheck.figures
        for value in figure.values
        if value.article == target and value.verdict is not None
    ]
    if not own:
        return Judgement(
            "not_applicable", "None of the article's figures is given by other outlets too."
        )
    off = [(f, v) for f, v in own if v.verdict != "consistent"]
    contradicted = [(f, v) for f, v in off if v.verdict == "contradiction"]
    outcome: Outcome = "fail" if contradicted else ("warn" if off else "pass")
    figure = Figure(
        name="figures other outlets give differently",
        value=len(off),
        display=f"{len(off)} of {len(own)}",
        thresholds="a contradiction fails; a minority figure or a minor discrepancy warns",
    )
    if not off:
        return Judgement(
            "pass",
            f"All {len(own)} figures the article shares with other outlets agree with theirs.",
            figure=figure,
        )
    worst_figure, worst_value = (contradicted or off)[0]
    verdict = (worst_value.verdict or "").replace("_", " ")
    return Judgement(
        outcome,
        f"{len(off)} of {len(own)} figures differ from other coverage: for the "
        f"{worst_figure.description}, this article gives {quoted(worst_value.text)} "
        f"against {consensus_text(worst_figure)} ({verdict}).",
        check="Check these numbers against the other outlets' and, where there is one, "
        "the primary source.",
        figure=figure,
        spans=[v.span for _, v in off][:MAX_SPANS],
    )


def quotes_faithful(
    crosscheck: CrossCheckEvidence, view: FindingsView, spec: CriterionSpec
) -> Judgement:
    del view, spec  # no thresholds: any altered quote fails, any truncated one warns
    compared = [q for q in crosscheck.quotes if q.fidelity != "only_here"]
    alone = len(crosscheck.quotes) - len(compared)
    if not compared:
        return Judgement(
            "not_applicable",
            "None of the article's quotes appears in other outlets' coverage"
            + (f" ({alone} only here)." if alone else "."),
        )
    altered = [q for q in compared if q.fidelity == "altered"]
    truncated = [q for q in compared if q.fidelity == "truncated"]
    outcome: Outcome = "fail" if altered else ("warn" if truncated else "pass")
    same = len(compared) - len(altered) - len(truncated)
    figure = Figure(
        name="quotes word for word as other outlets give them",
        value=round(same / len(compared), 3),
        display=f"{same} of {len(compared)}",
        thresholds="an altered quote fails; a truncated one warns",
    )
    if outcome == "pass":
        return Judgement(
            "pass",
            f"All {len(compared)} quotes other outlets carry too are word for word the same.",
            figure=figure,
        )
    first = (altered or truncated)[0]
    reference = first.reference
    other = "another outlet"
    if reference is not None:
        other = reference.outlet or outlet_of(crosscheck, reference.article) or other
    theirs = f", {other} has {quoted(reference.text)}" if reference is not None else ""
    return Judgement(
        outcome,
        f"{len(altered)} altered and {len(truncated)} truncated of {len(compared)} quotes: "
        f"{first.speaker} is quoted as {quoted(first.text)}{theirs}.",
        check="Compare the quoted words with the other versions: what a person said is checkable.",
        figure=figure,
        spans=[q.span for q in (altered + truncated)][:MAX_SPANS],
    )


JUDGES: dict[str, Judge] = {
    "corroborated": corroborated,
    "figures_consistent": figures_consistent,
    "quotes_faithful": quotes_faithful,
}
