"""/sparql: the SPARQL 1.1 Protocol (query operation only), its Service Description and a page.

This module translates HTTP: it reads the operation from the request, negotiates the format,
hands the query to the runner and writes the answer. What the dataset is, how results look and
what the service offers are decided in kg.sparql_dataset, kg.results and kg.service_description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from flask import Blueprint, Response, redirect, request, url_for
from werkzeug.datastructures import MultiDict

from kg import federation, iris, rdfio, service_description
from kg.errors import (BadRequest, Forbidden, KGError, NotAcceptable, ParseError, PayloadTooLarge,
                       UnsupportedMediaType)
from kg.rdfio import RdfFormatInfo, match_format, rdf_format
from kg.results import RESULT_FORMATS, ResultFormatInfo, serialize
from kg.sparql_dataset import choose_dataset, read_query_head
from kg.store.base import QueryResult
from kg.web.conneg import negotiate, negotiate_format
from kg.web.context import get_query_runner, get_settings, get_store

bp = Blueprint("sparql", __name__)

# What the endpoint serves, in order of our preference (the first is the default).
TABLE_FORMATS: tuple[ResultFormatInfo, ...] = RESULT_FORMATS
GRAPH_FORMATS: tuple[RdfFormatInfo, ...] = tuple(
    rdf_format(name) for name in ("turtle", "ntriples", "jsonld", "rdfxml"))
GRAPH_FORMAT_ALIASES = {"rdf+xml": "rdfxml", "xml": "rdfxml", "json-ld": "jsonld",
                        "json": "jsonld", "n3": "turtle", "ttl": "turtle", "nt": "ntriples"}
HTML = "text/html"
FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
UPDATE_BODY = "application/sparql-update"
TRUNCATED_HEADER = "X-KG-Result-Truncated"

_SAFE_IRI = re.compile(r"https?://[^<>\"{}|^`\\\x00-\x20]+")
_SYNTAX_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)


@dataclass
class Operation:
    """A query request as the protocol defines it."""

    query: str | None
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    format: str | None = None  # the `format` parameter, overriding Accept


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response:
    operation = read_operation()
    if operation.query is None:
        if request.method == "POST":
            raise BadRequest(messages={
                "en": f"No query: send it as the `query` parameter (form) or as an {QUERY_BODY} "
                      "body.",
                "de": f"Keine Abfrage: senden Sie sie als Parameter `query` (Formular) oder als "
                      f"{QUERY_BODY}-Körper."})
        return describe_service()
    if request.method == "GET" and browser_wants_page(operation):
        return to_editor(operation.query, run=True)
    return answer(operation)


# -- reading the request -------------------------------------------------------------------------

def read_operation() -> Operation:
    """The operation from GET parameters, a form body, or a direct query body."""
    params = _parse_params(request.query_string, {"en": "the URL", "de": "der URL"})
    direct_query: str | None = None
    if request.method == "POST":
        mimetype = request.mimetype
        if mimetype == UPDATE_BODY:
            _refuse_update()
        if mimetype == FORM:
            params.update(_parse_params(_read_body(), {"en": "the form body",
                                                       "de": "dem Formular"}))
        elif mimetype == QUERY_BODY:
            _check_charset()
            direct_query = _decode(_read_body(), {"en": "The query body",
                                                  "de": "Der Körper der Abfrage"})
        else:
            got = request.content_type or "none"
            raise UnsupportedMediaType(messages={
                "en": f"POST to /sparql needs Content-Type {FORM} (with query=…) or {QUERY_BODY} "
                      f"(the query itself); got {got}.",
                "de": f"POST an /sparql braucht Content-Type {FORM} (mit query=…) oder "
                      f"{QUERY_BODY} (die Abfrage selbst); erhalten: {got}."})
    if "update" in params:
        _refuse_update()
    queries = params.getlist("query") + ([direct_query] if direct_query is not None else [])
    if len(queries) > 1:
        raise BadRequest(messages={
            "en": f"The request holds {len(queries)} queries; send exactly one.",
            "de": f"Die Anfrage enthält {len(queries)} Abfragen; senden Sie genau eine."})
    query = queries[0] if queries else None
    if query is not None and not query.strip():
        raise BadRequest(messages={"en": "The query is empty; send a SPARQL query.",
                                   "de": "Die Abfrage ist leer; senden Sie eine SPARQL-Abfrage."})
    _check_size(query)
    return Operation(query,
                     [g for g in params.getlist("default-graph-uri") if g.strip()],
                     [g for g in params.getlist("named-graph-uri") if g.strip()],
                     params.get("format") or None)


def _parse_params(raw: bytes, where: dict[str, str]) -> MultiDict:
    """URL-encoded parameters, decoded strictly: percent-escapes must spell UTF-8."""
    text = _decode(raw, {"en": f"The parameters in {where['en']}",
                         "de": f"Die Parameter in {where['de']}"})
    try:
        return MultiDict(parse_qsl(text, keep_blank_values=True, encoding="utf-8",
                                   errors="strict"))
    except UnicodeDecodeError:
        raise BadRequest(messages={
            "en": f"The parameters in {where['en']} are not UTF-8 once percent-decoded; encode "
                  "the query as UTF-8.",
            "de": f"Die Parameter in {where['de']} sind nach der Prozent-Dekodierung kein UTF-8; "
                  "kodieren Sie die Abfrage als UTF-8."}) from None


def _read_body() -> bytes:
    # Form encoding can triple a query's size; anything larger cannot hold an acceptable query.
    limit = get_settings().max_query_bytes * 3 + 4096
    if request.content_length is not None and request.content_length > limit:
        _too_large(request.content_length)
    return request.get_data(cache=True)


def _check_charset() -> None:
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise BadRequest(messages={
            "en": f"The query body is declared as {charset}; send it as UTF-8 "
                  f"(Content-Type: {QUERY_BODY}; charset=utf-8).",
            "de": f"Der Körper der Abfrage ist als {charset} angegeben; senden Sie ihn als UTF-8 "
                  f"(Content-Type: {QUERY_BODY}; charset=utf-8)."})


def _decode(raw: bytes, what: dict[str, str]) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(messages={
            "en": f"{what['en']} is not UTF-8 (byte {exc.start}); send UTF-8.",
            "de": f"{what['de']} ist kein UTF-8 (Byte {exc.start}); senden Sie UTF-8."}) from None


def _check_size(query: str | None) -> None:
    size = len(query.encode("utf-8")) if query is not None else 0
    if size > get_settings().max_query_bytes:
        _too_large(size)


def _too_large(size: int) -> None:
    raise PayloadTooLarge.over_limit(
        {"en": "The query", "de": "Die Abfrage"}, get_settings().max_query_bytes, size=size,
        setting="max_query_bytes",
        fix={"en": "Shorten it, e.g. with VALUES or fewer repeated patterns.",
             "de": "Kürzen Sie sie, z. B. mit VALUES oder weniger wiederholten Mustern."})


def _refuse_update() -> None:
    raise Forbidden(messages={
        "en": "This endpoint is read-only: SPARQL Update is not accepted at /sparql and nothing "
              "was changed. Data enter through the submissions API or `kg load`.",
        "de": "Dieser Endpunkt ist nur lesbar: SPARQL Update wird unter /sparql nicht "
              "angenommen, und es wurde nichts verändert. Daten kommen über die Einreichungs-API "
              "oder `kg load` hinein."})


# -- answering -----------------------------------------------------------------------------------

def answer(operation: Operation) -> Response:
    head = read_query_head(operation.query or "")
    if head.form == "update":
        _refuse_update()
    default, named = choose_dataset(head, operation.default_graphs, operation.named_graphs,
                                    get_store().published_graphs())
    graph_form = head.form in ("construct", "describe")
    chosen = choose_format(operation.format, graph_form)
    result = run_public_query(operation.query or "", default, named)
    if (result.form == "graph") != graph_form:  # the lexer guessed the form wrong; the engine knows
        chosen = choose_format(operation.format, result.form == "graph")
    return _result_response(result, chosen)


def run_public_query(sparql: str, default_graphs: list[str] | None,
                     named_graphs: list[str] | None) -> QueryResult:
    """The one place public queries reach the engine: the query runner (worker processes with a
    deadline, for an on-disk store), never the store directly.

    Relative IRIs resolve against the endpoint's URL (the Protocol lets the service choose the
    base); a BASE in the query still wins, as later BASE declarations override earlier ones.
    """
    base = f"BASE <{_query_base()}> "
    # Checked on the very text the engine gets: Oxigraph would fetch a SERVICE's URL.
    called = federation.check(base + sparql, allowed_services())
    try:
        return get_query_runner().run(base + sparql, default_graphs=default_graphs,
                                      named_graphs=named_graphs,
                                      row_cap=get_settings().result_row_cap or None)
    except ParseError:
        raise
    except BadRequest as exc:
        raise _with_position(exc, len(base)) from None
    except (KGError, OSError) as exc:
        # The worker reports a failed HTTP call of Oxigraph's as an error of its own (500).
        if called and (not isinstance(exc, KGError) or type(exc) is KGError):
            raise federation.service_failed(exc, called) from None
        raise


def allowed_services() -> tuple[federation.Origin, ...]:
    return federation.allow_list(get_settings().service_allow)


def _query_base() -> str:
    """The endpoint's URL as a query's base, unless the Host header made it no valid IRI."""
    url = endpoint_url()
    return url if _SAFE_IRI.fullmatch(url) else iris.BASE + "sparql"


def _with_position(exc: BadRequest, shift: int) -> BadRequest:
    """Oxigraph reports "error at L:C: …"; give line and column their own fields.

    `shift` characters were put before the user's first line; columns there are given back.
    """
    match = _SYNTAX_POSITION.search(exc.message)
    if not match:
        return exc
    line, column = int(match.group(1)), int(match.group(2))
    if line == 1:
        column = max(column - shift, 1)
    message = match.group(3).strip()
    if len(message) > 300:  # Oxigraph lists every acceptable character class; the start suffices
        message = message[:300].rstrip() + " …"
    return ParseError(message, source="query", line=line, column=column)


def choose_format(param: str | None, graph_form: bool) -> ResultFormatInfo | RdfFormatInfo:
    """By the `format` parameter (short name or media type) or else by Accept."""
    formats: tuple = GRAPH_FORMATS if graph_form else TABLE_FORMATS
    if param:
        # Names other clients send (SPARQLWrapper: format=rdf+xml, n3, json-ld; Turtle is N3).
        info = match_format(param, formats, GRAPH_FORMAT_ALIASES if graph_form else None)
        if info is not None:
            return info
        listed = ", ".join(f"{f.name} ({f.media_type})" for f in formats)
        raise NotAcceptable(messages={
            "en": f"format={param} is not offered for this query form; use one of: {listed}.",
            "de": f"format={param} wird für diese Art von Abfrage nicht angeboten; verwenden Sie "
                  f"eines von: {listed}."}, detail={"offered": [f.media_type for f in formats]})
    return negotiate_format(request.headers.get("Accept"), formats)


def _result_response(result: QueryResult, fmt: ResultFormatInfo | RdfFormatInfo) -> Response:
    if isinstance(fmt, ResultFormatInfo):
        body = serialize(result, fmt)
    else:
        body = rdfio.serialize(result.triples, fmt)
    response = Response(body, content_type=content_type_header(fmt.media_type))
    response.vary.add("Accept")
    if result.truncated:
        response.headers[TRUNCATED_HEADER] = str(get_settings().result_row_cap)
    return response


def content_type_header(media_type: str) -> str:
    textual = media_type.startswith("text/") or media_type.endswith(("+xml", "+json", "json"))
    return f"{media_type}; charset=utf-8" if textual else media_type


# -- the service itself --------------------------------------------------------------------------

def public_url(path: str) -> str:
    """`path` under the configured public base URL (Settings.public_base_url), never under the
    Host header the request came with."""
    return get_settings().public_base_url + path.lstrip("/")


def endpoint_url() -> str:
    return public_url("sparql")


def describe_service() -> Response:
    offered = [GRAPH_FORMATS[0].media_type, GRAPH_FORMATS[2].media_type, HTML,
               *[f.media_type for f in GRAPH_FORMATS if f.name not in ("turtle", "jsonld")]]
    chosen = negotiate(request.headers.get("Accept"), offered)
    if chosen == HTML:
        response = to_editor()
    else:
        triples = service_description.build(
            endpoint_url(), published_graphs=get_store().published_graphs(),
            format_names=[f.name for f in (*TABLE_FORMATS, *GRAPH_FORMATS)],
            federation=bool(allowed_services()),
            title="integration-kg SPARQL endpoint")
        body = rdfio.serialize(triples, rdf_format(chosen), service_description.PREFIXES)
        response = Response(body, content_type=content_type_header(chosen))
    response.vary.add("Accept")
    return response


# -- people with a browser -----------------------------------------------------------------------

def browser_wants_page(operation: Operation) -> bool:
    """A browser that followed a link to /sparql?query=…: it prefers HTML to every result format.
    A link that names a format (the editor's downloads) or a dataset is answered as asked."""
    if operation.format or operation.default_graphs or operation.named_graphs:
        return False
    offered = [m for f in (*TABLE_FORMATS, *GRAPH_FORMATS) for m in f.media_types] + [HTML]
    try:
        return negotiate(request.headers.get("Accept"), offered) == HTML
    except NotAcceptable:
        return False


def to_editor(query: str | None = None, run: bool = False) -> Response:
    """303 to the editor page (/query), keeping the language asked for and the query."""
    args = {"lang": request.args["lang"]} if request.args.get("lang") else {}
    if query is not None:
        args.update(query=query, run="1" if run else None)
    # A relative Location (werkzeug no longer makes it absolute): nothing of the Host header.
    response = redirect(url_for("editor.page", **{k: v for k, v in args.items() if v}), 303)
    response.vary.add("Accept")
    return response
