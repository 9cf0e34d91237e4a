"""Every row of each fact file (and the seed report) is modelled or listed in data/README.md, and a
modelled row's value is what the graph states for that row.

What the graph states for a row: the literals of every node that is `ikg:statedIn` the row's citation
(or, for an `ikg:PropertyAttribution`, of the attributed property, or of its one `ikg:attributedValue`), of the blank nodes below them
(instants, intervals, seat groups, election results) and the names of the things they point to.

Each row is checked by its kind, exactly:
- `ags`, `population`, `wikidata` (municipalities.csv): the AGS literal, the population observation's
  value, the owl:sameAs link to the QID;
- `date`: the row's date (day, month or year, the first one the value gives) is a stated date value
  (time:inXSDDate / inXSDgYearMonth / inXSDgYear) of an instant cited to the row, or lies at that
  precision around an instant whose bounds (ikg:earliest/latest) it contains exactly;
- `count`: the row's first number is an integer the graph states for the row (count, seats, members,
  voters …);
- `period`: a "YYYY-YYYY" row: both years are stated values of instants cited to the row;
- `title`, `text`: the title (legal basis …) is a literal cited to the row, exactly;
- `person`: the named person is a holder, member or contributor cited to the row (foaf:name);
- `organisation`: the organisation the row names is a node the row's statements are about;
- `node`: for rows whose value is a relation or corroborates a node made from another row (listed in
  KIND with the node): the row's statements are about that node, and a date the row gives is stated on it;
- `note`: the row's value is kept only as a note. These rows are listed in NOTE_ONLY below with the
  reason; for them the test asserts that a note is cited to the row — and that no row outside the list
  is a note-only row.
The kind of a row follows from its columns (infrastructure: the `property`; organisations: the first of
founded / members / parent_network that carries a date or number; projects_events: the date, else the
number of sites); KIND overrides that where the columns mislead, and says why.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re

import pytest
import rdflib
from rdflib.namespace import FOAF, RDF, XSD

from support import DATA

IKG = rdflib.Namespace("https://w3id.org/integration-kg/ontology#")
TIME = rdflib.Namespace("http://www.w3.org/2006/time#")
ID = "https://w3id.org/integration-kg/id/"
DCT = rdflib.DCTERMS
FACTS = DATA / "sources" / "facts"
STEMS = ("municipalities", "infrastructure", "organisations", "projects_events")


def fact_rows():
    for stem in STEMS:
        with (FACTS / f"{stem}.csv").open(encoding="utf-8", newline="") as handle:
            for number, record in enumerate(csv.DictReader(handle), start=1):
                yield f"{stem}-{number:03d}", stem, record


ROWS = list(fact_rows())
README = (DATA / "README.md").read_text(encoding="utf-8")
LEFT_OUT = set(re.findall(r"^\| `([a-z_]+-\d{3})` \|", README, flags=re.M))

# ------------------------------------------------------------------ what the graph states per row


class Stated:
    """Per row id: literals, instants (value, earliest, latest), subjects, and foaf:names of things pointed to."""

    def __init__(self) -> None:
        self.literals: set[rdflib.Literal] = set()
        self.instants: set[tuple[str | None, dt.date, dt.date]] = set()
        self.subjects: set[rdflib.term.Node] = set()
        self.names: set[str] = set()
        self.objects: set[rdflib.term.Node] = set()


def _stated(graph: rdflib.Graph) -> dict[str, Stated]:
    by_citation = {c: str(graph.value(c, DCT.identifier)) for c in graph.subjects(RDF.type, IKG.Citation)}
    stated: dict[str, Stated] = {}
    for subject, citation in graph.subject_objects(IKG.statedIn):
        s = stated.setdefault(by_citation[citation], Stated())
        if (subject, RDF.type, IKG.PropertyAttribution) in graph:
            node, prop = graph.value(subject, IKG.attributedNode), graph.value(subject, IKG.attributedProperty)
            s.subjects.add(node)
            value = graph.value(subject, IKG.attributedValue)  # an attribution of one value of the property
            pairs = [(prop, value)] if value is not None else [(prop, o) for o in graph.objects(node, prop)]
        else:
            s.subjects.add(subject)
            pairs = list(graph.predicate_objects(subject))
        for _, obj in pairs:
            _collect(graph, obj, s, depth=3)
    return stated


def _collect(graph: rdflib.Graph, term, s: Stated, depth: int) -> None:
    if isinstance(term, rdflib.Literal):
        s.literals.add(term)
        return
    s.objects.add(term)
    if isinstance(term, rdflib.URIRef):
        # a thing the row points to: its names count for the row, its other facts do not
        for name in graph.objects(term, FOAF.name):
            s.names.add(str(name))
        return
    if depth == 0:
        return
    if graph.value(term, IKG.earliest) is not None:
        value = graph.value(term, TIME.inXSDDate) or graph.value(term, TIME.inXSDgYearMonth) \
            or graph.value(term, TIME.inXSDgYear)
        s.instants.add((str(value) if value is not None else None, graph.value(term, IKG.earliest).toPython(),
                        graph.value(term, IKG.latest).toPython()))
    for obj in graph.objects(term, None):
        _collect(graph, obj, s, depth - 1)


# ------------------------------------------------------------------ what a row says

MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                       "dec"), start=1)}
DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})|(\d{1,2})\.(\d{2})\.(\d{4})|\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
                  r"\.? (\d{4})\b|\b(\d{4})-(\d{2})\b(?!-)|(?<![\d-])(\d{4})(?![\d-])", re.I)


def first_date(text: str) -> tuple[str, dt.date, dt.date] | None:
    """The first date in the text at its precision: (lexical value, first day, last day)."""
    m = DATE.search(text)
    if not m:
        return None
    g = m.groups()
    if g[0]:
        d = dt.date(int(g[0]), int(g[1]), int(g[2]))
        return d.isoformat(), d, d
    if g[3]:
        d = dt.date(int(g[5]), int(g[4]), int(g[3]))
        return d.isoformat(), d, d
    if g[6]:
        year, month = int(g[7]), MONTHS[g[6][:3].lower()]
    elif g[8]:
        year, month = int(g[8]), int(g[9])
    else:
        year = int(g[10])
        return str(year), dt.date(year, 1, 1), dt.date(year, 12, 31)
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1))
    return f"{year}-{month:02d}", dt.date(year, month, 1), last


def first_number(text: str) -> int | None:
    """The first number that is not part of a date (thousands separators allowed)."""
    for m in re.finditer(r"(?<![\d.,-])(\d{1,3}(?:,\d{3})+|\d+)(?![\d-])", text):
        if not first_date(m.group(0)) or len(m.group(0)) < 4:
            return int(m.group(0).replace(",", ""))
    return None


def head(text: str) -> str:
    """The text before its first bracketed or comma-separated addition."""
    return re.split(r" \(|, ", text, maxsplit=1)[0].strip()


INFRA_KINDS = {
    "title": "title", "office_holder": "person", "chair": "person", "member": "person",
    "members_count": "count",
    **{p: "date" for p in ("established", "first_holder_start", "election_date", "adopted", "last_election",
                           "bv_nemo_member_since", "constituent_session", "statute", "published", "joined",
                           "period", "council_decision", "process_start", "election_dates", "anniversary")},
}

# Rows whose columns mislead the rule above: (kind, expected value), with the reason.
KIND = {
    # the title row also names the holder: the title is what the row is about
    "infrastructure-077": ("title", "Beauftragter der Stadt Halle (Saale) für Migration und Integration"),
    "infrastructure-112": ("title", "Integrationsbeauftragte"),
    # holders rows: the list of holders; the first holder with the first period is checked
    "infrastructure-006": ("person", "Marita Schieferdecker-Adolph"),
    "infrastructure-005": ("date", "1990-09-10"),
    # "yes: …" rows of advisory bodies: the number of elected members
    "infrastructure-013": ("count", 11),
    "infrastructure-045": ("date", "2020-09-13"),
    "infrastructure-067": ("count", 5),      # term of 5 years (ikg:termYears)
    "infrastructure-083": ("count", 9),      # 29 candidates for 9 members; ~32,000 eligible
    "infrastructure-101": ("count", 6),      # term 6 years
    "infrastructure-014": ("count", 5),      # term: 5 years
    "infrastructure-113": ("count", 5),
    "infrastructure-044": ("count", 24),
    "infrastructure-019": ("count", 11),
    "infrastructure-106": ("note", None),
    "infrastructure-071": ("count", 6),      # seats of the largest list
    "infrastructure-129": ("date", "2025-09-14"),
    "infrastructure-130": ("date", "2025"),  # planned from the 2025 legislative period
    "infrastructure-069": ("date", "1972"),
    "infrastructure-128": ("date", "2014"),
    "infrastructure-038": ("note", None),
    "infrastructure-158": ("count", 20),
    "infrastructure-144": ("count", 170000),
    "infrastructure-081": ("date", "2022-10"),
    "infrastructure-082": ("note", None),
    "infrastructure-087": ("date", "2018-08-10"),
    "infrastructure-096": ("date", "2018-07-25"),  # the current version; the first (2004) is a node of its own
    "infrastructure-155": ("date", "2025-09-24"),
    "infrastructure-156": ("note", None),
    "infrastructure-157": ("date", "2010"),
    "infrastructure-142": ("note", None),
    "infrastructure-161": ("person", "Viola Karaalioğlu"),
    "infrastructure-162": ("person", "Mirko Pink"),
    "infrastructure-118": ("person", "Ozan Erdogan"),
    "infrastructure-153": ("person", "Hanife Yildirim"),
    "infrastructure-152": ("person", "Manuela Franken"),
    "infrastructure-151": ("person", "Nina Liebrecht"),
    "infrastructure-150": ("person", "Jürgen Fischer"),
    "infrastructure-139": ("person", "Petra Schneutzer"),
    "infrastructure-079": ("person", "Petra Schneutzer"),
    "infrastructure-132": ("person", "Leonid Chraga"),
    "infrastructure-133": ("person", "Aysun Tekin"),
    "infrastructure-091": ("title", "kollektive Integrationsbeauftragte"),
    "infrastructure-002": ("text", "Art. 3 Abs. 3 GG; Art. 18 Abs. 3 Sächsische Verfassung"),   # ikg:legalBasis
    "infrastructure-115": ("text", "§ 9 (1) Hauptsatzung Landeshauptstadt Schwerin"),
    "infrastructure-030": ("date", "2017"),            # the 27th Interkulturelle Tage, 2017
    "infrastructure-076": ("date", "2024-12"),         # cooperation until the end of 2024
    # rows in infrastructure.csv that point to organisations.csv for the founding date: the network's node,
    # whose founding the organisation rows date
    "infrastructure-056": ("node", ("organisation/vki-mg", "2018-01-24")),
    "infrastructure-075": ("node", ("organisation/vmdo", "2008-05-08")),
    "infrastructure-090": ("node", ("organisation/vemo", "2015")),
    "infrastructure-110": ("node", ("organisation/moin", "2018-02-28")),
    # a placement: the unit it is placed in
    "infrastructure-059": ("node", ("unit/05913000-mia-do-kommunales-integrationszentrum-dortmund-mia-do-ki", None)),
    "infrastructure-022": ("node", ("plan/14612000-aktionsplan-integration-2022-2026", None)),  # adopted by the Stadtrat
    "infrastructure-064": ("node", ("plan/05913000-masterplan-migration-integration", None)),  # adopted by the Rat
    "infrastructure-031": ("node", ("event/dresden-arbeitsgespraech-2025-12-11", "2025-12-11")),  # host of the meeting
    # organisations.csv: the first column with a value misleads
    "organisations-004": ("count", 21),                # "engaged since January 2014" is no founding date
    "organisations-079": ("count", 20),                # "counselling project since 2019" is no founding date
    "organisations-082": ("date", "2024-07-05"),       # the association's founding; the network since 2017
    "organisations-011": ("organisation", "Bundesverband Netzwerke von Migrant*innenorganisationen e.V. (BV NeMO) - initiative group"),
    "organisations-063": ("organisation", "Raum der Kulturen Neuss e.V."),      # rooms since May 2015, no founding
    "organisations-073": ("organisation", "VIVK e.V. - Verbund interkultureller Vereine Köln"),  # kick-off, no founding date
    # projects_events.csv
    "projects_events-006": ("count", 31),              # 31 local partners (early statement); the funder conflict
    "projects_events-007": ("date", "2018"),           # Göttingen 2018-2021 (the site); "since 2017" is in a note
    "projects_events-012": ("node", ("participation/samo-fa-05315000-solibund", None)),
    "projects_events-078": ("node", ("event/samo-fa-dialogkonferenzen-jaehrlich", None)),
    "projects_events-036": ("node", ("event/gleich-teilhaben-bundesdialogkonferenz-2024-11-22", "2024-11-22")),
    "projects_events-042": ("node", ("event/moenchengladbach-bundesnetzwerktagung-2025-11-12", "2025-11-12")),
    "projects_events-083": ("node", ("event/moenchengladbach-bundesnetzwerktagung-2025-11-12", "2025-11-12")),
    "projects_events-043": ("node", ("event/dresden-arbeitsgespraech-2025-12-11", "2025-12-11")),
    "projects_events-044": ("node", ("event/dresden-arbeitsgespraech-2025-12-11", "2025-12-11")),
    "projects_events-080": ("node", ("event/dresden-arbeitsgespraech-2025-12-11", "2025-12-11")),
    "projects_events-081": ("node", ("event/dresden-arbeitsgespraech-2025-12-11", None)),
    "projects_events-076": ("node", ("event/gleich-teilhaben-bundesdialogkonferenz-2025-09-12", "2025-09-12")),
    "projects_events-051": ("node", ("document/seed-report-afropa-2025", None)),
    "projects_events-082": ("node", ("project/reframe", None)),
    "projects_events-039": ("date", "2025"),           # "third project year"
    "projects_events-045": ("node", ("event/gleich-teilhaben-dialogkonferenz-hannover", None)),  # year not stated
    "projects_events-058": ("node", ("event/bv-nemo-erste-bundesweite-konferenz-hannover", None)),  # year not stated
    "projects_events-048": ("node", ("document/broschuere-teilhabe-trotz-vulnerabilitaet", None)),
    "projects_events-050": ("node", ("document/erklaerende-fallbeschreibungen", None)),
    "projects_events-053": ("node", ("plan/14612000-konzept-integration-2015-2020", None)),
}

# Rows whose value the model keeps only as a note (skos:note cited to the row), with the reason.
NOTE_REASONS = {
    "a role, task, scope, structure or placement the model has no property for": [
        "infrastructure-011", "infrastructure-012", "infrastructure-015", "infrastructure-024", "infrastructure-025",
        "infrastructure-062", "infrastructure-085", "infrastructure-093", "infrastructure-094", "infrastructure-095",
        "infrastructure-114", "infrastructure-137", "infrastructure-140", "infrastructure-159", "infrastructure-048",
        "infrastructure-061", "infrastructure-127", "infrastructure-136", "infrastructure-154", "infrastructure-106",
        "infrastructure-156", "infrastructure-082", "infrastructure-034", "infrastructure-035", "infrastructure-078",
        "infrastructure-065", "infrastructure-052", "infrastructure-160", "infrastructure-131",
    ],
    "the row says a thing exists or took part, with context only: no date, number or title to check": [
        "infrastructure-033", "infrastructure-040", "infrastructure-041", "infrastructure-053", "infrastructure-055",
        "infrastructure-097", "infrastructure-111", "infrastructure-116", "infrastructure-117", "infrastructure-119",
        "infrastructure-120", "infrastructure-121", "infrastructure-122", "infrastructure-123", "infrastructure-124",
        "infrastructure-125", "infrastructure-134", "infrastructure-135",
    ],
    "a status, address, publication, evaluation or anniversary the model has no property for": [
        "infrastructure-008", "infrastructure-009", "infrastructure-039", "infrastructure-049", "infrastructure-050",
        "infrastructure-051", "infrastructure-054", "infrastructure-146", "infrastructure-147", "infrastructure-148",
        "infrastructure-149", "infrastructure-038", "infrastructure-107", "infrastructure-138",
        "projects_events-014", "projects_events-029", "projects_events-052", "projects_events-077",
    ],
    "a date of a process or decision that is not the plan's adoption or validity (the vote or start is not shown)": [
        "infrastructure-063", "infrastructure-142", "infrastructure-145", "projects_events-070",
    ],
    "corroborates elections modelled from other rows (102, 103)": ["infrastructure-104"],
    "constituent session: the model has no term for it (open)": ["infrastructure-105"],
}
NOTE_ONLY = {row: reason for reason, rows in NOTE_REASONS.items() for row in rows}


def kind_of(row_id: str, stem: str, record: dict[str, str]) -> tuple[str, object]:
    if row_id in KIND:
        return KIND[row_id]
    period = re.match(r"(\d{4})-(\d{4})\b", record.get("value") or record.get("date_or_period") or "")
    if period and stem in ("infrastructure", "projects_events"):
        return "period", (period.group(1), period.group(2))
    if stem == "infrastructure":
        value, kind = record["value"], INFRA_KINDS.get(record["property"], "note")
        if kind == "date":
            return ("date", first_date(value)[0]) if first_date(value) else ("note", None)
        if kind == "count":
            return ("count", first_number(value)) if first_number(value) is not None else ("note", None)
        if kind in ("title", "person"):
            return kind, head(value)
        return "note", None
    if stem == "organisations":
        for field in ("founded", "members", "parent_network"):
            text = record[field]
            if field == "parent_network" and "member since" not in text:
                continue  # other network roles are checked as the organisation below
            if field != "members" and first_date(text):
                return "date", first_date(text)[0]
            if field == "members" and first_number(text) is not None:
                return "count", first_number(text)
        return "organisation", record["name"]
    # projects_events
    if first_date(record["date_or_period"]):
        return "date", first_date(record["date_or_period"])[0]
    if first_number(record["place"]) is not None:
        return "count", first_number(record["place"])
    return "note", None


def org_iri(name: str) -> rdflib.URIRef:
    """The organisation a row names, by the mapping's table of names (data/build/mapping/organisations.py)."""
    import sys  # noqa: PLC0415
    if str(DATA / "build") not in sys.path:
        sys.path.insert(0, str(DATA / "build"))
    from mapping.organisations import org_spec  # noqa: PLC0415
    return rdflib.URIRef(f"{ID}organisation/{org_spec(name)[0]}")


def check_row(stated: dict[str, Stated], row_id: str, stem: str, record: dict[str, str]) -> tuple[str, str | None]:
    """(kind, problem or None)."""
    s = stated.get(row_id, Stated())
    if stem == "municipalities":
        want = {rdflib.Literal(record["ags"]), rdflib.Literal(int(record["population"]), datatype=XSD.integer)}
        if not want <= s.literals:
            return "ags+population", f"{sorted(map(str, want - s.literals))} not stated for the row"
        if record["wikidata"] and rdflib.URIRef(f"http://www.wikidata.org/entity/{record['wikidata']}") not in s.objects:
            return "wikidata", f"owl:sameAs wd:{record['wikidata']} not stated for the row"
        return "ags+population", None
    kind, want = kind_of(row_id, stem, record)
    if row_id in NOTE_ONLY:
        if kind != "note" and _check(s, kind, want)[1] is None:
            return "note", f"listed in NOTE_ONLY, but its value is stated as a {kind}: take it off the list"
        if not any(lit.language == "en" for lit in s.literals):
            return "note", "no note cited to the row"
        return "note", None
    if kind == "note":
        return kind, "kept as a note only, but not listed in NOTE_ONLY with a reason"
    return _check(s, kind, want)


def _check(s: Stated, kind: str, want) -> tuple[str, str | None]:
    if kind == "node":
        node, when = want
        node = rdflib.URIRef(ID + node)
        if node not in s.subjects:
            return kind, f"{node} is not what the row's statements are about"
        if when is None:
            return kind, None
        kind, want, s = "date", when, node_stated(node)
    if kind == "period":
        values = {v for v, _, _ in s.instants}
        return kind, None if set(want) <= values else f"period {want} not stated for the row (has {sorted(map(str, values))})"
    if kind == "date":
        value, first, last = first_date(str(want))
        if any(v == value for v, _, _ in s.instants):
            return kind, None
        if any(first <= e and l <= last and (v is None or v.startswith(value)) for v, e, l in s.instants):
            return kind, None
        if any(v and value.startswith(v) and e <= first and last <= l for v, e, l in s.instants):
            return kind, None  # "2018-09-14/15": month stated, the day within its bounds
        return kind, f"date {value} not stated for the row (instants: {sorted(map(str, s.instants))[:4]})"
    if kind == "count":
        numbers = {int(lit.toPython()) for lit in s.literals
                   if lit.datatype in (XSD.integer, XSD.int, XSD.decimal) and lit.toPython() == int(lit.toPython())}
        return kind, None if want in numbers else f"number {want} not stated for the row (has {sorted(numbers)[:8]})"
    if kind == "title" or kind == "text":
        titles = {str(o) for o in s.literals}
        return kind, None if want in titles else f"title {want!r} not stated for the row"
    if kind == "person":
        return kind, None if want in s.names else f"person {want!r} not named for the row"
    if kind == "organisation":
        iri = org_iri(want)
        return kind, None if iri in s.subjects or iri in s.objects else f"{iri} not the subject of the row"
    raise AssertionError(kind)


GRAPH: list[rdflib.Graph] = []


def node_stated(node: rdflib.URIRef) -> Stated:
    """What the graph states about one node, whatever row it comes from."""
    s = Stated()
    for _, obj in GRAPH[0].predicate_objects(node):
        _collect(GRAPH[0], obj, s, depth=3)
    return s


@pytest.fixture(scope="module")
def stated(data_graph):
    GRAPH[:] = [data_graph]
    return _stated(data_graph)


def test_manifest_pins_every_row_to_its_text():
    with (DATA / "sources" / "rows.csv").open(encoding="utf-8", newline="") as handle:
        manifest = {r["row_id"]: r["sha256"] for r in csv.DictReader(handle)}
    expected = {rid: hashlib.sha256(" | ".join(rec.values()).encode("utf-8")).hexdigest() for rid, _, rec in ROWS}
    # batch 3's rows are pinned by test_accounting_batch3.py
    assert {k: v for k, v in manifest.items() if k != "seed-000" and not k.startswith("batch3-")} == expected


def test_fact_files_have_the_documented_row_counts():
    counts = {}
    for _, stem, _ in ROWS:
        counts[stem] = counts.get(stem, 0) + 1
    assert counts == {"municipalities": 30, "infrastructure": 162, "organisations": 95, "projects_events": 83}


@pytest.mark.parametrize("row_id,stem,record", ROWS, ids=[r[0] for r in ROWS])
def test_row_is_modelled_or_left_out_with_reason(stated, row_id, stem, record):
    assert (row_id in stated) != (row_id in LEFT_OUT), "exactly one of: modelled, listed in data/README.md"
    if row_id in LEFT_OUT:
        return
    kind, problem = check_row(stated, row_id, stem, record)
    assert problem is None, f"{row_id} ({kind}): {problem}"


def test_note_only_rows_are_modelled_rows():
    assert not set(NOTE_ONLY) & LEFT_OUT
    assert set(NOTE_ONLY) <= {r for r, _, _ in ROWS}


def test_seed_report_is_cited(stated):
    assert any(v == "2025-12-11" for v, _, _ in stated["seed-000"].instants)
@pytest.mark.parametrize("query,expected", [
    # the Dresden commissioner's title (infrastructure-001) and the Aktionsplan's adoption (infrastructure-020)
    ("SELECT ?t WHERE { <https://w3id.org/integration-kg/id/post/14612000-integrationsbeauftragte> ikg:officialTitle ?t }",
     {"Integrations- und Ausländerbeauftragte"}),
    ("SELECT ?d WHERE { <https://w3id.org/integration-kg/id/plan/14612000-aktionsplan-integration-2022-2026> ikg:adoptedOn/time:inXSDDate ?d }",
     {"2022-06-23"}),
    # Dortmund Integrationsrat composition (infrastructure-066): 27 = 18 elected + 9 from the council
    ("SELECT ?n WHERE { <https://w3id.org/integration-kg/id/composition/05913000-integrationsrat-der-stadt-dortmund-voting-members> ikg:hasSeatGroup/ikg:seats ?n }",
     {"18", "9"}),
    # conflicting GLEICH teilhaben site counts for 2024 stay separate and linked (projects_events-023/026)
    ("SELECT ?n WHERE { ?o ikg:countedEntity <https://w3id.org/integration-kg/id/project/gleich-teilhaben> ; ikg:count ?n . ?o ikg:conflictsWith|^ikg:conflictsWith ?x }",
     {"11", "12"}),
    # Weltclub joined BV NeMO on 18 May 2019 (infrastructure-032, organisations-024)
    ("SELECT DISTINCT ?d WHERE { ?m org:member <https://w3id.org/integration-kg/id/organisation/weltclub-dresden> ; org:memberDuring/time:hasBeginning/time:inXSDDate ?d }",
     {"2019-05-18"}),
])
def test_key_facts(data_graph, query, expected):
    prefixes = ("PREFIX ikg: <https://w3id.org/integration-kg/ontology#> PREFIX time: <http://www.w3.org/2006/time#> "
                "PREFIX org: <http://www.w3.org/ns/org#> ")
    assert {str(row[0]) for row in data_graph.query(prefixes + query)} == expected


def _row(row_id):
    return next(r for r in ROWS if r[0] == row_id)


@pytest.mark.parametrize("row_id,old,new", [
    ("municipalities-003", rdflib.Literal(586852, datatype=XSD.integer), rdflib.Literal(586853, datatype=XSD.integer)),
    ("infrastructure-001", rdflib.Literal("Integrations- und Ausländerbeauftragte", lang="de"),
     rdflib.Literal("Integrationsbeauftragte", lang="de")),
    ("infrastructure-066", rdflib.Literal(27, datatype=XSD.integer), rdflib.Literal(28, datatype=XSD.integer)),
    ("organisations-027", rdflib.Literal("2018-01-24", datatype=XSD.date), rdflib.Literal("2018-01-25", datatype=XSD.date)),
    ("infrastructure-037", rdflib.Literal("Marion Blinten"), rdflib.Literal("Marion Blinde")),
])
def test_the_check_fails_on_a_planted_defect(data_graph, row_id, old, new):
    """Change the value the row states in a copy of the graph: the row's check must fail."""
    graph = rdflib.Graph()
    for triple in data_graph:
        graph.add(tuple(new if term == old else term for term in triple))
    assert len(graph) == len(data_graph) and (None, None, new) in graph
    GRAPH[:] = [graph]
    try:
        _, problem = check_row(_stated(graph), *_row(row_id))
    finally:
        GRAPH[:] = [data_graph]
    assert problem is not None


def test_a_note_only_row_without_its_note_fails(data_graph):
    row_id = "infrastructure-008"
    stated = _stated(data_graph)
    stated[row_id].literals = {lit for lit in stated[row_id].literals if lit.language != "en"}
    assert check_row(stated, *_row(row_id))[1] == "no note cited to the row"


def test_an_unlisted_note_only_row_fails(data_graph):
    row_id = "infrastructure-008"
    NOTE_ONLY.pop(row_id)
    try:
        assert "not listed in NOTE_ONLY" in check_row(_stated(data_graph), *_row(row_id))[1]
    finally:
        NOTE_ONLY[row_id] = "restored"
