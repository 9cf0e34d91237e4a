"""How complete the record of each municipality is (cq17), and what the whole graph holds.

The figures are counts of what the sources read say; a kind of fact with 0 is not recorded,
which does not mean that the municipality has none. Every page that shows them says so
(NOT_RECORDED), so that a gap in the record is never read as a gap in the world.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kg.catalog_runner import Iri, Select

# The kinds of facts cq17 counts: its variable and a name in each language.
FACT_KINDS: tuple[tuple[str, dict[str, str]], ...] = (
    ("advisoryBodies", {"de": "Gremien", "en": "Advisory bodies"}),
    ("commissionerPosts", {"de": "Beauftragtenstellen", "en": "Commissioner posts"}),
    ("offices", {"de": "Integrationsämter und -zentren", "en": "Integration offices and centres"}),
    ("plans", {"de": "Pläne", "en": "Plans"}),
    ("organisations", {"de": "Organisationen und Netzwerke", "en": "Organisations and networks"}),
)
NOT_RECORDED = {
    "de": "Eine leere Zelle oder 0 heißt „in den gelesenen Quellen nicht erfasst“, nie „gibt es "
          "nicht“: Die Quellen, die bisher gelesen wurden, nannten nichts davon.",
    "en": "An empty cell or 0 means “not recorded in the sources read”, never “does not exist”: "
          "the sources read so far named nothing of the kind.",
}


@dataclass(frozen=True)
class Coverage:
    """One municipality's line of cq17."""

    municipality: Iri
    name: str
    land: Iri
    land_name: str
    counts: dict[str, int]  # by FACT_KINDS variable
    sources: int
    citations: int
    newest_read: date | None

    @property
    def ags(self) -> str:
        return self.municipality.rsplit("/", 1)[-1]

    @property
    def recorded_kinds(self) -> tuple[str, ...]:
        return tuple(kind for kind, _ in FACT_KINDS if self.counts.get(kind))

    @classmethod
    def from_row(cls, row: dict) -> "Coverage":
        return cls(municipality=row["municipality"], name=str(row["municipalityLabel"]),
                   land=row["land"], land_name=str(row["landName"] or ""),
                   counts={kind: int(row[kind] or 0) for kind, _ in FACT_KINDS},
                   sources=int(row["sources"] or 0), citations=int(row["citations"] or 0),
                   newest_read=row["newestRead"] if isinstance(row["newestRead"], date) else None)


@dataclass(frozen=True)
class Summary:
    """What the published graph holds, in one line (site-summary)."""

    counts: dict[str, int]  # municipalities, kreisfreieStaedte, the FACT_KINDS, sources
    license: str | None
    citation: str | None


SUMMARY_KINDS: tuple[tuple[str, dict[str, str]], ...] = (
    ("municipalities", {"de": "Kommunen", "en": "Municipalities"}),
    ("kreisfreieStaedte", {"de": "Kreisfreie Städte", "en": "Kreisfreie Städte (independent cities)"}),
    *FACT_KINDS,
    ("sources", {"de": "Quellen", "en": "Sources"}),
)


def summary(select: Select) -> Summary:
    row = select("site-summary").rows[0]
    return Summary(counts={kind: int(row[kind] or 0) for kind, _ in SUMMARY_KINDS},
                   license=row["license"], citation=row["citation"])


def coverage_of(select: Select, municipality: str) -> Coverage | None:
    rows = select("cq17", {"municipality": municipality}).rows
    return Coverage.from_row(rows[0]) if rows else None


def kreisfreie_staedte_coverage(select: Select) -> list[Coverage]:
    """Every kreisfreie Stadt's line of cq17, in cq17's order (Land, then name)."""
    cities = {row["municipality"] for row in select("site-municipalities") if row["kreisfrei"]}
    return [Coverage.from_row(row) for row in select("cq17") if row["municipality"] in cities]
