"""/ontology: the ontology and its concept schemes as the store publishes them — HTML for people,
Turtle, JSON-LD, RDF/XML or N-Triples for machines (by Accept or `format=`)."""

from __future__ import annotations

from flask import Blueprint, Response, render_template, request, url_for

from kg import iris
from kg.errors import NotFound
from kg.ontology_docs import render_store_html
from kg.web.context import get_store, request_language
from kg.web.representations import html_or_rdf
from kg.web.sparql import content_type_header

bp = Blueprint("ontology", __name__)

_ONTOLOGY_GRAPHS = iris.GRAPH + "ontology/"


def ontology_graphs() -> list[str]:
    graphs = [g for g in get_store().published_graphs() if g.startswith(_ONTOLOGY_GRAPHS)]
    if not graphs:
        raise NotFound(messages={
            "en": "The ontology is not loaded; run `kg load` (or `make run`) first.",
            "de": "Die Ontologie ist nicht geladen; führen Sie zuerst `kg load` (oder `make run`) "
                  "aus."})
    return graphs


@bp.get("/ontology")
def document() -> Response:
    fmt = html_or_rdf(request.args.get("format"), request.headers.get("Accept"))
    graphs = ontology_graphs()
    if fmt is None:
        lang = request_language()
        # The site's navigation and stylesheet around the documentation's own template.
        page = render_store_html(get_store(), graphs, lang,
                                 site_header=render_template("_nav.html", lang=lang),
                                 stylesheet=url_for("static", filename="site.css"))
        response = Response(page, content_type="text/html; charset=utf-8")
    else:
        response = Response(get_store().dump(fmt.oxigraph, graphs),
                            content_type=content_type_header(fmt.media_type))
    response.vary.add("Accept")
    response.vary.add("Accept-Language")
    return response

