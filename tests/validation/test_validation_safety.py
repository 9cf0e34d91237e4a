"""Nothing an input names is fetched, and inputs built to exhaust the parsers are refused.

Measured before the guards (pyoxigraph 0.5.13): the entity bomb below made the process abort
asking for 4 GB, 10,000 nested JSON-LD objects crashed it, deep RDF/XML took minutes. Each test
here would kill or stall the test run if a guard were missing.
"""

from __future__ import annotations

import pytest

from kg import rdfio
from kg.errors import ParseError
from kg.rdfguard import MAX_NESTING
from kg.validation.engine import Submission
from kg.validation.inputs import read_input
from kg.validation.lines import NoLines

RDF_HEAD = ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns:ex="http://example.org/fictional/">')


def parse(text: str, fmt: str):
    return rdfio.parse(text.encode(), rdfio.rdf_format(fmt), source="input")


@pytest.mark.parametrize("context", ["{url}ctx", "file:///etc/passwd"])
def test_jsonld_remote_and_file_contexts_are_not_loaded(canary, context):
    doc = '{"@context": "%s", "@id": "http://example.org/fictional/a", "name": "x"}' % context.format(url=canary.url)
    with pytest.raises(ParseError, match="remote contexts"):
        parse(doc, "jsonld")
    assert canary.requests == []


def test_jsonld_import_in_context_is_not_loaded(canary):
    doc = '{"@context": {"@import": "%sctx"}, "@id": "http://example.org/fictional/a", "name": "x"}' % canary.url
    with pytest.raises(ParseError):
        parse(doc, "jsonld")
    assert canary.requests == []


def test_rdfxml_external_entity_is_refused_before_parsing(canary):
    doc = (f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY ext SYSTEM "{canary.url}xxe"> ]>\n'
           f'{RDF_HEAD}<rdf:Description rdf:about="http://example.org/fictional/a">'
           '<ex:p>&ext;</ex:p></rdf:Description></rdf:RDF>')
    with pytest.raises(ParseError) as caught:
        parse(doc, "rdfxml")
    assert "external or parameter entity 'ext'" in caught.value.message
    assert caught.value.line == 2  # the column depends on the length of the canary's port
    assert canary.requests == []


def test_rdfxml_parameter_entity_is_refused(canary):
    doc = (f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY % dtd SYSTEM "{canary.url}dtd"> %dtd; ]>\n'
           f'{RDF_HEAD}</rdf:RDF>')
    with pytest.raises(ParseError, match="parameter entity 'dtd'"):
        parse(doc, "rdfxml")
    assert canary.requests == []


def test_entity_bomb_is_refused():
    entities = '<!ENTITY a0 "lollollollol">' + "".join(
        f'<!ENTITY a{i} "{("&a%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    doc = (f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ {entities} ]>\n{RDF_HEAD}'
           '<rdf:Description rdf:about="http://example.org/fictional/a"><ex:p>&a9;</ex:p>'
           '</rdf:Description></rdf:RDF>')
    with pytest.raises(ParseError, match="the entity 'a1' refers to other entities"):
        parse(doc, "rdfxml")


def test_many_references_to_a_plain_entity_are_bounded():
    doc = (f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY big "{"x" * 10_000}"> ]>\n{RDF_HEAD}'
           '<rdf:Description rdf:about="http://example.org/fictional/a"><ex:p>' + "&big;" * 200
           + '</ex:p></rdf:Description></rdf:RDF>')
    with pytest.raises(ParseError, match="entity references would add 2,000,000 characters"):
        parse(doc, "rdfxml")


def test_a_small_internal_entity_still_works():
    doc = (f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY ex "http://example.org/fictional/"> ]>\n'
           f'{RDF_HEAD}<rdf:Description rdf:about="&ex;a"><ex:p>x</ex:p></rdf:Description></rdf:RDF>')
    [quad] = parse(doc, "rdfxml")
    assert quad.subject.value == "http://example.org/fictional/a"


def test_deep_rdfxml_is_refused():
    n = 100_000
    doc = (RDF_HEAD + "<rdf:Description>" + "<ex:p><rdf:Description>" * n
           + "</rdf:Description></ex:p>" * n + "</rdf:Description></rdf:RDF>")
    with pytest.raises(ParseError, match=f"nest deeper than {MAX_NESTING}"):
        parse(doc, "rdfxml")


def test_deep_jsonld_is_refused():
    n = 10_000
    doc = '{"@id": "http://example.org/fictional/a", ' + '"http://example.org/fictional/p": {' * n + '"@value": "x"' + "}" * n + "}"
    with pytest.raises(ParseError, match=f"nests deeper than {MAX_NESTING}"):
        parse(doc, "jsonld")


def test_rdfxml_syntax_error_has_line_and_column():
    with pytest.raises(ParseError) as caught:
        parse(f"{RDF_HEAD}\n<rdf:Description>\n</rdf:RDF>", "rdfxml")
    assert (caught.value.line, caught.value.column) == (3, 3)


def test_owl_imports_in_the_data_are_not_followed(canary, validator):
    data = f"""@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
<https://w3id.org/integration-kg/id/fictional/o> a owl:Ontology ; owl:imports <{canary.url}onto> ;
    sh:shapesGraph <{canary.url}shapes> .
"""
    submission = read_input(data.encode(), "turtle", source="input", max_bytes=10**6)
    validator.validate(submission, "en")
    assert canary.requests == []


def test_owl_imports_in_the_shapes_are_not_followed(canary, bundle):
    from rdflib import URIRef
    from rdflib.namespace import OWL, RDF

    from kg.validation import Bundle, Validator

    shapes = bundle.shapes + bundle.shapes.__class__()
    shapes.add((URIRef("https://w3id.org/integration-kg/shapes#fictional"), RDF.type, OWL.Ontology))
    shapes.add((URIRef("https://w3id.org/integration-kg/shapes#fictional"), OWL.imports, URIRef(canary.url + "more-shapes")))
    validator = Validator(Bundle(shapes, bundle.ontology, bundle.files, bundle.labels))
    validator.validate(Submission([], "empty", NoLines()), "en")
    assert canary.requests == []


def test_api_refuses_a_remote_context_with_400_and_fetches_nothing(client, canary):
    doc = '{"@context": "%sctx", "@id": "http://example.org/fictional/a", "name": "x"}' % canary.url
    response = client.post("/api/validate", data=doc, content_type="application/ld+json")
    assert response.status_code == 400 and response.json["error"] == "parse-error"
    assert canary.requests == []
