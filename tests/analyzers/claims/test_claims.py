"""The claims analyzer: check-worthiness ranking, slots, gold-set gate, garbage input."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsprobe.analyzers.claims.claims import CLAIM_THRESHOLD, ClaimsAnalyzer
from newsprobe.analyzers.claims.features import CheckworthinessModel, news_features
from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.analyzers.shared.timex import resolve
from newsprobe.document import Analysis, Article
from newsprobe.evaluation.claims import HELPERS, evaluate, load_gold
from newsprobe.evaluation.goldset import article_of, gold_article, spans_of
from newsprobe.findings import ClaimFinding
from tests.conftest import make_article
from tests.gates import gate

PUBLISHED = datetime(2025, 6, 12, 9, 30, tzinfo=UTC)  # a Thursday


def run(article: Article, *, threshold: float = CLAIM_THRESHOLD, helpers: bool = True) -> Analysis:
    names: list[str | ClaimsAnalyzer] = [*HELPERS] if helpers else []
    return Pipeline([*names, ClaimsAnalyzer(threshold=threshold)], on_error="record").analyze(
        article
    )


def claims(analysis: Analysis) -> list[ClaimFinding]:
    return [f for f in analysis.findings if isinstance(f, ClaimFinding)]


def score_of(analysis: Analysis, prefix: str) -> float:
    for claim in claims(analysis):
        if claim.text.startswith(prefix):
            return claim.checkworthiness
    raise AssertionError(f"no scored sentence starts with {prefix!r}")


# --- ranking ------------------------------------------------------------------------------

FACT = (
    "The Harwick Transit Authority said on Tuesday that 4,200 passengers were stranded "
    "when the Calder Bridge line closed for six hours."
)
OPINION = "Frankly, I think this is the worst transport policy the city has ever had."
QUESTION = "Would you trust these people to run your trains?"
SPECULATION = "Some commuters suspect the closure might perhaps have been avoided."
QUOTED_OPINION = '"It is a disgrace and an insult to every commuter," said one passenger.'


def test_facts_outrank_opinion_question_and_speculation() -> None:
    body = " ".join([FACT, OPINION, QUESTION, SPECULATION, QUOTED_OPINION])
    analysis = run(make_article(body, published=PUBLISHED), threshold=0.0)
    fact = score_of(analysis, "The Harwick")
    assert fact >= CLAIM_THRESHOLD
    for prefix in ("Frankly", "Would you", "Some commuters", '"It is a disgrace'):
        assert score_of(analysis, prefix) < fact, prefix
    assert score_of(analysis, "Would you") < CLAIM_THRESHOLD
    assert score_of(analysis, "Frankly") < CLAIM_THRESHOLD


def test_a_sourced_figure_under_a_hedge_is_the_source_s_checkable_claim() -> None:
    body = (
        "Walking 8,000 steps a day may cut the risk of heart disease by 30 per cent, "
        "according to a study by the Orlund Heart Institute. "
        "Walking more may help people sleep better. "
        "Clinics could save 4 million crowns a year if every patient walked, the "
        "institute said. "
        "Volunteers who walked daily were 22 per cent less likely to be admitted to "
        "hospital, the institute reported."
    )
    analysis = run(make_article(body, published=PUBLISHED), threshold=0.0)
    assert score_of(analysis, "Walking 8,000") >= CLAIM_THRESHOLD
    assert score_of(analysis, "Volunteers who") >= CLAIM_THRESHOLD
    # no figure and no source; a projection on a condition: still speculation
    assert score_of(analysis, "Walking more") < CLAIM_THRESHOLD
    assert score_of(analysis, "Clinics could") < CLAIM_THRESHOLD


def test_a_correction_notice_is_no_claim_of_the_article() -> None:
    body = (
        "More than 2,000 homes in Kessport were evacuated on Friday, the council said.\n\n"
        "Correction: An earlier version of this article said 3,000 homes had been "
        "evacuated. The council says the figure is more than 2,000."
    )
    pipeline = Pipeline([*HELPERS, ClaimsAnalyzer(every_sentence=True)], on_error="record")
    ranked = claims(pipeline.analyze(make_article(body, published=PUBLISHED)))
    by_start = {c.text.split()[0]: c for c in ranked}
    assert by_start["More"].checkworthiness >= CLAIM_THRESHOLD
    for first in ("An", "The"):  # the label "Correction:" is no part of a sentence
        assert by_start[first].checkworthiness == 0
        assert "correction notice" in by_start[first].note


def test_only_sentences_over_threshold_are_emitted_in_text_order() -> None:
    body = " ".join(
        [OPINION, FACT, QUESTION, "Repairs to the bridge cost 3.1 million crowns in 2023."]
    )
    found = claims(run(make_article(body, published=PUBLISHED)))
    assert [c.text[:12] for c in found] == ["The Harwick ", "Repairs to t"]
    assert all(c.checkworthiness >= CLAIM_THRESHOLD for c in found)
    assert found[0].note.startswith(f"Checkable claim ({found[0].checkworthiness:.2f}): ")
    assert "a number" in found[0].note


# --- slots --------------------------------------------------------------------------------


def test_slots_of_a_reported_claim() -> None:
    article = make_article(
        "Transport Minister Elsa Marlow said on Monday that Tarland Railways will spend "
        "340 million crowns on the Brevik line in Norway.",
        published=PUBLISHED,
    )
    analysis = run(article)
    claim = next(c for c in claims(analysis) if c.text.startswith("Transport"))
    assert claim.predicate == "spend"  # the reported clause, not "say"
    assert claim.time == "2025-06-09"  # the Monday before publication
    assert claim.object is not None and "340 million crowns" in claim.object
    by_id = {f.id: f for f in analysis.findings}
    if "entities" in HELPERS:
        # The subject of the reported clause, not the minister who reports it.
        assert [getattr(by_id[s], "canonical", "") for s in claim.subjects] == ["Tarland Railways"]
        assert claim.place is not None and by_id[claim.place].text == "Norway"
    if "quantities" in HELPERS:
        assert claim.value is not None and by_id[claim.value].kind == "quantity"


def test_subjects_fall_back_to_spacy_entities_without_an_entity_layer() -> None:
    article = make_article(
        "Norvik Steel cut 800 jobs at its plant in Ostrava Bay last year, the union said.",
        published=PUBLISHED,
    )
    claim = claims(run(article, helpers=False))[0]
    assert claim.subjects == ["Norvik Steel"]
    assert claim.predicate == "cut"
    assert claim.value is None  # no quantity layer to point at
    assert claim.time == "2024"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Tuesday", PUBLISHED, "2025-06-10"),
        ("yesterday", PUBLISHED, "2025-06-11"),
        ("March 2024", PUBLISHED, "2024-03"),
        ("14 February 2023", None, "2023-02-14"),
        ("last year", PUBLISHED, "2024"),
        ("three years", PUBLISHED, None),
        ("Tuesday", None, None),  # relative, and nothing to resolve it against
    ],
)
def test_dates_resolve_at_the_precision_the_text_gives(
    text: str, published: datetime | None, expected: str | None
) -> None:
    assert resolve(text, published) == expected


# --- the model ----------------------------------------------------------------------------


def test_model_ranks_news_sentences() -> None:
    from newsprobe.nlp.parse import load_english

    model = CheckworthinessModel.load()
    nlp = load_english()

    def prob(text: str) -> float:
        return model.probability(text, news_features(nlp(text)[:]))

    assert prob(FACT) > 0.5 > prob(OPINION)
    assert prob("Unemployment in Tarland rose to 7.2 percent in May.") > prob(QUESTION)


@pytest.mark.shared_data
def test_model_f1_on_debate2020(shared_data: Path) -> None:
    from newsprobe.nlp.parse import load_english

    model = CheckworthinessModel.load()
    nlp = load_english()
    with (shared_data / "claimbuster" / "debate2020.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    tp = fp = fn = 0
    for row in rows:
        positive = model.probability(row["text"], news_features(nlp(row["text"])[:])) >= 0.5
        gold = row["label"] == "1"
        tp, fp, fn = (
            tp + (positive and gold),
            fp + (positive and not gold),
            fn + (gold and not positive),
        )
    gate("checkworthiness_public").check({"f1": 2 * tp / (2 * tp + fp + fn)})


# --- gold gate ----------------------------------------------------------------------------


def test_gold_annotations_point_at_unique_sentences() -> None:
    gold = load_gold()
    assert len(gold) >= 30
    for slug, wanted in gold.items():
        article = article_of(gold_article(slug))
        for surface in wanted["claims"] + wanted["not_claims"]:
            assert len(spans_of(article, surface)) == 1, (slug, surface)


def test_gold_gate() -> None:
    gate("claims").check(evaluate(helpers=True))


# --- robustness ---------------------------------------------------------------------------

GARBAGE = [
    "",
    "Word",
    "🙂🙃 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🚀 " * 20,
    "قالت الحكومة إن 40 شخصا قتلوا يوم الثلاثاء. " * 5,
    "<div class='x'><p>&nbsp;</p><script>var a = 1;</script></div> " * 30,
    "12 345 6789 0.5 -3 1e9 " * 40,
    "?" * 500,
]


@pytest.mark.parametrize("body", GARBAGE)
def test_survives_garbage(body: str) -> None:
    article = make_article(body, headline="???")
    first = run(article)
    assert first.to_json() == run(article).to_json()
    for claim in claims(first):
        assert 0.0 <= claim.checkworthiness <= 1.0
        assert claim.text == claim.text.strip() and claim.text


@pytest.mark.slow
def test_survives_a_300_kb_article() -> None:
    paragraph = " ".join([FACT, OPINION, QUESTION, SPECULATION]) + "\n\n"
    article = make_article(paragraph * (300_000 // len(paragraph)), published=PUBLISHED)
    found = claims(run(article, helpers=False))
    assert found and all(c.text.startswith("The Harwick") for c in found)
    assert [c.span.start for c in found] == sorted(c.span.start for c in found)


def test_dateline_is_not_the_subject_and_place_is_where_it_happened() -> None:
    article = make_article(
        "BERGEN, Norway (Coastline Wire) - The Norwegian government opened a 40 million kroner "
        "bridge in Leeds on Friday.",
        published=PUBLISHED,
    )
    claim = claims(run(article, helpers=False))[0]
    assert not {"BERGEN", "Norway", "Coastline Wire"} & set(claim.subjects)
    assert claim.place == "Leeds"
    assert claim.predicate == "open"
    assert claim.time == "2025-06-06"


# --- patterns seen in real news copy (sentences composed for the tests) --------------------


def test_claim_keeps_the_closing_quote_at_a_paragraph_end() -> None:
    article = make_article(
        "Police in Tessaly named the two men as members of a gang known as "
        '"The Lanterns."\n\nThe Tessaly Courier reported that 40 officers took part.'
    )
    texts = [c.text for c in claims(run(article, threshold=0.0))]
    assert texts[0].endswith('known as "The Lanterns."')
    assert not any(t.startswith('"') for t in texts[1:])


def test_a_quoted_question_is_still_a_question() -> None:
    article = make_article(
        'The Varn Post ran a column on Monday titled: "Who pays for the bridge, and why '
        'should we?"\n\nThe council met.'
    )
    assert score_of(run(article, threshold=0.0), "The Varn Post") <= 0.25


def test_caption_labels_and_tweet_signatures_are_not_part_of_the_claim() -> None:
    article = make_article(
        "Brave act: Dara Holm, 41, pulled two children from the river at Ostby on Sunday.\n\n"
        'Police said: "The man was arrested at the scene."\n\n'
        "The Ostby bridge was closed for 3 hours on Sunday.— Ostby Council (@ostbycouncil) "
        "June 3, 2021"
    )
    texts = [c.text for c in claims(run(article, threshold=0.0))]
    assert "Dara Holm, 41, pulled two children from the river at Ostby on Sunday." in texts
    assert 'Police said: "The man was arrested at the scene."' in texts  # a frame, not a label
    assert "The Ostby bridge was closed for 3 hours on Sunday." in texts
