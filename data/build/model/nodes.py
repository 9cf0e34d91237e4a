"""What every pattern shares: blank nodes for the parts of a fact, labels, notes, IRI keys."""

from __future__ import annotations

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from builder import FileGraph
from vocab import en

_COUNTER = [0]


def part() -> BNode:
    """A blank node for a part of a fact (instant, interval, seat group, list result); the
    deterministic label only keeps the build reproducible, the writer inlines the node."""
    _COUNTER[0] += 1
    return BNode(f"p{_COUNTER[0]}")


def local_name(node: URIRef) -> str:
    """The IRI's last path segment: child nodes are keyed by their parent's key."""
    return str(node).rsplit("/", 1)[-1]


def label(f: FileGraph, node: URIRef, text: str, lang: str = "de") -> None:
    f.add(node, RDFS.label, Literal(text, lang=lang))


def note(f: FileGraph, node: URIRef, text: str) -> None:
    """An English note paraphrasing what a source says and the model has no property for."""
    f.add(node, SKOS.note, en(text))
