"""Validation over the web: the page /validate (upload or paste), POST /api/validate, and the CSV
templates for download. Parsing and judging happen in kg.validation; this only reads requests."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, Response, render_template, request
from werkzeug.datastructures import FileStorage

from kg.csv_templates import TEMPLATES, template_by_name
from kg.errors import BadRequest, KGError, NotAcceptable
from kg.validation import Report, Validator, load_bundle
from kg.validation.inputs import detect_format, known_formats, read_input
from kg.validation.render import FORMATS, render, summary
from kg.validation.terms import compact
from kg.web.conneg import negotiate
from kg.web.context import get_settings, get_store, request_language

bp = Blueprint("validate", __name__)


@dataclass
class Upload:
    data: bytes
    source: str  # a name for messages: the file name, or "request body" / "pasted text"
    fmt: str


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
            context["report"] = validate_upload(_form_upload(), lang)
        except KGError as exc:
            context["error"], status = exc.text(lang), exc.status
    return render_template("validate.html", **context), status


@bp.post("/api/validate")
def api():
    """200 with the report whether or not the data conform; 400/413/415 for unusable input."""
    lang = request_language()
    form = request.mimetype == "multipart/form-data" or (
        request.mimetype == "application/x-www-form-urlencoded" and "text" in request.form)
    upload = _form_upload() if form else _body_upload()
    report = validate_upload(upload, lang)
    fmt = _report_format()
    return Response(render(report, fmt), content_type=FORMATS[fmt])


@bp.get("/validate/templates/<name>.csv")
def template_csv(name: str):
    return Response(template_by_name(name).csv_text(), content_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


@bp.get("/validate/templates/<name>.csv-metadata.json")
def template_metadata(name: str):
    return Response(template_by_name(name).metadata_text(), content_type="application/csvm+json")


def validate_upload(upload: Upload, lang: str) -> Report:
    settings = get_settings()
    submission = read_input(upload.data, upload.fmt, source=upload.source,
                            max_bytes=settings.max_upload_bytes,
                            template=request.values.get("template") or None)
    validator = Validator(load_bundle(settings.root_path), get_store())
    return validator.validate(submission, lang)


def _form_upload() -> Upload:
    explicit = request.values.get("format") or None
    file: FileStorage | None = request.files.get("file")
    if file is not None and file.filename:
        fmt = detect_format(explicit=explicit, content_type=file.mimetype, filename=file.filename)
        return Upload(file.read(), file.filename, fmt)
    text = request.form.get("text") or ""
    if not text.strip():
        raise BadRequest(messages={"en": "Nothing to validate: choose a file or paste text.",
                                   "de": "Nichts zu prüfen: wählen Sie eine Datei oder fügen Sie "
                                         "Text ein."})
    # Pasted text has no name to tell its format by; Turtle is what stewards write by hand.
    return Upload(text.encode("utf-8"), "pasted text", explicit and detect_format(explicit=explicit)
                  or "turtle")


def _body_upload() -> Upload:
    data = request.get_data(cache=False)
    if not data:
        raise BadRequest(messages={
            "en": "The request has no body: send the data as the body (with its Content-Type) "
                  "or as a multipart upload in the field 'file'.",
            "de": "Die Anfrage hat keinen Körper: senden Sie die Daten als Körper (mit ihrem "
                  "Content-Type) oder als Multipart-Upload im Feld 'file'."})
    name = request.values.get("filename") or "request body"
    fmt = detect_format(explicit=request.args.get("format"), content_type=request.content_type,
                        filename=request.values.get("filename"))
    return Upload(data, name, fmt)


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
