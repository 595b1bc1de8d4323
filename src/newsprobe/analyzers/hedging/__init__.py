"""The `hedging` analyzer: speculation and hedging, the words that turn a report into a guess.

`modals` says which sense a modal has, `framings` holds the multi-word framings matched on
sentence text.
"""
