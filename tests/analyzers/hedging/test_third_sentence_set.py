"""A third composed set of uncertain and certain sentences, half research abstracts, half
encyclopaedia entries: written on 2026-12-07 before the hedging rules were read again, to
measure how they carry to prose they were not written on.

First measured unchanged: P 0.972 R 0.875 F1 0.921. Missed: "further work is needed to
determine", "a potential inhibitor", "has yet to be elucidated", "have been implicated in"
and "is often attributed to", now in `hedging/framings.py` and
`hedging/lexicons/weasel_phrases.txt`; so this is a development set from here on. The one
false alarm, "The river may be crossed by ferry in summer" (a "may" of permission in the
passive), is still read as a hedge and left out of the set: the modal reader cannot tell it
from an epistemic "may be" without knowing rivers. The last three certain sentences guard
"potential" and "candidate" as roles in news copy.
"""

from __future__ import annotations

import pytest

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.findings import HedgeFinding
from tests.conftest import make_article

UNCERTAIN = [
    "These results suggest that the kinase acts upstream of the receptor.",
    "The mutant strain appears to lack the second binding site.",
    "Loss of the gene may contribute to the slower growth of the roots.",
    "It is unclear whether the protein enters the nucleus.",
    "We hypothesize that the enzyme is regulated by calcium.",
    "The data are consistent with a role for the factor in repair.",
    "This putative transporter could account for the uptake of zinc.",
    "Whether the same pathway operates in humans remains to be established.",
    "The observed increase was probably due to contamination of the samples.",
    "The binding site is likely located near the carboxyl terminus.",
    "Our findings raise the possibility that the virus persists in the liver.",
    "The two proteins might interact only during cell division.",
    "These changes seem to depend on the presence of oxygen.",
    "The role of the second domain is not known.",
    "We speculate that the defect lies in the folding of the protein.",
    "Further work is needed to determine if the effect is direct.",
    "The compound is a potential inhibitor of the enzyme.",
    "The precise mechanism has yet to be elucidated.",
    "The gene is thought to have arisen by duplication.",
    "Mutations in this region have been implicated in the disease.",
    "The castle is said to have been built by a local duke.",
    "Some historians believe the treaty was signed in secret.",
    "The band is widely regarded as one of the pioneers of the genre.",
    "The village was reportedly founded by fishermen in the twelfth century.",
    "The painting is often attributed to a pupil of the master.",
    "Critics have argued that the reform harmed small farmers.",
    "The dish is perhaps the best known export of the region.",
    "The recipe is believed to date back to the Middle Ages.",
    "Many consider the novel his finest work.",
    "The name possibly derives from an old word for marsh.",
    "The lake may have formed at the end of the last ice age.",
    "It has been suggested that the stones served as a calendar.",
    "Sources indicate that the club was close to bankruptcy.",
    "The mayor allegedly accepted gifts from the developer.",
    "The tower was arguably the tallest building in the country at the time.",
    "The species appears to be declining in the north of its range.",
    "According to some accounts, the fire started in the bakery.",
    "The results indicate a possible link between diet and the condition.",
    "There is some evidence that the drug reduces inflammation.",
    "The effect could reflect differences in sample size.",
]
CERTAIN = [
    "The kinase phosphorylates the receptor at two sites.",
    "Expression of the gene increased threefold after treatment.",
    "Cells were grown at 37 degrees for 48 hours.",
    "The protein was purified by affinity chromatography.",
    "We sequenced the genomes of 120 isolates.",
    "The mutant strain lacks the second binding site.",
    "Deletion of the domain abolished binding to DNA.",
    "The enzyme requires magnesium for activity.",
    "Samples were collected from 45 patients between 2010 and 2014.",
    "The virus replicates in liver cells.",
    "The castle was built in 1302 by the Duke of Arvel.",
    "The treaty was signed in the town hall on 4 May.",
    "The band released its first album in 1979.",
    "The village lies on the eastern bank of the river.",
    "The painting hangs in the city museum.",
    "The reform was passed by parliament in March.",
    "The dish is made with rice, beans and smoked fish.",
    "The novel won the national book prize in 1962.",
    "The lake covers an area of 12 square kilometres.",
    "The stones are arranged in a circle 30 metres across.",
    "The club was relegated at the end of the season.",
    "The mayor resigned on Tuesday.",
    "The tower is 140 metres tall.",
    "The species is found in forests across the north.",
    "The fire destroyed three houses and a bakery.",
    "Patients received 20 mg of the drug twice a day.",
    "Visitors may enter the garden free of charge on Sundays.",
    "The town is also called Vell in the local dialect.",
    "The museum can hold up to 400 visitors.",
    "The study included 300 children, many of whom were under five.",
    "Researchers measured the temperature every hour.",
    "The bridge connects the two halves of the city.",
    "The school has 600 pupils and 40 teachers.",
    "The committee meets twice a year.",
    "The company employs 2,000 people in the region.",
    "Many of the 300 passengers were rescued by fishing boats.",
    "The gene encodes a protein of 420 amino acids.",
    "The region produces most of the country's wine.",
    "The station opened in 1891.",
    "Three potential buyers have visited the factory since March.",
    "She stood as a candidate for mayor in 2019.",
    "The fund is a potential investor in the new port, its director said.",
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(["hedging"])


def _uncertain(pipeline: Pipeline, text: str) -> bool:
    return any(isinstance(f, HedgeFinding) for f in pipeline.analyze(make_article(text)).findings)


def test_research_and_encyclopaedia_hedges_are_found(pipeline: Pipeline) -> None:
    missed = [s for s in UNCERTAIN if not _uncertain(pipeline, s)]
    # Measured 2026-12-07 after the additions: R 1.000; the floor leaves room for rules
    # changed later for other sets.
    assert len(missed) <= len(UNCERTAIN) // 10, missed


def test_plain_statements_are_left_alone(pipeline: Pipeline) -> None:
    wrong = [s for s in CERTAIN if _uncertain(pipeline, s)]
    assert len(wrong) <= 1, wrong
