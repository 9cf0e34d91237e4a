"""The one family of errors a user can meet; the web layer maps `status` to HTTP, the CLI to exit codes."""

from __future__ import annotations


class KGError(Exception):
    """An error with a message a user can act on: what is wrong and what to do."""

    status = 500
    kind = "internal-error"

    def __init__(self, message: str, *, detail: dict | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail or {}

    def to_dict(self) -> dict:
        body = {"error": self.kind, "message": self.message}
        if self.detail:
            body["detail"] = self.detail
        return body


class BadRequest(KGError):
    status = 400
    kind = "bad-request"


class ParseError(BadRequest):
    """Input that does not parse; names the source and, where the parser tells, line and column."""

    kind = "parse-error"

    def __init__(self, message: str, *, source: str = "", line: int | None = None,
                 column: int | None = None) -> None:
        where = source + (f", line {line}" if line else "") + (f", column {column}" if column else "")
        text = f"{where}: {message}" if where else message
        super().__init__(text, detail={"source": source, "line": line, "column": column})
        self.source, self.line, self.column = source, line, column


class Forbidden(KGError):
    status = 403
    kind = "forbidden"


class NotFound(KGError):
    status = 404
    kind = "not-found"


class NotAcceptable(KGError):
    status = 406
    kind = "not-acceptable"


class Conflict(KGError):
    status = 409
    kind = "conflict"


class PayloadTooLarge(KGError):
    status = 413
    kind = "payload-too-large"


class UnsupportedMediaType(KGError):
    status = 415
    kind = "unsupported-media-type"


class Unprocessable(KGError):
    status = 422
    kind = "unprocessable"


class StoreBusy(KGError):
    """The store is held by another process (a running `kg serve`)."""

    status = 409
    kind = "store-busy"


class QueryTimeout(KGError):
    status = 503
    kind = "query-timeout"


class Unavailable(KGError):
    status = 503
    kind = "unavailable"
