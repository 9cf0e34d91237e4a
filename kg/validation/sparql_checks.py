"""The batch engine's SPARQL-based constraints: each run once for all its focus nodes (or once
per node where kg.validation.compiled could not rewrite it) on an in-memory Oxigraph store of
the input, its context and the ontology."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence, Set as AbstractSet

import pyoxigraph as ox
from rdflib import Literal
from rdflib.namespace import SH

from kg.validation.compiled import FOCUS_GRAPH, OF, SHAPE_SLOT, Compiled, Found, Shape, SparqlCheck, Term
from kg.validation.terms import to_rdflib


def new_sparql_store(compiled: Compiled, triples: Sequence[ox.Triple],
                     reads: AbstractSet[str] | None) -> ox.Store:
    """A store of the ontology and of `triples` those the queries can read (`reads`: their
    predicates; None: all)."""
    store = ox.Store()
    # lenient: every text loaded here is N-Triples written by Oxigraph from terms it had checked
    # already (and the skolem IRIs below); checking each IRI again was a twentieth of a
    # validation's instructions
    store.load(compiled.ontology_text, format=ox.RdfFormat.N_TRIPLES, lenient=True)
    add_to_sparql_store(store, triples, reads)
    return store


def add_to_sparql_store(store: ox.Store, triples: Sequence[ox.Triple],
                        reads: AbstractSet[str] | None) -> None:
    if reads is not None:
        triples = [t for t in triples if t.predicate.value in reads]
    # Oxigraph gives the blank nodes of a loaded text new labels, so the input's are loaded as
    # IRIs of a scheme of ours and turned back in the results; compile_shapes refuses queries
    # that ask for a term's kind (isBlank …), where that would show.
    store.load(_skolem(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")),
               format=ox.RdfFormat.N_TRIPLES, lenient=True)


def reads_of(shapes: Iterable[Shape]) -> frozenset[str] | None:
    """The predicates the SPARQL-based constraints of `shapes` can read; None: any."""
    found: set[str] = set()
    for shape in shapes:
        for check in shape.sparql:
            if check.reads is None:
                return None
            found |= check.reads
    return frozenset(found)


def mark_focus(store: ox.Store, focus: list[tuple[Term, Shape]]) -> dict[Shape, ox.NamedNode]:
    """Each shape's focus nodes in the focus graph the batched queries join first (done while the
    context is fetched: it needs only the input)."""
    # Shapes by a name of their own: a blank node shape has no IRI to put in the focus graph.
    names = {shape: ox.NamedNode(f"urn:x-kg-batch:shape:{i}")
             for i, shape in enumerate(dict.fromkeys(s for _, s in focus))}
    store.load("".join(f"{_skolem_term(node)} {OF} {names[shape]} {FOCUS_GRAPH} .\n"
                       for node, shape in focus), format=ox.RdfFormat.N_QUADS, lenient=True)
    return names


def run_sparql(store: ox.Store, focus: list[tuple[Term, Shape]],
               names: dict[Shape, ox.NamedNode] | None = None) -> list[Found]:
    """The results of the SPARQL constraints of `focus`'s shapes; `names`: as mark_focus gave
    them, where it ran already."""
    if names is None:
        names = mark_focus(store, focus)
    found: list[Found] = []
    for shape, name in names.items():
        for check in shape.sparql:
            if check.batched is not None:
                rows = store.query(check.batched.replace(SHAPE_SLOT, str(name)))
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

