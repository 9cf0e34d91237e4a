"""Synthetic data for the validation benchmark: a large graph of organisations and a submission
of memberships between them. Every IRI says "synthetic"; nothing here is a fact about anything."""

from __future__ import annotations

import random
from collections.abc import Sequence

import pyoxigraph as ox

ID = "https://w3id.org/integration-kg/id/"
IKG = "https://w3id.org/integration-kg/ontology#"
ORG = "http://www.w3.org/ns/org#"
TIME = "http://www.w3.org/2006/time#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SOURCE = ox.NamedNode("https://example.org/synthetic/source")


def n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def date(value: str) -> ox.Literal:
    return ox.Literal(value, datatype=n(XSD + "date"))


def instant(year: int) -> tuple[ox.BlankNode, list[ox.Triple]]:
    node = ox.BlankNode()
    return node, [ox.Triple(node, TYPE, n(TIME + "Instant")),
                  ox.Triple(node, n(IKG + "earliest"), date(f"{year}-01-01")),
                  ox.Triple(node, n(IKG + "latest"), date(f"{year}-12-31")),
                  ox.Triple(node, n(TIME + "inXSDgYear"), ox.Literal(str(year), datatype=n(XSD + "gYear")))]


def organisation(i: int) -> list[ox.Triple]:
    org = n(f"{ID}organisation/synthetic-{i}")
    founded, triples = instant(1990 + i % 30)
    return [ox.Triple(org, TYPE, n(IKG + "MigrantOrganisation")),
            ox.Triple(org, n(RDFS + "label"), ox.Literal(f"Synthetischer Verein {i}", language="de")),
            ox.Triple(org, n(IKG + "statedIn"), n(f"{ID}citation/synthetic-{i % 100}")),
            ox.Triple(org, n(IKG + "founded"), founded), *triples]


def citations() -> list[ox.Triple]:
    out = [ox.Triple(SOURCE, TYPE, n(IKG + "Source"))]
    for i in range(100):
        c = n(f"{ID}citation/synthetic-{i}")
        out += [ox.Triple(c, TYPE, n(IKG + "Citation")), ox.Triple(c, n(IKG + "citedSource"), SOURCE),
                ox.Triple(c, n(IKG + "accessedOn"), date("2026-11-25"))]
    return out


def large_graph(organisations: int) -> list[ox.Triple]:
    out = citations()
    for i in range(organisations):
        out += organisation(i)
    return out


def membership(k: int, organisations: Sequence[str], rng: random.Random,
               cited_in: Sequence[str] = ()) -> list[ox.Triple]:
    m = n(f"{ID}membership/synthetic-{k}")
    cited = cited_in[k % len(cited_in)] if cited_in else f"{ID}citation/synthetic-{k % 100}"
    member, joined = rng.choice(organisations), rng.choice(organisations)
    # Every 50th joins before the organisation was founded: a SPARQL-based Warning.
    year = 1985 if k % 50 == 0 else 2021
    begin, triples = instant(year)
    period = ox.BlankNode()
    return [ox.Triple(m, TYPE, n(ORG + "Membership")),
            ox.Triple(m, n(RDFS + "label"), ox.Literal(f"Synthetische Mitgliedschaft {k}", language="de")),
            ox.Triple(m, n(IKG + "statedIn"), n(cited)),
            ox.Triple(m, n(ORG + "member"), n(member)),
            ox.Triple(m, n(ORG + "organization"), n(joined)),
            ox.Triple(m, n(ORG + "memberDuring"), period),
            ox.Triple(period, TYPE, n(TIME + "Interval")),
            ox.Triple(period, n(TIME + "hasBeginning"), begin), *triples]


def submission(triples: int, organisations: int | Sequence[str], seed: int = 7,
               cited_in: Sequence[str] = ()) -> list[ox.Triple]:
    """Memberships between `organisations` (IRIs; a number: the large_graph's first ones), each
    stated in one of `cited_in` (IRIs of the graph's; none: large_graph's own)."""
    if isinstance(organisations, int):
        organisations = [f"{ID}organisation/synthetic-{i}" for i in range(organisations)]
    rng = random.Random(seed)
    out: list[ox.Triple] = []
    k = 0
    while len(out) < triples:
        out += membership(k, organisations, rng, cited_in)
        k += 1
    return out
