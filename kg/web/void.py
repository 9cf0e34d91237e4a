"""/.well-known/void: the VoID description of the published dataset (RFC 5785 well-known URI)."""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, request

from kg import void
from kg.store.base import QueryResult
from kg.web.conneg import negotiate
from kg.web.sparql import GRAPH_FORMATS, content_type_header, public_url, run_public_query

bp = Blueprint("void", __name__)


def _run(sparql: str) -> QueryResult:
    # The same runner and dataset as /sparql, so the numbers are what /sparql answers.
    return run_public_query(sparql, None, None)


@bp.get("/.well-known/void")
def description() -> Response:
    offered = [m for f in GRAPH_FORMATS for m in f.media_types if m != "text/plain"]
    chosen = negotiate(request.headers.get("Accept"), offered)
    fmt = next(f for f in GRAPH_FORMATS if chosen in f.media_types)
    triples = void.build(_run, document=public_url(".well-known/void"),
                         endpoint=public_url("sparql"))
    prefixes = void.PREFIXES if fmt.name == "turtle" else None
    body = ox.serialize(triples, format=fmt.oxigraph, prefixes=prefixes)
    response = Response(body, content_type=content_type_header(fmt.media_type))
    response.vary.add("Accept")
    return response
