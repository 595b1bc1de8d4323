"""The hand-written word lists the entity passes match names against, by name.

Titles, role nouns, verbs of saying, organization words and a small alias table. The
words themselves are data, in ``entities/lexicons/*.txt`` (each file says where its list
comes from, so that a reader can judge what it claims), reviewed and extended on their
own; this module names them for the code that uses them (`tagged_names`, `recovery`,
`labels`, `roles`, `aliases`) and builds the unions used per token.

    >>> "minister" in ROLE_HEADS
    True
"""

from __future__ import annotations

from newsprobe.analyzers.shared.lexicon_files import load_table, load_words
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


#: Courtesy titles: stripped from names for matching, never reported as a role.
HONORIFICS = load_words("entities/honorifics")

#: Nouns that head a role or office ("prime minister", "chief executive", "striker").
#: Compiled by hand from the titles that introduce people in wire copy (politics, business,
#: courts, military, religion, sport, science); a word here both marks a role phrase and,
#: directly before a name, says the name is a person.
ROLE_HEADS = load_words("entities/role_heads")

#: Titles that make a name a person even inside a span spaCy labelled ORG or GPE; narrower
#: than ROLE_HEADS because "General Motors" and "Justice Department" are organizations.
STRONG_TITLES = HONORIFICS | load_words("entities/strong_titles")

#: Role nouns that stand capitalized before a name as a form of address ("Coach Ruiz",
#: "Detective Li", "Pope Leo"). The other role nouns ("star", "host", "analyst") do so
#: only in front of a full name ("Rapper Big Bank Hank" opening a sentence); before one
#: capitalized word they are part of a title ("Star Wars", "Host Nation"). Read off FNC-1
#: bodies 1200-1224, where "Star Wars" came out as a person "Wars" with the role "star".
PREFIX_TITLES = STRONG_TITLES | load_words("entities/prefix_titles")

#: Words that qualify a title but never name anything alone: "First" in "First Lady",
#: "Air" in "Air Chief Marshal", "Supreme" in "Supreme Leader" (FNC-1 bodies 1200-1224).
TITLE_MODIFIERS = load_words("entities/title_modifiers")

#: Web-page furniture and credit lines that spaCy's small model tags as names when they
#: are capitalized on their own: "Show caption", "(Writing by ...", "Play VIDEO", "Related".
#: Compiled from the page debris in FNC-1 bodies 1200-1224; a mention made only of these
#: words (and of titles) is no entity.
PAGE_WORDS = load_words("entities/page_words")

#: Nouns after a one-word name that make it a disease ("the Ebola outbreak", "an Ebola
#: patient"); the words before it are in `labels`. spaCy's small model tags such
#: names as places or people; a disease is none of the entities this analyzer reports.
#: "Crisis", "fears" and "victims" are left out: "the Syria crisis" is a place's.
DISEASE_CUES = load_words("entities/disease_cues")

#: Last words of street names: with "in", "on" or "at" before them they name a place,
#: not the organization spaCy's small model often takes them for ("in Scotch Street").
STREET_WORDS = load_words("entities/street_words")

#: Verbs of saying (compared with a lemma): a capitalized name as their subject is very
#: likely a person. See the ``names_person`` use in ``shared/lexicons/speech_verbs.txt``.
SPEECH_VERBS = verbs_for("names_person")

#: Trailing words that name the legal form of a company; ignored when matching names,
#: so "Acme Holdings" and "Acme" are one organization.
CORPORATE_SUFFIXES = load_words("entities/corporate_suffixes")

#: Words that make a capitalized run an organization or place, not a person's name.
ORG_WORDS = CORPORATE_SUFFIXES | load_words("entities/org_words")

#: Online platforms news copy names in passing ("posted on Twitter", "a YouTube channel");
#: spaCy's small model often tags them PERSON, PRODUCT or WORK_OF_ART. Read off FNC-1 bodies
#: 500-524, where "Twitter" alone came out a person in 4 of 25 articles; kept to services,
#: which are organizations whatever the sentence.
PLATFORMS = load_words("entities/platforms")

#: Lower-case heads of English compounds glued to a name ("Obama-era", "Acme-style"): not
#: part of the name, unlike the second syllable of a hyphenated given name ("Yo-jong").
#: Words ending in "-ed" ("Kremlin-backed") are excluded by rule, not listed.
COMPOUND_TAILS = load_words("entities/compound_tails")

#: Words skipped when initials are taken to test an acronym ("Bank of England" -> BoE).
FUNCTION_WORDS = load_words("entities/initials_skipped")

#: Equivalent names of a few entities that news copy uses interchangeably and that no
#: rule derives (initials, surnames) on its own. Compiled by hand from the short forms that
#: the AP and Reuters style guides allow on later references; kept small on purpose: every
#: entry is an identity claim, and an alias table that grows unchecked merges things that
#: differ (the Kremlin is the Russian presidency, not Russia, so it is not listed).
ALIAS_GROUPS: dict[str, tuple[str, ...]] = {
    row[0]: row[1:] for row in load_table("entities/alias_groups")
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


# --- label cues (`labels`) -------------------------------------------------------------
# Compiled by hand from the ways wire and web copy introduce outlets, companies, armed groups
# and places (FNC-1 bodies 1400-1424 were the checklist); every word must be one that does
# not stand in the same place beside a person's name.

#: Common nouns that, right before a name, say what kind of organization it is ("extremist
#: group Boko Haram", "the site Vocativ", "retailer Zara").
ORG_NOUNS = load_words("entities/org_nouns")

#: Nouns that, right after a name spaCy called a person, say it is an organization ("a
#: Comcast customer", "Boko Haram militants", "Rudaw newspaper"). No "spokesman", "official"
#: or "aides": people have those too ("a Kerry aide").
ORG_FOLLOWERS = load_words("entities/org_followers")

#: Nouns after a name that make it a publication ("the Esquire article").
OUTLET_FOLLOWERS = load_words("entities/outlet_followers")

#: Last words that make a name spaCy called a person an organization ("U.S. Central
#: Command", "Keller Williams Realty", "Ansar al-Deen Front"). Surnames that are also
#: such words ("Banks", "Church") are left out.
INSTITUTION_HEADS = CORPORATE_SUFFIXES | load_words("entities/institution_heads")

#: Nouns after a name, or in "the city of", that make it a place ("Aleppo province").
PLACE_NOUNS = load_words("entities/place_nouns")

#: Direction words between a preposition and a place ("in northern Aleppo", "east of").
COMPASS_WORDS = load_words("entities/compass_words")
