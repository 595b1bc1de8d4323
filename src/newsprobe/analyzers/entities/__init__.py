"""The `entities` analyzer: people, organizations and places, every mention merged.

It runs in passes, one module each, in this order: `tagged_names` (the names spaCy found,
cleaned), `recovery` (names spaCy missed), `labels` (labels corrected from the article's
own cues), `aliases` (which mentions name the same entity: ordered merge rules over the
`merge` state, the short-form rules in `short_forms`), `repeats` (later mentions of a
known name) and `roles` (the office or job the text gives a person). `mentions` holds the
mention record they pass along, `words` and `name_forms` the word lists (read from
`lexicons/`) and name folding.
"""
