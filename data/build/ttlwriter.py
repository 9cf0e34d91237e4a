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
        raise ValueError(f"blank node {term!r} must be referenced exactly once")
    if isinstance(term, URIRef):
        return _qname(str(term), manager)
    if term.datatype is not None:
        return f'{Literal(str(term)).n3()}^^{_qname(str(term.datatype), manager)}'
    return term.n3()


def _sort_key(term: URIRef | Literal) -> tuple:
    if isinstance(term, Literal):
        return (1, str(term), str(term.datatype or ""), term.language or "")
    return (0, str(term), "", "")


def _object(term, by_subject, manager, depth: int) -> str:
    if isinstance(term, BNode):
        return _block(by_subject.pop(term), by_subject, manager, depth + 1, inline=True)
    return _term(term, manager)


def _block(predicates, by_subject, manager, depth: int, inline: bool = False) -> str:
    pad = "    " * (depth + 1)
    ordered = sorted(predicates, key=lambda p: (p != RDF.type, _term(p, manager)))
    parts = []
    for predicate in ordered:
        objects = sorted(predicates[predicate], key=lambda o: _sort_key(o, predicates, by_subject, manager))
        rendered = [_object(o, by_subject, manager, depth) for o in objects]
        name = "a" if predicate == RDF.type else _term(predicate, manager)
        parts.append(f"{pad}{name} " + (",\n" + pad + "    ").join(rendered))
    body = " ;\n".join(parts)
    if inline:
        return "[\n" + body + "\n" + "    " * depth + "]"
    return body + " ."


def _sort_key(term, predicates=None, by_subject=None, manager=None) -> tuple:
    if isinstance(term, BNode):
        # blank nodes sort by their content, so the output does not depend on their labels
        content = by_subject.get(term, {}) if by_subject is not None else {}
        flat = sorted((str(p), str(o)) for p, objs in content.items() for o in objs)
        return (2, repr(flat), "", "")
    if isinstance(term, Literal):
        return (1, str(term), str(term.datatype or ""), term.language or "")
    return (0, str(term), "", "")


def serialize(
    triples: Iterable[Triple], prefixes: dict[str, str], header: str = ""
) -> str:
    """Turtle text; a blank node must be the object of exactly one triple and is written inline."""
    manager = _namespace_manager(prefixes)
    by_subject: dict = defaultdict(lambda: defaultdict(set))
    references: dict[BNode, int] = defaultdict(int)
    for s, p, o in triples:
        by_subject[s][p].add(o)
        if isinstance(o, BNode):
            references[o] += 1
    bad = [b for b in by_subject if isinstance(b, BNode) and references[b] != 1]
    if bad:
        raise ValueError(f"blank nodes referenced other than once: {bad[:3]}")
    by_subject = {k: dict(v) for k, v in by_subject.items()}
    lines = [f"# {line}".rstrip() for line in header.strip().splitlines()] if header else []
    if lines:
        lines.append("")
    lines += [f"@prefix {prefix}: <{uri}> ." for prefix, uri in sorted(prefixes.items())]
    for subject in sorted((s for s in by_subject if not isinstance(s, BNode)), key=str):
        lines.append("")
        lines.append(_term(subject, manager))
        lines.append(_block(by_subject.pop(subject), by_subject, manager, 0))
    return "\n".join(lines) + "\n"
