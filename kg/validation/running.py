"""Where a validation runs: in a query worker (stoppable at the deadline, on a checkpoint of the
published graph) when the server has a worker pool, else in this process."""

from __future__ import annotations

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
    try:
        return validate(submission, lang, root=str(settings.root_path), engine=engine)
    except QueryTimeout as exc:
        seconds = exc.detail.get("seconds") or 0
        texts = {k: v.format(seconds=seconds) for k, v in TIMEOUT.items()}
        raise QueryTimeout(messages=texts, detail=exc.detail) from None
