"""Structured logs: one JSON object per line, per request (kg.access) and per query (kg.queries).

Lines hold what an operator needs to see load and abuse (time, route, status, duration, client,
a query's outcome and the hash of its text) and nothing a reader of the log could misuse: no
header values (Authorization, cookies), no request bodies, no query-string values (a token may
be passed as one), no query texts (they may carry personal data someone pasted). A client's
address is personal data too: unless the operator asks for addresses (`log_client_addresses`),
it is written as a pseudonym, a keyed hash whose key is made anew in each process, so that one
client's lines can be followed within a run but the address cannot be read back.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import sys
from datetime import datetime, timezone

ACCESS = "kg.access"
QUERIES = "kg.queries"


def text_hash(text: str) -> str:
    """Enough of a SHA-256 to tell repeated queries apart, not to read them back."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class _Clients:
    """How clients are named in the lines: by pseudonym (the default) or by address."""

    addresses = False
    key = secrets.token_bytes(16)


def client_name(address: str) -> str:
    if _Clients.addresses:
        return address
    return "c-" + hmac.new(_Clients.key, address.encode("utf-8", "replace"),
                           hashlib.sha256).hexdigest()[:16]


def write(logger: str, event: str, **fields: object) -> None:
    log = logging.getLogger(logger)
    if log.isEnabledFor(logging.INFO):
        if isinstance(fields.get("client"), str):
            fields["client"] = client_name(fields["client"])
        line = {"time": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
                "event": event, **fields}
        log.info(json.dumps(line, ensure_ascii=False, separators=(",", ":")))


class _Stderr(logging.StreamHandler):
    """Writes to whatever sys.stderr is at the moment (a test's capture may replace it)."""

    def __init__(self) -> None:
        super().__init__()

    @property  # type: ignore[override]
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def use_json_lines(client_addresses: bool = False) -> None:
    """Send kg.access and kg.queries as bare JSON lines to stderr, not through the root
    logger's text format (which would put words before each object). Idempotent."""
    _Clients.addresses = client_addresses
    for name in (ACCESS, QUERIES):
        log = logging.getLogger(name)
        if not any(isinstance(h, _Stderr) for h in log.handlers):
            handler = _Stderr()
            handler.setFormatter(logging.Formatter("%(message)s"))
            log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False
