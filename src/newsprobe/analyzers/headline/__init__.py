"""The headline analyzers: `clickbait` and `headline_body` (does the body back it up?).

`form` reads the devices of clickbait from a headline's form; `stance` is the FNC-1 stance
model (agree, disagree, discuss, unrelated) that `headline_body` uses, also usable alone.
"""
