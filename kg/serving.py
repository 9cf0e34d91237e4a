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


def _bound_channels(listeners: dict, settings: Settings) -> None:
    """Let every listening socket of `create_server` use channels that (a) answer an over-limit
    body with _TooLarge instead of waitress's English "exceeds max_body of …", which names
    waitress's number, and (b) cut off a client that sends its request too slowly. Waitress
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
            if isinstance(self.error, RequestEntityTooLarge) and not isinstance(self.error, _TooLarge):
                lang = choose_language(parse_qs(self.query).get("lang", [""])[0],
                                       self.headers.get("ACCEPT_LANGUAGE"))
                size = None if self.chunked else self.content_length
                self.error = _TooLarge(PayloadTooLarge.over_limit(
                    {"en": "The request", "de": "Die Anfrage"}, limit, size=size,
                    setting="max_upload_bytes"), lang)
            return consumed

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
