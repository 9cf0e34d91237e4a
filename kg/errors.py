"""The one family of errors a user can meet; the web layer maps `status` to HTTP, the CLI to exit codes."""

from __future__ import annotations

import errno
from collections.abc import Mapping

from kg.i18n import DEFAULT_LANGUAGE, megabytes, number


class KGError(Exception):
    """An error with a message a user can act on: what is wrong and what to do.

    `message` is English; `messages` may hold the same text in further languages ({"en": …,
    "de": …}), and the web layer answers in the one the request asks for (`text(lang)`). The
    English text stays the exception's own text, for logs and the command line.
    """

    status = 500
    kind = "internal-error"

    def __init__(self, message: str | None = None, *, detail: dict | None = None,
                 messages: Mapping[str, str] | None = None) -> None:
        texts = dict(messages or {})
        if message is not None:
            texts.setdefault(DEFAULT_LANGUAGE, message)
        if DEFAULT_LANGUAGE not in texts:
            raise TypeError("A KGError needs its message in English (message= or messages['en']).")
        super().__init__(texts[DEFAULT_LANGUAGE])
        self.message = texts[DEFAULT_LANGUAGE]
        self.messages = texts
        self.detail = detail or {}

    @classmethod
    def restore(cls, messages: Mapping[str, str], detail: dict | None = None) -> KGError:
        """The error again from its texts and detail, as carried across a process boundary.

        Built without the subclass's own __init__, whose arguments (ParseError's source, line,
        column) went into the texts and detail already and are not asked for again."""
        error = cls.__new__(cls)
        KGError.__init__(error, messages=messages, detail=detail)
        return error

    def text(self, lang: str) -> str:
        """The message in `lang`, or in English where it has no such text."""
        return self.messages.get(lang) or self.message

    def to_dict(self, lang: str = DEFAULT_LANGUAGE) -> dict:
        """The JSON error shape: `message` in `lang`, `messages` in every language it has."""
        body = {"error": self.kind, "message": self.text(lang), "lang": lang if lang in
                self.messages else DEFAULT_LANGUAGE, "messages": dict(self.messages)}
        if self.detail:
            body["detail"] = self.detail
        return body


class BadRequest(KGError):
    status = 400
    kind = "bad-request"


class ParseError(BadRequest):
    """Input that does not parse; names the source and, where the parser tells, line and column.

    What is wrong comes as `message` (English) or `messages`; the position is put in front of
    each. A parser speaks English only: its words alone get a German sentence around them.
    """

    kind = "parse-error"

    def __init__(self, message: str | None = None, *, messages: Mapping[str, str] | None = None,
                 source: str = "", line: int | None = None, column: int | None = None) -> None:
        texts = dict(messages or {})
        if message is not None:
            texts.setdefault("en", message)
        if "en" in texts:
            texts.setdefault("de", _PARSER_SAYS["de"].format(message=texts["en"]))
        super().__init__(messages={lang: _where(source, line, column, lang) + text
                                   for lang, text in texts.items()},
                         detail={"source": source, "line": line, "column": column})

    # From the detail, so that an error restored in another process (KGError.restore) has them.
    @property
    def source(self) -> str:
        return self.detail.get("source", "")

    @property
    def line(self) -> int | None:
        return self.detail.get("line")

    @property
    def column(self) -> int | None:
        return self.detail.get("column")


_POSITION = {"en": ("line", "column"), "de": ("Zeile", "Spalte")}
_PARSER_SAYS = {"de": "die Eingabe lässt sich so nicht lesen; der Parser meldet (auf Englisch): "
                      "{message}"}


def _where(source: str, line: int | None, column: int | None, lang: str) -> str:
    line_word, column_word = _POSITION.get(lang, _POSITION["en"])
    where = source + (f", {line_word} {line}" if line else "") + \
        (f", {column_word} {column}" if column else "")
    return f"{where}: " if where else ""


class Unauthorized(KGError):
    """No credentials, or ones this server does not know (answered with WWW-Authenticate)."""

    status = 401
    kind = "unauthorized"


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

    @classmethod
    def over_limit(cls, what: Mapping[str, str], limit: int, *, size: int | None = None,
                   setting: str = "", fix: Mapping[str, str] | None = None) -> PayloadTooLarge:
        """The 413 that says the limit, in bytes and MB: `what` was too large (`size` bytes,
        when known), what this server accepts, and (`fix`) what to do about it."""
        texts = {}
        for lang, words in _TOO_LARGE.items():
            values = {"what": what[lang], "limit": number(limit, lang),
                      "mb": number(megabytes(limit), lang), "setting": setting,
                      "size": number(size, lang) if size is not None else ""}
            text = (words["sized"] if size is not None else words["unsized"]).format(**values)
            if setting:
                text += words["setting"].format(**values)
            texts[lang] = text + ". " + (fix or _TOO_LARGE_FIX)[lang]
        return cls(messages=texts, detail={"limit_bytes": limit, "size_bytes": size})


_TOO_LARGE = {
    "en": {"sized": "{what} has {size} bytes; this server accepts at most {limit} bytes ({mb} MB)",
           "unsized": "{what} is larger than this server accepts: at most {limit} bytes ({mb} MB)",
           "setting": " (setting {setting})"},
    "de": {"sized": "{what} hat {size} Bytes; dieser Server nimmt höchstens {limit} Bytes "
                    "({mb} MB) an",
           "unsized": "{what} ist größer, als dieser Server annimmt: höchstens {limit} Bytes "
                      "({mb} MB)",
           "setting": " (Einstellung {setting})"},
}
_TOO_LARGE_FIX = {"en": "Split it into smaller parts and send them one by one.",
                  "de": "Teilen Sie sie in kleinere Teile und senden Sie diese einzeln."}


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


class QueryCrashed(KGError):
    """The engine died on this query (a native crash); the worker was replaced.

    A 400, not a 500: what crashes the engine is the query (the known cases are deep nesting and
    huge intermediate results), the same query would crash it again, and the user is the one who
    can change it. Nothing on the server is broken afterwards.
    """

    status = 400
    kind = "query-crashed"


class QueryTimeout(KGError):
    status = 503
    kind = "query-timeout"


class Unavailable(KGError):
    status = 503
    kind = "unavailable"


class InsufficientStorage(KGError):
    """A write failed for lack of disk space (ENOSPC); nothing of it was kept."""

    status = 507
    kind = "insufficient-storage"

    @classmethod
    def no_space(cls, where=None) -> InsufficientStorage:
        """`where` (a path) only for the command line: a web answer names no server paths."""
        en, de = (f"of {where} ", f"von {where} ") if where else ("", "")
        return cls(messages={
            "en": f"There is no space left on the disk {en}".rstrip() + "; the write was "
                  "not made and nothing of it was kept. Free some space (or ask the operators "
                  "to), then try again: no restart is needed.",
            "de": f"Auf dem Datenträger {de}ist kein Platz mehr; der Schreibvorgang wurde "
                  "nicht ausgeführt und nichts davon behalten. Schaffen Sie Platz (oder bitten "
                  "Sie die Betreiber darum) und versuchen Sie es dann erneut: ein Neustart ist "
                  "nicht nötig."})


def no_space(exc: OSError) -> bool:
    """A write failed for lack of disk space. pyoxigraph's OSError carries RocksDB's text, not
    an errno."""
    text = str(exc)
    return (exc.errno in (errno.ENOSPC, errno.EDQUOT) or "No space left on device" in text
            or "Disk quota exceeded" in text)
