"""The structure picture of a municipality, gathered through the worker pool from a store that
`kg load` built of the shipped files, and drawn as SVG: what it holds on a date is what the data
files say (read here with rdflib, apart from the queries under test), and the same data always
give the same bytes."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF, RDFS

from kg import iris
from kg.catalog_runner import selector, site_catalog
from kg.errors import BadRequest
from kg.querying.factory import make_query_runner
from kg.querying.pool import WorkerPool
from kg.querying.remote import RemoteRunner
import remote_backend
from kg.reference_date import reference_date
from kg.structure_picture import SECTORS, municipality_landscape, source_pictures
from kg.structure_svg import LINE_CHARS, draw, wrap
from support import ROOT

IKG = Namespace("https://w3id.org/integration-kg/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
TIME = Namespace("http://www.w3.org/2006/time#")
SVG = "{http://www.w3.org/2000/svg}"
DRESDEN = "14612000"
DRESDEN_IRI = URIRef(iris.municipality_iri(DRESDEN))
DAY = date(2025, 12, 11)  # the Dresden working meeting


@pytest.fixture(scope="module")
def select(loaded_store_path, tmp_path_factory):
    state = tmp_path_factory.mktemp("picture-state")
    store = remote_backend.open_store(loaded_store_path, state)
    runner = make_query_runner(remote_backend.settings_on(loaded_store_path, state,
                                                          query_workers=1), store)
    # the path public queries take
    assert isinstance(runner, RemoteRunner if remote_backend.remote() else WorkerPool)
    yield selector(runner, site_catalog())
    runner.close()
    store.close()


@pytest.fixture(scope="module")
def data() -> Graph:
    graph = Graph()
    for path in sorted((ROOT / "data").glob("*.ttl")):
        graph.parse(path)
    graph.parse(ROOT / "ontology" / "integration.ttl")
    return graph


def dresden_file() -> Graph:
    return Graph().parse(ROOT / "data" / "dresden.ttl")


def german_label(graph: Graph, thing) -> str:
    return next(str(label) for label in graph.objects(thing, RDFS.label) if label.language == "de")


def things(svg: str) -> dict[str, ET.Element]:
    root = ET.fromstring(svg.encode())
    return {element.get("data-iri"): element for element in root.iter()
            if element.get("class") == "thing"}


def test_dresden_shows_its_bodies_posts_and_administration_from_its_data_file(select):
    dresden = dresden_file()
    expected = {}
    for cls in (IKG.AdvisoryBody, IKG.CommissionerPost, IKG.MunicipalAdministration, IKG.PublicBody):
        for thing in dresden.subjects(RDF.type, cls):
            if (thing, IKG.municipality, DRESDEN_IRI) in dresden:
                expected[str(thing)] = german_label(dresden, thing)
    assert len(expected) >= 4  # the Beirat, two commissioner posts, the administration, the council
    drawn = municipality_landscape(select, DRESDEN, DAY, "de")
    svg = draw(drawn, "de", lambda iri: iris.local_path(iri))
    boxes = things(svg)
    for iri, label in expected.items():
        box = boxes[iri]
        assert box.get("href") == iris.local_path(iri)
        assert box.get("tabindex") == "0"
        assert box.get("aria-label").startswith(label)
        assert box.find(f"{SVG}title").text.startswith(label)  # the whole label, however it wraps


def test_dresden_organisations_and_projects_sit_in_their_sectors(select, data):
    drawn = municipality_landscape(select, DRESDEN, DAY, "en")
    sector_of = {node.iri: node.sector for node in drawn.nodes}
    seated = {str(o) for o in data.subjects(IKG.seatIn, DRESDEN_IRI)} | \
             {str(o) for o in data.subjects(IKG.activeIn, DRESDEN_IRI)}
    networks = {str(o) for o in data.subjects(RDF.type, IKG.MigrantOrganisationNetwork)}
    assert seated & networks
    for organisation in seated & networks:
        assert sector_of[organisation] == "migrant-organisations"
    # a project with a site in Dresden whose period holds on the day, with its carrier
    running = []
    for site in data.subjects(IKG.municipality, DRESDEN_IRI):
        if (site, RDF.type, IKG.SiteParticipation) not in data:
            continue
        for project in data.objects(site, IKG.inProject):
            if all(_holds(data, period, DAY) for period in data.objects(site, IKG.period)) and \
                    all(_holds(data, period, DAY) for period in data.objects(project, IKG.period)):
                running.append(project)
    assert running
    for project in running:
        assert sector_of[str(project)] == "projects"
        for carrier in data.objects(project, IKG.carrier):
            assert any(e.kind == "carrier" and e.source == str(carrier) and e.target == str(project)
                       for e in drawn.edges)
    assert [node.sector for node in drawn.nodes] == sorted((n.sector for n in drawn.nodes), key=SECTORS.index)


def _holds(graph: Graph, period, day: date) -> bool:
    begins = [b.toPython() for b in graph.objects(graph.value(period, TIME.hasBeginning), IKG.earliest)]
    ends = [e.toPython() for e in graph.objects(graph.value(period, TIME.hasEnd), IKG.latest)]
    return all(b <= day for b in begins) and all(e >= day for e in ends)


def test_a_date_before_a_thing_began_leaves_it_and_its_relations_out(select, data):
    # the membership of a Dresden organisation in a federal association, with its beginning
    dresden = dresden_file()
    membership = next(m for m in dresden.subjects(RDF.type, ORG.Membership)
                      if (m, ORG.memberDuring, None) in dresden)
    member, association = dresden.value(membership, ORG.member), dresden.value(membership, ORG.organization)
    began = min(b.toPython() for b in data.objects(data.value(data.value(membership, ORG.memberDuring),
                                                             TIME.hasBeginning), IKG.earliest))
    # the association's own beginning: its founding and every establishment claim, the earliest
    founded = [e.toPython() for i in data.objects(association, IKG.founded) for e in data.objects(i, IKG.earliest)]
    founded += [e.toPython() for event in data.subjects(ORG.resultingOrganization, association)
                for i in data.objects(event, IKG.date) for e in data.objects(i, IKG.earliest)]
    assert founded and min(founded) < began

    def memberships(day: date):
        drawn = municipality_landscape(select, DRESDEN, day, "de")
        return drawn, [e for e in drawn.edges if e.kind == "membership" and e.source == str(member)
                       and e.target == str(association)]

    drawn, edges = memberships(began)
    assert edges and str(membership) in edges[0].relations
    drawn, edges = memberships(began - timedelta(days=1))
    assert edges == []
    assert str(member) in {n.iri for n in drawn.nodes}  # the member itself has no recorded beginning
    drawn, _ = memberships(min(founded) - timedelta(days=1))
    assert str(association) not in {n.iri for n in drawn.nodes}


def test_the_same_data_give_the_same_bytes(select):
    first = draw(municipality_landscape(select, DRESDEN, DAY, "de"), "de", lambda iri: iri, standalone=True)
    second = draw(municipality_landscape(select, DRESDEN, DAY, "de"), "de", lambda iri: iri, standalone=True)
    assert first == second
    assert first.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')
    english = draw(municipality_landscape(select, DRESDEN, DAY, "en"), "en", lambda iri: iri)
    assert english != first


@pytest.mark.parametrize("lang, caption", [
    ("de", "Aus dem Graphen abgeleitet, Stand 2025-12-11 – kein Strukturbild einer Quelle"),
    ("en", "Derived from the graph as of 2025-12-11 – not a source's Strukturbild"),
])
def test_the_picture_says_it_is_derived_and_has_a_legend(select, lang, caption):
    svg = draw(municipality_landscape(select, DRESDEN, DAY, lang), lang, lambda iri: iri)
    root = ET.fromstring(svg.encode())
    assert root.get("aria-labelledby") == "structure-picture-title"
    assert root.find(f"{SVG}title").text.startswith("Integrationslandschaft Dresden" if lang == "de"
                                                    else "Integration landscape of Dresden")
    texts = {"".join(element.itertext()) for element in root.iter(f"{SVG}text")}
    assert caption in texts
    legend = [g for g in root.iter(f"{SVG}g") if g.get("class") == "legend"]
    kinds = {g.get("data-kind") for g in legend[0] if g.get("class") == "legend-item"}
    assert {"membership", "cooperation", "funding", "participation", "carrier", "part-of"} <= kinds
    sectors = {g.get("data-sector") for g in root.iter(f"{SVG}g") if g.get("class") == "sector"}
    assert sectors == set(SECTORS)


def test_dresden_strukturbild_is_shown_as_its_source_says(select):
    meeting = Graph().parse(ROOT / "data" / "dresden-meeting-2025-12-11.ttl")
    recorded = [s for s in meeting.subjects(RDF.type, IKG.Strukturbild)
                if (s, IKG.municipality, DRESDEN_IRI) in meeting]
    assert recorded
    pictures = {p.iri: p for p in source_pictures(select, str(DRESDEN_IRI), "de")}
    for strukturbild in recorded:
        picture = pictures[str(strukturbild)]
        assert picture.label == german_label(meeting, strukturbild)
        assert {t.iri for t in picture.made_for} == {str(e) for e in meeting.objects(strukturbild, IKG.madeFor)}
        assert {t.iri for t in picture.shows} == {str(e) for e in meeting.objects(strukturbild, IKG.shows)}
        assert picture.sources  # the source it is stated in
        assert picture.stated


def test_long_labels_wrap_and_end_with_an_ellipsis():
    label = german_label(dresden_file(), URIRef("https://w3id.org/integration-kg/id/post/14612000-integrationsbeauftragte"))
    lines = wrap(label)
    assert len(lines) > 1 and all(len(line) <= LINE_CHARS for line in lines)
    assert " ".join(lines) == label
    cut = wrap(label * 3)
    assert len(cut) == 3 and cut[-1].endswith("…")


@pytest.mark.parametrize("text", ["2025-13-01", "11.12.2025", "2025-12-1", "tomorrow"])
def test_a_bad_date_says_what_to_give(text):
    with pytest.raises(BadRequest) as caught:
        reference_date(text)
    assert "YYYY-MM-DD" in caught.value.text("en") and "JJJJ-MM-TT" in caught.value.text("de")


def test_no_date_means_today_and_an_unknown_municipality_none(select):
    assert reference_date(None) == date.today() and reference_date("") == date.today()
    assert municipality_landscape(select, "99999999", DAY, "en") is None
    assert municipality_landscape(select, "dresden", DAY, "en") is None


def test_dortmund_draws_the_funding_of_its_units_but_not_the_members_seated_elsewhere(select, data):
    dortmund = URIRef(iris.municipality_iri("05913000"))
    administration = next(a for a in data.subjects(IKG.municipality, dortmund)
                          if (a, RDF.type, IKG.MunicipalAdministration) in data)
    units = set(data.transitive_subjects(ORG.unitOf, administration)) - {administration}
    fundings = [f for f in data.subjects(RDF.type, IKG.Funding)
                if data.value(f, IKG.recipient) in units and (f, IKG.fundedProject, None) not in data
                and (f, IKG.period, None) not in data]
    assert fundings
    drawn = municipality_landscape(select, "05913000", DAY, "en")
    for funding in fundings:
        assert any(e.kind == "funding" and str(funding) in e.relations and e.source == str(data.value(funding, IKG.funder))
                   and e.target == str(data.value(funding, IKG.recipient)) for e in drawn.edges)
    # an association seated here draws none of its members that are seated in other municipalities
    drawn_things = {node.iri for node in drawn.nodes}
    elsewhere = 0
    for association in data.subjects(IKG.seatIn, dortmund):
        for membership in data.subjects(ORG.organization, association):
            member = data.value(membership, ORG.member)
            seats = set(data.objects(member, IKG.seatIn))
            if seats and dortmund not in seats:
                elsewhere += 1
                assert str(member) not in drawn_things
    assert elsewhere  # BV NeMO, seated in Dortmund, has members across the country
