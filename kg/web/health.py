"""/health for operators: is the store reachable, and how much is published.

The counts are the store's, taken once per write: /health must stay cheap at any size, since
monitors and load balancers call it often."""

from __future__ import annotations

from flask import Blueprint, jsonify

from kg import __version__
from kg.web.context import get_store

bp = Blueprint("health", __name__)


@bp.get("/health")
def health():
    store = get_store()
    try:
        stats = store.stats()
    except Exception as exc:  # noqa: BLE001 — reporting any failure is this route's job
        return jsonify({"status": "unavailable", "store": "unreachable", "message": str(exc)}), 503
    return jsonify({"status": "ok", "version": __version__, "store": "reachable",
                    "published_graphs": stats.published_graphs,
                    "published_triples": stats.triples})
