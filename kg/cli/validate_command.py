"""`kg validate`: files, or what the store publishes, checked against the shapes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg.cli.failures import EXIT_CONFORMS, EXIT_VIOLATIONS, fail, os_error_line
from kg.cli.settings_flags import settings_options
from kg.cli.store_or_server import ask_server, open_store_or_server
from kg.errors import BadRequest, KGError, StoreBusy
from kg.i18n import LANGUAGES
from kg.validation import Validator, load_bundle
from kg.validation.engine import DEFAULT_ENGINE, ENGINES
from kg.validation.files import validate_files
from kg.validation.inputs import known_formats
from kg.validation.model import Report
from kg.validation.published import revalidate
from kg.validation.render import render_reports

_REVALIDATION = {"en": "the revalidation", "de": "die erneute Prüfung"}


@click.command("validate")
@settings_options
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--lang", type=click.Choice(LANGUAGES), default="en", show_default=True,
              help="Language of the report (and of the error, for unusable input).")
@click.option("--format", "output", type=click.Choice(["text", "json", "turtle", "html"]),
              default="text", show_default=True, help="How to print the report.")
@click.option("--input-format", type=click.Choice(known_formats()),
              help="The files' format, when their endings do not tell it.")
@click.option("--template", help="The CSV template of CSV files (default: told by the header).")
@click.option("--no-context", is_flag=True,
              help="Do not look up what the files reference in the store.")
@click.option("--engine", type=click.Choice(ENGINES), default=DEFAULT_ENGINE, show_default=True,
              help="The SHACL engine; the default is the one the server uses.")
def validate(settings, files, lang, output, input_format, template, no_context, engine) -> None:
    """Check FILEs against the shapes, in the context of the store (exit 0 conforms,
    1 violations, 2 unusable input). Without FILE: revalidate the data the store publishes."""
    try:
        reports = _validate(settings, files, lang, input_format, template, no_context, engine)
    except KGError as exc:
        fail(exc.text(lang))
    except OSError as exc:
        fail(os_error_line(exc))
    click.echo(render_reports(reports, output), nl=False)
    sys.exit(EXIT_CONFORMS if all(r.conforms for r in reports) else EXIT_VIOLATIONS)


def _validate(settings, files, lang, input_format, template, no_context, engine) -> list[Report]:
    if not files and no_context:
        raise BadRequest(messages={
            "en": "Nothing to validate: give FILEs, or leave out --no-context to revalidate what "
                  "the store publishes.",
            "de": "Nichts zu prüfen: geben Sie Dateien an, oder lassen Sie --no-context weg, um "
                  "den veröffentlichten Bestand des Speichers erneut zu prüfen."})
    store, server = (None, None) if no_context else _validation_store(settings, files)
    if server is not None:
        # The server holds the store: it revalidates what it publishes, and sends the report.
        answer = ask_server(server, "/api/admin/revalidate", params={"lang": lang, "engine": engine},
                            what=_REVALIDATION)
        return [Report.from_dict(json.loads(answer))]
    try:
        validator = Validator(load_bundle(settings.root_path), store, engine=engine)
        if files:
            return validate_files(validator, files, lang, max_bytes=settings.max_upload_bytes,
                                  input_format=input_format, template=template)
        return [revalidate(store, validator, settings.root_path, lang)]
    finally:
        if store is not None:
            store.close()


def _validation_store(settings, files) -> tuple:
    """(the store to look references up in, or without FILEs to revalidate, if there is one;
    None), or (None, the record of the server that holds it) for a revalidation."""
    if not settings.store_is_remote and not Path(settings.store).exists():
        if not files:
            raise BadRequest(messages={
                "en": f"No store at {settings.store}; give --store PATH, or FILEs to validate.",
                "de": f"Kein Speicher unter {settings.store}; geben Sie --store PFAD oder zu "
                      "prüfende Dateien an."})
        click.echo(f"Note: no store at {settings.store}; references are not looked up.", err=True)
        return None, None
    try:
        store, server = open_store_or_server(settings)
    except StoreBusy as exc:
        raise StoreBusy(messages={
            lang: exc.text(lang) + hint for lang, hint in (
                ("en", " Or validate through the server: POST /api/validate."),
                ("de", " Oder prüfen Sie über den Server: POST /api/validate."))}) from None
    if server is not None and files:
        raise StoreBusy(messages={
            "en": f"The store {settings.store} is held by the server at {server.url}, so the "
                  f"files cannot be checked in its context here: send them to "
                  f"{server.url}api/validate (POST), or give --no-context.",
            "de": f"Der Speicher {settings.store} wird vom Server unter {server.url} gehalten, "
                  f"daher lassen sich die Dateien hier nicht in seinem Kontext prüfen: senden "
                  f"Sie sie an {server.url}api/validate (POST), oder geben Sie --no-context an."})
    return store, server
