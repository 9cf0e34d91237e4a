"""Running the app under waitress, as the store's one writer."""

from __future__ import annotations

import json
import logging
import os
import resource
import signal
import time
from urllib.parse import parse_qs

from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.server import BaseWSGIServer, create_server
from waitress.utilities import Error as WaitressError
from waitress.utilities import RequestEntityTooLarge, RequestHeaderFieldsTooLarge

from kg import logs
from kg.config import Settings
from kg.errors import KGError, PayloadTooLarge, StoreBusy
from kg.i18n import DEFAULT_LANGUAGE, choose_language
from kg.running import ServerRecord, new_token, read_record, remove_record, write_record
from kg.web import QUERY_RUNNER_KEY, STORE_KEY, create_app
from kg.web.security_headers import HEADERS

# Room for a multipart upload's framing (boundary lines, part headers) around a file of the
# largest size, so that bodies just over the limit still reach the app and get its answer.
BODY_HEADROOM = 64 * 1024


def max_request_body(settings: Settings) -> int:
    """The most bytes of a request body waitress takes in; beyond that it answers 413 at once.

    Waitress reads a whole body (into a temporary file above 512 KB) before the app sees the
    request, so the app's own limit came too late: with waitress's default of 1 GB, four
    900 MB uploads made 3.56 GB of temporary files before their 413s. The app caps every body
    at max_upload_bytes (Flask's MAX_CONTENT_LENGTH; /sparql's form-encoded queries included),
    so a larger body is of no use and the query size needs no room of its own."""
    return settings.max_upload_bytes + BODY_HEADROOM


def serve(settings: Settings) -> None:
    if settings.store_is_remote:
        _refuse_a_second_writer(settings)
    if not settings.admin_token:
        settings = settings.replace(admin_token=new_token())
    app = create_app(settings)
    url = f"http://{settings.host}:{settings.port}/"
    # Beside the store, or for a remote store in its local folder: local `kg` commands that
    # write find the one writer there and send their writes through it.
    write_record(settings.local_store, ServerRecord(url, os.getpid(), settings.admin_token))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    logs.use_json_lines(client_addresses=settings.log_client_addresses)
    logging.getLogger("kg").info("Serving %s on %s", settings.store, url)
    runner = app.extensions[QUERY_RUNNER_KEY]
    # A remote store: what a write cut short left on the server (see kg.store.remote).
    getattr(app.extensions[STORE_KEY], "drop_leftover_staging", lambda: None)()
    _stop_on_sigterm()
    try:
        # Workers start now, not on the first query: that one should not wait for them. The
        # counts /health reports are taken now too, not on its first call.
        getattr(runner, "start", lambda: None)()
        app.extensions[STORE_KEY].stats()
        listeners: dict = {}
        server = create_server(app, map=listeners, host=settings.host, port=settings.port,
                               threads=settings.threads, ident="integration-kg",
                               max_request_body_size=max_request_body(settings),
                               # Waitress drops X-Forwarded-For unless told a proxy it trusts;
                               # kg.web.clients judges it against trusted_proxies instead.
                               clear_untrusted_proxy_headers=not settings.trusted_proxies,
                               **connection_bounds(settings))
        _bound_channels(listeners, settings)
        server.run()
    finally:
        runner.close()  # no query worker outlives the server
        remove_record(settings.local_store, os.getpid())


def _refuse_a_second_writer(settings: Settings) -> None:
    """An Oxigraph server holds no lock for us, so two `kg serve` of one state folder would both
    write, and the second's record would hide the first from local commands: the live record
    is the lock (as the embedded store's lock file is)."""
    record = read_record(settings.local_store)
    if record is not None and record.pid != os.getpid():
        raise StoreBusy(messages={
            "en": f"The store {settings.store} is in use by another process (the `kg serve` at "
                  f"{record.url}, process {record.pid}, with the same --state-dir). Stop it, or "
                  "send writes through its API.",
            "de": f"Der Speicher {settings.store} wird von einem anderen Prozess benutzt (dem "
                  f"`kg serve` unter {record.url}, Prozess {record.pid}, mit demselben "
                  "--state-dir). Beenden Sie ihn, oder schreiben Sie über seine API."})


def connection_bounds(settings: Settings) -> dict:
    """Waitress's own limits on connections. Its defaults let about 100 idle sockets take every
    route down: 100 connections at most, kept 120 s after their last byte. poll() instead of
    select() lifts select's ceiling of 1024 file descriptors; the idle sweep runs every second
    so that the timeouts hold to about a second."""
    return {"connection_limit": min(settings.connection_limit, _descriptors_for_connections()),
            "channel_timeout": settings.idle_timeout,
            "cleanup_interval": 1,
            "asyncore_use_poll": True}


def _descriptors_for_connections() -> int:
    """How many sockets the process can hold beside its store, workers and files: past its
    descriptor limit accept() fails in a loop instead of connections waiting their turn."""
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    return max(16, soft - 128) if soft != resource.RLIM_INFINITY else 1_000_000


class _Problem(WaitressError):
    """An error waitress finds before the app sees the request (a bad URI, Content-Length or
    chunk, headers over the limit, a body over the limit), answered as the app answers errors:
    its JSON problem with both texts, in the request's language if it could be read, and the
    security headers every answer of the app carries. Waitress's own answer was plain English
    text ("Bad Request … Content-Length is invalid") without those headers."""

    def __init__(self, original: WaitressError, error: KGError, lang: str | None) -> None:
        super().__init__(error.message)
        self.code, self.reason = original.code, original.reason
        self.error, self.lang = error, lang

    def to_response(self, ident=None):
        body = self.error.to_dict(self.lang or DEFAULT_LANGUAGE)
        if self.lang is None:
            # Neither ?lang= nor Accept-Language could be read: say it in both languages.
            body["message"] = " / ".join(self.error.messages[lang] for lang in ("en", "de"))
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers = [("Content-Type", "application/json; charset=utf-8"),
                   ("Content-Language", self.lang or "en, de"), *HEADERS.items()]
        return f"{self.code} {self.reason}", headers, data


class _WaitressRefusal(KGError):
    def __init__(self, status: int, kind: str, messages: dict[str, str]) -> None:
        super().__init__(messages=messages)
        self.status, self.kind = status, kind


def _refusal(original: WaitressError, limit: int, chunked: bool,
             content_length: int) -> KGError:
    """What waitress refused, as one of ours; its English words stay for anything unforeseen."""
    said = str(original.body)
    if isinstance(original, RequestEntityTooLarge):
        return PayloadTooLarge.over_limit(
            {"en": "The request", "de": "Die Anfrage"}, limit,
            size=None if chunked else content_length, setting="max_upload_bytes")
    if isinstance(original, RequestHeaderFieldsTooLarge):
        return _WaitressRefusal(431, "header-fields-too-large", WAITRESS_TEXTS["headers"])
    for key in ("Bad URI", "Content-Length", "chunk", "Transfer-Encoding"):
        if key.lower() in said.lower():
            return _WaitressRefusal(original.code, "bad-request" if original.code == 400
                                    else "not-implemented", WAITRESS_TEXTS[key])
    return _WaitressRefusal(original.code, "bad-request" if original.code < 500 else "error", {
        lang: text.format(said=said) for lang, text in WAITRESS_TEXTS["other"].items()})


WAITRESS_TEXTS = {
    "headers": {
        "en": "The request's header section is larger than this server accepts; send fewer or "
              "shorter headers (cookies, tokens, long Referer values).",
        "de": "Der Kopfteil der Anfrage ist größer, als dieser Server annimmt; senden Sie "
              "weniger oder kürzere Kopfzeilen (Cookies, Tokens, lange Referer-Angaben)."},
    "Bad URI": {
        "en": "The request's address is not a valid URL (it holds bytes a URL may not hold). "
              "Percent-encode characters beyond ASCII as UTF-8, e.g. ü as %C3%BC.",
        "de": "Die Adresse der Anfrage ist keine gültige URL (sie enthält Bytes, die in einer "
              "URL nicht stehen dürfen). Kodieren Sie Zeichen außerhalb von ASCII als UTF-8 mit "
              "Prozentzeichen, z. B. ü als %C3%BC."},
    "Content-Length": {
        "en": "The Content-Length header is not valid: it must be one whole number of bytes, "
              "0 or more. Send the body's length in bytes, or use chunked transfer encoding.",
        "de": "Der Content-Length-Header ist ungültig: er muss eine ganze Zahl von Bytes sein, "
              "0 oder mehr. Senden Sie die Länge des Inhalts in Bytes oder verwenden Sie "
              "Chunked-Transfer-Encoding."},
    "chunk": {
        "en": "The chunked body is malformed: each chunk must start with its size in hexadecimal "
              "on a line of its own and end with CRLF, and a chunk of size 0 must end the body.",
        "de": "Der Inhalt in Chunks ist fehlerhaft: jeder Chunk muss mit seiner Größe "
              "(hexadezimal) auf einer eigenen Zeile beginnen und mit CRLF enden, und ein Chunk "
              "der Größe 0 muss den Inhalt beenden."},
    "Transfer-Encoding": {
        "en": "This server understands only the transfer encoding 'chunked'; send the body "
              "plainly with a Content-Length, or chunked.",
        "de": "Dieser Server versteht nur die Übertragungskodierung 'chunked'; senden Sie den "
              "Inhalt unverändert mit Content-Length oder in Chunks."},
    "other": {
        "en": "The request is not valid HTTP ({said}); check the request line and headers.",
        "de": "Die Anfrage ist kein gültiges HTTP ({said}, Meldung des Servers); prüfen Sie "
              "die Anfragezeile und die Kopfzeilen."},
}


def _bound_channels(listeners: dict, settings: Settings) -> None:
    """Let every listening socket of `create_server` use channels that (a) answer what waitress
    refuses itself (an over-limit body, a bad URI, Content-Length or chunk, too many header
    bytes) with _Problem instead of waitress's English text, which named waitress's numbers and
    lacked the security headers, and (b) cut off a client that sends its request too slowly. Waitress
    counts idleness from the last byte, so one header byte every few seconds kept a connection
    (and its slot) forever; here a request's headers, and the whole request, have a deadline
    counted from its first byte."""
    limit = settings.max_upload_bytes

    class Parser(HTTPRequestParser):
        def __init__(self, adj):
            super().__init__(adj)
            self.started = time.monotonic()

        def received(self, data):
            consumed = super().received(data)
            if self.error is not None and not isinstance(self.error, _Problem):
                self.error = _Problem(self.error, _refusal(
                    self.error, limit, self.chunked, self.content_length), self._language())
            return consumed

        def _language(self) -> str | None:
            """The language the request asks for, None if it says none that could be read."""
            # A request line that did not parse left no query behind.
            param = parse_qs(getattr(self, "query", "") or "").get("lang", [""])[0]
            header = (getattr(self, "headers", None) or {}).get("ACCEPT_LANGUAGE")
            return choose_language(param, header) if (param or header) else None

    class Channel(HTTPChannel):
        parser_class = Parser

        def readable(self):
            # Asked of every channel on each turn of the event loop (at least once a second):
            # the place to notice a deadline that passed while the client said nothing.
            request = self.request
            if request is not None and not request.completed:
                waited = time.monotonic() - request.started
                allowed = (settings.request_read_timeout if request.headers_finished
                           else settings.header_timeout)
                if waited > allowed:
                    self.will_close = True  # writable() is then true; handle_write closes
            return super().readable()

    for listener in list(listeners.values()):
        if isinstance(listener, BaseWSGIServer):
            listener.channel_class = Channel


def _stop_on_sigterm() -> None:
    """Let SIGTERM (how service managers and tests stop us) end waitress like Ctrl-C does,
    so that the `finally` above runs; Python's default would end the process on the spot."""
    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
