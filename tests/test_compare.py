"""kg.compare on a store built by `kg load` from the shipped data, queries through the worker pool:
the five seed cities side by side, each cell checked against what the data say (asked in SPARQL of
our own here, not through the comparison), "not recorded" exactly where nothing is recorded, and a
source with its reading date behind every recorded cell."""

from __future__ import annotations

from datetime import date

import pytest

from kg import iris
from kg.catalog_runner import plain, selector, site_catalog
from kg.compare import compare, parse_request
from kg.compare_model import ASPECTS, CONFLICT, NOT_RECORDED, RECORDED, number
from kg.errors import BadRequest, NotFound
from kg.querying import make_query_runner
import remote_backend

SEED = ["05116000", "05913000", "15002000", "09564000", "14612000"]
ON = date(2025, 6, 30)
PREFIXES = """PREFIX ikg: <https://w3id.org/integration-kg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


@pytest.fixture(scope="module")
def runner(loaded_store_path, tmp_path_factory):
    state = tmp_path_factory.mktemp("compare-state")
    store = remote_backend.open_store(loaded_store_path, state)
    run = make_query_runner(remote_backend.settings_on(loaded_store_path, state, query_workers=2),
                            store)
    yield run
    run.close()
    store.close()


@pytest.fixture(scope="module")
def table(runner):
    return compare(selector(runner, site_catalog()), SEED, ON, "en")


def ask(runner, query: str) -> list[dict]:
    result = runner.run(PREFIXES + query)
    return [{name: plain(term) for name, term in zip(result.variables, row)} for row in result.rows]


def cells(table, aspect: str) -> dict[str, object]:
    row = next(r for r in table.rows if r.key == aspect)
    return {city.ags: cell for city, cell in zip(table.cities, row.cells)}


def text(cell) -> str:
    return " | ".join(item.text for item in cell.items)


def test_the_five_seed_cities_stand_side_by_side_with_every_aspect(table):
    assert [c.ags for c in table.cities] == SEED
    assert [r.key for r in table.rows] == list(ASPECTS)
    assert all(len(r.cells) == len(SEED) for r in table.rows)
    assert table.cities[4].name == "Dresden"


def test_population_is_the_recorded_figure_with_its_date(runner, table):
    for ags, cell in cells(table, "population").items():
        found = ask(runner, f"SELECT ?n ?d WHERE {{ ?o ikg:refArea <{iris.municipality_iri(ags)}> ; "
                            "ikg:population ?n ; ikg:referenceTime/ikg:latest ?d } ORDER BY DESC(?d) LIMIT 1")
        assert f"{number(found[0]['n'], 'en', 0)} (as of {found[0]['d'].isoformat()})" == text(cell)


def test_every_recorded_cell_names_its_sources_and_when_they_were_read(table):
    for row in table.rows:
        for cell in row.cells:
            assert cell.status in (RECORDED, NOT_RECORDED, CONFLICT)
            if cell.items and row.key != "development_type":  # this project's assessment: no source
                assert cell.sources, (row.key, text(cell))
                assert all(s.iri.startswith("http") and isinstance(s.accessed, date) for s in cell.sources)
            else:
                assert cell.status != CONFLICT


def test_a_commissioner_is_not_recorded_exactly_where_the_data_hold_no_post(runner, table):
    for ags, cell in cells(table, "commissioner").items():
        posts = ask(runner, f"""SELECT DISTINCT ?title WHERE {{
            ?admin ikg:municipality <{iris.municipality_iri(ags)}> ; a ikg:MunicipalAdministration .
            ?unit (org:unitOf|org:subOrganizationOf)* ?admin . ?post org:postIn ?unit ; a ikg:CommissionerPost ;
            ikg:officialTitle ?title }}""")
        if posts:
            assert cell.status == RECORDED and all(p["title"] in text(cell) for p in posts), ags
        else:
            assert cell.status == NOT_RECORDED and not cell.items, ags
    assert cells(table, "commissioner")["05913000"].status == NOT_RECORDED


def test_elements_say_not_recorded_never_no(table):
    for cell in cells(table, "elements").values():
        words = [item.text.split(": ", 1)[1] for item in cell.items]
        assert len(words) == 6
        assert set(words) <= {"yes", "recorded, not in force on the date", "not recorded"}


def test_a_replaced_council_is_shown_as_replaced_by_its_successor(runner, table):
    """A replaced council carries no end date: the change that replaced it ends it."""
    for ags, cell in cells(table, "advisory_body").items():
        replaced = ask(runner, f"""SELECT ?oldLabel ?newLabel WHERE {{
            ?old ikg:municipality <{iris.municipality_iri(ags)}> ; a ikg:AdvisoryBody ; rdfs:label ?oldLabel .
            ?change org:originalOrganization ?old ; org:resultingOrganization ?new .
            ?new rdfs:label ?newLabel FILTER (?new != ?old && LANG(?newLabel) = "de" && LANG(?oldLabel) = "de")
            FILTER NOT EXISTS {{ ?old ikg:dissolved ?d }} }}""")
        for pair in replaced:
            item = next(i for i in cell.items if i.text.startswith(pair["oldLabel"]))
            assert f"replaced by {pair['newLabel']}" in item.text and "ended" in item.text
    assert any("replaced by Integrationsrat der Stadt Dortmund" in i.text
               for i in cells(table, "advisory_body")["05913000"].items)


def test_networks_of_every_subclass_are_found_with_their_counts(runner, table):
    """Subclasses are not inferred: a query that asked for ikg:MigrantOrganisationNetwork alone
    would miss networks typed with a subclass."""
    for ags, cell in cells(table, "mo_networks").items():
        networks = ask(runner, f"""SELECT DISTINCT ?label WHERE {{
            {{ ?n ikg:seatIn <{iris.municipality_iri(ags)}> }} UNION {{ ?n ikg:activeIn <{iris.municipality_iri(ags)}> }}
            ?n a/rdfs:subClassOf* ikg:MigrantOrganisationNetwork ; rdfs:label ?label FILTER (LANG(?label) = "de") }}""")
        assert networks, ags
        assert {n["label"] for n in networks} == {i.text.split(": ", 1)[0] for i in cell.items}
        counts = ask(runner, f"""SELECT ?count WHERE {{ ?n ikg:seatIn <{iris.municipality_iri(ags)}> ;
            a/rdfs:subClassOf* ikg:MigrantOrganisationNetwork .
            ?o ikg:countedEntity ?n ; ikg:count ?count ; ikg:countUnit/<http://www.w3.org/2004/02/skos/core#notation> ?u
            FILTER (?u IN ("member-organisations", "founding-members")) }}""")
        assert all(str(c["count"]) in text(cell) for c in counts), ags


def test_contradicting_sources_make_a_conflict_and_both_stay(runner, table):
    """A network's counts and founding claims (the changes that made it) whose sources contradict
    each other make its cell a conflict; both claims keep their sources."""
    for ags, cell in cells(table, "mo_networks").items():
        conflicting = ask(runner, f"""SELECT ?o ?other WHERE {{
            {{ ?n ikg:seatIn <{iris.municipality_iri(ags)}> }} UNION {{ ?n ikg:activeIn <{iris.municipality_iri(ags)}> }}
            ?n a/rdfs:subClassOf* ikg:MigrantOrganisationNetwork .
            ?o ikg:countedEntity|org:resultingOrganization ?n ; ikg:conflictsWith ?other }}""")
        assert (cell.status == CONFLICT) == bool(conflicting), ags
    assert cells(table, "mo_networks")["09564000"].status == CONFLICT
    moin = cells(table, "mo_networks")["09564000"].items[0]
    assert moin.conflict and len(moin.sources) >= 2


def test_long_term_funding_and_its_amount_per_inhabitant(runner, table):
    found = ask(runner, """SELECT ?amount WHERE { ?f a ikg:Funding ; ikg:annualAmountEUR ?amount ;
        ikg:recipient/(org:unitOf|org:subOrganizationOf)*/ikg:municipality <https://w3id.org/integration-kg/id/municipality/05913000> }""")
    assert found
    dortmund = cells(table, "funding_long_term")["05913000"]
    assert number(found[0]["amount"], "en") in text(dortmund)
    population = table.cities[1].population
    per_head = cells(table, "funding_per_capita")["05913000"]
    assert text(per_head).startswith(number(float(found[0]["amount"]) / population, "en"))
    assert cells(table, "funding_per_capita")["05116000"].status == NOT_RECORDED


def test_projects_are_split_into_samofa_gleich_teilhaben_and_others(runner, table):
    for aspect, project in (("project_samofa", "samo-fa"), ("project_gleich", "gleich-teilhaben")):
        for ags, cell in cells(table, aspect).items():
            sites = ask(runner, f"""SELECT ?site WHERE {{ ?site ikg:municipality <{iris.municipality_iri(ags)}> ;
                ikg:inProject/ikg:phaseOf? <{iris.ID}project/{project}> }}""")
            assert len(cell.items) == len(sites), (aspect, ags)


def test_the_plan_in_force_on_the_date_comes_with_its_period(table):
    dresden = cells(table, "plan")["14612000"]
    assert "Aktionsplan Integration 2022–2026" in text(dresden) and "2022–2026" in text(dresden)


def test_the_charts_figures_match_the_table(table):
    assert table.bars["cities"] == [c.name for c in table.cities]
    for city, counts in zip(table.cities, table.bars["counts"]):
        assert counts["mo_networks"] == len(cells(table, "mo_networks")[city.ags].items)
    assert table.timeline and all(t["begin"] < 2100 and t["kind"] in ("advisory-body", "plan", "project", "event")
                                  for t in table.timeline)


def test_german_words_in_a_german_table(runner):
    table = compare(selector(runner, site_catalog()), SEED[:2], ON, "de")
    assert next(r for r in table.rows if r.key == "commissioner").label == ASPECTS["commissioner"]["de"]
    assert "nicht erfasst" in " ".join(i.text for i in cells(table, "elements")["05913000"].items)


@pytest.mark.parametrize(("given", "named"), [(["05116000", "0591300"], "0591300"),
                                               (["05116000", "Dortmund"], "Dortmund")])
def test_a_malformed_ags_is_a_bad_request_naming_it(given, named):
    with pytest.raises(BadRequest) as caught:
        parse_request(given, None)
    assert named in caught.value.text("en") and named in caught.value.text("de")


@pytest.mark.parametrize("count", [1, 7])
def test_one_or_more_than_six_is_a_bad_request(count):
    with pytest.raises(BadRequest) as caught:
        parse_request([f"0511600{i}" for i in range(count)], None)
    assert "2 to 6" in caught.value.text("en")


def test_a_bad_date_is_a_bad_request_and_none_means_today():
    with pytest.raises(BadRequest):
        parse_request(SEED[:2], "30.06.2025")
    assert parse_request(SEED[:2], "")[1] == date.today()


def test_an_unknown_ags_is_not_found_naming_it(runner):
    with pytest.raises(NotFound) as caught:
        compare(selector(runner, site_catalog()), ["05116000", "99999999"], ON, "en")
    assert "99999999" in caught.value.text("en") and "99999999" in caught.value.text("de")


def test_the_development_type_is_cq18s_answer_and_says_it_is_this_projects_classification(runner, table):
    from kg.development_types import development_types

    expected = {t.municipality: t for t in development_types(
        selector(runner, site_catalog()), [iris.municipality_iri(a) for a in SEED], ON, "en")}
    for ags, cell in cells(table, "development_type").items():
        found = expected[iris.municipality_iri(ags)]
        assert text(cell) == found.label
        assert cell.items[0].subject == (str(found.type) if found.type else None)
        assert cell.status == RECORDED and "not a statement of a source" in cell.note
        assert cell.sources == []
    assert text(cells(table, "development_type")["14612000"]) == "institutionalised"
