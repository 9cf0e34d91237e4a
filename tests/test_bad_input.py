"""Bad input on every route is a 4xx with a message saying what is wrong — never a 500 — and
loses nothing that was accepted before."""

import pytest

import remote_backend
from kg.web import create_app
from kg.web.context import QUERY_RUNNER_KEY

TOKEN = "test-token"

BAD_REQUESTS = [
    # (method, path, kwargs, expected status)
    ("GET", "/sparql?query=SELEC", {}, 400),
    ("GET", "/sparql?query=ASK{}&query=ASK{}", {}, 400),
    ("POST", "/sparql", {"data": b"\xff\xfe", "content_type": "application/sparql-query"}, 400),
    ("POST", "/sparql", {"data": "ASK {}", "content_type": "image/png"}, 415),
    ("POST", "/sparql", {"data": "INSERT DATA { <a:b> <a:c> <a:d> }", "content_type": "application/sparql-update"}, 403),
    ("GET", "/sparql?query=" + "A" * 200_000, {}, 413),
    ("GET", "/sparql?query=ASK{}&default-graph-uri=https://example.org/not-published", {}, 400),
    ("GET", "/sparql?query=SELECT*{?s?p?o}&format=yaml", {}, 406),
    ("DELETE", "/sparql", {}, 405),
    ("GET", "/ontology?format=yaml", {}, 406),
    ("GET", "/.well-known/void", {"headers": {"Accept": "image/png"}}, 406),
    ("POST", "/api/validate", {"data": "<a> <b> .", "content_type": "text/turtle"}, 400),
    ("POST", "/api/validate", {"data": "x", "content_type": "application/x-unknown"}, 415),
    ("POST", "/api/validate", {"data": b"\x00\x01garbage", "content_type": "application/ld+json"}, 400),
    ("GET", "/validate/templates/no-such-template.csv", {}, 404),
    ("POST", "/api/admin/load", {"json": {"files": []}}, 401),
    ("POST", "/api/admin/load", {"data": "not json", "content_type": "application/json",
                                 "headers": {"Authorization": f"Bearer {TOKEN}"}}, 400),
    ("POST", "/api/admin/load", {"json": {"files": [{"path": "../etc/passwd", "content_base64": ""}]},
                                 "headers": {"Authorization": f"Bearer {TOKEN}"}}, 400),
    ("POST", "/api/admin/load", {"json": {"files": [{"path": "data/x.ttl", "content_base64": "%%%"}]},
                                 "headers": {"Authorization": f"Bearer {TOKEN}"}}, 400),
    ("POST", "/api/admin/load", {"json": {"files": [{"path": "data/x.ttl", "content_base64": "PGE+IDxiPiAu"}]},
                                 "headers": {"Authorization": f"Bearer {TOKEN}"}}, 400),
    ("POST", "/api/admin/load", {"json": {"files": [], "folders": "data"},
                                 "headers": {"Authorization": f"Bearer {TOKEN}"}}, 400),
    ("POST", "/api/admin/load", {"json": {"files": [], "folders": ["etc"]},
                                 "headers": {"Authorization": f"Bearer {TOKEN}"}}, 400),
    ("GET", "/api/admin/dump", {}, 401),
    ("GET", "/api/admin/dump", {"headers": {"Authorization": "Bearer wrong"}}, 403),
    ("GET", "/api/admin/dump?format=yaml", {"headers": {"Authorization": f"Bearer {TOKEN}"}}, 415),
    ("GET", "/api/admin/revalidate", {}, 401),
    ("GET", "/api/admin/revalidate?engine=shaclex",
     {"headers": {"Authorization": f"Bearer {TOKEN}"}}, 400),
    ("GET", "/no/such/route", {}, 404),
]


# One store of the shipped files for the module (`kg load`; on the remote backend a copy of the
# session's server): a load per test cost minutes on a remote store, and every test checks that
# its request left the store as it was.
@pytest.fixture(scope="module")
def loaded(loaded_store_path, tmp_path_factory):
    state = tmp_path_factory.mktemp("state")
    store = remote_backend.open_store(loaded_store_path, state)
    yield store, remote_backend.settings_on(loaded_store_path, state, query_workers=1,
                                            admin_token=TOKEN, max_query_bytes=100_000)
    store.close()


@pytest.fixture(scope="module")
def client(loaded):
    store, settings = loaded
    app = create_app(settings, store=store)
    app.config["TESTING"] = True
    yield app.test_client()
    app.extensions[QUERY_RUNNER_KEY].close()


@pytest.mark.parametrize("method, path, kwargs, status", BAD_REQUESTS,
                         ids=[f"{m} {p[:50]} -> {s}" for m, p, _, s in BAD_REQUESTS])
def test_bad_input_is_a_4xx_with_a_message_and_changes_nothing(client, loaded, method, path, kwargs, status):
    loaded, _ = loaded
    before = loaded.quad_count()
    response = client.open(path, method=method, **kwargs)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.is_json and response.json["message"]
    assert loaded.quad_count() == before
