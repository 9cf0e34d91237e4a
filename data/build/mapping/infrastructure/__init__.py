"""infrastructure.csv rows 34–162 (all but Dresden): each row states one property of one named actor.

The actor becomes a node of the class its `actor_type` names (`actors`, in the row that first
mentions it); structured facts (titles, holders, compositions, elections, adoption, validity,
founding) are written by the row's handler in the city's module (`ROWS`); what the model has no
property for is kept as an English `skos:note` quoting the row's value, attributed to the row.
"""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from builder import Builder, FileGraph
from mapping.infrastructure import dortmund, halle, moenchengladbach, nuernberg, others
from mapping.infrastructure.actors import Infra, note_row
from mapping.infrastructure.roles import Handler
from mapping.registry import CITY, REG
from sources import SourceRow

LEFT_OUT = {
    57: "Population with migration background (~53,000, 2020 article): the model has no measure for "
        "population by migration background; a figure from a news article, not an official statistic.",
    58: "Population with migration background (88,980 of 270,553, end 2017): no measure for it in the model.",
    89: "Foreign residents of Halle (Saale) 2022–2024: the model has no measure for foreign residents.",
    108: "Nürnberg population 31.12.2024 and share with migration history, from a city page: kept out of "
         "the population observations, which use the one official table (Destatis, 31.12.2021) so that "
         "per-capita figures stay comparable; migration-history shares have no measure in the model.",
    109: "Nürnberg population Dec 2023 (press release), foreign passports and migration background: as row 108.",
}
STRUCTURED: dict[int, Handler] = {
    **moenchengladbach.ROWS, **dortmund.ROWS, **halle.ROWS, **nuernberg.ROWS, **others.ROWS,
}
# Rows that create actors later rows refer to: mapped first, in this order.
FIRST = (35, 43, 59, 69, 98, 99, 114, 96, 81)
# Rows whose actor is a body the row says is planned, not an existing one (an ikg:PlannedBody).
PLANNED = {130}
# Rows whose actor is created under another name than the row's `name` column.
ACTOR = {145: "Masterplan Migration/Integration"}
# Rows that introduce a second actor, after their own: row -> (actor type, name).
ALSO_INTRODUCES = {
    36: ("office", "Integrationsplanung der Stadt Mönchengladbach"),
    43: ("advisory_council", "Integrationsrat der Stadt Mönchengladbach"),
    69: ("advisory_council", "Integrationsrat der Stadt Dortmund"),
    99: ("advisory_council", "Rat für Integration und Zuwanderung der Stadt Nürnberg (Integrationsrat)"),
}


def map_rows(b: Builder) -> Infra:
    """Maps the rows; returns the actors, which batch 3 extends (one node per body across batches)."""
    x = Infra(b)
    rows = [r for r in b.rows.values() if r.file == "facts/infrastructure.csv" and r.number >= 34]
    for row in sorted(rows, key=lambda r: (r.number not in FIRST, r.number)):
        if row.number in LEFT_OUT:
            b.leave_out(row.row_id, LEFT_OUT[row.number])
        else:
            _map_row(x, row)
    _one_label_for_dortmund_plan(b, x)
    return x


def _map_row(x: Infra, row: SourceRow) -> None:
    n, city = row.number, row.fields["municipality"]
    f = x.file(city)
    with f.row(row.row_id):
        node = _actor(x, f, row)
        if n in ALSO_INTRODUCES:
            x.actor(f, city, *ALSO_INTRODUCES[n])
        if n in STRUCTURED:
            STRUCTURED[n](x, f, node, row)
        else:
            note_row(f, node, row)


def _actor(x: Infra, f: FileGraph, row: SourceRow) -> URIRef:
    if row.number == 162:  # the mayor of Hoyerswerda: a person in the city's administration
        return REG.admin(f, CITY["Hoyerswerda"])
    name = ACTOR.get(row.number, row.fields["name"])
    if row.number in PLANNED:
        return x.planned(f, row.fields["municipality"], name)
    return x.actor(f, row.fields["municipality"], row.fields["actor_type"], name)


def _one_label_for_dortmund_plan(b: Builder, x: Infra) -> None:
    """Rows 142 and 143 name the same Dortmund plan, 142 with an English parenthesis: the German
    label is the one from row 143."""
    name = b.rows["infrastructure-142"].fields["name"]
    x.file("Dortmund").remove(x.nodes[("Dortmund", name)], RDFS.label, Literal(name, lang="de"))
