"""Validation over the web: the page /validate (upload or paste), POST /api/validate, and the CSV
templates for download. Parsing and judging happen in kg.validation; this only reads requests."""

from __future__ import annotations

from flask import Blueprint, Response, render_template, request

from kg.csv_templates import TEMPLATES, template_by_name
from kg.errors import BadRequest, KGError, NotAcceptable
from kg.validation import Report
from kg.validation.inputs import detect_format, known_formats
from kg.validation.package import PackageFile, files_from_zip, validate_package
from kg.validation.render import FORMATS, render, summary
from kg.validation.running import refuse_early
from kg.validation.terms import compact
from kg.web import errors
from kg.web.conneg import negotiate
from kg.web.context import get_query_runner, get_settings, get_store, request_language

bp = Blueprint("validate", __name__)


@bp.route("/validate", methods=["GET", "POST"])
def page():
    lang = request_language()
    context = {"lang": lang, "formats": known_formats(), "templates": _templates(),
               "report": None, "error": None, "text": None,
               "chosen_format": request.values.get("format") or "",
               "summary": summary, "compact": compact}
    status = 200
    if request.method == "POST":
        context["text"] = request.form.get("text")
        try:
            refuse_early(get_query_runner())
            context["report"] = validate_upload(_form_files(), lang)
        except KGError as exc:
            context["error"], status = exc.text(lang), exc.status
            errors.remember(exc)
    return render_template("validate.html", **context), status


@bp.post("/api/validate")
def api():
    """200 with the report whether or not the data conform; 400/413/415 for unusable input.

    A package: several files in the multipart field 'file', or a zip (uploaded, or as the body),
    validated together; the report names each record's file and line (or CSV row)."""
    lang = request_language()
    refuse_early(get_query_runner())
    form = request.mimetype == "multipart/form-data" or (
        request.mimetype == "application/x-www-form-urlencoded" and "text" in request.form)
    files = _form_files() if form else _body_files()
    report = validate_upload(files, lang)
    fmt = _report_format()
    return Response(render(report, fmt), content_type=FORMATS[fmt])


@bp.get("/validate/templates/<name>.csv")
def template_csv(name: str):
    return Response(template_by_name(name).csv_text(), content_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


@bp.get("/validate/templates/<name>.csv-metadata.json")
def template_metadata(name: str):
    return Response(template_by_name(name).metadata_text(), content_type="application/csvm+json")


def validate_upload(files: list[PackageFile], lang: str) -> Report:
    """The package parsed and judged in a query worker (stoppable at the deadline) in the
    context of the published graph; only the report comes back."""
    return validate_package(files, lang, store=get_store(), settings=get_settings(),
                            runner=get_query_runner(), keep_triples=False).report


def _form_files() -> list[PackageFile]:
    explicit = request.values.get("format") or None
    template = request.values.get("template") or None
    files: list[PackageFile] = []
    for file in request.files.getlist("file"):
        if not file.filename:
            continue  # a file field left empty
        data = file.read()
        if _is_zip(file.mimetype, file.filename):
            files.extend(_unzip(data, file.filename))
            continue
        fmt = detect_format(explicit=explicit, content_type=file.mimetype, filename=file.filename)
        files.append(PackageFile(file.filename, data, fmt, template))
    text = request.form.get("text") or ""
    if text.strip():
        # Pasted text has no name to tell its format by; Turtle is what stewards write by hand.
        fmt = explicit and detect_format(explicit=explicit) or "turtle"
        files.append(PackageFile("pasted text", text.encode("utf-8"), fmt, template))
    if not files:
        raise BadRequest(messages={"en": "Nothing to validate: choose a file or paste text.",
                                   "de": "Nichts zu prüfen: wählen Sie eine Datei oder fügen Sie "
                                         "Text ein."})
    return files


def _body_files() -> list[PackageFile]:
    data = request.get_data(cache=False)
    if not data:
        raise BadRequest(messages={
            "en": "The request has no body: send the data as the body (with its Content-Type) "
                  "or as a multipart upload in the field 'file'.",
            "de": "Die Anfrage hat keinen Körper: senden Sie die Daten als Körper (mit ihrem "
                  "Content-Type) oder als Multipart-Upload im Feld 'file'."})
    filename = request.values.get("filename")
    name = filename or "request body"
    if _is_zip(request.mimetype, filename):
        return _unzip(data, name)
    fmt = detect_format(explicit=request.args.get("format"), content_type=request.content_type,
                        filename=filename)
    return [PackageFile(name, data, fmt, request.values.get("template") or None)]


_ZIP_TYPES = ("application/zip", "application/x-zip-compressed")


def _is_zip(mimetype: str | None, filename: str | None) -> bool:
    return (mimetype or "").lower() in _ZIP_TYPES or (filename or "").lower().endswith(".zip")


def _unzip(data: bytes, name: str) -> list[PackageFile]:
    return files_from_zip(data, max_bytes=get_settings().max_upload_bytes, source=name)


def _report_format() -> str:
    chosen = request.args.get("report")
    if chosen:
        if chosen not in FORMATS:
            known = ", ".join(FORMATS)
            raise BadRequest(messages={
                "en": f"report={chosen!r} is not known; use one of {known}.",
                "de": f"report={chosen!r} ist unbekannt; verwenden Sie eines von {known}."})
        return chosen
    by_media_type = {"application/json": "json", "text/turtle": "turtle", "text/plain": "text",
                     "text/html": "html"}
    try:
        return by_media_type[negotiate(request.headers.get("Accept"), list(by_media_type))]
    except NotAcceptable:
        return "json"  # the report is the answer either way; JSON when nothing listed fits


def _templates() -> list:
    return list(TEMPLATES)
