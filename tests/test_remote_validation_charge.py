"""A remote store's validation charges its client from the worker's "ready" on (where its deadline
starts), not for the worker process's start (about a second of the server's way of working): with
that start charged, a client with a 1 s budget was refused at its second or third validation.
Through the real RemoteRunner and a real Oxigraph server, started here on either test backend (the
RemoteRunner is what `kg serve --store URL` queries and validates with)."""

from __future__ import annotations

import time

import pytest

import remote_backend
from kg import rdfguard
from kg.config import Settings
from kg.errors import BadRequest, QueryTimeout
from kg.querying.fairness import Limits, acting_for
from kg.querying.remote import RemoteRunner
from kg.store.remote import RemoteStore
from kg.validation.package import PackageFile, RawPackage, check_package
from support import ROOT

BUDGET = 1.0  # worker seconds per client per minute, as the hardening tests' strict server has
DEEP = rdfguard.MAX_NESTING + 1


@pytest.fixture(scope="module")
def server_url(tmp_path_factory):
    peer = remote_backend.oxigraph_server(tmp_path_factory.mktemp("charge"))
    yield peer.url
    remote_backend.stop(peer)


def remote_runner(url: str, deadline: float) -> RemoteRunner:
    return RemoteRunner(RemoteStore(url), timeout=deadline, slots=2,
                        limits=Limits(budget=BUDGET, min_charge=0.01))


def package(name: str, data: bytes) -> RawPackage:
    settings = Settings(root=str(ROOT))
    files = check_package([PackageFile(name, data)], settings)
    return RawPackage(tuple(files), settings.max_upload_bytes, keep_triples=False)


def test_validations_in_a_row_are_not_refused_for_worker_starts(server_url):
    runner = remote_runner(server_url, deadline=30)
    # Refused by the nesting guard as soon as the worker reads it: milliseconds of the client's
    # own work, after a worker start of a second or so each.
    nested = package("nested.ttl", b"@prefix ex: <http://example.org/> .\nex:a ex:b "
                     + b"(" * DEEP + b")" * DEEP + b" .\n")
    took = 0.0
    with acting_for("client-a"):
        for _ in range(3):
            started = time.monotonic()
            with pytest.raises(BadRequest) as refused:  # TooManyRequests (429) when starts counted
                runner.validate_package(nested, "en", root=str(ROOT))
            took += time.monotonic() - started
            assert str(rdfguard.MAX_NESTING) in refused.value.messages["en"]
    charged = runner.fairness.counts.charged_seconds
    assert runner.fairness.counts.refused["budget"] == 0
    # What was charged is the workers' own part, a small share of what the three calls took.
    assert charged < 0.3 * took, (charged, took)


def test_the_workers_own_time_is_still_charged(server_url):
    deadline = 0.2  # loading the shapes alone takes longer
    runner = remote_runner(server_url, deadline=deadline)
    document = package("one.ttl", b"@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n")
    with acting_for("client-b"):
        with pytest.raises(QueryTimeout):
            runner.validate_package(document, "en", root=str(ROOT))
    assert runner.fairness.counts.charged_seconds >= deadline
