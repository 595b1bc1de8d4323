"""The `events` analyzer: who met, attacked, signed, ruled or died, where, when, how long.

`triggers` finds the words that report an event (dropping the `senses` that report none),
`participants` the parties a trigger names, `slots` the place, time and duration, and
`names` ties the article's named people and places to the tokens of the parse.
"""
