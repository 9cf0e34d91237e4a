"""The project's shapes as Python objects for the batch engine (kg.validation.batch), made once
per bundle: targets, paths and constraint parameters read from the shapes graph, and each
SPARQL-based constraint's query rewritten to run once for all its focus nodes where that gives
the same results as SHACL's one run per node with `$this` pre-bound (see _sparql). A shape
using any SHACL feature not listed here raises Unsupported, and the caller falls back to
pyshacl-turbo."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from kg.validation.focus import KIND_FUNCTIONS
from kg.validation.reach import RDF_TYPE, Imprecise, Reads, follow
from kg.validation.sparql_reads import ANY, analysed
from kg.validation.terms import Index, to_oxigraph

Term = ox.NamedNode | ox.BlankNode | ox.Literal

FOCUS_GRAPH = ox.NamedNode("urn:x-kg-batch:focus")
OF = ox.NamedNode("urn:x-kg-batch:of")

# The constraint parameters this engine evaluates; a shape with any other sh: term is not compiled.
_SHAPE_TERMS = {SH.path, SH.severity, SH.message, SH.property, SH.targetClass, SH.targetNode,
                SH["class"], SH.datatype, SH.minCount, SH.maxCount, SH.node, SH.hasValue,
                SH.pattern, SH.flags, SH.nodeKind, SH.minInclusive, SH.maxInclusive,
                SH.lessThanOrEquals, SH.qualifiedValueShape, SH.qualifiedMinCount, SH.languageIn,
                SH.sparql, SH.name, SH.description, SH.order, SH.group}
_KINDS = {SH.IRI: (ox.NamedNode,), SH.BlankNode: (ox.BlankNode,), SH.Literal: (ox.Literal,),
          SH.BlankNodeOrIRI: (ox.BlankNode, ox.NamedNode),
          SH.BlankNodeOrLiteral: (ox.BlankNode, ox.Literal),
          SH.IRIOrLiteral: (ox.NamedNode, ox.Literal)}
_NOT_BATCHED = re.compile(r"\b(MINUS|SERVICE|VALUES)\b|\bSELECT\b[\s\S]*\bSELECT\b", re.IGNORECASE)
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_THIS = re.compile(r"\$this\b")
SHAPE_SLOT = "<urn:x-kg-batch:the-shape>"  # replaced by the shape's own name before it runs


# parameter -> (short name used below); each with its constraint component
_PARAMETERS = {SH["class"]: "class", SH.datatype: "datatype", SH.minCount: "minCount",
               SH.maxCount: "maxCount", SH.hasValue: "hasValue", SH.nodeKind: "nodeKind",
               SH.minInclusive: "minInclusive", SH.maxInclusive: "maxInclusive",
               SH.lessThanOrEquals: "lessThanOrEquals", SH.pattern: "pattern",
               SH.languageIn: "languageIn", SH.node: "node", SH.qualifiedValueShape: "qualified"}
_COMPONENTS = {kind: SH[("QualifiedMinCount" if kind == "qualified" else kind[0].upper() + kind[1:])
                        + "ConstraintComponent"] for kind in _PARAMETERS.values()}


class Unsupported(Exception):
    """The shapes use a SHACL feature this engine does not evaluate."""


@dataclass
class SparqlCheck:
    node: Node            # the sh:SPARQLConstraint
    query: str            # with the declared prefixes, $this as ?this
    batched: str | None   # the query for all focus nodes at once, or None: once per node
    messages: list[Literal]
    reads: frozenset[str] | None = None  # the predicates it can read; None: any (sparql_reads)
    links: str | None = ANY              # the links into described things it reads (links_read)
    tree: Reads | None = None            # what it reads from $this on (reads_from_this); None: unknown


@dataclass(eq=False)  # by identity: shapes are dictionary keys
class Shape:
    node: Node
    path: object = None   # None for a node shape; else ("p"|"inverse", iri) | ("alt"|"seq", [paths])
    path_node: Node | None = None
    severity: URIRef = SH.Violation
    messages: list[Literal] = field(default_factory=list)
    checks: list[tuple[str, object, URIRef]] = field(default_factory=list)
    properties: list["Shape"] = field(default_factory=list)
    sparql: list[SparqlCheck] = field(default_factory=list)
    # what its checks read from the focus node on (kg.validation.reach), for a targeted shape;
    # None: that cannot be said, and a validation it judges fetches its context whole
    reads: Reads | None = None


@dataclass
class Compiled:
    by_class: dict[str, list[Shape]]
    by_node: dict[Term, list[Shape]]
    ontology: Index
    ontology_text: str
    # whether any shape has an inverse path step: then every node the input describes needs
    # the links into it from the store, else only the focus nodes of SPARQL constraints that
    # read them (kg.validation.context)
    inverse_paths: bool = True


def compile_shapes(shapes: Graph, ontology: Graph, ontology_text: str) -> Compiled:
    """The shapes as Python objects, once per bundle; Unsupported if any uses another feature."""
    cache: dict[Node, Shape] = {}
    by_class: dict[str, list[Shape]] = {}
    by_node: dict[Term, list[Shape]] = {}
    targeted = set(shapes.subjects(SH.targetClass, None)) | set(shapes.subjects(SH.targetNode, None))
    for other in (SH.targetSubjectsOf, SH.targetObjectsOf, SH.target):
        if (None, other, None) in shapes:
            raise Unsupported(str(other))
    if set(shapes.subjects(RDF.type, SH.NodeShape)) & set(shapes.subjects(RDF.type, RDFS.Class)):
        raise Unsupported("implicit class targets")
    for node in sorted(targeted, key=str):
        if (node, SH.deactivated, None) in shapes:
            raise Unsupported("sh:deactivated")
        shape = _shape(shapes, node, cache, top=True)
        for cls in shapes.objects(node, SH.targetClass):
            by_class.setdefault(str(cls), []).append(shape)
        for target in shapes.objects(node, SH.targetNode):
            by_node.setdefault(to_oxigraph(target), []).append(shape)
    memo: dict[int, Reads] = {}
    for shapes_here in (*by_class.values(), *by_node.values()):
        for shape in shapes_here:
            shape.reads = _reads_of(shape, memo)
    index = Index(list(_ox_triples(ontology)))
    index.into  # noqa: B018 - made once here, not per request
    return Compiled(by_class, by_node, index, ontology_text,
                    any(_inverse(shape.path) for shape in cache.values()))


def _inverse(path) -> bool:
    if path is None:
        return False
    kind, arg = path
    return kind == "inverse" or (kind in ("alt", "seq") and any(_inverse(step) for step in arg))


_SUBCLASS = ox.NamedNode(str(RDFS.subClassOf))


def _reads_of(shape: Shape, memo: dict[int, Reads]) -> Reads | None:
    try:
        tree = _core_reads(shape, memo)
    except Imprecise:
        return None
    if shape.sparql:
        if any(check.tree is None for check in shape.sparql):
            return None
        tree.also.extend(check.tree for check in shape.sparql)
    return tree


def _core_reads(shape: Shape, memo: dict[int, Reads]) -> Reads:
    """What batch.Judge.shape reads from the focus node on: the values of the shape's path, and
    from each value what its checks look into."""
    known = memo.get(id(shape))
    if known is not None:
        return known
    tree = memo[id(shape)] = Reads()  # before the nested shapes: a recursion ends here
    values = [tree] if shape.path is None else follow(tree, shape.path)
    for kind, arg, _component in shape.checks:
        if kind == "lessThanOrEquals":  # compared with the focus node's own values
            tree.step(arg)
        for value in values:
            if kind == "class":  # its types, and their superclasses, rdfs:subClassOf*
                types = value.step(RDF_TYPE)
                types.steps[_SUBCLASS] = types
            elif kind == "node":
                value.also.append(_core_reads(arg, memo))
            elif kind == "qualified":
                value.also.append(_core_reads(arg[0], memo))
    for prop in shape.properties:
        tree.also.append(_core_reads(prop, memo))
    return tree


def _shape(shapes: Graph, node: Node, cache: dict[Node, Shape], top: bool = False) -> Shape:
    if node in cache:
        return cache[node]
    shape = cache[node] = Shape(node)
    for p in set(shapes.predicates(node, None)):
        if str(p).startswith(str(SH)) and p not in _SHAPE_TERMS:
            raise Unsupported(str(p))
    shape.severity = shapes.value(node, SH.severity) or SH.Violation
    shape.messages = sorted(m for m in shapes.objects(node, SH.message) if isinstance(m, Literal))
    path = shapes.value(node, SH.path)
    if path is not None:
        shape.path, shape.path_node = _path(shapes, path), path
    for parameter, kind in _PARAMETERS.items():
        for value in shapes.objects(node, parameter):
            if kind in ("minCount", "maxCount"):
                value = int(value)
            elif kind in ("hasValue", "lessThanOrEquals"):
                value = to_oxigraph(value)
            elif kind == "class":
                value = str(value)
            elif kind == "datatype":
                value = str(value)
            elif kind == "nodeKind":
                value = _KINDS[value]
            elif kind == "pattern":
                value = re.compile(str(value), _flags(str(shapes.value(node, SH.flags) or "")))
            elif kind == "languageIn":
                value = [str(x).lower() for x in Collection(shapes, value)]
            elif kind == "node":
                value = _shape(shapes, value, cache)
            elif kind == "qualified":
                least = shapes.value(node, SH.qualifiedMinCount)
                if least is None or path is None:
                    raise Unsupported("sh:qualifiedValueShape without sh:qualifiedMinCount")
                value = (_shape(shapes, value, cache), int(least))
            shape.checks.append((kind, value, _COMPONENTS[kind]))
    for prop in shapes.objects(node, SH.property):
        shape.properties.append(_shape(shapes, prop, cache))
    for constraint in shapes.objects(node, SH.sparql):
        if not top or path is not None:
            raise Unsupported("sh:sparql below a targeted node shape")
        shape.sparql.append(_sparql(shapes, constraint))
    return shape


def _flags(flags: str) -> int:
    value = 0
    for letter, flag in (("i", re.IGNORECASE), ("m", re.MULTILINE), ("s", re.DOTALL), ("x", re.VERBOSE)):
        if letter in flags:
            value |= flag
    return value


def _path(shapes: Graph, path: Node) -> object:
    if isinstance(path, URIRef):
        return ("p", ox.NamedNode(str(path)))
    inverse = shapes.value(path, SH.inversePath)
    if isinstance(inverse, URIRef):
        return ("inverse", ox.NamedNode(str(inverse)))
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None:
        return ("alt", [_path(shapes, p) for p in Collection(shapes, alternatives)])
    if (path, RDF.first, None) in shapes:
        return ("seq", [_path(shapes, p) for p in Collection(shapes, path)])
    raise Unsupported(f"path {path}")


def _sparql(shapes: Graph, constraint: Node) -> SparqlCheck:
    select = shapes.value(constraint, SH.select)
    if select is None or (constraint, SH.deactivated, None) in shapes:
        raise Unsupported("a SPARQL constraint without sh:select")
    prefixes = "".join(
        f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
        for declared in shapes.objects(constraint, SH.prefixes)
        for d in shapes.objects(declared, SH.declare))
    text = str(select)
    if KIND_FUNCTIONS.search(text):
        raise Unsupported("a SPARQL constraint asking for a term's kind")
    query = prefixes + _THIS.sub("?this", text)
    batched = None
    where = _WHERE.search(query)
    if where is not None and not _NOT_BATCHED.search(text):
        # Every solution's ?this is one of the shape's focus nodes, joined first.
        batched = (query[:where.end()] + f" GRAPH {FOCUS_GRAPH} {{ ?this {OF} {SHAPE_SLOT} }} "
                   + query[where.end():])
    return SparqlCheck(constraint, query, batched,
                       sorted(m for m in shapes.objects(constraint, SH.message) if isinstance(m, Literal)),
                       *analysed(query))


def _ox_triples(graph: Graph) -> Iterable[ox.Triple]:
    for s, p, o in graph:
        yield ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))



@dataclass
class Found:
    focus: Term
    shape: Shape
    component: URIRef
    value: Term | None = None
    path_node: Node | None = None
    messages: list[Literal] = field(default_factory=list)
    constraint: Node | None = None

