"""The batch engine: the project's shapes judged over all focus nodes at once, in this process.

pyshacl-turbo judges one focus node at a time and parses its whole input anew on every call;
on the 10,000-triple benchmark submission with its context it took 3.4 s where this engine
takes 1.2 s, with the same results (bench/results/validation.md). Here the core constraints are
checked in Python over one index of the input, its context and the ontology, and each
SPARQL-based constraint runs once for all its focus nodes on an in-memory Oxigraph store, as one
query, instead of once per node.

It covers the SHACL features our shapes use (`compile_shapes` says which); shapes with any other
feature are not compiled, and the caller uses pyshacl-turbo instead. Its results are those of
pyshacl-turbo on every shape example, the shipped data and the submission packages
(tests/validation/test_batch_engine.py), handed to the report builder as the other engines'
results are read (kg.validation.build.RawResult). Only the input's own nodes are judged (the
results about anything else were dropped anyway).

One SPARQL query for all focus nodes is the same as SHACL's pre-bound `$this` per node when
`$this` is joined at the top of the query's pattern: so a query with a subquery (a second
SELECT), MINUS, SERVICE or VALUES runs once per node with `$this` substituted instead.
"""

from __future__ import annotations

import functools
import re
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Iterable, Sequence, Set as AbstractSet
from dataclasses import dataclass, field

import pyoxigraph as ox
from pyshacl.rdfutil.compare import compare_literal
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from kg.validation.build import RawResult
from kg.validation.focus import KIND_FUNCTIONS
from kg.validation.terms import Index, to_oxigraph, to_rdflib

Term = ox.NamedNode | ox.BlankNode | ox.Literal

_RDF_TYPE = ox.NamedNode(str(RDF.type))
_SUBCLASS = ox.NamedNode(str(RDFS.subClassOf))
_LANG_STRING = str(RDF.langString)
_FOCUS_GRAPH = ox.NamedNode("urn:x-kg-batch:focus")
_OF = ox.NamedNode("urn:x-kg-batch:of")

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
_SHAPE_SLOT = "<urn:x-kg-batch:the-shape>"  # replaced by the shape's own name before it runs


# parameter -> (short name used below); each with its constraint component
_PARAMETERS = {SH["class"]: "class", SH.datatype: "datatype", SH.minCount: "minCount",
               SH.maxCount: "maxCount", SH.hasValue: "hasValue", SH.nodeKind: "nodeKind",
               SH.minInclusive: "minInclusive", SH.maxInclusive: "maxInclusive",
               SH.lessThanOrEquals: "lessThanOrEquals", SH.pattern: "pattern",
               SH.languageIn: "languageIn", SH.node: "node", SH.qualifiedValueShape: "qualified"}
_COMPONENTS = {kind: SH[("QualifiedMinCount" if kind == "qualified" else kind[0].upper() + kind[1:])
                        + "ConstraintComponent"] for kind in _PARAMETERS.values()}
# the checks with one result for the focus node (no value), not one per failing value
_WHOLE = {"minCount", "maxCount", "hasValue", "qualified"}


class Unsupported(Exception):
    """The shapes use a SHACL feature this engine does not evaluate."""


@dataclass
class SparqlCheck:
    node: Node            # the sh:SPARQLConstraint
    query: str            # with the declared prefixes, $this as ?this
    batched: str | None   # the query for all focus nodes at once, or None: once per node
    messages: list[Literal]


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


@dataclass
class Compiled:
    by_class: dict[str, list[Shape]]
    by_node: dict[Term, list[Shape]]
    ontology: Index
    ontology_text: str
    has_sparql: bool


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
    index = Index(list(_ox_triples(ontology)))
    index.into  # noqa: B018 - made once here, not per request
    return Compiled(by_class, by_node, index, ontology_text,
                    any(s.sparql for s in cache.values()))


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
        batched = (query[:where.end()] + f" GRAPH {_FOCUS_GRAPH} {{ ?this {_OF} {_SHAPE_SLOT} }} "
                   + query[where.end():])
    return SparqlCheck(constraint, query, batched,
                       sorted(m for m in shapes.objects(constraint, SH.message) if isinstance(m, Literal)))


def _ox_triples(graph: Graph) -> Iterable[ox.Triple]:
    for s, p, o in graph:
        yield ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))


class Data:
    """The input, its context and the ontology, as the engine reads them."""

    def __init__(self, index: Index, ontology: Index) -> None:
        self.index, self.ontology = index, ontology
        self._supers: dict[Term, frozenset[str]] = {}

    def objects(self, s: Term, p: ox.NamedNode) -> list[Term]:
        return _merged(self.index.out.get(s), self.ontology.out.get(s), p)

    def subjects(self, o: Term, p: ox.NamedNode) -> list[Term]:
        return _merged(self.index.into.get(o), self.ontology.into.get(o), p)

    def classes(self, node: Term) -> set[str]:
        """Every class `node` is an instance of, through rdf:type/rdfs:subClassOf*."""
        found: set[str] = set()
        for cls in self.objects(node, _RDF_TYPE):
            found |= self._superclasses(cls)
        return found

    def _superclasses(self, cls: Term) -> frozenset[str]:
        known = self._supers.get(cls)
        if known is None:
            seen, pending = set(), [cls]
            while pending:
                one = pending.pop()
                if one not in seen:
                    seen.add(one)
                    pending.extend(self.objects(one, _SUBCLASS))
            known = self._supers[cls] = frozenset(c.value for c in seen if isinstance(c, ox.NamedNode))
        return known

    def values(self, node: Term, path) -> list[Term]:
        kind, arg = path
        if kind == "p":
            return self.objects(node, arg) if not isinstance(node, ox.Literal) else []
        if kind == "inverse":
            return self.subjects(node, arg)
        if kind == "alt":
            return list(dict.fromkeys(v for p in arg for v in self.values(node, p)))
        current = [node]
        for step in arg:  # a sequence path
            current = list(dict.fromkeys(v for n in current for v in self.values(n, step)))
        return current


def _merged(first: dict | None, second: dict | None, p: ox.NamedNode) -> list[Term]:
    first = first.get(p) if first else None
    second = second.get(p) if second else None
    if not second:
        return list(first) if first else []
    if not first:
        return list(second)
    return list(dict.fromkeys([*first, *second]))


@dataclass
class Found:
    focus: Term
    shape: Shape
    component: URIRef
    value: Term | None = None
    path_node: Node | None = None
    messages: list[Literal] = field(default_factory=list)
    constraint: Node | None = None


class Judge:
    def __init__(self, data: Data) -> None:
        self.data = data
        self._conforms: dict[tuple[Shape, Term], bool] = {}
        self._typed: dict[tuple[str, str], bool] = {}
        # per-value checks: (value, the parameter, depth) -> whether the value passes
        self._tests = {
            "class": self._class, "node": self._node, "datatype": self._datatype,
            "nodeKind": lambda v, kinds, _d: isinstance(v, kinds),
            "minInclusive": lambda v, bound, _d: _in_range(v, bound, True),
            "maxInclusive": lambda v, bound, _d: _in_range(v, bound, False),
            "pattern": lambda v, regex, _d: not isinstance(v, ox.BlankNode) and bool(regex.search(v.value)),
            "languageIn": lambda v, languages, _d: _language_in(v, languages)}

    def shape(self, node: Term, shape: Shape, depth: int = 0) -> list[Found]:
        """Results of `node` against `shape` (its own checks and its property shapes)."""
        if depth > 15:  # a recursion the shapes do not have; as the engines, stop there
            return []
        found: list[Found] = []
        values = [node] if shape.path is None else self.data.values(node, shape.path)
        for kind, arg, component in shape.checks:
            if kind in _WHOLE:
                if self._fails(kind, arg, values, depth):
                    found.append(Found(node, shape, component, None, shape.path_node))
            elif kind == "lessThanOrEquals":
                others = self.data.objects(node, arg)
                found += [Found(node, shape, component, v, shape.path_node)
                          for v in values for w in others if not _at_most(v, w)]
            else:
                test = self._tests[kind]
                found += [Found(node, shape, component, v, shape.path_node)
                          for v in values if not test(v, arg, depth)]
        for prop in shape.properties:
            found += self.shape(node, prop, depth + 1)
        return found

    def conforms(self, node: Term, shape: Shape, depth: int) -> bool:
        key = (shape, node)
        known = self._conforms.get(key)
        if known is None:
            known = self._conforms[key] = not self.shape(node, shape, depth + 1)
        return known

    def _fails(self, kind: str, arg, values: list[Term], depth: int) -> bool:
        if kind == "minCount":
            return len(values) < arg
        if kind == "maxCount":
            return len(values) > arg
        if kind == "hasValue":
            return arg not in values
        qualified, least = arg
        return sum(1 for v in values if self.conforms(v, qualified, depth)) < least

    def _class(self, value: Term, cls: str, _depth: int) -> bool:
        return not isinstance(value, ox.Literal) and cls in self.data.classes(value)

    def _node(self, value: Term, shape: Shape, depth: int) -> bool:
        return self.conforms(value, shape, depth)

    def _datatype(self, value: Term, datatype: str, _depth: int) -> bool:
        return self._typed_as(value, datatype)

    def _typed_as(self, value: Term, datatype: str) -> bool:
        if not isinstance(value, ox.Literal):
            return False
        if datatype == _LANG_STRING:
            return bool(value.language)
        if value.language or value.datatype.value != datatype:
            return datatype == str(RDFS.Literal)
        key = (value.value, datatype)
        known = self._typed.get(key)
        if known is None:
            # rdflib decides what is well-formed, as for pyshacl: 2023-02-30 is no xsd:date
            known = self._typed[key] = getattr(to_rdflib(value), "ill_typed", None) is not True
        return known


@functools.lru_cache(maxsize=65_536)
def _literal(term: ox.Literal) -> Literal:
    """rdflib's form of a literal, whose value it compares: made once (dates are parsed)."""
    return to_rdflib(term)


def _in_range(value: Term, bound: Literal, minimum: bool) -> bool:
    """As pyshacl compares: strings only with strings, others by value; no comparison fails."""
    if not isinstance(value, ox.Literal):
        return False
    literal = _literal(value)
    if isinstance(literal.value, str) != isinstance(bound.value, str):
        return False
    try:
        compared = compare_literal(literal, bound)
    except (TypeError, NotImplementedError):
        return False
    return compared >= 0 if minimum else compared <= 0


def _at_most(value: Term, other: Term) -> bool:
    """As pyshacl compares for sh:lessThanOrEquals: IRIs and strings as text, only with text."""
    (a, a_text), (b, b_text) = _comparable(value), _comparable(other)
    if a is None or b is None or a_text != b_text:
        return False
    try:
        return bool(a <= b)
    except TypeError:
        return False


def _comparable(term: Term) -> tuple[object, bool]:
    if isinstance(term, ox.NamedNode):
        return term.value, True
    if isinstance(term, ox.Literal):
        literal = _literal(term)
        return (literal.value, True) if isinstance(literal.value, str) else (literal, False)
    return None, False


def _language_in(value: Term, languages: list[str]) -> bool:
    if not isinstance(value, ox.Literal) or not value.language:
        return False
    tag = value.language.lower()
    return any(tag == lang or tag.startswith(lang + "-") or lang == "*" for lang in languages)


def validate(compiled: Compiled, triples: Sequence[ox.Triple],
             own: AbstractSet[ox.NamedNode | ox.BlankNode]) -> tuple[list[RawResult], Index]:
    """The SHACL results of the input's own nodes (`own`) against the compiled shapes,
    with `triples` (input and context) and the ontology as the data graph; and the index of
    `triples` made for it, which the report reads too.

    The store for the SPARQL constraints is filled and queried on a second thread while this
    one checks the core constraints: Oxigraph lets go of the GIL while it loads and queries."""
    with ThreadPoolExecutor(max_workers=1) as background:
        store = background.submit(_sparql_store, compiled, triples) if compiled.has_sparql else None
        index = Index(triples)
        data = Data(index, compiled.ontology)
        targets: list[tuple[Term, list[Shape]]] = []
        for node in own:
            shapes = list(compiled.by_node.get(node, ()))
            for cls in data.classes(node):
                shapes += compiled.by_class.get(cls, ())
            targets.append((node, list(dict.fromkeys(shapes))))  # once each, whatever the target
        focus = [(node, shape) for node, shapes in targets for shape in shapes if shape.sparql]
        # the same worker, so after the store is filled
        sparql = background.submit(lambda: _run_sparql(store.result(), focus)) if focus else None
        judge = Judge(data)
        found: list[Found] = []
        for node, shapes in targets:
            for shape in shapes:
                found += judge.shape(node, shape)
        if sparql is not None:
            found += sparql.result()
    return [_raw(one) for one in found], index


def _sparql_store(compiled: Compiled, triples: Sequence[ox.Triple]) -> ox.Store:
    store = ox.Store()
    # Oxigraph gives the blank nodes of a loaded text new labels, so the input's are loaded as
    # IRIs of a scheme of ours and turned back in the results; compile_shapes refuses queries
    # that ask for a term's kind (isBlank …), where that would show.
    store.load(_skolem(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")),
               format=ox.RdfFormat.N_TRIPLES)
    store.load(compiled.ontology_text, format=ox.RdfFormat.N_TRIPLES)
    return store


def _run_sparql(store: ox.Store, focus: list[tuple[Term, Shape]]) -> list[Found]:
    # Shapes by a name of their own: a blank node shape has no IRI to put in the focus graph.
    names = {shape: ox.NamedNode(f"urn:x-kg-batch:shape:{i}")
             for i, shape in enumerate(dict.fromkeys(s for _, s in focus))}
    store.load("".join(f"{_skolem_term(node)} {_OF} {names[shape]} {_FOCUS_GRAPH} .\n"
                       for node, shape in focus), format=ox.RdfFormat.N_QUADS)
    found: list[Found] = []
    for shape, name in names.items():
        for check in shape.sparql:
            if check.batched is not None:
                rows = store.query(check.batched.replace(_SHAPE_SLOT, str(name)))
                found += _sparql_found(rows, shape, check)
            else:
                for node in (n for n, s in focus if s is shape):
                    rows = store.query(check.query,
                                       substitutions={ox.Variable("this"): _skolemized(node)})
                    found += _sparql_found(rows, shape, check)
    return found


_SKOLEM = "urn:x-kg-batch:bnode:"
# N-Triples as Oxigraph writes them: a blank node subject starts its line, a blank node object
# ends it; a literal always ends with its quote, language tag or datatype IRI.
_BLANK_SUBJECT = re.compile(r"^_:(\S+) ", re.MULTILINE)
_BLANK_OBJECT = re.compile(r" _:(\S+) \.$", re.MULTILINE)


def _skolem(text: str) -> str:
    text = _BLANK_SUBJECT.sub(lambda m: f"<{_SKOLEM}{m.group(1)}> ", text)
    return _BLANK_OBJECT.sub(lambda m: f" <{_SKOLEM}{m.group(1)}> .", text)


def _skolem_term(node: Term) -> str:
    return f"<{_SKOLEM}{node.value}>" if isinstance(node, ox.BlankNode) else str(node)


def _skolemized(node: Term) -> Term:
    return ox.NamedNode(_SKOLEM + node.value) if isinstance(node, ox.BlankNode) else node


def _unskolem(term: Term) -> Term:
    if isinstance(term, ox.NamedNode) and term.value.startswith(_SKOLEM):
        return ox.BlankNode(term.value[len(_SKOLEM):])
    return term


def _sparql_found(rows, shape: Shape, check: SparqlCheck) -> list[Found]:
    names = [v.value for v in rows.variables]
    out = []
    seen: set[tuple] = set()
    for row in rows:
        solution = tuple(row[name] for name in names)
        if solution in seen:  # the same result again (SELECT without DISTINCT), reported once
            continue
        seen.add(solution)
        bound = {name: _unskolem(row[name]) for name in names if row[name] is not None}
        focus = bound.get("this")
        if focus is None:
            continue
        value = bound.get("value", focus if shape.path is None else None)
        path = bound.get("path")
        out.append(Found(focus, shape, SH.SPARQLConstraintComponent, value,
                         to_rdflib(path) if path is not None else shape.path_node,
                         [_fill(m, bound) for m in check.messages], check.node))
    return out


def _fill(message: Literal, bound: dict[str, Term]) -> Literal:
    text = str(message)
    for name, value in bound.items():
        # as pyshacl fills them: the plain value (an IRI, a literal's lexical form)
        text = re.sub(r"\{[?$]" + re.escape(name) + r"\}", lambda _m, v=value: v.value, text)
    return Literal(text, lang=message.language)


def _rdf(term: Term) -> Node:
    # a simple literal as rdflib parses one, without a datatype, as the other engines report it
    if isinstance(term, ox.Literal) and not term.language and term.datatype.value == _STRING:
        return Literal(term.value)
    return to_rdflib(term)


_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _raw(one: Found) -> RawResult:
    return RawResult(_rdf(one.focus), one.component, one.shape.severity, one.path_node,
                     _rdf(one.value) if one.value is not None else None, one.shape.node,
                     one.constraint, tuple(one.messages or one.shape.messages))
