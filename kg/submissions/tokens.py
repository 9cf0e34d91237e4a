"""Submitters' bearer tokens: each shown once when made; the file keeps only its hash.

A token is 32 random bytes (secrets.token_urlsafe), so a plain SHA-256 of it cannot be guessed
back: a slow, salted hash protects guessable passwords, which these are not. Every check compares
against every kept hash with hmac.compare_digest, so neither the answer time nor an early exit
tells how much of a token was right. Tokens are never logged nor written anywhere but to the
terminal of `kg token add`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
import secrets
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kg import iris
from kg.errors import BadRequest, Conflict, NotFound
from kg.private_files import write_private

ALL = "*"
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


@dataclass(frozen=True)
class Principal:
    """Who a request acts as: a token's name and the municipalities (AGS) it may submit for."""

    name: str
    scope: frozenset[str]  # AGS, or {"*"} for every municipality
    operator: bool = False  # the server's admin token or a local command without a token

    @property
    def everywhere(self) -> bool:
        return ALL in self.scope

    def covers(self, ags: str) -> bool:
        return self.everywhere or ags in self.scope


OPERATOR = Principal("operator", frozenset({ALL}), operator=True)


@dataclass
class TokenEntry:
    name: str
    sha256: str
    scope: list[str]
    created: str
    revoked: str | None = None
    extra: dict = field(default_factory=dict)

    def public(self) -> dict:
        """What `kg token list` shows: never the hash."""
        return {"name": self.name, "scope": self.scope, "created": self.created,
                "revoked": self.revoked}


def parse_scope(text: str) -> list[str]:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if parts == [ALL]:
        return [ALL]
    bad = [p for p in parts if not iris.AGS.fullmatch(p)]
    if not parts or bad:
        raise BadRequest(messages={
            "en": f"--scope {text!r}: give 8-digit AGS separated by commas (e.g. 14713000) or '*' "
                  "for every municipality.",
            "de": f"--scope {text!r}: geben Sie achtstellige AGS durch Kommas getrennt an (z. B. "
                  "14713000) oder '*' für alle Gemeinden."})
    return sorted(set(parts))


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class TokenBook:
    """The tokens file, read on every check so that a revocation counts at once, also for a
    running server."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def entries(self) -> list[TokenEntry]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as exc:
            raise BadRequest(f"The tokens file {self.path} cannot be read ({exc}); restore it or "
                             "give another with --tokens-file.") from None
        return [TokenEntry(**e) for e in data.get("tokens", [])]

    def _write(self, entries: list[TokenEntry]) -> None:
        # Readable by its owner only, like the server record: the hashes are no secret, but
        # the scopes and names are nobody else's business either.
        write_private(self.path, json.dumps({"tokens": [asdict(e) for e in entries]},
                                            indent=1).encode("utf-8"))

    def add(self, name: str, scope: list[str]) -> str:
        """A new token for `name`; returns the secret, which is kept nowhere."""
        if not NAME.fullmatch(name):
            raise BadRequest(messages={
                "en": f"Token name {name!r}: use letters, digits, '.', '_' or '-' (at most 64).",
                "de": f"Tokenname {name!r}: verwenden Sie Buchstaben, Ziffern, '.', '_' oder '-' "
                      "(höchstens 64)."})
        entries = self.entries()
        if any(e.name == name and e.revoked is None for e in entries):
            raise Conflict(messages={
                "en": f"A token named {name!r} exists; revoke it first (kg token revoke {name}) "
                      "or choose another name.",
                "de": f"Ein Token namens {name!r} existiert; widerrufen Sie es zuerst (kg token "
                      f"revoke {name}) oder wählen Sie einen anderen Namen."})
        secret = secrets.token_urlsafe(32)
        entries.append(TokenEntry(name, _digest(secret), scope, _now()))
        self._write(entries)
        return secret

    def revoke(self, name: str) -> None:
        entries = self.entries()
        live = [e for e in entries if e.name == name and e.revoked is None]
        if not live:
            raise NotFound(messages={"en": f"No valid token named {name!r}; see kg token list.",
                                     "de": f"Kein gültiges Token namens {name!r}; siehe kg token "
                                           "list."})
        for entry in live:
            entry.revoked = _now()
        self._write(entries)

    def authenticate(self, secret: str) -> Principal | None:
        """The principal of a valid token, or None (unknown or revoked)."""
        given = _digest(secret).encode()
        found: TokenEntry | None = None
        for entry in self.entries():
            # No early exit: every entry is compared, whatever matched.
            if hmac.compare_digest(given, entry.sha256.encode()) and entry.revoked is None:
                found = entry
        if found is None:
            return None
        return Principal(found.name, frozenset(found.scope))
