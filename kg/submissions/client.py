"""The submissions API as the command line calls it while a server holds the store."""

from __future__ import annotations

import json
import secrets
import urllib.error
import urllib.request

from kg.errors import KGError, Unavailable

# Answers that carry an outcome, not a failure of the request.
OUTCOMES = (200, 201, 422)


def multipart(files: list[tuple[str, bytes]]) -> tuple[bytes, str]:
    """A multipart/form-data body with each file in the field `file`."""
    boundary = "kg-" + secrets.token_hex(16)
    parts = []
    for name, data in files:
        safe = name.replace('"', "%22").replace("\r", "").replace("\n", "")
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                     f'filename="{safe}"\r\nContent-Type: application/octet-stream\r\n\r\n'
                     .encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def call(url: str, method: str, path: str, token: str, *, body: bytes | None = None,
         content_type: str | None = None, lang: str = "en", timeout: float = 600) -> tuple[int, dict]:
    """(status, JSON answer) for an outcome; the server's refusal, in its words, as a KGError."""
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json",
               "Accept-Language": lang}
    if content_type:
        headers["Content-Type"] = content_type
    request = urllib.request.Request(url.rstrip("/") + path, data=body, headers=headers,
                                     method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as exc:
        try:
            answer = json.loads(exc.read() or b"{}")
        except ValueError:
            answer = {}
        if exc.code in OUTCOMES:
            return exc.code, answer
        messages = {"en": str(answer.get("message") or f"{exc.code} {exc.reason}"),
                    **answer.get("messages", {})}
        error = KGError(messages=messages)
        error.status = exc.code
        raise error from None
    except urllib.error.URLError as exc:
        raise Unavailable(messages={
            "en": f"The server at {url} does not answer ({exc.reason}).",
            "de": f"Der Server unter {url} antwortet nicht ({exc.reason})."}) from None
