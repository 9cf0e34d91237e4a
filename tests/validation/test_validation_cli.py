"""`kg validate`: exit codes 0 / 1 / 2, formats, languages, and revalidating the published data."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from kg.cli import main
from support import ROOT

EXAMPLES = Path(__file__).parent / "examples"


def run(runner, *args: str):
    if any(arg.startswith("http") for arg in args):  # a remote store's own files: a temp folder
        args = ("--state-dir", tempfile.mkdtemp(prefix="kg-validate-state-"), *args)
    return runner.invoke(main, ["validate", "--root", str(ROOT), *args])


def test_violations_exit_1_with_a_text_report(runner, tmp_path):
    result = run(runner, "--store", str(tmp_path / "none"), str(EXAMPLES / "musterstadt.ttl"))
    assert result.exit_code == 1
    assert "Musterstadt (municipality)" in result.output
    assert "[Violation] official municipality key (AGS) = 1234" in result.output


def test_conforming_input_exits_0(runner, loaded_store_path):
    result = run(runner, "--store", str(loaded_store_path), "--format", "json",
                 str(EXAMPLES / "membership-before-founding.ttl"))
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["conforms"] is True and body["counts"] == {"Violation": 0, "Warning": 1, "Info": 0}


def test_syntax_error_exits_2_with_line_and_column(runner, tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix ex: <http://example.org/fictional/> .\nex:a ex:b .\n")
    result = run(runner, "--no-context", str(broken))
    assert result.exit_code == 2
    assert f"{broken}, line 2, column 11" in result.output


def test_unknown_format_exits_2(runner, tmp_path):
    odd = tmp_path / "data.docx"
    odd.write_bytes(b"x")
    result = run(runner, "--no-context", str(odd))
    assert result.exit_code == 2 and "cannot tell the RDF format" in result.output


def test_german_turtle_report(runner):
    result = run(runner, "--no-context", "--lang", "de", "--format", "turtle",
                 str(EXAMPLES / "musterstadt.ttl"))
    assert result.exit_code == 1
    assert "\"Lücke: der amtliche Name fehlt." in result.output
    assert "sh:conforms false" in result.output


def test_html_report_is_a_page(runner):
    result = run(runner, "--no-context", "--format", "html", str(EXAMPLES / "musterstadt.ttl"))
    assert result.exit_code == 1
    assert result.output.startswith("<!doctype html>") and 'data-conforms="false"' in result.output


def test_revalidating_the_store_names_file_and_line(runner, loaded_store_path):
    result = run(runner, "--store", str(loaded_store_path), "--format", "json")
    # The shipped data conform (tests/data/test_shapes_conformance.py), with warnings and gaps.
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["source"].startswith("published data (") and body["counts"]["Violation"] == 0
    assert body["records"], "the shipped data have warnings and gaps to report"
    shipped = {p.relative_to(ROOT).as_posix() for p in (ROOT / "data").glob("*.ttl")}
    assert {r["source"] for r in body["records"]} <= shipped
    for record in body["records"]:
        if record["node"].startswith("https://w3id.org/"):
            assert record["line"], record


def test_unusable_input_is_told_in_the_report_language(runner, tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix ex: <http://example.org/fictional/> .\nex:a ex:b .\n")
    result = run(runner, "--no-context", "--lang", "de", str(broken))
    assert result.exit_code == 2
    assert f"Error: {broken}, Zeile 2, Spalte 11: die Eingabe lässt sich so nicht lesen" in result.output
    missing = run(runner, "--no-context", "--lang", "de", str(tmp_path / "gone.ttl"))
    assert (missing.exit_code, missing.output) == (2, f"Error: {tmp_path / 'gone.ttl'}: keine solche Datei.\n")


def test_nothing_to_validate_is_said_not_a_traceback(runner):
    result = run(runner, "--no-context")
    assert result.exit_code == 2
    assert result.output == ("Error: Nothing to validate: give FILEs, or leave out --no-context "
                             "to revalidate what the store publishes.\n")
