"""Who gives a figure, and whose it is: what tells two figures of one kind apart.

"Police put the crowd at 18,000; the organisers said 60,000" gives one crowd two
figures, each someone's (`giver`: the `lexicons/claimants.txt` words of who gives it);
"Castell won 54%, against 42% for Piet Arnoud" gives two shares, each a candidate's
(`holders`: the words of the name it belongs to). `figure_mentions` reads both for every
figure, and `figure_groups` splits a kind of figure by them before it looks at words.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

from newsprobe.corpus.content import content_words, stem
from newsprobe.corpus.i18n.lexicon import LANGUAGES, lexicon, phrase_pattern
from newsprobe.corpus.names import fold
from newsprobe.corpus.view import ArticleView
from newsprobe.findings import QuantityFinding

__all__ = ["ASIDE", "PIECE_END", "giver", "holders"]

#: Where a comma-delimited piece of a sentence ends: a figure's own piece, the next one.
PIECE_END = re.compile(r"[,;:—–()]")


@lru_cache(maxsize=8)
def _according_to(language: str) -> re.Pattern[str] | None:
    """The words that name who gives a figure at the start of a piece: "according to",
    "selon", "según", "laut", "secondo"."""
    code = language if language in LANGUAGES else "en"
    found = phrase_pattern(list(lexicon(code).according_to))
    return re.compile(rf"\s*(?:{found.pattern})", re.I) if found else None


@cache
def _claimant_nouns() -> frozenset[str]:
    """Stems of `lexicons/claimants.txt`: who gives rival figures ("police", "unions")."""
    text = resources.files(__package__).joinpath("lexicons/claimants.txt").read_text("utf-8")
    return frozenset(
        stem(fold(line.strip())) for line in text.splitlines() if line.strip() and line[0] != "#"
    )


def _claimant(view: ArticleView, q: QuantityFinding) -> frozenset[str]:
    """The words of who gives the figure, when the article says: "police said", "according
    to the organisers". Two sources' figures of one crowd (the organisers' 85,000, the
    police's 32,000) are two quantities, and an outlet that gives one of them names its
    source more often than it repeats the other outlets' words around the number
    (`alignment` joins figures by their givers first). An outlet cited for the figure is
    left to `cited_outlet`: it is the same quantity, retold."""
    found = view.attribution_at(q.span)
    if found is None or found.source_type == "outlet" or not found.source:
        return frozenset()
    if found.content_span is not None and not found.content_span.contains(q.span):
        return frozenset()  # "The union wants a 9% rise; the city has offered 4.5%"
    return content_words(found.source)


# Words of the piece after a figure read for who gives it ("según la policía", "police
# said", "the organisers say").
_GIVER_WORDS = 3


def _giver_after(view: ArticleView, q: QuantityFinding, sentence: tuple[int, int]) -> str:
    """Who gives the figure, named in the piece right after its own: "Unas 18.000
    personas, según la policía, y 60.000, según los organizadores", "About 18,000 people
    marched, police said, while ...". Attribution reads English only, and gives the cue
    set into a clause the content after it when that is longer."""
    text = view.article.text
    comma = PIECE_END.search(text, q.span.end, sentence[1])
    if comma is None:
        return ""
    pattern = _according_to(view.language)
    found = pattern.match(text, comma.end()) if pattern is not None else None
    start = found.end() if found is not None else comma.end()
    piece = PIECE_END.split(text[start : sentence[1]], maxsplit=1)[0].split()
    if found is None and len(piece) > _GIVER_WORDS:
        return ""  # a clause of its own, not "police said"
    return " ".join(piece[:_GIVER_WORDS])


def giver(
    view: ArticleView, q: QuantityFinding, sentence: tuple[int, int], context: frozenset[str]
) -> frozenset[str]:
    """The `claimants.txt` words of who gives the figure, the nearest naming first: in
    the figure's own piece ("Police put the crowd at 18,000"), in the piece after it,
    else the source of the attribution holding it. In "About 18,000 people marched,
    police said, while organisers put the turnout at 50,000" the 50,000 is the
    organisers', though attribution gives "police said" the clause that holds it."""
    nouns = _claimant_nouns()
    return (
        (context & nouns)
        or (content_words(_giver_after(view, q, sentence)) & nouns)
        or (_claimant(view, q) & nouns)
    )


# A run of capitalised words: one name ("Mira Castell", "Civic Union"); a possessive or any
# other word ends it.
_NAME_RUN = re.compile(r"\b[A-ZÀ-Ý][\w-]*(?:\s+[A-ZÀ-Ý][\w-]*)*(?![\w'’])")


# A name's relative clause holds the figure: "challenger Piet Arnoud, who took 41.8%" is
# Arnoud's share alone, not also the place named before him.
_RELATIVE_AFTER_NAME = re.compile(r"\s*,\s*(?:who|which|qui|che|quien|que)\b[^,;:]*$", re.I)


#: Names read before a figure for whose it is: the nearest two ("Mira Castell's Green
#: List ... 24 seats": the list and its leader, so that "the Greens" and "Castell's party"
#: elsewhere both share a word with it).
_HOLDER_NAMES = 2


# A name said right after the figure is whose it is: "against 42% for Piet Arnoud",
# "frente al 41,8% de Piet Arnoud", "il 40% per Arnoud" ("of the vote" may come between).
_HOLDER_AFTER = re.compile(
    r"\s*(?:of\s+(?:the\s+)?(?:vote|votes|ballots)\s+)?(?:for|de|del|di|per|pour)\s+"
    r"((?:[A-ZÀ-Ý][\w-]*)(?:\s+[A-ZÀ-Ý][\w-]*)*)"
)


#: A relative clause set off by commas: ", who ran Tollen for nine years,".
ASIDE = re.compile(r",\s+(?:who|which|whose|qui|der|die|das|che|quien|que)\b[^,;:]*,", re.I)


def _in_aside(text: str, at: int, start: int, end: int) -> bool:
    """Whether offset `at` is inside a relative clause between `start` and `end`: its
    figure is a fact about the name before it, and that name still holds what follows
    ("Arvid Lenhart, who ran Tollen for nine years, was sentenced to six years")."""
    return any(m.start() < at < m.end() for m in ASIDE.finditer(text, start, end))


def holders(view: ArticleView, q: QuantityFinding, sentence: tuple[int, int]) -> frozenset[str]:
    """Words of the name right after the figure ("42% for Piet Arnoud"), else of the
    nearest names before it in its sentence (its first word left out, capitalised by
    position). Not in German, which capitalises every noun."""
    if view.language == "de":
        return frozenset()
    after = _HOLDER_AFTER.match(view.article.text, q.span.end, sentence[1])
    if after is not None and (named := content_words(after.group(1))):
        return frozenset(named)
    # Names before an earlier figure of its kind in the sentence are that figure's: in "the Greens
    # came second with 21.7 percent, ahead of National Renewal on 17.9 percent" the 17.9
    # is National Renewal's alone.
    text = view.article.text
    start = max(
        (
            f.span.end
            for f in view.figures
            if f.dimension == q.dimension
            and sentence[0] <= f.span.end <= q.span.start
            and not _in_aside(text, f.span.start, sentence[0], q.span.start)
        ),
        default=sentence[0],
    )
    before = view.article.text[start : q.span.start]
    names = []
    last_end = 0
    for run in _NAME_RUN.finditer(before):
        text = run.group() if run.start() > 0 else "".join(run.group().split(None, 1)[1:])
        if found := content_words(text) - _calendar_words(view.language):
            names.append(found)
            last_end = run.end()
    if names and _RELATIVE_AFTER_NAME.match(before, last_end):
        return frozenset(names[-1])
    return frozenset().union(*names[-_HOLDER_NAMES:])


@cache
def _calendar_words(language: str) -> frozenset[str]:
    """Weekdays and months, capitalised but no one's ("won on Sunday with 54%"): as a
    holder, "Sunday" drew the winner's share to the loser's named on Sunday too."""
    codes = {language, "en"} & set(LANGUAGES)
    words = [w for code in codes for w in lexicon(code).weekdays + lexicon(code).months]
    return frozenset(content_words(" ".join(words)))
