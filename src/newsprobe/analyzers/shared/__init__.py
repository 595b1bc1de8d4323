"""Helpers every analyzer family may use; nothing here knows about one family.

- `tokens`: the token attributes of one parse as plain lists, shared by all analyzers.
- `views`: what the pipeline builds once per document for every analyzer's `Context`
  (the token columns, span indexes of earlier findings).
- `span_index`: findings looked up by position by binary search (long articles stay linear).
- `lexicon`: phrase lists compiled to one regex, matched with exact character spans.
- `lexicon_files`: word lists shipped as files beside their family, read once by name.
- `timex`: time expressions resolved against the publication date.
- `dateline`: the dateline of a wire story ("VARN, Kestrava (Coastline Wire) - ").
- `speech_verbs`: the verbs of saying that tie words to a speaker, one table for all
  families (``lexicons/speech_verbs.txt``).
"""
