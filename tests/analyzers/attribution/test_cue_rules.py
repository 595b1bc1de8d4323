"""`CUE_RULES`: each rule decides the sentence in its docstring (composed text)."""

from __future__ import annotations

import pytest

from newsprobe.analyzers.attribution import cue_parts, cue_rules
from newsprobe.analyzers.attribution.cue_rules import CUE_RULES
from newsprobe.analyzers.shared.tokens import columns
from newsprobe.nlp.parse import load_english

# (rule, sentence, the word read, the cue words it makes or None for "no cue")
EXAMPLES = [
    (
        "according_to",
        "Fares will rise in May, according to the Harbour Transit Authority.",
        "according",
        "according to",
    ),
    (
        "outlet_preposition",
        "Per The Harbour Courier, the pier will close in May.",
        "Per",
        "Per",
    ),
    (
        "preposition_cue",
        "In a Harbour Courier poll released Monday, 41 percent of islanders backed the levy.",
        "In",
        "In",
    ),
    ("court_heard", "The court heard that the pier was unsafe.", "heard", "heard"),
    ("candidate_verb", "The ferry docked at the pier at noon.", "docked", None),
    ("discourse_marker", "That said, the pier may yet reopen in May.", "said", None),
    ("status_report", 'Two people confirmed dead as "the worst storm" hits', "confirmed", None),
    ("hearsay_passive", "The hotel is said to be haunted.", "said", "is said"),
    ("inference_modal", "This would explain why the pier closed.", "explain", None),
    (
        "agent_passive",
        "The plan was criticized by the ferry workers' union for its cost.",
        "criticized",
        "criticized",
    ),
    ("nested_view", "Mayor Ilse Varn said residents fear the levy will pass.", "fear", None),
    (
        "told_by_another",
        "Mayor Ilse Varn said the pier was unsafe, according to a council transcript.",
        "said",
        None,
    ),
    ("defining_clause", "Mayor Ilse Varn cited a poll that shows the levy ahead.", "shows", None),
    ("non_speech", "Critics fear the levy will pass.", "fear", "fear"),
    ("negated", "The mayor did not say when the pier would reopen.", "say", None),
    ("bare_clause", "The Apple Watch reveal back in September was big.", "reveal", None),
    ("naming_call", "It is what many call a pay cut.", "call", None),
    ("adding", "The dispute has added 40 minutes to every crossing.", "added", None),
    ("instructed", "Residents told to prepare to leave as dam cracks", "told", None),
    ("subject_with_clause", "Police said the pier was closed.", "said", "said"),
    ("outlet_verb", "The Harbour Courier first reported the resignation.", "reported", "reported"),
    (
        "subject_with_object",
        "Mayor Ilse Varn announced the closure of the pier on Monday.",
        "announced",
        "announced",
    ),
    (
        "impersonal_passive",
        "It was reported that the pier would close.",
        "reported",
        "was reported",
    ),
    (
        "plain_saying",
        "Harbour master Teodor Kestrel also said for the first time that two ferries were sold.",
        "said",
        "said",
    ),
    (
        "as_reported",
        "As Mayor Ilse Varn acknowledged last week, the pier will close in May.",
        "acknowledged",
        "acknowledged",
    ),
]


def _decide(sentence: str, word: str) -> tuple[str, str | None]:
    """The name of the rule that decides `word` in `sentence`, and the cue words it makes."""
    doc = load_english()(sentence)
    cols = columns(doc)
    token = next(t for t in doc if t.text == word)
    quoted = not cue_parts.QUOTE_MARKS.isdisjoint(cols.text)
    reading = cue_rules._Reading(cols, token, quoted)
    for rule in CUE_RULES:
        outcome = rule(reading)
        if outcome is not cue_rules._NEXT:
            return rule.__name__, None if outcome is None else outcome.words.text
    return "(none)", None


@pytest.mark.parametrize(("rule", "sentence", "word", "cue"), EXAMPLES)
def test_each_rule_decides_its_example(
    rule: str, sentence: str, word: str, cue: str | None
) -> None:
    assert _decide(sentence, word) == (rule, cue)


def test_every_rule_has_an_example_in_its_docstring_and_here() -> None:
    names = [rule.__name__ for rule in CUE_RULES]
    assert names == [rule for rule, *_ in EXAMPLES]
    for rule in CUE_RULES:
        assert rule.__doc__ and "'" in rule.__doc__, rule.__name__
