"""The `claims` analyzer: check-worthy sentences, scored, with slots for cross-checking.

`segments` gives the sentences it scores (cleaned of page furniture), `filters` what must
never be scored as a claim, `features` what the check-worthiness model sees and a claim's
slots.
"""
