"""What every blueprint reads from the app and the request: the store, the settings, the query
runner (set up once by kg.web.create_app) and the language the request asks for.

Its own module, below the blueprints: they import it, and the app factory imports them, so no
blueprint has to import the package that imports it.
"""

from __future__ import annotations

from flask import current_app, request

from kg.config import Settings
from kg.i18n import choose_language
from kg.querying import QueryRunner
from kg.store import Store

STORE_KEY = "kg.store"
SETTINGS_KEY = "kg.settings"
QUERY_RUNNER_KEY = "kg.query_runner"


def request_language() -> str:
    return choose_language(request.args.get("lang"), request.headers.get("Accept-Language"))


def get_store() -> Store:
    return current_app.extensions[STORE_KEY]


def get_query_runner() -> QueryRunner:
    """Where public SPARQL queries run: call `.run(sparql, …)` (see kg.querying.QueryRunner)."""
    return current_app.extensions[QUERY_RUNNER_KEY]


def get_settings() -> Settings:
    return current_app.extensions[SETTINGS_KEY]
