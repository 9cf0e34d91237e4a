"""A real `kg serve` process: /health, and the one-writer rule for command-line loads."""

import json
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from kg.running import read_record
from remote_backend import options_of
from support import ROOT, SHIPPED_COUNT, SHIPPED_FILES, published_triple_count, start_server, stop_server

TTL = '@prefix ex: <https://example.org/fictional/> .\nex:town ex:name "{}" .\n'


@pytest.fixture
def project(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "towns.ttl").write_text(TTL.format("Musterstadt"))
    return tmp_path


def kg(*args, **kw):
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=ROOT, **kw)


def health(server):
    with urllib.request.urlopen(server.url + "health", timeout=5) as r:
        return json.load(r)


def test_health_reports_published_triples_of_the_shipped_files(server, loaded_store_path):
    body = health(server)
    assert body["status"] == "ok" and body["store"] == "reachable"
    # Counted from the files with rdflib: 15 graphs and one per batch-3 Land file, and the distinct triples of their merge.
    assert body["published_graphs"] == len(SHIPPED_FILES) == SHIPPED_COUNT
    assert body["published_triples"] == published_triple_count()


def test_load_while_serving_goes_through_the_server(empty_site, project):
    store = ["--store", empty_site.store, *empty_site.options]
    assert kg("load", *store, "--root", str(project)).returncode == 0
    srv = start_server(empty_site.store, *empty_site.options)
    try:
        assert health(srv)["published_triples"] == 1
        record = read_record(str(empty_site.local))
        assert record is not None and record.url == srv.url
        (project / "data" / "more.ttl").write_text(TTL.format("Beispielstadt"))
        out = kg("load", *store, "--root", str(project))
        assert out.returncode == 0, out.stderr
        assert f"Sent to the running server at {srv.url}" in out.stdout
        assert "Loaded 1 file(s)" in out.stdout
        assert health(srv)["published_triples"] == 2
        # A broken file sent through the server changes nothing either.
        (project / "data" / "bad.ttl").write_text("<a> <b> .")
        out = kg("load", *store, "--root", str(project))
        assert out.returncode == 2 and "data/bad.ttl, line 1" in out.stderr
        assert health(srv)["published_triples"] == 2
    finally:
        stop_server(srv)
    assert read_record(str(empty_site.local)) is None


def test_write_api_needs_the_token(server):
    request = urllib.request.Request(server.url + "api/admin/load", data=b'{"files": []}',
                                     headers={"Content-Type": "application/json"}, method="POST")
    with pytest.raises(urllib.error.HTTPError) as exc:
        urllib.request.urlopen(request, timeout=5)
    assert exc.value.code == 401
    assert "Authorization: Bearer" in json.load(exc.value)["message"]


def test_a_second_server_on_the_same_store_stops_with_a_message(server):
    """The embedded store's lock; on a remote store the first server's live record in the same
    --state-dir (an Oxigraph server has no lock of ours)."""
    out = kg("serve", "--store", str(server.store), *options_of(server), "--port", "1")
    assert out.returncode == 2 and "in use by another process" in out.stderr


def test_unknown_path_is_a_json_404(server):
    with pytest.raises(urllib.error.HTTPError) as exc:
        urllib.request.urlopen(server.url + "no/such/page", timeout=5)
    assert exc.value.code == 404 and json.load(exc.value)["error"] == "not-found"
