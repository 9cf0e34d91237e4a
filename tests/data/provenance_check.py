"""The provenance check: every full date, every number and every named party in data/ is in the source
rows its citation names, or follows from them by a recorded rule; what the check cannot decide is
reported, and the report is compared with a known list (tests/data/test_provenance.py).

A statement's rows are those of its citations, as the graph says (ontology/MODELLING.md): an
`ikg:PropertyAttribution` naming the value (`ikg:attributedValue`), else one for the property, else the
node's `ikg:statedIn`. Blank nodes (instants, intervals, seat groups) take the rows of the statement
that points to them. A row's text is its columns without the URL, as in data/sources/ (the seed report
as a whole).

What is checked, per statement:
- dates (`time:Instant`): the stated value is in a cited row at its precision (a day as a day, a month,
  a year); its bounds (`ikg:earliest`/`ikg:latest`) are the value's own bounds, dates in a cited row,
  or follow by a rule (read-day and technical lower bound of an undated instant, the vague words
  "early" and "end of": VAGUE) or the derivation rule its attribution names
  (`ikg:derivationRule`, scheme derivation-rule), recomputed here;
- numbers (xsd:integer and xsd:decimal values): in a cited row, or recomputed by the derivation rule
  (sum of seat groups, remaining seats);
- named parties (the agents of PARTY_PROPERTIES): a name of the agent is in a cited row (its labels,
  names, the short forms of them, ALIASES), or the rule for administrations (the city the row is about,
  or a post or unit of the administration the row names);
- roles (`org:role` of a membership): a cited row states the role, and a compound such as
  "Abteilungsleiter" names the kind of organisation the membership is in;
- planned things: a node whose own row says it is planned is not typed as existing (an
  `ikg:PlannedBody`, a plan with an `ikg:plannedPeriod`, or marked "geplant");
- notes (`skos:note`): each date and number a note gives is in the rows cited for that note.

Findings are tuples (kind, node, detail, rows); `check(graph)` returns them, and `report()` the counts.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, RDF, RDFS, SKOS, XSD

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "data" / "sources"
IKG = rdflib.Namespace("https://w3id.org/integration-kg/ontology#")
TIME = rdflib.Namespace("http://www.w3.org/2006/time#")
ID = "https://w3id.org/integration-kg/id/"
RULE = ID + "concept/derivation-rule/"
READ_DAY = dt.date(2026, 11, 25)  # the day the sources were read (data/README.md)
TECHNICAL_LOWER_YEAR = 1990  # the technical lower bound of an undated instant (data/build/model/temporal.py)

Finding = tuple[str, str, str, str]

# ------------------------------------------------------------------ the source rows


def read_rows() -> dict[str, str]:
    """Row id -> the row's text: its columns joined by ' | ', without the URL column(s)."""
    rows: dict[str, str] = {}
    for stem in ("municipalities", "infrastructure", "organisations", "projects_events",
                 "batch3/municipalities", "batch3/infrastructure"):
        with (SOURCES / "facts" / f"{stem}.csv").open(encoding="utf-8", newline="") as handle:
            for number, record in enumerate(csv.DictReader(handle), start=1):
                rows[f"{stem.replace('/', '-')}-{number:03d}"] = " | ".join(
                    value for key, value in record.items() if key not in ("source_url", "sources"))
    rows["seed-000"] = (SOURCES / "seed" / "000_ef7cfff06aff2f5f.txt").read_text(encoding="utf-8")
    return rows


ROWS = read_rows()


def normal(text: str) -> str:
    """Dashes as '-', one space, for matching names and quotes."""
    return re.sub(r"\s+", " ", re.sub(r"[‐-―−]", "-", text))


# ------------------------------------------------------------------ reading dates and numbers in a text

MONTHS = {"jan": 1, "feb": 2, "mar": 3, "mär": 3, "apr": 4, "may": 5, "mai": 5, "jun": 6, "jul": 7, "aug": 8,
          "sep": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12, "dez": 12}
MONTH = (r"(january|february|march|april|may|june|july|august|september|october|november|december|januar|februar|"
         r"märz|juni|juli|oktober|dezember|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|okt|nov|dec|dez|mai)\.?")


def _month(word: str) -> int:
    return MONTHS[word.lower()[:3]]


@dataclass
class Dates:
    """The dates a text gives, by precision; `day_months` are days given without a year."""

    days: set[dt.date] = field(default_factory=set)
    months: set[tuple[int, int]] = field(default_factory=set)
    years: set[int] = field(default_factory=set)
    day_months: set[tuple[int, int]] = field(default_factory=set)
    bare_months: set[int] = field(default_factory=set)

    def add_day(self, year: int, month: int, day: int) -> None:
        try:
            self.days.add(dt.date(year, month, day))
        except ValueError:
            return
        self.months.add((year, month))
        self.years.add(year)


def read_dates(text: str) -> Dates:
    """Days, months and years as a fact row writes them: ISO dates (and lists of them: '2022-06-03 Freiburg;
    06-10 Bochum' - the year carries over; '2018-09-14/15'), German dates ('16.–23.12.2024', '11. Dezember'),
    English ones ('21 Nov 2004', '16-23 Dec 2024', '12 September (2025)', '28 February (…; year from context
    2018)'), months ('May 2018', 'Stand Mai 2022', '2018-05') and years."""
    found = Dates()
    text = normal(text)
    for cell in text.split(" | "):
        for m in re.finditer(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:/(\d{2}))?", cell):
            found.add_day(int(m[1]), int(m[2]), int(m[3]))
            if m[4]:
                found.add_day(int(m[1]), int(m[2]), int(m[4]))
        for part in re.split(r"[;,] ", cell):  # '06-10 Bochum' in a list that began with a full date
            earlier = list(re.finditer(r"(?<!\d)(\d{4})-\d{2}-\d{2}", cell[: cell.find(part)]))
            m = re.match(r"(\d{2})-(\d{2})\b(?!-)", part)
            if m and earlier:
                found.add_day(int(earlier[-1][1]), int(m[1]), int(m[2]))
        for m in re.finditer(r"(?<![\d.])(\d{1,2})\.(?:-(\d{1,2})\.)?(\d{1,2})\.(\d{4})", cell):
            found.add_day(int(m[4]), int(m[3]), int(m[1]))
            if m[2]:
                found.add_day(int(m[4]), int(m[3]), int(m[2]))
        for m in re.finditer(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.?(?![\d.])", cell):  # '08.09' without a year
            if 1 <= int(m[2]) <= 12 and 1 <= int(m[1]) <= 31:
                found.day_months.add((int(m[2]), int(m[1])))
        for m in re.finditer(r"\b(\d{1,2})(?:-(\d{1,2}))?\.? " + MONTH + r"(?: \(?(?:[^()|]*?year from context )?(\d{4})\)?)?",
                             cell, re.I):
            month = _month(m[3])
            if m[4]:
                found.add_day(int(m[4]), month, int(m[1]))
                if m[2]:
                    found.add_day(int(m[4]), month, int(m[2]))
            else:
                found.day_months.add((month, int(m[1])))
        for m in re.finditer(r"\b" + MONTH + r" (\d{4})\b", cell, re.I):
            found.months.add((int(m[2]), _month(m[1])))
        for m in re.finditer(r"\b" + MONTH + r" \(year not stated\)", cell, re.I):  # 'May (year not stated)'
            found.bare_months.add(_month(m[1]))
        for m in re.finditer(r"(?<![\d-])(\d{4})-(\d{2})(?![\d-])", cell):
            if 1 <= int(m[2]) <= 12:
                found.months.add((int(m[1]), int(m[2])))
        for m in re.finditer(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", cell):
            found.years.add(int(m[1]))
    for year, _ in found.months:
        found.years.add(year)
    return found


NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "first": 1, "second": 2, "third": 3}


def read_numbers(text: str) -> set[float]:
    """The numbers a text gives: '55,000', '~32,000', '29.80', '3,5', 'twenty', and the parts of dates."""
    numbers: set[float] = set()
    for m in re.finditer(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+(?:[.,]\d+)?)(?![\d])", text):
        token = m[1]
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+", token):
            numbers.add(float(token.replace(",", "")))
        else:
            numbers.add(float(token.replace(",", ".")))
            numbers.update(float(part) for part in re.split(r"[.,]", token) if part)
    for word, value in NUMBER_WORDS.items():
        if re.search(rf"\b{word}\b", text, re.I):
            numbers.add(float(value))
    return numbers


def numbers_outside_dates(text: str) -> set[float]:
    """The numbers of a text that are not part of a date or a year."""
    text = re.sub(r"(?<!\d)(?:\d{4}-\d{2}-\d{2}|\d{4}-\d{2}(?![\d-])|\d{1,2}\.\d{1,2}\.\d{4}|(?:1[89]|20)\d\d(?!\d))", " ",
                  normal(text))
    text = re.sub(r"\b\d{1,2}\.? " + MONTH, " ", text, flags=re.I)
    return read_numbers(text)


# ------------------------------------------------------------------ statements and the rows they cite


@dataclass(frozen=True)
class Statement:
    node: rdflib.term.Node  # the fact node (IRI, or a typed blank node with citations of its own)
    path: tuple[URIRef, ...]  # from the node to the value, through blank nodes
    value: rdflib.term.Node
    rows: frozenset[str]
    attribution: rdflib.term.Node | None  # the attribution that gives the rows, if any


class Sourced:
    """The graph's statements with the rows their citations name."""

    def __init__(self, graph: rdflib.Graph) -> None:
        self.graph = graph
        row_of = {c: str(graph.value(c, DCTERMS.identifier)) for c in graph.subjects(RDF.type, IKG.Citation)}
        self.by_value: dict[tuple, rdflib.term.Node] = {}
        self.by_property: dict[tuple, rdflib.term.Node] = {}
        self.node_rows: dict[rdflib.term.Node, set[str]] = defaultdict(set)
        self.attribution_rows: dict[rdflib.term.Node, frozenset[str]] = {}
        for a in graph.subjects(RDF.type, IKG.PropertyAttribution):
            key = (graph.value(a, IKG.attributedNode), graph.value(a, IKG.attributedProperty))
            value = graph.value(a, IKG.attributedValue)
            if value is None:
                self.by_property[key] = a
            else:
                self.by_value[(*key, value)] = a
            self.attribution_rows[a] = frozenset(row_of[c] for c in graph.objects(a, IKG.statedIn))
        for s, c in graph.subject_objects(IKG.statedIn):
            if (s, RDF.type, IKG.PropertyAttribution) not in graph:
                self.node_rows[s].add(row_of[c])

    def rows_of(self, node, prop, value) -> tuple[frozenset[str], rdflib.term.Node | None]:
        attribution = self.by_value.get((node, prop, value)) or self.by_property.get((node, prop))
        if attribution is not None:
            return self.attribution_rows[attribution], attribution
        return frozenset(self.node_rows[node]), None

    def statements(self) -> Iterator[Statement]:
        for node in sorted(self.node_rows, key=str):
            for prop, value in sorted(self.graph.predicate_objects(node), key=lambda po: (str(po[0]), str(po[1]))):
                if prop in (IKG.statedIn, RDF.type):
                    continue
                rows, attribution = self.rows_of(node, prop, value)
                yield from self._below(node, (prop,), value, rows, attribution, set())

    def _below(self, node, path, value, rows, attribution, seen) -> Iterator[Statement]:
        yield Statement(node, path, value, rows, attribution)
        if isinstance(value, BNode) and value not in seen and value not in self.node_rows:
            seen.add(value)
            for prop, below in self.graph.predicate_objects(value):
                if prop != RDF.type:
                    yield from self._below(node, (*path, prop), below, rows, attribution, seen)

    def text(self, rows) -> str:
        return "\n".join(ROWS[r] for r in sorted(rows))

    def parent(self, node) -> tuple | None:
        """(subject, property) of the statement that points to a typed blank node (a seat group)."""
        if not isinstance(node, BNode):
            return None
        return next(((s, p) for s, p in self.graph.subject_predicates(node)), None)

    def rule(self, statement: Statement) -> str | None:
        """The derivation rule of the statement's attribution, or of the statement pointing to its blank node."""
        attribution = statement.attribution
        if attribution is None and self.parent(statement.node):
            s, p = self.parent(statement.node)
            _, attribution = self.rows_of(s, p, statement.node)
        if attribution is None:
            return None
        rule = self.graph.value(attribution, IKG.derivationRule)
        return str(rule)[len(RULE):] if rule is not None else None


NAMESPACES = {"ikg": str(IKG), "time": str(TIME), "org": str(ORG), "skos": str(SKOS), "dct": str(DCTERMS),
              "foaf": str(FOAF), "rdfs": str(RDFS), "void": "http://rdfs.org/ns/void#", "dcat": "http://www.w3.org/ns/dcat#"}


def short(node) -> str:
    """'organisation/vemo' for our things, 'ikg:party' for terms, the IRI otherwise."""
    text = str(node)
    if text.startswith(ID):
        return text[len(ID):]
    for prefix, namespace in NAMESPACES.items():
        if text.startswith(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return text


def rows_text(rows) -> str:
    return " ".join(sorted(rows))


# ------------------------------------------------------------------ dates

VALUE_PROPERTIES = {TIME.inXSDDate: "day", TIME.inXSDgYearMonth: "month", TIME.inXSDgYear: "year"}


def natural_bounds(value: Literal) -> tuple[dt.date, dt.date]:
    text = str(value)
    if value.datatype == XSD.date:
        day = dt.date.fromisoformat(text)
        return day, day
    if value.datatype == XSD.gYearMonth:
        year, month = map(int, text.split("-"))
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)


def stated_in(value: Literal, dates: Dates) -> bool:
    """The value at its precision is one the text gives (a month also where the text gives a day of it)."""
    text = str(value)
    if value.datatype == XSD.date:
        return dt.date.fromisoformat(text) in dates.days
    if value.datatype == XSD.gYearMonth:
        year, month = map(int, text.split("-"))
        return (year, month) in dates.months
    return int(text) in dates.years


# Vague words: the note of the instant (German, as the data writes it) and the words of the row, and the
# bounds they give within the stated year: "early 2015" = January to April, "end of 2023" = October to
# December. ("about 2016", "c. 2016" keep the year's own bounds, with the note.)
VAGUE = (
    (r"^Anfang (\d{4})", r"\bearly \d{4}", lambda y: (dt.date(y, 1, 1), dt.date(y, 4, 30))),
    (r"^(?:bis )?Ende (\d{4})", r"\b(?:end of|late) \d{4}", lambda y: (dt.date(y, 10, 1), dt.date(y, 12, 31))),
    # the seasons of batch 3 (data/build/mapping/batch3/api.py, SEASONS), wide enough for either reckoning
    (r"^Frühjahr (\d{4})", r"\bspring \d{4}", lambda y: (dt.date(y, 3, 1), dt.date(y, 6, 30))),
    (r"^Sommer (\d{4})", r"\bsummer \d{4}", lambda y: (dt.date(y, 6, 1), dt.date(y, 9, 30))),
    (r"^Herbst (\d{4})", r"\bautumn \d{4}", lambda y: (dt.date(y, 9, 1), dt.date(y, 12, 31))),
)


def vague_bounds(note: str | None, text: str) -> tuple[dt.date, dt.date] | None:
    for note_pattern, row_pattern, bounds in VAGUE:
        m = re.match(note_pattern, note or "")
        if m and re.search(row_pattern, text, re.I):
            return bounds(int(m[1]))
    return None


def derived_bounds(rule: str | None, statement: Statement, sourced: Sourced) -> set[dt.date]:
    """The dates a derivation rule gives for an instant, recomputed from the cited rows' texts."""
    if rule is None:
        return set()
    graph, text = sourced.graph, sourced.text(statement.rows)
    dates = read_dates(text)
    out: set[dt.date] = set()
    if rule == "member-since-founding":
        # the start is the founding date of the organisation, as a cited row gives it
        organisation = graph.value(statement.node, ORG.organization)
        if organisation is not None:
            out |= dates.days
    elif rule == "before-a-dated-event":
        # the latest day before a dated event (a cited row's day) that fits a day and month the rows give,
        # or the day before it; the earliest bound is the technical lower bound
        event_days = set(dates.days)
        if not event_days and len(dates.years) == 1:  # '2025 (before 11 Dec)': the day in the row's year
            year = next(iter(dates.years))
            event_days = {dt.date(year, month, day) for month, day in dates.day_months}
        for event_day in event_days:
            out.add(event_day - dt.timedelta(days=1))
            for month, day in dates.day_months:
                year = event_day.year if (month, day) < (event_day.month, event_day.day) else event_day.year - 1
                out.add(dt.date(year, month, day))
    elif rule == "within-a-stated-period":
        # a day and month (or a month) without year, in the first and the last year of a period a cited row gives
        periods = [(int(a), int(b)) for a, b in re.findall(r"(?<!\d)(\d{4})-(\d{4})(?!\d)", normal(text))]
        for first, last in periods:
            for month, day in dates.day_months:
                out |= {dt.date(first, month, day), dt.date(last, month, day)}
            for month in dates.bare_months:
                out |= {dt.date(first, month, 1), dt.date(last, month, calendar.monthrange(last, month)[1])}
    elif rule == "years-after-a-dated-event":
        # an anniversary ("10-year jubilee" of a founding year) or "about N years after" a founding day
        for years in re.findall(r"(\d+(?:\.\d+)?)[- ]year jubilee|about (\d+(?:\.\d+)?) years after", text):
            n = float(next(y for y in years if y))
            for year in dates.years:
                if n.is_integer():
                    out |= {dt.date(year + int(n), 1, 1), dt.date(year + int(n), 12, 31)}
            for day in dates.days:
                anchor = day + dt.timedelta(days=round(n * 365.25))
                # about: six months either side, to the month
                low = dt.date(anchor.year - (anchor.month <= 6), (anchor.month - 6 - 1) % 12 + 1, 1)
                high_month = (anchor.month + 6 - 1) % 12 + 1
                high_year = anchor.year + (anchor.month + 6 > 12)
                out |= {low, dt.date(high_year, high_month, calendar.monthrange(high_year, high_month)[1])}
    elif rule == "superseded-by-successor":
        # updated every N years: ends at the earliest N years after its start, at the latest at the successor's adoption
        for n in re.findall(r"every (\w+) years", text):
            step = NUMBER_WORDS.get(n) or int(n)
            out |= {dt.date(year + step, 1, 1) for year in dates.years}
        out |= dates.days
    return out


def check_instant(statement: Statement, sourced: Sourced) -> Iterator[Finding]:
    graph, instant = sourced.graph, statement.value
    text = sourced.text(statement.rows)
    dates = read_dates(text)
    where = f"{'/'.join(short(p) for p in statement.path)}"
    stated = [(precision, v) for p, precision in VALUE_PROPERTIES.items() for v in graph.objects(instant, p)]
    precision, value = stated[0] if stated else (None, None)
    note = graph.value(instant, IKG.dateNote)
    derived = derived_bounds(sourced.rule(statement), statement, sourced)
    if value is not None and not stated_in(value, dates) and not set(natural_bounds(value)) & derived:
        yield "date", short(statement.node), f"{where} {value} ({precision})", rows_text(statement.rows)
    natural = natural_bounds(value) if value is not None else (None, None)
    vague = vague_bounds(str(note) if note else None, text)
    for side, bound, own in (("earliest", graph.value(instant, IKG.earliest), natural[0]),
                             ("latest", graph.value(instant, IKG.latest), natural[1])):
        day = bound.toPython()
        if day == own or day in dates.days or day in derived:
            continue
        if vague and day == vague[0 if side == "earliest" else 1]:
            continue
        undated = value is None and note is not None
        if undated and side == "latest" and day == READ_DAY:
            continue  # an undated snapshot: at the latest on the day the source was read
        if undated and side == "earliest" and day.year == TECHNICAL_LOWER_YEAR:
            continue  # no lower limit stated: the technical lower bound
        yield "bound", short(statement.node), f"{where} {side} {day}", rows_text(statement.rows)


# ------------------------------------------------------------------ numbers

NUMERIC = {XSD.integer, XSD.decimal, XSD.int, XSD.nonNegativeInteger, XSD.positiveInteger}


def derived_number(rule: str | None, statement: Statement, graph: rdflib.Graph) -> bool:
    """A number the derivation rule gives: a total as the sum of the seat groups, or one group's seats as the
    total minus the other groups."""
    node, path = statement.node, statement.path
    if isinstance(node, BNode) and path == (IKG.seats,):  # a seat group with citations of its own
        node, path = next(graph.subjects(IKG.hasSeatGroup, node)), (IKG.hasSeatGroup, IKG.seats)
    seats = [int(graph.value(group, IKG.seats)) for group in graph.objects(node, IKG.hasSeatGroup)]
    total = graph.value(node, IKG.totalSeats)
    value = int(statement.value)
    if rule == "sum-of-seat-groups" and path == (IKG.totalSeats,):
        return bool(seats) and value == sum(seats)
    if rule == "remaining-seats" and path == (IKG.hasSeatGroup, IKG.seats) and total is not None:
        return value == int(total) - (sum(seats) - value)
    return False


def check_number(statement: Statement, sourced: Sourced) -> Iterator[Finding]:
    value = float(statement.value)
    if value in read_numbers(sourced.text(statement.rows)):
        return
    if derived_number(sourced.rule(statement), statement, sourced.graph):
        return
    yield ("number", short(statement.node), f"{'/'.join(short(p) for p in statement.path)} {statement.value}",
           rows_text(statement.rows))


# ------------------------------------------------------------------ named parties and roles

PARTY_PROPERTIES = (IKG.party, IKG.organiser, IKG.host, IKG.participant, IKG.funder, IKG.recipient, IKG.carrier,
                    IKG.localPartner, IKG.contributor, IKG.onBehalfOf, IKG.holder, ORG.member, ORG.organization,
                    IKG.adoptedBy, IKG.decidedBy, IKG.endorsedBy, IKG.draftedBy, IKG.madeBy, DCTERMS.publisher,
                    DCTERMS.creator, IKG.plannedAsSuccessorOf)
# Names the rows use for an agent that its labels do not give (short forms, inflected forms, other languages).
ALIASES = {
    "organisation/bv-nemo": ("BV NeMO", "NEMO", "Bundesverband Netzwerke von Migrantenorganisationen",
                              "bv_nemo_member_since"),  # the column of infrastructure row 32
    "organisation/lv-nemo-nrw": ("LV NeMO NRW",),
    "organisation/tu-chemnitz": ("TU Chemnitz", "Technischen Universität Chemnitz"),
    "organisation/land-nrw": ("Land funding",),
    "organisation/beauftragte-bund-integration": ("Beauftragte der Bundesregierung für Migration, Flüchtlinge und Integration",),
    "organisation/vki-mg": ("VKI",),
    "organisation/buendnis-mo-halle": ("Bündnis Migrantenorganisationen", "Bündnis für Migranten"),
    "organisation/ikb-luebeck": ("Interkulturelle Begegnungsstätte", "Haus der Kulturen"),
    "organisation/bi-nemo": ("BI-NeMO",),
    "organisation/radio-mh": ("Radio-MH",),
    "organisation/miso": ("MiSO",),
    "organisation/drg-goettingen": ("Göttingen partner",),  # its own page, row 7
    "group/gleich-teilhaben-migrantische-koordinatorinnen": ("migrantischen Koordinator*innen von GLEICH teilhaben",),
    "unit/14612000-sozialamt-abteilung": ("Abteilungsleiter aus dem Sozialamt",),
}
ADMIN_WORDS = r"\b(?:Stadt|Landeshauptstadt|Kommune|city|City|Rathaus)\b"


def name_variants(graph: rdflib.Graph, agent) -> set[str]:
    """The agent's labels and names, and their short forms: before ' – ', ' (', ' e.V.', ', ', without the city
    ('Sozialamt Dresden' -> 'Sozialamt', 'Rat der Stadt Mönchengladbach' -> 'Rat'), the parts in brackets."""
    names = {normal(str(o)) for p in (RDFS.label, FOAF.name, SKOS.altLabel) for o in graph.objects(agent, p)}
    names |= set(ALIASES.get(short(agent), ()))
    cities = {normal(str(label)) for m in graph.subjects(RDF.type, IKG.Municipality)
              for label in graph.objects(m, RDFS.label)}
    variants = set(names)
    for name in names:
        variants |= {name.split(" - ")[0], name.split(" (")[0], name.split(" e.V.")[0], name.split(", ")[0]}
        variants |= {m for m in re.findall(r"\(([^()]+)\)", name) if len(m) <= 20}
    for name in list(variants):
        for city in cities:
            for filler in (f" der Landeshauptstadt {city}", f" der Stadt {city}", f" {city}"):
                if name.endswith(filler) or filler + " " in name:
                    variants.add(name.replace(filler, "").strip())
    return {v.strip() for v in variants if len(v.strip()) >= 3}


def names_in(variants: set[str], text: str) -> bool:
    """One of the names occurs in the text as a word (or words), case-insensitively."""
    return any(re.search(rf"(?<!\w){re.escape(v)}(?!\w)", text, re.I) for v in variants)


def administration_named(graph: rdflib.Graph, agent, text: str, rows) -> bool:
    """A municipal administration is named by its city with 'Stadt', 'city' …, by the municipality column of an
    infrastructure row about its city, or by a post or unit of it that the row names."""
    if (agent, RDF.type, IKG.MunicipalAdministration) not in graph:
        return False
    municipality = graph.value(agent, IKG.municipality)
    city = normal(str(graph.value(municipality, RDFS.label)))
    city_short = city.split(" / ")[0].split(" (")[0]
    if re.search(ADMIN_WORDS + r"[^|]{0,40}?" + re.escape(city_short), text) or re.search(
            re.escape(city_short) + r"[^|]{0,5}(?:city|Stadtverwaltung)", text):
        return True
    if any(r.startswith(("infrastructure-", "batch3-infrastructure-")) and ROWS[r].split(" | ")[0] == city for r in rows):
        return True  # the row is about the city; the actor is its administration
    parts = {p for p in graph.subjects(ORG.postIn, None)} | {u for u in graph.subjects(ORG.unitOf, agent)}
    parts |= {p for u in list(parts) for p in graph.subjects(ORG.postIn, u)}
    return any(names_in(name_variants(graph, part), text) for part in parts if _placed_in(graph, part, agent))


def _placed_in(graph, part, administration) -> bool:
    seen, todo = set(), [part]
    while todo:
        node = todo.pop()
        if node == administration:
            return True
        if node in seen:
            continue
        seen.add(node)
        todo += list(graph.objects(node, ORG.postIn)) + list(graph.objects(node, ORG.unitOf)) + \
            list(graph.objects(node, ORG.subOrganizationOf))
    return False


def check_party(statement: Statement, sourced: Sourced) -> Iterator[Finding]:
    graph, agent = sourced.graph, statement.value
    text = normal(sourced.text(statement.rows))
    if names_in(name_variants(graph, agent), text):
        return
    if administration_named(graph, agent, text, statement.rows):
        return
    yield "party", short(statement.node), f"{short(statement.path[0])} {short(agent)}", rows_text(statement.rows)


ROLE_WORDS = {
    "head": r"\bhead\b|leitung|leiter(?:in)?\b|\bled by",
    "chair": r"\bchair|vorsitz",
    "deputy-chair": r"\bdeputy\b|stellvertret",
    "founding-member": r"found|gründ|forming",
    "member": r"member|mitglied|one of|among|represented",
    "coordinator": r"coordinat|koordin",
}


def check_role(membership, sourced: Sourced) -> Iterator[Finding]:
    graph = sourced.graph
    role = graph.value(membership, ORG.role)
    if role is None:
        return
    key = str(role).rsplit("/", 1)[1]
    rows, _ = sourced.rows_of(membership, ORG.role, role)
    text = normal(sourced.text(rows))
    if not re.search(ROLE_WORDS[key], text, re.I):
        yield "role", short(membership), f"{key}: not stated", rows_text(rows)
        return
    if key == "head":
        # "Abteilungsleiter", "Amtsleiterin", "Fachbereichsleitung": the head of that kind of organisation
        organisation = graph.value(membership, ORG.organization)
        kinds = {normal(str(o)).lower() for k in graph.objects(organisation, IKG.unitKind)
                 for o in graph.objects(k, SKOS.prefLabel)}
        labels = {normal(str(o)).lower() for o in graph.objects(organisation, RDFS.label)}
        for prefix in re.findall(r"\b(\w+?)s?-?(?:leiter|leiterin|leitung)\b", text, re.I):
            stem = prefix.lower()
            if not any(stem in t for t in kinds | labels):
                yield "role", short(membership), f"head: the row says '{prefix}…leitung', the membership is in {short(organisation)}", rows_text(rows)


# ------------------------------------------------------------------ planned things

PLANNED_WORDS = r"planned|planning|scheduled|geplant"  # also in column names: period_in_planning_phase
EXISTING = (IKG.AdvisoryBody, IKG.Plan, IKG.Event, IKG.Election, ORG.ChangeEvent, IKG.Cooperation)


def check_planned(node, sourced: Sourced) -> Iterator[Finding]:
    graph = sourced.graph
    types = set(graph.objects(node, RDF.type))
    if not types & set(EXISTING):
        return
    own = sourced.node_rows[node]
    if not any(re.search(PLANNED_WORDS, ROWS[r], re.I) for r in own):
        return
    marked = (node, IKG.plannedPeriod, None) in graph or any(
        "geplant" in str(o) for p in (RDFS.label, IKG.dateNote) for o in graph.objects(node, p)) or any(
        "geplant" in str(graph.value(i, IKG.dateNote) or "") for i in graph.objects(node, IKG.date))
    if not marked:
        yield "planned", short(node), "typed as existing; its row says planned", rows_text(own)


# ------------------------------------------------------------------ notes


def derived_numbers(node, sourced: Sourced) -> set[float]:
    """The numbers of a node (and its seat groups) that its derivation rule gives: a note may restate them."""
    graph, out = sourced.graph, set()
    for prop, value in graph.predicate_objects(node):
        rows, attribution = sourced.rows_of(node, prop, value)
        below = [(node, (prop,), value)] + [(value, (p2,), v2) for p2, v2 in graph.predicate_objects(value)
                                            if isinstance(value, BNode)]
        for subject, path, leaf in below:
            if isinstance(leaf, Literal) and leaf.datatype in NUMERIC:
                statement = Statement(subject, path, leaf, rows, attribution)
                if derived_number(sourced.rule(statement) or sourced.rule(Statement(node, (prop,), value, rows, attribution)),
                                  statement, graph):
                    out.add(float(leaf))
    return out


def check_note(statement: Statement, sourced: Sourced) -> Iterator[Finding]:
    note, text = str(statement.value), sourced.text(statement.rows)
    given, row = read_dates(note), read_dates(text)
    missing = sorted({d.isoformat() for d in given.days - row.days}
                     | {f"{y}-{m:02d}" for y, m in given.months - row.months if (y, m) not in {(d.year, d.month) for d in row.days}}
                     | {str(y) for y in given.years - row.years})
    numbers = sorted(n for n in numbers_outside_dates(note) - read_numbers(text) - derived_numbers(statement.node, sourced))
    if missing or numbers:
        detail = "; ".join([*missing, *(f"{n:g}" for n in numbers)])
        yield "note", short(statement.node), f"{note[:60]}… gives {detail}", rows_text(statement.rows)


# ------------------------------------------------------------------ the check


def check(graph: rdflib.Graph) -> tuple[set[Finding], Counter]:
    """Findings (what the check cannot trace to the cited rows or a rule) and how much was checked, by kind."""
    sourced = Sourced(graph)
    findings: set[Finding] = set()
    counted: Counter = Counter()
    for statement in sourced.statements():
        value, prop = statement.value, statement.path[-1]
        if isinstance(value, BNode) and (value, IKG.earliest, None) in graph:
            counted["instants"] += 1
            findings |= set(check_instant(statement, sourced))
        elif isinstance(value, Literal) and value.datatype in NUMERIC:
            counted["numbers"] += 1
            findings |= set(check_number(statement, sourced))
        elif isinstance(value, URIRef) and len(statement.path) == 1 and prop in PARTY_PROPERTIES:
            counted["parties"] += 1
            findings |= set(check_party(statement, sourced))
        elif isinstance(value, Literal) and prop == SKOS.note and value.language == "en":
            counted["notes"] += 1
            findings |= set(check_note(statement, sourced))
    for membership in graph.subjects(RDF.type, ORG.Membership):
        if (membership, ORG.role, None) in graph:
            counted["roles"] += 1
            findings |= set(check_role(membership, sourced))
    for node in list(sourced.node_rows):
        counted["typed nodes"] += 1
        findings |= set(check_planned(node, sourced))
    return findings, counted


DATE_AND_NUMBER_TYPES = NUMERIC | {XSD.date, XSD.gYear, XSD.gYearMonth, XSD.dateTime}


def unsourced(graph: rdflib.Graph) -> Counter:
    """Dates and numbers in the graph that no statement with a source row holds, by (class, property): the
    dataset's own description, the citations (the day read, the row number). The check cannot trace these
    to a source row: they are about the sources, not from them."""
    sourced = Sourced(graph)
    reached = set(sourced.node_rows)
    for statement in sourced.statements():
        if isinstance(statement.value, BNode):
            reached.add(statement.value)
    out: Counter = Counter()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype in DATE_AND_NUMBER_TYPES and s not in reached:
            owner = s
            while isinstance(owner, BNode) and next(graph.subjects(None, owner), None) is not None:
                owner = next(graph.subjects(None, owner))
            kinds = sorted(short(c) for c in graph.objects(owner, RDF.type)) or ["(untyped)"]
            out[(" ".join(kinds), short(p))] += 1
    return out


def main(data: Path = ROOT / "data") -> None:
    """Print what the check cannot trace, and how much it checked (python tests/data/provenance_check.py [data dir])."""
    graph = rdflib.Graph()
    for path in sorted(data.glob("*.ttl")):
        graph.parse(path, format="turtle")
    findings, counted = check(graph)
    for kind, node, detail, rows in sorted(findings):
        print(f"{kind}\t{node}\t{detail}\t{rows}")
    print("checked:", dict(counted), "findings:", len(findings))
    for (kind, prop), n in sorted(unsourced(graph).items()):
        print(f"not from a source row\t{kind}\t{prop}\t{n}")


if __name__ == "__main__":
    import sys

    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data")
