"""ontology/checks/*.rq return no rows on the real files, and each one fires on a planted defect."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, RdfFormat, Store

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "ontology" / "checks"
IKG = "https://w3id.org/integration-kg/ontology#"
FIXTURE = ROOT / "tests" / "fixtures" / "fictional" / "fixture.ttl"


def load(extra_turtle: str = "", with_data: bool = False) -> Store:
    """Ontology, shapes and the fixture (and the shipped data), each in its own graph, plus planted triples."""
    store = Store()
    for folder in ("ontology", "shapes", "data") if with_data else ("ontology", "shapes"):
        for path in sorted((ROOT / folder).glob("*.ttl")):
            graph = NamedNode(f"https://w3id.org/integration-kg/graph/{folder}/{path.stem}")
            store.load(path=str(path), format=RdfFormat.TURTLE, to_graph=graph)
    store.load(path=str(FIXTURE), format=RdfFormat.TURTLE, to_graph=NamedNode("https://example.org/fictional/graph-fixture"))
    if extra_turtle:
        store.load(extra_turtle, format=RdfFormat.TURTLE, to_graph=NamedNode("https://example.org/planted"))
    return store


def rows(store: Store, check: str) -> list[tuple[str, ...]]:
    text = (CHECKS / f"{check}.rq").read_text(encoding="utf-8")
    return [tuple(term.value for term in solution) for solution in store.query(text, use_default_graph_as_union=True)]


CHECK_NAMES = sorted(p.stem for p in CHECKS.glob("*.rq"))


@pytest.fixture(scope="module")
def real_files() -> Store:
    return load(with_data=True)

PREFIXES = """@prefix ikg: <https://w3id.org/integration-kg/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
"""
PLANTED = {
    "terms-labelled-and-defined": (
        'ikg:Planted a owl:Class ; rdfs:label "Gepflanzt"@de ; skos:definition "Nur deutsch."@de .',
        [(IKG + "Planted", "rdfs:label@en"), (IKG + "Planted", "skos:definition@en")],
    ),
    "concepts-labelled-and-defined": (
        '<https://example.org/planted-concept> a skos:Concept ; skos:prefLabel "x"@de , "x"@en ; '
        'skos:definition "x"@de , "x"@en .',
        [("https://example.org/planted-concept", "skos:inScheme")],
    ),
    "shapes-target-declared-classes": (
        "<https://example.org/planted-shape> a sh:NodeShape ; sh:targetClass ikg:Undeclared .",
        [("https://example.org/planted-shape", IKG + "Undeclared")],
    ),
    "no-undeclared-terms": (
        "<https://example.org/x> a ikg:Undeclared ; ikg:undeclaredProperty 1 .",
        [(IKG + "Undeclared", "class"), (IKG + "undeclaredProperty", "property")],
    ),
}


def test_every_check_has_a_planted_defect() -> None:
    assert sorted(PLANTED) == CHECK_NAMES


@pytest.mark.parametrize("check", CHECK_NAMES)
def test_check_passes_on_the_real_files(real_files: Store, check: str) -> None:
    assert rows(real_files, check) == []


@pytest.mark.parametrize("check", CHECK_NAMES)
def test_check_fires_on_planted_defect(check: str) -> None:
    planted, expected = PLANTED[check]
    assert rows(load(PREFIXES + planted), check) == expected


def declared_ikg_terms() -> set[str]:
    store = load()
    query = f"""SELECT DISTINCT ?t WHERE {{ ?t a ?k FILTER (STRSTARTS(STR(?t), "{IKG}"))
        VALUES ?k {{ <http://www.w3.org/2002/07/owl#Class> <http://www.w3.org/2002/07/owl#ObjectProperty>
                    <http://www.w3.org/2002/07/owl#DatatypeProperty> <http://www.w3.org/2002/07/owl#AnnotationProperty> }} }}"""
    return {s["t"].value[len(IKG):] for s in store.query(query, use_default_graph_as_union=True)}


def used_ikg_terms(paths: list[Path]) -> set[str]:
    """Local names written as ikg:Name in query and shape files."""
    return {m for p in paths for m in re.findall(r"\bikg:([A-Za-z][A-Za-z0-9_]*)", p.read_text(encoding="utf-8"))}


def test_queries_and_shapes_use_only_declared_terms() -> None:
    files = sorted((ROOT / "queries").rglob("*.rq")) + sorted((ROOT / "shapes").glob("*.ttl"))
    assert used_ikg_terms(files) - declared_ikg_terms() == set()


def test_the_term_scan_sees_an_undeclared_term(tmp_path: Path) -> None:
    planted = tmp_path / "planted.rq"
    planted.write_text("SELECT * WHERE { ?s ikg:notDeclared ?o }", encoding="utf-8")
    assert used_ikg_terms([planted]) - declared_ikg_terms() == {"notDeclared"}


# ---- every IRI of our namespaces that a query in queries/**/*.rq uses is declared (parsed, not pattern-matched)

OWN = "https://w3id.org/integration-kg/"
DECLARATIONS = {  # namespace -> the types that declare a term there
    IKG: ("owl:Class", "owl:ObjectProperty", "owl:DatatypeProperty", "owl:AnnotationProperty"),
    f"{OWN}id/concept/": ("skos:Concept",),
    f"{OWN}id/scheme/": ("skos:ConceptScheme",),
}


def query_iris(text: str) -> set[str]:
    """Every IRI in a SPARQL query, prefixes resolved, as the parser reads it (whatever the prefix is called)."""
    import rdflib  # noqa: PLC0415
    from rdflib.plugins.sparql import prepareQuery  # noqa: PLC0415

    found: set[str] = set()

    def walk(node, seen) -> None:
        if id(node) in seen:
            return
        seen.add(id(node))
        if isinstance(node, rdflib.URIRef):
            found.add(str(node))
        elif isinstance(node, dict):
            for value in node.values():
                walk(value, seen)
        elif isinstance(node, (list, tuple, set)):
            for value in node:
                walk(value, seen)
        elif hasattr(node, "__dict__") and not isinstance(node, (str, bytes)):
            walk(vars(node), seen)

    walk(prepareQuery(text).algebra, set())
    return found


def declared_own_terms() -> set[str]:
    store = load()
    values = " ".join(t.replace("owl:", "<http://www.w3.org/2002/07/owl#").replace(
        "skos:", "<http://www.w3.org/2004/02/skos/core#") + ">" for types in DECLARATIONS.values() for t in types)
    query = f"SELECT DISTINCT ?t WHERE {{ ?t a ?k VALUES ?k {{ {values} }} }}"
    return {s["t"].value for s in store.query(query, use_default_graph_as_union=True)}


def undeclared_in(paths: list[Path]) -> dict[str, set[str]]:
    declared = declared_own_terms()
    result = {}
    for path in paths:
        own = {iri for iri in query_iris(path.read_text(encoding="utf-8"))
               if any(iri.startswith(ns) for ns in DECLARATIONS)}
        if own - declared:
            result[path.name] = own - declared
    return result


QUERY_FILES = sorted((ROOT / "queries").rglob("*.rq"))


def test_every_query_parses_and_uses_only_declared_terms() -> None:
    assert QUERY_FILES and undeclared_in(QUERY_FILES) == {}


@pytest.mark.parametrize("planted,expected", [
    ("PREFIX ikg: <https://w3id.org/integration-kg/ontology#> SELECT * WHERE { ?s ikg:notDeclared ?o }",
     f"{IKG}notDeclared"),
    # a full IRI and another prefix name: a pattern on "ikg:" would miss both
    ("SELECT * WHERE { ?s a <https://w3id.org/integration-kg/ontology#NoSuchClass> }", f"{IKG}NoSuchClass"),
    ("PREFIX o: <https://w3id.org/integration-kg/ontology#> SELECT * WHERE { ?s o:holdr ?o }", f"{IKG}holdr"),
    # a misspelt concept of a scheme
    ("SELECT * WHERE { ?c <https://w3id.org/integration-kg/ontology#cooperationForm> "
     "<https://w3id.org/integration-kg/id/concept/cooperation-form/engagement-bases> }",
     f"{OWN}id/concept/cooperation-form/engagement-bases"),
])
def test_the_query_scan_fires_on_a_planted_defect(tmp_path: Path, planted: str, expected: str) -> None:
    path = tmp_path / "planted.rq"
    path.write_text(planted, encoding="utf-8")
    assert undeclared_in([path]) == {"planted.rq": {expected}}
