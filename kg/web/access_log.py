"""One JSON line per request (kg.logs.ACCESS): what was asked, how it ended, for whom, how long.

Only the names of query-string parameters are written, never their values (a token or a pasted
query could be one), and no header or body at all.
"""

from __future__ import annotations

import time

from flask import Flask, Response, g, request

from kg import logs
from kg.web import clients

MAX_PATH = 300  # a path is the client's text too: enough to tell the route, not a dump


def register(app: Flask) -> None:
    @app.before_request
    def _start_clock() -> None:
        g.kg_access_started = time.perf_counter()

    @app.after_request
    def _write(response: Response) -> Response:
        started = g.get("kg_access_started")
        logs.write(logs.ACCESS, "request", method=request.method, path=request.path[:MAX_PATH],
                   params=sorted({name[:40] for name in request.args.keys()})[:20], status=response.status_code,
                   duration_s=None if started is None else round(time.perf_counter() - started, 4),
                   client=clients.current())
        return response
