"""The learned cue reader: plain JSON weights, the features it reads, what it adds."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from newsprobe.analyzers.attribution.learned import CueModel, features
from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.findings import AttributionFinding
from newsprobe.models import load_json
from newsprobe.nlp.parse import load_english
from tests.conftest import make_article

if TYPE_CHECKING:
    from spacy.tokens import Token


def test_the_shipped_model_is_plain_data_with_its_lemmas_and_threshold() -> None:
    data = load_json("attribution_cues")
    assert {"name", "version", "threshold", "bias", "lemmas", "weights"} <= data.keys()
    model = CueModel.shipped()
    assert 0.0 < model.threshold < 1.0
    assert all(isinstance(w, float) for w in model.weights.values())


def _verb_and_subject(sentence: str, lemma: str) -> tuple[Token, Token]:
    """The verb of `lemma` in `sentence` and its nominal subject, from the shared parse."""
    verb = next(t for t in load_english()(sentence) if t.lemma_ == lemma)
    return verb, next(c for c in verb.children if c.dep_ == "nsubj")


def test_features_read_the_verb_its_subject_and_its_complements() -> None:
    sentence = "Senator Ada Holm mocked the harbour levy on Tuesday."
    verb, subject = _verb_and_subject(sentence, "mock")
    found = features(verb, subject)
    assert "lemma=mock" in found and "subj_ent=PERSON" in found
    assert "child=dobj" in found and "lemma_dobj=mock" in found
    assert "obj_ent=NOUN" in found and "pobj_ent=DATE" in found  # "levy", "Tuesday"
    assert not any(f.startswith("nested=") for f in found)
    model = CueModel(
        {
            "weights": {"lemma=mock": 2.0, "child=dobj": 1.0},
            "bias": -2.0,
            "threshold": 0.5,
            "lemmas": ["mock"],
        }
    )
    assert model.probability(found) > 0.7 and model.accepts(verb, subject)
    unknown = CueModel({**{"weights": {}, "bias": 5.0, "threshold": 0.5}, "lemmas": []})
    assert not unknown.accepts(verb, subject)  # only lemmas it learned are asked


def test_features_read_what_an_adjective_takes_a_noun_subject_and_a_completing_verb() -> None:
    """v8: "is wary *of*" (what the adjective takes), "dockers" (a noun subject's word),
    "tried to *block*" (the verb a "to" clause completes with) and "voiced support *for*"
    (what the object takes)."""
    verb, subject = _verb_and_subject("The dockers were wary of the new levy.", "be")
    found = features(verb, subject)
    assert "acomp_takes=prep:of" in found and "acomp_word_takes=wary_prep:of" in found
    assert "subj_word=docker" in found
    verb, subject = _verb_and_subject("Councillor Ada Holm tried to block the levy.", "try")
    assert "xcomp_word=block" in features(verb, subject)
    verb, subject = _verb_and_subject("The union voiced support for the new levy.", "voice")
    assert "dobj_takes=for" in features(verb, subject)


@pytest.mark.parametrize(
    ("sentence", "nested"),
    [
        ("Mayor Ilse Varn said the union mocked the harbour levy.", "nested=ccomp:speech"),
        ("The court heard that the union mocked the harbour levy.", "nested=ccomp:evidence"),
    ],
)
def test_features_say_when_the_verb_lies_in_another_cue_s_report(
    sentence: str, nested: str
) -> None:
    verb, subject = _verb_and_subject(sentence, "mock")
    assert nested in features(verb, subject)


def test_the_shipped_threshold_is_the_cross_validated_one() -> None:
    """The threshold is set by the training script's cross-validation, not by hand."""
    data = load_json("attribution_cues")
    assert data["threshold"] == data["cross_validated"]["threshold"]
    assert data["cross_validated"]["folds"] >= 5


def test_features_read_the_words_that_complete_the_verb() -> None:
    """'was critical of', 'made the case': the complement's word, alone and with the verb."""
    verb, subject = _verb_and_subject("Mayor Ilse Varga was critical of the ferry plan.", "be")
    found = features(verb, subject)
    assert "acomp_word=critical" in found and "lemma_acomp_word=be_critical" in found
    verb, subject = _verb_and_subject("The union made the case for a new pier.", "make")
    assert "lemma_dobj_word=make_case" in features(verb, subject)


def _read_with_quotes(text: str) -> list[AttributionFinding]:
    analysis = Pipeline(["entities", "quotes", "attribution"]).analyze(
        make_article(text, headline="Harbour news")
    )
    return [f for f in analysis.findings if isinstance(f, AttributionFinding)]


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        ("Senator Mara Quill did not rule out a run for governor.", "Mara Quill", "rule"),
        (
            "Councillor Oren Petrakis called the ferry contract a disgrace.",
            "Councillor Oren Petrakis",
            "called",
        ),
    ],
)
def test_a_cue_word_the_rules_turn_away_gets_a_second_reading(
    sentence: str, source: str, cue: str
) -> None:
    """'did not rule out', 'called X a disgrace': the rules turn these away ("did not say",
    "what many call"); the learned reader, asked again, reads them as PolNeAR does, as
    cues of type "other" that source no statement."""
    (found,) = _read_with_quotes(sentence)
    assert (found.source, found.cue, found.cue_type) == (source, cue, "other")
    assert not found.sources_statement


@pytest.mark.parametrize(
    "sentence",
    [
        "Dock workers called the lift to the third floor.",  # a call that names no verdict
        "The ferry company showed a profit in May.",  # a discovery, not a finding
        "The old ferry wants a new engine.",  # a thing holds no view
        "The harbour board would support the levy.",  # a modal of inference
        "We did not rule out a second ferry.",  # the writer's voice (rules: `writer_voice`)
        "Velko did not respond to the attack on his record.",  # no refusal to speak
    ],
)
def test_the_second_reading_keeps_to_what_can_attribute(sentence: str) -> None:
    assert _read_with_quotes(sentence) == []


def test_the_reader_takes_a_cue_between_the_old_and_new_thresholds() -> None:
    """v6 reads at 0.35, not 0.45 (the analyzer's 5-fold CV on PolNeAR train: see
    `BETA` in ``train/attribution_cues.py``): a union "stressed the need" scores about
    0.4 (a person stressing it is read at either)."""
    found = _read_with_quotes("The harbour union stressed the need for new boats.")
    assert [(f.source, f.cue, f.cue_type) for f in found] == [
        ("The harbour union", "stressed", "other")
    ]
