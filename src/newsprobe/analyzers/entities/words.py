"""The hand-written word lists the entity passes match names against.

Titles, role nouns, verbs of saying, organization words and a small alias table: each list
says where it comes from, so that a reader can judge what it claims. Kept apart from the
code that uses them (`entity_spans`, `entity_recovery`, `entity_roles`, `aliases`) because
they are data, reviewed and extended on their own.

    >>> "minister" in ROLE_HEADS
    True
"""

from __future__ import annotations

from newsprobe.analyzers.shared.speech_verbs import verbs_for

__all__ = [
    "ALIAS_GROUPS",
    "COMPASS_WORDS",
    "COMPOUND_TAILS",
    "CONDITIONAL_ALIASES",
    "CORPORATE_SUFFIXES",
    "DISEASE_CUES",
    "FUNCTION_WORDS",
    "HONORIFICS",
    "INSTITUTION_HEADS",
    "MISLABELLED_PERSON",
    "NOT_NAME_WORDS",
    "ORG_FOLLOWERS",
    "ORG_NOUNS",
    "ORG_WORDS",
    "OUTLET_FOLLOWERS",
    "PAGE_WORDS",
    "PLACE_LABELS",
    "PLACE_NOUNS",
    "PLATFORMS",
    "POSSESSIVE_TAILS",
    "PREFIX_TITLES",
    "ROLE_HEADS",
    "SPEECH_VERBS",
    "STREET_WORDS",
    "STRONG_TITLES",
    "TITLE_MODIFIERS",
    "TITLE_WORDS",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Courtesy titles: stripped from names for matching, never reported as a role.
HONORIFICS = _words(
    "mr mrs ms miss mx messrs dr prof sir dame lord lady madam mme mlle monsieur herr frau "
    "señor señora sr sra"
)

#: Nouns that head a role or office ("prime minister", "chief executive", "striker").
#: Compiled by hand from the titles that introduce people in wire copy (politics, business,
#: courts, military, religion, sport, science); a word here both marks a role phrase and,
#: directly before a name, says the name is a person.
ROLE_HEADS = _words("""
    president vice-president president-elect premier chancellor minister secretary senator
    sen representative rep congressman congresswoman lawmaker legislator mp mep governor gov
    mayor deputy speaker leader chairman chairwoman chairperson chair ceo cfo coo cto founder
    co-founder executive officer director manager head boss owner treasurer commissioner
    ambassador envoy diplomat consul spokesman spokeswoman spokesperson adviser advisor aide
    counsel attorney lawyer prosecutor judge justice magistrate sheriff marshal inspector
    detective constable sergeant sgt general gen colonel col lieutenant lt major maj
    captain capt admiral adm commander commodore corporal private king queen prince princess
    emperor empress duke duchess pope cardinal bishop archbishop rabbi imam reverend rev
    pastor father sheikh ayatollah coach striker midfielder defender goalkeeper forward
    quarterback pitcher batsman bowler driver rider jockey champion referee umpire
    trainer economist analyst professor researcher scientist physicist chemist biologist
    epidemiologist doctor surgeon nurse author novelist writer editor correspondent reporter
    columnist actor actress singer rapper artist producer candidate nominee
    dean rector provost principal chief superintendent auditor regulator negotiator
    footballer player winger cyclist boxer sprinter athlete swimmer golfer star host
    presenter anchor councillor councilman councilwoman rocker musician singer-songwriter
    comedian chef designer dancer model photographer architect engineer teacher pilot
    businessman businesswoman tycoon billionaire entrepreneur activist campaigner blogger
    influencer
""")

#: Titles that make a name a person even inside a span spaCy labelled ORG or GPE; narrower
#: than ROLE_HEADS because "General Motors" and "Justice Department" are organizations.
STRONG_TITLES = HONORIFICS | _words(
    "president chancellor minister senator sen rep governor gov mayor secretary judge coach "
    "ceo chairman chairwoman spokesman spokeswoman professor"
)

#: Role nouns that stand capitalized before a name as a form of address ("Coach Ruiz",
#: "Detective Li", "Pope Leo"). The other role nouns ("star", "host", "analyst") do so
#: only in front of a full name ("Rapper Big Bank Hank" opening a sentence); before one
#: capitalized word they are part of a title ("Star Wars", "Host Nation"). Read off FNC-1
#: bodies 1200-1224, where "Star Wars" came out as a person "Wars" with the role "star".
PREFIX_TITLES = STRONG_TITLES | _words("""
    vice-president president-elect premier representative congressman congresswoman
    deputy speaker leader chairperson ambassador commissioner envoy consul justice
    magistrate sheriff marshal inspector detective constable sergeant sgt general gen
    colonel col lieutenant lt major maj captain capt admiral adm commander commodore
    corporal private king queen prince princess emperor empress duke duchess pope cardinal
    bishop archbishop rabbi imam reverend rev pastor father sheikh ayatollah dean doctor
    officer agent chief director
""")

#: Words that qualify a title but never name anything alone: "First" in "First Lady",
#: "Air" in "Air Chief Marshal", "Supreme" in "Supreme Leader" (FNC-1 bodies 1200-1224).
TITLE_MODIFIERS = _words(
    "first air supreme chief vice deputy acting interim former late prime grand high "
    "senior junior assistant associate executive managing lord"
)

#: Web-page furniture and credit lines that spaCy's small model tags as names when they
#: are capitalized on their own: "Show caption", "(Writing by ...", "Play VIDEO", "Related".
#: Compiled from the page debris in FNC-1 bodies 1200-1224; a mention made only of these
#: words (and of titles) is no entity.
PAGE_WORDS = _words("""
    show hide share tweet retweet play watch listen related advertisement sponsored caption
    photo photos picture pictures video videos image images gallery slideshow click read
    more comments comment subscribe follow continue update updated updates editing writing
    reporting additional via source sources credit credits courtesy exclusive breaking
    developing live
""")

#: Nouns after a one-word name that make it a disease ("the Ebola outbreak", "an Ebola
#: patient"); the words before it are in `entity_labels`. spaCy's small model tags such
#: names as places or people; a disease is none of the entities this analyzer reports.
#: "Crisis", "fears" and "victims" are left out: "the Syria crisis" is a place's.
DISEASE_CUES = _words(
    "virus outbreak outbreaks epidemic pandemic patient patients vaccine vaccines "
    "infection infections symptoms"
)

#: Last words of street names: with "in", "on" or "at" before them they name a place,
#: not the organization spaCy's small model often takes them for ("in Scotch Street").
STREET_WORDS = _words("street road avenue lane boulevard highway square drive")

#: Verbs of saying (compared with a lemma): a capitalized name as their subject is very
#: likely a person. See the ``names_person`` use in ``shared/lexicons/speech_verbs.txt``.
SPEECH_VERBS = verbs_for("names_person")

#: Trailing words that name the legal form of a company; ignored when matching names,
#: so "Acme Holdings" and "Acme" are one organization.
CORPORATE_SUFFIXES = _words(
    "inc incorporated corp corporation co ltd limited plc llc llp lp ag sa nv gmbh bv spa "
    "holdings group"
)

#: Words that make a capitalized run an organization or place, not a person's name.
ORG_WORDS = CORPORATE_SUFFIXES | _words(
    "bank university college school hospital institute party council ministry department "
    "agency authority commission committee association union league club court police "
    "army navy airlines airways press news post journal street avenue road river lake "
    "mount island city county province state republic kingdom foundation gazette courier "
    "tribune chronicle times herald observer rovers united wanderers athletic fc "
    "administration government"
)

#: Online platforms news copy names in passing ("posted on Twitter", "a YouTube channel");
#: spaCy's small model often tags them PERSON, PRODUCT or WORK_OF_ART. Read off FNC-1 bodies
#: 500-524, where "Twitter" alone came out a person in 4 of 25 articles; kept to services,
#: which are organizations whatever the sentence.
PLATFORMS = _words(
    "twitter facebook youtube instagram reddit tiktok snapchat whatsapp linkedin tumblr "
    "pinterest imgur weibo wechat telegram vimeo flickr"
)

#: Lower-case heads of English compounds glued to a name ("Obama-era", "Acme-style"): not
#: part of the name, unlike the second syllable of a hyphenated given name ("Yo-jong").
#: Words ending in "-ed" ("Kremlin-backed") are excluded by rule, not listed.
COMPOUND_TAILS = _words("era style like born type free proof made run wide esque ish friendly")

#: Words skipped when initials are taken to test an acronym ("Bank of England" -> BoE).
FUNCTION_WORDS = _words("of the and for de du des la le el al on in at to &")

#: Equivalent names of a few entities that news copy uses interchangeably and that no
#: rule derives (initials, surnames) on its own. Compiled by hand from the short forms that
#: the AP and Reuters style guides allow on later references; kept small on purpose: every
#: entry is an identity claim, and an alias table that grows unchecked merges things that
#: differ (the Kremlin is the Russian presidency, not Russia, so it is not listed).
ALIAS_GROUPS: dict[str, tuple[str, ...]] = {
    "united states": ("us", "usa", "united states of america", "america"),
    "united kingdom": ("uk", "britain", "great britain"),
    "united nations": ("un",),
    "european union": ("eu",),
    "nato": ("north atlantic treaty organization", "north atlantic treaty organisation"),
    "islamic state": (
        "isis",
        "isil",
        "daesh",
        "islamic state of iraq and syria",
        "islamic state of iraq and the levant",
        "islamic state group",
    ),
    "soviet union": ("ussr",),
    "united arab emirates": ("uae",),
    "democratic republic of the congo": ("drc", "dr congo"),
    "russia": ("russian federation",),
}

#: Aliases that are also ordinary words: they merge only when the entity they stand for is
#: named some other way in the same article ("IS" only beside "Islamic State" or "ISIS").
CONDITIONAL_ALIASES: dict[str, str] = {"is": "islamic state"}

#: spaCy labels of places and groups, and the labels it wrongly gives unfamiliar names.
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})
MISLABELLED_PERSON = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})

#: Unions used per token, built once (``a | b`` makes a new set on every call).
TITLE_WORDS = HONORIFICS | ROLE_HEADS
NOT_NAME_WORDS = ORG_WORDS | TITLE_WORDS

#: Tokens stripped from the end of a name: possessives, as spaCy splits them off.
POSSESSIVE_TAILS = frozenset({"'s", "’s", "'", "’", "s"})


# --- label cues (`entity_labels`) -------------------------------------------------------------
# Compiled by hand from the ways wire and web copy introduce outlets, companies, armed groups
# and places (FNC-1 bodies 1400-1424 were the checklist); every word must be one that does
# not stand in the same place beside a person's name.

#: Common nouns that, right before a name, say what kind of organization it is ("extremist
#: group Boko Haram", "the site Vocativ", "retailer Zara").
ORG_NOUNS = _words("""
    group organization organisation outlet site website newspaper paper tabloid daily
    magazine weekly journal broadcaster network channel station agency publication publisher
    blog company firm retailer startup start-up maker manufacturer carrier airline bank
    insurer chain brand label app platform studio developer operator movement militia
    faction coalition charity brewer automaker conglomerate subsidiary supermarket
""")

#: Nouns that, right after a name spaCy called a person, say it is an organization ("a
#: Comcast customer", "Boko Haram militants", "Rudaw newspaper"). No "spokesman", "official"
#: or "aides": people have those too ("a Kerry aide").
ORG_FOLLOWERS = _words("""
    customer customers subscriber subscribers rep reps employee employees staffers unit
    subsidiary store stores shares stock headquarters militants fighters insurgents rebels
    newspaper website channel network magazine agency app platform users
""")

#: Nouns after a name that make it a publication ("the Esquire article").
OUTLET_FOLLOWERS = _words(
    "article articles piece column story report reporter reporters readers editor editors "
    "columnist website"
)

#: Last words that make a name spaCy called a person an organization ("U.S. Central
#: Command", "Keller Williams Realty", "Ansar al-Deen Front"). Surnames that are also
#: such words ("Banks", "Church") are left out.
INSTITUTION_HEADS = CORPORATE_SUFFIXES | _words("""
    command observatory ministry department agency commission committee association
    university institute council party foundation army navy police airlines airways front
    brigade brigades battalion movement network realty trust podcast radio tv magazine
    newspaper gazette tribune
""")

#: Nouns after a name, or in "the city of", that make it a place ("Aleppo province").
PLACE_NOUNS = _words(
    "province city town village district region governorate county state municipality "
    "suburb neighbourhood neighborhood countryside outskirts territory area"
)

#: Direction words between a preposition and a place ("in northern Aleppo", "east of").
COMPASS_WORDS = _words(
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest north-east north-west south-east south-west northeastern "
    "northwestern southeastern southwestern north-eastern north-western south-eastern "
    "south-western"
)
