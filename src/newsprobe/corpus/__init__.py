"""Many articles together: stories across outlets, and each article cross-checked against
the others (aligned figures, claims, quotes, speculation answered, provenance).

Modules, one job each: `profile` (what grouping compares, computed once per article),
`stories` (incremental story assignment), `alignment` (figures lined up), `claim_check`,
`quote_fidelity`, `speculation`, `provenance` (who retells whom) and `crosscheck` (all of
them against one article). `i18n` reads figures, days and names in other languages.
"""
