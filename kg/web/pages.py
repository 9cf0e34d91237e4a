"""The home page and the municipality pages (/id/municipality/<ags>).

HTTP only: what a page holds is gathered by kg.coverage and kg.municipality_record from
catalogue queries, which run through the app's query runner like any /sparql query.
"""

from __future__ import annotations

from dataclasses import asdict

from flask import Blueprint, Response, jsonify, render_template, request
from markupsafe import Markup

from kg import iris
from kg.coverage import FACT_KINDS, NOT_RECORDED, SUMMARY_KINDS, kreisfreie_staedte_coverage, summary
from kg.development_types import development_types
from kg.errors import NotFound
from kg.municipality_record import AGS, municipality_record
from kg.reference_date import reference_date
from kg.structure_picture import landscape, municipality_landscape, source_pictures
from kg.structure_svg import draw
from kg.thing_description import describe
from kg.web.conneg import negotiate
from kg.web.context import get_catalog, get_query_runner, get_select, request_language
from kg.web.linked_data import html_response, rdf_response
from kg.web.representations import HTML, html_or_rdf
from kg.web.sparql import public_url

bp = Blueprint("pages", __name__)

JSON = "application/json"


@bp.get("/")
def home() -> Response:
    # HTML first: a request without Accept is most likely someone typing the address.
    chosen = negotiate(request.headers.get("Accept"), [HTML, JSON])
    select = get_select()
    held, cities = summary(select), kreisfreie_staedte_coverage(select)
    if chosen == JSON:
        response = jsonify({
            "summary": held.counts, "license": held.license, "citation": held.citation,
            "coverage": [{**asdict(city), "ags": city.ags, "page": public_url(f"id/municipality/{city.ags}"),
                          "newest_read": city.newest_read.isoformat() if city.newest_read else None}
                         for city in cities],
            "not_recorded": NOT_RECORDED,
            "links": {name: public_url(path) for name, path in LINKS}})
    else:
        lang = request_language()
        response = Response(render_template(
            "home.html", lang=lang, summary=held, summary_kinds=SUMMARY_KINDS, cities=cities,
            fact_kinds=FACT_KINDS, not_recorded=NOT_RECORDED[lang]),
            content_type="text/html; charset=utf-8")
    return _varied(response)


LINKS = (("sparql", "sparql"), ("validate", "validate"), ("ontology", "ontology"),
         ("void", ".well-known/void"))


@bp.get("/id/municipality/<ags>")
def municipality(ags: str) -> Response:
    if not AGS.fullmatch(ags):
        raise _no_municipality(ags)
    fmt = html_or_rdf(request.args.get("format"), request.headers.get("Accept"))
    if fmt is not None:
        # The same description as every /id/… IRI (kg.web.linked_data).
        description = describe(get_query_runner(), get_catalog(), iris.municipality_iri(ags))
        if not description.known:
            raise _no_municipality(ags)
        return _varied(rdf_response(description.rdf_triples(), fmt))
    lang = request_language()
    on = reference_date(request.args.get("date"))
    record = municipality_record(get_select(), ags, lang)
    if record is None:
        raise _no_municipality(ags)
    # on the date the structural elements are shown for, so that the two sections agree
    found = development_types(get_select(), [record.iri], record.elements_date, lang)
    return _varied(html_response(render_template(
        "municipality.html", lang=lang, record=record, coverage=record.coverage,
        fact_kinds=FACT_KINDS, not_recorded=NOT_RECORDED[lang],
        development_type=found[0] if found else None,
        structure=_structure(ags, record.iri, record.municipality["name"], on, lang))))


def _structure(ags: str, iri: str, name: str, on, lang: str) -> dict:
    """The page's structure picture: inlined, its boxes linking to this server's pages."""
    select = get_select()
    drawn = landscape(select, iri, name, on, lang)
    return {"svg": Markup(draw(drawn, lang, lambda thing: _page(thing, lang))), "on": on,
            "landscape": drawn, "pictures": source_pictures(select, iri, lang), "ags": ags,
            "link": lambda thing: _page(thing, lang)}


def _page(iri: str, lang: str) -> str | None:
    path = iris.local_path(iri)
    return f"{path}?lang={lang}" if path else None


@bp.get("/id/municipality/<ags>/structure.svg")
def structure_svg(ags: str) -> Response:
    """The structure picture as a file of its own; its boxes link to the things' IRIs."""
    lang = request_language()
    on = reference_date(request.args.get("date"))
    drawn = municipality_landscape(get_select(), ags, on, lang)
    if drawn is None:
        raise _no_municipality(ags)
    response = Response(draw(drawn, lang, lambda thing: thing, standalone=True),
                        content_type="image/svg+xml; charset=utf-8")
    if request.args.get("download"):
        response.headers["Content-Disposition"] = (
            f'attachment; filename="structure-picture-{ags}-{on.isoformat()}-{lang}.svg"')
    response.vary.add("Accept-Language")
    return response


def _no_municipality(ags: str) -> NotFound:
    return NotFound(messages={
        "en": f"There is no municipality with the AGS {ags!r} in the published graph. An AGS has "
              "8 digits (Dresden: 14612000); the home page lists every kreisfreie Stadt.",
        "de": f"Im veröffentlichten Graphen gibt es keine Kommune mit dem AGS {ags!r}. Ein AGS "
              "hat 8 Ziffern (Dresden: 14612000); die Startseite nennt jede kreisfreie Stadt."},
        detail={"ags": ags})


def _varied(response: Response) -> Response:
    response.vary.add("Accept")
    response.vary.add("Accept-Language")
    return response
