"""The competency queries in queries/cq/, run on the fictional fixture, give exactly the expected tables.

Run `python tests/queries/test_cq.py --write` to rewrite the expected CSVs after a deliberate
change; then read the diff before committing it.
"""
from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, QueryResultsFormat, RdfFormat, Store, Variable

ROOT = Path(__file__).resolve().parents[2]
QUERIES = sorted((ROOT / "queries" / "cq").glob("cq*.rq"))
EXPECTED = ROOT / "tests" / "expected" / "cq" / "fixture"
FIXTURE = ROOT / "tests" / "fixtures" / "fictional" / "fixture.ttl"
# Records that the shapes report as gaps by design (plans without a stated period, a holder only named
# at a date ...); kept apart so that tests/shapes can hold fixture.ttl to a single gap.
GAPS = ROOT / "tests" / "fixtures" / "fictional" / "gaps.ttl"
# Each part names its own graph, brought in by its own submission, so that CQ12 can find it.
FIXTURE_GRAPH = "https://example.org/fictional/graph-fixture"
GAPS_GRAPH = "https://example.org/fictional/graph-gaps"
IKG = "https://w3id.org/integration-kg/ontology#"
HEADER_LINE = re.compile(r"^#\+ (id|title@en|title@de|description@en|description@de|param|tags): .+$")
PARAM_TYPES = {"iri", "string", "date", "integer", "iri-list"}


def load_store() -> Store:
    """Ontology files in their own graphs, the two fixture parts in theirs, as the loader does."""
    store = Store()
    for path in sorted((ROOT / "ontology").glob("*.ttl")):
        graph = NamedNode(f"https://w3id.org/integration-kg/graph/ontology/{path.stem}")
        store.load(path=str(path), format=RdfFormat.TURTLE, to_graph=graph)
    store.load(path=str(FIXTURE), format=RdfFormat.TURTLE, to_graph=NamedNode(FIXTURE_GRAPH))
    store.load(path=str(GAPS), format=RdfFormat.TURTLE, to_graph=NamedNode(GAPS_GRAPH))
    return store


def canonical(csv_text: str) -> list[list[str]]:
    """Rows of a CSV table; GROUP_CONCAT cells ("a; b") have no defined order, so sort their parts."""
    rows = list(csv.reader(io.StringIO(csv_text)))
    return [["; ".join(sorted(cell.split("; "))) for cell in row] for row in rows]


def run_csv(store: Store, query_path: Path) -> str:
    results = store.query(query_path.read_text(encoding="utf-8"), use_default_graph_as_union=True)
    return results.serialize(format=QueryResultsFormat.CSV).decode("utf-8")


@pytest.fixture(scope="module")
def store() -> Store:
    return load_store()


def test_there_are_twelve_queries() -> None:
    assert [p.name[:4] for p in QUERIES] == [f"cq{n:02d}" for n in range(1, 13)]


@pytest.mark.parametrize("query_path", QUERIES, ids=lambda p: p.stem)
def test_header_follows_the_grammar(query_path: Path) -> None:
    lines = query_path.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#+")]
    assert lines[: len(header)] == header, "the header comes first"
    assert all(HEADER_LINE.match(line) for line in header)
    keys = [line[3:].split(":", 1)[0] for line in header]
    assert keys[:5] == ["id", "title@en", "title@de", "description@en", "description@de"]
    assert keys[-1] == "tags" and "cq" in header[-1]
    assert header[0] == f"#+ id: {query_path.name[:4]}"
    body = "\n".join(lines[len(header):])
    assert "ORDER BY" in body
    for line in header:
        if line.startswith("#+ param: "):
            name, kind, _default, help_en, help_de = [part.strip() for part in line[10:].split("|")]
            assert kind in PARAM_TYPES and help_en and help_de
            assert f"?{name}" in body, f"parameter ?{name} is used in the query"


@pytest.mark.parametrize("query_path", QUERIES, ids=lambda p: p.stem)
def test_query_gives_expected_table(store: Store, query_path: Path) -> None:
    expected = (EXPECTED / f"{query_path.name[:4]}.csv").read_text(encoding="utf-8")
    assert canonical(run_csv(store, query_path)) == canonical(expected)


# What the shapes report on both fixture parts together: the one gap of fixture.ttl and the gaps that
# gaps.ttl holds by design — nothing else, and nothing worse than Info.
EXPECTED_GAPS = {
    (f"https://example.org/fictional/{node}", f"{namespace}{prop}", "MinCountConstraintComponent", "Info")
    for node, namespace, prop in [
        ("plan-kleinhafen-2025", IKG, "adoptedOn"),
        ("tenure-neuwerder-harlan", IKG, "period"),
        ("plan-altenbrueck-masterplan", IKG, "validDuring"),
        ("plan-altenbrueck-masterplan-2", IKG, "validDuring"),
        ("plan-kleinhafen-leitbild", IKG, "validDuring"),
        ("plan-hohenfeld-leitbild", IKG, "validDuring"),
        ("mem-verbund-altenbrueck-news", "http://www.w3.org/ns/org#", "memberDuring"),
        ("project-lotsen", IKG, "period"),
    ]
}


def test_fixture_parts_together_have_only_the_designed_gaps(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "shapes"))
    from shapes_support import validate  # noqa: PLC0415 — the shape tests' own validation

    both = tmp_path / "fixture-and-gaps.ttl"
    both.write_text(FIXTURE.read_text(encoding="utf-8") + "\n" + GAPS.read_text(encoding="utf-8"), encoding="utf-8")
    assert validate(both)[1] == EXPECTED_GAPS


def test_parameter_bound_as_term_narrows_the_result(store: Store) -> None:
    """A parameter is bound by substitution as an RDF term; an unbound one means all."""
    query = (ROOT / "queries" / "cq" / "cq01-commissioners.rq").read_text(encoding="utf-8")
    rows = store.query(query, use_default_graph_as_union=True,
                       substitutions={Variable("municipality"): NamedNode("https://example.org/fictional/neuwerder")})
    assert [(s["holderLabel"].value, s["since"] and s["since"].value, s["namedIn"] and s["namedIn"].value)
            for s in rows] == [("Edda Harlan", None, "2012-09"),
                               ("Koordinierungsgruppe Integration Neuwerder", "2015-01-01", None)]


if __name__ == "__main__" and "--write" in sys.argv:
    EXPECTED.mkdir(parents=True, exist_ok=True)
    shared = load_store()
    for path in QUERIES:
        (EXPECTED / f"{path.name[:4]}.csv").write_text(run_csv(shared, path), encoding="utf-8")
