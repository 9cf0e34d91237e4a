"""The Flask app factory: one place that wires settings, store and blueprints."""

from __future__ import annotations

from flask import Flask

from kg import i18n
from kg.config import Settings
from kg.querying import QueryRunner, make_query_runner
from kg.store import Store, open_store
from kg.web import admin, cors, errors, health, linked_data, ontology, pages, search, sparql, validate, void
from kg.web import dumps, openapi, queries
from kg.web import compare
from kg.web import editor, navigation
from kg.web import submissions
from kg.web import security_headers
from kg.web import access_log, clients, metrics
from kg.web.context import QUERY_RUNNER_KEY, SETTINGS_KEY, STORE_KEY

__all__ = ["QUERY_RUNNER_KEY", "create_app"]


def create_app(settings: Settings | None = None, store: Store | None = None,
               query_runner: QueryRunner | None = None) -> Flask:
    settings = settings or Settings()
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_upload_bytes
    app.json.sort_keys = False
    app.extensions[SETTINGS_KEY] = settings
    app.extensions[STORE_KEY] = store if store is not None else open_store(settings)
    # A WorkerPool starts its processes on its first query (or `kg serve` starts it at once).
    app.extensions[QUERY_RUNNER_KEY] = (query_runner if query_runner is not None
                                        else make_query_runner(settings, app.extensions[STORE_KEY]))

    errors.register(app)
    # Before the blueprints' own hooks: every request is timed, counted and charged to its client.
    metrics.register(app)
    access_log.register(app)
    clients.register(app)
    _register_template_helpers(app)
    app.register_blueprint(health.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(sparql.bp)
    app.register_blueprint(void.bp)
    app.register_blueprint(validate.bp)
    app.register_blueprint(ontology.bp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(queries.bp)
    app.register_blueprint(openapi.bp)
    app.register_blueprint(linked_data.bp)
    app.register_blueprint(dumps.bp)
    app.register_blueprint(search.bp)
    app.register_blueprint(compare.bp)
    app.register_blueprint(editor.bp)
    app.register_blueprint(navigation.bp)
    app.register_blueprint(submissions.bp)
    cors.register(app)
    security_headers.register(app)
    return app


def _register_template_helpers(app: Flask) -> None:
    @app.context_processor
    def helpers():
        return {"ui": i18n.ui, "number": i18n.number, "blueprints": app.blueprints}
