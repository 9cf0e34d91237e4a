"""Safe parsing and the one table of RDF and result formats (media type <-> format <-> file ending).

Parsing goes through Oxigraph's parsers, which never dereference anything an input names: no
remote JSON-LD contexts, no owl:imports (they are plain triples here), no external XML entities.
RDF/XML and JSON-LD first pass the cheap checks of `kg.rdfguard` (entity expansion and nesting
bounded), because those inputs can crash Oxigraph's parsers or make them run for minutes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import TypeVar

import pyoxigraph as ox

from kg import rdfguard
from kg.errors import ParseError, PayloadTooLarge, UnsupportedMediaType


@dataclass(frozen=True)
class RdfFormatInfo:
    name: str  # the short name used in `format=` parameters and on the command line
    media_type: str
    extensions: tuple[str, ...]
    oxigraph: ox.RdfFormat
    dataset: bool  # can hold named graphs
    other_media_types: tuple[str, ...] = ()

    @property
    def media_types(self) -> tuple[str, ...]:
        return (self.media_type, *self.other_media_types)


F = TypeVar("F")

RDF_FORMATS: tuple[RdfFormatInfo, ...] = (
    RdfFormatInfo("turtle", "text/turtle", (".ttl",), ox.RdfFormat.TURTLE, False,
                  ("application/x-turtle",)),
    RdfFormatInfo("ntriples", "application/n-triples", (".nt",), ox.RdfFormat.N_TRIPLES, False,
                  ("text/plain",)),
    RdfFormatInfo("jsonld", "application/ld+json", (".jsonld", ".json"), ox.RdfFormat.JSON_LD, False),
    RdfFormatInfo("rdfxml", "application/rdf+xml", (".rdf", ".owl", ".xml"), ox.RdfFormat.RDF_XML,
                  False),
    RdfFormatInfo("trig", "application/trig", (".trig",), ox.RdfFormat.TRIG, True),
    RdfFormatInfo("nquads", "application/n-quads", (".nq",), ox.RdfFormat.N_QUADS, True),
)


def match_format(name_or_media_type: str, formats: Sequence[F],
                 aliases: Mapping[str, str] | None = None) -> F | None:
    """The entry of a format table by short name (`turtle`), alias or media type
    (`text/turtle; charset=utf-8`), or None."""
    key = name_or_media_type.split(";")[0].strip().lower()
    key = (aliases or {}).get(key, key)
    return next((info for info in formats if key == info.name or key in info.media_types), None)


def find_format(name_or_media_type: str, formats: Sequence[F], what: Mapping[str, str]) -> F:
    """Like match_format, but an unknown format is a 415 listing the known ones; `what` names
    the kind of format in each language."""
    info = match_format(name_or_media_type, formats)
    if info is not None:
        return info
    listed = ", ".join(f"{f.name} ({f.media_type})" for f in formats)
    raise UnsupportedMediaType(messages={
        "en": f"Unknown {what['en']} {name_or_media_type!r}; use one of: {listed}.",
        "de": f"Unbekanntes {what['de']} {name_or_media_type!r}; verwenden Sie eines von: "
              f"{listed}.",
    })


def rdf_format(name_or_media_type: str) -> RdfFormatInfo:
    return find_format(name_or_media_type, RDF_FORMATS, {"en": "RDF format", "de": "RDF-Format"})


def rdf_format_for_file(path: str | PurePath) -> RdfFormatInfo:
    suffix = PurePath(path).suffix.lower()
    for info in RDF_FORMATS:
        if suffix in info.extensions:
            return info
    endings = ", ".join(e for f in RDF_FORMATS for e in f.extensions)
    raise UnsupportedMediaType(messages={
        "en": f"{path}: cannot tell the RDF format from the file ending {suffix or '(none)'}; "
              f"use one of {endings}.",
        "de": f"{path}: das RDF-Format ist an der Dateiendung {suffix or '(keine)'} nicht zu "
              f"erkennen; verwenden Sie eine von {endings}.",
    })


def is_rdf_file(path: str | PurePath) -> bool:
    return any(PurePath(path).suffix.lower() in f.extensions for f in RDF_FORMATS)


def check_size(data: bytes, source: str, max_bytes: int) -> None:
    """A 413 for an upload over the limit, before any parser sees it."""
    if len(data) > max_bytes:
        raise PayloadTooLarge.over_limit({"en": source, "de": source}, max_bytes, size=len(data),
                                         setting="max_upload_bytes")


def parse(data: bytes, fmt: RdfFormatInfo, *, source: str = "input",
          base_iri: str | None = None) -> list[ox.Quad]:
    """All quads of `data`, or a ParseError naming source, line and column."""
    if fmt.oxigraph == ox.RdfFormat.RDF_XML:
        rdfguard.check_rdfxml(data, source)
    elif fmt.oxigraph == ox.RdfFormat.JSON_LD:
        rdfguard.check_jsonld(data, source)
    elif fmt.oxigraph in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.N3):
        rdfguard.check_turtle(data, source)
    try:
        return list(ox.parse(data, format=fmt.oxigraph, base_iri=base_iri))
    except SyntaxError as exc:
        raise ParseError(_parser_message(exc), source=source, line=exc.lineno,
                         column=exc.offset) from None
    except (ValueError, OSError) as exc:
        raise ParseError(messages={"en": f"not valid {fmt.name}: {exc}",
                                   "de": f"kein gültiges {fmt.name}: {exc} (Meldung des Parsers)"},
                         source=source) from None


# The syntaxes that can declare prefixes; the others would reject or ignore them.
PREFIXED_SYNTAXES = (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG)


def serialize(triples: Iterable[ox.Triple] | Iterable[ox.Quad], fmt: RdfFormatInfo,
              prefixes: Mapping[str, str] | None = None) -> bytes:
    """`triples` in `fmt`; `prefixes` are used where the syntax has them (Turtle, TriG)."""
    usable = prefixes if fmt.oxigraph in PREFIXED_SYNTAXES else None
    return ox.serialize(triples, format=fmt.oxigraph, prefixes=usable)


def _parser_message(exc: SyntaxError) -> str:
    text = str(exc.msg if exc.msg else exc)
    # Oxigraph prefixes "Parser error at line L column C: "; we report the position separately.
    return text.split(": ", 1)[1] if text.startswith("Parser error at") and ": " in text else text
