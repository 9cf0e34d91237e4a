"""From pyshacl's results graph to the report model: messages in the chosen language, the property
in words, what is expected, and each result under the record it concerns."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from kg.i18n import best_text
from kg.validation.bundle import Bundle
from kg.validation.expected import expected
from kg.validation.model import SEVERITIES, Record, Result
from kg.validation.terms import display, from_node_id, node_id
from kg.validation.words import humanize, impossible_date, term_words

SH = "http://www.w3.org/ns/shacl#"
_SH = {name: URIRef(SH + name) for name in (
    "focusNode", "resultPath", "value", "sourceConstraintComponent",
    "sourceShape", "sourceConstraint", "resultSeverity", "resultMessage", "message", "severity",
    "result")}

LineOf = Callable[[str], "int | None"]


@dataclass(frozen=True)
class RawResult:
    """One SHACL validation result as an engine gives it (rdflib terms)."""
    focus: Node
    component: Node
    severity: Node | None = None
    path: Node | None = None
    value: Node | None = None
    shape: Node | None = None
    constraint: Node | None = None
    messages: tuple[Node, ...] = ()


def results_of(results: Graph, keep: Collection[Node]) -> list[RawResult]:
    """The results of a SHACL results graph whose focus node is one of `keep` (the input's own
    nodes).

    The report's own results only: those nested in a result's sh:detail (why a value failed
    its sh:node shape) are explained by that result, on the record that holds the value; taken
    as results of their own they showed up as Violations of the value's record, and only when
    the input happened to describe that value too."""
    out = []
    for node in results.objects(None, _SH["result"]):
        focus = results.value(node, _SH["focusNode"])
        if focus not in keep:
            continue  # about the context (referenced records, the ontology), not the input
        get = lambda name: results.value(node, _SH[name])  # noqa: E731
        out.append(RawResult(focus, get("sourceConstraintComponent"), get("resultSeverity"),
                             get("resultPath"), get("value"), get("sourceShape"),
                             get("sourceConstraint"),
                             tuple(results.objects(node, _SH["resultMessage"]))))
    return out


def read_results(raw: Iterable[RawResult], data: Graph, bundle: Bundle, lang: str,
                 line_of: LineOf) -> list[Result]:
    """The report's results in words: messages in `lang`, properties and values by their labels.
    Results of one shape and component share their words, worked out once."""
    label = _labeller(bundle, data)
    words: dict[tuple, tuple[str | None, str | None]] = {}
    plain: dict[str, str] = {}
    out = []
    for one in raw:
        out.append(_result(one, data, bundle, lang, line_of, label, words, plain))
    return out


def _result(one: RawResult, data: Graph, bundle: Bundle, lang: str, line_of: LineOf,
            label: Callable[[str, str], str | None], words: dict, plain: dict) -> Result:
    path, value, shape = one.path, one.value, one.shape
    component, constraint = one.component, one.constraint
    key = (shape, component, constraint)
    if key not in words:
        words[key] = (_severity(bundle.shapes, constraint),
                      expected(bundle.shapes, shape, str(component), lang, bundle.label))
    severity, expect = words[key]
    severity = severity or str(one.severity).removeprefix(SH)
    message = _message(list(one.messages), bundle.shapes, constraint or shape, lang)
    message = message or expect or _GENERIC[lang if lang in _GENERIC else "en"]
    if message not in plain:
        plain[message] = _plain(message, lang, label)
    message = plain[message]
    if str(component) == SH + "DatatypeConstraintComponent" and isinstance(value, Literal):
        wrong_day = impossible_date(str(value), str(value.datatype or ""), lang)
        if wrong_day:
            message = f"{wrong_day} {message}"
    path_iri = str(path) if isinstance(path, URIRef) else None
    focus = one.focus
    return Result(
        severity=severity, message=message,
        focus=node_id(focus), path=path_iri,
        path_label=term_words(path_iri, lang, bundle.label) if path_iri else None,
        value=_value(value, lang, label) if value is not None else None,
        value_term=value.n3() if value is not None else None,
        expected=expect, component=str(component),
        shape=str(shape) if isinstance(shape, URIRef) else None,
        constraint=str(constraint) if isinstance(constraint, URIRef) else None,
        line=line_of(node_id(focus)))


_GENERIC = {"en": "This value does not meet the rules; see the details.",
            "de": "Dieser Wert erfüllt die Regeln nicht; siehe die Details."}
IRI = re.compile(r"https?://[^\s<>\"{}|\\^`()]+[^\s<>\"{}|\\^`().,;:]")


def _labeller(bundle: Bundle, data: Graph) -> Callable[[str, str], str | None]:
    """Labels from the ontology, else from the data (the input and its context)."""
    def label(iri: str, lang: str) -> str | None:
        found = bundle.label(iri, lang)
        if found:
            return found
        texts = {value.language or "": str(value)
                 for predicate in (SKOS.prefLabel, RDFS.label)
                 for value in data.objects(URIRef(iri), predicate) if isinstance(value, Literal)}
        return best_text(texts, lang)
    return label


def _plain(message: str, lang: str, label: Callable[[str, str], str | None]) -> str:
    """Prefixed names and datatype IRIs in words; an IRI a SPARQL message filled in ({?o}) by
    its label, where it has one (scheme IRIs the message gives to look things up stay)."""
    message = humanize(message, lang, label)
    return IRI.sub(lambda m: label(m.group(0), lang) if "/id/scheme/" not in m.group(0)
                    and label(m.group(0), lang) else m.group(0), message)


def _value(value: Node, lang: str, label: Callable[[str, str], str | None]) -> str:
    if isinstance(value, URIRef):
        return label(str(value), lang) or str(value)
    return display(value)


def _severity(shapes: Graph, constraint: Node | None) -> str | None:
    # SHACL takes a result's severity from the shape, so pyshacl ignores sh:severity written on a
    # sh:SPARQLConstraint node; our shapes put it there on purpose (Info for gaps), so it counts.
    if constraint is None:
        return None
    value = shapes.value(constraint, _SH["severity"])
    return str(value).removeprefix(SH) if value is not None else None


def _message(found: list[Node], shapes: Graph, source: Node | None, lang: str) -> str | None:
    tagged = {m.language: str(m) for m in found if isinstance(m, Literal) and m.language}
    if tagged:
        return best_text(tagged, lang)
    plain = [str(m) for m in found]
    if not plain:
        return None
    # pyshacl drops the language tags of SPARQL constraints' messages when it fills in {?var};
    # find out which filled-in text came from the template in the wanted language.
    for template in shapes.objects(source, _SH["message"]) if source is not None else ():
        if isinstance(template, Literal) and template.language == lang:
            for candidate in plain:
                if fills(str(template), candidate):
                    return candidate
    return plain[0]


_PLACEHOLDER = re.compile(r"\{[?$]\w+\}")


def fills(template: str, candidate: str) -> bool:
    """Whether `candidate` is `template` with its {?var} placeholders filled in, by any text.

    Found part by part with str.find, not as one regular expression with a `(.*?)` per
    placeholder: the filled-in values come from the input, and a value that repeats the
    template's words made such an expression backtrack quadratically (6 s at 124 KB, holding
    the GIL). The leftmost place of each fixed part is the right one, since any text may fill
    the gaps between them."""
    parts = _PLACEHOLDER.split(template)
    if len(parts) == 1:
        return candidate == template
    first, *middle, last = parts
    end = len(candidate) - len(last)
    if end < len(first) or not candidate.startswith(first) or not candidate.endswith(last):
        return False
    position = len(first)
    for part in middle:
        found = candidate.find(part, position, end)
        if found < 0:
            return False
        position = found + len(part)
    return True


def group(results: list[Result], data: Graph, bundle: Bundle, lang: str,
          line_of: LineOf) -> list[Record]:
    """Results under the records they concern; a blank node's results go to the record holding it."""
    records: dict[str, Record] = {}
    for result in results:
        owner = _owner(data, from_node_id(result.focus))
        key = node_id(owner)
        if key not in records:
            records[key] = Record(key, _label(data, owner, lang), _kind(data, owner, bundle, lang),
                                  line_of(key))
        if result.line is None:
            result.line = records[key].line  # a blank node part: the line of its record
        records[key].results.append(result)
    order = {s: i for i, s in enumerate(SEVERITIES)}
    for record in records.values():
        record.results.sort(key=lambda r: (order.get(r.severity, 9), r.path_label or "", r.message))
    return sorted(records.values(), key=lambda r: (r.line or 10**9, r.label, r.node))


def _owner(data: Graph, node: Node, depth: int = 6) -> Node:
    while isinstance(node, BNode) and depth > 0:
        parent = next(iter(data.subjects(None, node)), None)
        if parent is None:
            break
        node, depth = parent, depth - 1
    return node


def _label(data: Graph, node: Node, lang: str) -> str:
    found: dict[str, str] = {}
    for predicate in (SKOS.prefLabel, RDFS.label):
        for value in data.objects(node, predicate):
            if isinstance(value, Literal):
                found.setdefault(value.language or "", str(value))
    label = best_text(found, lang)
    if label is not None:
        return label
    return display(node) if isinstance(node, URIRef) else node_id(node)


def _kind(data: Graph, node: Node, bundle: Bundle, lang: str) -> str | None:
    for cls in sorted(data.objects(node, RDF.type)):
        label = bundle.label(str(cls), lang)
        if label:
            return label
    return None
