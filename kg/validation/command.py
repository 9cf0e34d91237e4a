"""`kg validate FILE…`: exit 0 when the data conform, 1 on violations, 2 for unusable input.

Without FILE it revalidates what the store publishes (`kg validate --store PATH`), for when the
shapes have changed, and reports the records that no longer conform.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import click

from kg.errors import BadRequest, NotFound, StoreBusy
from kg.i18n import LANGUAGES
from kg.validation.bundle import load_bundle
from kg.validation.engine import ENGINES, Validator
from kg.validation.inputs import detect_format, known_formats, read_input
from kg.validation.model import Report
from kg.validation.render import reports_html, to_graph, to_json, to_text

EXIT_CONFORMS, EXIT_VIOLATIONS = 0, 1


def make_command(settings_options: Callable, handle_errors: Callable) -> click.Command:
    """The command, built with kg.cli's helpers (passed in, so that importing this module never
    imports kg.cli, which imports this module to register the command). Unusable input is
    raised as a KGError, which `handle_errors` reports with exit code 2."""
    @click.command("validate")
    @settings_options
    @click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
    @click.option("--lang", type=click.Choice(LANGUAGES), default="en", show_default=True,
                  help="Language of the report.")
    @click.option("--format", "output", type=click.Choice(["text", "json", "turtle", "html"]),
                  default="text", show_default=True, help="How to print the report.")
    @click.option("--input-format", type=click.Choice(known_formats()),
                  help="The files' format, when their endings do not tell it.")
    @click.option("--template", help="The CSV template of CSV files (default: told by the header).")
    @click.option("--no-context", is_flag=True,
                  help="Do not look up what the files reference in the store.")
    @click.option("--engine", type=click.Choice(ENGINES), default="pyshacl", show_default=True,
                  help="The SHACL engine (pyshacl-turbo must be installed separately).")
    @handle_errors
    def validate(settings, files, lang, output, input_format, template, no_context, engine) -> None:
        """Check FILEs against the shapes, in the context of the store (exit 0 conforms,
        1 violations, 2 unusable input). Without FILE: revalidate the data the store publishes."""
        run(settings, files, lang, output, input_format, template, no_context, engine)

    return validate


def run(settings, files, lang, output, input_format, template, no_context, engine) -> None:
    validator = Validator(load_bundle(settings.root_path), engine=engine)
    store = None if no_context else _open_store(settings, required=not files)
    try:
        validator.store = store
        reports = _validate_files(validator, files, settings, lang, input_format, template) \
            if files else [_revalidate(store, validator, settings, lang)]
    finally:
        if store is not None:
            store.close()
    click.echo(_render(reports, output), nl=False)
    sys.exit(EXIT_CONFORMS if all(r.conforms for r in reports) else EXIT_VIOLATIONS)


def _open_store(settings, required: bool):
    from kg.store import open_store

    if not settings.store_is_remote and not Path(settings.store).exists():
        if required:
            raise BadRequest(f"No store at {settings.store}; give --store PATH, or FILEs to validate.")
        click.echo(f"Note: no store at {settings.store}; references are not looked up.", err=True)
        return None
    try:
        return open_store(settings)
    except StoreBusy as exc:
        raise StoreBusy(exc.message + " Or validate through the server: POST /api/validate.") from None


def _validate_files(validator, files, settings, lang, input_format, template) -> list[Report]:
    reports = []
    for name in files:
        path = Path(name)
        if not path.is_file():
            raise NotFound(f"{name}: no such file.")
        fmt = detect_format(explicit=input_format, filename=name)
        submission = read_input(path.read_bytes(), fmt, source=name,
                                max_bytes=settings.max_upload_bytes, template=template)
        reports.append(validator.validate(submission, lang))
    return reports


def _revalidate(store, validator, settings, lang) -> Report:
    from kg.validation.published import revalidate

    return revalidate(store, validator, settings.root_path, lang)


def _render(reports: list[Report], output: str) -> str:
    if output == "json":
        body = [json.loads(to_json(r)) for r in reports]
        return json.dumps(body[0] if len(body) == 1 else body, ensure_ascii=False, indent=2) + "\n"
    if output == "turtle":
        graph = to_graph(reports[0])
        for report in reports[1:]:
            graph += to_graph(report)
        return graph.serialize(format="turtle")
    if output == "html":
        return reports_html(reports)
    return "\n".join(to_text(r) for r in reports)

