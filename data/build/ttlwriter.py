"""A deterministic Turtle writer: the same triples always give the same bytes.

Subjects sorted by IRI, `rdf:type` first then predicates by their prefixed name, objects sorted.
No blank nodes are written (the mapping names every node), so nothing depends on generated labels.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, NamespaceManager
from rdflib import Graph

Triple = tuple[URIRef, URIRef, URIRef | Literal]


def _namespace_manager(prefixes: dict[str, str]) -> NamespaceManager:
    manager = NamespaceManager(Graph(), bind_namespaces="none")
    for prefix, uri in prefixes.items():
        manager.bind(prefix, uri, override=True, replace=True)
    return manager


_LOCAL = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")


def _qname(iri: str, manager: NamespaceManager) -> str:
    best = None
    for prefix, namespace in manager.namespaces():
        namespace = str(namespace)
        if iri.startswith(namespace) and (best is None or len(namespace) > len(best[1])):
            best = (prefix, namespace)
    if best is not None:
        local = iri[len(best[1]):]
        if local == "" or _LOCAL.match(local):
            return f"{best[0]}:{local}"
    return f"<{iri}>"


def _term(term: URIRef | Literal, manager: NamespaceManager) -> str:
    if isinstance(term, BNode):
        raise ValueError(f"blank node {term!r}: name every node with an IRI")
    if isinstance(term, URIRef):
        return _qname(str(term), manager)
    if term.datatype is not None:
        return f'{Literal(str(term)).n3()}^^{_qname(str(term.datatype), manager)}'
    return term.n3()


def _sort_key(term: URIRef | Literal) -> tuple:
    if isinstance(term, Literal):
        return (1, str(term), str(term.datatype or ""), term.language or "")
    return (0, str(term), "", "")


def serialize(
    triples: Iterable[Triple], prefixes: dict[str, str], header: str = ""
) -> str:
    manager = _namespace_manager(prefixes)
    by_subject: dict[URIRef, dict[URIRef, set]] = defaultdict(lambda: defaultdict(set))
    for s, p, o in triples:
        by_subject[s][p].add(o)
    used = prefixes  # every declared prefix is written, so files are stable across edits
    lines = [f"# {line}".rstrip() for line in header.strip().splitlines()] if header else []
    if lines:
        lines.append("")
    lines += [f"@prefix {prefix}: <{uri}> ." for prefix, uri in sorted(used.items())]
    for subject in sorted(by_subject, key=str):
        lines.append("")
        predicates = by_subject[subject]
        ordered = sorted(predicates, key=lambda p: (p != RDF.type, _term(p, manager)))
        parts = []
        for predicate in ordered:
            objects = sorted(predicates[predicate], key=_sort_key)
            rendered = [_term(o, manager) for o in objects]
            name = "a" if predicate == RDF.type else _term(predicate, manager)
            joiner = ",\n        "
            parts.append(f"    {name} {joiner.join(rendered)}")
        lines.append(_term(subject, manager))
        lines.append(" ;\n".join(parts) + " .")
    return "\n".join(lines) + "\n"
