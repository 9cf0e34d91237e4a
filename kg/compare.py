"""Municipalities side by side: the structural elements of 2 to 6 municipalities on a date, each
cell with its sources, built from the catalogue's queries (the same runner /sparql uses).

A cell says what the graph holds and nothing more: "not recorded" where the sources found
nothing (never "no"), "recorded" with its values, or "conflict" where sources contradict each
other (both are shown). The rules researchers otherwise have to know live in the queries: cq08
tells "recorded, not in force" from "not recorded", cq19 finds networks of every subclass, cq21
ends a replaced council with its replacement.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from datetime import date

from kg import development_types, iris
from kg.catalog_runner import Iri, Select
from kg.compare_model import MAX_CITIES, MIN_CITIES, City, Comparison, Source
from kg.compare_rows import Builder
from kg.errors import BadRequest, NotFound
from kg.i18n import best_text
from kg.reference_date import reference_date

# Questions asked at the same time: the query workers (2 by default) take them as they come free.
PARALLEL = 4


def parse_request(ags_list: Iterable[str], on: str | None) -> tuple[list[str], date]:
    """The AGS and date a request gives, checked; a bad one is a BadRequest naming it."""
    chosen = list(dict.fromkeys(a.strip() for a in ags_list if a.strip()))
    for ags in chosen:
        if not iris.AGS.fullmatch(ags):
            raise BadRequest(messages={
                "en": f"{ags!r} is no AGS: an AGS (Amtlicher Gemeindeschlüssel) has 8 digits, such as "
                      "14612000 for Dresden. Correct it, or pick the municipality from the list.",
                "de": f"{ags!r} ist kein AGS: Ein AGS (Amtlicher Gemeindeschlüssel) hat 8 Ziffern, etwa "
                      "14612000 für Dresden. Korrigieren Sie ihn oder wählen Sie die Kommune aus der Liste."},
                detail={"ags": ags})
    if not MIN_CITIES <= len(chosen) <= MAX_CITIES:
        raise BadRequest(messages={
            "en": f"Compare {MIN_CITIES} to {MAX_CITIES} municipalities; {len(chosen)} given. Add or remove "
                  "ags= parameters (one per municipality), or pick them in the form.",
            "de": f"Vergleichen Sie {MIN_CITIES} bis {MAX_CITIES} Kommunen; angegeben: {len(chosen)}. "
                  "Ergänzen oder entfernen Sie ags=-Parameter (einen je Kommune) oder wählen Sie sie im "
                  "Formular."}, detail={"count": len(chosen)})
    return chosen, reference_date(on)



def compare(select: Select, ags_list: list[str], on: date, lang: str) -> Comparison:
    """The comparison of the municipalities `ags_list` (checked by parse_request) on `on`."""
    municipalities = [iris.municipality_iri(ags) for ags in ags_list]
    day = on.isoformat()
    # Every question that needs only the municipalities is asked at once, the names of the cities
    # among them (an unknown AGS is told after the answers, which are then not used): each with the
    # list of the municipalities where the query takes one, per municipality where it does not
    # (cq02), and the sources of the municipalities themselves (their population figures), which need
    # nothing the other answers say. A request costs more than the query behind it at this size: the
    # fewer, the sooner the page.
    # (the longest first: the workers take them in this order)
    tasks = {("cq18", None): (development_types.QUERY, development_types.query_values(municipalities, on))}
    tasks |= {(qid, None): (qid, {"municipality": municipalities, **extra})
              for qid, extra in (("cq21", {"date": day}), ("cq20", {}), ("cq10", {}), ("cq19", {}),
                                 ("cq08", {"date": day}), ("cq01", {}), ("cq03", {"date": day}), ("cq07", {}),
                                 ("site-municipalities", {}))}
    tasks[("cq22", None)] = ("cq22", {"subject": municipalities})
    tasks |= {("cq02", m): ("cq02", {"municipality": m}) for m in municipalities}
    answers = _together(select, tasks)
    found = answers[("site-municipalities", None)].rows
    cities = [_city(ags, [r for r in found if r["municipality"] == m]) for ags, m in zip(ags_list, municipalities)]
    per_city = {"cq02": {m: answers[("cq02", m)].rows for m in municipalities}}
    per_city |= {qid: _by_city(answers[(qid, None)], municipalities) for qid in ("cq01", "cq03", "cq07", "cq10")}
    together = {qid: answers[(qid, None)].rows for qid in ("cq08", "cq19", "cq20", "cq21")}
    # then the sources of everything else a cell names, and the names of things given as IRIs (of
    # the comparison and of the facts that decided the development types), asked together
    # (an empty list would leave site-labels or cq22 unbound: every label or source of the graph)
    typed = answers[("cq18", None)].rows
    named = sorted(_to_label(together) | development_types.things(typed))
    things = sorted(_subjects(per_city, together) - set(municipalities))
    last = _together(select, {**({"cq22": ("cq22", {"subject": things})} if things else {}),
                              **({"labels": ("site-labels", {"subject": named})} if named else {})})
    sources = _sources([*answers[("cq22", None)], *last.get("cq22", ())])
    labels = _labels(last.get("labels", ()), lang)
    types = {t.municipality: t for t in development_types.from_rows(typed, on, labels, lang)}
    build = Builder(cities, lang, sources, labels)
    rows = build.rows(per_city, together, types)
    return Comparison(on, lang, cities, rows, build.bars(per_city, together, rows),
                      build.timeline(together["cq21"]))


def _together(select: Select, tasks: dict) -> dict:
    """Each task's answer, asked at the same time: the query workers answer them side by side."""
    with ThreadPoolExecutor(PARALLEL) as pool:
        # Each in a copy of this context: the queries are charged to the request's client.
        futures = {key: pool.submit(contextvars.copy_context().run, select, qid, values)
                   for key, (qid, values) in tasks.items()}
        return {key: future.result() for key, future in futures.items()}


def _by_city(rows, municipalities: list[str]) -> dict[str, list]:
    """Rows of a query asked for the list of municipalities, per municipality (in their order)."""
    return {m: [r for r in rows if r["municipality"] == m] for m in municipalities}


def _city(ags: str, found) -> City:
    iri = iris.municipality_iri(ags)
    if not found:
        raise NotFound(messages={
            "en": f"There is no municipality with the AGS {ags} in the published graph. Check the AGS, "
                  "or pick the municipality from the list.",
            "de": f"Im veröffentlichten Graphen gibt es keine Kommune mit dem AGS {ags}. Prüfen Sie den "
                  "AGS oder wählen Sie die Kommune aus der Liste."}, detail={"ags": ags})
    row = found[0]
    population = row["population"]
    return City(ags, iri, str(row["name"]), str(row["landName"] or ""),
                population if isinstance(population, int) else None,
                row["populationDate"] if isinstance(row["populationDate"], date) else None)


def _subjects(per_city, together) -> set[str]:
    """Every thing a cell names but the municipalities: its sources are asked for at once (cq22)."""
    things = set()
    for column, qid in (("post", "cq01"), ("body", "cq02"), ("plan", "cq03"), ("cooperation", "cq07")):
        things |= {r[column] for rows in per_city[qid].values() for r in rows if isinstance(r[column], Iri)}
    for column, qid in (("network", "cq19"), ("funding", "cq20"), ("thing", "cq21")):
        things |= {r[column] for r in together[qid] if isinstance(r[column], Iri)}
    return things


def _sources(rows: Iterable) -> dict[str, list[tuple[str, Source, str | None]]]:
    """subject -> (record, source, conflicting record) for each citation of it or its records."""
    found: dict[str, list[tuple[str, Source, str | None]]] = {}
    for row in rows:
        accessed = row["accessed"] if isinstance(row["accessed"], date) else None
        found.setdefault(row["subject"], []).append(
            (str(row["record"]), Source(str(row["source"]), accessed),
             str(row["conflictsWith"]) if row["conflictsWith"] else None))
    return found


def _to_label(together) -> set[str]:
    """Things shown by name that the queries give as IRIs (funders, recipients, kinds, projects)."""
    things = set()
    for row in together["cq20"]:
        things |= {row[c] for c in ("funder", "recipient", "project", "kind") if isinstance(row[c], Iri)}
    for row in together["cq21"]:
        things |= {row[c] for c in ("group", "endedBy") if isinstance(row[c], Iri)}
    return things


def _labels(rows: Iterable, lang: str) -> dict[str, str]:
    texts: dict[str, dict[str, str]] = {}
    for row in rows:
        texts.setdefault(row["subject"], {}).setdefault(row["lang"] or "", row["label"])
    return {thing: best_text(by_lang, lang) or "" for thing, by_lang in texts.items()}
