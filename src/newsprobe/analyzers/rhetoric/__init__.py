"""The rhetoric analyzers: `sensational` wording and `engagement_bait` aimed at the reader.

Their word lists are plain text files in `lexicons/` (one phrase per line, read by
`newsprobe.analyzers.shared.lexicon`).
"""
