"""The store a command works on: opened here, or, while a `kg serve` holds it, that server,
asked over HTTP with its own token."""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.parse
import urllib.request

from kg.cli.failures import EXIT_UNKNOWN
from kg.errors import KGError, StoreBusy, Unavailable
from kg.running import ServerRecord, read_record
from kg.store import open_store


def open_store_or_server(settings):
    """(store, None), or (None, record) of the running `kg serve` that holds the store: the one
    writer, through which local commands then go."""
    if settings.store_is_remote:
        # A remote server holds no lock for us: the record of a running `kg serve` says so.
        record = read_record(settings.local_store)
        if record is not None:
            return None, record
    try:
        return open_store(settings), None
    except StoreBusy:
        record = read_record(settings.store)
        if record is None:
            raise
        return None, record




_CUT_OFF = {"en": "The running server at {url} closed the connection before answering {what} "
                   "({reason}); it may have completed: check with `kg dump` or /health, and "
                   "repeat it if not (a repeated load changes nothing that is loaded).",
            "de": "Der laufende Server unter {url} hat die Verbindung geschlossen, bevor er auf "
                  "{what} antwortete ({reason}); es kann abgeschlossen sein: prüfen Sie das mit "
                  "`kg dump` oder /health und wiederholen Sie es sonst (ein wiederholtes Laden "
                  "ändert nichts bereits Geladenes)."}
_REFUSED = {"en": "The running server at {url} refused {what}: {said}",
            "de": "Der laufende Server unter {url} hat {what} abgelehnt: {said}"}
_SILENT = {"en": "The store is held by a server (pid {pid}) at {url} that does not answer "
                 "({reason}); stop it, then try again.",
           "de": "Der Speicher wird von einem Server (PID {pid}) unter {url} gehalten, der nicht "
                 "antwortet ({reason}); beenden Sie ihn und versuchen Sie es dann erneut."}


def ask_server(record: ServerRecord, path: str, *, what: dict[str, str],
               params: dict[str, str] | None = None, body: bytes | None = None,
               timeout: float = 600) -> bytes:
    """The answer of the running server that holds the store to an authorised request (POST
    with `body`, else GET). Its refusal, in its own words, or its silence is a KGError."""
    url = record.url.rstrip("/") + path + ("?" + urllib.parse.urlencode(params) if params else "")
    headers = {"Authorization": f"Bearer {record.token}"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=body, headers=headers,
                                     method="POST" if body is not None else "GET")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()
    except urllib.error.HTTPError as exc:
        said = _said(exc)
        raise KGError(messages={lang: text.format(url=record.url, what=what[lang],
                                                  said=said.get(lang) or said["en"])
                                for lang, text in _REFUSED.items()}) from None
    except urllib.error.URLError as exc:
        raise Unavailable(messages={lang: text.format(pid=record.pid, url=record.url,
                                                      reason=exc.reason)
                                    for lang, text in _SILENT.items()}) from None
    except (http.client.HTTPException, OSError) as exc:
        # The request was sent but no whole answer came back: the server may have done it.
        error = Unavailable(messages={lang: text.format(url=record.url, what=what[lang],
                                                        reason=str(exc) or type(exc).__name__)
                                      for lang, text in _CUT_OFF.items()})
        error.exit_code = EXIT_UNKNOWN
        raise error from None


def _said(exc: urllib.error.HTTPError) -> dict[str, str]:
    """What a refusing server said, in every language it said it (at least in English)."""
    try:
        error = json.loads(exc.read() or b"{}")
        return {"en": str(error["message"]), **error.get("messages", {})}
    except (ValueError, KeyError, AttributeError, TypeError):
        return {"en": f"{exc.code} {exc.reason}"}
