"""The `quotes` analyzer: direct quotes and who said them; scare quotes.

`marks` pairs quotation marks, `speakers` finds who said a quote (speech cues, pronouns),
`speaker_names` lists who can speak in an article and their genders.
"""
