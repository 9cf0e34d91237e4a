"""CORS for every read route: any origin may read (and query) the published data from a browser.

A small after_request hook instead of flask-cors: the policy is one sentence, and the write API
(/api/admin, bearer tokens) is deliberately left out so that browsers never get to use it
cross-origin.
"""

from __future__ import annotations

from flask import Flask, Response, request

# Methods that only read; POST is one for /sparql, whose POST forms are queries.
READ_METHODS = "GET, HEAD, POST, OPTIONS"
# Headers a script may read from our responses beyond the CORS-safelisted ones.
EXPOSED = "X-KG-Result-Truncated, Content-Disposition, Link"
WRITE_BLUEPRINTS = frozenset({"admin"})


def register(app: Flask) -> None:
    @app.after_request
    def allow_cross_origin(response: Response) -> Response:
        if request.blueprint in WRITE_BLUEPRINTS:
            return response
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Expose-Headers"] = EXPOSED
        if request.method == "OPTIONS":
            # Preflight: Flask answers OPTIONS itself (with Allow); we add what browsers ask for.
            response.headers["Access-Control-Allow-Methods"] = READ_METHODS
            asked = request.headers.get("Access-Control-Request-Headers")
            response.headers["Access-Control-Allow-Headers"] = asked or "Accept, Content-Type"
            response.headers["Access-Control-Max-Age"] = "86400"
        return response
