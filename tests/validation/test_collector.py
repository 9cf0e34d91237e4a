"""A validation runs with Python's cyclic collector paused (kg.validation.engine.collector_paused):
its many short-lived objects used to set off collections that walked the whole heap each time.
The collector is back afterwards, also when the validation fails."""

from __future__ import annotations

import gc
import pytest

from kg.parsed_input import Submission
from kg.validation import Validator
from kg.validation.inputs import read_input
from support import ROOT


def shipped_submission() -> Submission:
    path = ROOT / "data" / "municipalities.ttl"
    return read_input(path.read_bytes(), "turtle", source=path.name, max_bytes=50 * 10**6)


@pytest.fixture
def collections() -> list[int]:
    seen: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            seen.append(info["generation"])
    gc.callbacks.append(count)
    yield seen
    gc.callbacks.remove(count)


def test_a_validation_sets_off_no_collection_and_the_collector_is_back_after(bundle, context_store,
                                                                             collections):
    submission = shipped_submission()
    assert len(submission.triples) > 1000
    assert gc.isenabled()
    # from a collected heap: which generation the first collection after the validation takes
    # depends on the counts before it, and a full collection sets them to zero
    gc.collect()
    collections.clear()  # those of reading the input, and that one
    report = Validator(bundle, context_store).validate(submission, "en")
    assert report.triples == len(submission.triples)
    # none while it ran; one young-generation collection may come as the collector is back
    assert collections in ([], [0])
    assert gc.isenabled()
    # and the same allocations outside a validation do set collections off
    kept = [[object()] for _ in range(50_000)]
    assert kept and collections


def test_the_collector_is_back_after_a_validation_that_fails(bundle, tmp_path):
    import remote_backend
    own = remote_backend.own_store(tmp_path)
    store = remote_backend.open_store(own, tmp_path / "state")
    # the context cannot be read (a closed store, a stopped server): the validation fails midway
    store.close()
    remote_backend.release(own)
    with pytest.raises(Exception):
        Validator(bundle, store).validate(shipped_submission(), "de")
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off(bundle):
    gc.disable()
    try:
        Validator(bundle).validate(shipped_submission(), "en")
        assert not gc.isenabled()
    finally:
        gc.enable()



def test_a_validation_leaves_nothing_for_the_collector(bundle, context_store):
    """What a validation made is freed as it ends, by reference counting: no cycle keeps the
    index of input and context alive until a collection walks it (0.05–0.18 s of the benchmark
    submission's time, when the collector came back)."""
    submission = shipped_submission()
    validator = Validator(bundle, context_store)
    validator.validate(submission, "en")  # the first one fills the bundle's lasting caches
    gc.collect()
    gc.disable()
    try:
        report = validator.validate(submission, "en")
        unreachable = gc.collect()
    finally:
        gc.enable()
    assert report.triples == len(submission.triples)
    assert unreachable < 100
