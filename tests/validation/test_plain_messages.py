"""Reports a steward understands: no message names a class, property or datatype by the engine's
term (a prefixed name such as ikg:Municipality, or a datatype IRI); things go by their labels,
datatypes by words with an example; an impossible date says it does not exist. Checked over
every shape's messages and over the reports of bad inputs (every constraint is hit by one of the
shape examples) in German and English."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kg.config import Settings
from kg.validation import Validator
from kg.validation.inputs import detect_format, read_input
from kg.validation.words import has_engine_terms
from support import ROOT
import shapes_support

SHAPES = ROOT / "shapes" / "integration-shapes.ttl"
SH_MESSAGE = URIRef("http://www.w3.org/ns/shacl#message")
EXAMPLES = Path(__file__).parent / "examples"
SHAPE_EXAMPLES = sorted((ROOT / "tests" / "shapes" / "examples" / "invalid").glob("*.ttl"))

# A fictional municipality with a plan whose adoption is dated 30 February and month 13.
IMPOSSIBLE_DATES = """\
@prefix ikg: <https://w3id.org/integration-kg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix time: <http://www.w3.org/2006/time#> .
<https://w3id.org/integration-kg/id/plan/99000001-fiktiver-plan> a ikg:Plan ;
    rdfs:label "Fiktiver Plan"@de ;
    ikg:adoptedOn [ a time:Instant ; ikg:earliest "2024-02-30"^^xsd:date ;
                    ikg:latest "2024-13-01"^^xsd:date ] .
"""


def test_the_check_sees_engine_terms():
    assert has_engine_terms("Verweisen Sie auf einen Knoten vom Typ ikg:Municipality.")
    assert has_engine_terms("a value of datatype http://www.w3.org/2001/XMLSchema#date")
    assert has_engine_terms("höchstens ein Wert vom Datentyp xsd:date")
    assert not has_engine_terms("Wählen Sie einen Begriff aus "
                                "https://w3id.org/integration-kg/id/scheme/plan-kind, z. B. 2024-06-30.")


def test_every_shape_message_is_in_plain_words():
    graph = Graph().parse(SHAPES)
    messages = [m for m in graph.objects(None, SH_MESSAGE) if isinstance(m, Literal)]
    assert len(messages) > 300  # all of them, in both languages
    assert {m.language for m in messages} == {"de", "en"}
    offending = {str(m): has_engine_terms(str(m)) for m in messages if has_engine_terms(str(m))}
    assert offending == {}


def _texts(report) -> list[str]:
    """Everything a steward reads: messages, expectations, property words, record names, kinds."""
    out = []
    for record in report.records:
        out += [record.label, record.kind or ""]
        for result in record.results:
            out += [result.message, result.expected or "", result.path_label or ""]
    return out


def _report(validator, data: bytes, name: str, lang: str):
    submission = read_input(data, detect_format(filename=name), source=name,
                            max_bytes=Settings().max_upload_bytes)
    return validator.validate(submission, lang)


BAD_INPUTS = [*(p for p in sorted(EXAMPLES.iterdir()) if p.suffix in (".ttl", ".csv")),
              *SHAPE_EXAMPLES]


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("path", BAD_INPUTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_reports_of_bad_inputs_are_in_plain_words(validator, path, lang):
    if path.name.startswith("standalone-"):  # replaces the ontology's metadata: judged without it
        validator = Validator(shapes_support._without_ontology())
    report = _report(validator, path.read_bytes(), path.name, lang)
    assert report.results  # a bad input: there is something to say
    assert {t: has_engine_terms(t) for t in _texts(report) if has_engine_terms(t)} == {}


@pytest.mark.parametrize("lang, says", [
    ("de", ["Den 30. Februar 2024 gibt es nicht", "einen Monat 13 gibt es nicht"]),
    ("en", ["February 30, 2024 does not exist", "there is no month 13"]),
])
def test_an_impossible_date_says_it_does_not_exist(validator, lang, says):
    report = _report(validator, IMPOSSIBLE_DATES.encode(), "plan.ttl", lang)
    dated = [r for r in report.results if r.component.endswith("DatatypeConstraintComponent")]
    assert len(dated) == 2
    messages = " ".join(r.message for r in dated)
    assert all(words in messages for words in says)
    # what to write instead, in words with an example, never the datatype's name
    assert all(r.expected in ("ein Datum, z. B. 2024-06-30", "a date, e.g. 2024-06-30") for r in dated)
    assert not any(has_engine_terms(t) for t in _texts(report))


def test_the_engine_terms_stay_in_the_details(validator):
    report = _report(validator, IMPOSSIBLE_DATES.encode(), "plan.ttl", "de")
    [result] = [r for r in report.results if r.path and r.path.endswith("#earliest")]
    assert result.component == "http://www.w3.org/ns/shacl#DatatypeConstraintComponent"
    assert result.value_term == '"2024-02-30"^^<http://www.w3.org/2001/XMLSchema#date>'
    assert result.path_label == "frühestens"
