"""Each competency query, run as users run them (the shipped ontology, shapes and data loaded by
`kg load`, the query worker pool with the default deadline), gives exactly its expected table; a
municipality bound as a parameter keeps exactly that municipality's rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from cq_runner import (EXPECTED, QUERIES, PublicPath, column, header_examples, query_id, read_csv, rows_where,
                       same_table, table)
from kg.catalog import read_query
from kg.errors import BadRequest

EXPECTED_SHIPPED = EXPECTED / "shipped"
MUNICIPALITY = "https://w3id.org/integration-kg/id/municipality/"
SEEN = [MUNICIPALITY + ags for ags in ("14612000", "09564000", "15002000", "05913000", "05116000")]


def _expected(query: Path) -> Path:
    return EXPECTED_SHIPPED / f"{query_id(query)}.csv"


@pytest.fixture(scope="module")
def public(loaded_store_path) -> Iterator[PublicPath]:
    path = PublicPath(loaded_store_path)
    yield path
    path.close()


def test_there_are_twelve_competency_queries():
    assert [query_id(q) for q in QUERIES] == [f"cq{n:02d}" for n in range(1, 23)]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.stem)
def test_query_gives_expected_table(public, query):
    """Each with its defaults; a required parameter with the example its header documents."""
    assert same_table(public.table(query, header_examples(query)), read_csv(_expected(query)),
                      query.read_text(encoding="utf-8"))


REQUIRED = [q for q in QUERIES if header_examples(q)]


def _things(example) -> set[str]:
    """An example as a set of IRIs: one IRI for an `iri` parameter, several for an `iri-list`."""
    return {example} if isinstance(example, str) else set(example)


_UNBOUND: dict[Path, list[list[str]]] = {}


def _unbound(public, query: Path) -> list[list[str]]:
    """The rows of the query's text run without a binding (only the catalogue refuses that); cq12's
    are 4,422, so they are read once for the tests that compare with them."""
    if query not in _UNBOUND:
        _UNBOUND[query] = table(public.run(read_query(query).text))
    return _UNBOUND[query]


@pytest.mark.parametrize(("query", "name"), [("cq12", "municipality"), ("cq22", "subject")])
def test_cq12_and_cq22_require_their_parameter(query, name):
    assert [query_id(q) for q in REQUIRED] == ["cq12", "cq22"]
    with pytest.raises(BadRequest) as caught:
        read_query(next(q for q in REQUIRED if query_id(q) == query)).bind(None)
    assert f"'{name}'" in caught.value.text("en") and f"'{name}'" in caught.value.text("de")


@pytest.mark.parametrize("query", REQUIRED, ids=lambda q: q.stem)
def test_the_example_keeps_exactly_the_rows_of_the_unbound_text(public, query):
    """The expected table (for the header's example) holds exactly the rows that the query's text,
    run without a binding (as only the catalogue refuses it), gives for those things."""
    text = read_query(query).text
    rows = _unbound(public, query)
    [(name, example)] = header_examples(query).items()
    assert _things(example) <= set(column(rows, name)), "every example thing has a source"
    assert same_table(read_csv(_expected(query)), rows_where(rows, name, _things(example)), text)


@pytest.mark.parametrize("query", [q for q in QUERIES if "#+ param: municipality |" in q.read_text(encoding="utf-8")],
                         ids=lambda q: q.stem)
def test_a_bound_municipality_keeps_exactly_its_rows(public, query):
    # a query that requires the municipality has an expected table for its example only
    everything = _unbound(public, query) if query in REQUIRED else read_csv(_expected(query))
    for town in SEEN:
        bound = public.table(query, {"municipality": ox.NamedNode(town)})
        assert same_table(bound, rows_where(everything, "municipality", {town}), query.read_text(encoding="utf-8")), town
