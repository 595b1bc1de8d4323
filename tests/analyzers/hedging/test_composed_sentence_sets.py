"""Composed sets of uncertain and certain sentences in other styles than news
(encyclopaedia entries, research abstracts), each written to measure how the hedging
rules carry to prose they were not written on; each is a development set once the rules
it prompted were added.

Second set (2026-12-07, written after the weasel rules, without looking at them). First
measured unchanged: P 1.000 R 0.933 F1 0.966 (missed "is often considered" and "remains
controversial"); those two phrase families were then added to
`hedging/lexicons/weasel_phrases.txt`, so this set is a development set from here on.
The nine research-prose sentences after the first thirty of SECOND_UNCERTAIN were
composed the same day as a probe of science writing: none of the 9 was found before the
framings for them were added (`hedging/framings.py`); still missed, and not listed: "a
potential target", "a candidate for", "in line with the view", "tends to", "one
explanation is". The eight sentences after those came from a third probe, of
encyclopaedia weasels (13 of 25 found before `vague_agent`, the adverbs in the "it is
... claimed" framing, "some evidence", "supporters" and the legend phrases were added;
20 of 25 after). Still missed: "Various sources give", "Most people in the region
consider", "A number of critics panned", "popular with many tourists", "Fans often point
to".

Third set (2026-12-07, written before the rules were read again), half research
abstracts, half encyclopaedia entries. First measured unchanged: P 0.972 R 0.875 F1
0.921. Missed: "further work is needed to determine", "a potential inhibitor", "has yet
to be elucidated", "have been implicated in" and "is often attributed to", now in
`hedging/framings.py` and `hedging/lexicons/weasel_phrases.txt`; so this is a
development set from here on. The one false alarm, "The river may be crossed by ferry in
summer" (a "may" of permission in the passive), is still read as a hedge and left out of
the set: the modal reader cannot tell it from an epistemic "may be" without knowing
rivers. The last three certain sentences guard "potential" and "candidate" as roles in
news copy.

Fourth set (written the same way), encyclopaedia weasels (its first five uncertain
sentences were the ones the second set's notes listed as missed; the other 25 were new).
First measured unchanged: P 1.000 R 0.633. Then added: verdict and debate verbs of vague
groups ("panned", "debated"), "fans" as a bare source, a place or domain ("people in the
region") no longer narrows a group, "what many call", and set phrases ("sometimes
described as", "opinions differ", "generally agreed", "legend says"); after: P 1.000 R
0.933. On 400 FNC-1 bodies those changes add 4 hedges and remove none: three vague
sources ("Some reports on Friday night suggested", "Sources in the retail segment
indicate", "picked up by many on social media") and one misread ("mounting clamor by
impatient fans", a "by" that is no agent). Still missed: "Various sources give different
dates", "popular with many tourists".
"""

from __future__ import annotations

import pytest

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.findings import HedgeFinding
from tests.conftest import make_article

SECOND_UNCERTAIN = [
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
SECOND_CERTAIN = [
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
THIRD_UNCERTAIN = [
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
THIRD_CERTAIN = [
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
FOURTH_UNCERTAIN = [
    "Various sources give different dates for the founding of the abbey.",
    "Most people in the region consider the dialect a separate language.",
    "A number of critics panned the film on its release.",
    "The beach is popular with many tourists in summer.",
    "Fans often point to the second album as the band's best.",
    "The river is sometimes described as the cleanest in the country.",
    "Some scholars have questioned the authenticity of the letters.",
    "Many believe the statue was moved to the square in the 1800s.",
    "Observers have noted that the club rarely wins away from home.",
    "The recipe is said to have been invented by a monk.",
    "Several historians argue that the battle never took place.",
    "The town is known for what many call the best cheese in the province.",
    "The song is thought by some to refer to the singer's childhood.",
    "According to some estimates, the festival draws half a million visitors.",
    "It has been claimed that the tunnel was used by smugglers.",
    "Critics contend that the policy favours large landowners.",
    "The island is reputed to be haunted.",
    "Opinions differ as to whether the painting is a forgery.",
    "The method is widely considered obsolete.",
    "Some commentators saw the speech as a turning point.",
    "The mayor was reportedly unaware of the contract.",
    "The engine is believed to be the first of its kind.",
    "Others have suggested that the name comes from a family of millers.",
    "The team is regarded as one of the strongest in the league.",
    "It is generally agreed that the bridge was completed in 1820.",
    "The choir's recordings are considered by many to be definitive.",
    "Legend says the spring has healing powers.",
    "The author is rumoured to have written under several pen names.",
    "Experts have long debated the origin of the stones.",
    "The castle may have been built on the site of an earlier fort.",
]
FOURTH_CERTAIN = [
    "The abbey was founded in 1147 by Cistercian monks.",
    "The dialect is spoken by about 20,000 people in the region.",
    "The film opened in 300 cinemas and earned 2 million euros in its first week.",
    "The beach is 4 kilometres long and faces west.",
    "The band's second album sold 400,000 copies.",
    "The river flows through three provinces before reaching the sea.",
    "The letters are kept in the national archive.",
    "The statue was moved to the square in 1834.",
    "The club won 11 of its 19 away games last season.",
    "The recipe uses flour, honey and dried figs.",
    "The battle is commemorated by a monument near the village.",
    "The town's cheese won a national prize in 2015.",
    "The song reached number three in the charts.",
    "The festival lasts four days and is held every July.",
    "The tunnel was closed in 1962.",
    "The policy was introduced by the agriculture ministry in 2019.",
    "The island has a population of 240.",
    "The painting was bought by the museum in 1988.",
    "The method was replaced by a digital system in 2004.",
    "The speech lasted 40 minutes.",
    "The mayor signed the contract on 3 May.",
    "The engine was built in Glasgow in 1856.",
    "The name appears in a tax register from 1310.",
    "The team won the league in 2021 and 2023.",
    "The bridge has five arches and is 90 metres long.",
    "The choir was founded in 1920 and has 60 members.",
    "The spring is fed by snowmelt from the mountains.",
    "The author published nine novels between 1950 and 1975.",
    "Many of the stones weigh more than four tonnes.",
    "The castle was rebuilt after a fire in 1602.",
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(["hedging"])


def _uncertain(pipeline: Pipeline, text: str) -> bool:
    return any(isinstance(f, HedgeFinding) for f in pipeline.analyze(make_article(text)).findings)


# (uncertain, certain) per set. Measured 2026-12-07 after the additions: no false alarm
# in any set, recall 1.000, 1.000 and 0.933; the floors leave room for rules changed later
# for other sets.
SETS = {
    "second": (SECOND_UNCERTAIN, SECOND_CERTAIN),
    "third": (THIRD_UNCERTAIN, THIRD_CERTAIN),
    "fourth": (FOURTH_UNCERTAIN, FOURTH_CERTAIN),
}


@pytest.mark.parametrize("name", SETS)
def test_hedges_are_found(pipeline: Pipeline, name: str) -> None:
    uncertain, _ = SETS[name]
    missed = [s for s in uncertain if not _uncertain(pipeline, s)]
    assert len(missed) <= len(uncertain) // 10, missed


@pytest.mark.parametrize("name", SETS)
def test_plain_statements_are_left_alone(pipeline: Pipeline, name: str) -> None:
    _, certain = SETS[name]
    wrong = [s for s in certain if _uncertain(pipeline, s)]
    assert len(wrong) <= 1, wrong
