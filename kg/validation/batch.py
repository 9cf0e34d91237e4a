"""The batch engine: the project's shapes judged over all focus nodes at once, in this process.

pyshacl-turbo judges one focus node at a time and parses its whole input anew on every call;
on the 10,000-triple benchmark submission with its context it took 3.4 s where this engine
takes 1.2 s, with the same results (bench/results/validation.md). Here the core constraints are
checked in Python over one index of the input, its context and the ontology, and each
SPARQL-based constraint runs once for all its focus nodes on an in-memory Oxigraph store, as one
query, instead of once per node.

It covers the SHACL features our shapes use (kg.validation.compiled says which); shapes with any other
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
from collections.abc import Callable, Collection, Sequence, Set as AbstractSet
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from decimal import Decimal

import pyoxigraph as ox
from pyshacl.rdfutil.compare import compare_literal
from rdflib import Literal
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from kg.validation.build import RawResult
from kg.validation.compiled import Compiled, Found, Shape, Term
from kg.validation.context import InputTerms
from kg.validation.reach import Reads
from kg.validation.sparql_checks import (add_to_sparql_store, mark_focus, new_sparql_store, reads_of,
                                         run_sparql)
from kg.validation.sparql_reads import ANY, FOCUS
from kg.validation.terms import Index, to_rdflib

_RDF_TYPE = ox.NamedNode(str(RDF.type))
_SUBCLASS = ox.NamedNode(str(RDFS.subClassOf))
_LANG_STRING = str(RDF.langString)

# the checks with one result for the focus node (no value), not one per failing value
_WHOLE = {"minCount", "maxCount", "hasValue", "qualified"}


class Data:
    """The input, its context and the ontology, as the engine reads them."""

    def __init__(self, index: Index, ontology: Index) -> None:
        self.index, self.ontology = index, ontology
        self._supers: dict[Term, frozenset[str]] = {}
        self._classes: dict[Term, frozenset[str]] = {}

    def objects(self, s: Term, p: ox.NamedNode) -> Collection[Term]:
        return _merged(self.index.out.get(s), self.ontology.out.get(s), p)

    def subjects(self, o: Term, p: ox.NamedNode) -> Collection[Term]:
        return _merged(self.index.into.get(o), self.ontology.into.get(o), p)

    def classes(self, node: Term) -> frozenset[str]:
        """Every class `node` is an instance of, through rdf:type/rdfs:subClassOf*."""
        known = self._classes.get(node)
        if known is None:
            types = self.objects(node, _RDF_TYPE)
            known = self._classes[node] = (frozenset().union(*map(self._superclasses, types))
                                           if types else frozenset())
        return known

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

    def values(self, node: Term, path) -> Collection[Term]:
        kind, arg = path
        if kind == "p":
            return self.objects(node, arg) if not isinstance(node, ox.Literal) else ()
        if kind == "inverse":
            return self.subjects(node, arg)
        if kind == "alt":
            return list(dict.fromkeys(v for p in arg for v in self.values(node, p)))
        current = [node]
        for step in arg:  # a sequence path
            current = list(dict.fromkeys(v for n in current for v in self.values(n, step)))
        return current


def _merged(first: dict | None, second: dict | None, p: ox.NamedNode) -> Collection[Term]:
    """The values of both indexes, once each: the index's own dict (its keys) where only one
    has any, not a copy (no caller changes it)."""
    first = first.get(p) if first else None
    second = second.get(p) if second else None
    if not second:
        return first or ()
    if not first:
        return second
    return list(dict.fromkeys([*first, *second]))



class Judge:
    def __init__(self, data: Data) -> None:
        self.data = data
        self._conforms: dict[tuple[Shape, Term], bool] = {}
        self._typed: dict[tuple[str, str], bool] = {}

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
                test = _TESTS[kind]
                found += [Found(node, shape, component, v, shape.path_node)
                          for v in values if not test(self, v, arg, depth)]
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


# per-value checks: (judge, value, the parameter, depth) -> whether the value passes. Not bound
# methods kept on the judge: a judge referring to itself would live on, with the index of the
# whole input and context, until the cyclic collector found it (0.05–0.18 s of the benchmark
# submission's time, spent when a validation ends: kg.validation.engine.collector_paused).
_TESTS = {
    "class": Judge._class, "node": Judge._node, "datatype": Judge._datatype,
    "nodeKind": lambda _j, v, kinds, _d: isinstance(v, kinds),
    "minInclusive": lambda _j, v, bound, _d: _in_range(v, bound, True),
    "maxInclusive": lambda _j, v, bound, _d: _in_range(v, bound, False),
    "pattern": lambda _j, v, regex, _d: not isinstance(v, ox.BlankNode) and bool(regex.search(v.value)),
    "languageIn": lambda _j, v, languages, _d: _language_in(v, languages)}


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
    if not a_text and _same_kind(a, b):
        # what rdflib's `<=` comes to for two well-formed literals of one datatype whose values
        # Python orders (its value comparison), without its steps: rdflib took 0.07 s for the
        # benchmark submission's 834 period checks, a fifth of the core checks' time
        return a.value <= b.value
    try:
        return bool(a <= b)
    except TypeError:
        return False


_ORDERED = (date, int, Decimal)  # exactly these: a datetime may be naive or aware


def _same_kind(a: Literal, b: Literal) -> bool:
    return (a.datatype == b.datatype and not a.language and not b.language
            and type(a.value) is type(b.value) and type(a.value) in _ORDERED
            and not a.ill_typed and not b.ill_typed)


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


Context = Callable[[AbstractSet[Term] | None, InputTerms, list[tuple[Term, tuple[Reads, ...]]] | None],
                   list[ox.Triple]]


def validate(compiled: Compiled, given: Sequence[ox.Triple], context: Context | None = None,
             ) -> tuple[list[RawResult], Index, list[ox.Triple]]:
    """The SHACL results of the input's own nodes (its subjects and blank nodes) against the
    compiled shapes, with the input (`given`), its context from the store and the ontology as
    the data graph; the index of input and context made for it, which the report reads too;
    and the context.

    `context(incoming, terms, starts)` fetches the context of the input (`terms`: what it has,
    read from its index), with the links into only the nodes in `incoming` (None: into every
    node the input describes), and of what the input references only what the checks read from
    its focus nodes on (`starts`, kg.validation.reach; None: everything). The shapes that judge a node follow from the input's types, and they say which links into it the checks read (kg.validation.sparql_reads)
    and which triples the SPARQL constraints can read: the input's go into the SPARQL store on
    a second thread while this one fetches the context, and the context's while this one
    checks the core constraints (Oxigraph lets go of the GIL while it loads and queries). The
    context can add types to the input's own nodes only with every link into them fetched, when
    the input describes a class the store types its things with: then the shapes follow anew."""
    index = Index(given)
    terms = InputTerms(index)
    own = terms.own
    data = Data(index, compiled.ontology)
    targets = _targets(compiled, data, own)
    focus = _sparql_focus(targets)
    checked = {shape for _node, shape in focus}
    reads = reads_of(checked)
    with ThreadPoolExecutor(max_workers=1) as background:  # one worker: its tasks in order
        store = background.submit(new_sparql_store, compiled, given, reads) if checked else None
        fetched: list[ox.Triple] = []
        links = {check.links for shape in checked for check in shape.sparql}
        incoming = (None if compiled.inverse_paths or ANY in links else
                    {node for node, shapes in targets
                     if any(check.links == FOCUS for shape in shapes for check in shape.sparql)})
        # (arguments bound now: `store` and `focus` are made anew where the shapes follow anew)
        marked = (background.submit(lambda store=store, focus=focus: mark_focus(store.result(), focus))
                  if focus else None)
        starts = _starts(targets)
        if context is not None:
            fetched = context(incoming, terms, starts)
        if fetched:
            index.extend(fetched)
            data = Data(index, compiled.ontology)  # anew: no class hierarchy read before the context
            if any(t.subject in own for t in fetched if t.predicate == _RDF_TYPE):
                # a link from the store typing a node the input describes too (the input
                # describes a class, and every link into its things was fetched): the shapes
                # follow anew, with the whole context, and the SPARQL store gets everything
                if starts is not None:
                    index = Index(given)
                    fetched = context(incoming, terms, None)
                    index.extend(fetched)
                    data = Data(index, compiled.ontology)
                targets, reads = _targets(compiled, data, own), None
                store = background.submit(new_sparql_store, compiled, index.triples, None)
                focus, marked = _sparql_focus(targets), None
            elif store is not None:
                background.submit(lambda: add_to_sparql_store(store.result(), fetched, reads))
        sparql = (background.submit(lambda store=store, focus=focus, marked=marked: run_sparql(
                      store.result(), focus, marked.result() if marked else None))
                  if focus else None)
        judge = Judge(data)
        found: list[Found] = []
        for node, shapes in targets:
            for shape in shapes:
                found += judge.shape(node, shape)
        if sparql is not None:
            found += sparql.result()
    return [_raw(one) for one in found], index, fetched


def _sparql_focus(targets: list[tuple[Term, list[Shape]]]) -> list[tuple[Term, Shape]]:
    """(focus node, shape) of each shape with SPARQL-based constraints."""
    return [(node, shape) for node, shapes in targets for shape in shapes if shape.sparql]


def _starts(targets: list[tuple[Term, list[Shape]]]) -> list[tuple[Term, tuple[Reads, ...]]] | None:
    """Each focus node with what its shapes read from it on (kg.validation.reach); None where a
    shape's reads cannot be said: then the context comes whole."""
    starts = []
    for node, shapes in targets:
        trees = tuple(shape.reads for shape in shapes)
        if None in trees:
            return None
        starts.append((node, trees))
    return starts


def _targets(compiled: Compiled, data: Data, own: AbstractSet[Term]) -> list[tuple[Term, list[Shape]]]:
    targets: list[tuple[Term, list[Shape]]] = []
    for node in own:
        shapes = list(compiled.by_node.get(node, ()))
        for cls in data.classes(node):
            shapes += compiled.by_class.get(cls, ())
        targets.append((node, list(dict.fromkeys(shapes))))  # once each, whatever the target
    return targets


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

