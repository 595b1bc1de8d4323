"""The `quantities` analyzer: numbers with what they measure, normalized.

`numbers` reads a number (digits, number words, fractions, vague amounts) with its span;
`measures` reads a whole quantity expression around it (bounds, currency, ranges, units),
helped by `unit_phrases` (units and currencies around a number), `unit_table` (every unit
word with its dimension and factor), `comparisons` ("twice as many") and `measure_tokens`
(the `Measure` record); `rules` holds the vetoes and notes that look around a number.
"""
