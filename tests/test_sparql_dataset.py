"""Reading a query's form, FROM / FROM NAMED graphs and SERVICE use; choosing the dataset."""

from __future__ import annotations

import pytest

from kg.errors import BadRequest
from kg.sparql_dataset import QueryHead, choose_dataset, read_query_head

G = "http://example.org/g/"


@pytest.mark.parametrize("query,form,default,named", [
    ("SELECT * WHERE { ?s ?p ?o }", "select", [], []),
    (f"SELECT * FROM <{G}1> FROM NAMED <{G}2> WHERE {{}}", "select", [G + "1"], [G + "2"]),
    (f"PREFIX g: <{G}> ASK FROM g:1 FROM NAMED g:two {{}}", "ask", [G + "1"], [G + "two"]),
    (f"BASE <{G}> CONSTRUCT {{ ?s <from> 'FROM <x>' }} FROM <rel> WHERE {{}}", "construct",
     [G + "rel"], []),
    (f"select (exists {{ ?s ?p ?o }} as ?x) from <{G}1> where {{}}", "select", [G + "1"], []),
    (f"DESCRIBE <{G}x> # FROM <{G}comment>\nFROM <{G}1>", "describe", [G + "1"], []),
    ('SELECT * WHERE { ?s ?p "FROM <http://example.org/g/1>" }', "select", [], []),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "update", [], []),
    ("WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "update", [], []),
])
def test_read_query_head(query, form, default, named):
    head = read_query_head(query)
    assert (head.form, head.default_graphs, head.named_graphs) == (form, default, named)


@pytest.mark.parametrize("query,uses", [
    ("SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }", True),
    ("select * where { { service silent <http://x/sparql> {} } }", True),
    ('SELECT * WHERE { ?s ?p "SERVICE <http://x>" }', False),
    ("SELECT * WHERE { ?s <http://x/\\u00e9#a> ?o . SERVICE <http://x> {} }", True),
    ("SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x> {}", False),
    ("SELECT * WHERE { ?s ?p ?o # c\r SERVICE <http://x> {} }", True),
])
def test_service_is_found_wherever_the_engine_would_see_it(query, uses):
    assert read_query_head(query).uses_service is uses


def test_undeclared_prefix_in_from_is_400():
    with pytest.raises(BadRequest, match="not declared"):
        read_query_head("SELECT * FROM x:g WHERE {}")


@pytest.mark.parametrize("head,protocol_default,protocol_named,expected", [
    (QueryHead(), [], [], (None, None)),
    (QueryHead("select", [G + "1"], []), [], [], ([G + "1"], [])),
    (QueryHead("select", [G + "1"], []), [], [G + "2"], ([], [G + "2"])),  # protocol wins
    (QueryHead("select", [], [G + "2"]), [G + "1"], [], ([G + "1"], [])),
])
def test_choose_dataset(head, protocol_default, protocol_named, expected):
    assert choose_dataset(head, protocol_default, protocol_named, [G + "1", G + "2"]) == expected


def test_choose_dataset_names_every_unpublished_graph_once():
    with pytest.raises(BadRequest) as info:
        choose_dataset(QueryHead("select", [G + "x", G + "1"], [G + "x"]), [], [], [G + "1"])
    assert info.value.detail["unknown_graphs"] == [G + "x"]
