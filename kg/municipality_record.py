"""Everything a municipality's page shows, gathered from catalogue queries: who it is
(site-municipalities), how complete its record is (cq17), its structural elements on a date
(cq13, for kreisfreie Städte) and every statement about it with its source (cq12)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from kg import iris
from kg.catalog_runner import Iri, Plain, Select
from kg.coverage import Coverage, coverage_of
from kg.i18n import best_text

AGS = iris.AGS


@dataclass(frozen=True)
class Statement:
    property: Iri
    property_label: str
    value: Plain
    value_label: str  # the value's label where it is a labelled thing, else its text
    value_link: str | None  # a local page for the value, or an IRI outside the project's
    source: Iri | None
    accessed: date | None


@dataclass
class SubjectStatements:
    subject: Iri
    label: str
    statements: list[Statement] = field(default_factory=list)


@dataclass(frozen=True)
class MunicipalityRecord:
    municipality: dict[str, Plain]  # the site-municipalities row
    coverage: Coverage
    elements: dict[str, Plain] | None  # the cq13 row; None unless a kreisfreie Stadt
    elements_date: date
    subjects: list[SubjectStatements]
    truncated: bool  # cq12's answer was cut at the row cap

    @property
    def iri(self) -> Iri:
        return self.municipality["municipality"]  # type: ignore[return-value]


def municipality_record(select: Select, ags: str, lang: str,
                        on: date | None = None) -> MunicipalityRecord | None:
    """None when `ags` is no AGS or names no municipality of the published graph."""
    if not AGS.fullmatch(ags):
        return None
    iri = iris.municipality_iri(ags)
    rows = select("site-municipalities", {"municipality": iri}).rows
    coverage = coverage_of(select, iri)
    if not rows or coverage is None:
        return None
    on = on or date.today()
    elements = None
    if rows[0]["kreisfrei"]:
        found = select("cq13", {"municipality": [iri], "date": on.isoformat()}).rows
        elements = found[0] if found else None
    statements = select("cq12", {"municipality": iri})
    return MunicipalityRecord(rows[0], coverage, elements, on,
                              _grouped(select, iri, statements.rows, lang), statements.truncated)


def _grouped(select: Select, municipality: str, rows, lang: str) -> list[SubjectStatements]:
    """Statements by subject, the municipality first, then the others in cq12's order."""
    labels = labels_of(select, {term for row in rows for term in
                              (row["subject"], row["property"], row["value"])
                              if isinstance(term, Iri)}, lang)
    groups: dict[str, SubjectStatements] = {}
    for row in rows:
        subject = row["subject"]
        group = groups.setdefault(subject, SubjectStatements(
            subject, labels.get(subject) or short_name(subject)))
        value = row["value"]
        group.statements.append(Statement(
            row["property"], labels.get(row["property"]) or short_name(row["property"]),
            value, labels.get(value, "") if isinstance(value, Iri) else _text(value),
            link(value),
            row["source"] if isinstance(row["source"], Iri) else None,
            row["accessed"] if isinstance(row["accessed"], date) else None))
    return sorted(groups.values(), key=lambda g: g.subject != municipality)


def labels_of(select: Select, things: set[str], lang: str) -> dict[str, str]:
    """Each thing's label in `lang`, else in another language (site-labels, one query for all)."""
    if not things:
        return {}
    texts: dict[str, dict[str, str]] = {}
    for row in select("site-labels", {"subject": sorted(things)}):
        texts.setdefault(row["subject"], {}).setdefault(row["lang"] or "", row["label"])
    return {thing: best_text(by_lang, lang) or "" for thing, by_lang in texts.items()}


def _text(value: Plain) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def link(value: Plain) -> str | None:
    """Where a value leads: its page here, or the web address it names. A project IRI outside
    the w3id rules leads nowhere rather than to a redirect that cannot answer."""
    if not isinstance(value, Iri):
        return None
    local = iris.local_path(value)
    if local is not None:
        return local
    if value.startswith(iris.BASE) or not value.startswith(("http://", "https://")):
        return None
    return str(value)


def short_name(iri: str) -> str:
    """The last part of an IRI, for a thing without a label."""
    return re.split(r"[/#]", iri.rstrip("/#"))[-1] or iri
