"""/.well-known/void: the VoID description of the published dataset (RFC 5785 well-known URI)."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, request

from kg import rdfio, void
from kg.dumps import file_names
from kg.store.base import QueryResult
from kg.web.conneg import negotiate_format
from kg.web.context import get_store
from kg.web.sparql import GRAPH_FORMATS, content_type_header, public_url, run_public_query

bp = Blueprint("void", __name__)
_CACHE_KEY = "kg.void_counts"


def _run(sparql: str) -> QueryResult:
    # The same runner and dataset as /sparql, so the numbers are what /sparql answers.
    return run_public_query(sparql, None, None)


def _cached_run():
    # Only the counts are kept: the document's URLs follow the request (public_url).
    cache = current_app.extensions.setdefault(_CACHE_KEY, void.CountsCache())
    return cache.runner(get_store().write_generation, _run)


def _dump_urls(graph: str | None) -> list[str]:
    # Named without making the files: they are made when first asked for (kg.dumps).
    return [public_url("dumps/" + name) for name in file_names(graph).values()]


@bp.get("/.well-known/void")
def description() -> Response:
    fmt = negotiate_format(request.headers.get("Accept"), GRAPH_FORMATS, exclude=("text/plain",))
    triples = void.build(_cached_run(), document=public_url(".well-known/void"),
                         endpoint=public_url("sparql"), dumps=_dump_urls)
    body = rdfio.serialize(triples, fmt, void.PREFIXES)
    response = Response(body, content_type=content_type_header(fmt.media_type))
    response.vary.add("Accept")
    return response
