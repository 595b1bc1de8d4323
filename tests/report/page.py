"""A strict reader of the HTML report, for tests: the element tree, the text under each
highlight, the scripts and the Content-Security-Policy."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"meta", "br", "img", "input", "link", "hr", "col", "source", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None = None
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self) -> list[Element]:
        found = [self]
        for child in self.children:
            if isinstance(child, Element):
                found += child.iter()
        return found

    def text(self, *, skip_class: str = "tag") -> str:
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif skip_class not in child.classes:
                parts.append(child.text(skip_class=skip_class))
        return "".join(parts)

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        return [
            e
            for e in self.iter()
            if (tag is None or e.tag == tag) and (cls is None or cls in e.classes)
        ]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Element(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.current.tag == tag, f"</{tag}> closes <{self.current.tag}>"
        assert self.current.parent is not None
        self.current = self.current.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(html: str) -> Element:
    """The element tree; fails on any end tag that does not close the open element."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    assert builder.current is builder.root, f"<{builder.current.tag}> is never closed"
    return builder.root


def highlighted_text(root: Element, finding: str, kind: str) -> list[str]:
    """The text under each run of one highlight, per block (headline, paragraph)."""
    runs: list[str] = []
    for block in root.find_all("h3") + root.find_all("p"):
        if not _inside(block, "np-text"):
            continue
        marks = [
            e for e in block.iter() if e.attrs.get("data-f") == finding and f"m-{kind}" in e.classes
        ]
        text = "".join(m.text() for m in marks)
        if text:
            runs.append(text)
    return runs


def _inside(element: Element, cls: str) -> bool:
    node: Element | None = element
    while node is not None:
        if cls in node.classes:
            return True
        node = node.parent
    return False
