"""The development-type rules restated in Python, from the scheme's definitions in
ontology/concepts.ttl, to check cq18's answers against (its rule chain is written out three times
in SPARQL; this is a fourth, independent statement of it)."""

from __future__ import annotations

import pyoxigraph as ox

from support import ROOT

TYPE = "https://w3id.org/integration-kg/id/concept/development-type/"

KINDS = ("commissionerPosts", "advisoryBodies", "plansInForce", "cooperations", "longTermFunding", "projects")
NOT_ENOUGH = {"en": "not enough recorded", "de": "nicht genug erfasst"}

def rule(found: dict[str, object]) -> str | None:
    """The type the rules give for what was found (a kind -> a non-empty list or not), None = not
    enough recorded. In the definitions' order: cooperative, institutionalised, project-based,
    emerging."""
    c, b, p, k, f, j = (bool(found[kind]) for kind in KINDS)
    if c and b and p and k and f:
        return TYPE + "cooperative"
    if c and b and p:
        return TYPE + "institutionalised"
    if j and not k and not f:
        return TYPE + "project-based"
    if (c or b) and not p and not k:
        return TYPE + "emerging"
    return None

def labels() -> dict[str, dict[str, str]]:
    """Each development type's prefLabel by language, read from ontology/concepts.ttl."""
    found: dict[str, dict[str, str]] = {}
    pref = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    for triple in ox.parse(path=str(ROOT / "ontology" / "concepts.ttl"), format=ox.RdfFormat.TURTLE):
        if triple.predicate == pref and triple.subject.value.startswith(TYPE):
            found.setdefault(triple.subject.value, {})[triple.object.language] = triple.object.value
    return found
