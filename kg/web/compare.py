"""/compare (the page), /compare.csv and /api/compare (JSON, or CSV with format=csv): HTTP only.

What a comparison holds is built by kg.compare from catalogue queries, through the app's query
runner; errors (a malformed or unknown AGS, too few or too many, a bad date) are kg.errors raised
there and answered by the app's one error handler, in the language and format asked.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict

from flask import Blueprint, Response, jsonify, render_template, request

from kg.compare import compare, parse_request
from kg.compare_model import MAX_CITIES, NOT_RECORDED_TEXT, Comparison
from kg.errors import BadRequest
from kg.web.context import get_select, request_language
from kg.web.sparql import public_url

bp = Blueprint("compare", __name__)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


@bp.get("/compare")
def page() -> Response:
    lang = request_language()
    select = get_select()
    # the form's list of municipalities by name with AGS
    choices = [(str(r["ags"]), str(r["name"])) for r in select("site-municipalities").rows]
    given = request.args.getlist("ags")
    result = None
    if any(a.strip() for a in given):
        chosen, on = parse_request(given, request.args.get("date"))
        result = compare(select, chosen, on, lang)
    response = Response(render_template(
        "compare.html", lang=lang, result=result, choices=sorted(choices, key=lambda c: c[1]),
        given=given + [""] * (MAX_CITIES - len(given)), day=request.args.get("date", ""),
        csv_link=_link("/compare.csv"), json_link=_link("/api/compare"),
        not_recorded=NOT_RECORDED_TEXT[lang], chart_data=_chart_data(result) if result else None),
        content_type="text/html; charset=utf-8")
    return _varied(response)


@bp.get("/compare.csv")
def table_csv() -> Response:
    return _csv(_comparison())


@bp.get("/api/compare")
def api() -> Response:
    fmt = request.args.get("format", "json")
    if fmt not in ("json", "csv"):
        raise BadRequest(messages={
            "en": f"format={fmt!r} is not offered here: use format=json (the default) or format=csv.",
            "de": f"format={fmt!r} wird hier nicht angeboten: Verwenden Sie format=json (Standard) oder "
                  "format=csv."}, detail={"format": fmt})
    result = _comparison()
    if fmt == "csv":
        return _csv(result)
    return _varied(jsonify(as_json(result)))


def _comparison() -> Comparison:
    chosen, on = parse_request(request.args.getlist("ags"), request.args.get("date"))
    return compare(get_select(), chosen, on, request_language())


def as_json(result: Comparison) -> dict:
    return {
        "date": result.on.isoformat(), "lang": result.lang,
        "municipalities": [{**asdict(c), "population_date": c.population_date.isoformat()
                            if c.population_date else None,
                            "page": public_url(f"id/municipality/{c.ags}")} for c in result.cities],
        "rows": [{"aspect": row.key, "label": row.label, "cells": [
            {"ags": city.ags, "status": cell.status, "note": cell.note,
             "items": [{"text": i.text, "subject": i.subject, "conflict": i.conflict,
                        "sources": [{"source": s.iri, "accessed": s.accessed.isoformat() if s.accessed else None}
                                    for s in i.sources]} for i in cell.items]}
            for city, cell in zip(result.cities, row.cells)]} for row in result.rows],
        "charts": {"bars": result.bars, "timeline": result.timeline},
    }


def _csv(result: Comparison) -> Response:
    out = io.StringIO()
    writer = csv.writer(out)
    header = ["aspect"]
    for city in result.cities:
        header += [f"{city.name} ({city.ags})", f"{city.name} ({city.ags}): sources"]
    # Names and labels come from the data as much as the cells do.
    writer.writerow([_safe(cell) for cell in header])
    for row in result.rows:
        line = [_safe(row.label)]
        for cell in row.cells:
            said = " | ".join(i.text for i in cell.items) or NOT_RECORDED_TEXT[result.lang]
            if cell.note:
                said += f" [{cell.note}]"
            line += [_safe(said), _safe(" | ".join(
                f"{s.iri} ({s.accessed.isoformat() if s.accessed else ''})" for s in cell.sources))]
        writer.writerow(line)
    response = Response(out.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    response.headers["Content-Disposition"] = f"attachment; filename=compare-{result.on.isoformat()}.csv"
    return _varied(response)


def _safe(text: str) -> str:
    """A cell a spreadsheet would read as a formula starts with an apostrophe."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _chart_data(result: Comparison) -> dict:
    return {"bars": result.bars, "timeline": result.timeline}


def _link(path: str) -> str:
    query = request.query_string.decode("utf-8")
    return path + ("?" + query if query else "")


def _varied(response: Response) -> Response:
    response.vary.add("Accept-Language")
    return response
