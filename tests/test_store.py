"""The embedded store on disk: graphs, the published dataset, atomic replacement."""

import pyoxigraph as ox
import pytest

import remote_backend
from kg.errors import BadRequest, StoreBusy
from kg.store import EmbeddedStore, GraphLoad

EX = "https://example.org/fictional/"
PUBLIC, PRIVATE = EX + "graph/public", EX + "graph/private"


def triples(*spo):
    return [ox.Triple(ox.NamedNode(EX + s), ox.NamedNode(EX + p), ox.Literal(o)) for s, p, o in spo]


@pytest.fixture
def filled(store):
    store.replace_graphs([
        GraphLoad(PUBLIC, triples(("a", "name", "Alpha"), ("b", "name", "Beta")), source="data/a.ttl"),
        GraphLoad(PRIVATE, triples(("secret", "name", "Hidden")), publish=False),
    ])
    return store


def test_only_published_graphs_form_the_default_graph(filled):
    result = filled.query("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o")
    assert [t.value for t in result.column("o")] == ["Alpha", "Beta"]


def test_unpublished_graphs_are_invisible_to_graph_patterns(filled):
    result = filled.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert [g.value for g in result.column("g")] == [PUBLIC]
    ask = filled.query(f"ASK {{ GRAPH <{PRIVATE}> {{ ?s ?p ?o }} }}")
    assert ask.boolean is False


def test_system_graph_is_never_visible(filled):
    result = filled.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert result.rows[0][0].value == "2"


def test_graphs_lists_all_and_published_lists_published(filled):
    assert filled.graphs() == sorted([PUBLIC, PRIVATE])
    assert filled.published_graphs() == [PUBLIC]
    assert filled.quad_count() == 2
    assert filled.quad_count([PRIVATE]) == 1


def test_publishing_and_unpublishing(filled):
    filled.set_published(PRIVATE, True)
    assert filled.published_graphs() == sorted([PUBLIC, PRIVATE])
    filled.set_published(PUBLIC, False)
    assert filled.published_graphs() == [PRIVATE]


def test_replace_graph_replaces_content(filled):
    filled.replace_graphs([GraphLoad(PUBLIC, triples(("c", "name", "Gamma")))])
    result = filled.query("SELECT ?o WHERE { ?s ?p ?o }")
    assert [t.value for t in result.column("o")] == ["Gamma"]


def test_drop_removes_graph_and_its_record(filled):
    filled.replace_graphs([], drop=[PUBLIC])
    assert filled.graphs() == [PRIVATE] and filled.published_graphs() == []
    assert PUBLIC not in filled.load_records()


def test_load_records_keep_source_and_count(filled):
    record = filled.load_records()[PUBLIC]
    assert (record["source"], record["triples"]) == ("data/a.ttl", "2")


def test_blank_nodes_of_two_loads_stay_apart(store):
    bnode = ox.BlankNode("b")
    t = [ox.Triple(bnode, ox.NamedNode(EX + "p"), ox.Literal("x"))]
    store.replace_graphs([GraphLoad(PUBLIC, t), GraphLoad(EX + "graph/other", t)])
    result = store.query("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }")
    assert result.rows[0][0].value == "2"


def test_substitutions_bind_terms_not_text(filled):
    result = filled.query("SELECT ?s ?o WHERE { ?s ?p ?o }", substitutions={"s": ox.NamedNode(EX + "b")})
    assert [t.value for t in result.column("o")] == ["Beta"]


def test_row_cap_marks_truncation(filled):
    result = filled.query("SELECT ?o WHERE { ?s ?p ?o }", row_cap=1)
    assert (len(result.rows), result.truncated) == (1, True)


def test_syntax_error_is_a_bad_request(filled):
    with pytest.raises(BadRequest, match="does not parse"):
        filled.query("SELEC ?x WHERE {}")


def test_data_persist_on_disk(store_path):
    first = EmbeddedStore(store_path)
    first.replace_graphs([GraphLoad(PUBLIC, triples(("a", "name", "Alpha")))])
    first.close()
    again = EmbeddedStore(store_path)
    assert again.published_graphs() == [PUBLIC] and again.quad_count() == 1
    again.close()


def test_second_writer_is_refused_with_a_message(store, store_path):
    if remote_backend.remote():
        pytest.skip("the embedded store's lock; on an Oxigraph server a second kg serve with the "
                    "same --state-dir is refused instead (test_server)")
    with pytest.raises(StoreBusy, match="in use by another process"):
        EmbeddedStore(store_path)


def test_dump_holds_published_quads_only(filled):
    nquads = filled.dump(ox.RdfFormat.N_QUADS).decode()
    assert "Alpha" in nquads and "Hidden" not in nquads and f"<{PUBLIC}>" in nquads
    turtle = filled.dump(ox.RdfFormat.TURTLE)
    assert len(list(ox.parse(turtle, format=ox.RdfFormat.TURTLE))) == 2
