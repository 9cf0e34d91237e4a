"""Our deadline as a request parameter for the servers that stop a query on their side when
asked (setting store_timeout_param). Servers spell it differently, so the setting is a template:
`NAME` or `NAME={seconds}` (whole seconds: Fuseki, GraphDB), `NAME={ms}` (milliseconds:
Virtuoso), or any text around one placeholder, e.g. `timeout={seconds}s` (QLever's durations).

Values are rounded up: the server stops at or just after our own deadline, never before it, so
that a user meets our 503 with its message rather than whatever the server says."""

from __future__ import annotations

import math
import re
import urllib.parse

from kg.errors import BadRequest

_NAME = re.compile(r"[A-Za-z0-9_.~-]+")
_PLACEHOLDERS = ("{seconds}", "{ms}")


def check(template: str) -> None:
    """BadRequest saying what is wrong with a store_timeout_param value ("" = none: fine)."""
    if not template:
        return
    name, _, value = template.partition("=")
    if not _NAME.fullmatch(name):
        raise BadRequest(f"must start with a parameter name (letters, digits, - _ . ~), e.g. "
                         f"timeout or timeout={{ms}}; got {template!r}.")
    if value and sum(value.count(p) for p in _PLACEHOLDERS) != 1:
        raise BadRequest(f"must hold exactly one of {{seconds}} or {{ms}} after '=', e.g. "
                         f"timeout={{seconds}}; got {template!r}.")


def parameter(template: str, seconds: float) -> tuple[str, str]:
    """(name, value) of the parameter saying `seconds`, as the template spells it."""
    name, _, value = template.partition("=")
    value = value or "{seconds}"
    return name, (value.replace("{seconds}", str(max(1, math.ceil(seconds))))
                  .replace("{ms}", str(max(1, math.ceil(seconds * 1000)))))


def with_parameter(url: str, template: str, seconds: float | None) -> str:
    """`url` with the deadline parameter added to its query string; unchanged without a
    template or a deadline. In the URL rather than the form body: servers read parameters of
    a POSTed query from both, and the URL keeps the query's own fields as they were."""
    if not template or seconds is None:
        return url
    parts = urllib.parse.urlsplit(url)
    added = urllib.parse.urlencode([parameter(template, seconds)])
    return urllib.parse.urlunsplit(parts._replace(
        query=f"{parts.query}&{added}" if parts.query else added))
