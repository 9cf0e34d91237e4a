"""Running the app under waitress, as the store's one writer."""

from __future__ import annotations

import logging
import os
import signal

from kg.config import Settings
from kg.running import ServerRecord, new_token, remove_record, write_record


def serve(settings: Settings) -> None:
    from waitress import serve as waitress_serve

    from kg.web import QUERY_RUNNER_KEY, create_app

    if not settings.admin_token:
        settings = settings.replace(admin_token=new_token())
    app = create_app(settings)
    url = f"http://{settings.host}:{settings.port}/"
    local = not settings.store_is_remote
    if local:
        write_record(settings.store, ServerRecord(url, os.getpid(), settings.admin_token))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    logging.getLogger("kg").info("Serving %s on %s", settings.store, url)
    runner = app.extensions[QUERY_RUNNER_KEY]
    _stop_on_sigterm()
    try:
        # Workers start now, not on the first query: that one should not wait for them.
        getattr(runner, "start", lambda: None)()
        waitress_serve(app, host=settings.host, port=settings.port, threads=settings.threads,
                       ident="integration-kg")
    finally:
        runner.close()  # no query worker outlives the server
        if local:
            remove_record(settings.store, os.getpid())


def _stop_on_sigterm() -> None:
    """Let SIGTERM (how service managers and tests stop us) end waitress like Ctrl-C does,
    so that the `finally` above runs; Python's default would end the process on the spot."""
    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
