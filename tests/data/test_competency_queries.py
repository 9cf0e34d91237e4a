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


def test_cq22_requires_its_subject():
    assert [query_id(q) for q in REQUIRED] == ["cq22"]
    with pytest.raises(BadRequest) as caught:
        read_query(REQUIRED[0]).bind(None)
    assert "'subject'" in caught.value.text("en") and "'subject'" in caught.value.text("de")


@pytest.mark.parametrize("query", REQUIRED, ids=lambda q: q.stem)
def test_the_example_keeps_exactly_the_rows_of_the_unbound_text(public, query):
    """The expected table (for the header's example) holds exactly the rows that the query's text,
    run without a binding (as only the catalogue refuses it), gives for those things."""
    text = read_query(query).text
    rows = table(public.run(text))
    [(name, example)] = header_examples(query).items()
    assert set(example) <= set(column(rows, name)), "every example thing has a source"
    assert same_table(read_csv(_expected(query)), rows_where(rows, name, set(example)), text)


@pytest.mark.parametrize("query", [q for q in QUERIES if "#+ param: municipality |" in q.read_text(encoding="utf-8")],
                         ids=lambda q: q.stem)
def test_a_bound_municipality_keeps_exactly_its_rows(public, query):
    everything = read_csv(_expected(query))
    for town in SEEN:
        bound = public.table(query, {"municipality": ox.NamedNode(town)})
        assert same_table(bound, rows_where(everything, "municipality", {town}), query.read_text(encoding="utf-8")), town
