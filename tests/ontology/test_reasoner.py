"""HermiT (through owlready2; needs Java) finds the ontology consistent and flags a broken copy."""
from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pytest
import rdflib

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY_FILES = sorted((ROOT / "ontology").glob("*.ttl"))
# An individual that is both a territory and its administration: Territory is disjoint with foaf:Agent.
BROKEN = """
@prefix ikg: <https://w3id.org/integration-kg/ontology#> .
<https://example.org/fictional/confused> a ikg:Municipality , ikg:MunicipalAdministration .
"""


def reason(graph: rdflib.Graph, tmp_path: Path) -> None:
    """Load the graph into a fresh owlready2 world (as N-Triples, which it reads) and run HermiT."""
    from owlready2 import World, sync_reasoner

    assert shutil.which("java"), "HermiT needs a Java runtime (install a headless JRE)"
    path = tmp_path / "ontology.nt"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # rdflib: N-Triples is always UTF-8
        graph.serialize(str(path), format="nt")
    world = World()
    world.get_ontology(path.as_uri()).load()
    sync_reasoner(world, infer_property_values=False, debug=0)


def ontology_graph() -> rdflib.Graph:
    graph = rdflib.Graph()
    for path in ONTOLOGY_FILES:
        graph.parse(path)
    return graph


def test_ontology_is_consistent(tmp_path: Path) -> None:
    reason(ontology_graph(), tmp_path)  # raises OwlReadyInconsistentOntologyError if not


def test_reasoner_flags_inconsistent_copy(tmp_path: Path) -> None:
    from owlready2 import OwlReadyInconsistentOntologyError

    graph = ontology_graph()
    graph.parse(data=BROKEN, format="turtle")
    with pytest.raises(OwlReadyInconsistentOntologyError):
        reason(graph, tmp_path)
