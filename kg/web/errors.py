"""One error handler: every error a request meets becomes its status, in the language the
request asks for (`lang=`, else Accept-Language), as an HTML page for a browser and as JSON for
every other client. Nothing leaks as werkzeug's or Flask's own English HTML."""

from __future__ import annotations

from flask import Flask, Response, current_app, g, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed, RequestEntityTooLarge
from werkzeug.exceptions import NotFound as NoRoute

from kg.errors import InsufficientStorage, KGError, NotAcceptable, PayloadTooLarge, no_space
from kg.web.conneg import negotiate
from kg.web.context import request_language

JSON = "application/json"
HTML = "text/html"
# Headers of werkzeug's own answer that say what to do next; kept on ours.
KEPT_HEADERS = ("Allow", "Retry-After")
# Statuses that mean "not now": every such answer, page or JSON, says when to try again.
RETRY_STATUSES = (429, 503)
# Seconds, when the error does not say (a query that ran out of time, an unavailable store).
DEFAULT_RETRY_AFTER = 5


class HTTPError(KGError):
    """An error werkzeug raised (no route, method not allowed, …) as one of ours."""

    def __init__(self, status: int, kind: str, messages: dict[str, str]) -> None:
        super().__init__(messages=messages)
        self.status, self.kind = status, kind


def register(app: Flask) -> None:
    @app.errorhandler(KGError)
    def kg_error(exc: KGError):
        return respond(exc)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        response = respond(from_werkzeug(exc))
        original = exc.get_response()
        for header in KEPT_HEADERS:
            if original.headers.get(header):
                response.headers[header] = original.headers[header]
        return response

    @app.after_request
    def say_when_to_retry(response: Response) -> Response:
        # Pages that catch an error to show it in their form (/validate, /submit) answer with
        # its status but not through respond(); this covers them and every other path.
        if response.status_code in RETRY_STATUSES and "Retry-After" not in response.headers:
            response.headers["Retry-After"] = str(g.get("kg_retry_after", DEFAULT_RETRY_AFTER))
        return response

    @app.errorhandler(Exception)
    def internal_error(exc: Exception):
        if isinstance(exc, OSError) and no_space(exc):
            # A full disk is the operators' to fix, not a bug: say so (507), not "internal".
            app.logger.error("No space left on the disk: %s", exc)
            return respond(InsufficientStorage.no_space())
        app.logger.exception("Unhandled error")
        return respond(KGError(messages=INTERNAL))


def remember(error: KGError) -> None:
    """Keep a caught error's advice on when to retry for the answer's Retry-After."""
    if error.status in RETRY_STATUSES:
        g.kg_retry_after = retry_after(error)


def retry_after(error: KGError) -> int:
    return max(1, int(error.detail.get("retry_after", DEFAULT_RETRY_AFTER)))


def respond(error: KGError) -> Response:
    remember(error)
    lang = request_language()
    if wants_html():
        page = render_template("error.html", lang=lang, error=error, message=error.text(lang),
                               title=STATUS_TITLES.get(error.status, {}).get(lang, ""))
        response = Response(page, status=error.status, content_type="text/html; charset=utf-8")
    else:
        response = jsonify(error.to_dict(lang))
        response.status_code = error.status
    response.vary.add("Accept")
    response.vary.add("Accept-Language")
    # What to do next (WWW-Authenticate on a 401), when the error says so.
    response.headers.update(getattr(error, "headers", None) or {})
    return response


def wants_html() -> bool:
    """A browser: its Accept prefers text/html to JSON. Without Accept, with */* or with only
    other types (a SPARQL client's result formats) the answer is JSON, which programs read."""
    try:
        return negotiate(request.headers.get("Accept"), [JSON, HTML]) == HTML
    except NotAcceptable:
        return False


def from_werkzeug(exc: HTTPException) -> KGError:
    if isinstance(exc, RequestEntityTooLarge):
        return PayloadTooLarge.over_limit(
            {"en": "The request", "de": "Die Anfrage"}, current_app.config["MAX_CONTENT_LENGTH"],
            size=request.content_length, setting="max_upload_bytes")
    if isinstance(exc, NoRoute):
        return HTTPError(404, "not-found", {lang: text.format(path=request.path)
                                            for lang, text in NO_ROUTE.items()})
    if isinstance(exc, MethodNotAllowed):
        allowed = ", ".join(sorted(exc.valid_methods or ()))
        return HTTPError(405, "method-not-allowed", {
            lang: text.format(method=request.method, path=request.path, allowed=allowed)
            for lang, text in METHOD_NOT_ALLOWED.items()})
    status = exc.code or 500
    kind = (exc.name or "error").lower().replace(" ", "-")
    english = exc.description or exc.name or "The request failed."
    german = OTHER_HTTP_ERRORS["de"]["client" if status < 500 else "server"]
    return HTTPError(status, kind, {"en": english, "de": f"{german} ({english})"})


INTERNAL = {
    "en": "An internal error occurred; it has been logged. Try again later; if it happens "
          "again, tell the operators of this service what you did.",
    "de": "Ein interner Fehler ist aufgetreten; er wurde protokolliert. Versuchen Sie es später "
          "erneut; tritt er wieder auf, teilen Sie den Betreibern dieses Dienstes mit, was Sie "
          "getan haben.",
}
NO_ROUTE = {
    "en": "There is nothing at {path}. This service offers / (the home page), /sparql "
          "(queries), /queries (the query catalogue), /id/… (things), /search (search), /validate (checking data), "
          "/ontology, /dumps/ and /.well-known/void; check the address.",
    "de": "Unter {path} gibt es nichts. Dieser Dienst bietet / (die Startseite), /sparql "
          "(Abfragen), /queries (den Fragenkatalog), /id/… (die Dinge), /search (die Suche), /validate (Daten prüfen), "
          "/ontology, /dumps/ und /.well-known/void; prüfen Sie die Adresse.",
}
METHOD_NOT_ALLOWED = {
    "en": "{method} is not allowed at {path}; use {allowed}.",
    "de": "{method} ist unter {path} nicht erlaubt; verwenden Sie {allowed}.",
}
# werkzeug's descriptions are English only; German readers get what kind of failure it was.
OTHER_HTTP_ERRORS = {
    "de": {"client": "Die Anfrage wurde so nicht angenommen; prüfen Sie sie und senden Sie sie "
                     "erneut. Die Meldung des Servers (auf Englisch)",
           "server": "Der Server konnte die Anfrage nicht beantworten; versuchen Sie es später "
                     "erneut. Die Meldung des Servers (auf Englisch)"},
}
STATUS_TITLES = {
    400: {"en": "Bad request", "de": "Fehlerhafte Anfrage"},
    401: {"en": "Not signed in", "de": "Nicht angemeldet"},
    403: {"en": "Forbidden", "de": "Nicht erlaubt"},
    404: {"en": "Not found", "de": "Nicht gefunden"},
    405: {"en": "Method not allowed", "de": "Methode nicht erlaubt"},
    406: {"en": "Not acceptable", "de": "Kein passendes Format"},
    409: {"en": "Conflict", "de": "Konflikt"},
    413: {"en": "Too large", "de": "Zu groß"},
    415: {"en": "Unsupported format", "de": "Format nicht unterstützt"},
    422: {"en": "Cannot be processed", "de": "Nicht verarbeitbar"},
    429: {"en": "Too many requests", "de": "Zu viele Anfragen"},
    500: {"en": "Internal error", "de": "Interner Fehler"},
    502: {"en": "Another endpoint failed", "de": "Anderer Endpunkt fehlgeschlagen"},
    503: {"en": "Unavailable", "de": "Nicht verfügbar"},
    507: {"en": "No space left", "de": "Kein Speicherplatz mehr"},
}
