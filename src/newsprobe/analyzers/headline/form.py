"""The form of a headline: devices of clickbait that do not depend on who published it.

The clickbait training data (Chakraborty et al. 2016) pits BuzzFeed-style sites against
wire services and broadsheets, so a vocabulary model partly learns *publisher style*. The
devices here describe how a headline baits whatever its topic or outlet: a forward
reference ("This", "Here's why"), second-person address, a numbered list, withheld
information ("you won't believe"), emotional hooks, superlatives, imperative openers,
shouting and exclamation. They are features of the clickbait model (`FORM_FEATURES` is the
column order of its form block) and, with their matched text, the reader-facing evidence.

    >>> [d.description for d in find_devices("You won't believe what this senator said")]
    ["second-person address: 'You'", "withheld information: 'You won't believe'", ...]

Also the text normalisation and n-gram analyser of the vocabulary block live here, so that
`train/clickbait.py` and the runtime tokenise identically (training passes `ngrams` to
scikit-learn as its analyzer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from newsprobe.analyzers.shared.lexicon_files import load_words, tagged

__all__ = ["FORM_FEATURES", "FORM_LABELS", "Device", "find_devices", "ngrams", "normalize"]

#: Column order of the form block of the model; the shipped JSON records it and the
#: loader checks it, so renaming or reordering here without retraining fails loudly.
FORM_FEATURES: tuple[str, ...] = (
    "forward_reference",
    "demonstrative",
    "second_person",
    "question",
    "numbered_list",
    "superlative",
    "withheld_information",
    "emotional_hook",
    "imperative_opener",
    "quiz",
    "all_caps",
    "exclamation",
)

FORM_LABELS: dict[str, str] = {
    "forward_reference": "forward reference",
    "demonstrative": "forward reference",
    "second_person": "second-person address",
    "question": "question headline",
    "numbered_list": "numbered list",
    "superlative": "superlative",
    "withheld_information": "withheld information",
    "emotional_hook": "emotional hook",
    "imperative_opener": "imperative opener",
    "quiz": "quiz or test",
    "all_caps": "all-caps word",
    "exclamation": "exclamation mark",
}

_I = re.IGNORECASE
_APOS = "['\u2019]"
# "This week", "this year": a demonstrative that points at time, not at withheld content.
_TIME = (
    r"(?:week|weekend|year|month|morning|afternoon|evening|night|season|summer|winter|"
    r"spring|autumn|fall|time|decade|century|term|session|quarter|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|round|stage|century)"
)
_NUMBER = (
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
    r"fifty|hundred)"
)
# Nouns that make a leading number a list ("17 things") rather than a count of news
# ("Seven killed", "40,000 homes"); people/celebrities need a relative clause to count.
_LIST_NOUNS = (
    r"(?:things|reasons|ways|times|photos|pictures|pics|gifs|tweets|signs|facts|questions|"
    r"tips|tricks|hacks|secrets|moments|struggles|problems|lessons|words|quotes|memes|"
    r"recipes|products|ideas|mistakes|habits|rules|myths|thoughts|confessions|reactions|"
    r"jokes|gifts|examples|types|kinds|steps|truths|looks|outfits|celebrity \w+|"
    r"transformations|foods|snacks|dishes|movies|films|songs|shows|books|places|"
    r"destinations|charts|graphs|maps|details|clues|stories|responses|comments|texts)"
)
_SUPERLATIVES = (
    r"(?:best|worst|most|least|ever|literally|greatest|ultimate|biggest|absolutely|totally|"
    r"completely|insanely|seriously|perfect|perfectly|of all time|all-time|honestly|"
    r"definitely|truly|\w{3,}iest)"
)
_EMOTIONS = (
    r"(?:heartbreaking|heartbroken|heartwarming|heart-warming|heart-melting|adorable|cute|"
    r"cutest|shocking|shocked|shock|stunning|stunned|jaw-dropping|mind-blowing|"
    r"mind-boggling|incredible|incredibly|amazing|amazed|amaze|awesome|epic|hilarious|"
    r"terrifying|terrified|horrifying|outrageous|outraged|furious|fuming|unbelievable|"
    r"insane|creepy|weird|weirdest|bizarre|gorgeous|brilliant|wholesome|tearjerking|"
    r"emotional|tears|chills|goosebumps|obsessed|freaking|wtf|omg|lol|omfg|genius|"
    r"disgusting|devastating|speechless|meltdown|savage|iconic|cringe|cringeworthy|"
    r"nightmare|glorious|magical|delightful|relatable|embarrassing|scary|surprising|"
    r"blood boil|melt your heart|lost (?:its|their|his|her) minds?|losing (?:their|his|her|"
    r"its) minds?|in tears|slams|blasts|destroys|obliterates)"
)
_WITHHELD = (
    r"(?:won" + _APOS + r"?t believe|can" + _APOS + r"?t believe|blow your mind|"
    r"mind(?:s)? (?:blown|will be blown)|(?:the |real |true |actual )*reason(?= (?:why )?"
    r"(?:\S+ ){0,8}?will\b)|"
    r"what happen(?:ed|s) next|what (?:he|she|they|it|we|i|(?:this|these|that|the) \w+) "
    r"(?:did|said|found|saw|does|do|discovered|revealed) (?:next|will|is|was)|"
    r"will (?:make|leave|have) you|will (?:change|restore|melt|surprise|shock|amaze|blow)|"
    r"(?:may|might|could) surprise you|need to (?:know|see|read|hear)|"
    r"have to see|must[- ]see|the truth (?:about|behind)|the secret (?:to|of|behind)|"
    r"(?:nobody|no one) (?:expected|saw|knew|could)|didn" + _APOS + r"?t (?:expect|see)|"
    r"never guess|guess (?:who|what|which|how|where)|here" + _APOS + r"?s (?:what|why|how)|"
    r"here (?:is|are) (?:what|why|how)|this is (?:what|why|how)|one (?:weird|simple) trick|"
    r"the one thing|everything you (?:need|thought|know|should)|everyone is talking|"
    r"(?:is|are|went|going|gone) viral|broke the internet|the internet (?:is|has|lost|can|"
    r"went)|people are (?:losing|freaking|going|only|just|obsessed|furious|divided)|"
    r"(?:only|just) (?:now )?realis|and it" + _APOS + r"?s|and (?:the|their|her|his) "
    r"(?:result|reaction|response)s? (?:is|are|was|were|will)|you(?:" + _APOS + r"?ll| will)"
    r" never|just (?:admitted|revealed|did|said)|doesn" + _APOS + r"?t want you|"
    r"(?:don|doesn)" + _APOS + r"?t want (?:you|anyone|us) to (?:know|see)|"
    r"is why|is what|is how)"
)
_IMPERATIVES = (
    r"(?:watch|see|meet|look|check out|try|take|guess|read|listen|behold|discover|find out|"
    r"learn|stop|don" + _APOS + r"?t|never|forget|prepare|say (?:hello|goodbye)|get ready|"
    r"imagine|celebrate|enjoy|relive|witness|hear)"
)
# Acronyms written in capitals as a matter of spelling, not of shouting.
_ACRONYMS = tagged("shared/acronyms", "headline")
_SHOUTS = load_words("headline/shouts")

# name -> patterns; each match becomes one Device (the first match per pattern).
_PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "forward_reference": (
        re.compile(r"^\W*(?:this|these|those)\b(?!\s+" + _TIME + r"\b)", _I),
        re.compile(r"\b(?:here" + _APOS + r"?s|here (?:is|are))\b", _I),
        re.compile(r"\b(?:and|but|so) (?:this|that|these) (?:is|are|was|were)\b", _I),
    ),
    "demonstrative": (
        re.compile(r"(?<=\w )\b(?:this|these)\b(?!\s+" + _TIME + r"\b)(?=\s+\w)", _I),
    ),
    "second_person": (re.compile(r"\b(?:you|your|yours|yourself|yourselves|ya)\b", _I),),
    "question": (
        re.compile(r"\?"),
        re.compile(
            r"^\W*(?:(?:can|could|would|should|do|does|did|is|are|was|were|will|have|has)"
            r"\s+(?:you|your|we|i|this|these|it|there|anyone|anybody|everyone|people)\b"
            r"|(?:what|who|which|how|where|when|why)\s+(?:\w+\s+){0,3}?(?:do|does|did|can|"
            r"could|would|should|are|am)\s+(?:you|we|i)\b)",
            _I,
        ),
    ),
    "numbered_list": (
        re.compile(
            r"(?:^\W*|\b(?:the|these|those|our|my) )"
            + _NUMBER
            + r"\s+(?:[\w'-]+\s+){0,3}?"
            + _LIST_NOUNS
            + r"\b",
            _I,
        ),
        re.compile(
            r"^\W*" + _NUMBER + r"\s+(?:[\w'-]+\s+){0,3}?\w+s\s+(?:who|that|which|you|we|"
            r"everyone|every|guaranteed|only)\b",
            _I,
        ),
    ),
    "superlative": (re.compile(r"\b" + _SUPERLATIVES + r"\b", _I),),
    "withheld_information": (re.compile(r"\b" + _WITHHELD, _I),),
    "emotional_hook": (re.compile(r"\b" + _EMOTIONS + r"\b", _I),),
    "imperative_opener": (re.compile(r"^\W*" + _IMPERATIVES + r"\b(?!-)", _I),),
    "quiz": (
        re.compile(
            r"\b(?:quiz|which [\w' -]{1,40}? (?:are|is) you|can you (?:guess|spot|name|tell|"
            r"pass|get|answer|find|identify|match|handle|solve|figure)|how many [\w' -]{1,40}?"
            r"(?:have|can|do) you|are you (?:more|a|an|the|actually|really)|"
            r"we can guess|we know (?:your|which|exactly)|tell us|pick (?:a|some|your)|"
            r"choose (?:a|some|your))\b",
            _I,
        ),
    ),
    "all_caps": (),  # handled in code: needs the headline's overall casing
    "exclamation": (re.compile(r"!"),),
}
_CAPS_WORD = re.compile(r"\b[A-Z][A-Z'\u2019]*[A-Z]\b")


@dataclass(frozen=True, slots=True)
class Device:
    """One clickbait device found in a headline, with where it matched (headline offsets)."""

    feature: str
    start: int
    end: int
    matched: str

    @property
    def label(self) -> str:
        return FORM_LABELS[self.feature]

    @property
    def description(self) -> str:
        """Readable evidence, e.g. ``forward reference: 'This'``."""
        if self.feature in {"second_person", "question", "exclamation"}:
            return self.label
        return f"{self.label}: '{self.matched}'"


def _shouted(headline: str) -> list[re.Match[str]]:
    """All-caps words in a mixed-case headline (a headline set all in capitals shouts
    nothing in particular); acronyms are spelling, not shouting."""
    letters = [c for c in headline if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return []
    found = []
    for match in _CAPS_WORD.finditer(headline):
        word = match.group().replace("'", "").replace("\u2019", "")
        if word in _SHOUTS or (len(word) >= 5 and word not in _ACRONYMS):
            found.append(match)
    return found


def find_devices(headline: str) -> list[Device]:
    """Every device that fires in `headline`, one per pattern, in `FORM_FEATURES` order."""
    devices: list[Device] = []
    for feature in FORM_FEATURES:
        if feature == "all_caps":
            matches = _shouted(headline)[:1]
        else:
            found = (pattern.search(headline) for pattern in _PATTERNS[feature])
            matches = [m for m in found if m is not None][:1]
        for match in matches:
            text = match.group().strip(" \t:;,.-\"'")
            start = match.start() + match.group().find(text) if text else match.start()
            devices.append(Device(feature, start, start + len(text), text))
    return devices


def form_vector(devices: list[Device]) -> list[float]:
    """The form block of the model: 1.0 for each feature in `FORM_FEATURES` that fired."""
    fired = {d.feature for d in devices}
    return [1.0 if feature in fired else 0.0 for feature in FORM_FEATURES]


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_DIGITS = re.compile(r"\d")
_WORD = re.compile(r"\b\w\w+\b|\b\w\b")
_SPACES = re.compile(r"\s+")


def normalize(headline: str) -> str:
    """Lower case (casing is publisher style: BuzzFeed Title Cases every word, NYT does
    not), straight quotes, every digit as 0 ("17 things" and "21 things" are one list)."""
    return _DIGITS.sub("0", _SPACES.sub(" ", headline.translate(_QUOTES).lower())).strip()


def ngrams(headline: str) -> list[str]:
    """Vocabulary-block terms: word unigrams and bigrams, character 2-5-grams within words.

    Prefixed ``w:`` and ``c:`` so that the two kinds share one vocabulary without clashes.
    """
    text = normalize(headline)
    words = _WORD.findall(text)
    terms = [f"w:{w}" for w in words]
    terms += [f"w:{a} {b}" for a, b in pairwise(words)]
    for word in text.split():
        padded = f" {word} "
        for n in range(2, 6):
            if len(padded) < n:
                break
            terms += [f"c:{padded[i : i + n]}" for i in range(len(padded) - n + 1)]
    return terms
