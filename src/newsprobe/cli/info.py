"""`newsprobe analyzers` and `newsprobe schema`: answers that need no model loaded."""

from __future__ import annotations

from typing import Any

import typer

from newsprobe.errors import NewsprobeError

__all__ = ["analyzers", "schema"]


def analyzers() -> None:
    """List the analyzers newsprobe can run."""
    from rich.console import Console
    from rich.table import Table

    from newsprobe.analyzers.registry import analyzer_class, available_analyzers

    table = Table(show_edge=False, pad_edge=False)
    table.add_column("analyzer", no_wrap=True)
    table.add_column("finds", no_wrap=True)
    table.add_column("reads", no_wrap=True)
    table.add_column("description", ratio=1)
    for name in available_analyzers():
        try:
            cls = analyzer_class(name)
        except (NewsprobeError, ImportError) as exc:
            table.add_row(name, "", "", f"cannot be loaded: {exc}")
            continue
        languages = "any" if cls.languages is None else ", ".join(sorted(cls.languages))
        table.add_row(
            f"{name}@{cls.version}", ", ".join(sorted(cls.provides)), languages, cls.description()
        )
    Console().print(table)


def schema() -> None:
    """Print the JSON Schema of `analyze --format json` output."""
    import json

    from newsprobe.document import Analysis

    document: dict[str, Any] = Analysis.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    typer.echo(json.dumps(document, indent=2))
