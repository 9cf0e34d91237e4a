"""Fixtures of the validation tests: a canary HTTP server that must see no request, the real
shapes bundle, and a store with the project's real files loaded."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.store import EmbeddedStore
from kg.validation import Validator, load_bundle
import remote_backend
from support import ROOT

FICTIONAL = "https://w3id.org/integration-kg/id/"


class Canary:
    def __init__(self, server: http.server.ThreadingHTTPServer) -> None:
        self.server = server
        self.requests: list[str] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/"


@pytest.fixture
def canary() -> Iterator[Canary]:
    """Answers anything with a JSON-LD context, and records every request; tests assert none came."""
    holder: list[Canary] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            holder[0].requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "application/ld+json")
            self.end_headers()
            self.wfile.write(b'{"@context": {"name": "http://example.org/fictional/name"}}')

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    holder.append(Canary(server))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield holder[0]
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def bundle():
    return load_bundle(ROOT)


@pytest.fixture
def validator(bundle) -> Validator:
    return Validator(bundle)


@pytest.fixture
def context_store(loaded_store_path: Path, tmp_path: Path) -> Iterator[EmbeddedStore]:
    store = remote_backend.open_store(loaded_store_path, tmp_path / "state")
    yield store
    store.close()


@pytest.fixture
def client_on_loaded(loaded_store_path: Path, tmp_path: Path):
    """The app on a store built by `kg load`, with its worker pool (as `kg serve` has it)."""
    from kg.web import create_app

    store = remote_backend.open_store(loaded_store_path, tmp_path / "state")
    app = create_app(remote_backend.settings_on(loaded_store_path, tmp_path / "state",
                                                query_workers=1), store=store)
    app.config["TESTING"] = True
    yield app.test_client()
    store.close()
