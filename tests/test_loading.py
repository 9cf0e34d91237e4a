"""Loading project files: one graph per file, reload replaces, a broken file changes nothing."""

import pytest

from kg import iris
from kg.errors import ParseError
from kg.loading import collect_sources, load_sources
from support import ROOT, SHIPPED_COUNT, SHIPPED_FILES, shipped_graph, shipped_path, shipped_triples

TTL = """@prefix ex: <https://example.org/fictional/> .
ex:town ex:name "Musterstadt" ; ex:population 1000 .
"""


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "project"
    (root / "data").mkdir(parents=True)
    (root / "ontology").mkdir()
    (root / "data" / "towns.ttl").write_text(TTL)
    (root / "ontology" / "mini.ttl").write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n<https://example.org/o> a owl:Ontology .\n")
    (root / "data" / "notes.md").write_text("not RDF, not loaded")
    return root


def names(store):
    return sorted(t.value for t in store.query("SELECT ?n WHERE { ?s <https://example.org/fictional/name> ?n }").column("n"))


def test_one_graph_per_file_all_published(store, project):
    report = load_sources(store, collect_sources(project))
    assert report.loaded == {"ontology/mini.ttl": 1, "data/towns.ttl": 2}
    expected = [iris.GRAPH + "data/towns", iris.GRAPH + "ontology/mini"]
    assert store.graphs() == expected and store.published_graphs() == expected


def test_reload_unchanged_does_nothing(store, project):
    load_sources(store, collect_sources(project))
    report = load_sources(store, collect_sources(project))
    assert report.loaded == {} and report.unchanged == ["ontology/mini.ttl", "data/towns.ttl"]
    assert store.quad_count() == 3


def test_reload_after_change_replaces_without_duplicates_or_stale_triples(store, project):
    load_sources(store, collect_sources(project))
    (project / "data" / "towns.ttl").write_text(TTL.replace("Musterstadt", "Beispielstadt"))
    report = load_sources(store, collect_sources(project))
    assert report.loaded == {"data/towns.ttl": 2}
    assert names(store) == ["Beispielstadt"] and store.quad_count() == 3


def test_removed_file_loses_its_graph(store, project):
    load_sources(store, collect_sources(project))
    (project / "data" / "towns.ttl").unlink()
    kept = load_sources(store, collect_sources(project))
    # Without prune the graph stays and the report says so; a partial tree drops nothing.
    assert kept.removed == [] and kept.kept == [iris.GRAPH + "data/towns"]
    assert iris.GRAPH + "data/towns" in store.graphs()
    report = load_sources(store, collect_sources(project), prune=True)
    assert report.removed == [iris.GRAPH + "data/towns"]
    assert store.graphs() == [iris.GRAPH + "ontology/mini"]


def test_broken_file_stops_the_load_and_changes_nothing(store, project):
    load_sources(store, collect_sources(project))
    before = store.dump(__import__("pyoxigraph").RdfFormat.N_QUADS)
    (project / "data" / "towns.ttl").write_text(TTL.replace("Musterstadt", "Neustadt"))
    (project / "data" / "broken.ttl").write_text('@prefix ex: <https://example.org/fictional/> .\nex:a ex:b\n  "unterminated .\n')
    with pytest.raises(ParseError) as exc:
        load_sources(store, collect_sources(project))
    assert exc.value.source == "data/broken.ttl" and exc.value.line == 3
    assert "data/broken.ttl, line 3" in exc.value.message
    assert store.dump(__import__("pyoxigraph").RdfFormat.N_QUADS) == before
    assert names(store) == ["Musterstadt"]


def test_named_graphs_inside_a_file_are_refused(store, project):
    (project / "data" / "g.trig").write_text("<https://example.org/g> { <https://example.org/a> <https://example.org/b> 1 . }")
    with pytest.raises(ParseError, match="give each graph a file of its own"):
        load_sources(store, collect_sources(project))
    assert store.graphs() == []


def test_real_project_files_load(store):
    report = load_sources(store, collect_sources(ROOT))
    # Expectations from the files themselves, as rdflib reads them, not from kg's own listing.
    expected = {shipped_path(p): len(shipped_triples(p)) for p in SHIPPED_FILES}
    assert len(expected) == SHIPPED_COUNT
    assert report.loaded == expected
    graphs = sorted(shipped_graph(p) for p in SHIPPED_FILES)
    assert sorted(store.published_graphs()) == graphs
    for path in SHIPPED_FILES:
        assert store.quad_count([shipped_graph(path)]) == len(shipped_triples(path)), path


def test_unpublished_graphs_survive_a_reload(store, project):
    from kg.store import GraphLoad
    import pyoxigraph as ox
    private = iris.GRAPH + "submission/x/v1"
    store.replace_graphs([GraphLoad(private, [ox.Triple(ox.NamedNode("https://example.org/p"), ox.NamedNode("https://example.org/q"), ox.Literal("x"))], publish=False)])
    load_sources(store, collect_sources(project))
    assert private in store.graphs() and private not in store.published_graphs()
