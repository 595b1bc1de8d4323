"""Speculation answered: what this article guesses at or asks, other outlets report as fact.

"Could the leaders have discussed fishing quotas?" in one outlet; "The two leaders also
discussed fishing quotas, a Dunland official said" in another. The cross-checked
article's own hedges (`hedge` findings not inside a quotation) and its questions (the
`engagement_bait` questions and any body sentence ending in "?" outside quotes) are each
compared with the other articles' sentences. A sentence answers one when it shares at
least `MIN_SHARED_WORDS` content words and `MIN_SHARE` of the question's, is not itself
hedged or a question, does not say that nothing is known ("nobody knows", "it is
unclear") or that someone would not say, and is not inside a quotation. A report that
settles the guess the other way ("Inspectors found no sign of tampering") answers it too.
The answer shows who that outlet sources it to (its `attribution` finding), or no one
(the outlet's own reporting).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsprobe.corpus.content import concept_words, overlap
from newsprobe.corpus.view import ArticleView
from newsprobe.coverage import SpeculationAnswer, SpeculationCheck
from newsprobe.findings import EngagementBaitFinding, HedgeFinding, Span

__all__ = ["COPY_SHARE", "MAX_ANSWERS", "MIN_SHARE", "MIN_SHARED_WORDS", "check_speculation"]

#: Content words an answer shares with the speculation, at the least.
MIN_SHARED_WORDS = 2
#: ... and the share of the speculation's content words it holds. Swept on the
#: development part (1-2 words x 0.3-0.6): two words and 0.3 answered 12 % of the
#: annotated answers at a precision of 0.75; one word tripled the wrong answers. Many
#: answers are paraphrases ("Was the blaze started deliberately?" - "no sign of arson")
#: that shared words do not find, and the sentence encoder did not separate them either
#: (cosine 0.32 for answers against 0.25 for other sentences, heavily overlapping).
MIN_SHARE = 0.3
#: Answers shown per speculation, the closest first, one per article. Twelve on the
#: development part raised recall (0.250 -> 0.278) but let in more wrong answers (the
#: held-out part's precision fell from 0.80 to 0.71): six kept.
MAX_ANSWERS = 6
# A sentence that says nothing is known answers nothing, though it shares the words:
# "Nobody knows how long the repairs will take" against "Repairs are expected to take
# about a month".
_UNKNOWN = re.compile(
    r"\b(?:nobody|no one|no-one)\s+(?:yet\s+)?knows\b|\bunclear\b|\bunknown\b"
    r"|\bnot\s+(?:yet\s+)?(?:known|clear)\b|\bremains\s+to\s+be\s+seen\b",
    re.IGNORECASE,
)


# A refusal or silence answers nothing, though it shares the words: "Neither side would
# say whether quotas were discussed", "The ministry declined to comment on the cause". A
# denial or a negative finding does answer ("Inspectors found no sign of tampering").
_NON_ANSWER = re.compile(
    r"\b(?:would|could|will|did|does|do|was|were|is|are|has|have|had)\s*(?:not|n['’]t)\s+"
    r"(?:yet\s+)?(?:say|said|comment|commented|confirm|confirmed|disclose|disclosed|elaborate|"
    r"reveal|revealed|speculate|explain|explained|be\s+drawn|give\s+details|given\s+details)\b"
    r"|\b(?:declined|refused)\s+to\b|\bno\s+(?:comment|details|further\s+details)\b"
    r"|\bneither\b[^.]{0,60}\bwould\s+say\b|\bnot\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:disclosed|confirmed|made\s+public|released)\b",
    re.IGNORECASE,
)


def _items(view: ArticleView) -> list[tuple[tuple[int, int], str, str]]:
    """(sentence span, form, cue) of each speculation or question of `view`."""
    found: dict[tuple[int, int], tuple[str, str]] = {}
    for finding in view.analysis.findings:
        if isinstance(finding, HedgeFinding) and finding.speaker is None:
            span = view.sentence_at(finding.span.start)
            if span is None or view.inside_quote(finding.span) or _reported(view, finding):
                continue
            if finding.text.lower() in _CAUTION or _SUPERLATIVE.match(finding.text):
                continue
            found.setdefault(span, ("hedge", finding.text))
        elif isinstance(finding, EngagementBaitFinding) and finding.form.startswith("question"):
            span = view.sentence_at(finding.span.start)
            if span is not None:
                found[span] = ("question", "")
    for span in view.sentences.spans:
        text = view.text(span)
        quoted = view.inside_quote(Span(start=span[0], end=span[1]))
        if text.rstrip("\"'”’»").endswith("?") and not quoted:
            found[span] = ("question", found.get(span, ("", ""))[1])
    return [
        (span, form, cue)
        for span, (form, cue) in sorted(found.items())
        if form != "question" or not _OPINION.match(view.text(span).rpartition(": ")[2])
    ]


# A question of what ought to be, or of the reader's view, asks for an opinion that no
# report answers: "Tell us: should Kestrava stop hosting summits it cannot protect?" drew
# a wire story's opening as its "answer".
_OPINION = re.compile(
    r"\s*[\"“'‘]?(?:should|shall|ought|would\s+you|do\s+you|what\s+do\s+you|how\s+do\s+you"
    r"|is\s+it\s+(?:right|fair|wrong|time))\b",
    re.IGNORECASE,
)


# Sources whose hedged words are theirs, reported, not the article's guess: "A senior
# official indicated to AFP that he had not received word of the purported ceasefire".
# Vague and anonymous sources stay: "Sources suggest the driver may have been speeding"
# is the article's speculation dressed as sourcing.
_NAMED_SOURCES = frozenset({"person", "official", "institution", "outlet", "document"})


# The caution of legal and news style, not a guess anyone answers: "suspected militants",
# "the alleged bribe", "the purported ceasefire" (on real FNC-1 coverage of one story,
# every "suspected" drew "answers" that only shared the story's words).
_CAUTION = frozenset({"suspected", "alleged", "allegedly", "purported", "purportedly"})


# A vague superlative is a weasel word, not a guess about what happened: "Guerrero has
# been one of the most lawless states for years" drew background sentences as "answers"
# on real coverage of one story, and no report settles it.
_SUPERLATIVE = re.compile(r"one\s+of\s+the\b", re.IGNORECASE)

#: An "answer" that holds this share of the speculation's words, and is held by it as
#: much, is the same passage in another outlet (a wire copy, a shared paragraph), not a
#: report that settles it: on real coverage "could leave very little DNA" drew its own
#: copy "can leave very little DNA" (1.0 both ways); on the development part no
#: annotated answer is lost down to 0.6, and 0.9 leaves room for paraphrase.
COPY_SHARE = 0.9


def _reported(view: ArticleView, hedge: HedgeFinding) -> bool:
    """Whether a hedge lies in what a named source is reported to have said."""
    found = view.attribution_at(hedge.span)
    return (
        found is not None
        and found.source_type in _NAMED_SOURCES
        and found.sources_statement
        and found.content_span is not None
        and found.content_span.contains(hedge.span)
    )


def _hedge_words(view: ArticleView, span: tuple[int, int]) -> list[str]:
    """The words of every hedge in the sentence at `span`."""
    return [
        f.text
        for f in view.analysis.findings
        if isinstance(f, HedgeFinding) and span[0] <= f.span.start < span[1]
    ]


def _is_statement(view: ArticleView, span: tuple[int, int]) -> bool:
    text = view.text(span)
    return (
        not text.rstrip("\"'”’»").endswith("?")
        and not _UNKNOWN.search(text)
        and not view.hedged(span)
        and not view.inside_quote(Span(start=span[0], end=span[1]))
    )


def check_speculation(target: ArticleView, others: Sequence[ArticleView]) -> list[SpeculationCheck]:
    """The target's speculation and questions, with the reports that answer them."""
    checks: list[SpeculationCheck] = []
    # A question after a label ("Kessport crane horror: was it sabotage?") asks only
    # what follows the colon; the label's words name the story, which every article of
    # it shares, and made every report of the collapse an "answer" to the sabotage.
    for span, form, cue in _items(target):
        text = target.text(span)
        asked = text.rpartition(": ")[2] if form == "question" else text
        # Every hedge's words, not only the first one's: "Sources suggest the driver may
        # have been speeding" asks about the driver's speed, not about sources.
        words = concept_words(asked) - concept_words(" ".join([cue, *_hedge_words(target, span)]))
        if len(words) < MIN_SHARED_WORDS:
            continue
        answers: list[SpeculationAnswer] = []
        for view in others:
            if view.id == target.id:
                continue
            for sentence in view.sentences.spans:
                other = concept_words(view.text(sentence))
                shared = words & other
                if len(shared) < MIN_SHARED_WORDS or overlap(words, other) < MIN_SHARE:
                    continue
                if len(shared) / len(words) < MIN_SHARE or not _is_statement(view, sentence):
                    continue
                if _NON_ANSWER.search(view.text(sentence)):
                    continue  # "neither side would say" answers nothing
                if min(len(shared) / len(words), len(shared) / len(other)) >= COPY_SHARE:
                    continue  # the same passage copied, not another outlet's report
                source = view.attribution_at(Span(start=sentence[0], end=sentence[1]))
                answers.append(
                    SpeculationAnswer(
                        article=view.id,
                        outlet=view.article.outlet,
                        span=Span(start=sentence[0], end=sentence[1]),
                        text=view.text(sentence),
                        source=source.source if source else None,
                        source_type=source.source_type if source else None,
                        similarity=round(len(shared) / len(words), 3),
                    )
                )
        if not answers:
            continue  # only speculation that other coverage answers is reported
        answers.sort(key=lambda a: (-a.similarity, a.article, a.span.start))
        # One answer per article, its closest sentence: the list says who answers.
        closest: dict[str, SpeculationAnswer] = {}
        for answer in answers:
            closest.setdefault(answer.article, answer)
        answers = list(closest.values())
        checks.append(
            SpeculationCheck(
                span=Span(start=span[0], end=span[1]),
                text=text,
                form=form,
                cue=cue,
                answers=answers[:MAX_ANSWERS],
            )
        )
    return checks
