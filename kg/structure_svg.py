"""A structure picture as SVG: the sectors of a municipality's integration landscape as labelled
regions, its actors and projects as labelled boxes that link to their pages, the relations between
them as lines styled per kind, a legend, and a caption saying it is derived from the graph.

Plain string building, deterministic by construction: fixed geometry, the landscape's own order
(kg.structure_picture sorts it), no randomness, clock or dict-order dependence, so the same data
always gives the same bytes. Every text from the data passes through `escape`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape as _escape

from kg.i18n import ui
from kg.structure_picture import RELATION_KINDS, SECTORS, UNDIRECTED, Landscape, Node

# Geometry (px): four sectors per row.
COLUMNS = 4
MARGIN = 16
COLUMN_WIDTH = 262
GUTTER = 24
WIDTH = 2 * MARGIN + COLUMNS * COLUMN_WIDTH + (COLUMNS - 1) * GUTTER
TOP = 74  # below the heading and caption
HEAD_LINE = 18  # a line of a sector's title (14 px bold, wrapped at HEAD_CHARS)
HEAD_CHARS = 27
PAD = 12
BOX_WIDTH = COLUMN_WIDTH - 2 * PAD
LINE = 15
BOX_GAP = 10
EMPTY_HEIGHT = 28
ROW_GAP = 28
# Labels wrap to lines of about this many characters (12 px sans-serif in a 238 px box), and
# stop after so many lines with an ellipsis: the whole label is in the box's <title>.
LINE_CHARS = 34
MAX_LINES = 3
FONT = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif"

SECTOR_COLOURS = {  # region fill, region stroke (WCAG AA text contrast on the fill)
    "administration": ("#e8f0fb", "#3b5f91"),
    "politics": ("#f3eafa", "#6a3f91"),
    "migrant-organisations": ("#fdf0e0", "#8a5208"),
    "welfare": ("#e6f5ea", "#2f6e44"),
    "research": ("#e6f3f7", "#23627a"),
    "civil-society": ("#f2f2f2", "#555555"),
    "projects": ("#fcf8dc", "#6f5f00"),
    "funders": ("#fbe9e9", "#8f3434"),
}
RELATION_STYLES = {  # stroke, dash pattern ("" solid), width
    "membership": ("#1f5fa8", "", 1.6),
    "cooperation": ("#2e7d32", "", 2.4),
    "funding": ("#b3261e", "7 4", 1.6),
    "participation": ("#8e5a00", "2 3", 1.8),
    "carrier": ("#6a1b9a", "11 4 2 4", 1.6),
    "part-of": ("#666666", "", 1.0),
}
ID = "structure-picture"  # prefix of every id, so that the inlined picture's ids are unique in a page


@dataclass(frozen=True)
class Box:
    node: Node
    x: int
    y: int
    height: int
    lines: tuple[str, ...]

    @property
    def right(self) -> int:
        return self.x + BOX_WIDTH

    @property
    def middle(self) -> float:
        return self.y + self.height / 2


def escape(text: str) -> str:
    return _escape(text, {'"': "&quot;"})


def wrap(label: str, chars: int = LINE_CHARS, max_lines: int = MAX_LINES) -> tuple[str, ...]:
    """The label in lines of at most `chars` characters, broken at spaces where it can be and
    cut with an ellipsis after `max_lines`."""
    lines: list[str] = []
    current = ""
    for word in label.split():
        while len(word) > chars:  # a word longer than a line is broken inside
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:chars])
            word = word[chars:]
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= chars:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][:chars - 1].rstrip() + "…"
    return tuple(lines) or ("",)


def draw(landscape: Landscape, lang: str, href: Callable[[str], str | None], *,
         standalone: bool = False) -> str:
    """The picture as SVG text; `href` gives the link of a thing's IRI (None: no link).
    `standalone` adds the XML declaration of a file of its own."""
    date = landscape.on.isoformat()
    title = ui("structure_svg_title", lang).format(name=landscape.name, date=date)
    caption = ui("structure_caption", lang).format(date=date)
    panels, boxes, bottom = _layout(landscape, lang)
    legend_top = bottom + ROW_GAP
    height = legend_top + 40 + 22 * ((len(RELATION_KINDS) + 1) // 2 + 1) + MARGIN
    out = []
    if standalone:
        out.append('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.append(f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" id="{ID}" class="structure-picture" '
               f'width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" role="group" '
               f'aria-labelledby="{ID}-title" aria-describedby="{ID}-caption" lang="{lang}" '
               f'font-family="{FONT}" data-date="{date}" data-municipality="{escape(landscape.municipality)}">\n')
    out.append(f'<title id="{ID}-title">{escape(title)}</title>\n')
    out.append(f'<desc id="{ID}-desc">{escape(caption)}</desc>\n')
    out.append(_markers())
    # where the keyboard is: the focused box's frame (kept in the picture, so the file has it too)
    out.append(f'<style>#{ID} a.thing:focus rect, #{ID} a.thing:hover rect '
               '{ stroke: #111111; stroke-width: 3px; }</style>\n')
    out.append(f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>\n')
    out.append(f'<text x="{MARGIN}" y="30" font-size="19" font-weight="bold" fill="#111111">{escape(title)}</text>\n')
    out.append(f'<text id="{ID}-caption" class="caption" x="{MARGIN}" y="54" font-size="13" '
               f'fill="#333333">{escape(caption)}</text>\n')
    for sector, (x, y, w, h, head) in panels.items():
        out.append(_panel(sector, x, y, w, h, head, lang, empty=not landscape.in_sector(sector)))
    out.append('<g class="relations">\n')
    for edge in landscape.edges:
        out.append(_edge(edge, boxes, lang))
    out.append('</g>\n<g class="things">\n')
    for box in boxes.values():
        out.append(_box(box, lang, href(box.node.iri)))
    out.append('</g>\n')
    out.append(_legend(legend_top, lang))
    out.append('</svg>\n')
    return "".join(out)


def _layout(landscape: Landscape, lang: str
            ) -> tuple[dict[str, tuple[int, int, int, int, int]], dict[str, Box], int]:
    """Where each sector's region and each thing's box go: sectors in rows of COLUMNS, the
    regions of a row as high as its fullest, their titles as high as its longest."""
    panels: dict[str, tuple[int, int, int, int, int]] = {}
    boxes: dict[str, Box] = {}
    y = TOP
    for start in range(0, len(SECTORS), COLUMNS):
        row = SECTORS[start:start + COLUMNS]
        head = 16 + HEAD_LINE * max(len(_heading(sector, lang)) for sector in row)
        heights = []
        for column, sector in enumerate(row):
            x = MARGIN + column * (COLUMN_WIDTH + GUTTER)
            inner = y + head
            for node in landscape.in_sector(sector):
                lines = wrap(node.label)
                box = Box(node, x + PAD, inner, len(lines) * LINE + 12, lines)
                boxes[node.iri] = box
                inner += box.height + BOX_GAP
            heights.append(max(inner - y, head + EMPTY_HEIGHT) + PAD - BOX_GAP)
        row_height = max(heights)
        for column, sector in enumerate(row):
            panels[sector] = (MARGIN + column * (COLUMN_WIDTH + GUTTER), y, COLUMN_WIDTH, row_height, head)
        y += row_height + ROW_GAP
    return panels, boxes, y - ROW_GAP


def _heading(sector: str, lang: str) -> tuple[str, ...]:
    return wrap(ui(f"structure_sector_{sector}", lang), HEAD_CHARS, 2)


def _panel(sector: str, x: int, y: int, w: int, h: int, head: int, lang: str, empty: bool) -> str:
    fill, stroke = SECTOR_COLOURS[sector]
    lines = "".join(f'<tspan x="{x + PAD}" dy="{HEAD_LINE if number else 0}">{escape(line)}</tspan>'
                    for number, line in enumerate(_heading(sector, lang)))
    text = [f'<g class="sector" data-sector="{sector}">\n',
            f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="10" fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>\n',
            f'<text x="{x + PAD}" y="{y + 22}" font-size="14" font-weight="bold" fill="{stroke}">{lines}</text>\n']
    if empty:
        text.append(f'<text x="{x + PAD}" y="{y + head + 16}" font-size="12" font-style="italic" '
                    f'fill="#444444">{escape(ui("structure_sector_empty", lang))}</text>\n')
    text.append('</g>\n')
    return "".join(text)


def _box(box: Box, lang: str, link: str | None) -> str:
    fill, stroke = SECTOR_COLOURS[box.node.sector]
    sector = ui(f"structure_sector_{box.node.sector}", lang)
    label = escape(f"{box.node.label} ({sector})")
    inner = [f'<title>{label}</title>',
             f'<rect x="{box.x}" y="{box.y}" width="{BOX_WIDTH}" height="{box.height}" rx="4" '
             f'fill="#ffffff" stroke="{stroke}" stroke-width="1.2"/>',
             f'<text x="{box.x + 8}" y="{box.y + 6}" font-size="12" fill="#111111">']
    # a space between the lines: without it a screen reader (and axe) reads "StadtDresden", which
    # no longer matches the box's accessible name; each line starts at its own x, so it is not seen
    inner.append(" ".join(f'<tspan x="{box.x + 8}" dy="{LINE if number else LINE - 2}">{escape(line)}</tspan>'
                          for number, line in enumerate(box.lines)))
    inner.append('</text>')
    body = "".join(inner)
    data = f'class="thing" data-iri="{escape(box.node.iri)}" data-sector="{box.node.sector}"'
    if link is None:
        return f'<g {data} role="img" aria-label="{label}">{body}</g>\n'
    return f'<a {data} href="{escape(link)}" tabindex="0" aria-label="{label}">{body}</a>\n'


def _edge(edge, boxes: dict[str, Box], lang: str) -> str:
    stroke, dash, width = RELATION_STYLES[edge.kind]
    kind = ui(f"structure_relation_{edge.kind}", lang)
    source = boxes[edge.source]
    title = f"{kind}: {'; '.join(edge.labels)}"
    if edge.target is None:
        y = source.y + 8  # above the middle, where the lines of other relations arrive
        path = f"M{source.right} {y:g} h22"
        end = f'<circle cx="{source.right + 26}" cy="{y:g}" r="4" fill="#ffffff" stroke="{stroke}" stroke-width="{width}"/>'
        title += f" ({ui('structure_no_second_party', lang)})"
    else:
        path, end = _route(source, boxes[edge.target]), ""
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    marker = "" if edge.kind in UNDIRECTED or edge.target is None else f' marker-end="url(#{ID}-arrow-{edge.kind})"'
    return (f'<g class="relation" data-kind="{edge.kind}" data-from="{escape(edge.source)}" '
            f'data-to="{escape(edge.target or "")}"><title>{escape(title)}</title>'
            f'<path d="{path}" fill="none" stroke="{stroke}" stroke-width="{width}"{dashes}{marker}/>{end}</g>\n')


def _route(a: Box, b: Box) -> str:
    """A curve from one box's side to the other's: facing sides when they stand in different
    columns, the right sides, bowed outwards, when they share one."""
    if a.x == b.x:
        bow = 34 + min(abs(a.middle - b.middle) / 8, 40)
        return (f"M{a.right} {a.middle:g} C{a.right + bow:g} {a.middle:g} "
                f"{b.right + bow:g} {b.middle:g} {b.right + 2} {b.middle:g}")
    if a.x < b.x:
        x1, x2 = a.right, b.x - 2
    else:
        x1, x2 = a.x, b.right + 2
    mid = (x1 + x2) / 2
    return f"M{x1} {a.middle:g} C{mid:g} {a.middle:g} {mid:g} {b.middle:g} {x2} {b.middle:g}"


def _markers() -> str:
    defs = ["<defs>\n"]
    for kind in RELATION_KINDS:
        if kind in UNDIRECTED:
            continue
        stroke = RELATION_STYLES[kind][0]
        defs.append(f'<marker id="{ID}-arrow-{kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
                    f'markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="{stroke}"/></marker>\n')
    defs.append("</defs>\n")
    return "".join(defs)


def _legend(top: int, lang: str) -> str:
    out = [f'<g class="legend" aria-label="{escape(ui("structure_legend", lang))}">\n',
           f'<text x="{MARGIN}" y="{top + 16}" font-size="14" font-weight="bold" fill="#111111">'
           f'{escape(ui("structure_legend", lang))}</text>\n']
    items = [(kind, ui(f"structure_relation_{kind}", lang)) for kind in RELATION_KINDS]
    column_width = (WIDTH - 2 * MARGIN) // 2
    for index, (kind, name) in enumerate(items):
        x = MARGIN + (index % 2) * column_width
        y = top + 40 + (index // 2) * 22
        stroke, dash, width = RELATION_STYLES[kind]
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        marker = "" if kind in UNDIRECTED else f' marker-end="url(#{ID}-arrow-{kind})"'
        out.append(f'<g class="legend-item" data-kind="{kind}"><path d="M{x} {y - 4} h44" fill="none" '
                   f'stroke="{stroke}" stroke-width="{width}"{dashes}{marker}/>'
                   f'<text x="{x + 56}" y="{y}" font-size="12" fill="#111111">{escape(name)}</text></g>\n')
    y = top + 40 + ((len(items) + 1) // 2) * 22
    stroke = RELATION_STYLES["cooperation"][0]
    out.append(f'<g class="legend-item" data-kind="open-end"><path d="M{MARGIN} {y - 4} h22" fill="none" '
               f'stroke="{stroke}" stroke-width="2.4"/><circle cx="{MARGIN + 26}" cy="{y - 4}" r="4" '
               f'fill="#ffffff" stroke="{stroke}" stroke-width="2.4"/><text x="{MARGIN + 56}" y="{y}" '
               f'font-size="12" fill="#111111">{escape(ui("structure_legend_stub", lang))}</text></g>\n')
    x = MARGIN + column_width
    out.append(f'<g class="legend-item" data-kind="thing"><rect x="{x}" y="{y - 13}" width="44" height="16" '
               f'rx="3" fill="#ffffff" stroke="#555555"/><text x="{x + 56}" y="{y}" font-size="12" '
               f'fill="#111111">{escape(ui("structure_legend_node", lang))}</text></g>\n')
    out.append('</g>\n')
    return "".join(out)
