"""The remote store's HTTP: one request to the server's query, update or Graph Store endpoint,
within a deadline, its failures as the errors users get.

Deadlines: the server does the work, so a query's deadline is enforced here, on the HTTP call
(connect and every read, and the whole answer within it); past it the request gets the usual
503. Servers that stop a query when asked get the deadline as a request parameter too
(setting store_timeout_param, kg.store.deadline_param); Oxigraph's server takes none (only
`--timeout-s` for all queries) and ignores parameters it does not know.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from contextlib import contextmanager
from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import BadRequest, QueryTimeout, Unavailable
from kg.store import deadline_param
from kg.store.remote.protocol import QUERY_HEADERS, form

# The answer of a write or bookkeeping request; queries get the caller's deadline instead.
WRITE_TIMEOUT = 600.0
_CHUNK = 1 << 16


def default_endpoints(query_url: str) -> tuple[str, str]:
    """(update URL, Graph Store URL) beside a query URL ending in /query (Oxigraph's layout)."""
    base = query_url[: -len("/query")] if query_url.rstrip("/").endswith("/query") else query_url
    base = base.rstrip("/")
    return base + "/update", base + "/store"


class SparqlHttp:
    """The requests of RemoteStore, which sets the endpoints. Every request goes through
    `_request` (bench/remote_phases.py times them there), a streamed read through `_open`."""

    query_url: str
    update_url: str
    gsp_url: str
    timeout_param: str  # kg.store.deadline_param: our deadline, passed on

    def _request(self, url: str, *, data: bytes | BinaryIO | None = None, method: str = "GET",
                 headers: Mapping[str, str] | None = None, timeout: float | None = WRITE_TIMEOUT,
                 what: str = "request") -> bytes:
        """The whole answer of one HTTP request, within `timeout` seconds in all."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._open(url, data=data, method=method, headers=headers, deadline=deadline,
                        what=what) as response:
            return _read_within(response, deadline, timeout)

    @contextmanager
    def _open(self, url: str, *, data: bytes | BinaryIO | None, method: str,
              headers: Mapping[str, str] | None, deadline: float | None, what: str):
        request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
        seconds = None if deadline is None else max(0.001, deadline - time.monotonic())
        try:
            response = urllib.request.urlopen(request, timeout=seconds)
        except urllib.error.HTTPError as exc:
            body = exc.read().decode("utf-8", errors="replace").strip()
            if exc.code == 400 and what == "query":
                raise BadRequest(f"The query does not parse: {body or exc.reason}") from None
            if exc.code in (404, 405, 415, 422) and what == "query":
                raise BadRequest(f"The query cannot be evaluated: {body or exc.reason}") from None
            raise Refused(exc.code, f"The SPARQL server at {url} answered {exc.code} {exc.reason} "
                          f"to a {what}: {body[:500]}") from None
        except TimeoutError:
            raise _timeout(what, deadline, seconds) from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError):
                raise _timeout(what, deadline, seconds) from None
            raise Unavailable(f"The SPARQL server at {url} cannot be reached ({reason}); check "
                              "--store and that the server is running.") from None
        try:
            yield response
        finally:
            response.close()

    def _update(self, sparql: str, *, timeout: float = WRITE_TIMEOUT) -> None:
        self._request(self.update_url, data=sparql.encode("utf-8"), method="POST",
                      headers={"Content-Type": "application/sparql-update; charset=utf-8"},
                      timeout=timeout, what="update")

    def _select(self, sparql: str, *, timeout: float | None = WRITE_TIMEOUT) -> ox.QuerySolutions:
        raw = self._request(self._query_url(timeout), data=form({"query": sparql}), method="POST",
                            headers=QUERY_HEADERS["select"], timeout=timeout, what="query")
        return ox.parse_query_results(raw, format=ox.QueryResultsFormat.JSON)

    def _query_url(self, seconds: float | None) -> str:
        return deadline_param.with_parameter(self.query_url, self.timeout_param, seconds)

    def _gsp_url(self, graph: str | None) -> str:
        query = "default" if graph is None else urllib.parse.urlencode({"graph": graph})
        return f"{self.gsp_url}?{query}"


class Refused(Unavailable):
    """The server answered a request with an HTTP error; `code` says which."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


def _query_timeout(seconds: float | None) -> Exception:
    # The words users read are the query runner's (kg.querying.remote puts them in).
    seconds = round(seconds or 0, 3)
    return QueryTimeout(f"The query ran longer than {seconds:g} s and was stopped.",
                        detail={"seconds": seconds})


def _read_within(response, deadline: float | None, timeout: float | None) -> bytes:
    chunks = []
    while chunk := response.read(_CHUNK):
        chunks.append(chunk)
        if deadline is not None and time.monotonic() > deadline:
            raise _query_timeout(timeout)
    return b"".join(chunks)


def _timeout(what: str, deadline: float | None, seconds: float | None) -> Exception:
    if what == "query":
        return _query_timeout(seconds)
    return Unavailable(f"The SPARQL server did not answer a {what} within {seconds:g} s.")
