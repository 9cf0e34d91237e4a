"""Who a request comes from, for the fair shares of kg.querying.fairness: this module only says
which client is asking and turns a refusal into its HTTP answer (429 or 503 with Retry-After).

The client is the peer's address. `X-Forwarded-For` is believed only from a configured trusted
proxy (setting trusted_proxies): anyone else could name a new client in every request and never
run out of budget.
"""

from __future__ import annotations

import ipaddress

from flask import Flask, Response, g, request

from kg.config import trusted_networks
from kg.querying.fairness import Busy, TooManyRequests, begin_acting_for, end_acting
from kg.web import errors
from kg.web.context import SETTINGS_KEY


def client_address(peer: str | None, forwarded_for: str | None, trusted: tuple) -> str:
    """The client of a request from `peer`: from the right of X-Forwarded-For, the first address
    that is not one of our trusted proxies (the ones left of it could be made up by the client)."""
    peer = peer or "unknown"
    if not trusted or not forwarded_for or not _is_trusted(peer, trusted):
        return peer
    for hop in reversed([part.strip() for part in forwarded_for.split(",")]):
        if not _is_address(hop):
            return peer  # a malformed header: the proxy is all we know for sure
        if not _is_trusted(hop, trusted):
            return hop
    return peer


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _is_trusted(address: str, trusted: tuple) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in trusted)


def current() -> str:
    """The client of the request being served (set by `register`'s hook)."""
    return g.get("kg_client", "unknown")


def register(app: Flask) -> None:
    trusted = trusted_networks(app.extensions[SETTINGS_KEY].trusted_proxies)

    @app.before_request
    def _charge_queries_to_the_client() -> None:
        g.kg_client = client_address(request.remote_addr,
                                     request.headers.get("X-Forwarded-For"), trusted)
        g.kg_client_token = begin_acting_for(g.kg_client)

    @app.teardown_request
    def _stop_charging(exc=None) -> None:
        token = g.pop("kg_client_token", None)
        if token is not None:
            end_acting(token)

    @app.errorhandler(TooManyRequests)
    @app.errorhandler(Busy)
    def _refused(exc: TooManyRequests | Busy) -> Response:
        response = errors.respond(exc)
        response.headers["Retry-After"] = str(exc.detail.get("retry_after", 1))
        return response

