"""What kind of source a phrase names: an outlet, a person, an official body, a document.

Shared by the attribution analyzer and its `source_resolution`, which also take from here
where a source phrase ends (`source_phrase`) and how a note names each source type.
Classification reads the source phrase's tokens from the shared parse: named entities
first (a PERSON is a person; an ORG whose name looks like a news outlet is an outlet), then
the phrase's head noun ("sources", "officials familiar with the talks" are anonymous;
"figures", "a study" are documents).

The word lists are our own, written from how English-language news copy names its sources
(agency style guides' attribution sections list the same families: named, official,
anonymous, documentary, other media).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from newsprobe.analyzers.shared.span_index import entities_in
from newsprobe.analyzers.shared.tokens import columns
from newsprobe.findings import SourceType

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = [
    "OUTLET_ANAPHORS",
    "SELF_REFERENCES",
    "SOURCE_TYPE_WORDS",
    "classify_source",
    "is_plausible_source",
    "looks_like_outlet",
    "source_phrase",
]

# Words that make an organisation's name a news outlet's ("The Valemont Times", "Coastline
# Wire", "Northgate Daily"), plus agencies and broadcasters known by short names.
# The outlet word ends the name ("The Harbour Courier"), except Daily/Weekly, which may
# lead it ("The Daily Blaze"). Words common in other names (agency, leader, review, record,
# standard) are left out: "the civil protection agency" is not a newspaper.
_OUTLET_WORDS = frozenset(
    "times post daily courier herald wire news gazette journal telegraph tribune guardian "
    "chronicle press mail express mirror observer independent examiner inquirer dispatch "
    "bulletin blaze sentinel monitor magazine radio television tv broadcaster "
    "broadcasting weekly echo argus globe newsweek newswire tabloid beacon insider star "
    "today online digest citizen".split()
)
_OUTLET_LEADS = frozenset({"daily", "weekly"})
# Matched only when capitalised as a name ("Variety reported", not "a variety of"):
# agencies, broadcasters and sites that copy cites by a bare name. Added after reading
# FNC-1 bodies, where "according to Gawker", "Forbes reported", "Variety is reporting"
# and "according to RT" fell to organisation, person or official body.
_KNOWN_OUTLETS = frozenset(
    "reuters ap afp bloomberg bbc cnn dpa xinhua tass kyodo ansa efe upi nhk rte abc cbs "
    "nbc fox npr pbs politico axios buzzfeed rt forbes variety gawker tmz vox slate salon "
    "mashable techcrunch engadget wired breitbart huffpost cnbc msnbc espn newsmax gizmodo "
    "mediaite consumerist interfax yonhap anadolu bernama sputnik haaretz ynet itv cbc ctv "
    "euronews".split()
)
# Short names written in capitals ("the FT", "the NYT said"): matched only all-caps, so
# "Ft" in "Ft Worth" is not one. Added after FNC-1 bodies 1100-1124 called "Mr Smith told
# the FT" a person's word and "the NYT said" an organisation's.
_KNOWN_ABBREVIATIONS = frozenset({"ft", "nyt", "wsj", "scmp", "latimes"})
_OUTLET_PATTERN = re.compile(
    r"\b(?:associated press|press association|pa media|al jazeera|sky news|the economist"
    r"|financial times|wall street journal|news agency)\b",
    re.IGNORECASE,
)
# Names that are also common phrases, so matched as capitalised only.
_OUTLET_NAMES = re.compile(
    r"\b(?:The Verge|The Hill|The Atlantic|The Intercept|Daily Beast|USA Today|Al Arabiya"
    r"|Russia Today|Deutsche Welle|France 24|Middle East Eye)\b"
)
# A website named by its address ("Metro.co.uk", "iGen.fr", "Huzlers.com") is a publisher:
# organisations are cited by name, sites by address.
_WEB_ADDRESS = re.compile(
    r"^(?:www\.)?[\w'’-]+(?:\.[\w-]+)*\.(?:com|net|co\.uk|co|uk|fr|de|it|es|ru|in|au|ca|"
    r"io|tv|news|info|me|ly|us|cn|jp|ie|nz)$",
    re.IGNORECASE,
)
#: "the paper reported": refers back to the outlet last named.
OUTLET_ANAPHORS = frozenset(
    ["paper", "newspaper", "tabloid", "broadsheet", "broadcaster", "outlet", "website", "magazine"]
)
#: The publishing outlet speaking of itself: reporting of its own, not a retelling.
SELF_REFERENCES = re.compile(
    r"\b(?:this|our) (?:newspaper|paper|website|publication|site|reporter|correspondent)\b"
    r"|\b(?:told|to) us\b",
    re.IGNORECASE,
)
# Common nouns that say a name is a news outlet's: "Al-Sabah, an Iraqi newspaper,",
# "French website iGen", "Israel's NRG news site". The first set says so alone; the
# second ("website", "channel") only with "news" before it or a name set beside it, since
# "Apple's website" is no newspaper. Read off FNC-1 bodies 1100-1124, where three outlets
# named this way fell to organisation or person.
_OUTLET_NOUNS = frozenset(
    "newspaper paper tabloid broadsheet daily weekly broadcaster magazine blog outlet "
    "newsletter newswire".split()
)
_SITE_NOUNS = frozenset("website site channel agency network station portal".split())
_ANONYMOUS_HEADS = frozenset(
    "source official insider person people diplomat aide analyst critic observer onlooker "
    "witness resident expert insiders sources officials someone one another figure member "
    "colleague friend relative neighbour neighbor bystander passer-by staffer employee "
    "executive investor reviewer tester report reports rumour rumor other others".split()
)
_DOCUMENT_HEADS = frozenset(
    "study report survey poll polling figure figures data statistic statistics document documents "
    "record records account accounts filing letter memo email schedule result results "
    "paper research analysis estimate estimates census minutes transcript text statement "
    "release judgment ruling reading readings footage image images photograph photographs "
    "investigation inquiry audit review forecast scan test x-ray autopsy article video "
    "recording audio tape photo sample log calculation evidence post tweet datum profile "
    "tally count return returns biography bio page book average projection database "
    "register registry index chart readout disclosure disclosures filing testimony "
    "indictment affidavit complaint lawsuit obituary summary website".split()
)
_OFFICIAL_WORDS = frozenset(
    "police ministry minister government council court presidency president office "
    "department agency authority commission service services spokesperson spokesman "
    "spokeswoman parliament prosecutor prosecutors army military embassy mayor governor "
    "cabinet regulator inspectorate coastguard firefighters brigade senate congress "
    "assembly administration state municipality".split()
)


_TITLES = frozenset(
    "mayor minister president chancellor senator governor councillor councilor judge "
    "justice dr doctor professor prof mr mrs ms miss sir dame lord lady general colonel "
    "captain inspector detective sergeant chief chairman chairwoman chair director "
    "secretary ambassador commissioner rev reverend pastor bishop coach manager".split()
)
# Common nouns for people. Unnamed, a person is an unnamed source whatever body or place
# qualifies them: "scientists said", "the woman told", "a DEA agent testified", "a
# commander for the militia said". Before this list, FNC-1 bodies 100-124 had 14 such
# sources called an organisation or an official body (head-noun families from reading
# them and our gold set; offices held by one person, "the interior minister", stay
# official: see `_TITLES`). The people of political news were added from reading missed
# sources of PolNeAR train ("rivals fear", "donors want"; with "polling" a document: 5-fold
# CV source F1 .7675 -> .7685, content .8199 -> .8204, relation .6847 -> .6852).
_PERSON_NOUNS = frozenset(
    "man woman men women boy girl child teenager teen mother father parent son daughter "
    "wife husband brother sister nun priest monk cousin uncle aunt grandmother grandfather "
    "boyfriend girlfriend partner victim survivor customer client patient passenger driver "
    "pilot worker doctor nurse surgeon physician scientist researcher academic scholar "
    "engineer lawyer attorney counsel agent officer detective guard soldier commander "
    "fighter militant activist campaigner protester student teacher pupil farmer fisherman "
    "owner shopkeeper accountant consultant adviser advisor boss manager journalist "
    "reporter blogger user fan viewer reader local villager citizen voter lawmaker "
    "legislator senator congressman congresswoman politician candidate astronomer "
    "volcanologist economist historian biologist leader rival ally supporter donor "
    "advocate opponent backer delegate pastor author immigrant demonstrator millennial "
    "conservative liberal progressive moderate republican democrat independent".split()
)
_PLACES = frozenset({"GPE", "NORP", "LOC"})
_SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative"})
_INDEFINITE = frozenset(["a", "an", "one", "another", "some", "several", "two", "three", "many"])


#: How a note names each source type ("Sourced to an official body, ...").
SOURCE_TYPE_WORDS: dict[str, str] = {
    "person": "a named person",
    "official": "an official body",
    "institution": "an organisation",
    "anonymous": "an unnamed source",
    "outlet": "another news outlet",
    "document": "a document or data",
}


# Common nouns that name an organisation speaking ("according to the company").
_INSTITUTION_HEADS = frozenset(
    "company firm group union operator club university institute organisation organization "
    "charity bank party campaign association society foundation council board committee "
    "team league federation agency developer owner landlord hospital school airline "
    "manufacturer retailer insurer producer publisher network coalition alliance "
    "employer leadership caucus movement lobby corporation industry business".split()
)


def is_plausible_source(phrase: SpacySpan) -> bool:
    """Whether a phrase can be a source at all: a person, organisation, outlet, document,
    or an unnamed person or group; "according to the tonnage" is a proportion."""
    kind, _ = classify_source(phrase)
    if kind != "institution":
        return True
    head = phrase.root
    return (
        head.pos_ == "PROPN"
        or head.lemma_.lower() in _INSTITUTION_HEADS
        or bool(entities_in(phrase))
    )


# Cached: an article names the same few sources ("police", "Weiss", "the paper") again
# and again, and attribution asks about each cue's subject and object.
@lru_cache(maxsize=4096)
def looks_like_outlet(name: str) -> bool:
    """True for names like "The Valemont Times", "Coastline Wire", "Reuters", "the BBC"."""
    raw = [w.strip(".,").removesuffix("'s").removesuffix("’s") for w in name.split()]
    raw = [w for w in raw if w]
    if not raw:
        return False
    words = [w.lower() for w in raw]
    # A known name counts capitalised ("Variety", "the BBC"), never as a common word, and
    # not as the first word of a title ("Fox" in "Fox News" is the outlet; "Vice" in
    # "Vice President Ana Roth" is not, so "vice" is left to "Vice News").
    if any(
        (w in _KNOWN_OUTLETS and r[:1].isupper()) or (w in _KNOWN_ABBREVIATIONS and r.isupper())
        for w, r in zip(words, raw, strict=True)
    ):
        return True
    if _OUTLET_PATTERN.search(name) or _OUTLET_NAMES.search(name):
        return True
    if len(raw) <= 2 and _WEB_ADDRESS.match(raw[-1]):
        return True
    # "Mirror online", "Mail Online": a paper's site is named after it.
    if (
        len(raw) >= 2
        and words[-1] == "online"
        and raw[-2][:1].isupper()
        and (words[-2] in _OUTLET_WORDS)
    ):
        return True
    capitalised = sum(1 for w in raw if w[:1].isupper())
    if capitalised < 2:
        return False
    # "the Washington Free-Beacon": the outlet word may end a hyphenated last word.
    last = words[-1].rsplit("-", 1)[-1]
    return last in _OUTLET_WORDS or any(w in _OUTLET_LEADS for w in words[:-1])


def classify_source(phrase: SpacySpan) -> tuple[SourceType, str | None]:
    """(source type, role) of a source phrase such as "Station commander Olga Petrenko".

    The role is the lowercased words before a person's name ("station commander"), if any.
    """
    text = phrase.text
    ents = [e for e in entities_in(phrase) if e.label_ in {"PERSON", "ORG", "GPE", "NORP", "FAC"}]
    head = phrase.root
    head_word = head.lemma_.lower()
    # The phrase's words off the shared columns: iterating the span builds a Token each.
    lower = columns(phrase.doc).lower
    lowered = set(lower[phrase.start : phrase.end])
    # Outlet names end in their outlet word, which no person's name does, so this test
    # goes first: the small model often tags "Coastline Wire" as a PERSON.
    if (
        looks_like_outlet(text)
        or (head_word in OUTLET_ANAPHORS and "the" in lowered)
        or _described_as_outlet(phrase, head, lower)
    ):
        return "outlet", None
    person = next((e for e in ents if e.label_ == "PERSON"), None)
    if person is not None and head.i >= person.start and head.i < person.end:
        role = phrase.doc[phrase.start : person.start].text.strip(" ,").lower() or None
        return "person", role
    # "Mayor Sabine Holt" where the small model missed the PERSON: title words, then names.
    if head.pos_ == "PROPN" and head.ent_type_ not in {"GPE", "NORP", "FAC", "LOC"}:
        titles = [i for i in range(phrase.start, head.i) if lower[i] in _TITLES]
        if titles:
            role = phrase.doc[phrase.start : titles[-1] + 1].text.lower()
            return "person", role.removeprefix("the ").strip() or None
    if head.pos_ == "PRON" and head.lower_ in {"he", "she", "i", "we"}:
        return "person", None
    if head_word in _SPOKES:
        # "a spokesperson for the operator" speaks for the operator: classify that.
        prep = next(
            (c for c in head.children if c.dep_ == "prep" and c.lower_ in {"for", "of"}), None
        )
        body = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        if body is not None:
            kind, _ = classify_source(body.doc[body.left_edge.i : body.right_edge.i + 1])
            # A spokesperson speaks for a body: for a person ("for Eklund") that is their
            # office; for an organisation, the organisation.
            return ("institution" if kind in {"institution", "outlet"} else "official"), None
        return "official", None
    # "the post says" is a document; "the Post reported" a newspaper named in short.
    proper_post = head_word == "post" and head.text[:1].isupper()
    if head_word in _DOCUMENT_HEADS and not (head_word == "statement" and ents) and not proper_post:
        return "document", None
    # "officials familiar with the talks", "people close to the union", "a DEA agent":
    # the head is an unnamed person or group even when a named body qualifies it.
    head_in_entity = any(e.start <= head.i < e.end for e in ents)
    if not head_in_entity and _names_unnamed_people(head, head_word, phrase, lower):
        return "anonymous", None
    if lowered & _OFFICIAL_WORDS or any(e.label_ == "GPE" for e in ents):
        return "official", None
    if ents or head.pos_ == "PROPN":
        return "institution", None
    if phrase[0].lower_ in _INDEFINITE:
        return "anonymous", None  # "a security guard", "one resident": unnamed people
    return ("anonymous" if head.pos_ == "PRON" else "institution"), None


def _is_outlet_noun(token: Token, lower: list[str]) -> bool:
    """Whether `token` is a noun that describes a news outlet: "newspaper", "news site"."""
    word = lower[token.i]
    if word in _OUTLET_NOUNS or word.removesuffix("s") in _OUTLET_NOUNS:
        return True
    return word in _SITE_NOUNS and any(lower[c.i] == "news" for c in token.lefts)


def _described_as_outlet(phrase: SpacySpan, head: Token, lower: list[str]) -> bool:
    """Whether a name is set beside an outlet noun: "Al-Sabah, an Iraqi newspaper," (the
    noun in apposition), "Israel's NRG news site", "French website iGen" (a name in the
    noun phrase itself). An outlet noun with no name ("a blog") stays unnamed."""
    if head.pos_ == "PROPN":
        # The noun just before the name: "French website iGen" parsed with the name as head.
        first = head.i
        pos = columns(head.doc).pos
        while first > phrase.start and pos[first - 1] == "PROPN":
            first -= 1
        before = lower[first - 1] if first > phrase.start else ""
        return (
            before in _OUTLET_NOUNS
            or before in _SITE_NOUNS
            or any(
                c.dep_ == "appos" and c.pos_ == "NOUN" and _is_outlet_noun(c, lower)
                for c in head.children
            )
        )
    if head.pos_ != "NOUN":
        return False
    # A name in the phrase, not a possessor: "Apple's website" is Apple's, not a paper.
    names = [
        t.i for t in phrase if t.pos_ == "PROPN" and t.dep_ != "poss" and t.ent_type_ not in _PLACES
    ]
    if not names:
        return False
    return _is_outlet_noun(head, lower) or (
        lower[head.i] in _SITE_NOUNS and names[-1] > head.i  # "French website iGen"
    )


def _names_unnamed_people(head: Token, head_word: str, phrase: SpacySpan, lower: list[str]) -> bool:
    """Whether a phrase's head names people without naming them: "sources", "scientists",
    "a senior diplomat", "a senator" (an office-holder is unnamed only after "a")."""
    if head_word in _ANONYMOUS_HEADS or head.lower_ in _ANONYMOUS_HEADS:
        return True
    if head.pos_ not in {"NOUN", "PROPN"}:
        return False
    # A title-case headline makes "Accountant Says" a proper noun: the word still counts
    # when no other name stands with it ("Movie Pilot" is a name, not a pilot).
    if head_word in _PERSON_NOUNS or head.lower_ in _PERSON_NOUNS:
        return head.pos_ == "NOUN" or not any(t.pos_ == "PROPN" for t in phrase if t.i != head.i)
    indefinite = lower[phrase.start] in _INDEFINITE
    return indefinite and head.pos_ == "NOUN" and head_word in _TITLES


def source_phrase(token: Token) -> SpacySpan:
    """The source phrase headed by `token`, without relative clauses or appositions."""
    doc = token.doc
    cols = columns(doc)
    end = token.right_edge.i + 1
    person = cols.ent_type[token.i] == "PERSON"
    preps = 0
    for child in token.rights:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.i == child.left_edge.i:
            continue  # "French website iGen": the name the noun introduces, no comma between
        if child.dep_ in {"relcl", "appos", "acl", "punct", "advcl"} or child.text in {",", "("}:
            end = min(end, child.left_edge.i)
        elif child.dep_ == "prep":
            # "officials at the port" says who they are; "Daniel Lieber in Massachusetts",
            # "a blogger with 40K followers on Twitter" and a second phrase ("managers in
            # Saalbach in the state of Salzburg") only say more about them.
            # A title-case name goes on: "Coordinator of Government Activities in the
            # Territories" is one office.
            preps += 1
            titled = cols.pos[token.i] == "PROPN" and cols.pos[child.right_edge.i] == "PROPN"
            if person or (preps > 1 and not titled) or cols.lower[child.i] == "with":
                end = min(end, child.left_edge.i)
    word = cols.lower[token.i]
    if end == token.i + 1 and (word in _OUTLET_NOUNS or word in _SITE_NOUNS):
        # "According to French website iGen, ...": the parser may hang the name the noun
        # introduces on the clause after it; the proper nouns right after it are that
        # name ("iGen", not "Tuesday").
        while (
            end < len(doc)
            and cols.pos[end] == "PROPN"
            and cols.ent_type[end] not in {"DATE", "TIME"}
            and not cols.text[end].islower()
        ):
            end += 1
    if end < len(doc) and cols.lower[end] == "online" and cols.pos[end - 1] == "PROPN":
        end += 1  # "according to Beacon online": the parser hangs "online" on "according"
    # "A spokesperson for Northline Freight, which runs...": a comma after the head ends
    # the name, however deep the clause hangs in the parse.
    end = next((i for i in range(token.i + 1, end) if cols.text[i] in {",", "(", "—"}), end)
    start = token.left_edge.i
    # "LAST UPDATED 10 Feb\nUnconfirmed reports", "The crappy: Fake news site": a label,
    # dateline or line before a colon or a line break is not part of the source's name.
    start = max(
        (i + 1 for i in range(start, token.i) if cols.text[i] == ":" or "\n" in cols.text[i]),
        default=start,
    )
    while start < end - 1 and cols.tokens[start].is_punct:
        start += 1
    while end - 1 > start and cols.tokens[end - 1].is_punct:
        end -= 1
    return doc[start:end]
