"""schemathesis against /api/openapi.json as the app serves it (issue 16): every operation the
document describes, called with inputs generated from its schemas (valid and invalid), never
answers with a server error, and what it answers fits the document.

The app runs in this process on a store built by `kg load`, with its real query worker pool
(Flask's test client through schemathesis's WSGI transport: no socket).
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

import remote_backend
from kg.web import create_app
from kg.web.context import QUERY_RUNNER_KEY, STORE_KEY

TOKEN = "schemathesis-admin-token"
EXAMPLES = int(os.environ.get("KG_FUZZ_EXAMPLES", "5"))
ADMIN = {"Authorization": f"Bearer {TOKEN}"}
# Not /api/admin/revalidate: it judges the whole published graph, seconds per call.
WITH_TOKEN = ("/api/admin/dump", "/api/admin/submissions/{submission_id}/erase")


@pytest.fixture(scope="module")
def api_app(loaded_store_path, tmp_path_factory):
    app = create_app(remote_backend.settings_on(
        loaded_store_path, tmp_path_factory.mktemp("state"), query_workers=1, admin_token=TOKEN,
        query_timeout=10))
    yield app
    app.extensions[QUERY_RUNNER_KEY].close()
    app.extensions[STORE_KEY].close()


@pytest.fixture(scope="module")
def api_schema(api_app):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", api_app)
    # The operators' load replaces the published data: a fuzzer holding the token would empty
    # the graph the other operations read. Without a token it is only ever refused (403), which
    # test_fuzz_inputs covers; its bodies with a token are the admin route's own tests'.
    return schema.exclude(path="/api/admin/load")


def operations(schema) -> list:
    return [result.ok() for result in schema.get_all_operations()]


# schemathesis's own pytest plugin does not run under this pytest (9.x); each operation's
# strategy drives a plain hypothesis test instead, the same cases and checks.
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
                         ids=lambda m: m.value)
def test_api_never_answers_with_a_server_error(api_schema, mode):
    checks = [not_a_server_error]
    if mode is GenerationMode.POSITIVE:
        checks += [status_code_conformance, response_schema_conformance]
    called, unsatisfiable = [], []
    for operation in operations(api_schema):
        @given(case=operation.as_strategy(mode))
        @settings(max_examples=EXAMPLES, deadline=None, derandomize="KG_FUZZ_EXAMPLES" not in os.environ, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case):
            # With the token the admin operations get past the door into their parameters.
            response = case.call(headers=ADMIN if operation.path in WITH_TOKEN else None)
            case.validate_response(response, checks=checks)
            called.append(operation.label)

        try:
            run()
        except Unsatisfiable:
            # Nothing to make invalid: no parameters and no body (e.g. this document itself).
            assert mode is GenerationMode.NEGATIVE, operation.label
            unsatisfiable.append(operation.label)
    assert set(called) | set(unsatisfiable) == {o.label for o in operations(api_schema)}
