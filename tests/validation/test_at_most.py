"""sh:lessThanOrEquals in the batch engine (kg.validation.batch._at_most) compares as pyshacl
does, with rdflib's `<=`, also where it takes the short way for two literals of one datatype
whose values Python orders (dates, integers, decimals)."""

from __future__ import annotations

import itertools
import logging

from rdflib import XSD, Literal, URIRef

from kg.validation.batch import _at_most, _comparable
from kg.validation.terms import to_oxigraph

TERMS = [Literal("2020-01-01", datatype=XSD.date), Literal("2020-01-02", datatype=XSD.date),
         Literal("2019-12-31", datatype=XSD.date), Literal("2020-1-1", datatype=XSD.date),
         Literal("2020-02-30", datatype=XSD.date), Literal("2020-01-01Z", datatype=XSD.date),
         Literal("5", datatype=XSD.integer), Literal("05", datatype=XSD.integer),
         Literal("7", datatype=XSD.integer), Literal("-3", datatype=XSD.int),
         Literal("5.0", datatype=XSD.decimal), Literal("4.5", datatype=XSD.decimal),
         Literal("1e3", datatype=XSD.double), Literal("2020", datatype=XSD.gYear),
         Literal("2021", datatype=XSD.gYear), Literal("2020-01-01T00:00:00", datatype=XSD.dateTime),
         Literal("2020-01-01T00:00:00Z", datatype=XSD.dateTime), Literal("x"), Literal("y", lang="de"),
         URIRef("https://example.org/a")]


def by_rdflib(value, other) -> bool:
    (a, a_text), (b, b_text) = _comparable(value), _comparable(other)
    if a is None or b is None or a_text != b_text:
        return False
    try:
        return bool(a <= b)
    except TypeError:
        return False


def test_every_pair_compares_as_rdflib_does(caplog):
    caplog.set_level(logging.CRITICAL)  # rdflib logs each ill-formed date it reads
    pairs = list(itertools.product(TERMS, TERMS))
    differing = [(a, b) for a, b in pairs
                 if _at_most(to_oxigraph(a), to_oxigraph(b)) != by_rdflib(to_oxigraph(a), to_oxigraph(b))]
    assert differing == []
    # the short way is taken, and gives both answers
    assert _at_most(to_oxigraph(TERMS[2]), to_oxigraph(TERMS[0]))
    assert not _at_most(to_oxigraph(TERMS[1]), to_oxigraph(TERMS[0]))
    assert _at_most(to_oxigraph(TERMS[6]), to_oxigraph(TERMS[7]))  # 5 <= 05: the same value
