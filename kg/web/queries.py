"""The query catalogue over HTTP: /api/queries (the list, and one query run with its parameters)
and the pages /queries and /queries/<id>.

HTTP only: the catalogue (kg.catalog) binds the parameters as RDF terms, the query runs where
every /sparql query runs (kg.web.sparql.run_public_query: worker processes, deadline, row cap),
and kg.query_tables writes the table.
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, jsonify, render_template, request, url_for

from kg.catalog import KINDS, Catalog, ParameterError, Query, load_catalog
from kg.errors import NotAcceptable
from kg.query_tables import (TABLE_FORMATS, TableFormat, display, is_iri, table_format, to_csv,
                             to_json, to_tsv, values_from_arguments)
from kg.store.base import QueryResult
from kg.web.conneg import negotiate
from kg.web.context import get_settings, request_language
from kg.web.sparql import TRUNCATED_HEADER, content_type_header, public_url, run_public_query

bp = Blueprint("queries", __name__)

PUBLIC_CATALOG_KEY = "kg.public_catalog"
# Arguments of the request itself; no catalogue query may name a parameter so (tests check).
RESERVED = ("format", "lang")
# A page shows this many rows; the downloads hold them all (up to the row cap).
PAGE_ROWS = 500


def public_catalog() -> Catalog:
    """The catalogue of queries/ (not the site's own queries), read once per app."""
    catalog = current_app.extensions.get(PUBLIC_CATALOG_KEY)
    if catalog is None:
        catalog = current_app.extensions[PUBLIC_CATALOG_KEY] = load_catalog()
    return catalog


@bp.get("/api/queries")
def api_list() -> Response:
    return _varied(jsonify([describe(query) for query in public_catalog()]))


@bp.get("/api/queries/<query_id>")
def api_run(query_id: str) -> Response:
    query = public_catalog().get(query_id)
    fmt = choose_table_format(request.args.get("format"))
    values = values_from_arguments(query, _arguments())
    result = run_public_query(query.bind(values), None, None)
    lang = request_language()
    if fmt.name == "json":
        response = jsonify(to_json(query, values, result, lang))
    elif fmt.name == "html":
        response = Response(render_template("query_table.html", lang=lang, query=query,
                                            table=table(query, result, lang), permalink=page_link(query)),
                            content_type="text/html; charset=utf-8")
    else:
        body = to_tsv(result) if fmt.name == "tsv" else to_csv(result, excel=fmt.name == "excel")
        response = Response(body, content_type=content_type_header(fmt.media_type))
    if fmt.download:
        response.headers["Content-Disposition"] = f'attachment; filename="{query.id}{fmt.extension}"'
    if result.truncated:
        response.headers[TRUNCATED_HEADER] = str(get_settings().result_row_cap)
    return _varied(response)


@bp.get("/queries")
def page_list() -> Response:
    lang = request_language()
    return _varied(Response(render_template("queries.html", lang=lang, queries=list(public_catalog())),
                            content_type="text/html; charset=utf-8"))


@bp.get("/queries/<query_id>")
def page(query_id: str) -> Response:
    query = public_catalog().get(query_id)
    lang = request_language()
    arguments = _arguments()
    error, result, status, sparql = None, None, 200, query.text
    try:
        sparql = query.bind(values_from_arguments(query, arguments))
    except ParameterError as exc:
        # The form again, with what was typed and what is wrong with it, rather than a bare error page.
        error, status = exc, exc.status
    else:
        result = run_public_query(sparql, None, None)
    args = _query_string(arguments)
    return _varied(Response(render_template(
        "query.html", lang=lang, query=query, arguments=arguments, error=error,
        expected={name: texts[lang] for name, texts in KINDS.items()},
        table=table(query, result, lang) if result is not None else None,
        permalink=public_url(url_for("queries.page", query_id=query.id) + args),
        downloads=[(f, url_for("queries.api_run", query_id=query.id) + _with_format(args, f))
                   for f in TABLE_FORMATS if f.download or f.name == "json"],
        sparql=sparql), status=status, content_type="text/html; charset=utf-8"))


def choose_table_format(param: str | None) -> TableFormat:
    """By `format=` (a name or media type), else by Accept; JSON first, as an API's default."""
    if param:
        fmt = table_format(param)
        if fmt is None:
            listed = ", ".join(f.name for f in TABLE_FORMATS)
            raise NotAcceptable(messages={
                "en": f"format={param} is not offered for a catalogue query; use one of: {listed}.",
                "de": f"format={param} wird für eine Katalogabfrage nicht angeboten; verwenden Sie eines "
                      f"von: {listed}."}, detail={"offered": [f.name for f in TABLE_FORMATS]})
        return fmt
    offered = [f.media_type for f in TABLE_FORMATS if f.name != "excel"]
    chosen = negotiate(request.headers.get("Accept"), offered)
    return next(f for f in TABLE_FORMATS if f.media_type == chosen)


def table(query: Query, result: QueryResult, lang: str) -> dict:
    rows = result.rows[:PAGE_ROWS]
    return {"variables": result.variables,
            "headings": [query.heading(v, lang) for v in result.variables],
            "rows": [[(display(term), is_iri(term)) for term in row] for row in rows],
            "total": len(result.rows), "shown": len(rows), "truncated": result.truncated}


def describe(query: Query) -> dict:
    """A query as /api/queries lists it."""
    return {
        "id": query.id,
        "title": dict(query.titles),
        "description": dict(query.descriptions),
        "tags": list(query.tags),
        "parameters": [{"name": p.name, "kind": p.kind, "default": p.default or None,
                        "required": p.required, "example": p.example_value() or None,
                        "help": dict(p.help), "expected": dict(KINDS[p.kind])} for p in query.params],
        "columns": {name: dict(labels) for name, labels in query.columns.items()},
        "links": {"run": public_url(url_for("queries.api_run", query_id=query.id)),
                  "page": public_url(url_for("queries.page", query_id=query.id))},
    }


def page_link(query: Query) -> str:
    return public_url(url_for("queries.page", query_id=query.id) + _query_string(_arguments()))


def _arguments() -> dict[str, list[str]]:
    """The query's parameters from the URL, in the order given; empty ones are left out (unbound)."""
    arguments: dict[str, list[str]] = {}
    for name, value in request.args.items(multi=True):
        if name not in RESERVED and value.strip():
            arguments.setdefault(name, []).append(value)
    return arguments


def _query_string(arguments: dict[str, list[str]]) -> str:
    pairs = [(name, value) for name, values in arguments.items() for value in values]
    return "?" + urlencode(pairs) if pairs else ""


def _with_format(args: str, fmt: TableFormat) -> str:
    return args + ("&" if args else "?") + urlencode({"format": fmt.name})


def _varied(response: Response) -> Response:
    response.vary.add("Accept")
    response.vary.add("Accept-Language")
    return response
