"""A story's provenance graph as Graphviz DOT, and as SVG laid out here in Python.

The SVG needs no Graphviz binary: nodes are placed in layers by who takes from whom
(a node sits one layer after everything it takes from, so sources are on the left and
retellings to their right), ordered within a layer by the mean position of their sources
(the barycenter heuristic, two sweeps), and edges are straight arrows coloured by kind.
Small stories (a handful to a few dozen articles) lay out in well under a millisecond.

    >>> svg = to_svg(graph)  # doctest: +SKIP
    >>> svg.startswith("<svg")  # doctest: +SKIP
    True
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from newsprobe.coverage import ProvenanceEdge, ProvenanceGraph, ProvenanceNode

__all__ = ["EDGE_COLOURS", "layout", "to_dot", "to_svg"]

#: One colour per edge kind, in DOT and in SVG.
EDGE_COLOURS = {
    "cites": "#1f77b4",
    "wire": "#2ca02c",
    "copies": "#d62728",
    "shares_passage": "#ff7f0e",
}
_NODE_W, _NODE_H = 170, 44  # px
_GAP_X, _GAP_Y = 90, 26  # between layers, between nodes of a layer
_MARGIN = 20
_LEGEND_H = 28
_PARALLEL = 7  # px between edges that join the same two nodes


def _dot_id(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _story(graph: ProvenanceGraph) -> str:
    return "" if graph.story is None else str(graph.story)


def _target(edge: ProvenanceEdge) -> str:
    return edge.to or f"outlet:{edge.to_outlet}"


def _label(node: ProvenanceNode) -> str:
    when = node.published.date().isoformat() if node.published else "undated"
    return f"{node.label}\n{when}" if node.article else f"{node.label}\n(not stored)"


def to_dot(graph: ProvenanceGraph) -> str:
    """The graph in Graphviz DOT: articles as boxes, cited outlets as ellipses."""
    lines = [
        f"digraph {_dot_id('provenance ' + _story(graph))} {{",
        "  rankdir=RL;",
        '  node [fontname="Helvetica", fontsize=10];',
    ]
    for node in graph.nodes:
        shape = "box" if node.article else "ellipse"
        label = _label(node).replace("\n", "\\n")
        lines.append(f'  {_dot_id(node.id)} [label="{label}", shape={shape}];')
    for edge in graph.edges:
        style = "" if edge.directed else ", dir=none, style=dashed"
        evidence = edge.evidence_text[:60].replace('"', "'").replace("\n", " ")
        lines.append(
            f"  {_dot_id(edge.source)} -> {_dot_id(_target(edge))} "
            f'[label="{edge.kind}", color="{EDGE_COLOURS[edge.kind]}", '
            f'tooltip="{evidence}"{style}];'
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


def layout(graph: ProvenanceGraph) -> dict[str, tuple[float, float]]:
    """Top-left corner of every node: layers left to right, sources first."""
    ids = [n.id for n in graph.nodes]
    takes_from: dict[str, set[str]] = defaultdict(set)
    for edge in graph.edges:
        if edge.directed and _target(edge) in ids and edge.source in ids:
            takes_from[edge.source].add(_target(edge))
    layer: dict[str, int] = {}

    def depth(node: str, path: frozenset[str]) -> int:
        if node in layer:
            return layer[node]
        parents = [p for p in takes_from[node] if p not in path]
        layer[node] = 1 + max((depth(p, path | {node}) for p in parents), default=-1)
        return layer[node]

    for node in ids:
        depth(node, frozenset())
    layers: dict[int, list[str]] = defaultdict(list)
    for node in ids:  # graph order first: articles by their listing, then outlets
        layers[layer[node]].append(node)
    position = {node: float(i) for nodes in layers.values() for i, node in enumerate(nodes)}
    for _ in range(2):  # barycenter sweeps: a node sits near the nodes it takes from
        for index in sorted(layers)[1:]:

            def centre(node: str) -> float:
                parents = [position[p] for p in takes_from[node] if p in position]
                return sum(parents) / len(parents) if parents else position[node]

            layers[index].sort(key=centre)
            for i, node in enumerate(layers[index]):
                position[node] = float(i)
    coords = {}
    for index, nodes in layers.items():
        for i, node in enumerate(nodes):
            x = _MARGIN + index * (_NODE_W + _GAP_X)
            y = _MARGIN + _LEGEND_H + i * (_NODE_H + _GAP_Y)
            coords[node] = (float(x), float(y))
    return coords


def _anchor(box: tuple[float, float], towards: tuple[float, float]) -> tuple[float, float]:
    """Where a line from the box's centre towards a point leaves the box."""
    cx, cy = box[0] + _NODE_W / 2, box[1] + _NODE_H / 2
    dx, dy = towards[0] - cx, towards[1] - cy
    if dx == 0 and dy == 0:
        return cx, cy
    scale = min(
        (_NODE_W / 2) / abs(dx) if dx else float("inf"),
        (_NODE_H / 2) / abs(dy) if dy else float("inf"),
    )
    return cx + dx * scale, cy + dy * scale


def to_svg(graph: ProvenanceGraph) -> str:
    """The graph as a standalone SVG document (text escaped; no script, no external refs)."""
    coords = layout(graph)
    legend_width = 2 * _MARGIN + 130 * len(EDGE_COLOURS)
    width = max(max((x for x, _ in coords.values()), default=0.0) + _NODE_W + _MARGIN, legend_width)
    height = max((y for _, y in coords.values()), default=0.0) + _NODE_H + _MARGIN
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="Helvetica, Arial, sans-serif" '
        'font-size="11">',
        f"<title>{escape('Provenance of story ' + _story(graph))}</title>",
        "<defs>",
    ]
    for kind, colour in EDGE_COLOURS.items():
        out.append(
            f'<marker id="arrow-{kind}" viewBox="0 0 10 10" refX="10" refY="5" '
            f'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
            f'<path d="M 0 0 L 10 5 L 0 10 z" fill="{colour}"/></marker>'
        )
    out.append("</defs>")
    x = float(_MARGIN)
    for kind, colour in EDGE_COLOURS.items():  # legend
        out.append(
            f'<line x1="{x:.0f}" y1="{_MARGIN}" x2="{x + 24:.0f}" y2="{_MARGIN}" '
            f'stroke="{colour}" stroke-width="2"/>'
            f'<text x="{x + 30:.0f}" y="{_MARGIN + 4}">{escape(kind)}</text>'
        )
        x += 130
    parallel: dict[frozenset[str], int] = defaultdict(int)
    for edge in graph.edges:
        start_box, end_box = coords.get(edge.source), coords.get(_target(edge))
        if start_box is None or end_box is None:
            continue
        centre_end = (end_box[0] + _NODE_W / 2, end_box[1] + _NODE_H / 2)
        centre_start = (start_box[0] + _NODE_W / 2, start_box[1] + _NODE_H / 2)
        x1, y1 = _anchor(start_box, centre_end)
        x2, y2 = _anchor(end_box, centre_start)
        # Several edges between one pair (a wire credit and a copy) run side by side.
        pair = frozenset((edge.source, _target(edge)))
        shift = _PARALLEL * parallel[pair]
        parallel[pair] += 1
        length = max(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5, 1e-9)
        nx_, ny_ = -(y2 - y1) / length * shift, (x2 - x1) / length * shift
        x1, y1, x2, y2 = x1 + nx_, y1 + ny_, x2 + nx_, y2 + ny_
        colour = EDGE_COLOURS[edge.kind]
        dash = "" if edge.directed else ' stroke-dasharray="5,3"'
        marker = f' marker-end="url(#arrow-{edge.kind})"' if edge.directed else ""
        out.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{colour}" stroke-width="1.6"{dash}{marker}>'
            f"<title>{escape(edge.kind + ': ' + edge.evidence_text[:200])}</title></line>"
        )
    for node in graph.nodes:
        nx, ny = coords[node.id]
        if node.article:
            shape = (
                f'<rect x="{nx:.0f}" y="{ny:.0f}" width="{_NODE_W}" height="{_NODE_H}" '
                'rx="4" fill="#f7f7f7" stroke="#555"/>'
            )
        else:
            shape = (
                f'<ellipse cx="{nx + _NODE_W / 2:.0f}" cy="{ny + _NODE_H / 2:.0f}" '
                f'rx="{_NODE_W / 2:.0f}" ry="{_NODE_H / 2:.0f}" fill="#fff" '
                'stroke="#555" stroke-dasharray="3,2"/>'
            )
        first, second = _label(node).split("\n", 1)
        out.append(
            f"<g>{shape}"
            f'<text x="{nx + _NODE_W / 2:.0f}" y="{ny + 18:.0f}" text-anchor="middle" '
            f'font-weight="bold">{escape(first[:28])}</text>'
            f'<text x="{nx + _NODE_W / 2:.0f}" y="{ny + 33:.0f}" text-anchor="middle" '
            f'fill="#666">{escape(second)}</text></g>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"
