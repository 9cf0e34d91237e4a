"""Running the app under waitress, as the store's one writer."""

from __future__ import annotations

import json
import logging
import os
import signal
from urllib.parse import parse_qs

from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.server import BaseWSGIServer, create_server
from waitress.utilities import RequestEntityTooLarge

from kg import logs
from kg.config import Settings
from kg.errors import PayloadTooLarge
from kg.i18n import choose_language
from kg.running import ServerRecord, new_token, remove_record, write_record
from kg.web import QUERY_RUNNER_KEY, STORE_KEY, create_app

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
    if not settings.admin_token:
        settings = settings.replace(admin_token=new_token())
    app = create_app(settings)
    url = f"http://{settings.host}:{settings.port}/"
    local = not settings.store_is_remote
    if local:
        write_record(settings.store, ServerRecord(url, os.getpid(), settings.admin_token))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    logs.use_json_lines()
    logging.getLogger("kg").info("Serving %s on %s", settings.store, url)
    runner = app.extensions[QUERY_RUNNER_KEY]
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
                               clear_untrusted_proxy_headers=not settings.trusted_proxies)
        _say_the_limit(listeners, settings.max_upload_bytes)
        server.run()
    finally:
        runner.close()  # no query worker outlives the server
        if local:
            remove_record(settings.store, os.getpid())


class _TooLarge(RequestEntityTooLarge):
    """Waitress's 413 in the shape of the app's errors: JSON that states the limit, in the
    request's language and with both texts."""

    def __init__(self, error: PayloadTooLarge, lang: str) -> None:
        super().__init__(error.message)
        self.error, self.lang = error, lang

    def to_response(self, ident=None):
        body = json.dumps(self.error.to_dict(self.lang), ensure_ascii=False).encode("utf-8")
        return (f"{self.code} {self.reason}",
                [("Content-Type", "application/json"), ("Content-Language", self.lang)], body)


def _say_the_limit(listeners: dict, limit: int) -> None:
    """Let every listening socket of `create_server` answer an over-limit body with _TooLarge
    instead of waitress's English "exceeds max_body of …", which names waitress's number."""
    class Parser(HTTPRequestParser):
        def received(self, data):
            consumed = super().received(data)
            if isinstance(self.error, RequestEntityTooLarge) and not isinstance(self.error, _TooLarge):
                lang = choose_language(parse_qs(self.query).get("lang", [""])[0],
                                       self.headers.get("ACCEPT_LANGUAGE"))
                size = None if self.chunked else self.content_length
                self.error = _TooLarge(PayloadTooLarge.over_limit(
                    {"en": "The request", "de": "Die Anfrage"}, limit, size=size,
                    setting="max_upload_bytes"), lang)
            return consumed

    channel = type("Channel", (HTTPChannel,), {"parser_class": Parser})
    for listener in list(listeners.values()):
        if isinstance(listener, BaseWSGIServer):
            listener.channel_class = channel


def _stop_on_sigterm() -> None:
    """Let SIGTERM (how service managers and tests stop us) end waitress like Ctrl-C does,
    so that the `finally` above runs; Python's default would end the process on the spot."""
    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
