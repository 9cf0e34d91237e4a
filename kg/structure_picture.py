"""What a municipality's structure picture holds on a date, gathered from site queries: its actors
and projects by sector (site-structure-things), the relations between them
(site-structure-relations), and the Strukturbilder that sources record for it
(site-strukturbilder), each thing with its label in the page's language.

Everything comes back sorted by value, never in the order an engine or a dict happened to give,
so that the same data always gives the same picture (kg.structure_svg draws it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import combinations

from kg import iris
from kg.catalog_runner import Iri, Select
from kg.i18n import best_text
from kg.municipality_record import AGS, short_name

# The order of the picture's regions; a thing that qualifies for several sits in the first.
SECTORS = ("administration", "politics", "migrant-organisations", "welfare", "research",
           "civil-society", "projects", "funders")
RELATION_KINDS = ("membership", "cooperation", "funding", "participation", "carrier", "part-of")
# A relation kind drawn without a direction (its parties stand side by side).
UNDIRECTED = frozenset({"cooperation"})


@dataclass(frozen=True)
class Node:
    iri: str
    label: str
    sector: str


@dataclass(frozen=True)
class Edge:
    kind: str
    source: str
    target: str | None  # None: the graph records no further party (a cooperation with one party)
    relations: tuple[str, ...]  # the relation nodes behind it (two claims of one membership: both)
    labels: tuple[str, ...]


@dataclass(frozen=True)
class Landscape:
    municipality: str
    name: str
    on: date
    nodes: tuple[Node, ...]  # by sector, then label, then IRI
    edges: tuple[Edge, ...]

    def in_sector(self, sector: str) -> tuple[Node, ...]:
        return tuple(node for node in self.nodes if node.sector == sector)


@dataclass(frozen=True)
class Labelled:
    iri: str
    label: str


@dataclass(frozen=True)
class SourcePicture:
    """A Strukturbild as a source reports it: nothing here is derived from the graph."""

    iri: str
    label: str
    made_by: tuple[Labelled, ...]
    made_for: tuple[Labelled, ...]
    stated: str | None
    sources: tuple[str, ...]
    shows: tuple[Labelled, ...]



def municipality_landscape(select: Select, ags: str, on: date, lang: str) -> Landscape | None:
    """None when `ags` is no AGS or names no municipality of the published graph."""
    if not AGS.fullmatch(ags):
        return None
    iri = iris.municipality_iri(ags)
    rows = select("site-municipalities", {"municipality": iri}).rows
    if not rows:
        return None
    return landscape(select, iri, str(rows[0]["name"]), on, lang)


def landscape(select: Select, municipality: str, name: str, on: date, lang: str) -> Landscape:
    values = {"municipality": municipality, "date": on.isoformat()}
    sectors: dict[str, int] = {}
    for row in select("site-structure-things", values):
        if row["sector"] in SECTORS:
            rank = SECTORS.index(row["sector"])
            sectors[row["thing"]] = min(rank, sectors.get(row["thing"], rank))
    relation_rows = [row for row in select("site-structure-relations", values) if row["kind"] in RELATION_KINDS]
    labels = labels_of(select, set(sectors) | {row["relation"] for row in relation_rows}, lang)
    nodes = sorted((Node(iri, labels[iri], SECTORS[rank]) for iri, rank in sectors.items()),
                   key=lambda n: (SECTORS.index(n.sector), n.label.casefold(), n.label, n.iri))
    return Landscape(municipality, name, on, tuple(nodes), _edges(relation_rows, set(sectors), labels))


def _edges(rows, nodes: set[str], labels: dict[str, str]) -> tuple[Edge, ...]:
    """One edge per kind and pair of things, with every relation behind it; a cooperation joins
    each pair of its parties in the picture, and one whose only recorded party is drawn gets an
    open end."""
    pairs: dict[tuple[str, str, str | None], set[str]] = {}
    parties: dict[str, set[str]] = {}
    for row in rows:
        if row["kind"] == "cooperation":
            parties.setdefault(row["relation"], set()).add(row["from"])
        elif row["from"] in nodes and row["to"] in nodes and row["from"] != row["to"]:
            pairs.setdefault((row["kind"], row["from"], row["to"]), set()).add(row["relation"])
    for cooperation, recorded in parties.items():
        drawn = sorted(recorded & nodes)
        if len(recorded) == 1 and drawn:
            pairs.setdefault(("cooperation", drawn[0], None), set()).add(cooperation)
        for a, b in combinations(drawn, 2):
            pairs.setdefault(("cooperation", a, b), set()).add(cooperation)
    edges = [Edge(kind, source, target, tuple(sorted(relations)),
                  tuple(sorted({labels[r] for r in relations})))
             for (kind, source, target), relations in pairs.items()]
    return tuple(sorted(edges, key=lambda e: (RELATION_KINDS.index(e.kind), e.source, e.target or "")))


def source_pictures(select: Select, municipality: str, lang: str) -> tuple[SourcePicture, ...]:
    rows = select("site-strukturbilder", {"municipality": municipality}).rows
    things = {row[key] for row in rows for key in ("strukturbild", "madeBy", "event", "shows")
              if isinstance(row[key], Iri)}
    labels = labels_of(select, things, lang)
    pictures = []
    for iri in sorted({row["strukturbild"] for row in rows}):
        mine = [row for row in rows if row["strukturbild"] == iri]

        def labelled(key: str) -> tuple[Labelled, ...]:
            found = {row[key] for row in mine if isinstance(row[key], Iri)}
            return tuple(sorted((Labelled(i, labels[i]) for i in found), key=lambda t: (t.label, t.iri)))

        stated = sorted({row["stated"] for row in mine if row["stated"]})
        pictures.append(SourcePicture(
            iri, labels[iri], labelled("madeBy"), labelled("event"), "; ".join(stated) or None,
            tuple(sorted({str(row["source"]) for row in mine if row["source"]})), labelled("shows")))
    return tuple(pictures)


def labels_of(select: Select, things: set[str], lang: str) -> dict[str, str]:
    """Each thing's label in `lang` (else English, untagged, any); its IRI's last part where it has
    none. Of several labels in one language the query's first (it sorts them) is taken."""
    texts: dict[str, dict[str, str]] = {}
    if things:
        for row in select("site-labels", {"subject": sorted(things)}):
            texts.setdefault(row["subject"], {}).setdefault(row["lang"] or "", row["label"])
    return {thing: best_text(texts.get(thing, {}), lang) or short_name(thing) for thing in things}
