"""Unit tables for the quantities analyzer: every unit word, its dimension and its factor.

Each dimension has one base unit so that figures from different outlets line up: durations
in minutes, distances in km, weights in kg, areas in km², speeds in km/h, temperatures in
°C, money in the ISO 4217 code of its currency. A unit is written as a tuple of lowercase
words (``("square", "miles")``) or as an abbreviation that must match its case exactly
(``"km"``, ``"C"``), since "5G" is a network and "5g" a weight.

    >>> UNITS[("minutes",)]
    Unit(dimension='duration', base='min', factor=1.0)
"""

from __future__ import annotations

from dataclasses import dataclass

from newsprobe.units import MINUTES_PER_DAY, MINUTES_PER_YEAR

__all__ = [
    "CASUALTY_WORDS",
    "CURRENCY_PREFIXES",
    "CURRENCY_WORDS",
    "MONEY_SCALES",
    "UNITS",
    "UNIT_ABBREVIATIONS",
    "Unit",
    "unit_phrases",
]


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit: its dimension, the base unit of that dimension, and the factor to it."""

    dimension: str
    base: str
    factor: float


def _expand(dimension: str, base: str, table: dict[str, float]) -> dict[tuple[str, ...], Unit]:
    """`{"kilometre|kilometres|kilometer": 1.0}` -> one entry per spelling, split into words."""
    out: dict[tuple[str, ...], Unit] = {}
    for spellings, factor in table.items():
        for spelling in spellings.split("|"):
            out[tuple(spelling.split())] = Unit(dimension, base, factor)
    return out


UNITS: dict[tuple[str, ...], Unit] = {
    **_expand(
        "duration",
        "min",
        {
            "second|seconds|secs": 1 / 60,
            "minute|minutes|mins": 1.0,
            "hour|hours|hrs": 60.0,
            "day|days": MINUTES_PER_DAY,
            "week|weeks": 7 * MINUTES_PER_DAY,
            "fortnight|fortnights": 14 * MINUTES_PER_DAY,
            # Calendar months and years vary; the Gregorian means are the honest average.
            "month|months": 30.436875 * MINUTES_PER_DAY,
            "year|years": MINUTES_PER_YEAR,
            "decade|decades": 3652.425 * MINUTES_PER_DAY,
            "century|centuries": 36524.25 * MINUTES_PER_DAY,
        },
    ),
    **_expand(
        "distance",
        "km",
        {
            "kilometre|kilometres|kilometer|kilometers": 1.0,
            "metre|metres|meter|meters": 0.001,
            "centimetre|centimetres|centimeter|centimeters": 1e-5,
            "millimetre|millimetres|millimeter|millimeters": 1e-6,
            "mile|miles": 1.609344,
            "nautical mile|nautical miles": 1.852,
            "yard|yards": 0.0009144,
            "foot|feet": 0.0003048,
            "inch|inches": 2.54e-5,
        },
    ),
    **_expand(
        "weight",
        "kg",
        {
            "kilogram|kilograms|kilo|kilos": 1.0,
            "gram|grams": 0.001,
            "tonne|tonnes|metric ton|metric tons": 1000.0,
            # "tons" is the US short ton; British copy that means tonnes is off by 10 %.
            "ton|tons": 907.18474,
            "pound|pounds": 0.45359237,
            "ounce|ounces": 0.028349523125,
            # British body weight ("20 stone"); singular only: "threw 20 stones" counts them.
            "stone": 6.35029318,
        },
    ),
    **_expand(
        "area",
        "km2",
        {
            "square kilometre|square kilometres|square kilometer|square kilometers": 1.0,
            "sq km": 1.0,
            "square mile|square miles|sq miles": 2.589988110336,
            "square metre|square metres|square meter|square meters": 1e-6,
            "square foot|square feet|sq ft": 9.290304e-8,
            "hectare|hectares": 0.01,
            "acre|acres": 0.0040468564224,
        },
    ),
    **_expand(
        "speed",
        "km/h",
        {
            "kilometres per hour|kilometers per hour|kilometres an hour": 1.0,
            "kilometers an hour": 1.0,
            "miles per hour|miles an hour": 1.609344,
            "knot|knots": 1.852,
        },
    ),
    **_expand(
        "temperature",
        "C",
        # Bare "34 Celsius" is common copy ("temperatures hit 41 Celsius"); without it the
        # number was counted as 34 "celsius".
        {"degrees celsius|degrees centigrade|degree celsius|degrees c|celsius|centigrade": 1.0},
    ),
    # Fahrenheit is not a factor; the analyzer converts it (factor < 0 marks it).
    **_expand(
        "temperature", "C", {"degrees fahrenheit|degree fahrenheit|degrees f|fahrenheit": -1.0}
    ),
    **_expand(
        "volume",
        "l",
        {
            "litre|litres|liter|liters": 1.0,
            "millilitre|millilitres|milliliter|milliliters": 0.001,
            "centilitre|centilitres|centiliter|centiliters": 0.01,
            "cubic metre|cubic metres|cubic meter|cubic meters": 1000.0,
            # The US gallon, as fuel copy uses it; a British gallon is 4.546 l. Barrels of
            # oil stay a count of barrels: readers compare them in barrels, not litres.
            "gallon|gallons": 3.785411784,
        },
    ),
    # Blood pressure and its changes ("fell by 5 mmHg"): one unit, nothing to convert.
    **_expand("pressure", "mmHg", {"millimetres of mercury|millimeters of mercury": 1.0}),
    # An earthquake's size, the scale named after the number ("a 6.1-magnitude quake");
    # named first, `measures._magnitude_first` reads it. Local and moment magnitudes are
    # not told apart: news copy uses them alike.
    **_expand(
        "magnitude",
        "magnitude",
        {"magnitude|on the richter scale|on the moment magnitude scale": 1.0},
    ),
    **_expand("percent", "%", {"per cent|percent|pct": 1.0}),
    # A change in a rate is not a rate: "raised by 25 basis points to 4.5%" has two
    # figures, and "0.5 percentage points" must not line up with a "0.5%" inflation rate.
    # Points keep the percent dimension (a share, graded as one) with a base of their own.
    **_expand(
        "percent",
        "pp",
        {
            "percentage points|percentage point|percent points|per cent points": 1.0,
            "basis points|basis point|bps|bp": 0.01,
        },
    ),
}

#: Abbreviations, matched case-sensitively (written glued or spaced after the number).
UNIT_ABBREVIATIONS: dict[str, Unit] = {
    "min": UNITS[("minutes",)],
    "h": UNITS[("hours",)],
    "hr": UNITS[("hours",)],
    "km": UNITS[("kilometres",)],
    "kms": UNITS[("kilometres",)],
    "m": UNITS[("metres",)],
    "cm": UNITS[("centimetres",)],
    "mm": UNITS[("millimetres",)],
    "ft": UNITS[("feet",)],
    "mi": UNITS[("miles",)],
    "kg": UNITS[("kilograms",)],
    "kgs": UNITS[("kilograms",)],
    "g": UNITS[("grams",)],
    "lb": UNITS[("pounds",)],
    "lbs": UNITS[("pounds",)],
    "t": UNITS[("tonnes",)],
    "km2": UNITS[("square", "kilometres")],
    "km²": UNITS[("square", "kilometres")],
    "ha": UNITS[("hectares",)],
    "mph": UNITS[("miles", "per", "hour")],
    "kph": UNITS[("kilometres", "per", "hour")],
    "km/h": UNITS[("kilometres", "per", "hour")],
    "kmh": UNITS[("kilometres", "per", "hour")],
    "°C": UNITS[("degrees", "celsius")],
    "C": UNITS[("degrees", "celsius")],
    "°F": UNITS[("degrees", "fahrenheit")],
    "F": UNITS[("degrees", "fahrenheit")],
    "%": UNITS[("percent",)],
    "l": UNITS[("litres",)],
    "L": UNITS[("litres",)],
    "ml": UNITS[("millilitres",)],
    "mL": UNITS[("millilitres",)],
    "cl": UNITS[("centilitres",)],
    "m3": UNITS[("cubic", "metres")],
    "m³": UNITS[("cubic", "metres")],
    "mmHg": UNITS[("millimetres", "of", "mercury")],
}


def unit_phrases() -> list[tuple[str, ...]]:
    """Unit word sequences, longest first, for greedy matching."""
    return sorted(UNITS, key=len, reverse=True)


#: Currency signs and codes written before the amount ("$", "US$", "Rs", "EUR").
CURRENCY_PREFIXES: dict[str, str] = {
    "$": "USD",
    "US$": "USD",
    # Australian and New Zealand copy writes the code after the sign: "$US200 million".
    "$US": "USD",
    "$A": "AUD",
    "$NZ": "NZD",
    "USD": "USD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "HK$": "HKD",
    "NZ$": "NZD",
    "S$": "SGD",
    "R$": "BRL",
    "£": "GBP",
    "GBP": "GBP",
    "€": "EUR",
    "EUR": "EUR",
    "¥": "JPY",
    "JPY": "JPY",
    "CNY": "CNY",
    "RMB": "CNY",
    "₹": "INR",
    "Rs": "INR",
    "INR": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "₺": "TRY",
    "₪": "ILS",
    "₦": "NGN",
    "CHF": "CHF",
}

#: Currency names written after the amount; a 0.01 factor marks the minor unit.
CURRENCY_WORDS: dict[tuple[str, ...], tuple[str, float]] = {
    **{(w,): ("USD", 1.0) for w in ("dollar", "dollars", "usd")},
    ("us", "dollars"): ("USD", 1.0),
    ("canadian", "dollars"): ("CAD", 1.0),
    ("australian", "dollars"): ("AUD", 1.0),
    ("hong", "kong", "dollars"): ("HKD", 1.0),
    **{(w,): ("EUR", 1.0) for w in ("euro", "euros", "eur")},
    ("pounds", "sterling"): ("GBP", 1.0),
    ("sterling",): ("GBP", 1.0),
    **{(w,): ("JPY", 1.0) for w in ("yen", "jpy")},
    **{(w,): ("CNY", 1.0) for w in ("yuan", "renminbi")},
    **{(w,): ("INR", 1.0) for w in ("rupees", "rupee")},
    **{(w,): ("RUB", 1.0) for w in ("roubles", "rubles", "rouble", "ruble")},
    ("swiss", "francs"): ("CHF", 1.0),
    **{(w,): ("ZAR", 1.0) for w in ("rand",)},
    **{(w,): ("ILS", 1.0) for w in ("shekels", "shekel")},
    **{(w,): ("NGN", 1.0) for w in ("naira",)},
    **{(w,): ("UAH", 1.0) for w in ("hryvnias", "hryvnia")},
    **{(w,): ("TRY", 1.0) for w in ("lira", "liras")},
    **{(w,): ("SAR", 1.0) for w in ("riyals",)},
    # Names several currencies share ("crowns": SEK, NOK, DKK, CZK...): the word stays as
    # the unit rather than a guessed ISO code.
    **{
        (w,): (w.rstrip("s"), 1.0)
        for w in (
            "crowns",
            "kronor",
            "kroner",
            "koruny",
            "marks",
            "francs",
            "pesos",
            "dinars",
            "shillings",
            "rials",
            "dirhams",
        )
    },
    **{(w,): ("USD", 0.01) for w in ("cents", "cent")},
    **{(w,): ("GBP", 0.01) for w in ("pence", "p")},
}

#: Scale abbreviations after a money amount ("£300m", "$2.5bn", "$40k"), case-insensitive.
MONEY_SCALES: dict[str, float] = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "tn": 1e12,
    "trn": 1e12,
}

#: Words that say a count is of dead or injured people, normalized for `about`.
CASUALTY_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("dead", "killed", "died", "deaths", "death", "fatalities", "lives", "bodies"), "dead"
    ),
    **dict.fromkeys(("wounded", "injured", "hurt", "injuries", "injuring", "wounding"), "injured"),
    **dict.fromkeys(("killing", "kill", "kills", "slain", "murdered"), "dead"),
    "missing": "missing",
    "casualties": "casualties",
}
