"""What a constraint expects, in words, from the shape's own parameters (German and English).

The shapes' sh:message says what is wrong and what to do; this adds the exact requirement
("at least 1 value", "datatype xsd:date", "an instance of Land"), so that a steward sees the rule
the engine applied even where a message is general.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from kg.i18n import text
from kg.validation.words import datatype_words, term_words

SH = "http://www.w3.org/ns/shacl#"

# component local name -> (parameter, {"de": template, "en": template}); {v} is the parameter value
_PHRASES: dict[str, tuple[str, dict[str, str]]] = {
    "MinCountConstraintComponent": ("minCount", {"de": "mindestens {v} Wert(e)", "en": "at least {v} value(s)"}),
    "MaxCountConstraintComponent": ("maxCount", {"de": "höchstens {v} Wert(e)", "en": "at most {v} value(s)"}),
    "DatatypeConstraintComponent": ("datatype", {"de": "{v}", "en": "{v}"}),
    "ClassConstraintComponent": ("class", {"de": "ein Verweis auf einen Datensatz der Art „{v}“", "en": "a reference to a record of the kind “{v}”"}),
    "NodeKindConstraintComponent": ("nodeKind", {"de": "{v}", "en": "{v}"}),
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
    "NodeConstraintComponent": ("node", {"de": "ein Wert, der die Regeln für „{v}“ erfüllt", "en": "a value that meets the rules for “{v}”"}),
    "QualifiedMinCountConstraintComponent": ("qualifiedMinCount", {"de": "mindestens {v} passende(r) Wert(e)", "en": "at least {v} matching value(s)"}),
    "QualifiedMaxCountConstraintComponent": ("qualifiedMaxCount", {"de": "höchstens {v} passende(r) Wert(e)", "en": "at most {v} matching value(s)"}),
    "LessThanConstraintComponent": ("lessThan", {"de": "kleiner als der Wert von {v}", "en": "less than the value of {v}"}),
    "LessThanOrEqualsConstraintComponent": ("lessThanOrEquals", {"de": "höchstens der Wert von {v}", "en": "at most the value of {v}"}),
    "EqualsConstraintComponent": ("equals", {"de": "gleich dem Wert von {v}", "en": "equal to the value of {v}"}),
    "DisjointConstraintComponent": ("disjoint", {"de": "verschieden von den Werten von {v}", "en": "different from the values of {v}"}),
    "ClosedConstraintComponent": ("closed", {"de": "nur die in den Regeln genannten Eigenschaften", "en": "only the properties the rules name"}),
}


def expected(shapes: Graph, shape: Node | None, component: str, lang: str,
             label: Callable[[str, str], str | None]) -> str | None:
    """The requirement in words, or None where only the message can say it (SPARQL, or, not)."""
    local = component.removeprefix(SH)
    if local not in _PHRASES or shape is None:
        return None
    parameter, phrases = _PHRASES[local]
    values = list(shapes.objects(shape, URIRef(SH + parameter)))
    if local == "NodeConstraintComponent":
        # An unnamed node shape has no words but its message's (which says what is wrong).
        values = [v for v in values if isinstance(v, URIRef) and _shape_name(shapes, v, lang)]
    if not values:
        return None
    if local == "PatternConstraintComponent":
        digits = _DIGITS.match(str(values[0]))
        if digits:
            return text(_DIGITS_WORDS, lang).format(n=digits.group(1))
    shown = ", ".join(_show(shapes, v, lang, label) for v in values)
    return text(phrases, lang).format(v=shown)


# The one kind of pattern our shapes use (AGS, Land code), in words; others show as written.
_DIGITS = re.compile(r"^\^\[0-9\]\{(\d+)\}\$$")
_DIGITS_WORDS = {"de": "genau {n} Ziffern (0–9), ohne Leerzeichen",
                 "en": "exactly {n} digits (0–9), without spaces"}


def _show(shapes: Graph, value: Node, lang: str, label: Callable[[str, str], str | None]) -> str:
    if isinstance(value, Literal):
        return str(value)
    if isinstance(value, URIRef):
        return datatype_words(str(value), lang) or _shape_name(shapes, value, lang) or \
            term_words(str(value), lang, label)
    # sh:in and sh:languageIn take RDF lists
    members = list(Collection(shapes, value))
    return ", ".join(_show(shapes, m, lang, label) for m in members) if members else "[ … ]"


def _shape_name(shapes: Graph, shape: URIRef, lang: str) -> str | None:
    # A node shape (sh:node) reads by its name, where it has one.
    names = {}
    for predicate in ("http://www.w3.org/2000/01/rdf-schema#label", SH + "name"):
        for value in shapes.objects(shape, URIRef(predicate)):
            if isinstance(value, Literal):
                names[value.language or ""] = str(value)
    return (names.get(lang) or names.get("en") or names.get("")) if names else None
