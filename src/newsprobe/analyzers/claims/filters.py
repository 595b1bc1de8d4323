"""What the claims analyzer must not score as a claim, read off the shared token columns.

Real news pages mix sentences with things that only look like them, and the
check-worthiness model (trained on debate transcripts) rates many of them highly because
they are full of names. Two kinds, handled differently:

- `furniture`: segments that assert nothing at all, dropped before scoring: credit and
  social lines ("(Reporting by ...)", "Follow us on Twitter", "Click here"), titles of
  related stories pasted into the body ("Star Confirms Casting: 'He Didn't Audition'"),
  fragments with no finite verb outside a relative clause ("The premise being ..."),
  imperatives ("Watch the video below") and an empty speech frame ("In a post, he wrote:").
- `unverifiable`: sentences that do assert, but a judgement or a hypothesis rather than a
  fact: "It is a shame that ...", "This is the best ...", "The bad news is that ...",
  "If X had ..., Y would have ...". They keep a low score, so that reports ranking every
  sentence still rank them, below any fact.

Everything here reads `newsprobe.analyzers.shared.tokens.columns`: no spaCy Token is created.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprobe.analyzers.shared.lexicon_files import load_words
from newsprobe.analyzers.shared.speech_verbs import verbs_for
from newsprobe.analyzers.shared.tokens import Columns
from newsprobe.findings import Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

__all__ = ["furniture", "own_line", "unverifiable"]

# Lines every news site adds around the story: credits, calls to follow, share or read on.
# From the furniture seen in 25 real FNC-1 bodies plus the usual wire and web variants.
_BOILERPLATE = re.compile(
    r"^\W*(?:(?:photo|image|picture|video|graphic|illustration)s?(?: credit)?\s*[:/]"
    r"|(?:follow|join|find) us\b|click here\b|(?:read|see) (?:more|also|the full)\b"
    r"|(?:also|read|see|watch|more|related|recommended)(?: also| more| next| this| stories"
    r"| articles| coverage| video)?\s*:|sign up\b|subscribe\b|share this\b"
    r"|copyright\b|©|all rights reserved\b"
    # a gallery caption opening on the picture's position: "(L) Police walk toward ..."
    r"|\((?:l|r|c|left|right|cent(?:er|re)|top|bottom|above|below|inset|file(?: photo)?)\)\s)",
    re.IGNORECASE,
)
# Anywhere in the segment; searched only when a gate string is there (a regex search over
# every sentence cost more than the rest of `furniture`).
_WIRE_CREDIT = re.compile(
    r"\b(?:AP|AFP|EPA|Reuters|Getty) (?:Photo|Images)\b|\ball rights reserved\b", re.I
)
_CREDIT_GATES = ("Photo", "Images", "PHOTO", "IMAGES", "eserved", "ESERVED")
# "(Reporting by ...; Editing by ...)": a credit when bracketed or verbless, while
# "Reporting by the Courier showed that ..." is a sentence.
_CREDIT = re.compile(
    r"^\W*(?:additional )?(?:reporting|writing|editing|research|compiled|photos?) by\b", re.I
)
_LABEL_CHARS = 40  # "Also read:", "Pictured:", "In control:" (caption labels run 1-4 words)
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_CLAUSE_MODIFIERS = frozenset({"relcl", "acl"})
_RELATIVE_PRONOUNS = frozenset({"WP", "WDT", "WP$"})
_TERMINAL = frozenset(".!?…")
_TRAILING_MARKS = "\"'”’»)]* \t"
_SPEECH = verbs_for("claim_frame")
_REPORTED = frozenset({"dobj", "ccomp", "xcomp", "attr", "dative"})

# Judgements a fact-checker cannot check. Lemmas of the predicate of a copular clause
# ("It is a shame", "That was madness", "This is the best ...") or of a modifier of its
# subject ("The bad news is"). Measurable superlatives (largest, oldest, first) are left
# out on purpose: "X is the largest employer in Y" can be checked.
_EVALUATIVE = load_words("claims/evaluative_words")
_COPULAS = frozenset({"be", "sound", "look", "feel", "become", "remain"})
_BE_CONTRACTED = frozenset({"’s", "’re", "’m"})  # the model lemmatizes curly ones as is
_PREDICATE_DEPS = frozenset({"attr", "acomp", "oprd"})
_CONDITIONS = frozenset({"if", "unless"})
_HYPOTHETICAL_MODALS = frozenset({"would", "could", "might", "'d"})


def own_line(text: str, span: Span) -> str:
    """The line a segment fills, or "" when it shares its line with other sentences.

    A caption label or "Also read:" may stand before it: the segmenter cut it off the
    claim, but it still tells a related story's title from prose.
    """
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    end = len(text) if end < 0 else end
    before, after = text[start : span.start].strip(), text[span.end : end].strip()
    label = not before or (before.endswith(":") and len(before) <= _LABEL_CHARS)
    return text[start:end] if label and not after else ""


def _children(cols: Columns, head: int, start: int, end: int) -> list[int]:
    return [i for i in range(start, end) if cols.head[i] == head and i != head]


def _has_main_finite(cols: Columns, start: int, end: int) -> bool:
    """A finite verb that is not inside a relative clause ("Smith, who raps as Jinn.")."""
    for i in range(start, end):
        if cols.tag[i] not in _FINITE:
            continue
        clause = cols.head[i] if cols.dep[i] in ("aux", "auxpass") else i
        if cols.dep[clause] not in _CLAUSE_MODIFIERS:
            return True
    return False


def _fragment(cols: Columns, root: int, start: int, end: int) -> bool:
    """A sentence with no verb of its own: "The premise being ...", "Smith who raps ...".

    Narrow on purpose: the small model tags many real verbs as nouns or participles
    ("The savings amount to ...", "Recruitment ... opened last week"), so only two shapes
    count: a gerund root with no finite verb anywhere, and a name or noun whose only verbs
    sit in a relative clause hanging off it.
    """
    if cols.tag[root] == "VBG":
        return not any(cols.tag[i] in _FINITE for i in range(start, end))
    if cols.pos[root] not in ("NOUN", "PROPN"):
        return False
    clauses = [i for i in range(start, end) if cols.dep[i] in _CLAUSE_MODIFIERS]
    relative = [c for c in clauses if cols.head[c] == root and cols.dep[c] == "relcl"]
    if not any(
        cols.tag[w] in _RELATIVE_PRONOUNS
        for c in relative
        for w in _children(cols, c, start, end)
        if w < c
    ):
        return False  # "source The Onion quoted ...": no "who", the parser made it up
    verbs = [i for i in range(start, end) if cols.tag[i] in _FINITE and cols.dep[i] != "aux"]
    if len(verbs) != 1:
        return False  # "The networks that air the shows also joined ...": a misparse
    for i in range(start, end):
        if cols.tag[i].startswith("VB") or cols.tag[i] == "MD":
            j = i
            while j != root and j not in clauses and start <= cols.head[j] < end:
                j = cols.head[j]
            if j == root:
                return False  # a verb outside the relative clause: a misparse, not a fragment
    return True


def _imperative(cols: Columns, root: int, start: int) -> bool:
    """An order to the reader: the sentence opens on a bare verb with no subject."""
    if cols.tag[root] != "VB":
        return False
    first = next((i for i in range(start, root + 1) if cols.is_alpha[i]), root)
    if first != root and cols.lower[first] not in ("please", "do", "don't", "never"):
        return False
    subjects = ("nsubj", "nsubjpass", "expl")
    return not any(cols.head[i] == root and cols.dep[i] in subjects for i in range(start, root))


def _title_case(text: str) -> bool:
    """Most longer words capitalized, as in a headline ("Star Confirms Bale as Jobs")."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) > 3]
    # Three words at least, four in five capitalized: a sentence with many names stays
    # well under that once its verbs and nouns are counted.
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def furniture(text: str, sent: SpacySpan, root: int, cols: Columns, *, line: str) -> bool:
    """True when a body segment asserts nothing: boilerplate, a title, a fragment, an order.

    Args:
        text: The segment's text (what the claim's span would cover).
        sent: The spaCy span of the segment.
        root: Index of the span's root token (``sent.root.i``).
        cols: The document's shared token columns.
        line: The whole line the segment sits on, or "" when it shares its line with
            other sentences (a line of its own may be a title, a caption, a list item).
    """
    if _BOILERPLATE.match(text) or _BOILERPLATE.match(line):
        return True
    if any(map(text.__contains__, _CREDIT_GATES)) and _WIRE_CREDIT.search(text):
        return True
    whole_line = bool(line)
    start, end = sent.start, sent.end
    if _CREDIT.match(text) and (
        text.lstrip().startswith("(") or not _has_main_finite(cols, start, end)
    ):
        return True
    unfinished = text.rstrip(_TRAILING_MARKS)[-1:] not in _TERMINAL
    if whole_line and unfinished and (_title_case(text) or not _has_main_finite(cols, start, end)):
        return True  # the title of a related story, or a list item
    if _fragment(cols, root, start, end):
        return True
    if _imperative(cols, root, start):
        return True
    if text.rstrip().endswith(":") and cols.lemma[root].lower() in _SPEECH:
        # "In a public post last month, he wrote:" introduces what follows, asserts nothing.
        return not any(cols.dep[c] in _REPORTED for c in _children(cols, root, start, end))
    return False


def unverifiable(
    sent: SpacySpan, root: int, main: int, cols: Columns, *, has_fact: bool
) -> str | None:
    """Why a sentence is a judgement or a hypothesis rather than a checkable fact, or None.

    Args:
        sent: The spaCy span scored (the sentence, or the quotation it mostly is).
        root: Index of its root token (``sent.root.i``).
        main: Index of its main verb (`claim_features.main_verb`).
        cols: The document's shared token columns.
        has_fact: The sentence holds a number or a date, which a check could start from.
    """
    start, end = sent.start, sent.end
    for verb in dict.fromkeys((main, root)):
        if not start <= verb < end:
            continue
        lemma = "be" if cols.lower[verb] in _BE_CONTRACTED else cols.lemma[verb].lower()
        if lemma == "sound":
            return "opinion"  # "sounds like a big deal", "sounds great"
        copular = not has_fact and lemma in _COPULAS
        if verb != root and not copular:
            continue  # nothing left to test on it: spare the scan for its children
        kids = _children(cols, verb, start, end)
        # "If X had ..., Y would have ...": a hypothesis. A bare condition ("If money is
        # not flowing, there are no jobs") is a general opinion unless a number or date
        # anchors it ("If convicted, he faces up to 10 years"). In the writer's voice
        # only (the root): "X said it would sue if ..." reports a stance.
        conditional = verb == root and any(
            cols.dep[c] == "advcl" and _is_condition(cols, c, start, end) for c in kids
        )
        if conditional and (
            not has_fact or any(cols.lower[c] in _HYPOTHETICAL_MODALS for c in kids)
        ):
            return "hypothetical"
        if not copular:
            continue
        # The small model often reads "It's madness" with the noun as an object.
        predicates = _PREDICATE_DEPS | {"dobj"} if lemma == "be" else _PREDICATE_DEPS
        for c in kids:
            dep = cols.dep[c]
            if dep in predicates and _evaluative(cols, c):
                return "opinion"  # "It is a shame", "That was madness"
            if dep in predicates or dep in ("nsubj", "nsubjpass"):
                modifiers = [w for w in _children(cols, c, start, end) if cols.dep[w] == "amod"]
                if any(_evaluative(cols, w) for w in modifiers):
                    return "opinion"  # "the best videos", "The bad news is that"
    return None


def _evaluative(cols: Columns, i: int) -> bool:
    return cols.lower[i] in _EVALUATIVE or cols.lemma[i].lower() in _EVALUATIVE


def _is_condition(cols: Columns, clause: int, start: int, end: int) -> bool:
    """An adverbial clause opened by "if"/"unless", or inverted ("Had the council ...")."""
    kids = _children(cols, clause, start, end)
    if any(cols.dep[k] == "mark" and cols.lower[k] in _CONDITIONS for k in kids):
        return True
    subjects = [k for k in kids if cols.dep[k] in ("nsubj", "nsubjpass")]
    return any(
        cols.dep[k] == "aux" and cols.lower[k] in ("had", "were") and subjects and k < subjects[0]
        for k in kids
    )
