"""The competency queries in queries/cq/, run as users run them (a store built by `kg load`, the query
worker pool with the default deadline) on the fictional fixture, give exactly the expected tables;
a bound parameter keeps exactly the rows the header promises.

Run `python tests/queries/test_cq.py --write` to rewrite the expected CSVs after a deliberate
change; then read the diff before committing it.
"""
from __future__ import annotations

import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

if __name__ == "__main__":  # run as a script: the helper modules pytest finds on its pythonpath
    sys.path[:0] = [str(Path(__file__).resolve().parents[1] / part) for part in ("", "data", "shapes")]

from cq_runner import (EXPECTED, QUERIES, PublicPath, canonical, column, csv_text, header_examples, kg_load,
                       query_id, read_csv, rows_where, same_table, table)
from kg.catalog import ParameterError, read_query
from support import GRAPH, ROOT, SHIPPED_FILES, shipped_path
import remote_backend

EXPECTED_FIXTURE = EXPECTED / "fixture"
FIXTURE_DIR = ROOT / "tests" / "fixtures" / "fictional"
FIXTURE = FIXTURE_DIR / "fixture.ttl"
# Records that the shapes report as gaps by design (plans without a stated period, a holder only named
# at a date ...); kept apart so that tests/shapes can hold fixture.ttl to a single gap.
GAPS = FIXTURE_DIR / "gaps.ttl"
# Each part names its own graph, brought in by its own submission, so that CQ12 can find it. `kg load`
# names a file's graph after the file, so the copy it loads says that name where the part says its
# own, and answers say the part's own name again.
PART_GRAPHS = {FIXTURE: "https://example.org/fictional/graph-fixture",
               GAPS: "https://example.org/fictional/graph-gaps"}
LOADED_AS = {f"{GRAPH}data/{part.stem}": own for part, own in PART_GRAPHS.items()}
IKG = "https://w3id.org/integration-kg/ontology#"
XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
HEADER_LINE = re.compile(r"^#\+ (id|title@en|title@de|description@en|description@de|param|tags|column): .+$")
PARAM_TYPES = {"iri", "string", "date", "integer", "iri-list"}
FICTIONAL = "https://example.org/fictional/"
# The fixture's example binding of a query whose parameter is required (the header's example names
# things of the shipped graph). cq22: a municipality, an advisory body with its compositions and a
# post with its tenures, so that each kind of record the query follows is in the expected table.
# cq12: a municipality with statements of its own and of facts naming it, one of them with a value
# that cites a source of its own (fixture.ttl).
FIXTURE_EXAMPLES = {"cq12": {"municipality": ox.NamedNode(FICTIONAL + "altenbrueck")},
                    "cq22": {"subject": [ox.NamedNode(FICTIONAL + name)
                                         for name in ("altenbrueck", "body-altenbrueck", "post-neuwerder")]}}


def params(query_path: Path) -> dict[str, tuple[str, str]]:
    """name -> (kind, default) of the query's parameters."""
    return {p.name: (p.kind, p.default) for p in read_query(query_path).params}


def build_root(root: Path) -> Path:
    """A project folder as `kg load` reads it: the real ontology/ and shapes/, the fixture as data/."""
    for path in SHIPPED_FILES:
        if shipped_path(path).startswith(("ontology/", "shapes/")):
            target = root / shipped_path(path)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    renamed = {ox.NamedNode(own): ox.NamedNode(loaded) for loaded, own in LOADED_AS.items()}
    (root / "data").mkdir()
    for part in PART_GRAPHS:
        triples = [ox.Triple(renamed.get(t.subject, t.subject), t.predicate, renamed.get(t.object, t.object))
                   for t in ox.parse(path=str(part), format=ox.RdfFormat.TURTLE)]
        (root / "data" / part.name).write_bytes(ox.serialize(triples, format=ox.RdfFormat.TURTLE))
    return root


def answer(public: PublicPath, query_path: Path, values: dict | None = None) -> list[list[str]]:
    return [[LOADED_AS.get(cell, cell) for cell in row] for row in public.table(query_path, values)]


def open_public(folder: Path) -> PublicPath:
    """The fixture loaded by `kg load`: into a store folder, or on the remote backend into an
    Oxigraph server of its own (stopped by close_public)."""
    root = build_root(folder / "root")
    if remote_backend.remote():
        peer = remote_backend.oxigraph_server(folder)
        remote_backend.load_into(peer, folder, root)
        return PublicPath(peer.url)
    kg_load(folder / "store", root)
    return PublicPath(folder / "store")


def close_public(public: PublicPath) -> None:
    public.close()
    remote_backend.release(public.settings.store)


@pytest.fixture(scope="module")
def public(tmp_path_factory) -> Iterator[PublicPath]:
    path = open_public(tmp_path_factory.mktemp("fictional"))
    yield path
    close_public(path)


def by_id(name: str) -> Path:
    return next(p for p in QUERIES if query_id(p) == name)


def date(text: str) -> ox.Literal:
    return ox.Literal(text, datatype=XSD_DATE)


def test_there_are_twelve_queries() -> None:
    assert [query_id(p) for p in QUERIES] == [f"cq{n:02d}" for n in range(1, 23)]


@pytest.mark.parametrize("query_path", QUERIES, ids=lambda p: p.stem)
def test_header_follows_the_grammar(query_path: Path) -> None:
    lines = query_path.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#+")]
    assert lines[: len(header)] == header, "the header comes first"
    assert all(HEADER_LINE.match(line) for line in header)
    keys = [line[3:].split(":", 1)[0] for line in header]
    assert keys[:5] == ["id", "title@en", "title@de", "description@en", "description@de"]
    # the tags close the header but for the result columns' headings, which follow them
    tags = keys.index("tags")
    assert "cq" in header[tags] and all(key == "column" for key in keys[tags + 1:])
    assert header[0] == f"#+ id: {query_id(query_path)}"
    body = "\n".join(lines[len(header):])
    assert "ORDER BY" in body
    # parameters are bound in the outermost group: its WHERE opens a line, and comes first
    assert re.search(r"^WHERE \{$", body, re.MULTILINE), "the outer `WHERE {` opens a line of its own"
    assert body.index("WHERE") == body.index("\nWHERE {") + 1
    for line in header:
        if line.startswith("#+ param: "):
            name, kind, _default, help_en, help_de, *example = [part.strip() for part in line[10:].split("|")]
            assert kind.removesuffix("!") in PARAM_TYPES and help_en and help_de
            assert not kind.endswith("!") or example, "a required parameter has an example"
            assert f"?{name}" in body, f"parameter ?{name} is used in the query"


@pytest.mark.parametrize("query_path", QUERIES, ids=lambda p: p.stem)
def test_query_gives_expected_table(public: PublicPath, query_path: Path) -> None:
    expected = read_csv(EXPECTED_FIXTURE / f"{query_id(query_path)}.csv")
    got = answer(public, query_path, FIXTURE_EXAMPLES.get(query_id(query_path)))
    assert same_table(got, expected, query_path.read_text(encoding="utf-8"))


REQUIRED = [(p, name) for p in QUERIES for name in header_examples(p)]


def test_the_fixture_has_an_example_for_each_required_parameter() -> None:
    assert sorted((query_id(p), name) for p, name in REQUIRED) == \
        sorted((q, name) for q, values in FIXTURE_EXAMPLES.items() for name in values)


@pytest.mark.parametrize(("query_path", "name"), REQUIRED, ids=lambda x: getattr(x, "stem", x))
def test_a_required_parameter_keeps_exactly_its_rows(public: PublicPath, query_path: Path, name: str) -> None:
    """Left out, the catalogue refuses the query; bound (to one thing, or to the example), it answers
    the rows that the query's text, run without a binding, gives for those things."""
    with pytest.raises(ParameterError) as caught:
        answer(public, query_path)
    assert f"'{name}'" in caught.value.text("en") and f"'{name}'" in caught.value.text("de")
    query = read_query(query_path)
    everything = [[LOADED_AS.get(cell, cell) for cell in row] for row in table(public.run(query.text))]
    given = FIXTURE_EXAMPLES[query.id][name]
    example = {t.value for t in ([given] if isinstance(given, ox.NamedNode) else given)}
    assert example <= set(column(everything, name))
    one_term = read_query(query_path).param(name).kind != "iri-list"
    # a thing with no rows (unknown, or a municipality nothing is said about) answers none
    others = {"https://example.org/fictional/nowhere"} | \
        (set(fixture_municipalities(public)) if name == "municipality" else set())
    chosen_sets = [{value} for value in sorted(set(column(everything, name)) | others)]
    for chosen in chosen_sets + ([] if one_term else [example]):
        terms = [ox.NamedNode(v) for v in sorted(chosen)]
        bound = answer(public, query_path, {name: terms[0] if one_term else terms})
        assert same_table(bound, rows_where(everything, name, chosen), query.text), chosen


def test_parameter_bound_as_term_narrows_the_result(public: PublicPath) -> None:
    """A parameter is bound as an RDF term; an unbound one means all."""
    rows = answer(public, by_id("cq01"), {"municipality": ox.NamedNode("https://example.org/fictional/neuwerder")})
    assert [(r[5], r[6], r[8]) for r in rows[1:]] == [("Edda Harlan", "", "2012-09"),
                                                      ("Koordinierungsgruppe Integration Neuwerder", "2015", "")]


def fixture_municipalities(public: PublicPath) -> list[str]:
    return column(answer(public, by_id("cq08")), "municipality")


# a required one is checked with the required ones above: unbound, the catalogue refuses it
ONE_TERM_PARAMS = [(p, name) for p in QUERIES for name, (kind, _) in params(p).items()
                   if kind == "iri" and name not in header_examples(p)]


@pytest.mark.parametrize(("query_path", "name"), ONE_TERM_PARAMS, ids=lambda x: getattr(x, "stem", x))
def test_a_bound_parameter_keeps_exactly_its_rows(public: PublicPath, query_path: Path, name: str) -> None:
    """Bound to one thing, a query answers the rows of the unbound answer about that thing, in
    order; for a thing with none (or unknown), no rows."""
    everything = answer(public, query_path)
    values = set(column(everything, name))
    if name == "municipality":
        values |= set(fixture_municipalities(public))
    values.add("https://example.org/fictional/nowhere")
    text = query_path.read_text(encoding="utf-8")
    for value in sorted(values):
        bound = answer(public, query_path, {name: ox.NamedNode(value)})
        assert same_table(bound, rows_where(everything, name, {value}), text), value


LIST_OF_MUNICIPALITIES = [p for p in QUERIES if params(p).get("municipality", ("",))[0] == "iri-list"]


@pytest.mark.parametrize("query", LIST_OF_MUNICIPALITIES, ids=lambda p: p.stem)
def test_municipalities_to_compare_keep_exactly_their_rows(public: PublicPath, query: Path) -> None:
    """Bound to a list of municipalities (as /compare asks), a query answers the rows of the unbound
    answer about them, in order."""
    everything = answer(public, query)
    towns = fixture_municipalities(public)
    assert len(towns) >= 3
    text = query.read_text(encoding="utf-8")
    for chosen in (towns[:1], towns[1:3], towns):
        bound = answer(public, query, {"municipality": [ox.NamedNode(t) for t in chosen]})
        assert same_table(bound, rows_where(everything, "municipality", set(chosen)), text), chosen


DATES = ["1990-01-01", "2012-12-31", "2016-06-30", "2019-12-31", "2021-07-01", "2024-06-30", "2030-01-01"]
DATED = [p for p in QUERIES if "date" in params(p)]


@pytest.mark.parametrize("query_path", DATED, ids=lambda p: p.stem)
def test_a_date_answers_for_that_date(public: PublicPath, query_path: Path) -> None:
    """The default date is the answer without one; on any date, binding a municipality too keeps
    that municipality's rows of the answer for the date; and the date changes the answer."""
    text = query_path.read_text(encoding="utf-8")
    _kind, default = params(query_path)["date"]
    assert same_table(answer(public, query_path, {"date": date(default)}), answer(public, query_path), text)
    answers = set()
    for day in DATES:
        on_day = answer(public, query_path, {"date": date(day)})
        answers.add(str(sorted(canonical(on_day))))
        for town in fixture_municipalities(public):
            bound = answer(public, query_path, {"date": date(day), "municipality": ox.NamedNode(town)})
            assert same_table(bound, rows_where(on_day, "municipality", {town}), text), (day, town)
    assert len(answers) > 2, "answers on different dates differ"


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
    from shapes_support import validate  # noqa: PLC0415 — the shape tests' own validation

    both = tmp_path / "fixture-and-gaps.ttl"
    both.write_text(FIXTURE.read_text(encoding="utf-8") + "\n" + GAPS.read_text(encoding="utf-8"), encoding="utf-8")
    assert validate(both)[1] == EXPECTED_GAPS


if __name__ == "__main__" and "--write" in sys.argv:
    EXPECTED_FIXTURE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        written = open_public(Path(folder))
        try:
            for path in QUERIES:
                target = EXPECTED_FIXTURE / f"{query_id(path)}.csv"
                bound = FIXTURE_EXAMPLES.get(query_id(path))
                target.write_text(csv_text(answer(written, path, bound)), encoding="utf-8")
                print(target)
        finally:
            written.close()
