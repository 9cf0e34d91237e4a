"""What a constraint expects, in words, from the shape's own parameters (German and English).

The shapes' sh:message says what is wrong and what to do; this adds the exact requirement
("at least 1 value", "datatype xsd:date", "an instance of Land"), so that a steward sees the rule
the engine applied even where a message is general.
"""

from __future__ import annotations

from collections.abc import Callable

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from kg.i18n import text
from kg.validation.terms import display

SH = "http://www.w3.org/ns/shacl#"

# component local name -> (parameter, {"de": template, "en": template}); {v} is the parameter value
_PHRASES: dict[str, tuple[str, dict[str, str]]] = {
    "MinCountConstraintComponent": ("minCount", {"de": "mindestens {v} Wert(e)", "en": "at least {v} value(s)"}),
    "MaxCountConstraintComponent": ("maxCount", {"de": "höchstens {v} Wert(e)", "en": "at most {v} value(s)"}),
    "DatatypeConstraintComponent": ("datatype", {"de": "ein Wert vom Datentyp {v}", "en": "a value of datatype {v}"}),
    "ClassConstraintComponent": ("class", {"de": "ein Verweis auf ein(e) {v}", "en": "a reference to a {v}"}),
    "NodeKindConstraintComponent": ("nodeKind", {"de": "ein Knoten der Art {v}", "en": "a node of kind {v}"}),
    "PatternConstraintComponent": ("pattern", {"de": "Text nach dem Muster {v}", "en": "text matching the pattern {v}"}),
    "InConstraintComponent": ("in", {"de": "einer von: {v}", "en": "one of: {v}"}),
    "HasValueConstraintComponent": ("hasValue", {"de": "der Wert {v}", "en": "the value {v}"}),
    "MinInclusiveConstraintComponent": ("minInclusive", {"de": "≥ {v}", "en": "≥ {v}"}),
    "MaxInclusiveConstraintComponent": ("maxInclusive", {"de": "≤ {v}", "en": "≤ {v}"}),
    "MinExclusiveConstraintComponent": ("minExclusive", {"de": "> {v}", "en": "> {v}"}),
    "MaxExclusiveConstraintComponent": ("maxExclusive", {"de": "< {v}", "en": "< {v}"}),
    "MinLengthConstraintComponent": ("minLength", {"de": "mindestens {v} Zeichen", "en": "at least {v} characters"}),
    "MaxLengthConstraintComponent": ("maxLength", {"de": "höchstens {v} Zeichen", "en": "at most {v} characters"}),
    "LanguageInConstraintComponent": ("languageIn", {"de": "Sprachangabe aus: {v}", "en": "a language tag of: {v}"}),
    "UniqueLangConstraintComponent": ("uniqueLang", {"de": "je Sprache höchstens ein Wert", "en": "at most one value per language"}),
    "NodeConstraintComponent": ("node", {"de": "erfüllt: {v}", "en": "conforming to: {v}"}),
    "QualifiedMinCountConstraintComponent": ("qualifiedMinCount", {"de": "mindestens {v} passende(r) Wert(e)", "en": "at least {v} matching value(s)"}),
    "QualifiedMaxCountConstraintComponent": ("qualifiedMaxCount", {"de": "höchstens {v} passende(r) Wert(e)", "en": "at most {v} matching value(s)"}),
    "LessThanConstraintComponent": ("lessThan", {"de": "kleiner als der Wert von {v}", "en": "less than the value of {v}"}),
    "LessThanOrEqualsConstraintComponent": ("lessThanOrEquals", {"de": "höchstens der Wert von {v}", "en": "at most the value of {v}"}),
    "EqualsConstraintComponent": ("equals", {"de": "gleich dem Wert von {v}", "en": "equal to the value of {v}"}),
    "DisjointConstraintComponent": ("disjoint", {"de": "verschieden von den Werten von {v}", "en": "different from the values of {v}"}),
    "ClosedConstraintComponent": ("closed", {"de": "nur die in der Form genannten Eigenschaften", "en": "only the properties the shape names"}),
}


def expected(shapes: Graph, shape: Node | None, component: str, lang: str,
             label: Callable[[str, str], str | None]) -> str | None:
    """The requirement in words, or None where only the message can say it (SPARQL, or, not)."""
    local = component.removeprefix(SH)
    if local not in _PHRASES or shape is None:
        return None
    parameter, phrases = _PHRASES[local]
    values = list(shapes.objects(shape, URIRef(SH + parameter)))
    if not values:
        return None
    shown = ", ".join(_show(shapes, v, lang, label) for v in values)
    return text(phrases, lang).format(v=shown)


def _show(shapes: Graph, value: Node, lang: str, label: Callable[[str, str], str | None]) -> str:
    if isinstance(value, Literal):
        return str(value)
    if isinstance(value, URIRef):
        return label(str(value), lang) or display(value)
    # sh:in and sh:languageIn take RDF lists
    members = list(Collection(shapes, value))
    return ", ".join(_show(shapes, m, lang, label) for m in members) if members else display(value)
