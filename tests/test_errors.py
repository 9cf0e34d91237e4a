"""The error family: texts in German and English, the position of a parse error in each, the
413's limit, and errors carried back from a query worker keep all of that."""

from __future__ import annotations

import pytest

from kg.errors import BadRequest, KGError, ParseError, PayloadTooLarge, QueryCrashed
from kg.i18n import megabytes, number
from kg.querying.pool import _unpack
from kg.querying.worker import Reply


def test_an_error_carries_both_languages_and_answers_in_the_one_asked_for():
    error = BadRequest(messages={"en": "Send a query.", "de": "Senden Sie eine Abfrage."})
    assert (error.message, str(error)) == ("Send a query.", "Send a query.")
    assert (error.text("de"), error.text("en"), error.text("fr")) == (
        "Senden Sie eine Abfrage.", "Send a query.", "Send a query.")
    assert error.to_dict("de") == {"error": "bad-request", "message": "Senden Sie eine Abfrage.",
                                   "lang": "de", "messages": error.messages}


def test_an_english_only_error_says_so_in_its_json():
    assert KGError("Broken.").to_dict("de") == {
        "error": "internal-error", "message": "Broken.", "lang": "en", "messages": {"en": "Broken."}}
    with pytest.raises(TypeError):
        KGError(messages={"de": "Nur Deutsch."})


def test_a_parse_error_puts_the_position_in_front_in_each_language():
    error = ParseError(messages={"en": "expected a date", "de": "ein Datum erwartet"},
                       source="plan.csv", line=3, column=2)
    assert error.messages == {"en": "plan.csv, line 3, column 2: expected a date",
                              "de": "plan.csv, Zeile 3, Spalte 2: ein Datum erwartet"}
    assert (error.source, error.line, error.column) == ("plan.csv", 3, 2)


def test_a_parser_message_in_english_gets_a_german_sentence_around_it():
    error = ParseError("expected '.'", source="x.ttl", line=1)
    assert error.text("en") == "x.ttl, line 1: expected '.'"
    assert error.text("de") == ("x.ttl, Zeile 1: die Eingabe lässt sich so nicht lesen; der "
                                "Parser meldet (auf Englisch): expected '.'")


def test_a_413_states_the_limit_in_bytes_and_megabytes_in_both_languages():
    error = PayloadTooLarge.over_limit({"en": "The upload", "de": "Der Upload"}, 20_000_000,
                                       size=20_000_001, setting="max_upload_bytes")
    assert error.status == 413
    assert error.text("en") == (
        "The upload has 20,000,001 bytes; this server accepts at most 20,000,000 bytes (20 MB) "
        "(setting max_upload_bytes). Split it into smaller parts and send them one by one.")
    assert error.text("de") == (
        "Der Upload hat 20.000.001 Bytes; dieser Server nimmt höchstens 20.000.000 Bytes (20 MB) "
        "an (Einstellung max_upload_bytes). Teilen Sie sie in kleinere Teile und senden Sie "
        "diese einzeln.")
    assert error.detail == {"limit_bytes": 20_000_000, "size_bytes": 20_000_001}
    unsized = PayloadTooLarge.over_limit({"en": "The request", "de": "Die Anfrage"}, 150_000)
    assert unsized.text("de").startswith("Die Anfrage ist größer, als dieser Server annimmt: "
                                         "höchstens 150.000 Bytes (0,15 MB). ")


@pytest.mark.parametrize("value, en, de", [
    (20_000_000, "20,000,000", "20.000.000"), (megabytes(100_000), "0.1", "0,1"),
    (1234.5, "1,234.5", "1.234,5"), (0, "0", "0")])
def test_numbers_as_each_language_writes_them(value, en, de):
    assert (number(value, "en"), number(value, "de")) == (en, de)


def test_an_error_from_a_query_worker_comes_back_whole():
    sent = ParseError(messages={"en": "bad", "de": "schlecht"}, source="query", line=2, column=7)
    reply = Reply(error=type(sent).__name__, messages=sent.messages, detail=sent.detail)
    with pytest.raises(ParseError) as caught:
        _unpack(reply)
    assert caught.value.messages == sent.messages
    assert (caught.value.line, caught.value.column, caught.value.status) == (2, 7, 400)
    with pytest.raises(QueryCrashed):
        _unpack(Reply(error="QueryCrashed", messages={"en": "crashed"}))
    with pytest.raises(KGError) as unknown:  # a name that is no KGError is not trusted
        _unpack(Reply(error="SystemExit", messages={"en": "x"}))
    assert type(unknown.value) is KGError
