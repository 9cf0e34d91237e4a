"""Linked data: every /id/… IRI, the published graphs (/graph/…), the ontology's versions
(/ontology/{version}) and the shapes (/shapes) answer at the path their w3id IRI redirects to,
as HTML for people and Turtle, JSON-LD, N-Triples or RDF/XML for machines (Accept or `format=`),
with `Link` headers naming the alternates.

HTTP only: what a thing is comes from kg.thing_description (catalogue queries through the query
runner) and kg.thing_page; graphs are dumped by the store. RDF keeps the canonical w3id IRIs
whatever host serves it: only links meant for a browser use the request's or the configured
base URL.
"""

from __future__ import annotations

import json
import re

from flask import Blueprint, Response, render_template, request

from kg import iris, rdfio
from kg.errors import NotFound
from kg.schema_org import json_ld
from kg.thing_description import describe, id_iri, incoming
from kg.thing_page import thing_page
from kg.web import ontology
from kg.web.context import get_catalog, get_query_runner, get_select, get_store, request_language
from kg.web.representations import HTML, html_or_rdf
from kg.web.sparql import GRAPH_FORMATS, content_type_header, public_url

bp = Blueprint("linked_data", __name__)

VERSION = re.compile(r"\d+\.\d+\.\d+")
SHAPES_GRAPHS = iris.GRAPH + "shapes/"
# The formats a description is offered in; the dataset formats would say nothing more.
ALTERNATES = tuple(f for f in GRAPH_FORMATS if not f.dataset)


@bp.get("/id/<path:rest>")
def thing(rest: str) -> Response:
    iri = id_iri(rest)
    fmt = html_or_rdf(request.args.get("format"), request.headers.get("Accept"))
    description = describe(get_query_runner(), get_catalog(), iri) if iri else None
    if description is None or not description.known:
        raise _unknown(f"id/{rest}")
    if fmt is not None:
        return rdf_response(description.rdf_triples(), fmt)
    lang = request_language()
    page = thing_page(description, incoming(get_query_runner(), get_catalog(), iri), lang)
    return html_response(render_template(
        "thing.html", lang=lang, page=page,
        json_ld=json.dumps(json_ld(page, lang), ensure_ascii=False).replace("</", "<\\/")))


@bp.get("/graph/<path:name>")
def graph(name: str) -> Response:
    iri = iris.GRAPH + name
    if iri not in get_store().published_graphs():
        raise _unknown(f"graph/{name}")
    return _graphs([iri], iri)


@bp.get("/shapes")
def shapes() -> Response:
    graphs = [g for g in get_store().published_graphs() if g.startswith(SHAPES_GRAPHS)]
    if not graphs:
        raise _unknown("shapes")
    return _graphs(graphs, iris.SHAPES)


@bp.get("/ontology/<version>")
def ontology_version(version: str) -> Response:
    """The version the store holds; an older version IRI is not served from here (the dumps
    keep older releases), so it is a 404 like any IRI the graph does not know."""
    known = {str(row["versionIRI"]) for row in get_select()("site-ontology-versions")}
    if not VERSION.fullmatch(version) or iris.BASE + "ontology/" + version not in known:
        raise _unknown(f"ontology/{version}")
    return with_alternates(ontology.document())


def _graphs(graphs: list[str], iri: str) -> Response:
    fmt = html_or_rdf(request.args.get("format"), request.headers.get("Accept"))
    if fmt is not None:
        return with_alternates(Response(get_store().dump(fmt.oxigraph, graphs),
                                        content_type=content_type_header(fmt.media_type)))
    records = get_store().load_records()
    rows = [(g, records.get(g, {}), get_store().quad_count([g])) for g in graphs]
    return html_response(render_template("graph.html", lang=request_language(), iri=iri, rows=rows))


def rdf_response(triples, fmt: rdfio.RdfFormatInfo) -> Response:
    return with_alternates(Response(rdfio.serialize(triples, fmt, iris.PREFIXES),
                                    content_type=content_type_header(fmt.media_type)))


def html_response(page: str) -> Response:
    return with_alternates(Response(page, content_type="text/html; charset=utf-8"))


def with_alternates(response: Response) -> Response:
    """`Link` to each representation of this URL (`format=`), and Vary for the caches."""
    here = public_url(request.path)
    links = [f'<{here}?format=html>; rel="alternate"; type="{HTML}"']
    links += [f'<{here}?format={f.name}>; rel="alternate"; type="{f.media_type}"' for f in ALTERNATES]
    response.headers["Link"] = ", ".join(links)
    response.vary.add("Accept")
    response.vary.add("Accept-Language")
    return response


def _unknown(path: str) -> NotFound:
    iri = iris.BASE + path
    return NotFound(messages={
        "en": f"The published graph does not know <{iri}>. Check the address; the home page and "
              "/sparql lead to what the graph holds.",
        "de": f"Der veröffentlichte Graph kennt <{iri}> nicht. Prüfen Sie die Adresse; die "
              "Startseite und /sparql führen zu dem, was der Graph enthält."},
        detail={"iri": iri})
