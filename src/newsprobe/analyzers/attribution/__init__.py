"""The `attribution` and `sourcing` analyzers: who each statement is sourced to, and how.

`attribution` finds the cues of reported speech and their source phrases; `resolution`
turns a source phrase into a finding with what the article named so far; `source_kinds`
says what kind of source a phrase names (outlet, person, official body, document);
`outlet_cues` finds citations of another outlet without a clause of speech. `sourcing`
reads the attribution findings at article level: original reporting, retelling or
aggregation.
"""
