"""Submissions over HTTP: /api/submissions (POST, GET, PUT, DELETE), the erasure of the
operators' API, and the stewards' page /submit. HTTP only: kg.submissions does the work.

The token is checked before the body is read: a request without a valid one changes nothing and
costs nothing. The server's admin token acts as the operator (every municipality).
"""

from __future__ import annotations

import hmac

from flask import Blueprint, Flask, Response, current_app, jsonify, render_template, request

from kg.errors import BadRequest, KGError, Unauthorized
from kg.submissions import OPERATOR, Outcome, Principal, Submissions
from kg.validation.package import PackageFile, files_from_zip
from kg.validation.inputs import GENERIC_MEDIA_TYPES
from kg.validation.render import summary
from kg.validation.running import refuse_early
from kg.validation.terms import compact
from kg.web import errors
from kg.web.admin import require_token
from kg.web.context import (QUERY_RUNNER_KEY, SETTINGS_KEY, STORE_KEY, get_settings,
                            request_language)
from kg.web.sparql import public_url

bp = Blueprint("submissions", __name__)

SUBMISSIONS_KEY = "kg.submissions"
ZIP_TYPES = ("application/zip", "application/x-zip-compressed")


@bp.record_once
def _set_up(state) -> None:
    """One Submissions per app, and reconciliation of what a crash left before any request."""
    app: Flask = state.app
    store, settings = app.extensions[STORE_KEY], app.extensions[SETTINGS_KEY]
    runner = app.extensions.get(QUERY_RUNNER_KEY)
    # A runner that validates (the worker pool; on a remote store the RemoteRunner) judges each
    # package under the deadline and the client's budget, as /api/validate does.
    service = Submissions(store, settings, runner=runner if hasattr(runner, "validate") else None)
    if getattr(store, "path", None) is not None:
        for done in service.reconcile():
            app.logger.warning("Submissions after a crash: %s", done)
    service.after_erase.append(lambda: _let_go(app))
    app.extensions[SUBMISSIONS_KEY] = service


def _let_go(app: Flask) -> None:
    """After an erasure: the search index is built again now, and each query worker moves to
    the newest checkpoint, so the older ones (which held the data) are deleted."""
    search = app.extensions.get("kg.search")
    if search is not None:
        search.current(timeout=app.extensions[SETTINGS_KEY].query_timeout)
    runner = app.extensions.get(QUERY_RUNNER_KEY)
    for _ in range(getattr(runner, "size", 0)):
        runner.run("ASK {}", timeout=None)


def service() -> Submissions:
    return current_app.extensions[SUBMISSIONS_KEY]


def principal() -> Principal:
    header = request.headers.get("Authorization", "")
    secret = header[len("Bearer "):].strip() if header.startswith("Bearer ") else None
    admin = get_settings().admin_token
    if secret and admin and hmac.compare_digest(secret.encode(), admin.encode()):
        return OPERATOR
    return service().authenticate(secret)


@bp.errorhandler(Unauthorized)
def unauthorized(exc: Unauthorized) -> Response:
    response = errors.respond(exc)
    response.headers["WWW-Authenticate"] = 'Bearer realm="submissions"'
    return response


# -- the API -------------------------------------------------------------------------------

@bp.post("/api/submissions")
def create() -> Response:
    who = principal()
    refuse_early(service().runner)
    outcome = service().submit(package_files(), who, request_language())
    return _outcome(outcome, 201)


@bp.get("/api/submissions")
def list_submissions() -> Response:
    who = principal()
    return jsonify({"submissions": [r.summary(public_url("")) for r in service().list(who)]})


@bp.get("/api/submissions/<submission_id>")
def show(submission_id: str) -> Response:
    who = principal()
    return jsonify(service().get(submission_id, who).summary(public_url("")))


@bp.put("/api/submissions/<submission_id>")
def replace(submission_id: str) -> Response:
    who = principal()
    refuse_early(service().runner)
    outcome = service().replace(submission_id, package_files(), who, request_language())
    return _outcome(outcome, 200)


@bp.delete("/api/submissions/<submission_id>")
def withdraw(submission_id: str) -> Response:
    who = principal()
    return jsonify(service().withdraw(submission_id, who).summary(public_url("")))


@bp.get("/api/submissions/<submission_id>/versions/<int:version>/report")
def report(submission_id: str, version: int) -> Response:
    who = principal()
    return jsonify(service().report(submission_id, version, who))


@bp.post("/api/admin/submissions/<submission_id>/erase")
def erase(submission_id: str) -> Response:
    """Body: {"reason": "…"}. The operators' command `kg erase` while a server runs."""
    require_token()
    try:
        body = request.get_json(silent=True)
    except RecursionError:  # `silent` covers syntax errors only; deep nesting exhausts the stack
        body = None
    reason = body.get("reason") if isinstance(body, dict) else None
    if not isinstance(reason, str):
        raise BadRequest(messages={
            "en": 'Send JSON {"reason": "why the submission is erased"} as the body.',
            "de": 'Senden Sie JSON {"reason": "warum die Einreichung gelöscht wird"} als Körper.'})
    return jsonify(service().erase(submission_id, reason))


def _outcome(outcome: Outcome, status: int) -> Response:
    lang = request_language()
    if outcome.record is None:  # a new package refused: no id, nothing kept
        error = KGError(messages=_REFUSED_MESSAGE)
        response = jsonify({**error.to_dict(lang), "error": "unprocessable", "id": None,
                            "status": outcome.upload.outcome, "version": None,
                            "report": outcome.report.to_dict()})
        response.status_code = 422
        return response
    body = outcome.record.summary(public_url(""))
    body.update(version=outcome.upload.n, report=outcome.report.to_dict())
    if outcome.accepted:
        response = jsonify(body)
        response.status_code = status
    else:
        error = KGError(messages=_REJECTED_MESSAGE)
        body = {**error.to_dict(lang), "error": "unprocessable", **body}
        response = jsonify(body)
        response.status_code = 422
    response.headers["Location"] = public_url(f"api/submissions/{outcome.record.id}")
    return response


_REJECTED_MESSAGE = {
    "en": "The package does not conform to the shapes, so nothing was published; the report "
          "says what to change. The files are kept with the submission's record.",
    "de": "Das Paket entspricht nicht den Formen, daher wurde nichts veröffentlicht; der Bericht "
          "sagt, was zu ändern ist. Die Dateien bleiben beim Eintrag der Einreichung erhalten."}
_REFUSED_MESSAGE = {
    "en": "The package does not conform to the shapes, so nothing was published and nothing "
          "was kept; the report says what to change. Send the corrected package again.",
    "de": "Das Paket entspricht nicht den Formen, daher wurde nichts veröffentlicht und nichts "
          "aufbewahrt; der Bericht sagt, was zu ändern ist. Senden Sie das korrigierte Paket "
          "erneut."}


def package_files() -> list[PackageFile]:
    """The package of the request: multipart files (field `file`, repeatable; a zip is
    unpacked), or the body as one file (`filename=` names it; a zip body is unpacked)."""
    limit = get_settings().max_upload_bytes
    explicit = request.args.get("format") or None
    if request.mimetype == "multipart/form-data":
        files: list[PackageFile] = []
        for upload in request.files.getlist("file"):
            if not upload.filename:
                continue
            data = upload.read()
            if upload.filename.lower().endswith(".zip") or upload.mimetype in ZIP_TYPES:
                files += files_from_zip(data, max_bytes=limit, source=upload.filename)
            else:
                files.append(PackageFile(upload.filename, data, explicit))
        return files
    data = request.get_data(cache=False)
    if not data:
        return []
    name = request.args.get("filename") or "request body"
    if request.mimetype in ZIP_TYPES or name.lower().endswith(".zip"):
        return files_from_zip(data, max_bytes=limit, source=name)
    media = request.mimetype if request.mimetype not in GENERIC_MEDIA_TYPES else None
    return [PackageFile(name, data, explicit or media)]


# -- the page ------------------------------------------------------------------------------

@bp.route("/submit", methods=["GET", "POST"])
def page():
    """Token, files, report, history; actions: submit (new or replacing) and withdraw."""
    lang = request_language()
    context = {"lang": lang, "outcome": None, "report": None, "error": None, "records": None,
               "withdrawn": None, "summary": summary, "compact": compact, "base": public_url("")}
    status = 200
    if request.method == "POST":
        try:
            who = _page_principal()
            action = request.form.get("action") or "submit"
            target = (request.form.get("id") or "").strip()
            if action == "submit":
                refuse_early(service().runner)
                files = package_files()
                outcome = (service().replace(target, files, who, lang) if target
                           else service().submit(files, who, lang))
                context["outcome"], context["report"] = outcome, outcome.report
                status = (201 if not target else 200) if outcome.accepted else 422
            elif action == "withdraw":
                context["withdrawn"] = service().withdraw(target, who)
            context["records"] = [r.summary(public_url("")) for r in service().list(who)]
        except KGError as exc:
            context["error"], status = exc.text(lang), exc.status
            errors.remember(exc)
    return render_template("submit.html", **context), status


def _page_principal() -> Principal:
    secret = (request.form.get("token") or "").strip() or None
    admin = get_settings().admin_token
    if secret and admin and hmac.compare_digest(secret.encode(), admin.encode()):
        return OPERATOR
    return service().authenticate(secret)
