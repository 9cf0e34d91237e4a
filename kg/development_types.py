"""Development types of municipal integration landscapes: this project's own classification.

The rules are the catalogue query cq18 (queries/cq/cq18-development-types.rq); their words are the
definitions of the scheme development-type in ontology/concepts.ttl. This module asks cq18 through
the page's query runner and returns, per municipality, the type with the facts that decided it,
labelled in the page's language. A type is an assessment of this project, never a statement of a
source: every page that shows one says so (ui "devtype_own_classification").

    from kg.development_types import development_types
    found = development_types(get_select(), [municipality_iri], date.today(), "de")
    found[0].label, found[0].decided, [fact.label for fact in found[0].facts["advisoryBodies"]]
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from kg.catalog_runner import Iri, Select
from kg.i18n import ui
from kg.municipality_record import labels_of, link, short_name

QUERY = "cq18"
# The facts the rules read, in the order a page lists them: cq18's column and the ui key of its name.
FACT_KINDS: tuple[str, ...] = ("commissionerPosts", "advisoryBodies", "plansInForce", "cooperations",
                               "longTermFunding", "projects")


@dataclass(frozen=True)
class Fact:
    """A thing that counted for the type: a post, body, plan, cooperation, funding or project site."""

    iri: Iri
    label: str  # its label in the language asked for, else the last part of its IRI
    link: str | None  # its page here (a path), or None


@dataclass(frozen=True)
class DevelopmentType:
    """One municipality's development type on `date`."""

    municipality: Iri
    municipality_label: str
    date: datetime.date
    type: Iri | None  # the concept of scheme development-type; None: not enough recorded
    label: str  # the type's prefLabel in the language asked for, or "not enough recorded" in it
    facts: dict[str, tuple[Fact, ...]]  # by FACT_KINDS name; empty = none counted on the date

    @property
    def decided(self) -> bool:
        return self.type is not None

    @property
    def type_link(self) -> str | None:
        """The concept's page here, where its definition (the rule) is shown."""
        return link(self.type) if self.type else None

    def kind_name(self, kind: str, lang: str) -> str:
        return ui(f"devtype_{kind}", lang)


def development_types(select: Select, municipalities: Iterable[str] = (),
                      date: datetime.date | None = None, lang: str = "de") -> list[DevelopmentType]:
    """The development type of each of `municipalities` (IRIs; empty = every municipality) on `date`
    (None = today), with the deciding facts labelled in `lang` ("de" or "en"), ordered by the
    municipality's German name. A municipality unknown to the graph gives no entry."""
    date = date or datetime.date.today()
    rows = select(QUERY, query_values(municipalities, date)).rows
    return from_rows(rows, date, labels_of(select, things(rows), lang), lang)


def query_values(municipalities: Iterable[str], date: datetime.date) -> dict[str, object]:
    """cq18's parameters for `municipalities` (empty = every municipality) on `date`."""
    chosen = [str(m) for m in municipalities]
    return {"date": date.isoformat(), **({"municipality": chosen} if chosen else {})}


def things(rows: Iterable[dict]) -> set[Iri]:
    """The things that counted in cq18's `rows`: the ones a page names (labels are asked for them)."""
    return {Iri(iri) for row in rows for kind in FACT_KINDS for iri in _iris(row[kind])}


def from_rows(rows: Iterable[dict], date: datetime.date, labels: dict[str, str], lang: str) -> list[DevelopmentType]:
    """The development types of cq18's `rows` (asked with query_values), with the facts named by
    `labels` (thing -> label in `lang`; a thing without one is named by its IRI's last part).
    For a caller that asks cq18 and the labels together with questions of its own."""
    return [DevelopmentType(
        municipality=row["municipality"], municipality_label=str(row["municipalityLabel"]), date=date,
        type=row["developmentType"] if isinstance(row["developmentType"], Iri) else None,
        label=str(row["typeEn"] if lang == "en" else row["typeDe"]),
        facts={kind: tuple(Fact(iri, labels.get(iri) or short_name(iri), link(iri))
                           for iri in sorted(_iris(row[kind]), key=lambda i: (labels.get(i) or i).casefold()))
               for kind in FACT_KINDS})
        for row in rows]


def _iris(cell: object) -> list[Iri]:
    """A list cell of cq18: IRIs joined by "; " (IRIs hold no spaces), "" for none."""
    return [Iri(part) for part in str(cell or "").split("; ") if part]

