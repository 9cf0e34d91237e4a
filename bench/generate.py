"""A deterministic synthetic graph in the integration-kg ontology, for benchmarks.

    python bench/generate.py --scale 1 --out var/bench/synthetic.nt

At scale 1: 16 Länder, 400 districts and independent cities, about 11,000 municipalities with AGS
and population, about 20,000 migrant organisations in about 200 networks, administrations and
their units, commissioners, advisory bodies, about 3,000 plans with periods, about 60,000 events
with contributions, memberships, cooperations, projects and funding: about 1.5 million triples.
`--scale` multiplies the counts (0.05 for quick runs); `--seed` picks another graph of the same
shape. The same arguments always give the same bytes.

Everything lives in its own namespace, https://w3id.org/integration-kg/synthetic/, and every
German label says "synthetisch", so the data can never be taken for, or mixed with, the curated
data in data/. Facts are written as ontology/MODELLING.md shows (dates as time:Instant with the
stated precision and comparable bounds, periods as time:Interval, ikg:statedIn citations on every
fact node), with the real ontology terms and concepts, so that queries/cq/*.rq find answers and
the output conforms to shapes/integration-shapes.ttl (checked at small scale in tests).

Output is N-Triples (fast to write and to load), written in one pass.
"""

from __future__ import annotations

import argparse
import calendar
import math
import random
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

SYN = "https://w3id.org/integration-kg/synthetic/"
ID = SYN + "id/"
SOURCE = SYN + "source/"

IKG = "https://w3id.org/integration-kg/ontology#"
CONCEPT = "https://w3id.org/integration-kg/id/concept/"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
ORG = "http://www.w3.org/ns/org#"
TIME = "http://www.w3.org/2006/time#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
FOAF = "http://xmlns.com/foaf/0.1/"
DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
QB = "http://purl.org/linked-data/cube#"

SYNTHETIC = "synthetisch"
ACCESSED = "2026-01-15"


def ikg(term: str) -> str:
    return f"<{IKG}{term}>"


def concept(scheme: str, key: str) -> str:
    return f"<{CONCEPT}{scheme}/{key}>"


LABEL = f"<{RDFS}label>"
A = RDF_TYPE

# Länder: code, number of districts and independent cities (about the real ones, 400 in all).
LAENDER = [
    ("01", 15), ("02", 1), ("03", 45), ("04", 2), ("05", 53), ("06", 26), ("07", 36), ("08", 44),
    ("09", 96), ("10", 6), ("11", 1), ("12", 18), ("13", 8), ("14", 13), ("15", 14), ("16", 22),
]
CITY_STATES = {"02", "11"}  # one municipality each, of kind stadtstaat
MUNICIPALITIES_PER_DISTRICT = 36

SYLLABLES_A = ["Alt", "Neu", "Ober", "Unter", "Groß", "Klein", "Hoh", "Nieder", "Mittel", "Ost",
               "West", "Nord", "Süd", "Kirch", "Wald", "Berg", "Bach", "Lin", "Ha", "Ro", "Wen",
               "Ei", "Sal", "Mar", "Fal", "Stein", "Bruch", "Hag", "Asch", "Bir"]
SYLLABLES_B = ["", "en", "er", "ing", "ach", "au", "el", "ol", "ers", "ig"]
SYLLABLES_C = ["berg", "feld", "hausen", "dorf", "heim", "stadt", "au", "bach", "brück", "burg",
               "hagen", "rode", "stedt", "kirchen", "furt", "wald", "born", "leben", "tal", "weiler"]
GIVEN = ["Aylin", "Mehmet", "Olga", "Samuel", "Fatma", "Jonas", "Amina", "Lukas", "Nadia", "Tarek",
         "Elena", "Yusuf", "Marta", "Kofi", "Irina", "Paul", "Leyla", "Dario", "Hanna", "Omar",
         "Sofia", "Emre", "Grace", "Milan", "Zeynep", "Felix", "Rana", "Ivan", "Clara", "Bashir"]
FAMILY = ["Yılmaz", "Schmidt", "Nowak", "Okafor", "Kaya", "Müller", "Haddad", "Petrov", "Weber",
          "Mensah", "Demir", "Fischer", "Kovač", "Rahimi", "Wagner", "Popescu", "Becker", "Nguyen",
          "Şahin", "Hoffmann", "Ivanova", "Schulz", "Diallo", "Koch", "Aydın", "Richter", "Santos",
          "Klein", "Hassan", "Wolf"]
MO_WORDS = ["Kulturverein", "Elternverein", "Frauenverein", "Jugendverein", "Sportverein",
            "Bildungsverein", "Begegnungsverein", "Gemeinschaft", "Forum", "Initiative",
            "Hilfeverein", "Nachbarschaftsverein"]
MO_ORIGINS = ["afrikanischer", "arabischer", "türkeistämmiger", "kurdischer", "polnischer",
              "russischsprachiger", "vietnamesischer", "syrischer", "ukrainischer", "griechischer",
              "italienischer", "spanischsprachiger", "afghanischer", "eritreischer", "iranischer",
              "internationaler"]

BODY_KINDS = ["auslaenderbeirat", "integrationsbeirat", "integrationsrat", "migrationsbeirat",
              "integrations-und-auslaenderbeirat", "integration-commission", "integration-committee",
              "migrant-forum"]
BODY_NAMES = {"auslaenderbeirat": "Ausländerbeirat", "integrationsbeirat": "Integrationsbeirat",
              "integrationsrat": "Integrationsrat", "migrationsbeirat": "Migrationsbeirat",
              "integrations-und-auslaenderbeirat": "Integrations- und Ausländerbeirat",
              "integration-commission": "Integrationskommission",
              "integration-committee": "Ausschuss für Integration", "migrant-forum": "Migrant*innenforum"}
PLAN_KINDS = [("integration-concept", "Integrationskonzept"), ("action-plan", "Aktionsplan Integration"),
              ("guidelines", "Leitlinien Integration"), ("master-plan", "Masterplan Integration"),
              ("mission-statement", "Leitbild Integration"), ("programme", "Integrationsprogramm")]
FIELDS = ["anti-discrimination", "arrival-refugees", "civic-engagement", "culture-leisure-sport",
          "education", "health", "housing", "intercultural-opening", "language",
          "political-participation", "social-participation", "work"]
PARTICIPATION = ["consultation", "drafting", "none", "steering"]
COOP_FORMS = ["agreement", "cooperation-corridor", "engagement-base", "joint-body",
              "network-membership", "project-partnership", "service-contract"]
COOP_NAMES = {"agreement": "Kooperationsvereinbarung", "cooperation-corridor": "Kooperationskorridor",
              "engagement-base": "Engagement-Stützpunkt", "joint-body": "Gemeinsames Gremium",
              "network-membership": "Netzwerkmitgliedschaft", "project-partnership": "Projektpartnerschaft",
              "service-contract": "Leistungsvertrag"}
FUNDING_KINDS = ["institutional-funding", "statutory-funding", "project-funding", "structural-funding"]
EVENT_KINDS = ["anniversary", "conference", "dialogue-conference", "integration-conference",
               "kick-off-meeting", "presentation", "regional-conference", "site-visit", "working-meeting"]
EVENT_NAMES = {"anniversary": "Jubiläum", "conference": "Fachtagung",
               "dialogue-conference": "Dialogkonferenz", "integration-conference": "Integrationskonferenz",
               "kick-off-meeting": "Auftakttreffen", "presentation": "Vorstellung",
               "regional-conference": "Regionalkonferenz", "site-visit": "Besuch vor Ort",
               "working-meeting": "Arbeitsgespräch"}
PERSPECTIVES = ["academic", "civil-society", "migrant", "municipal", "political", "welfare"]
CONTRIBUTION_KINDS = ["discussion", "greeting", "input", "moderation", "panel", "talk"]
PRINCIPLES = ["cooperation-corridors", "indispensability-of-migrant-organisations", "mutual-approach"]
SELECTION = ["elected-by-migrant-residents", "appointed-from-council", "delegated-by-organisations",
             "appointed-experts"]
UNIT_KINDS = [("integration-office", "Integrationsbüro"), ("staff-unit", "Stabsstelle Integration"),
              ("department", "Amt für Migration und Integration"),
              ("municipal-integration-centre", "Kommunales Integrationszentrum"),
              ("social-office", "Sozialamt, Sachgebiet Integration")]


# ---------------------------------------------------------------------------------------------
# Terms and the writer


def lit(text: str, lang: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"@{lang}' if lang else f'"{escaped}"'


def typed(value: object, datatype: str) -> str:
    return f'"{value}"^^<{XSD}{datatype}>'


def de(text: str) -> str:
    """A German label that says it is synthetic."""
    return lit(f"{text} ({SYNTHETIC})", "de")


def node(kind: str, key: str) -> str:
    return f"<{ID}{kind}/{key}>"


class Writer:
    """Writes N-Triples lines in order, with blank-node labels counted from 1 (so: deterministic)."""

    def __init__(self, out) -> None:
        self.out = out
        self.buffer: list[str] = []
        self.triples = 0
        self.blank = 0

    def t(self, s: str, p: str, o: str) -> None:
        self.buffer.append(f"{s} {p} {o} .\n")
        if len(self.buffer) >= 20000:
            self.flush()

    def fact(self, s: str, cls: str, label: str, kind: tuple[str, str], municipality: str) -> None:
        """A municipality's fact of some kind: type, German label, (kind property, value), municipality."""
        for p, o in ((A, ikg(cls)), (LABEL, de(label)), kind, (ikg("municipality"), municipality)):
            self.t(s, p, o)

    def bnode(self) -> str:
        self.blank += 1
        return f"_:b{self.blank}"

    def flush(self) -> None:
        self.triples += len(self.buffer)
        self.out.write("".join(self.buffer))
        self.buffer.clear()


# ---------------------------------------------------------------------------------------------
# Dates


@dataclass(frozen=True)
class When:
    """A date as a source states it: day, month or year, with its comparable bounds."""
    day: date
    precision: str  # "day" | "month" | "year"

    @property
    def earliest(self) -> date:
        if self.precision == "day":
            return self.day
        if self.precision == "month":
            return self.day.replace(day=1)
        return date(self.day.year, 1, 1)

    @property
    def latest(self) -> date:
        if self.precision == "day":
            return self.day
        if self.precision == "month":
            return self.day.replace(day=calendar.monthrange(self.day.year, self.day.month)[1])
        return date(self.day.year, 12, 31)


def instant(w: Writer, when: When) -> str:
    b = w.bnode()
    w.t(b, A, f"<{TIME}Instant>")
    if when.precision == "day":
        w.t(b, f"<{TIME}inXSDDate>", typed(when.day.isoformat(), "date"))
    elif when.precision == "month":
        w.t(b, f"<{TIME}inXSDgYearMonth>", typed(when.day.strftime("%Y-%m"), "gYearMonth"))
    else:
        w.t(b, f"<{TIME}inXSDgYear>", typed(when.day.year, "gYear"))
    w.t(b, ikg("earliest"), typed(when.earliest.isoformat(), "date"))
    w.t(b, ikg("latest"), typed(when.latest.isoformat(), "date"))
    return b


def interval(w: Writer, begin: When, end: When | None) -> str:
    b = w.bnode()
    w.t(b, A, f"<{TIME}Interval>")
    w.t(b, f"<{TIME}hasBeginning>", instant(w, begin))
    if end is not None:
        w.t(b, f"<{TIME}hasEnd>", instant(w, end))
    return b


# ---------------------------------------------------------------------------------------------
# The model kept while writing (only what later parts refer to)


@dataclass
class Municipality:
    ags: str
    name: str
    land: str
    kind: str
    population: int
    district: str | None = None  # AGS of the Landkreis
    iri: str = ""
    active: bool = False
    administration: str | None = None
    council: str | None = None
    units: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)  # MOs seated here
    networks: list[str] = field(default_factory=list)


class Generator:
    def __init__(self, w: Writer, scale: float, seed: int) -> None:
        self.w = w
        self.scale = scale
        self.rng = random.Random(seed)
        self.citations: dict[str, str] = {}
        self.sources: dict[str, str] = {}
        self.municipalities: list[Municipality] = []
        self.persons: list[str] = []
        self.names_used: dict[str, int] = {}
        # below scale 0.05, districts get fewer municipalities too (for tiny test graphs)
        self.per_district = MUNICIPALITIES_PER_DISTRICT if scale >= 0.05 else max(3, round(MUNICIPALITIES_PER_DISTRICT * scale * 20))

    # -- small helpers -------------------------------------------------------------------------

    def n(self, count: float) -> int:
        return max(1, round(count * self.scale))

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def place_name(self) -> str:
        r = self.rng
        name = r.choice(SYLLABLES_A) + r.choice(SYLLABLES_B) + r.choice(SYLLABLES_C)
        seen = self.names_used.get(name, 0)
        self.names_used[name] = seen + 1
        return name if not seen else f"{name} {seen + 1}"

    def when(self, start_year: int, end_year: int, precisions=(("day", 0.8), ("month", 0.15), ("year", 0.05))) -> When:
        days = (date(end_year, 12, 31) - date(start_year, 1, 1)).days
        day = date(start_year, 1, 1) + timedelta(days=self.rng.randrange(days + 1))
        x = self.rng.random()
        for precision, p in precisions:
            if x < p:
                return When(day, precision)
            x -= p
        return When(day, precisions[-1][0])

    def source(self, key: str, title: str) -> str:
        iri = self.sources.get(key)
        if iri is None:
            iri = f"<{SOURCE}{key}>"
            self.sources[key] = iri
            w = self.w
            w.t(iri, A, ikg("Source"))
            w.t(iri, f"<{DCT}title>", de(title))
            w.t(iri, ikg("reliability"), concept("source-reliability", self.pick(["high", "medium", "primary-self-reported"])))
        return iri

    def citation(self, key: str, source_key: str, source_title: str, fact_file: str) -> str:
        """One citation per (source, fact-file row); created on first use."""
        iri = self.citations.get(key)
        if iri is None:
            iri = node("citation", key)
            self.citations[key] = iri
            w = self.w
            w.t(iri, A, ikg("Citation"))
            w.t(iri, ikg("citedSource"), self.source(source_key, source_title))
            w.t(iri, ikg("accessedOn"), typed(ACCESSED, "date"))
            w.t(iri, ikg("factFile"), lit(fact_file))
            w.t(iri, ikg("factRow"), typed(len(self.citations), "integer"))
        return iri

    def cite(self, m: Municipality, topic: str) -> str:
        return self.citation(f"{m.ags}-{topic}", m.ags, f"Angaben zu {m.name}", f"synthetic-{topic}.csv")

    def person(self) -> str:
        return self.pick(self.persons)

    # -- parts of the graph ----------------------------------------------------------------------

    def write_all(self) -> None:
        self.globals()
        self.territory()
        self.write_persons()
        self.infrastructure()
        self.organisations()
        self.projects()
        self.events()
        self.w.flush()

    def globals(self) -> None:
        w = self.w
        self.cite_federal = self.citation("federal", "federal", "Bundesweite Angaben", "synthetic-federal.csv")
        w.t(node("dataset", "population"), A, f"<{QB}DataSet>")
        w.t(node("dataset", "population"), LABEL, de("Einwohnerzahlen"))
        w.t(node("dataset", "population"), f"<{QB}structure>", ikg("populationStructure"))
        w.t(node("dataset", "counts"), A, f"<{QB}DataSet>")
        w.t(node("dataset", "counts"), LABEL, de("Zählungen"))
        w.t(node("dataset", "counts"), f"<{QB}structure>", ikg("countStructure"))
        self.federation = node("organisation", "bundesverband")
        w.t(self.federation, A, ikg("FederalAssociation"))
        w.t(self.federation, LABEL, de("Bundesverband der Migrant*innenorganisationen"))
        w.t(self.federation, ikg("founded"), instant(w, When(date(2015, 5, 18), "day")))
        w.t(self.federation, ikg("statedIn"), self.cite_federal)
        self.ministry = node("organisation", "bundesministerium")
        w.t(self.ministry, A, ikg("PublicBody"))
        w.t(self.ministry, LABEL, de("Bundesministerium für Integration"))
        w.t(self.ministry, ikg("statedIn"), self.cite_federal)

    def territory(self) -> None:
        w, r = self.w, self.rng
        self.land_bodies: dict[str, str] = {}
        for code, districts in LAENDER:
            land = node("land", code)
            cite = self.citation(f"land-{code}", "statistics", "Gemeindeverzeichnis", "synthetic-municipalities.csv")
            w.t(land, A, ikg("Land"))
            w.t(land, LABEL, de(f"Land {code}"))
            w.t(land, ikg("landCode"), lit(code))
            w.t(land, ikg("officialName"), lit(f"Land {code} ({SYNTHETIC})"))
            w.t(land, ikg("statedIn"), cite)
            ministry = node("organisation", f"land-{code}-ministerium")
            w.t(ministry, A, ikg("PublicBody"))
            w.t(ministry, LABEL, de(f"Integrationsministerium Land {code}"))
            w.t(ministry, ikg("statedIn"), cite)
            self.land_bodies[code] = ministry
            if code in CITY_STATES:
                population = 3_600_000 if code == "11" else 1_850_000
                self.add_municipality(Municipality(f"{code}000000", self.place_name(), code, "stadtstaat", population), cite)
                continue
            count = self.n(districts)
            independent = max(1, round(count * 0.27)) if count > 1 else (1 if code == "04" else 0)
            for d in range(count):
                r_digit, kk = d // 99 % 10, d % 99 + 1
                prefix = f"{code}{r_digit}{kk:02d}"
                if d < independent:
                    population = int(min(1_800_000, max(35_000, r.lognormvariate(math.log(150_000), 0.8))))
                    kind = "stadtkreis" if code == "08" else "kreisfreie-stadt"
                    self.add_municipality(Municipality(f"{prefix}000", self.place_name(), code, kind, population), cite)
                    continue
                district = Municipality(f"{prefix}000", "Landkreis " + self.place_name(), code, "landkreis", 0)
                members = []
                for g in range(1, self.per_district + 1):
                    population = int(min(250_000, max(80, r.lognormvariate(math.log(2_500), 1.25))))
                    if population >= 20_000 and self.chance(0.4):
                        kind = "grosse-kreisstadt"
                    elif population >= 8_000:
                        kind = "kreisangehoerige-stadt"
                    elif code == "09" and self.chance(0.15):
                        kind = "markt"
                    else:
                        kind = "kreisangehoerige-gemeinde"
                    members.append(Municipality(f"{prefix}{g:03d}", self.place_name(), code, kind, population,
                                                district=district.ags))
                district.population = sum(m.population for m in members)
                self.add_municipality(district, cite)
                for m in members:
                    self.add_municipality(m, cite)
        # Which municipalities have a recorded integration infrastructure: all independent cities
        # and districts, towns of 20,000 and more, and a few smaller ones.
        for m in self.municipalities:
            m.active = m.kind in ("stadtstaat", "kreisfreie-stadt", "stadtkreis", "landkreis") \
                or m.population >= 20_000 or self.chance(0.03)

    def add_municipality(self, m: Municipality, cite: str) -> None:
        w = self.w
        m.iri = node("municipality", m.ags)
        self.municipalities.append(m)
        w.t(m.iri, A, ikg("Municipality"))
        w.t(m.iri, LABEL, de(m.name))
        w.t(m.iri, ikg("officialName"), lit(f"{m.name} ({SYNTHETIC})"))
        w.t(m.iri, ikg("ags"), lit(m.ags))
        w.t(m.iri, ikg("inLand"), node("land", m.land))
        w.t(m.iri, ikg("municipalityKind"), concept("municipality-kind", m.kind))
        if m.district:
            w.t(m.iri, ikg("inDistrict"), node("municipality", m.district))
        w.t(m.iri, ikg("statedIn"), cite)
        observations = [(date(2021, 12, 31), m.population)]
        if m.population >= 20_000:
            observations.insert(0, (date(2011, 12, 31), int(m.population * self.rng.uniform(0.9, 1.05))))
        for day, population in observations:
            obs = node("observation", f"population-{m.ags}-{day.isoformat()}")
            w.t(obs, A, ikg("PopulationObservation"))
            w.t(obs, LABEL, de(f"Einwohnerzahl {m.name} {day.strftime('%d.%m.%Y')}"))
            w.t(obs, f"<{QB}dataSet>", node("dataset", "population"))
            w.t(obs, ikg("refArea"), m.iri)
            w.t(obs, ikg("referenceTime"), instant(w, When(day, "day")))
            w.t(obs, ikg("population"), typed(population, "integer"))
            w.t(obs, ikg("statedIn"), cite)

    def write_persons(self) -> None:
        w = self.w
        for i in range(self.n(12_000)):
            name = f"{self.pick(GIVEN)} {self.pick(FAMILY)}"
            p = node("person", f"p{i + 1}")
            w.t(p, A, f"<{FOAF}Person>")
            w.t(p, LABEL, de(name))
            w.t(p, f"<{FOAF}name>", lit(name))
            self.persons.append(p)

    def infrastructure(self) -> None:
        """Administrations, units, commissioners, advisory bodies and plans of the active municipalities."""
        w = self.w
        for m in self.municipalities:
            if not m.active:
                continue
            cite = self.cite(m, "infrastructure")
            m.administration = node("administration", m.ags)
            w.t(m.administration, A, ikg("MunicipalAdministration"))
            w.t(m.administration, LABEL, de(f"Verwaltung {m.name}"))
            w.t(m.administration, ikg("municipality"), m.iri)
            w.t(m.administration, ikg("statedIn"), cite)
            m.council = node("organisation", f"{m.ags}-rat")
            w.t(m.council, A, ikg("PublicBody"))
            w.t(m.council, LABEL, de(f"Rat {m.name}"))
            w.t(m.council, ikg("seatIn"), m.iri)
            w.t(m.council, ikg("statedIn"), cite)
            for u in range(1 + (m.population > 100_000) + self.chance(0.3)):
                kind, title = UNIT_KINDS[(u + self.rng.randrange(len(UNIT_KINDS))) % len(UNIT_KINDS)]
                unit = node("unit", f"{m.ags}-{u + 1}")
                w.t(unit, A, ikg("AdministrativeUnit"))
                w.t(unit, LABEL, de(f"{title} {m.name}"))
                w.t(unit, ikg("unitKind"), concept("unit-kind", kind))
                if u and self.chance(0.5):
                    w.t(unit, f"<{ORG}subOrganizationOf>", m.units[0])
                else:
                    w.t(unit, f"<{ORG}unitOf>", m.administration)
                w.t(unit, ikg("statedIn"), cite)
                m.units.append(unit)
            if self.chance(0.75):
                self.commissioner(m, cite)
            if self.chance(0.6):
                self.advisory_body(m, cite)
            self.plans(m, cite)

    def commissioner(self, m: Municipality, cite: str) -> None:
        w = self.w
        post = node("post", f"{m.ags}-integrationsbeauftragte")
        placement = m.units[0] if self.chance(0.7) else m.administration
        w.t(post, A, ikg("CommissionerPost"))
        w.t(post, LABEL, de(f"Integrationsbeauftragte*r {m.name}"))
        w.t(post, ikg("officialTitle"), lit(self.pick(["Integrationsbeauftragte", "Integrationsbeauftragter",
                                                      "Beauftragte für Migration und Integration"]), "de"))
        w.t(post, f"<{ORG}postIn>", placement)
        w.t(post, ikg("legalBasis"), lit("§ 5 Hauptsatzung", "de"))
        w.t(post, ikg("statedIn"), cite)
        if self.chance(0.1):
            # the legal basis comes from a source of its own
            attribution = node("attribution", f"{m.ags}-integrationsbeauftragte-legal-basis")
            w.t(attribution, A, ikg("PropertyAttribution"))
            w.t(attribution, ikg("attributedNode"), post)
            w.t(attribution, ikg("attributedProperty"), ikg("legalBasis"))
            w.t(attribution, ikg("statedIn"), self.cite(m, "statutes"))
        if self.chance(0.1):
            return  # a post whose holder is not known
        year = self.rng.randint(2000, 2016)
        for k in range(self.rng.randint(1, 3)):
            holder = self.person()
            tenure = node("tenure", f"{m.ags}-integrationsbeauftragte-{k + 1}")
            w.t(tenure, A, ikg("Tenure"))
            w.t(tenure, LABEL, de(f"Integrationsbeauftragte*r {m.name}, Besetzung {k + 1}"))
            w.t(tenure, ikg("tenureOf"), post)
            w.t(tenure, ikg("holder"), holder)
            end_year = year + self.rng.randint(3, 9)
            if self.chance(0.1):
                # a source that only names the holder at a date
                w.t(tenure, ikg("referenceTime"), instant(w, self.when(year, year)))
            else:
                end = self.when(end_year, end_year, (("year", 0.5), ("month", 0.5))) if end_year < 2025 else None
                w.t(tenure, ikg("period"), interval(w, self.when(year, year, (("year", 0.5), ("month", 0.3), ("day", 0.2))), end))
            w.t(tenure, ikg("statedIn"), cite)
            if end_year >= 2025:
                break
            year = end_year + 1

    def advisory_body(self, m: Municipality, cite: str) -> None:
        w, r = self.w, self.rng
        kind = self.pick(BODY_KINDS)
        body = node("body", f"{m.ags}-{kind}")
        w.fact(body, "AdvisoryBody", f"{BODY_NAMES[kind]} {m.name}",
               (ikg("advisoryBodyKind"), concept("advisory-body-kind", kind)), m.iri)
        w.t(body, ikg("termYears"), typed(5, "integer"))
        founded_year = r.randint(1975, 2015)
        how = r.random()
        if how < 0.7:
            w.t(body, ikg("founded"), instant(w, self.when(founded_year, founded_year)))
        elif how < 0.85:
            for k in (1, 2):  # two sources disagree: one establishment event each
                change = node("change", f"{m.ags}-{kind}-founding-{k}")
                other = node("change", f"{m.ags}-{kind}-founding-{3 - k}")
                w.t(change, A, f"<{ORG}ChangeEvent>")
                w.t(change, LABEL, de(f"Gründung {BODY_NAMES[kind]} {m.name} laut Quelle {k}"))
                w.t(change, ikg("changeKind"), concept("change-kind", "establishment"))
                w.t(change, f"<{ORG}resultingOrganization>", body)
                w.t(change, ikg("date"), instant(w, self.when(founded_year + k - 1, founded_year + k - 1)))
                w.t(change, ikg("conflictsWith"), other)
                w.t(change, ikg("statedIn"), cite)
        for c in range(r.randint(1, 2)):
            year = r.randint(max(founded_year + 1, 2010), 2024)
            composition = node("composition", f"{m.ags}-{kind}-{year}-{c + 1}")
            elected = r.randint(5, 20)
            appointed = r.randint(3, 12)
            w.t(body, ikg("hasComposition"), composition)
            w.t(composition, A, ikg("Composition"))
            w.t(composition, LABEL, de(f"Zusammensetzung {BODY_NAMES[kind]} {m.name} {year}"))
            w.t(composition, ikg("totalSeats"), typed(elected + appointed, "integer"))
            w.t(composition, ikg("referenceTime"), instant(w, self.when(year, year, (("year", 0.6), ("month", 0.4)))))
            for seats, method in ((elected, "elected-by-migrant-residents"), (appointed, self.pick(SELECTION[1:]))):
                group = w.bnode()
                w.t(composition, ikg("hasSeatGroup"), group)
                w.t(group, A, ikg("SeatGroup"))
                w.t(group, ikg("seats"), typed(seats, "integer"))
                w.t(group, ikg("selectionMethod"), concept("selection-method", method))
            w.t(composition, ikg("statedIn"), cite)
        if self.chance(0.4):
            year = r.randint(max(founded_year + 1, 2010), 2024)
            election = node("election", f"{m.ags}-{kind}-{year}")
            eligible = max(500, m.population // r.randint(6, 12))
            w.t(election, A, ikg("Election"))
            w.t(election, LABEL, de(f"Wahl {BODY_NAMES[kind]} {m.name} {year}"))
            w.t(election, ikg("electedBody"), body)
            w.t(election, ikg("date"), instant(w, self.when(year, year, (("day", 1.0),))))
            w.t(election, ikg("votingMode"), concept("voting-mode", self.pick(["ballot-box", "postal", "online"])))
            w.t(election, ikg("eligibleVoters"), typed(eligible, "integer"))
            w.t(election, ikg("turnoutPercent"), typed(f"{r.uniform(3, 25):.1f}", "decimal"))
            for i in range(r.randint(2, 4)):
                result = w.bnode()
                w.t(election, ikg("hasResult"), result)
                w.t(result, A, ikg("ElectionResult"))
                w.t(result, ikg("listName"), lit(f"Liste {chr(65 + i)}"))
                w.t(result, ikg("seatsWon"), typed(r.randint(0, 6), "integer"))
            w.t(election, ikg("statedIn"), cite)
        if self.chance(0.08):
            gone = r.randint(max(founded_year + 1, 2012), 2023)
            w.t(body, ikg("dissolved"), instant(w, self.when(gone, gone, (("day", 1.0),))))
        w.t(body, ikg("statedIn"), cite)

    def plans(self, m: Municipality, cite: str) -> None:
        w, r = self.w, self.rng
        count = r.choices([0, 1, 2, 3, 4, 5], weights=[5, 15, 25, 25, 18, 12])[0]
        year = r.randint(2003, 2012)
        previous = None
        for k in range(count):
            kind, title = self.pick(PLAN_KINDS)
            length = r.randint(3, 6)
            plan = node("plan", f"{m.ags}-{kind}-{year}")
            w.fact(plan, "Plan", f"{title} {m.name} {year}", (ikg("planKind"), concept("plan-kind", kind)), m.iri)
            w.t(plan, ikg("adoptedBy"), m.council)
            adopted = self.when(year - 1, year - 1, (("day", 0.8), ("month", 0.2)))
            w.t(plan, ikg("adoptedOn"), instant(w, adopted))
            stated = r.random()
            if stated < 0.55:
                w.t(plan, ikg("validDuring"), interval(w, When(date(year, 1, 1), "year"),
                                                         When(date(year + length, 1, 1), "year")))
            elif stated < 0.8 or k == count - 1:
                w.t(plan, ikg("validDuring"), interval(w, When(date(year, 1, 1), "year"), None))
            # else: no stated period; in force from adoption until replaced (CQ3)
            for f in r.sample(FIELDS, r.randint(1, 4)):
                w.t(plan, ikg("fieldOfAction"), concept("field-of-action", f))
            if self.chance(0.6):
                w.t(plan, ikg("moParticipation"), concept("participation-mode", self.pick(PARTICIPATION)))
            if previous:
                w.t(plan, f"<{DCT}replaces>", previous)
            w.t(plan, ikg("statedIn"), cite)
            previous = plan
            year += length + r.randint(0, 2)
            if year > 2025:
                break

    def organisations(self) -> None:
        """Migrant organisations (seated by population), networks in the larger cities, memberships,
        member counts, cooperations and funding."""
        w, r = self.w, self.rng
        places = [m for m in self.municipalities if m.kind != "landkreis"]
        weights = [m.population for m in places]
        by_ags = {m.ags: m for m in self.municipalities}
        total = self.n(20_000)
        seats = r.choices(range(len(places)), weights=weights, k=total)
        for i, index in enumerate(seats):
            m = places[index]
            mo = node("organisation", f"mo-{i + 1}")
            w.t(mo, A, ikg("MigrantOrganisation"))
            w.t(mo, LABEL, de(f"{self.pick(MO_WORDS)} {self.pick(MO_ORIGINS)} Menschen in {m.name} e.V."))
            w.t(mo, ikg("seatIn"), m.iri)
            if m.district and self.chance(0.2):
                w.t(mo, ikg("activeIn"), node("municipality", m.district))
            if self.chance(0.8):
                w.t(mo, ikg("founded"), instant(w, self.when(1970, 2024)))
            w.t(mo, ikg("statedIn"), self.cite(m, "organisations"))
            m.organisations.append(mo)
        # networks: in the largest cities, the very largest with more than one
        ranked = sorted((m for m in places if m.active), key=lambda m: (-m.population, m.ags))
        wanted = self.n(200)
        slots: list[Municipality] = []
        for rank, m in enumerate(ranked):
            slots.extend([m] * (3 if rank < 5 else 2 if rank < 30 else 1))
            if len(slots) >= wanted:
                break
        for i, m in enumerate(slots[:wanted]):
            net = node("organisation", f"network-{i + 1}")
            cite = self.cite(m, "organisations")
            founded = self.when(1995, 2022, (("day", 0.6), ("month", 0.3), ("year", 0.1)))
            w.t(net, A, ikg("MigrantOrganisationNetwork"))
            w.t(net, LABEL, de(f"Verbund der Migrant*innenorganisationen {m.name} {len(m.networks) + 1}"))
            w.t(net, ikg("seatIn"), m.iri)
            w.t(net, ikg("founded"), instant(w, founded))
            w.t(net, ikg("statedIn"), cite)
            m.networks.append(net)
            if self.chance(0.8):
                ms = node("membership", f"network-{i + 1}-bundesverband")
                since = max(founded.latest + timedelta(days=30), date(2015, 6, 1)) + timedelta(days=r.randrange(2500))
                w.t(ms, A, f"<{ORG}Membership>")
                w.t(ms, LABEL, de(f"Verbund {i + 1} im Bundesverband"))
                w.t(ms, f"<{ORG}member>", net)
                w.t(ms, f"<{ORG}organization>", self.federation)
                w.t(ms, f"<{ORG}role>", concept("membership-role", "founding-member" if since.year == 2015 else "member"))
                w.t(ms, f"<{ORG}memberDuring>", interval(w, When(min(since, date(2025, 12, 31)), "day"), None))
                w.t(ms, ikg("statedIn"), cite)
            for c in range(r.randint(1, 3)):
                year = r.randint(max(founded.day.year + 1, 2012), 2025)
                obs = node("observation", f"count-network-{i + 1}-{c + 1}")
                w.t(obs, A, ikg("CountObservation"))
                w.t(obs, LABEL, de(f"Mitgliedsorganisationen Verbund {i + 1}, {year}"))
                w.t(obs, f"<{QB}dataSet>", node("dataset", "counts"))
                w.t(obs, ikg("countedEntity"), net)
                w.t(obs, ikg("countUnit"), concept("count-unit", "member-organisations"))
                w.t(obs, ikg("referenceTime"), instant(w, self.when(year, year, (("month", 0.5), ("year", 0.3), ("day", 0.2)))))
                w.t(obs, ikg("count"), typed(r.randint(8, 120), "integer"))
                w.t(obs, ikg("countQualifier"), concept("count-qualifier", self.pick(["exact", "exact", "more-than", "at-least", "approximately"])))
                w.t(obs, ikg("statedIn"), cite)
        # member organisations: the MOs seated in a network's city (or, for a district town, its district)
        counter = 0
        for m in self.municipalities:
            if not m.networks:
                continue
            for mo in m.organisations:
                if not self.chance(0.65):
                    continue
                counter += 1
                net = self.pick(m.networks)
                ms = node("membership", f"mo-{counter}")
                w.t(ms, A, f"<{ORG}Membership>")
                w.t(ms, LABEL, de(f"Mitgliedschaft {counter} im Verbund"))
                w.t(ms, f"<{ORG}member>", mo)
                w.t(ms, f"<{ORG}organization>", net)
                w.t(ms, f"<{ORG}role>", concept("membership-role", self.pick(["member"] * 12 + ["chair", "deputy-chair"])))
                if self.chance(0.7):
                    w.t(ms, f"<{ORG}memberDuring>", interval(w, When(date(2025, 1, 1), "year"), None))
                w.t(ms, ikg("statedIn"), self.cite(m, "organisations"))
        # cooperations and funding in the active municipalities
        coop_counter = funding_counter = 0
        for m in self.municipalities:
            if not m.active:
                continue
            partners = m.networks + m.organisations[:20]
            cite = self.cite(m, "cooperation")
            for _ in range(r.choices([0, 1, 2, 3, 4], weights=[20, 30, 25, 15, 10])[0]):
                coop_counter += 1
                form = self.pick(COOP_FORMS)
                coop = node("cooperation", f"{m.ags}-{coop_counter}")
                w.fact(coop, "Cooperation", f"{COOP_NAMES[form]} {m.name} {coop_counter}",
                       (ikg("cooperationForm"), concept("cooperation-form", form)), m.iri)
                w.t(coop, ikg("party"), self.pick(m.units) if m.units and self.chance(0.5) else m.administration)
                if partners and (form != "engagement-base" or self.chance(0.5)):
                    w.t(coop, ikg("party"), self.pick(partners))
                begin = self.when(2008, 2024)
                end = self.when(begin.day.year + 1, 2027) if self.chance(0.4) else None
                w.t(coop, ikg("period"), interval(w, begin, end))
                if self.chance(0.15):
                    w.t(coop, ikg("addressesPrinciple"), concept("principle", self.pick(PRINCIPLES)))
                w.t(coop, ikg("statedIn"), cite)
            recipients = m.units + partners
            for _ in range(r.choices([0, 1, 2, 3, 4, 5], weights=[15, 20, 25, 20, 12, 8])[0]):
                funding_counter += 1
                kind = self.pick(FUNDING_KINDS)
                funding = node("funding", f"{m.ags}-{funding_counter}")
                w.t(funding, A, ikg("Funding"))
                w.t(funding, LABEL, de(f"Förderung {funding_counter} in {m.name}"))
                w.t(funding, ikg("funder"), self.pick([m.administration, self.land_bodies[m.land], self.ministry]))
                w.t(funding, ikg("recipient"), self.pick(recipients))
                w.t(funding, ikg("fundingKind"), concept("funding-kind", kind))
                begin = self.when(2010, 2024, (("year", 0.6), ("month", 0.3), ("day", 0.1)))
                long_term = kind in ("institutional-funding", "statutory-funding")
                end = None if long_term and self.chance(0.7) else self.when(begin.day.year + 1, begin.day.year + 4, (("year", 1.0),))
                w.t(funding, ikg("period"), interval(w, begin, end))
                w.t(funding, ikg("annualAmountEUR"), typed(r.randrange(5_000, 500_000, 500), "decimal"))
                w.t(funding, ikg("statedIn"), cite)
        self.by_ags = by_ags

    def projects(self) -> None:
        w, r = self.w, self.rng
        active = [m for m in self.municipalities if m.active]
        self.project_periods: list[tuple[str, date, date]] = []
        for p in range(self.n(40)):
            start = r.randint(2010, 2021)
            end = start + r.randint(2, 5)
            project = node("project", f"p{p + 1}")
            cite = self.citation(f"project-{p + 1}", f"project-{p + 1}", f"Projekt {p + 1}", "synthetic-projects.csv")
            w.t(project, A, ikg("Project"))
            w.t(project, LABEL, de(f"Projekt {p + 1}"))
            w.t(project, ikg("carrier"), self.federation)
            w.t(project, ikg("period"), interval(w, When(date(start, 1, 1), "year"), When(date(end, 1, 1), "year")))
            w.t(project, ikg("statedIn"), cite)
            self.project_periods.append((project, date(start, 1, 1), date(end, 12, 31)))
            funding = node("funding", f"project-{p + 1}")
            w.t(funding, A, ikg("Funding"))
            w.t(funding, LABEL, de(f"Förderung Projekt {p + 1}"))
            w.t(funding, ikg("funder"), self.ministry)
            w.t(funding, ikg("recipient"), self.federation)
            w.t(funding, ikg("fundedProject"), project)
            w.t(funding, ikg("fundingKind"), concept("funding-kind", self.pick(["project-funding", "structural-funding"])))
            w.t(funding, ikg("period"), interval(w, When(date(start, 1, 1), "year"), When(date(end, 1, 1), "year")))
            w.t(funding, ikg("totalAmountEUR"), typed(r.randrange(200_000, 5_000_000, 1000), "decimal"))
            w.t(funding, ikg("statedIn"), cite)
            for site_index, m in enumerate(r.sample(active, min(len(active), r.randint(20, 80)))):
                site = node("participation", f"p{p + 1}-{m.ags}")
                w.t(site, A, ikg("SiteParticipation"))
                w.t(site, LABEL, de(f"{m.name} im Projekt {p + 1}"))
                w.t(site, ikg("inProject"), project)
                w.t(site, ikg("municipality"), m.iri)
                if m.networks or m.organisations:
                    w.t(site, ikg("localPartner"), self.pick(m.networks or m.organisations))
                if self.chance(0.6):
                    w.t(site, ikg("period"), interval(w, When(date(r.randint(start, end), 1, 1), "year"), None))
                w.t(site, ikg("statedIn"), cite)

    def events(self) -> None:
        w, r = self.w, self.rng
        places = [m for m in self.municipalities if m.kind != "landkreis"]
        weights = [m.population for m in places]
        total = self.n(60_000)
        chosen = r.choices(range(len(places)), weights=weights, k=total)
        for i, index in enumerate(chosen):
            m = places[index]
            kind = self.pick(EVENT_KINDS)
            event = node("event", f"e{i + 1}")
            cite = self.cite(m, "events")
            w.t(event, A, ikg("Event"))
            w.t(event, LABEL, de(f"{EVENT_NAMES[kind]} {m.name} Nr. {i + 1}"))
            w.t(event, ikg("eventKind"), concept("event-kind", kind))
            project = self.pick(self.project_periods) if self.chance(0.1) else None
            if project:
                _, start, end = project
                when = When(start + timedelta(days=r.randrange((end - start).days)), "day")
            else:
                when = self.when(2010, 2025, (("day", 0.85), ("month", 0.12), ("year", 0.03)))
            if self.chance(0.05) and when.precision == "day" and not project:
                w.t(event, ikg("period"), interval(w, when, When(when.day + timedelta(days=r.randint(1, 2)), "day")))
            else:
                w.t(event, ikg("date"), instant(w, when))
            w.t(event, ikg("place"), m.iri)
            organisers = m.networks + m.organisations[:5]
            if m.administration:
                organisers.append(m.administration)
            w.t(event, ikg("organiser"), self.pick(organisers) if organisers else self.federation)
            if project:
                w.t(event, ikg("partOfProject"), project[0])
            if m.administration and self.chance(0.15):
                w.t(event, ikg("participant"), m.administration)
            w.t(event, ikg("statedIn"), cite)
            if self.chance(0.15):
                speakers = r.sample(range(len(self.persons)), r.randint(1, 3))
                for k, person in enumerate(speakers):
                    c = node("contribution", f"e{i + 1}-{k + 1}")
                    w.t(c, A, ikg("Contribution"))
                    w.t(c, LABEL, de(f"Beitrag {k + 1} zu Veranstaltung {i + 1}"))
                    w.t(c, ikg("contributionTo"), event)
                    w.t(c, ikg("contributor"), self.persons[person])
                    behalf = organisers[k % len(organisers)] if organisers else self.federation
                    w.t(c, ikg("onBehalfOf"), behalf)
                    w.t(c, ikg("perspective"), concept("perspective", self.pick(PERSPECTIVES)))
                    w.t(c, ikg("contributionKind"), concept("contribution-kind", self.pick(CONTRIBUTION_KINDS)))
                    w.t(c, ikg("statedIn"), cite)


def generate(out_path: Path, scale: float = 1.0, seed: int = 1) -> int:
    """Write the graph to `out_path` (N-Triples); returns the number of triples."""
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(out_path.name + ".part")
    with tmp.open("w", encoding="utf-8", newline="\n") as out:
        writer = Writer(out)
        Generator(writer, scale, seed).write_all()
    tmp.replace(out_path)
    return writer.triples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="size factor; 1 = national scale (~1.5 M triples)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", type=Path, default=Path("var/bench/synthetic.nt"), help="output N-Triples file")
    args = parser.parse_args(argv)
    if not 0 < args.scale <= 10:
        parser.error("--scale must be in (0, 10]")
    started = time.perf_counter()
    triples = generate(args.out, args.scale, args.seed)
    print(f"{args.out}: {triples:,} triples (scale {args.scale}, seed {args.seed}) "
          f"in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
