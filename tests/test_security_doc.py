"""SECURITY.md states each limit's default; every one must be what the code it names has."""

from __future__ import annotations

import importlib
import re

from kg.config import Settings
from support import ROOT

ROW = re.compile(r"^\| (?P<limit>[^|]+) \| (?P<default>[0-9.]+)[^|]* \| (?P<where>[^|]+) \|", re.M)


def stated() -> list[tuple[str, float, str]]:
    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    return [(m["limit"], float(m["default"]), m["where"].strip()) for m in ROW.finditer(text)]


def actual(where: str) -> float:
    setting = re.fullmatch(r"setting `(\w+)`", where)
    if setting:
        return getattr(Settings(), setting[1])
    constant = re.fullmatch(r"`([\w.]+)\.([A-Z_]+)`", where)
    assert constant, f"SECURITY.md names neither a setting nor a constant: {where}"
    return getattr(importlib.import_module(constant[1]), constant[2])


def test_every_stated_default_is_the_codes():
    rows = stated()
    assert len(rows) >= 10
    for limit, default, where in rows:
        assert actual(where) == default, f"SECURITY.md: {limit}"


def test_every_size_and_time_setting_is_listed():
    listed = {where for _, _, where in stated()}
    for name in ("max_upload_bytes", "max_query_bytes", "query_timeout", "result_row_cap",
                 "query_workers", "threads"):
        assert f"setting `{name}`" in listed
