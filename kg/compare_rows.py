"""The rows of a comparison, cell by cell, from the answers of the catalogue's queries, and the
figures its charts draw. Knows no SPARQL: kg.compare asks the questions and hands the answers in."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal

from kg.catalog_runner import Plain
from kg.development_types import DevelopmentType
from kg.compare_model import (ASPECTS, CONFLICT, ELEMENTS, GLEICH, NOT_RECORDED, NOT_RECORDED_TEXT,
                              QUALIFIERS, RECORDED, SAMOFA, UNITS, WORDS, Cell, City, Item, Row, Source, number)

# cq21's status on the date, in the order a cell lists things (what holds on the date first)
STATUS_ORDER = {"in-force": 0, "uncertain": 1, "not-yet": 2, "ended": 3}
STATUS_WORD = {"uncertain": "uncertain", "not-yet": "not_yet", "ended": "ended"}
# which detail rows hold the things a cq08 element stands for (their sources are the element's)
ELEMENT_ROWS = {"commissioner": "commissioner", "advisoryBody": "advisory_body", "planInForce": "plan",
                "moNetwork": "mo_networks", "cooperationForm": "cooperation", "longTermFunding": "funding_long_term"}

Answers = Mapping[str, Iterable[Mapping[str, Plain]]]


class Builder:
    def __init__(self, cities: list[City], lang: str,
                 sources: Mapping[str, list[tuple[str, Source, str | None]]], labels: Mapping[str, str]):
        self.cities, self.lang, self._sources, self._labels = cities, lang, sources, labels

    def w(self, key: str) -> str:
        return WORDS[key][self.lang]

    def label(self, iri: Plain) -> str:
        return self._labels.get(str(iri)) or str(iri).rstrip("/").rsplit("/", 1)[-1]

    def item(self, text: str, subject: Plain, records: set[str] | None = None) -> Item:
        """An item about `subject`, cited by the sources of the subject and its records (or only of
        `records`); a record that another contradicts marks it."""
        cited = [(record, source, other) for record, source, other in self._sources.get(str(subject), [])
                 if records is None or record in records]
        unique = list({source.iri: source for _, source, _ in cited}.values())
        return Item(text, str(subject) if subject else None, unique, any(other for _, _, other in cited))

    def cell(self, items: list[Item], note: str = "", status: str | None = None) -> Cell:
        if status is None:
            status = (CONFLICT if any(i.conflict for i in items) else RECORDED) if items else NOT_RECORDED
        return Cell(items, status, note)

    # -- rows -------------------------------------------------------------------------------------

    def rows(self, per_city: Mapping[str, Mapping[str, list]], together: Mapping,
             types: Mapping[str, DevelopmentType]) -> list[Row]:
        timeline = _by_city(together["cq21"])
        cells: dict[str, list[Cell]] = {key: [] for key in ASPECTS}
        for city in self.cities:
            m = city.iri
            things = timeline.get(m, [])
            cells["population"].append(self.population(city))
            cells["development_type"].append(self.development_type(types.get(m)))
            cells["commissioner"].append(self.commissioner(per_city["cq01"][m]))
            cells["commissioner_placement"].append(self.placement(per_city["cq01"][m]))
            cells["advisory_body"].append(self.bodies([t for t in things if t["kind"] == "advisory-body"]))
            cells["advisory_composition"].append(self.compositions(per_city["cq02"][m], things))
            cells["mo_networks"].append(self.networks([r for r in together["cq19"] if r["municipality"] == m]))
            cells["mo_density"].append(self.density(per_city["cq10"][m], city, together["cq19"]))
            cells["cooperation"].append(self.cooperation(per_city["cq07"][m]))
            sites = [t for t in things if t["kind"] == "project"]
            cells["project_samofa"].append(self.sites([t for t in sites if t["group"] == SAMOFA]))
            cells["project_gleich"].append(self.sites([t for t in sites if t["group"] == GLEICH]))
            cells["project_other"].append(self.sites([t for t in sites if t["group"] not in (SAMOFA, GLEICH)]))
            fundings = [r for r in together["cq20"] if r["municipality"] == m]
            cells["funding_long_term"].append(self.fundings(fundings, "long-term"))
            cells["funding_project"].append(self.fundings(fundings, "time-limited"))
            cells["funding_per_capita"].append(self.funding_per_capita(fundings, city))
            elements = next((r for r in together["cq08"] if r["municipality"] == m), {})
            cells["plan"].append(self.plans(per_city["cq03"][m], things, elements.get("planInForce")))
        for index, city in enumerate(self.cities):
            elements = next((r for r in together["cq08"] if r["municipality"] == city.iri), {})
            detail = {key: cells[key][index] for key in ELEMENT_ROWS.values()}
            cells["elements"].append(self.elements(elements, detail))
        return [Row(key, ASPECTS[key][self.lang], cells[key]) for key in ASPECTS]

    def development_type(self, found: DevelopmentType | None) -> Cell:
        """The type (or "not enough recorded", itself an answer of the rules) with no source: it is
        this project's assessment, which the note says."""
        if found is None:
            return self.cell([])
        return self.cell([Item(found.label, found.type)], self.w("development_type_note"), RECORDED)

    def population(self, city: City) -> Cell:
        if city.population is None:
            return self.cell([])
        text = number(city.population, self.lang, 0)
        if city.population_date:
            text += f" ({self.w('as_of')} {city.population_date.isoformat()})"
        records = {r for r, _, _ in self._sources.get(city.iri, []) if r != city.iri}
        return self.cell([self.item(text, city.iri, records)])

    def elements(self, row: Mapping[str, Plain], detail: Mapping[str, Cell]) -> Cell:
        """cq08's answer said as it means it: true = in force on the date; false = recorded, not in
        force on it; empty = not recorded (never "no")."""
        items = []
        for key, names in ELEMENTS:
            value = row.get(key)
            word = self.w("yes") if value is True else (
                self.w("not_in_force") if value is False else NOT_RECORDED_TEXT[self.lang])
            sources = detail[ELEMENT_ROWS[key]].sources if value is not None else []
            items.append(Item(f"{names[self.lang]}: {word}", None, sources))
        return self.cell(items)

    def commissioner(self, rows: list[Mapping[str, Plain]]) -> Cell:
        items = []
        for row in rows:
            holder = str(row["holderLabel"]) if row["holderLabel"] else self.w("no_holder")
            dates = [f"{self.w('since')} {row['since']}" if row["since"] else "",
                     f"{self.w('until')} {row['until']}" if row["until"] else "",
                     f"{self.w('named_in')} {row['namedIn']}" if row["namedIn"] else ""]
            when = ", ".join(d for d in dates if d)
            items.append(self.item(f"{row['title']}: {holder}" + (f" ({when})" if when else ""), row["post"]))
        return self.cell(items)

    def placement(self, rows: list[Mapping[str, Plain]]) -> Cell:
        posts = {str(r["post"]): r for r in rows}
        return self.cell([self.item(f"{r['placementLabel']} ({r['title']})", post, {post})
                          for post, r in posts.items()])

    def bodies(self, things: list[Mapping[str, Plain]]) -> Cell:
        items = []
        for thing in sorted(things, key=lambda t: STATUS_ORDER.get(str(t["status"]), 9)):
            parts = [f"{self.w('since')} {thing['begin']}" if thing["begin"] else ""]
            if thing["endedBy"]:
                parts.append(f"{self.w('replaced_by')} {self.label(thing['endedBy'])}"
                             + (f" {thing['end']}" if thing["end"] else ""))
            elif thing["end"]:
                parts.append(f"{self.w('until')} {thing['end']}")
            if thing["status"] in STATUS_WORD:
                parts.append(self.w(STATUS_WORD[str(thing["status"])]))
            detail = ", ".join(p for p in parts if p)
            items.append(self.item(f"{thing['thingLabel']}" + (f" ({detail})" if detail else ""), thing["thing"]))
        return self.cell(items)

    def compositions(self, rows: list[Mapping[str, Plain]], things: list[Mapping[str, Plain]]) -> Cell:
        ended = {str(t["thing"]) for t in things if t["status"] == "ended"}
        items = []
        for row in rows:
            if not row["composition"] or str(row["body"]) in ended:
                continue
            text = f"{row['bodyLabel']}: {row['members']} {self.w('members')}"
            if row["elected"] is not None:
                text += f", {row['elected']} {self.w('elected')}"
            if row["compositionDate"]:
                text += f" ({self.w('as_of')} {row['compositionDate']})"
            items.append(self.item(text, row["body"], {str(row["composition"])}))
        return self.cell(items)

    def plans(self, rows: list[Mapping[str, Plain]], things: list[Mapping[str, Plain]], in_force: Plain) -> Cell:
        periods = {str(t["thing"]): t for t in things if t["kind"] == "plan"}
        items = []
        for row in rows:
            period = periods.get(str(row["plan"]), {})
            span = "–".join(str(p) for p in (period.get("begin"), period.get("end")) if p)
            parts = [str(row["kindLabel"] or ""), f"{self.w('adopted')} {row['adopted']}" if row["adopted"] else "",
                     span, self.w("from_adoption") if row["validity"] == "from adoption until replaced" else "",
                     self.w("not_certain") if row["certain"] is False else ""]
            items.append(self.item(f"{row['planLabel']} ({', '.join(p for p in parts if p)})", row["plan"]))
        if items:
            return self.cell(items)
        # cq08: false = plans are recorded and none is in force on the date; empty = not recorded
        # (also where recorded plans state neither validity nor adoption: said so)
        if in_force is False:
            return self.cell([], self.w("none_in_force"), RECORDED)
        return self.cell([], self.w("plans_undated") if periods else "", NOT_RECORDED)

    def networks(self, rows: list[Mapping[str, Plain]]) -> Cell:
        by_network: dict[str, list] = {}
        for row in rows:
            by_network.setdefault(str(row["network"]), []).append(row)
        items = []
        for network, counts in by_network.items():
            said = [f"{QUALIFIERS.get(str(c['qualifier']), {}).get(self.lang, '')}{c['count']} "
                    f"{UNITS.get(str(c['unit']), {}).get(self.lang, c['unit'])} ({c['countDate']})"
                    for c in sorted(counts, key=lambda c: c["latest"] or date.min, reverse=True)
                    if c["count"] is not None]
            item = self.item(f"{counts[0]['networkLabel']}: " + ("; ".join(said) or self.w("no_count")), network)
            item.conflict = item.conflict or any(c["conflictsWith"] for c in counts)
            items.append(item)
        return self.cell(items)

    def density(self, rows: list[Mapping[str, Plain]], city: City, networks: list) -> Cell:
        if not rows:
            return self.cell([])
        row = rows[0]
        text = (f"{number(row['per100k'], self.lang)} ({row['memberOrganisations']} / "
                f"{number(row['population'], self.lang, 0)}; {row['networks']} {self.w('networks_counted')}; "
                f"{self.w('latest_count')} {row['latestCount']}; {self.w('population_as_of')} {row['populationDate']})")
        seated = {str(r["network"]) for r in networks if r["municipality"] == city.iri and r["seated"]}
        item = Item(text, city.iri)
        for network in sorted(seated):
            item.sources += self.item("", network).sources
        item.sources += self.population(city).sources
        item.sources = list({s.iri: s for s in item.sources}.values())
        return self.cell([item], WORDS_LOWER_BOUND[self.lang])

    def cooperation(self, rows: list[Mapping[str, Plain]]) -> Cell:
        by_cooperation: dict[str, list] = {}
        for row in rows:
            by_cooperation.setdefault(str(row["cooperation"]), []).append(row)
        items = []
        for cooperation, found in by_cooperation.items():
            first = found[0]
            partners = ", ".join(dict.fromkeys(str(r["organisationLabel"]) for r in found if r["organisationLabel"]))
            dates = ", ".join(d for d in (f"{self.w('since')} {first['since']}" if first["since"] else "",
                                          f"{self.w('until')} {first['until']}" if first["until"] else "") if d)
            text = f"{first['cooperationLabel']} ({first['formLabel']})"
            text += f" {self.w('with')} {partners}" if partners else ""
            items.append(self.item(text + (f", {dates}" if dates else ""), cooperation))
        return self.cell(items)

    def sites(self, things: list[Mapping[str, Plain]]) -> Cell:
        items = []
        for thing in things:
            span = "–".join(dict.fromkeys(str(p) for p in (thing["begin"], thing["end"]) if p))
            items.append(self.item(f"{thing['thingLabel']}" + (f" ({span})" if span else ""), thing["thing"]))
        return self.cell(items)

    def fundings(self, rows: list[Mapping[str, Plain]], duration: str) -> Cell:
        chosen = {str(r["funding"]): r for r in rows if r["duration"] == duration}
        items = []
        for funding, row in chosen.items():
            parts = [f"{self.w('funder')} {self.label(row['funder'])}" if row["funder"] else "",
                     f"{number(row['annualEUR'], self.lang)} {self.w('per_year')}" if row["annualEUR"] is not None else "",
                     f"{number(row['totalEUR'], self.lang)} {self.w('in_total')}" if row["totalEUR"] is not None else "",
                     "–".join(str(p) for p in (row["from"], row["to"]) if p)]
            item = self.item(f"{row['fundingLabel'] or self.label(funding)} ({', '.join(p for p in parts if p)})", funding)
            item.conflict = item.conflict or bool(row["conflictsWith"])
            items.append(item)
        return self.cell(items)

    def funding_per_capita(self, rows: list[Mapping[str, Plain]], city: City) -> Cell:
        long_term = {str(r["funding"]): r for r in rows if r["duration"] == "long-term"}
        amounts = [r["annualEUR"] for r in long_term.values() if isinstance(r["annualEUR"], (int, float, Decimal))]
        if not amounts or not city.population:
            return self.cell([])
        per_head = float(sum(amounts)) / city.population
        text = (f"{number(per_head, self.lang)} {self.w('eur_per_inhabitant')} "
                f"({self.w('population_as_of')} {city.population_date.isoformat() if city.population_date else ''})")
        item = Item(text, city.iri)
        for funding in long_term:
            item.sources += self.item("", funding).sources
        item.sources += self.population(city).sources
        item.sources = list({s.iri: s for s in item.sources}.values())
        note = self.w("without_amount") if len(amounts) < len(long_term) else ""
        return self.cell([item], note)

    # -- charts -----------------------------------------------------------------------------------

    def bars(self, per_city, together, rows: list[Row]) -> dict:
        """Counts and per-capita figures per city, for bar charts (None: not recorded)."""
        timeline = _by_city(together["cq21"])
        counts, per_capita = [], []
        for city in self.cities:
            things = timeline.get(city.iri, [])
            density = per_city["cq10"][city.iri]
            networks = {str(r["network"]) for r in together["cq19"] if r["municipality"] == city.iri}
            counts.append({
                "advisory_bodies": sum(1 for t in things if t["kind"] == "advisory-body" and t["status"] == "in-force"),
                "mo_networks": len(networks),
                "member_organisations": density[0]["memberOrganisations"] if density else None,
                "project_sites": sum(1 for t in things if t["kind"] == "project"),
                "events": sum(1 for t in things if t["kind"] == "event"),
            })
            per_capita.append({
                "mo_per_100k": float(density[0]["per100k"]) if density else None,
                "events_per_100k": (round(counts[-1]["events"] * 100000 / city.population, 2)
                                    if city.population else None),
            })
        return {"cities": [c.name for c in self.cities], "counts": counts, "per_capita": per_capita}

    def timeline(self, rows) -> list[dict]:
        """Councils, plans, project sites and events with a recorded beginning, as decimal years."""
        names = {c.iri: c.name for c in self.cities}
        found = []
        for row in rows:
            if not isinstance(row["beginEarliest"], date):
                continue
            end = row["endLatest"] if isinstance(row["endLatest"], date) else None
            found.append({"city": names.get(str(row["municipality"]), ""), "kind": str(row["kind"]),
                          "label": str(row["thingLabel"] or ""), "begin": _year(row["beginEarliest"]),
                          "end": _year(end) if end else None, "beginText": row["begin"] or "",
                          "endText": row["end"] or "", "status": str(row["status"])})
        return found


WORDS_LOWER_BOUND = {"en": "A lower bound: organisations outside the networks and networks without a count "
                           "are missing (cq10).",
                     "de": "Eine Untergrenze: Organisationen außerhalb der Verbünde und Verbünde ohne Zählung "
                           "fehlen (cq10)."}


def _by_city(rows) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for row in rows:
        grouped.setdefault(str(row["municipality"]), []).append(row)
    return grouped


def _year(day: date) -> float:
    """A day as a decimal year (2024-07-01 is about 2024.5), for a linear time axis."""
    start = date(day.year, 1, 1)
    return round(day.year + (day - start).days / 365.25, 3)
