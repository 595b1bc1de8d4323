"""The multi-word framings the hedging analyzer matches on sentence text.

"It is believed that", "is said to", "it remains to be seen", "there is speculation
that", "unconfirmed reports", and the writer's inferences ("Therefore, ...", "This means
that"). Each pattern carries gates (see `FRAMINGS`) so that most sentences are turned
away by a substring test before any regex runs.
"""

from __future__ import annotations

import re

__all__ = ["FRAMINGS"]

_I = re.IGNORECASE
_PASSIVE_BELIEF = (
    r"(?:believed|thought|understood|rumou?red|suggested|claimed|alleged|assumed|"
    r"speculated|feared|suspected|expected|said|reported|reputed|presumed)"
)
# With "it" only ("It has been argued that the portrait is a later copy"): after a subject,
# "was proposed to shareholders" is a motion put, not a conjecture (`hedging.py` reads
# "has been proposed to act" off the parse).
_IT_PASSIVE_BELIEF = (
    r"(?:believed|thought|understood|rumou?red|suggested|claimed|alleged|assumed|"
    r"speculated|feared|suspected|expected|said|reported|reputed|presumed|"
    # Added 2026-12-07 after the eighth composed probe, from the conjecture and dispute
    # verbs the shared-task guidelines list ("It has been argued that the portrait is a
    # later copy", "it is postulated that"). Not "estimated": "it is estimated that 2,000
    # attended" gives a figure; "stated"/"noted" report what was said; "is supposed to"
    # is an expectation or a duty in news copy ("is supposed to launch this fall": 7 of 7
    # matches on 400 FNC-1 bodies).
    r"argued|proposed|postulated|hypothesi[sz]ed|posited|conjectured|contended|surmised)"
)
# "it's believed", "it’s not expected to", "the mayor's said to": informal copy contracts
# the "is" the framings below are written with (1 of 65 hedges in 25 real articles missed).
_S = "['’]s"
#: Multi-word framings, matched on the sentence text. Each was written from how news copy
# hedges without naming a source; the tests show one composed sentence per pattern.
# Each comes with its gates: lower-case strings one of which every match contains. A
# sentence (case-folded as the regex compares) holding no gate cannot match, and the
# substring test is far cheaper than running eleven case-insensitive patterns on it.
FRAMINGS: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = tuple(
    (re.compile(p, _I), kind, gates)
    for p, kind, gates in (
        (
            rf"\bit(?: is| was| has(?: long)? been| had(?: long)? been|{_S}) "
            # "once", "long", "traditionally", "popularly": a belief of no one named, then
            # or always ("It was once thought that the island was uninhabited"; added
            # 2026-12-07 after the eighth probe)
            r"(?:(?:widely|generally|now|not|often|sometimes|commonly|frequently|also|once|"
            r"long|traditionally|popularly|previously|originally|initially) )*"
            rf"{_IT_PASSIVE_BELIEF}(?: that)?\b",
            "framing",
            ("it ", "it'", "it’"),
        ),
        (
            rf"(?:\b(?:is|are|was|were)|(?<=\w){_S}) (?:(?:widely|generally|now|not|also) )*"
            rf"{_PASSIVE_BELIEF} to\b",
            "framing",
            (" to",),
        ),
        (
            r"\bit (?:would )?(?:seems?|seemed|appears?|appeared)"
            r"(?: as (?:if|though)| like| that)?\b"
            r"|\bit (?:looks?|looked) (?:as (?:if|though)|like)\b",
            "framing",
            ("it ",),
        ),
        (
            rf"\bit(?: is| was| remains| remained|{_S}) (?:still )?(?:unclear|not (?:yet )?clear|"
            r"uncertain|unknown|not (?:yet )?known) (?:whether|if|why|how|what|who|when|where)\b",
            "framing",
            ("it ", "it'", "it’"),
        ),
        (
            rf"\bit(?: is| was|{_S}) (?:(?:quite|entirely|also|still) )?"
            r"(?:possible|conceivable|probable|plausible) that\b",
            "framing",
            ("it ", "it'", "it’"),
        ),
        (r"\bit remains to be seen\b", "framing", ("it remains to be seen",)),
        # Research prose hedges without "it": "remains to be determined", "is not fully
        # understood", "raises the possibility that", "our hypothesis", "were consistent
        # with", "examined whether" (added 2026-12-07 from a composed probe of science
        # sentences; none of these turned up unhedged in the composed news articles).
        (
            r"\b(?:(?:remains?|remained)|(?:has|have|had) yet) to be (?:determined|established|"
            r"elucidated|confirmed|clarified|shown|proven|proved|seen|identified|explained)\b"
            r"|\b(?:is|are|was|were|remains?|remained) (?:still |as yet |largely )?(?:not (?:yet )?"
            r"(?:fully |well |entirely |completely )?(?:understood|clear|known)|"
            r"poorly understood|unclear|uncertain|unknown)\b"
            # Added 2026-12-07 (after the eighth probe), a question stated as open: "the
            # nature of the factor remains elusive", "is an open question", "little is
            # known about"; not "the border remains open", a fact.
            r"|\b(?:is|are|was|were|remains?|remained) (?:still )?(?:elusive|obscure|"
            r"unresolved|unproven|speculative|an open question|a matter of (?:speculation|"
            r"conjecture|debate|dispute))\b"
            r"|\b(?:little|not much|less|relatively little) (?:is|was) (?:known|understood)\b"
            r"|\bof (?:uncertain|unknown|unclear|doubtful|disputed|obscure) (?:origin|date|"
            r"provenance|authorship|parentage|etymology|age|function|significance)\b"
            # "Whether the complex is stable has not been determined", "the cause was never
            # established": a question the writers leave open (an eighth composed probe,
            # research abstracts, 2026-12-07). Not "identified" or "confirmed" without
            # "yet": "the victims were not identified" is a police decision, not a guess.
            r"|\b(?:(?:is|are|was|were) (?:not|never)|(?:has|have|had) (?:not|never) "
            r"(?:yet )?been) (?:yet )?(?:fully )?"
            r"(?:determined|established|elucidated|clarified|resolved|explained|proven|proved)\b"
            r"|\b(?:is|are|was|were|has|have|had) not yet (?:been )?(?:confirmed|shown)\b",
            "framing",
            (
                "remain",
                "understood",
                "clear",
                "known",
                "uncertain",
                " yet to be ",
                "not ",
                "never ",
                "elusive",
                "obscure",
                "unresolved",
                "unproven",
                "speculative",
                "open question",
                "a matter of",
                "of un",
                "of doubtful",
                "of disputed",
            ),
        ),
        # A possibility left open: "cannot be ruled out", "the data do not exclude the
        # possibility", "police have not ruled out foul play" (a seventh composed probe,
        # research abstracts, 2026-12-07). Ruling it out ("police ruled out foul play") is
        # a denial and does not match.
        (
            r"\b(?:not|n['’]t|cannot|never) (?:yet |be |been |fully |entirely |completely )*"
            r"(?:exclude[sd]?|rule[sd]? out|ruled out)\b",
            "framing",
            ("exclude", "rule out", "rules out", "ruled out"),
        ),
        # The sixth composed probe (research abstracts, written before the rules were
        # read, 2026-12-07) missed "this finding is suggestive of a defect"; "is indicative
        # of" is the same evidential hedge (a speculation cue in the BioScope guidelines), as
        # is "there is a possibility that" beside "raises the possibility that".
        (
            r"\b(?:is|are|was|were|be|being) (?:(?:highly|strongly|also) )?"
            r"(?:suggestive|indicative) of\b"
            r"|\bthere (?:is|was|remains) (?:a |some |also a |every |a real |a strong )?"
            r"(?:possibility|chance|likelihood) (?:that|of)\b",
            "framing",
            ("suggestive of", "indicative of", "possibility", "chance", "likelihood"),
        ),
        # The third composed probe (science sentences written before these rules were
        # read, 2026-12-07) missed three research-prose hedges: work still to do ("further
        # studies are needed to determine"), a link not yet shown ("have been implicated
        # in") and a role not yet shown ("is a potential inhibitor"). "Potential" alone is
        # not a hedge in news ("potential buyers"); only as the predicate of "is/as a".
        (
            r"\bfurther (?:work|research|studies|study|investigation|experiments|analysis|data)"
            r" (?:is|are|will be|would be|was|were) (?:needed|required|necessary|warranted)\b"
            r"|\b(?:is|are|was|were|(?:has|have|had) been) (?:also )?implicated in\b"
            r"|\b(?:is|are|was|were|as) (?:a |an )?(?:potential|presumed) "
            # "Potential" of a role someone may take up is no hedge ("a potential buyer").
            r"(?!(?:buyer|customer|client|voter|employer|investor|advertiser|bidder|suitor|"
            r"partner|recruit|candidate|applicant|donor|user|subscriber)s?\b)",
            "framing",
            ("further ", "implicated in", "potential ", "presumed "),
        ),
        # An eighth composed probe (2026-12-07, written before the rules were read) missed
        # an explanation offered as one of several ("An alternative explanation is that
        # ..."), and rumours as the subject of their own spreading ("Rumours have
        # circulated that"). The authors' "we suggest that" is their hypothesis (a
        # BioScope cue); "We suggest a simple protocol" (a plan) has no "that" and is left.
        (
            r"\b(?:an? |one |another )(?:alternative |other |possible |likely |simpler |"
            r"plausible |attractive |further )?(?:explanation|interpretation|possibility) "
            r"(?:is|would be|could be|might be|may be) that\b"
            # a theory or story offered as one of several, or as what people hold ("One
            # theory is that the stones were moved on sledges", "A popular theory holds
            # that"; added 2026-12-07 after the eighth probe). Not "the theory of evolution
            # states": "one", "another" or a word of currency is needed.
            r"|\b(?:one|another|an? (?:popular|common|widely held|prevailing|competing|"
            r"rival|old|alternative|traditional)) (?:theory|hypothesis|view|version|account|"
            r"story|legend|tradition|belief|school of thought) (?:is that|holds|has it|says|"
            r"suggests|states|claims|maintains)\b"
            # what is left a mystery ("His death is shrouded in mystery")
            r"|\b(?:shrouded in (?:mystery|uncertainty|doubt)|(?:is|are|was|were|remains?|"
            r"remained) (?:still )?(?:a|something of a) mystery)\b"
            r"|\bwe (?:(?:therefore|thus|here|further|also|now|tentatively) )?suggest that\b"
            r"|\brumou?rs? (?:(?:have|has|had) )?(?:circulated|circulating|circulate|spread|"
            r"spreading|swirled|swirling|swirl|persisted|persist|abound|abounded)\b"
            # with what they say: not "rumours spread like wildfire" (rumours talked
            # about; two of seven matches on 400 FNC-1 bodies before this)
            r"(?=[^.;:!?]{0,80}?\bthat\b)",
            "framing",
            (
                "explanation",
                "interpretation",
                "possibility",
                "we ",
                "rumo",
                "theory",
                "hypothesis",
                "view",
                "version",
                "account",
                "story",
                "legend",
                "tradition",
                "belief",
                "school of thought",
                "mystery",
                "shrouded",
            ),
        ),
        (
            r"\b(?:raises?|raised|raising) the (?:possibility|question) (?:that|of|whether)\b"
            r"|\b(?:our|this|the|one|a|working) hypothesis\b|\bwe (?:hypothesi[sz]e|speculate)\b"
            r"|\b(?:is|are|was|were) (?:also |broadly |largely )?consistent with\b"
            # "in line with the view that": not "in line with forecasts", a measured match
            r"|\bin (?:line|keeping|agreement|accord) with the (?:view|idea|notion|hypothesis|"
            r"model|suggestion|possibility|proposal|interpretation)\b"
            # "compatible with a model in which": not "compatible with iPhones", a fact
            r"|\b(?:consistent|compatible) with (?:the|a|an|this|our|their) (?:(?:simple|"
            r"simplest|current|earlier|proposed|working|alternative) )?(?:view|idea|notion|"
            r"hypothesis|suggestion|possibility|proposal|interpretation|scenario|"
            r"model (?:in which|where|whereby))\b"
            r"|\b(?:examin|investigat|determin|explor)(?:e|es|ed|ing) whether\b"
            # "test whether", "assess whether": stems with no "e" (an eighth probe missed
            # "To test whether Mek5 regulates cell size")
            r"|\b(?:test|assess)(?:s|es|ed|ing)? whether\b",
            "framing",
            (
                "possibility",
                "question",
                "hypothes",
                "speculate",
                "consistent with",
                "compatible with",
                "whether",
                " with the ",
            ),
        ),
        (
            r"\bthere (?:is|are|was|were|(?:has|have|had)(?: long| also| always)? been) "
            r"(?:(?:growing|widespread|some|much|renewed|intense) )?"
            r"(?:speculation|suggestions?|rumou?rs?|talk|signs?|indications?|fears?|claims?|"
            # Added 2026-12-07 (after the eighth probe): a question left in dispute ("There
            # is some debate over the authorship"); "there is no doubt" does not match.
            r"allegations?|debate|disagreement|controversy|doubts?|uncertainty|dispute)"
            r"(?: that)?\b",
            "framing",
            ("there ",),
        ),
        (
            r"\bthere (?:is|was|has been|have been) (?:some|growing|mounting|limited|little|"
            r"circumstantial|anecdotal) evidence\b",
            "framing",
            ("evidence",),
        ),
        (
            r"\b(?:unconfirmed|unverified|uncorroborated) (?:reports?|claims?|accounts?)\b",
            "framing",
            ("unconfirmed ", "unverified ", "uncorroborated "),
        ),
        (
            r"\b(?:in all likelihood|chances are|if true|one can only (?:guess|wonder|speculate))\b"
            r"|\bwho knows(?=\s*[?,.!—–-])",
            "framing",
            ("in all likelihood", "chances are", "if true", "one can only", "who knows"),
        ),
        (
            # Not "Thus far, ..." (so far) nor a bare "Of course." answering a question.
            r"^\W*(?:therefore|thus(?! far\b)|hence|clearly|obviously|evidently|surely|"
            r"inevitably|of course|no wonder)\b,?(?=\W*\w)",
            "inference",
            (
                "therefore",
                "thus",
                "hence",
                "clearly",
                "obviously",
                "evidently",
                "surely",
                "inevitably",
                "of course",
                "no wonder",
            ),
        ),
        (
            r"\b(?:this|that|which|it) (?:means|meant|shows|showed|proves|proved|implies|implied|"
            r"would (?:mean|imply)) that\b|\bit follows that\b",
            "inference",
            (" that",),
        ),
        (
            r"\bit(?:'s|’s| is| was) no (?:coincidence|accident|surprise|wonder)\b",
            "inference",
            ("it",),
        ),
    )
)
