"""kg.catalog: the query catalogue as every user of it reads it (headers, typed parameters) and binds
it (values checked, then bound as RDF terms that pyoxigraph serialised); a bound query answers
through the public path exactly the rows the unbound one has for those values."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.plugins.sparql import prepareQuery

from cq_runner import PublicPath, column, rows_where, same_table, table
from kg.catalog import XSD, CatalogError, ParameterError, load_catalog, read_query, to_term
from kg.errors import BadRequest, KGError, NotFound
from support import ROOT

HEADER = ["#+ id: tq01", "#+ title@en: A test query", "#+ title@de: Eine Testabfrage",
          "#+ description@en: What it asks", "#+ description@de: Was sie fragt",
          "#+ param: thing | iri | | Thing | Ding",
          "#+ param: things | iri-list | | Things | Dinge",
          "#+ param: day | date | 2024-06-30 | Day | Tag",
          "#+ param: count | integer | 3 | Count | Anzahl",
          "#+ param: name | string | | Name | Name",
          "#+ tags: test"]
BODY = ["SELECT ?thing ?things ?day ?count ?name", "WHERE {", "  BIND (1 AS ?one)", "}"]
MUNICIPALITY = "https://w3id.org/integration-kg/id/municipality/"


def write(folder: Path, lines: list[str], name: str = "tq01.rq") -> Path:
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def replaced(number: int, line: str | None) -> list[str]:
    """The test header with its line `number` (1-based) replaced, or left out for None."""
    lines = HEADER[: number - 1] + ([line] if line is not None else []) + HEADER[number:]
    return lines + BODY


@pytest.fixture
def query(tmp_path: Path):
    return read_query(write(tmp_path, HEADER + BODY))


# -- reading


def test_every_real_query_loads_in_both_languages() -> None:
    catalog = load_catalog()
    assert [q.id for q in catalog] == [f"cq{n:02d}" for n in range(1, 23)]
    for q in catalog:
        assert q.file.parent == ROOT / "queries" / "cq" and q.file.name.startswith(q.id)
        assert all(q.titles[lang] and q.descriptions[lang] for lang in ("en", "de")), q.id
        assert q.params and all(p.help["en"] and p.help["de"] for p in q.params), q.id
        assert "cq" in q.tags and q.text.startswith("#+ id: ")
    assert catalog.get("cq08").param("municipality").kind == "iri-list"
    assert catalog.get("cq03").param("date").default == "2024-06-30"


def projected(text: str) -> list[str]:
    """The variables a query's final SELECT projects, in order, as a SPARQL parser reads them
    (`?x` and `(… AS ?x)` alike; `SELECT *`: every variable in scope)."""
    return [str(v) for v in prepareQuery(text).algebra.PV]


def test_projected_reads_plain_and_computed_variables() -> None:
    text = ('PREFIX ex: <http://example.org/ns#>\nSELECT ?a (COUNT(?b) AS ?n) ?c\n'
            '  # a comment naming ?d\n  (CONCAT("?e", STR(?a)) AS ?f)\nWHERE {\n'
            '  { SELECT ?a ?b (1 AS ?inner) WHERE { ?a ex:p ?b } }\n  OPTIONAL { ?a ex:q ?c }\n}\nGROUP BY ?a ?c')
    assert projected(text) == ["a", "n", "c", "f"]


def test_every_projected_column_of_a_real_query_has_a_heading_in_both_languages() -> None:
    for q in load_catalog():
        variables = projected(q.text)
        assert variables, q.id
        missing = [v for v in variables if not all(q.columns.get(v, {}).get(lang) for lang in ("en", "de"))]
        assert not missing, f"{q.id}: no `#+ column:` heading in both languages for {missing}"
        unknown = [name for name in q.columns if name not in variables]
        assert not unknown, f"{q.id}: `#+ column:` names {unknown}, which the query does not project"
        assert list(q.columns) == variables, f"{q.id}: the column lines follow the projection's order"


def test_an_unknown_id_is_not_found() -> None:
    with pytest.raises(NotFound) as caught:
        load_catalog().get("cq99")
    assert caught.value.status == 404 and "cq99" in caught.value.text("de")


def test_a_test_query_reads_its_header(query) -> None:
    assert (query.id, query.titles["de"], query.descriptions["en"], query.tags) == \
        ("tq01", "Eine Testabfrage", "What it asks", ("test",))
    assert [(p.name, p.kind, p.default) for p in query.params] == [
        ("thing", "iri", ""), ("things", "iri-list", ""), ("day", "date", "2024-06-30"),
        ("count", "integer", "3"), ("name", "string", "")]


MALFORMED = {
    "unknown key": (replaced(5, "#+ summary@en: no such key"), 5),
    "no colon": (replaced(2, "#+ title@en A test query"), 2),
    "four fields": (replaced(6, "#+ param: thing | iri | | Thing"), 6),
    "seven fields": (replaced(6, "#+ param: thing | iri | | Thing | Ding | urn:x:a | more"), 6),
    "empty example": (replaced(6, "#+ param: thing | iri | | Thing | Ding | "), 6),
    "example not of its kind": (replaced(6, "#+ param: thing | iri | | Thing | Ding | not an iri"), 6),
    "required without an example": (replaced(6, "#+ param: thing | iri! | | Thing | Ding"), 6),
    "required with a default": (replaced(6, "#+ param: thing | iri! | urn:x:a | Thing | Ding | urn:x:b"), 6),
    "required twice over": (replaced(6, "#+ param: thing | iri!! | | Thing | Ding | urn:x:a"), 6),
    "unknown kind": (replaced(8, "#+ param: day | datetime | | Day | Tag"), 8),
    "bad variable name": (replaced(6, "#+ param: the thing | iri | | Thing | Ding"), 6),
    "help in one language": (replaced(6, "#+ param: thing | iri | | Thing | "), 6),
    "date default not a date": (replaced(8, "#+ param: day | date | 2024-13-01 | Day | Tag"), 8),
    "integer default not an integer": (replaced(9, "#+ param: count | integer | three | Count | Anzahl"), 9),
    "iri default not an IRI": (replaced(6, "#+ param: thing | iri | not an iri | Thing | Ding"), 6),
    "parameter twice": (replaced(7, "#+ param: thing | iri-list | | Things | Dinge"), 7),
    "key twice": (replaced(4, "#+ title@en: Again"), 4),
    "no German title": (replaced(3, None), 1),
    "no English title": (replaced(2, None), 1),
    "header line after the header": (HEADER + BODY[:2] + ["#+ tags: late"] + BODY[2:], 14),
    "outer WHERE inside a line": (HEADER + ["SELECT * WHERE {", "}"], 12),
}


@pytest.mark.parametrize(("lines", "line"), MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_header_names_the_file_and_line(tmp_path: Path, lines: list[str], line: int) -> None:
    path = write(tmp_path, lines)
    with pytest.raises(CatalogError) as caught:
        load_catalog(tmp_path)
    error = caught.value
    assert isinstance(error, BadRequest) and error.status == 400
    assert f"{path}, line {line}: " in str(error), str(error)
    assert f"{path}, Zeile {line}: " in error.text("de"), error.text("de")


REQUIRED_HEADER = [*HEADER[:6], "#+ param: things | iri-list! | | Things | Dinge | urn:x:a, urn:x:b",
                   *HEADER[7:]]


def test_a_required_parameter_reads_its_mark_and_example(tmp_path: Path) -> None:
    query = read_query(write(tmp_path, REQUIRED_HEADER + BODY))
    things, thing = query.param("things"), query.param("thing")
    assert (things.kind, things.required, things.default, things.example_value()) == \
        ("iri-list", True, "", ["urn:x:a", "urn:x:b"])
    assert (thing.required, thing.example) == (False, "")
    assert query.examples() == {"things": ["urn:x:a", "urn:x:b"]}


@pytest.mark.parametrize("left_out", [None, {}, {"things": []}, {"things": ""}, {"thing": "urn:x:c"}])
def test_a_required_parameter_left_out_is_refused_naming_it(tmp_path: Path, left_out) -> None:
    query = read_query(write(tmp_path, REQUIRED_HEADER + BODY))
    with pytest.raises(ParameterError) as caught:
        query.bind(left_out)
    error = caught.value
    assert error.status == 400 and error.detail["parameter"] == "things" and error.detail["required"]
    assert "tq01 needs a value for its parameter 'things' (Things)" in error.text("en")
    assert "tq01 braucht einen Wert für seinen Parameter 'things' (Dinge)" in error.text("de")
    assert "urn:x:a, urn:x:b" in error.text("en") and "urn:x:a, urn:x:b" in error.text("de")


def test_a_required_parameter_given_is_bound(tmp_path: Path) -> None:
    query = read_query(write(tmp_path, REQUIRED_HEADER + BODY))
    assert "  VALUES ?things { <urn:x:a> <urn:x:b> }" in query.bind(query.examples()).splitlines()
    assert "  VALUES ?things { <urn:x:c> }" in query.bind({"things": "urn:x:c"}).splitlines()


def test_only_cq12_and_cq22_require_a_parameter_and_their_examples_are_of_the_shipped_graph() -> None:
    required = [(q.id, p.name) for q in load_catalog() for p in q.params if p.required]
    assert required == [("cq12", "municipality"), ("cq22", "subject")]
    example = load_catalog().get("cq22").param("subject").example_value()
    assert MUNICIPALITY + "14612000" in example and len(example) == 3
    # cq12 asks about one municipality: its example is one IRI, not a list
    assert load_catalog().get("cq12").param("municipality").example_value() == MUNICIPALITY + "14612000"
    for query_id in ("cq12", "cq22"):
        with pytest.raises(ParameterError):
            load_catalog().get(query_id).bind(None)


def test_two_files_with_one_id_are_refused(tmp_path: Path) -> None:
    first = write(tmp_path, HEADER + BODY, "a.rq")
    second = write(tmp_path, HEADER + BODY, "b.rq")
    with pytest.raises(CatalogError) as caught:
        load_catalog(tmp_path)
    assert f"{second}, line 1: " in str(caught.value) and str(first) in str(caught.value)


# -- binding


def test_values_are_bound_as_terms_first_in_the_outer_group(query) -> None:
    text = query.bind({"thing": "https://example.org/a", "things": ["https://example.org/b", "urn:x:c"],
                       "day": ox.Literal("2020-01-31", datatype=ox.NamedNode(XSD + "date")),
                       "count": "+007", "name": 'say "hi"\n'})
    assert text.split("WHERE {\n", 1)[1].splitlines()[:5] == [
        "  VALUES ?thing { <https://example.org/a> }",
        "  VALUES ?things { <https://example.org/b> <urn:x:c> }",
        '  VALUES ?day { "2020-01-31"^^<http://www.w3.org/2001/XMLSchema#date> }',
        '  VALUES ?count { "7"^^<http://www.w3.org/2001/XMLSchema#integer> }',
        '  VALUES ?name { "say \\"hi\\"\\n" }']


def test_an_empty_value_leaves_the_parameter_unbound(query) -> None:
    assert query.bind({"thing": "", "things": [], "name": None}) == query.text == query.bind()


BAD_VALUES = {
    "IRI with a space": ("thing", "https://example.org/a b"),
    "IRI with >": ("thing", "https://example.org/a>b"),
    "injection as an IRI": ("thing", "x> } ; DROP ALL #"),
    "injection in an IRI list": ("things", ["https://example.org/a", "https://example.org/> } DROP ALL #"]),
    "relative IRI": ("thing", "municipality/14612000"),
    "not a date": ("day", "30.06.2024"),
    "no such day": ("day", "2024-02-30"),
    "injection as a date": ("day", '2024-06-30"^^<x> } DROP ALL #'),
    "not an integer": ("count", "3.5"),
    "injection as an integer": ("count", "3 } DROP ALL #"),
    "two values for one": ("thing", ["https://example.org/a", "https://example.org/b"]),
    "a term of another kind": ("thing", ox.Literal("https://example.org/a")),
    "an integer for a date": ("day", ox.Literal("7", datatype=ox.NamedNode(XSD + "integer"))),
}


@pytest.mark.parametrize(("name", "value"), BAD_VALUES.values(), ids=BAD_VALUES.keys())
def test_a_malformed_value_is_refused_in_both_languages(query, name: str, value) -> None:
    with pytest.raises(ParameterError) as caught:
        query.bind({name: value})
    error = caught.value
    assert isinstance(error, KGError) and error.status == 400 and error.kind == "parameter-error"
    assert f"Parameter '{name}' of tq01" in error.text("en") and "expected" in error.text("en")
    assert f"Parameter '{name}' von tq01" in error.text("de") and "erwartet" in error.text("de")
    assert error.detail["parameter"] == name


def test_an_unknown_parameter_is_refused(query) -> None:
    with pytest.raises(ParameterError) as caught:
        query.bind({"place": "https://example.org/a"})
    assert "'place'" in str(caught.value) and "thing, things, day, count, name" in str(caught.value)
    assert "keinen Parameter" in caught.value.text("de")


def test_a_string_stays_one_literal_whatever_it_holds(query) -> None:
    """The text a user gives is a value, never SPARQL: the query still has its own shape and
    answers the very string."""
    sly = '"} ; DROP ALL ; SELECT * WHERE { ?s ?p ?o } #\\'
    answer = list(ox.Store().query(query.bind({"name": sly})))
    assert len(answer) == 1 and answer[0]["name"] == ox.Literal(sly)


def test_to_term_gives_the_kind_s_term() -> None:
    assert to_term("iri", "urn:x") == ox.NamedNode("urn:x")
    assert to_term("integer", "-12") == ox.Literal("-12", datatype=ox.NamedNode(XSD + "integer"))
    assert to_term("string", "a") == ox.Literal("a")


# -- the public path: a store `kg load` built from the shipped files, the query worker pool


@pytest.fixture(scope="module")
def public(loaded_store_path: Path) -> Iterator[PublicPath]:
    path = PublicPath(loaded_store_path)
    yield path
    path.close()


def answer(public: PublicPath, query_id: str, values: dict | None = None) -> list[list[str]]:
    return table(public.run(load_catalog().get(query_id).bind(values)))


def test_a_bound_iri_list_keeps_exactly_the_rows_of_its_iris(public: PublicPath) -> None:
    query = load_catalog().get("cq08")
    everything = answer(public, "cq08")
    towns = column(everything, "municipality")
    assert len(towns) >= 3
    for chosen in (towns[:1], towns[1:3], towns, [MUNICIPALITY + "00000000"]):
        bound = answer(public, "cq08", {"municipality": chosen})
        assert same_table(bound, rows_where(everything, "municipality", set(chosen)), query.text), chosen


def test_a_value_typed_as_text_answers_as_the_term_does(public: PublicPath) -> None:
    town = MUNICIPALITY + "14612000"
    as_text = answer(public, "cq03", {"municipality": town, "date": "2020-01-01"})
    as_terms = answer(public, "cq03", {"municipality": ox.NamedNode(town), "date": to_term("date", "2020-01-01")})
    assert as_text == as_terms and len(as_text) > 1
