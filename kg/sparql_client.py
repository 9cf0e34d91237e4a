"""Queries against any SPARQL endpoint, through SPARQLWrapper."""

from __future__ import annotations

from SPARQLWrapper import JSON, POST, SPARQLWrapper, TURTLE
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kg import rdfio, results
from kg.errors import BadRequest, Unavailable
from kg.store.base import QueryResult


def run_remote_query(endpoint: str, query: str, *, timeout: float) -> QueryResult:
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setMethod(POST)
    client.setTimeout(int(max(1, timeout)))
    form = client.queryType
    graph = form in ("CONSTRUCT", "DESCRIBE")
    client.setReturnFormat(TURTLE if graph else JSON)
    try:
        raw = client.query().response.read()
    except SPARQLWrapperException as exc:
        raise BadRequest(f"{endpoint} rejected the query: {exc}") from None
    except OSError as exc:
        raise Unavailable(f"{endpoint} cannot be reached: {exc}") from None
    if graph:
        quads = rdfio.parse(raw, rdfio.rdf_format("turtle"), source=f"the answer of {endpoint}")
        return QueryResult("graph", triples=[q.triple for q in quads])
    return results.parse(raw, results.result_format("json"))
