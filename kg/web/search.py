"""/search (a page) and /api/search (JSON): things by name or AGS.

HTTP only: the checks, the index and the ranking are kg.search's. The page without `q` is the
empty form (where a link from the home page lands); with a `q` too short it answers 400 and
shows the form again with the message, so the reader can fix the query where they typed it.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, render_template, request

from kg import iris
from kg.errors import BadRequest
from kg.search import DEFAULT_LIMIT, MAX_LIMIT, Result, Search
from kg.web.context import get_catalog, get_query_runner, get_settings, get_store, request_language
from kg.web.sparql import public_url

bp = Blueprint("search", __name__)

SEARCH_KEY = "kg.search"


def get_search() -> Search:
    """The app's search, made on first use (an app that is never searched builds no index)."""
    search = current_app.extensions.get(SEARCH_KEY)
    if search is None:
        store = get_store()
        search = current_app.extensions[SEARCH_KEY] = Search(
            get_query_runner(), get_catalog(), store.stats, wait=get_settings().query_timeout)
    return search


@bp.get("/api/search")
def api() -> Response:
    lang = request_language()
    query, limit = request.args.get("q"), request.args.get("limit")
    results = get_search().find(query, lang, limit)
    response = jsonify({
        "query": query.strip() if query else query, "lang": lang,
        "limit": int(limit) if limit else DEFAULT_LIMIT, "count": len(results),
        "results": [_as_json(result) for result in results]})
    response.vary.add("Accept-Language")
    return response


@bp.get("/search")
def page() -> Response:
    lang = request_language()
    query, limit = request.args.get("q"), request.args.get("limit")
    results, error, status = None, None, 200
    if query is not None:
        try:
            results = get_search().find(query, lang, limit)
        except BadRequest as exc:
            error, status = exc.text(lang), exc.status
    response = Response(render_template(
        "search.html", lang=lang, query=query or "", limit=limit or "", results=results,
        error=error, max_limit=MAX_LIMIT, page_of=_page_of),
        status=status, content_type="text/html; charset=utf-8")
    response.vary.add("Accept-Language")
    return response


def _page_of(iri: str | None) -> str | None:
    """Where this server shows the thing, when it has a page for it (kg.iris.local_path)."""
    return iris.local_path(iri) if iri else None


def _as_json(result: Result) -> dict:
    page = _page_of(result.iri)
    return {
        "iri": result.iri, "label": result.label, "kind": result.kind,
        "kind_label": result.kind_label, "class": result.cls, "ags": result.ags,
        "municipality": ({"iri": result.municipality, "label": result.municipality_label,
                          "ags": result.municipality.removeprefix(iris.MUNICIPALITY)}
                         if result.municipality else None),
        "score": result.score, "match": result.match, "matched_name": result.matched,
        "page": public_url(page) if page else None}
