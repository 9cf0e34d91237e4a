"""The ids of submissions (the day and a random part) and of operations (the moment, to the
microsecond, and a random part)."""

from __future__ import annotations

import datetime as dt
import secrets


def new_id() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d") + "-" + secrets.token_hex(4)


def id_ok(submission_id: str) -> bool:
    return (len(submission_id) == 17 and submission_id[8] == "-"
            and submission_id[:8].isdigit() and all(c in "0123456789abcdef" for c in submission_id[9:]))


def new_opid() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%f") + "-" + secrets.token_hex(3)
