"""What every blueprint reads from the app and the request: the store, the settings, the query
runner (set up once by kg.web.create_app), the query catalogue and the language the request
asks for.

Its own module, below the blueprints: they import it, and the app factory imports them, so no
blueprint has to import the package that imports it.
"""

from __future__ import annotations

from flask import current_app, request

from kg.catalog import Catalog
from kg.catalog_runner import Select, selector, site_catalog
from kg.config import Settings
from kg.i18n import choose_language
from kg.querying import QueryRunner
from kg.store import Store

STORE_KEY = "kg.store"
SETTINGS_KEY = "kg.settings"
QUERY_RUNNER_KEY = "kg.query_runner"
CATALOG_KEY = "kg.catalog"


def request_language() -> str:
    return choose_language(request.args.get("lang"), request.headers.get("Accept-Language"))


def get_store() -> Store:
    return current_app.extensions[STORE_KEY]


def get_query_runner() -> QueryRunner:
    """Where public SPARQL queries run: call `.run(sparql, …)` (see kg.querying.QueryRunner)."""
    return current_app.extensions[QUERY_RUNNER_KEY]


def get_settings() -> Settings:
    return current_app.extensions[SETTINGS_KEY]


def get_catalog() -> Catalog:
    """The query catalogue with the site's own queries (kg.catalog_runner.site_catalog).

    Read on first use and kept with the app: an app that never shows a page never reads it."""
    catalog = current_app.extensions.get(CATALOG_KEY)
    if catalog is None:
        catalog = current_app.extensions[CATALOG_KEY] = site_catalog()
    return catalog


def get_select() -> Select:
    """Ask a catalogue question through this app's query runner, as /sparql runs queries."""
    return selector(get_query_runner(), get_catalog())
