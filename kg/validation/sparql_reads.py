"""Which triples a SPARQL-based constraint can read: the predicates its patterns name, and
which links from the store into the things an input describes.

The batch engine's SPARQL store (kg.validation.sparql_checks) needs only the triples the
constraints' queries can match, so it is filled with the triples of those predicates alone.

A query reads only triples whose predicate it names when every triple pattern has an IRI or a
path of IRIs as its predicate, or a variable that a FILTER around the pattern restricts to named
IRIs (`FILTER (?p IN (time:inXSDDate, …))`): a triple with another predicate could bind that
variable only to be filtered out. A negated property set (`!rdf:type`) or an unrestricted
variable predicate can read any triple: then the answer is None, and the store gets everything.

A query reads links from the store into the things an input describes only where a pattern does
not start from `$this` or from what a forward path reached from it (`?obs ikg:refArea $this`);
only then does a validation fetch those links (kg.validation.context): 834 index lookups of the
benchmark submission's memberships, which no query reads that way.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import URIRef, Variable
from rdflib.paths import AlternativePath, InvPath, MulPath, Path, SequencePath
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue

from kg.validation.reach import Imprecise, Reads


def analysed(query: str) -> tuple[frozenset[str] | None, str | None, Reads | None]:
    """predicates_read, links_read and reads_from_this of `query`, parsed once (rdflib takes
    tens of milliseconds to parse one: a query worker compiles the shapes as it starts)."""
    algebra = prepareQuery(query).algebra
    return predicates_read(algebra), links_read(algebra), reads_from_this(algebra)


def _algebra(query: str | CompValue) -> CompValue:
    return prepareQuery(query).algebra if isinstance(query, str) else query


def predicates_read(query: str | CompValue) -> frozenset[str] | None:
    """The IRIs `query` names (every predicate it can match among them), or None when it can
    match triples of any predicate."""
    named: set[str] = set()
    if not _walk(_algebra(query), frozenset(), named):
        return None
    return frozenset(named)


_THIS = Variable("this")
FOCUS, ANY = "focus", "any"


def links_read(query: str | CompValue) -> str | None:
    """Which links from the store into the things an input describes `query` can read: None
    when it reads only triples reached forward from `$this` (every pattern's subject is
    `$this`, a constant, or a variable bound as the object of such a pattern); FOCUS when it
    also reads the links into `$this` itself (`?obs ikg:refArea $this`); ANY when it can read
    links into any node (a pattern from an unbound subject, an inverse or negated path)."""
    patterns = list(_patterns(_algebra(query)))
    anchored = {_THIS}
    grown = True
    while grown:  # what is reached forward from $this
        grown = False
        for s, p, o in patterns:
            if _anchored(s, anchored) and _forward(p) and isinstance(o, Variable) and o not in anchored:
                anchored.add(o)
                grown = True
    found = None
    for s, p, o in patterns:
        if _anchored(s, anchored) and _forward(p):
            continue
        into_focus = (s == _THIS and isinstance(p, InvPath) and isinstance(p.arg, URIRef)) or (
            o == _THIS and isinstance(s, Variable) and isinstance(p, URIRef))
        if not into_focus:
            return ANY
        found = FOCUS
    return found


def reads_from_this(query: str | CompValue) -> Reads | None:
    """What `query` can read from `$this` on (kg.validation.reach), from its triple patterns
    wherever they stand: each pattern from `$this` or from a variable such a pattern binds is a
    step (a path of IRIs, steps in turn; a variable predicate, a negated set or a `*`/`+` path:
    everything below). A pattern into `$this` from a variable used nowhere else reads only links
    into it (links_read). None: a pattern from anything else (a constant, a variable bound by
    BIND or VALUES, an inverse step), whose triples cannot be said as steps from `$this`."""
    patterns = list(_patterns(_algebra(query)))
    trees: dict = {_THIS: Reads()}
    pending, grown = list(patterns), True
    while grown:  # patterns whose subject is reached, in the order they are reached
        grown = False
        for pattern in list(pending):
            s, p, o = pattern
            if s not in trees:
                continue
            pending.remove(pattern)
            grown = True
            try:
                ends = _steps(trees[s], p)
            except Imprecise:
                return None
            if isinstance(o, Variable):
                below = trees.setdefault(o, Reads())
                for end in ends:
                    end.also.append(below)
    subjects = [s for s, _p, _o in patterns]
    for s, p, o in pending:
        into_reached = isinstance(s, Variable) and o in trees and isinstance(p, URIRef)
        used_elsewhere = subjects.count(s) > 1 or any(o2 == s for _s, _p, o2 in patterns)
        if not into_reached or used_elsewhere:
            return None
    return trees[_THIS]


def _steps(tree: Reads, path) -> list[Reads]:
    if isinstance(path, URIRef):
        return [tree.step(ox.NamedNode(str(path)))]
    if isinstance(path, SequencePath):
        ends = [tree]
        for one in path.args:
            ends = [end for start in ends for end in _steps(start, one)]
        return ends
    if isinstance(path, AlternativePath):
        return [end for one in path.args for end in _steps(tree, one)]
    if isinstance(path, InvPath):
        raise Imprecise("an inverse step")
    # a variable predicate, a negated property set, p* / p+ / p?: every triple below, and
    # what is read further on is read from there too
    tree.every = True
    return [tree]


def _anchored(subject, anchored: set) -> bool:
    return subject in anchored or not isinstance(subject, Variable)


def _patterns(node):
    """Every triple pattern of the query, wherever it stands (NOT EXISTS, OPTIONAL, subqueries)."""
    if isinstance(node, CompValue):
        if node.name in ("BGP", "TriplesBlock"):
            yield from (tuple(triple) for triple in node.triples)
        for key, value in node.items():
            if key not in ("_vars", "PV", "triples"):
                yield from _patterns(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _patterns(value)


def _forward(path) -> bool:
    if isinstance(path, URIRef) or (isinstance(path, Variable) and path != _THIS):
        return True
    if isinstance(path, (SequencePath, AlternativePath)):
        return all(_forward(step) for step in path.args)
    if isinstance(path, MulPath):
        return _forward(path.path)
    return False  # an inverse step, or a negated set (which may hold inverse steps)


def _walk(node, restricted: frozenset, named: set[str]) -> bool:
    if isinstance(node, CompValue):
        if node.name == "Filter":
            restricted = restricted | _restricted(node.expr)
        if node.name in ("BGP", "TriplesBlock"):
            for _s, p, _o in node.triples:
                if isinstance(p, Variable) and p not in restricted:
                    return False
        return all(_walk(value, restricted, named) for key, value in node.items() if key != "_vars")
    if isinstance(node, (list, tuple)):
        return all(_walk(value, restricted, named) for value in node)
    if isinstance(node, Path):
        return _path(node, named)
    if isinstance(node, URIRef):
        named.add(str(node))
    return True


def _path(path, named: set[str]) -> bool:
    if isinstance(path, URIRef):
        named.add(str(path))
        return True
    if isinstance(path, (SequencePath, AlternativePath)):
        return all(_path(step, named) for step in path.args)
    if isinstance(path, MulPath):
        return _path(path.path, named)
    if isinstance(path, InvPath):
        return _path(path.arg, named)
    return False  # a negated property set: any predicate but those


def _restricted(expr) -> frozenset:
    """Variables the filter `expr` keeps to named IRIs (its conjuncts `?v IN (…)`, `?v = <…>`)."""
    if not isinstance(expr, CompValue):
        return frozenset()
    if expr.name == "ConditionalAndExpression":
        out: frozenset = frozenset()
        for part in [expr.expr, *(expr.other or [])]:
            out |= _restricted(part)
        return out
    if expr.name == "RelationalExpression" and isinstance(expr.expr, Variable):
        others = expr.other if isinstance(expr.other, list) else [expr.other]
        if expr.op in ("IN", "=") and others and all(isinstance(o, URIRef) for o in others):
            return frozenset([expr.expr])
    return frozenset()
