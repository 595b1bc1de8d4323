"""Run analyzers over articles: order them, parse once, validate every span.

    >>> pipeline = Pipeline(["entities", "quantities"])
    >>> analysis = pipeline.analyze(article)

The pipeline orders analyzers by what they require and provide (checked once, here), parses
each article once with only the spaCy components some analyzer needs, runs each analyzer
once, checks every span it returns, and stamps findings with ids and ``name@version``.
Last, it attaches the assessment (`newsprobe.assess`), built from those findings.

`on_error="raise"` (the library default) raises `AnalyzerError` when an analyzer fails;
`on_error="record"` (service and batch jobs) records the failure in `Analysis.errors` and
goes on with the other analyzers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

from newsprobe.analyzers.base import Analyzer, Context
from newsprobe.analyzers.registry import BUILTIN_ANALYZERS, analyzer_class, create_analyzer
from newsprobe.analyzers.shared.views import ParseViews
from newsprobe.assess import assess
from newsprobe.document import Analysis, AnalyzerFailure, Article, Notice
from newsprobe.errors import AnalyzerError, ConfigError
from newsprobe.findings import FindingBase, Span
from newsprobe.languages import language_name
from newsprobe.nlp.parse import BATCH_CHARS, BATCH_SIZE, PIPES_FOR, parse_many, pipes_for

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["OnError", "Pipeline"]

OnError = Literal["raise", "record"]


def _with_providers(analyzers: list[Analyzer]) -> list[Analyzer]:
    """Add the built-in analyzers that provide what the chosen ones require.

    Asking for ``sourcing`` means asking for the ``attribution`` findings it reads; a
    requirement no built-in provides is left for `_order` to report.
    """
    chosen = list(analyzers)
    pending = True
    while pending:
        pending = False
        provided = {kind for a in chosen for kind in a.provides}
        names = {a.name for a in chosen}
        for need in sorted({n for a in chosen for n in a.requires} - provided - set(PIPES_FOR)):
            for name in BUILTIN_ANALYZERS:
                if name not in names and need in analyzer_class(name).provides:
                    chosen.insert(0, create_analyzer(name))
                    pending = True
                    break
            if pending:
                break
    return chosen


def _order(analyzers: Sequence[Analyzer]) -> list[Analyzer]:
    """Topological order by requires/provides, stable with respect to the given order."""
    providers: dict[str, list[Analyzer]] = defaultdict(list)
    for analyzer in analyzers:
        for kind in analyzer.provides:
            providers[kind].append(analyzer)
    for analyzer in analyzers:
        missing = [
            need for need in analyzer.requires if need not in PIPES_FOR and need not in providers
        ]
        if missing:
            raise ConfigError(
                f"analyzer {analyzer.name!r} requires {', '.join(sorted(missing))}, which no "
                f"selected analyzer provides; add the analyzer that provides it "
                f"(built-ins: {', '.join(BUILTIN_ANALYZERS)})"
            )
    ordered: list[Analyzer] = []
    placed: set[int] = set()
    visiting: set[int] = set()

    def place(analyzer: Analyzer) -> None:
        if id(analyzer) in placed:
            return
        if id(analyzer) in visiting:
            raise ConfigError(f"analyzers depend on each other in a cycle at {analyzer.name!r}")
        visiting.add(id(analyzer))
        for need in sorted(analyzer.requires | analyzer.uses):
            for provider in providers.get(need, []):
                if provider is not analyzer:
                    place(provider)
        visiting.discard(id(analyzer))
        placed.add(id(analyzer))
        ordered.append(analyzer)

    for analyzer in analyzers:
        place(analyzer)
    return ordered


class Pipeline:
    """An ordered set of analyzers that turns articles into analyses.

    Args:
        analyzers: names (from the registry) or instances; None means every built-in.
        on_error: "raise" to stop at the first failing analyzer, "record" to note it in
            the analysis and go on.
        batch_size: articles parsed per spaCy batch in `analyze_many`.
        memory_zones: parse and analyse each batch inside a spaCy memory zone, so the
            word forms a batch brings (strings, lexemes) are freed after it; without,
            a long stream grows by about 2-3 MB per 1,000 articles for good
            (benchmarks/memory_creep.py). For one thread per process only (the CLI,
            batch workers): a zone ending in one thread would free what another
            thread's parse still reads.
    """

    def __init__(
        self,
        analyzers: Sequence[str | Analyzer] | None = None,
        *,
        on_error: OnError = "raise",
        batch_size: int = BATCH_SIZE,
        memory_zones: bool = False,
    ) -> None:
        if on_error not in ("raise", "record"):
            raise ConfigError(f"on_error must be 'raise' or 'record', not {on_error!r}")
        chosen = list(BUILTIN_ANALYZERS) if analyzers is None else list(analyzers)
        instances = _with_providers(
            [a if isinstance(a, Analyzer) else create_analyzer(a) for a in chosen]
        )
        names = [a.name for a in instances]
        if len(set(names)) != len(names):
            raise ConfigError(f"an analyzer is listed twice: {', '.join(names)}")
        self.analyzers: list[Analyzer] = _order(instances)
        self.on_error: OnError = on_error
        self.batch_size = batch_size
        self.memory_zones = memory_zones
        self._warm = False
        self._broken: dict[str, AnalyzerFailure] = {}

    def warm_up(self) -> None:
        """Load every analyzer's lexicons and models (done on first use otherwise).

        With ``on_error="record"`` an analyzer that cannot load (a missing model file) is
        left out, and every analysis says so in its errors; the others run as usual.
        """
        if self._warm:
            return
        for analyzer in self.analyzers:
            try:
                analyzer.warm_up()
            except Exception as exc:
                if self.on_error == "raise":
                    raise AnalyzerError(
                        f"could not load: {type(exc).__name__}: {exc}", analyzer=analyzer.name
                    ) from exc
                self._broken[analyzer.name] = AnalyzerFailure(
                    analyzer=analyzer.qualified_name,
                    error=type(exc).__name__,
                    message=f"could not load: {exc}",
                )
        self._warm = True

    def _runs_on(self, analyzer: Analyzer, article: Article) -> bool:
        return (
            analyzer.languages is None
            or article.language is None
            or article.language in analyzer.languages
        )

    def _pipes(self, article: Article) -> frozenset[str]:
        return pipes_for(
            need for a in self.analyzers if self._runs_on(a, article) for need in a.requires
        )

    def analyze(self, article: Article) -> Analysis:
        """Analyse one article."""
        return next(self.analyze_many([article]))

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Analyse a stream of articles, parsing them in batches; yields in input order."""
        self.warm_up()
        for batch in _article_batches(articles, self.batch_size):
            if not self.memory_zones:
                docs = self.parse(batch)
                for article, doc in zip(batch, docs, strict=True):
                    yield self.analyze_parsed(article, doc)
                continue
            from newsprobe.nlp.parse import memory_zone

            # The whole batch inside the zone and yielded after it: no Doc outlives the
            # zone, and no zone stays open while the caller (maybe another pipeline)
            # runs between two yields.
            with memory_zone():
                docs = self.parse(batch)
                done = [self.analyze_parsed(a, d) for a, d in zip(batch, docs, strict=True)]
                del docs
            yield from done

    def parse(self, batch: list[Article]) -> list[Doc | None]:
        """The one shared parse of each article, with the components this pipeline's
        analyzers need (None for an article no analyzer needs a parse of); with
        `analyze_parsed`, what `analyze_many` does, for callers that keep the parse."""
        docs: list[Doc | None] = [None] * len(batch)
        # Articles that need the same components are parsed together, in one nlp.pipe call.
        groups: dict[frozenset[str], list[int]] = defaultdict(list)
        for index, article in enumerate(batch):
            pipes = self._pipes(article)
            if pipes:
                groups[pipes].append(index)
        for pipes, indices in groups.items():
            texts = (batch[i].text for i in indices)
            for index, doc in zip(indices, parse_many(texts, pipes=pipes), strict=True):
                docs[index] = doc
        return docs

    def analyze_parsed(self, article: Article, doc: Doc | None) -> Analysis:
        """Run every analyzer on an article and its parse from `parse`; the parse is
        read, never changed, so the same one can be analysed again."""
        findings: dict[str, list[FindingBase]] = defaultdict(list)
        ordered: list[FindingBase] = []
        errors: list[AnalyzerFailure] = []
        notices: list[Notice] = []
        ran: list[str] = []
        models: dict[str, str] = {}
        if doc is not None:
            from newsprobe.nlp.parse import model_version

            models["spacy"] = model_version()
        # Built once per document and shared by every analyzer's context: the token
        # columns, and span indexes of earlier findings (`analyzers/shared/views.py`).
        views = ParseViews.build(doc)
        # Each kind's findings as a tuple, remade only when an analyzer adds to that kind,
        # so that an index built over one tuple serves every later analyzer.
        frozen: dict[str, tuple[FindingBase, ...]] = {}
        for analyzer in self.analyzers:
            if analyzer.name in self._broken:
                errors.append(self._broken[analyzer.name])
                continue
            if not self._runs_on(analyzer, article):
                language = article.language and language_name(article.language)
                readable = " and ".join(
                    language_name(code) for code in sorted(analyzer.languages or ())
                )
                notices.append(
                    Notice(
                        analyzer=analyzer.qualified_name,
                        message=f"skipped: the article is in {language} and this analyzer "
                        f"reads only {readable}",
                    )
                )
                continue
            # Analyzers see a read-only snapshot of earlier findings: they cannot mutate them.
            snapshot = MappingProxyType(dict(frozen))
            ctx = Context(article=article, doc=doc, findings=snapshot, views=views)
            try:
                produced = self._collect(analyzer, ctx, findings)
            except Exception as exc:  # isolate any analyzer failure, per on_error
                if self.on_error == "raise":
                    if isinstance(exc, AnalyzerError):
                        raise
                    raise AnalyzerError(
                        f"{type(exc).__name__}: {exc}",
                        analyzer=analyzer.name,
                        article_id=article.id,
                    ) from exc
                errors.append(
                    AnalyzerFailure(
                        analyzer=analyzer.qualified_name,
                        error=type(exc).__name__,
                        message=str(exc),
                    )
                )
                continue
            for finding in produced:
                findings[finding.kind].append(finding)
            for kind in dict.fromkeys(finding.kind for finding in produced):
                frozen[kind] = tuple(findings[kind])
            ordered.extend(produced)
            ran.append(analyzer.qualified_name)
            models.update(analyzer.model_versions())
        analysis = Analysis(
            models=models,
            analyzers=ran,
            article=article,
            findings=ordered,
            errors=errors,
            notices=notices,
        )
        # The assessment is a function over the findings, not an analyzer: it runs last,
        # on what every analyzer found, and says which criteria it could not judge.
        try:
            assessment = assess(analysis)
        except Exception as exc:  # a bug in a criterion must not lose the findings
            if self.on_error == "raise":
                raise
            failure = AnalyzerFailure(
                analyzer="assessment", error=type(exc).__name__, message=str(exc)
            )
            return analysis.model_copy(update={"errors": [*errors, failure]})
        return analysis.model_copy(update={"assessment": assessment})

    @staticmethod
    def _collect(
        analyzer: Analyzer, ctx: Context, earlier: Mapping[str, Sequence[FindingBase]]
    ) -> list[FindingBase]:
        """Run one analyzer, check its spans and stamp its findings."""
        text = ctx.article.text
        counts = {kind: len(found) for kind, found in earlier.items()}
        stamped: list[FindingBase] = []
        for finding in analyzer.analyze(ctx):
            if not isinstance(finding, FindingBase):
                raise TypeError(f"returned {type(finding).__name__}, not a finding")
            for span in finding.all_spans():
                _check_span(span, len(text), finding.kind)
            counts[finding.kind] = counts.get(finding.kind, 0) + 1
            start, end = finding.span.start, finding.span.end
            stamped.append(
                finding.model_copy(
                    update={
                        "id": f"{finding.kind}-{counts[finding.kind]}",
                        "text": text[start:end],
                        "analyzer": analyzer.qualified_name,
                    }
                )
            )
        return stamped


def _check_span(span: Span, length: int, kind: str) -> None:
    if not (0 <= span.start <= span.end <= length):
        raise ValueError(f"{kind} span {span} is outside the article text ({length} chars)")


def _article_batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Batches of at most `size` articles and about `BATCH_CHARS` characters.

    Every Doc of a batch is held until its analyzers have run: 32 long articles at once
    would hold 32 long parses. A batch closes once it reaches the budget, so a long
    article is analysed with few others, and an ordinary batch is unchanged.
    """
    batch: list[Article] = []
    chars = 0
    for article in articles:
        batch.append(article)
        chars += len(article.text)
        if len(batch) >= size or chars >= BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch
