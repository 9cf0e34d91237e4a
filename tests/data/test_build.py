"""The build regenerates the shipped Turtle byte for byte; the Wikidata links are as the sources give them."""

from __future__ import annotations

import subprocess
import sys

import rdflib

from support import DATA, ROOT


def test_build_is_deterministic_and_matches_the_committed_files(tmp_path):
    code = ("import sys; sys.path.insert(0, 'data/build'); import build; from pathlib import Path; "
            f"build.write(build.build(), Path({str(tmp_path)!r}))")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True)
    for path in sorted(DATA.glob("*.ttl")):
        assert (tmp_path / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), path.name
    assert sorted(p.name for p in tmp_path.glob("*.ttl")) == sorted(p.name for p in DATA.glob("*.ttl"))


def test_wikidata_links_only_where_the_table_gives_a_qid(data_graph):
    links = {(str(s).rsplit("/", 1)[-1], str(o).rsplit("/", 1)[-1]) for s, o in data_graph.subject_objects(rdflib.OWL.sameAs)}
    assert links == {("14612000", "Q1731"), ("05913000", "Q1295"), ("09162000", "Q1726"), ("11000000", "Q64"),
                     ("05111000", "Q1718"), ("05315000", "Q365"), ("08111000", "Q1022")}


def test_name_only_matches_are_marked_in_the_data(data_graph):
    query = """PREFIX ikg: <https://w3id.org/integration-kg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
      SELECT ?m WHERE { ?a ikg:attributedProperty <http://www.w3.org/2002/07/owl#sameAs> ; ikg:attributedNode ?m ;
                         skos:note ?n FILTER(lang(?n) = "en" && CONTAINS(?n, "by name only")) }"""
    assert {str(r[0]).rsplit("/", 1)[-1] for r in data_graph.query(query)} == {
        "14612000", "09162000", "11000000", "05111000", "05315000", "08111000"}
