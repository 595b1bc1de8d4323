"""The import rules of ARCHITECTURE.md, checked on every module of the package.

Every ``import`` and ``from ... import`` in `src/newsprobe`, at any depth (imports inside
functions count: they are dependencies too), is read with `ast` and matched against the
rules below. A rule names the modules it applies to and the modules they must not import;
the message says which file broke it and on which line.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.paths import REPO

PACKAGE = REPO / "src" / "newsprobe"

FAMILIES = (
    "attribution",
    "claims",
    "entities",
    "events",
    "headline",
    "hedging",
    "quantities",
    "quotes",
    "rhetoric",
)
INTERFACES = ("newsprobe.cli", "newsprobe.service", "newsprobe.batch")
DATA_MODEL = (
    "newsprobe.assessment",
    "newsprobe.document",
    "newsprobe.coverage",
    "newsprobe.findings",
    "newsprobe.errors",
    "newsprobe.units",
    "newsprobe.normalize",
    "newsprobe.languages",
)


@dataclass(frozen=True)
class Rule:
    """Modules under any of `applies_to` (and not under `except_for`) never import `forbidden`."""

    why: str
    applies_to: tuple[str, ...]
    forbidden: tuple[str, ...]
    except_for: tuple[str, ...] = ()


def _family(name: str) -> str:
    return f"newsprobe.analyzers.{name}"


RULES: tuple[Rule, ...] = (
    Rule(
        "the core never imports an interface over it",
        applies_to=("newsprobe",),
        except_for=(*INTERFACES, "newsprobe.__main__"),
        forbidden=INTERFACES,
    ),
    *(
        Rule(
            f"analyzer families are independent: {family} imports no other family",
            applies_to=(_family(family),),
            forbidden=tuple(_family(other) for other in FAMILIES if other != family),
        )
        for family in FAMILIES
    ),
    Rule(
        "shared helpers and the analyzer machinery know no family",
        applies_to=(
            "newsprobe.analyzers.shared",
            "newsprobe.analyzers.base",
            "newsprobe.analyzers.pipeline",
            "newsprobe.analyzers.registry",
        ),
        forbidden=tuple(_family(f) for f in FAMILIES),
    ),
    Rule(
        "a report reads findings, never an analyzer's internals",
        applies_to=("newsprobe.report",),
        forbidden=("newsprobe.analyzers", "newsprobe.nlp"),
    ),
    Rule(
        "the assessment is a function over findings: no analyzer, parse, model or report",
        applies_to=("newsprobe.assess",),
        forbidden=(
            "newsprobe.analyzers",
            "newsprobe.nlp",
            "newsprobe.models",
            "newsprobe.report",
            "newsprobe.ingest",
        ),
    ),
    Rule(
        "reading an input never loads the analyzers, the parse or a report",
        applies_to=("newsprobe.ingest",),
        forbidden=("newsprobe.analyzers", "newsprobe.report", "newsprobe.nlp.parse"),
    ),
    Rule(
        "the core runs without Dask or Arrow: only the batch interface needs them",
        applies_to=("newsprobe",),
        except_for=(*INTERFACES, "newsprobe.__main__"),
        forbidden=("dask", "distributed", "pyarrow"),
    ),
    Rule(
        "batch is a thin layer: it reaches the analysis only through newsprobe.records",
        applies_to=("newsprobe.batch",),
        forbidden=(
            "newsprobe.analyzers",
            "newsprobe.nlp",
            "newsprobe.cli",
            "newsprobe.service",
        ),
    ),
    Rule(
        "the service is an interface over the core: no other interface, family or parse",
        applies_to=("newsprobe.service",),
        forbidden=(
            "newsprobe.cli",
            "newsprobe.batch",
            "newsprobe.nlp.parse",
            *(_family(f) for f in FAMILIES),
        ),
    ),
    Rule(
        "reading and analysing one article knows nothing of the corpus",
        applies_to=("newsprobe.analyzers", "newsprobe.ingest", "newsprobe.nlp", *DATA_MODEL),
        forbidden=("newsprobe.corpus",),
    ),
    Rule(
        "the database is the corpus's business: nothing else imports the database libraries",
        applies_to=("newsprobe",),
        except_for=("newsprobe.corpus",),
        forbidden=("sqlalchemy", "alembic", "psycopg"),
    ),
    Rule(
        "the data model imports only itself",
        applies_to=DATA_MODEL,
        forbidden=(
            "newsprobe.analyzers",
            "newsprobe.ingest",
            "newsprobe.nlp",
            "newsprobe.report",
            "newsprobe.models",
        ),
    ),
)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, package: str) -> list[tuple[str, int]]:
    """(imported module, line) of every import in the file, relative ones resolved
    against `package`, the package the file belongs to."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.append((base, node.lineno))
            # "from newsprobe.analyzers import entities" imports a sub-module.
            found += [(f"{base}.{alias.name}", node.lineno) for alias in node.names]
    return found


def _under(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def _violations(rule: Rule) -> list[str]:
    broken: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        if not _under(module, rule.applies_to) or _under(module, rule.except_for):
            continue
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for imported, line in _imports(path, package):
            if _under(imported, rule.forbidden):
                broken.append(f"{path.relative_to(REPO)}:{line} imports {imported}")
    return broken


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.why)
def test_import_rule(rule: Rule) -> None:
    broken = _violations(rule)
    assert not broken, f"{rule.why}:\n" + "\n".join(broken)


def test_every_family_is_a_package_the_rules_know() -> None:
    packages = {
        p.name
        for p in (PACKAGE / "analyzers").iterdir()
        if p.is_dir() and (p / "__init__.py").is_file() and p.name != "shared"
    }
    assert packages == set(FAMILIES), "add the new family to FAMILIES and to ARCHITECTURE.md"


def test_the_checker_sees_a_broken_rule(tmp_path: Path) -> None:
    """The rules are only worth something if a violation is caught: feed one in."""
    source = tmp_path / "probe.py"
    source.write_text(
        "def f():\n    from newsprobe.analyzers.quotes import marks\nfrom ..events import slots\n"
    )
    found = _imports(source, "newsprobe.analyzers.hedging")
    assert ("newsprobe.analyzers.quotes.marks", 2) in found
    assert ("newsprobe.analyzers.events.slots", 3) in found
    rule = next(r for r in RULES if r.applies_to == ("newsprobe.analyzers.hedging",))
    assert _under("newsprobe.analyzers.quotes.marks", rule.forbidden)
    assert _under("newsprobe.analyzers.quotes.marks", ("newsprobe.analyzers.quotes",))
    assert not _under("newsprobe.analyzersx", ("newsprobe.analyzers",))
