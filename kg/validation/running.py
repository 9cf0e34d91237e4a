"""Where a validation runs: in a query worker (stoppable at the deadline, on a checkpoint of the
published graph) when the server has a worker pool, else in this process. A worker pool is sent
an upload's bytes (kg.validation.package.RawPackage) and parses them itself, after the client's
turn: parsing 5 MB of Turtle took 0.7 s and sending its triples 2.3 s of the server's CPU, and
an over-budget client waited that long for its 429."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from kg.config import Settings
from kg.errors import QueryTimeout
from kg.parsed_input import Submission
from kg.store.base import Store
from kg.validation.bundle import load_bundle
from kg.validation.engine import DEFAULT_ENGINE, Validator
from kg.validation.model import Report

TIMEOUT = {
    "en": "The validation ran longer than {seconds:g} s, this server's limit, and was stopped; "
          "nothing was stored. Send the package in smaller parts (fewer records per file or "
          "fewer files), or validate it with `kg validate` on your own machine.",
    "de": "Die Prüfung lief länger als {seconds:g} s, die Grenze dieses Servers, und wurde "
          "abgebrochen; nichts wurde gespeichert. Senden Sie das Paket in kleineren Teilen "
          "(weniger Datensätze je Datei oder weniger Dateien) oder prüfen Sie es mit "
          "`kg validate` auf Ihrem eigenen Rechner.",
}


def run_validation(submission: Submission, lang: str, *, store: Store | None, settings: Settings,
                   runner=None, engine: str = DEFAULT_ENGINE) -> Report:
    validate = getattr(runner, "validate", None)
    if validate is None:
        return Validator(load_bundle(settings.root_path), store, engine).validate(submission, lang)
    with _validation_timeout():
        return validate(submission, lang, root=str(settings.root_path), engine=engine)


def validate_in_worker(package, lang: str, *, settings: Settings, runner=None,
                       engine: str = DEFAULT_ENGINE):
    """The PackageResult of a RawPackage parsed and judged in a worker of `runner`, or None when
    the runner has no such workers (then the caller parses)."""
    validate = getattr(runner, "validate_package", None)
    if validate is None:
        return None
    with _validation_timeout():
        return validate(package, lang, root=str(settings.root_path), engine=engine)


def refuse_early(runner) -> None:
    """429 at once for a client whose budget is spent, before its upload is read: reading and
    unpacking it would cost the server for an answer that is a refusal anyway."""
    fairness = getattr(runner, "fairness", None)
    if fairness is not None:
        fairness.check_budget()


@contextmanager
def _validation_timeout() -> Iterator[None]:
    """A query's timeout said as a validation's: what stopped, and what to send instead."""
    try:
        yield
    except QueryTimeout as exc:
        seconds = exc.detail.get("seconds") or 0
        texts = {k: v.format(seconds=seconds) for k, v in TIMEOUT.items()}
        raise QueryTimeout(messages=texts, detail=exc.detail) from None
