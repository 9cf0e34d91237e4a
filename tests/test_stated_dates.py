"""Dates at the precision the sources state them (kg.stated_dates), in both languages."""

import pytest

from kg.stated_dates import IKG, TIME, StatedDate, instant, interval


@pytest.mark.parametrize("props, lang, text", [
    ({TIME + "inXSDDate": [("2020-11-01", "")], TIME + "inXSDgYear": [("2020", "")]}, "en", "2020-11-01"),
    ({TIME + "inXSDgYearMonth": [("2019-12", "")], IKG + "earliest": [("2019-12-01", "")]}, "de", "2019-12"),
    ({TIME + "inXSDgYear": [("2021", "")]}, "en", "2021"),
    ({IKG + "earliest": [("1990-01-01", "")], IKG + "latest": [("2026-11-25", "")]}, "de",
     "zwischen 1990-01-01 und 2026-11-25"),
    ({IKG + "earliest": [("1990-01-01", "")], IKG + "latest": [("2026-11-25", "")]}, "en",
     "between 1990-01-01 and 2026-11-25"),
    ({IKG + "latest": [("2024-12-31", "")]}, "en", "until 2024-12-31"),
    ({IKG + "earliest": [("2025-01-01", "")]}, "de", "ab 2025-01-01"),
    ({IKG + "earliest": [("2019-09-01", "")], IKG + "latest": [("2019-09-01", "")]}, "en", "2019-09-01"),
])
def test_an_instant_shows_what_the_source_states(props, lang, text):
    assert instant(props, lang).text == text


def test_the_note_keeps_its_language():
    stated = instant({IKG + "dateNote": [("bis Ende 2024", "de")], TIME + "inXSDgYear": [("2024", "")]}, "en")
    assert stated == StatedDate("2024", "bis Ende 2024", "de")


def test_an_interval_without_end_is_open():
    begin = StatedDate("2021", None, None)
    assert interval(begin, StatedDate("2026", None, None), "en").text == "2021 – 2026"
    assert interval(begin, None, "de").text == "2021 – offen"
