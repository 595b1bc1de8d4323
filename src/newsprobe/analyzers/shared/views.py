"""Views of one document that several analyzers read, built once per document.

The pipeline makes one `ParseViews` per article and puts it in every `Context` it hands
to an analyzer of that article, so each view is built once, not once per analyzer:

- `columns`: the token attributes of the parse as plain lists (`tokens.Columns`), built
  when the document is parsed;
- `index(kind, findings)`: earlier findings of one kind keyed by span (`SpanIndex`), built
  the first time an analyzer asks and kept while no later analyzer adds findings of that
  kind;
- `mention_index(entities)`: every mention of every entity, keyed by span.

Analyzers reach them through the context (`ctx.columns`, `ctx.index("quote")`,
`ctx.mention_index()`); a context made by hand (a test, one analyzer run alone) has no
views and builds what is asked for on the spot.

    >>> views = ParseViews.build(doc)
    >>> views.columns is views.columns
    True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newsprobe.analyzers.shared.span_index import SpanIndex
from newsprobe.analyzers.shared.tokens import Columns, columns
from newsprobe.findings import EntityFinding, FindingBase

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ParseViews"]


class ParseViews:
    """The shared views of one document (see the module docstring)."""

    __slots__ = ("_indexes", "columns")

    def __init__(self, columns: Columns | None) -> None:
        self.columns = columns
        # kind -> (the findings it was built from, the index): rebuilt when the tuple of
        # findings of that kind is a different one (a later analyzer added some).
        self._indexes: dict[str, tuple[Sequence[FindingBase], SpanIndex[Any]]] = {}

    @classmethod
    def build(cls, doc: Doc | None) -> ParseViews:
        """The views of a parsed document (no columns without a parse).

        The columns are taken through `tokens.columns`, which also leaves them in
        ``doc.user_data``: helpers that hold only the `Doc` find the same copy there.
        """
        return cls(columns(doc) if doc is not None else None)

    def index(self, kind: str, findings: Sequence[FindingBase]) -> SpanIndex[Any]:
        """`findings` (all of one `kind`, as the context holds them) keyed by span."""
        kept = self._indexes.get(kind)
        if kept is not None and kept[0] is findings:
            return kept[1]
        built: SpanIndex[Any] = SpanIndex((f.span, f) for f in findings)
        self._indexes[kind] = (findings, built)
        return built

    def mention_index(self, entities: Sequence[FindingBase]) -> SpanIndex[EntityFinding]:
        """Each mention of each entity finding, keyed by the mention's span."""
        key = "entity mentions"
        kept = self._indexes.get(key)
        if kept is not None and kept[0] is entities:
            return kept[1]
        built = SpanIndex(
            (m, e) for e in entities if isinstance(e, EntityFinding) for m in e.mentions
        )
        self._indexes[key] = (entities, built)
        return built
