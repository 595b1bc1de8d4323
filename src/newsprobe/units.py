"""Units every layer shares: amounts are stored in one unit per dimension and shown as a
reader would write them.

Findings normalize durations to minutes, distances to kilometres and masses to kilograms,
so that outlets can be compared; notes and reports turn them back into the unit a reader
expects, with one table so that a quantity's note, an event's note and the reports agree:
45 minutes, 2.5 hours, 3 days, 6 weeks, 18 months, 9 years; 40 cm, 2 m, 12 km; 500 g, 3 tonnes.

    >>> readable_duration(150)
    (2.5, 'hours')
    >>> readable(0.0004, "km")
    (40.0, 'cm')
"""

from __future__ import annotations

__all__ = [
    "MINUTES_PER_DAY",
    "MINUTES_PER_HOUR",
    "MINUTES_PER_MONTH",
    "MINUTES_PER_YEAR",
    "display_unit",
    "readable",
    "readable_duration",
    "unit_word",
]

MINUTES_PER_HOUR = 60.0
MINUTES_PER_DAY = 1440.0
#: The Gregorian mean year, which durations in years are normalized with.
MINUTES_PER_YEAR = 365.2425 * MINUTES_PER_DAY

#: A mean Gregorian month, which durations in months are normalized with.
MINUTES_PER_MONTH = MINUTES_PER_YEAR / 12
#: A whole number of months or weeks is within this share of one of them: "six months"
#: is 6 months, 182.6 days is not 6.1 months.
_WHOLE = 0.02

#: For each stored unit, the units shown instead: (from this magnitude in the stored unit,
#: the word shown, stored units per shown unit, only for a whole number of them), largest
#: first; the last row has no lower limit. Up to 90 minutes reads best in minutes ("75
#: minutes", not "1.25 hours"), up to two days in hours ("36 hours"), up to two years in
#: days, unless the days make whole months or weeks ("six months", not 182.6 days; but
#: 100 days, not 3.3 months); beyond that in years. Distances under a kilometre read in
#: metres ("800 m"), under a metre in centimetres; masses under a kilogram in grams, from
#: a thousand kilograms in tonnes, as newspapers write them.
_SHOWN_UNITS: dict[str, tuple[tuple[float, str, float, bool], ...]] = {
    "min": (
        (2 * MINUTES_PER_YEAR, "years", MINUTES_PER_YEAR, False),
        (2 * MINUTES_PER_MONTH, "months", MINUTES_PER_MONTH, True),
        (14 * MINUTES_PER_DAY, "weeks", 7 * MINUTES_PER_DAY, True),
        (48 * MINUTES_PER_HOUR, "days", MINUTES_PER_DAY, False),
        (90.0, "hours", MINUTES_PER_HOUR, False),
        (0.0, "minutes", 1.0, False),
    ),
    "km": ((1.0, "km", 1.0, False), (0.001, "m", 0.001, False), (0.0, "cm", 0.00001, False)),
    "kg": (
        (1000.0, "tonnes", 1000.0, False),
        (1.0, "kg", 1.0, False),
        (0.0, "g", 0.001, False),
    ),
    # Drinks in millilitres ("250 ml"), tanks and reservoirs in litres.
    "l": ((1.0, "litres", 1.0, False), (0.0, "ml", 0.001, False)),
    # Share prices and dividends under a pound or a dollar: "4.5p" is 4.5 pence, not 0.045 GBP.
    "GBP": ((1.0, "GBP", 1.0, False), (0.0, "pence", 0.01, False)),
    "USD": ((1.0, "USD", 1.0, False), (0.0, "cents", 0.01, False)),
    "EUR": ((1.0, "EUR", 1.0, False), (0.0, "cents", 0.01, False)),
}

#: How a stored unit without a table above is written for a reader.
_UNIT_WORDS = {"km2": "km²", "C": "°C", "x": "times"}


def unit_word(unit: str | None) -> str:
    """The word a reader sees for a stored unit that needs no rescaling ("" for none)."""
    return _UNIT_WORDS.get(unit or "", unit or "")


def display_unit(unit: str | None, magnitude: float) -> tuple[float, str]:
    """(stored units per shown unit, shown word) for amounts of about `magnitude`.

    A range is shown in one unit, chosen by its largest bound, so that "between 40 and
    90 minutes" does not become "between 40 minutes and 1.5 hours".
    """
    for threshold, word, size, whole_only in _SHOWN_UNITS.get(unit or "", ()):
        if abs(magnitude) < threshold:
            continue
        count = abs(magnitude) / size
        if not whole_only or abs(count - round(count)) <= _WHOLE * count:
            return size, word
    return 1.0, unit_word(unit)


def readable(amount: float, unit: str | None) -> tuple[float, str]:
    """`amount` of the stored `unit` in the unit a reader would use: (amount, unit word)."""
    size, word = display_unit(unit, amount)
    return amount / size, word


def readable_duration(minutes: float) -> tuple[float, str]:
    """`minutes` in the unit a reader would use: (amount, unit word)."""
    return readable(minutes, "min")
