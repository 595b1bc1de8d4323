"""A second composed set of uncertain and certain sentences, in encyclopaedia and
science style rather than news: written on 2026-12-07 after the weasel rules, without
looking at them, to see how the rules carry to prose they were not written on.

First measured unchanged: P 1.000 R 0.933 F1 0.966 (missed "is often considered" and
"remains controversial"); those two phrase families were then added to
`hedging/lexicons/weasel_phrases.txt`, so this set is a development set from here on.
The nine research-prose sentences at the end of UNCERTAIN were composed the same day as
a probe of science writing: none of the 9 was found before the framings for them were added
(`hedging/framings.py`); still missed, and not listed: "a potential target", "a candidate
for", "in line with the view", "tends to", "one explanation is".
The eight sentences after those came from a third probe, of encyclopaedia weasels (13 of
25 found before `vague_agent`, the adverbs in the "it is ... claimed" framing, "some
evidence", "supporters" and the legend phrases were added; 20 of 25 after). Still missed:
"Various sources give", "Most people in the region consider", "A number of critics
panned", "popular with many tourists", "Fans often point to".
"""

from __future__ import annotations

import pytest

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.findings import HedgeFinding
from tests.conftest import make_article

UNCERTAIN = [
    "The Varn dialect is often considered the oldest form of the language.",
    "Several critics have described the novel as a turning point in his career.",
    "It has been suggested that the monastery was founded as early as the ninth century.",
    "The castle is thought to have been built by a local lord around 1200.",
    "Some sources claim that the painter died in poverty.",
    "Her second album is widely seen as her most personal record.",
    "The protein may play a role in the repair of damaged cells.",
    "These results suggest that the enzyme is involved in fat storage.",
    "The drop in sales was probably caused by the warm winter.",
    "The bridge was arguably the most ambitious project of its time.",
    "It is possible that the fire started in the kitchen.",
    "Researchers believe the virus originated in bats.",
    "The mutation appears to reduce the risk of infection.",
    "Many fans regard him as the greatest goalkeeper of his generation.",
    "The town is said to have been named after a Roman general.",
    "The treatment could potentially shorten recovery times.",
    "The findings indicate that the drug may be less effective in older patients.",
    "Observers noted that the election was largely seen as a referendum on the government.",
    "The site is believed to contain the remains of a Bronze Age settlement.",
    "Little is known about his early life, though he is reported to have studied in Vienna.",
    "The species is likely to become extinct within a decade.",
    "Experts say the market will probably recover next year.",
    "The theory remains controversial among historians.",
    "According to some accounts, the battle lasted three days.",
    "It is unclear whether the minister knew about the payments.",
    "The decision was reportedly made after a heated meeting.",
    "Critics have argued that the law restricts free speech.",
    "The collapse might have been prevented with better maintenance.",
    "The band is considered by many to be a pioneer of the genre.",
    "The compound seems to inhibit the growth of tumour cells.",
    "We examined whether the kinase binds the receptor in living cells.",
    "The putative receptor was isolated from rat brain tissue.",
    "These data raise the possibility that the gene regulates cell growth.",
    "Our hypothesis is that the enzyme acts upstream of the pathway.",
    "The role of the protein in inflammation is not clear.",
    "The signal was consistent with a role in transcription.",
    "Whether the protein is required for growth remains to be determined.",
    "The mechanism is not fully understood.",
    "This would imply that the two genes interact.",
    "It is often claimed that the recipe dates back to the Middle Ages.",
    "The building has been described as an eyesore by some.",
    "The novel was hailed by critics as a masterpiece.",
    "Supporters of the plan say it will create hundreds of jobs.",
    "There is some evidence that the tower was used as a lighthouse.",
    "It is sometimes said that the river changed course after the flood.",
    "Local legend holds that the well never runs dry.",
    "In some circles, the theory is taken seriously.",
]
CERTAIN = [
    "The Varn dialect is spoken by about 40,000 people in the northern valleys.",
    "The novel was published in 1962 and sold 200,000 copies in its first year.",
    "The monastery was rebuilt in 1743 after a fire destroyed the east wing.",
    "Many of the 300 passengers were rescued by fishing boats.",
    "Visitors may enter the museum free of charge on Sundays.",
    "The protein is encoded by a gene on chromosome 7.",
    "Sales fell by 12 percent in the first quarter, the company said.",
    "The bridge opened to traffic in May 1931.",
    "The fire started in the kitchen at about 2 a.m., the fire service said.",
    "The virus was first identified in 2019.",
    "The goalkeeper made 412 appearances for the club.",
    "The town has a population of 8,500.",
    "The drug was approved by regulators in March.",
    "The election was held on 4 June and turnout was 61 percent.",
    "Archaeologists found the remains of a Bronze Age settlement at the site.",
    "He studied law in Vienna before joining the foreign ministry.",
    "The species is listed as endangered.",
    "The market closed 2 percent higher on Friday.",
    "The battle lasted three days and ended with the capture of the fort.",
    "The minister resigned on Tuesday.",
    "The decision was announced after a meeting of the board.",
    "The law was passed by 312 votes to 190.",
    "The collapse killed four workers and injured eleven.",
    "The band released its first album in 1978.",
    "The compound was tested on 120 patients in three hospitals.",
    "Some 2,000 people attended the funeral.",
    "Most of the houses on the street were built before 1900.",
    "Several roads were closed after the storm.",
    "The river may also be called the Tarn in older maps.",
    "The hall was attended by some 200 people.",
    "The truck was used in a stunt by Supporters of the Northern Front.",
    "The plan was approved by the council on Monday.",
    "The council will vote on the plan next month.",
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(["hedging"])


def _uncertain(pipeline: Pipeline, text: str) -> bool:
    return any(isinstance(f, HedgeFinding) for f in pipeline.analyze(make_article(text)).findings)


def test_uncertain_sentences_are_found_and_certain_ones_left_alone(pipeline: Pipeline) -> None:
    missed = [s for s in UNCERTAIN if not _uncertain(pipeline, s)]
    wrong = [s for s in CERTAIN if _uncertain(pipeline, s)]
    tp, fp = len(UNCERTAIN) - len(missed), len(wrong)
    precision, recall = tp / (tp + fp), tp / len(UNCERTAIN)
    # Measured 2026-12-07 after the additions: P 1.000 R 1.000; floors leave room for
    # rules changed later for other sets.
    assert recall >= 0.9, missed
    assert precision >= 0.9, wrong
