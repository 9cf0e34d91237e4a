"""The modelling guide's examples (ontology/MODELLING.md) are valid Turtle and conform to the shapes.

Every ```turtle block is read with the prefixes the guide declares in its first block and checked
the way a steward's submission is (kg.validation: the shapes, the ontology, and what the input
references looked up in a store). The store holds the shipped data and the guide's examples, as
the store of a steward who had loaded the guide would: one example points to another (a plan to
its municipality, every fact to its citation), and the assessment to the project as the shipped
data name it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from kg.loading import SourceFile, collect_sources, load_sources
from kg.validation import Validator, load_bundle
from kg.validation.inputs import read_input
from remote_backend import open_store, own_store, release
from support import ROOT

GUIDE = ROOT / "ontology" / "MODELLING.md"
TEXT = GUIDE.read_text(encoding="utf-8")
BLOCK = re.compile(r"^```turtle\n(.*?)^```", re.DOTALL | re.MULTILINE)
PREFIX = re.compile(r"^@prefix\s+([\w-]*):\s*<([^>]*)>\s*\.\s*$")


def _line(match: re.Match) -> int:
    return TEXT.count("\n", 0, match.start(1)) + 1


BLOCKS = [(_line(m), m.group(1)) for m in BLOCK.finditer(TEXT)]
DECLARED = [line for line in BLOCKS[0][1].splitlines() if line.startswith("@prefix")]
PREFIXES = "\n".join(DECLARED) + "\n"


def test_the_guide_has_its_examples_and_declares_their_prefixes():
    assert len(BLOCKS) == 16
    assert all(PREFIX.match(line) for line in DECLARED)
    names = [PREFIX.match(line).group(1) for line in DECLARED]
    assert len(names) == len(set(names)) == 37
    # The names a data author would reach for first: the ontology and one per kind of thing.
    assert {"ikg", "municipality", "citation", "org-id", "plan"} <= set(names)


@pytest.fixture(scope="module")
def validator(tmp_path_factory) -> Iterator[Validator]:
    folder = tmp_path_factory.mktemp("guide")
    path = own_store(folder)
    store = open_store(path, folder / "state")
    examples = PREFIXES + "\n".join(body for _, body in BLOCKS[1:])
    # Loaded as one more file of data/, beside the shipped ones (in this temporary store only).
    sources = collect_sources(ROOT, ["data"]) + [
        SourceFile("data/modelling-guide-examples.ttl", examples.encode("utf-8"))]
    load_sources(store, sources, folders=["data"])
    yield Validator(load_bundle(ROOT), store)
    store.close()
    release(path)


@pytest.mark.parametrize(("line", "body"), [pytest.param(line, body, id=f"line-{line}") for line, body in BLOCKS])
def test_example_parses_with_the_guides_prefixes_and_conforms(validator, line, body):
    source = f"{GUIDE.name}, block at line {line}"
    submission = read_input((PREFIXES + body).encode("utf-8"), "turtle", source=source,
                            max_bytes=10_000_000)
    assert submission.triples or line == BLOCKS[0][0], "only the prefix block may be empty"
    report = validator.validate(submission, "en")
    # Infos (gaps a source may fill later) are fine in an example; doubtful facts are not.
    problems = [f"{r.severity} {r.focus} {r.path_label}: {r.message}" for r in report.results
                if r.severity in ("Violation", "Warning")]
    assert problems == [], source
    assert report.conforms


def test_a_broken_example_is_caught(validator):
    """The check above can fail: the plan example without its municipality is a Violation."""
    plan = next(body for _, body in BLOCKS if "a ikg:Plan ;" in body and "aktionsplan" in body)
    broken = re.sub(r"\s*ikg:municipality municipality:97123000 ;", "", plan)
    assert broken != plan
    report = validator.validate(read_input((PREFIXES + broken).encode("utf-8"), "turtle",
                                           source="broken plan", max_bytes=10_000_000), "en")
    assert [(r.path, r.severity) for r in report.results if r.severity == "Violation"] == [
        ("https://w3id.org/integration-kg/ontology#municipality", "Violation")]
