"""What a comparison of municipalities is made of (kg.compare builds it, kg.compare_rows fills its
rows): cities, rows of cells, items with their sources, and the words its cells are said in."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from kg import iris

MIN_CITIES, MAX_CITIES = 2, 6
RECORDED, NOT_RECORDED, CONFLICT = "recorded", "not-recorded", "conflict"
NOT_RECORDED_TEXT = {"en": "not recorded", "de": "nicht erfasst"}
SAMOFA = iris.ID + "project/samo-fa"
GLEICH = iris.ID + "project/gleich-teilhaben"

# The rows, in the order shown: key -> (English, German) heading
ASPECTS: dict[str, dict[str, str]] = {
    "population": {"en": "Population", "de": "Einwohnerzahl"},
    "elements": {"en": "Structural elements on the date", "de": "Strukturelemente am Stichtag"},
    "development_type": {"en": "Development type", "de": "Entwicklungstyp"},
    "commissioner": {"en": "Commissioner (holder)", "de": "Beauftragte*r (Inhaber*in)"},
    "commissioner_placement": {"en": "Where the commissioner's post sits", "de": "Wo die Beauftragtenstelle verortet ist"},
    "advisory_body": {"en": "Advisory body (since, until)", "de": "Migrationsgremium (seit, bis)"},
    "advisory_composition": {"en": "How the advisory body is composed", "de": "Zusammensetzung des Gremiums"},
    "plan": {"en": "Plan in force on the date (period)", "de": "Am Stichtag geltender Plan (Zeitraum)"},
    "mo_networks": {"en": "MO networks and their dated member counts", "de": "MO-Verbünde und ihre datierten Mitgliederzahlen"},
    "mo_density": {"en": "Member organisations per 100,000 inhabitants (lower bound)",
                   "de": "Mitgliedsorganisationen je 100.000 Einwohner*innen (Untergrenze)"},
    "cooperation": {"en": "Cooperation forms with MOs", "de": "Kooperationsformen mit MO"},
    "project_samofa": {"en": "Participation in samo.fa", "de": "Beteiligung an samo.fa"},
    "project_gleich": {"en": "Participation in GLEICH teilhaben", "de": "Beteiligung an GLEICH teilhaben"},
    "project_other": {"en": "Other projects", "de": "Andere Projekte"},
    "funding_long_term": {"en": "Long-term funding", "de": "Dauerhafte Förderung"},
    "funding_project": {"en": "Project (time-limited) funding", "de": "Projektförderung (befristet)"},
    "funding_per_capita": {"en": "Long-term funding per inhabitant and year", "de": "Dauerhafte Förderung je Einwohner*in und Jahr"},
}
WORDS: dict[str, dict[str, str]] = {
    "yes": {"en": "yes", "de": "ja"},
    "not_in_force": {"en": "recorded, not in force on the date", "de": "erfasst, am Stichtag nicht in Kraft"},
    "none_in_force": {"en": "recorded, none in force on the date", "de": "erfasst, am Stichtag keiner in Kraft"},
    "as_of": {"en": "as of", "de": "Stand"},
    "since": {"en": "since", "de": "seit"},
    "until": {"en": "until", "de": "bis"},
    "named_in": {"en": "named as holder as of", "de": "als Inhaber*in genannt, Stand"},
    "no_holder": {"en": "holder not recorded", "de": "Besetzung nicht erfasst"},
    "replaced_by": {"en": "replaced by", "de": "ersetzt durch"},
    "ended": {"en": "ended", "de": "beendet"},
    "not_yet": {"en": "not yet begun", "de": "noch nicht begonnen"},
    "uncertain": {"en": "in force on the date not certain", "de": "am Stichtag nicht sicher in Kraft"},
    "members": {"en": "members", "de": "Mitglieder"},
    "elected": {"en": "elected by migrant residents", "de": "von Migrant*innen gewählt"},
    "adopted": {"en": "adopted", "de": "beschlossen"},
    "not_certain": {"en": "in force not certain", "de": "Geltung nicht sicher"},
    "from_adoption": {"en": "from adoption until replaced", "de": "ab Beschluss bis zur Ersetzung"},
    "no_count": {"en": "size not recorded", "de": "Größe nicht erfasst"},
    "networks_counted": {"en": "networks counted", "de": "gezählte Verbünde"},
    "latest_count": {"en": "latest count", "de": "jüngste Zählung"},
    "population_as_of": {"en": "population as of", "de": "Einwohnerzahl Stand"},
    "with": {"en": "with", "de": "mit"},
    "per_year": {"en": "EUR per year", "de": "EUR pro Jahr"},
    "in_total": {"en": "EUR in total", "de": "EUR insgesamt"},
    "funder": {"en": "funded by", "de": "gefördert von"},
    "eur_per_inhabitant": {"en": "EUR per inhabitant and year", "de": "EUR je Einwohner*in und Jahr"},
    "without_amount": {"en": "fundings without a stated amount are not counted",
                       "de": "Förderungen ohne angegebenen Betrag sind nicht mitgezählt"},
    "plans_undated": {"en": "plans are recorded, but not whether one is in force on the date (no stated "
                            "validity or adoption)",
                      "de": "Pläne sind erfasst, aber nicht, ob einer am Stichtag gilt (weder Geltung noch "
                            "Beschluss angegeben)"},
    "development_type_note": {"en": "this project's classification by fixed rules (query cq18) from what is "
                                    "recorded, not a statement of a source",
                              "de": "Klassifikation dieses Projekts nach festen Regeln (Abfrage cq18) aus dem "
                                    "Erfassten, keine Aussage einer Quelle"},
}
QUALIFIERS = {"exact": {"en": "", "de": ""}, "at-least": {"en": "at least ", "de": "mindestens "},
              "more-than": {"en": "more than ", "de": "mehr als "}, "approximately": {"en": "about ", "de": "etwa "}}
UNITS = {"member-organisations": {"en": "member organisations", "de": "Mitgliedsorganisationen"},
         "founding-members": {"en": "founding members", "de": "Gründungsmitglieder"},
         "persons": {"en": "persons", "de": "Personen"}, "staff": {"en": "staff", "de": "Beschäftigte"}}
ELEMENTS = (("commissioner", {"en": "Commissioner", "de": "Beauftragte*r"}),
            ("advisoryBody", {"en": "Advisory body", "de": "Migrationsgremium"}),
            ("planInForce", {"en": "Plan in force", "de": "Geltender Plan"}),
            ("moNetwork", {"en": "MO network", "de": "MO-Verbund"}),
            ("cooperationForm", {"en": "Cooperation form with MOs", "de": "Kooperationsform mit MO"}),
            ("longTermFunding", {"en": "Long-term funding", "de": "Dauerhafte Förderung"}))


@dataclass(frozen=True)
class Source:
    iri: str  # the source's address (sources are their URLs)
    accessed: date | None


@dataclass
class Item:
    """One value in a cell: a text, the thing it is about (linked) and where it comes from."""
    text: str
    subject: str | None = None
    sources: list[Source] = field(default_factory=list)
    conflict: bool = False


@dataclass
class Cell:
    items: list[Item] = field(default_factory=list)
    status: str = NOT_RECORDED
    note: str = ""  # what the cell's figure rests on, or why nothing is there

    @property
    def sources(self) -> list[Source]:
        seen: dict[str, Source] = {}
        for item in self.items:
            for source in item.sources:
                seen.setdefault(source.iri, source)
        return list(seen.values())


@dataclass
class Row:
    key: str
    label: str
    cells: list[Cell]


@dataclass(frozen=True)
class City:
    ags: str
    iri: str
    name: str
    land: str
    population: int | None
    population_date: date | None


@dataclass
class Comparison:
    on: date
    lang: str
    cities: list[City]
    rows: list[Row]
    bars: dict  # chart data: counts and per-capita figures per city
    timeline: list[dict]  # chart data: councils, plans, projects, events per city



def number(value: float | int | Decimal, lang: str, digits: int = 2) -> str:
    """A figure as the language writes it, to at most `digits` decimals."""
    text = f"{float(value):,.{digits}f}".rstrip("0").rstrip(".") if digits else f"{float(value):,.0f}"
    return text.translate(str.maketrans(",.", ".,")) if lang == "de" else text
