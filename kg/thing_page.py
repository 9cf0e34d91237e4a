"""Everything the HTML page of one thing shows, read from its Description and incoming links:
its facts grouped by property and labelled in the page's language, each value with the
citations that state it (the rule of cq12), blank-node values (dates, intervals, seat groups)
written out, conflicting claims side by side and the things that link to it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import pyoxigraph as ox

from kg import iris, stated_dates
from kg.catalog_runner import Iri, Rows, plain
from kg.i18n import best_text
from kg.municipality_record import link, short_name
from kg.thing_description import LABELS, Description

IKG = iris.ONTOLOGY
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
STATED_IN, CONFLICTS = IKG + "statedIn", IKG + "conflictsWith"
# Shown as the heading and the sources of each fact, not as facts of their own.
NOT_FACTS = frozenset((STATED_IN,))
FIRST = (RDF_TYPE, *sorted(LABELS))
# The W3C vocabularies' own properties carry no labels in the published graph (their
# definitions are not loaded); these few appear on every kind of thing.
_RDFS, _SKOS = "http://www.w3.org/2000/01/rdf-schema#", "http://www.w3.org/2004/02/skos/core#"
_DCT, _OWL = "http://purl.org/dc/terms/", "http://www.w3.org/2002/07/owl#"
STANDARD_LABELS = {
    RDF_TYPE: {"de": "Art", "en": "type"},
    _RDFS + "label": {"de": "Bezeichnung", "en": "label"},
    _RDFS + "comment": {"de": "Kommentar", "en": "comment"},
    _RDFS + "seeAlso": {"de": "siehe auch", "en": "see also"},
    _SKOS + "prefLabel": {"de": "Bezeichnung", "en": "preferred label"},
    _SKOS + "altLabel": {"de": "andere Bezeichnung", "en": "alternative label"},
    _SKOS + "note": {"de": "Anmerkung", "en": "note"},
    _SKOS + "definition": {"de": "Definition", "en": "definition"},
    _SKOS + "inScheme": {"de": "im Schema", "en": "in scheme"},
    _SKOS + "topConceptOf": {"de": "oberster Begriff von", "en": "top concept of"},
    _SKOS + "broader": {"de": "Oberbegriff", "en": "broader"},
    _SKOS + "exactMatch": {"de": "entspricht", "en": "exact match"},
    _OWL + "sameAs": {"de": "dasselbe wie", "en": "same as"},
    _DCT + "identifier": {"de": "Kennung", "en": "identifier"},
    _DCT + "isPartOf": {"de": "Teil von", "en": "is part of"},
    _DCT + "title": {"de": "Titel", "en": "title"},
    "http://xmlns.com/foaf/0.1/name": {"de": "Name", "en": "name"},
}


@dataclass(frozen=True)
class Source:
    url: str
    accessed: date | None


@dataclass(frozen=True)
class Value:
    text: str
    lang: str | None = None  # the text's language tag, where the data give one
    iri: str | None = None
    link: str | None = None  # a page here, or the address outside the project
    note: str | None = None  # a date's note (ikg:dateNote)
    note_lang: str | None = None
    parts: tuple["Fact", ...] = ()  # what a blank node other than a date says
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Fact:
    property: str
    label: str
    values: tuple[Value, ...]


@dataclass(frozen=True)
class Conflict:
    other: str
    other_label: str
    other_link: str | None
    rows: tuple[tuple[str, tuple[Value, ...], tuple[Value, ...]], ...]  # label, ours, theirs


@dataclass(frozen=True)
class Link:
    iri: str
    label: str
    link: str | None


@dataclass(frozen=True)
class Incoming:
    property: str
    label: str
    things: tuple[Link, ...]


@dataclass(frozen=True)
class ThingPage:
    iri: str
    label: str
    types: tuple[Link, ...]
    facts: tuple[Fact, ...]
    conflicts: tuple[Conflict, ...]
    incoming: tuple[Incoming, ...]
    incoming_truncated: bool


def thing_page(description: Description, incoming_rows: Rows, lang: str) -> ThingPage:
    graph = _Graph(description.triples, lang)
    subject = ox.NamedNode(description.iri)
    others = sorted({t.object for t in description.triples
                     if t.subject == subject and t.predicate.value == CONFLICTS
                     and isinstance(t.object, ox.NamedNode)}
                    | {t.subject for t in description.triples
                       if t.object == subject and t.predicate.value == CONFLICTS
                       and isinstance(t.subject, ox.NamedNode)}, key=str)
    facts = graph.facts(subject)
    conflicts = tuple(_conflict(graph, facts, other) for other in others)
    return ThingPage(
        description.iri, graph.label(subject),
        tuple(Link(t.object.value, graph.label(t.object), link(Iri(t.object.value)))
              for t in graph.of(subject) if t.predicate.value == RDF_TYPE),
        facts, conflicts, _incoming(incoming_rows, lang),
        len(incoming_rows) >= INCOMING_LIMIT)


INCOMING_LIMIT = 4000  # site-incoming's LIMIT


def _conflict(graph: "_Graph", ours: tuple[Fact, ...], other: ox.NamedNode) -> Conflict:
    theirs = {f.property: f for f in graph.facts(other)}
    mine = {f.property: f for f in ours}
    shown = [p for p in dict.fromkeys([*mine, *theirs]) if p not in (CONFLICTS, RDF_TYPE)]
    rows = tuple(((mine.get(p) or theirs[p]).label,
                  mine[p].values if p in mine else (),
                  theirs[p].values if p in theirs else ()) for p in shown)
    return Conflict(other.value, graph.label(other), link(Iri(other.value)), rows)


def _incoming(rows: Rows, lang: str) -> tuple[Incoming, ...]:
    labels: dict[str, dict[str, str]] = {}
    by_property: dict[str, dict[str, None]] = {}
    for row in rows:
        referrer, prop = str(row["referrer"]), str(row["property"])
        by_property.setdefault(prop, {})[referrer] = None
        for thing, text, tag in ((referrer, row["referrerLabel"], row["referrerLang"]),
                                 (prop, row["propertyLabel"], row["propertyLang"])):
            if text is not None:
                labels.setdefault(thing, {}).setdefault(str(tag or ""), str(text))

    def label(thing: str) -> str:
        return best_text(labels.get(thing, {}), lang) or short_name(thing)

    return tuple(sorted(
        (Incoming(prop, label(prop), tuple(sorted(
            (Link(r, label(r), link(Iri(r))) for r in referrers), key=lambda x: x.label.lower())))
         for prop, referrers in by_property.items()), key=lambda i: i.label.lower()))


class _Graph:
    """site-thing's answer, indexed by subject, read in one language."""

    def __init__(self, triples: Iterable[ox.Triple], lang: str) -> None:
        self.lang = lang
        self.by_subject: dict = {}
        for t in triples:
            self.by_subject.setdefault(t.subject, []).append(t)

    def of(self, node) -> list[ox.Triple]:
        return self.by_subject.get(node, [])

    def label(self, node) -> str:
        texts: dict[str, str] = {}
        for t in self.of(node):
            if t.predicate.value in LABELS and isinstance(t.object, ox.Literal):
                texts.setdefault(t.object.language or "", t.object.value)
        # the graph's own labels win over ours
        return (best_text({**STANDARD_LABELS.get(node.value, {}), **texts}, self.lang)
                or short_name(node.value))

    def facts(self, node) -> tuple[Fact, ...]:
        cite = self._citations(node)
        grouped: dict[str, list[Value]] = {}
        for t in self.of(node):
            if t.predicate.value in NOT_FACTS:
                continue
            grouped.setdefault(t.predicate.value, []).append(
                self.value(t.object, cite(t.predicate.value, t.object)))
        order = sorted(grouped, key=lambda p: (p not in FIRST, FIRST.index(p) if p in FIRST else 0,
                                              self.label(ox.NamedNode(p)).lower()))
        return tuple(Fact(p, self.label(ox.NamedNode(p)), tuple(grouped[p])) for p in order)

    def value(self, term, sources: tuple[Source, ...]) -> Value:
        if isinstance(term, ox.NamedNode):
            return Value(self.label(term), None, term.value, link(Iri(term.value)), sources=sources)
        if isinstance(term, ox.BlankNode):
            return self._blank(term, sources)
        value = plain(term)
        text = ("true" if value else "false") if isinstance(value, bool) else term.value
        return Value(text, term.language or None, sources=sources)

    def _blank(self, node: ox.BlankNode, sources: tuple[Source, ...]) -> Value:
        types = {t.object.value for t in self.of(node) if t.predicate.value == RDF_TYPE}
        if stated_dates.INSTANT in types:
            stated = self._instant(node)
        elif stated_dates.INTERVAL in types:
            ends = {t.predicate.value: t.object for t in self.of(node)}
            stated = stated_dates.interval(
                self._instant(ends[stated_dates.BEGINNING]) if stated_dates.BEGINNING in ends else None,
                self._instant(ends[stated_dates.END]) if stated_dates.END in ends else None, self.lang)
        else:
            # A seat group and the like: its own facts, cited by its own statedIn where it has one.
            return Value("", parts=tuple(f for f in self.facts(node) if f.property != RDF_TYPE),
                         sources=sources)
        return Value(stated.text, None, note=stated.note, note_lang=stated.note_lang,
                     sources=sources)

    def _instant(self, node) -> stated_dates.StatedDate:
        props: dict[str, list[tuple[str, str]]] = {}
        for t in self.of(node):
            if isinstance(t.object, ox.Literal):
                props.setdefault(t.predicate.value, []).append((t.object.value, t.object.language or ""))
        return stated_dates.instant(props, self.lang)

    def _citations(self, node):
        """cq12's rule: an attribution naming the value, else one for the whole property, else
        the node's own citations."""
        own = [t.object for t in self.of(node) if t.predicate.value == STATED_IN]
        by_value: dict = {}
        by_property: dict = {}
        for attribution, triples in self.by_subject.items():
            props = {}
            for t in triples:
                props.setdefault(t.predicate.value, []).append(t.object)
            if node not in props.get(IKG + "attributedNode", ()):
                continue
            for prop in props.get(IKG + "attributedProperty", ()):
                cited = props.get(STATED_IN, [])
                for value in props.get(IKG + "attributedValue", ()):
                    by_value.setdefault((prop.value, value), []).extend(cited)
                if IKG + "attributedValue" not in props:
                    by_property.setdefault(prop.value, []).extend(cited)

        def cite(prop: str, value) -> tuple[Source, ...]:
            chosen = by_value.get((prop, value)) or by_property.get(prop) or own
            return tuple(dict.fromkeys(s for c in chosen for s in self._sources(c)))
        return cite

    def _sources(self, citation) -> list[Source]:
        props = {t.predicate.value: t.object for t in self.of(citation)}
        source = props.get(IKG + "citedSource")
        if source is None:
            return []
        accessed = plain(props.get(IKG + "accessedOn"))
        return [Source(source.value, accessed if isinstance(accessed, date) else None)]
