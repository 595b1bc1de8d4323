"""Quote fidelity: the same speaker's words as each outlet prints them.

Quotes are matched across articles by speaker (the `quotes` findings' speaker, keyed by
surname so "Marrow" meets "Ilse Marrow") and by their words. Two quotes are versions of
one quotation when one is a contiguous part of the other, or when their word sequences
are at least `SAME_QUOTE` alike. Among the versions, the reference is the wording most
independent voices print (on a tie: the earliest, then another article's wording than
the checked one's, then the longest); every version is then:

- ``identical``: the reference's words (case and punctuation aside);
- ``truncated``: a contiguous part of the reference, shorter;
- ``altered``: a word-level difference, listed word by word ("closed" -> "shut");
- ``only_here``: no other article carries this quote.

Quotes in other languages are read by their quotation marks and compared only with
quotes in articles the English analyzers did not read: a translation is not a quote's
words.

    >>> _words('"We have opened a door," she said')
    ['we', 'have', 'opened', 'a', 'door', 'she', 'said']
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsprobe.corpus.names import fold, surname_key
from newsprobe.corpus.view import ArticleView
from newsprobe.coverage import QuoteCheck, QuoteFidelity, QuoteVersion, WordChange
from newsprobe.findings import QuoteFinding, Span

__all__ = ["SAME_QUOTE", "check_quotes", "fidelity"]

#: Word-sequence similarity (difflib ratio) from which two quotes of one speaker are
#: versions of one quotation. One word changed in ten is 0.9; a different sentence on the
#: same subject scores under 0.4. 0.6 keeps "opened a door that was closed for too long"
#: and "opened a door that was shut for a decade" together (0.7).
SAME_QUOTE = 0.6
#: Without a known speaker on one side, the words alone must be this alike.
SAME_QUOTE_NO_SPEAKER = 0.8
# Words a truncation must keep for "a door" not to be a version of every quote.
_MIN_TRUNCATED_WORDS = 3
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|&")


@cache
def _full_forms() -> dict[str, str]:
    """`lexicons/abbreviations.txt`: short form -> the full word ("sgt" -> "sergeant")."""
    text = resources.files(__package__).joinpath("lexicons/abbreviations.txt").read_text("utf-8")
    rows = (line.split("|") for line in text.splitlines() if line.strip() and line[0] != "#")
    return {short.strip(): full.strip() for short, full in rows}


def _words(text: str) -> list[str]:
    """The quote's words, folded, short forms read in full: house style is no alteration."""
    full = _full_forms()
    words = (
        "and" if w == "&" else fold(w).replace("'", "").replace(" ", "")
        for w in _WORD.findall(text)
    )
    return [full.get(w, w) for w in words]


@dataclass(frozen=True, slots=True)
class _Quote:
    view: ArticleView
    finding: QuoteFinding
    speaker: str | None  # surname key
    text: str
    words: tuple[str, ...]
    display: tuple[str, ...]  # the words as written, for diffs

    @property
    def span(self) -> Span:
        parts = self.finding.parts
        return Span(start=parts[0].start, end=parts[-1].end) if parts else self.finding.span


# Quotation marks of French, German, Italian and Spanish copy (and straight quotes), for
# articles the English quote analyzer did not read.
_FOREIGN_QUOTE = re.compile(
    r"«\s*([^«»]{8,}?)\s*»|„([^„“”]{8,}?)[“”]|“([^“”]{8,}?)”|\"([^\"]{8,}?)\""
)


def _foreign_quotes(view: ArticleView) -> list[_Quote]:
    """Quotations in an article in another language: compared only with quotations in
    that language (a translation is not a quote's words)."""
    found = []
    for match in _FOREIGN_QUOTE.finditer(view.article.text):
        group = next(i for i in range(1, 5) if match.group(i) is not None)
        start, end = match.start(group), match.end(group)
        text = view.article.text[start:end]
        words = tuple(_words(text))
        if len(words) < _MIN_TRUNCATED_WORDS:
            continue
        span = Span(start=start, end=end)
        finding = QuoteFinding(span=span, text=text, parts=[span])
        found.append(_Quote(view, finding, None, text, words, tuple(_WORD.findall(text))))
    return found


def _quotes(view: ArticleView) -> list[_Quote]:
    if not view.english:
        return _foreign_quotes(view)
    found = []
    for q in view.quotes:
        if not q.direct or not q.parts:
            continue
        text = " ".join(view.text(p) for p in q.parts)
        display = tuple(_WORD.findall(text))
        words = tuple(_words(text))
        if len(words) < 2:
            continue  # a single quoted word is framing, not a quotation
        speaker = surname_key(q.speaker) if q.speaker and q.speaker_entity else None
        found.append(_Quote(view, q, speaker, text, words, display))
    return found


def _contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    n = len(shorter)
    return n > 0 and any(
        tuple(longer[i : i + n]) == tuple(shorter) for i in range(len(longer) - n + 1)
    )


# House spelling, not the speaker's words: "memorised"/"memorized", "honour"/"honor",
# "analyse"/"analyze" (checked on the end of each word).
_SPELLING = ((re.compile(r"is(e|es|ed|ing|ation|ations)$"), r"iz\1"),
             (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
             (re.compile(r"our(s|ed|ing|able)?$"), r"or\1"))  # fmt: skip


def _spelled(words: Sequence[str]) -> str:
    """The words run together in one spelling: "cease-fire", "cease fire" and "ceasefire",
    "school girls" and "schoolgirls", "memorised" and "memorized" read alike."""
    keys = []
    for word in words:
        for pattern, replacement in _SPELLING:
            word = pattern.sub(replacement, word)
        keys.append(word)
    return "".join(keys)


def fidelity(version: Sequence[str], reference: Sequence[str]) -> QuoteFidelity | None:
    """How `version` renders `reference` (folded words), or None if it is another quote.
    House spelling and compounding ("ceasefire", "cease-fire") change no word."""
    if tuple(version) == tuple(reference) or _spelled(version) == _spelled(reference):
        return "identical"
    if len(version) >= _MIN_TRUNCATED_WORDS and (
        _contains(reference, version) or _spelled(version) in _spelled(reference)
    ):
        return "truncated"
    ratio = difflib.SequenceMatcher(a=list(reference), b=list(version), autojunk=False).ratio()
    return "altered" if ratio >= SAME_QUOTE else None


def _same_quotation(a: _Quote, b: _Quote) -> bool:
    if a.speaker and b.speaker and a.speaker != b.speaker:
        return False
    shorter, longer = sorted((a.words, b.words), key=len)
    if len(shorter) >= _MIN_TRUNCATED_WORDS and _contains(longer, shorter):
        return True  # a part of the other's words, whoever the speaker is said to be
    if a.speaker is None or b.speaker is None:
        ratio = difflib.SequenceMatcher(a=a.words, b=b.words, autojunk=False).ratio()
        return ratio >= SAME_QUOTE_NO_SPEAKER
    return fidelity(shorter, longer) is not None or fidelity(a.words, b.words) is not None


def _changes(reference: _Quote, version: _Quote) -> list[WordChange]:
    matcher = difflib.SequenceMatcher(a=reference.words, b=version.words, autojunk=False)
    changes = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or (
            op == "replace" and _spelled(reference.words[i1:i2]) == _spelled(version.words[j1:j2])
        ):
            continue
        changes.append(
            WordChange(
                op=op,
                reference=" ".join(reference.display[i1:i2]),
                version=" ".join(version.display[j1:j2]),
            )
        )
    return changes


def _reference(versions: list[_Quote], voices: Mapping[str, str], target: _Quote) -> _Quote:
    """The wording most voices print; the earliest, then another outlet's, then the
    longest, on a tie. An article is never the measure of itself when nothing ranks it
    first: of two outlets printing one quote two ways on one day, the checked article is
    the one whose words differ from another's, not the other way round."""

    def weight(q: _Quote) -> tuple[int, bool, str, bool, int]:
        carriers = {voices.get(v.view.id, v.view.id) for v in versions if v.words == q.words}
        published = q.view.article.published
        return (
            -len(carriers),
            published is None,
            published.isoformat() if published else "",
            q.words == target.words,
            -len(q.words),
        )

    return min(versions, key=weight)


def _version(q: _Quote, reference: _Quote) -> QuoteVersion:
    found = fidelity(q.words, reference.words) or "altered"
    return QuoteVersion(
        article=q.view.id,
        outlet=q.view.article.outlet,
        span=q.span,
        text=q.text,
        fidelity=found,
        changes=_changes(reference, q) if found == "altered" else [],
    )


def check_quotes(
    target: ArticleView, others: Sequence[ArticleView], *, voices: Mapping[str, str]
) -> list[QuoteCheck]:
    """Each direct quote of `target` against the story's other articles.

    Args:
        target: the cross-checked article.
        others: the rest of its story.
        voices: article id -> independent voice (copies of one wire story are one).
    """
    elsewhere = [
        q
        for view in others
        if view.id != target.id and view.english == target.english
        for q in _quotes(view)
    ]
    checks: list[QuoteCheck] = []
    for quote in _quotes(target):
        matches = [q for q in elsewhere if _same_quotation(quote, q)]
        speaker = quote.finding.speaker or "unknown speaker"
        if not matches:
            checks.append(
                QuoteCheck(speaker=speaker, span=quote.span, text=quote.text, fidelity="only_here")
            )
            continue
        versions = [quote, *matches]
        reference = _reference(versions, voices, quote)
        own = fidelity(quote.words, reference.words) or "altered"
        checks.append(
            QuoteCheck(
                speaker=speaker,
                span=quote.span,
                text=quote.text,
                fidelity=own,
                changes=_changes(reference, quote) if own == "altered" else [],
                reference=_version(reference, reference),
                versions=[_version(q, reference) for q in matches],
            )
        )
    return checks
