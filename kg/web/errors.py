"""One error shape: every KGError becomes its status with one JSON body; nothing else leaks as HTML."""

from __future__ import annotations

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException

from kg.errors import KGError


def register(app: Flask) -> None:
    @app.errorhandler(KGError)
    def kg_error(exc: KGError):
        return jsonify(exc.to_dict()), exc.status

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        body = {"error": (exc.name or "error").lower().replace(" ", "-"),
                "message": exc.description or exc.name}
        response = jsonify(body)
        response.status_code = exc.code or 500
        original = exc.get_response()
        for header in ("Allow", "Retry-After"):
            if original.headers.get(header):
                response.headers[header] = original.headers[header]
        return response

    @app.errorhandler(Exception)
    def internal_error(exc: Exception):
        app.logger.exception("Unhandled error")
        return kg_error(KGError("An internal error occurred; it has been logged."))
