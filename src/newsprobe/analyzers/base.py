"""The analyzer contract.

An analyzer is a small, named, versioned unit that reads a `Context` and returns findings:

- `name` is its stable registry key (snake_case); `version` is bumped whenever the meaning
  of its output changes. Findings are stamped ``name@version`` by the pipeline.
- `requires` lists what it reads: parse layers (``doc``, ``doc:ents``, ``doc:parse``,
  ``doc:tags``, ``doc:lemmas``; see `newsprobe.nlp.parse.PIPES_FOR`) and finding kinds other
  analyzers provide (``entity``, ``quantity``...). `provides` lists the kinds it returns.
  `uses` lists kinds it reads when present but can do without (it runs after their
  providers if they are selected). The pipeline orders analyzers by these once, when it is
  built, and only enables the spaCy components that some analyzer requires.
- `languages` lists the ISO 639-1 codes it can read (None: any). On an article in another
  language the pipeline skips it and tells the reader so.
- `__init__` is cheap; `warm_up()` loads lexicons and models once and is idempotent.
- `analyze(ctx)` is pure: the same context gives the same findings, and it never mutates
  the context. Its findings need `span`, `note`, `confidence` and their kind's fields;
  the pipeline sets `id`, `text` and `analyzer` and rejects spans outside the text.
- Views of the document that several analyzers need are built once per document by the
  pipeline and read through the context, never rebuilt by an analyzer: `ctx.columns`
  (the token attributes as lists, `shared/tokens.py`), `ctx.index(kind)` (earlier
  findings of a kind keyed by span) and `ctx.mention_index()` (entity mentions keyed by
  span); see `shared/views.py`. A helper that holds only a `Doc` may call
  `shared.tokens.columns(doc)`, the cached fallback for code outside the pipeline.
- Module imports stay light: spaCy types are imported under `TYPE_CHECKING` only, so that
  `newsprobe analyzers` lists analyzers without loading a model.

    class ShoutingAnalyzer(Analyzer):
        '''All-caps words.'''
        name = "shouting"
        provides = frozenset({"sensational"})

        def analyze(self, ctx):
            for m in re.finditer(r"\\b[A-Z]{4,}\\b", ctx.text):
                yield SensationalFinding(span=Span(start=m.start(), end=m.end()),
                                         category="all_caps", note="Shouted in capitals.")
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from newsprobe.analyzers.shared.views import ParseViews
from newsprobe.document import Article
from newsprobe.findings import EntityFinding, FindingBase, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsprobe.analyzers.shared.span_index import SpanIndex
    from newsprobe.analyzers.shared.tokens import Columns

__all__ = ["Analyzer", "Context"]

F = TypeVar("F", bound=FindingBase)


@dataclass(frozen=True, slots=True)
class Context:
    """What an analyzer may read: the article, its one shared parse, earlier findings,
    and the views of the parse the pipeline built once for every analyzer (`views`; a
    context made by hand has none, and builds what it is asked for on the spot)."""

    article: Article
    doc: Doc | None = None
    findings: Mapping[str, Sequence[FindingBase]] = field(default_factory=dict)
    views: ParseViews | None = None

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def columns(self) -> Columns:
        """The token attributes of the parse as lists (`shared/tokens.py`), built once per
        document. Only for analyzers that require a parse: without one it raises."""
        if self.views is not None and self.views.columns is not None:
            return self.views.columns
        if self.doc is None:
            raise ValueError("no parse in this context: require a 'doc' layer to read columns")
        from newsprobe.analyzers.shared.tokens import columns

        return columns(self.doc)

    def index(self, kind: str) -> SpanIndex[Any]:
        """Earlier findings of `kind` keyed by span, for lookups by position; built once
        and shared by the analyzers that follow, until one of them adds to `kind`."""
        found = self.findings.get(kind, ())
        return (self.views or ParseViews(None)).index(kind, found)

    def mention_index(self) -> SpanIndex[EntityFinding]:
        """Every mention of every earlier entity finding, keyed by the mention's span."""
        found = self.findings.get("entity", ())
        return (self.views or ParseViews(None)).mention_index(found)

    def of_kind(self, kind: str, cls: type[F] = FindingBase) -> list[F]:  # type: ignore[assignment]
        """Findings of `kind` produced by analyzers that ran earlier, in text order."""
        return [f for f in self.findings.get(kind, ()) if isinstance(f, cls)]

    def by_id(self, finding_id: str) -> FindingBase | None:
        for found in self.findings.values():
            for finding in found:
                if finding.id == finding_id:
                    return finding
        return None

    def char_span(self, span: Span) -> Any:
        """The spaCy span covering `span`, expanded to whole tokens (None without a doc)."""
        if self.doc is None:
            return None
        return self.doc.char_span(span.start, span.end, alignment_mode="expand")


class Analyzer(ABC):
    """Base class of every analyzer; the contract is in this module's docstring."""

    name: ClassVar[str]
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset()
    provides: ClassVar[frozenset[str]] = frozenset()
    uses: ClassVar[frozenset[str]] = frozenset()
    languages: ClassVar[frozenset[str] | None] = frozenset({"en"})

    @classmethod
    def description(cls) -> str:
        """First line of the class docstring: what it finds, for `newsprobe analyzers`."""
        return (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else ""

    @property
    def qualified_name(self) -> str:
        return f"{self.name}@{self.version}"

    def warm_up(self) -> None:  # noqa: B027 - optional hook, empty by default
        """Load lexicons or models; called once before the first article."""

    def model_versions(self) -> dict[str, str]:
        """Name -> version of every shipped model this analyzer uses (for `Analysis.models`)."""
        return {}

    @abstractmethod
    def analyze(self, ctx: Context) -> Iterable[FindingBase]:
        """Findings for one article; see the module docstring for the rules."""
