"""The authenticated API of local commands: while a server holds the store, `kg load` writes, and
`kg dump` and `kg validate --store` read, through the server."""

from __future__ import annotations

import base64
import hmac
from pathlib import Path

from flask import Blueprint, Response, jsonify, request

from kg import iris, rdfio
from kg.errors import BadRequest, Forbidden, PayloadTooLarge, Unauthorized
from kg.loading import SourceFile, load_sources
from kg.store import backup as store_backup
from kg.submissions.files import workspace_dir
from kg.validation import Validator, load_bundle
from kg.validation.engine import DEFAULT_ENGINE
from kg.validation.published import revalidate
from kg.web.context import get_settings, get_store, request_language

bp = Blueprint("admin", __name__, url_prefix="/api/admin")


# The admin token is made by `kg serve` (43 characters) or given with --admin-token; a header
# longer than this is no token of ours, and is refused before it is hashed or compared.
MAX_TOKEN_CHARS = 4096

NO_BEARER = {
    "en": "This API needs the header `Authorization: Bearer <admin token>` (the word Bearer, a "
          "space, then the token); the token is in the server's record beside the store, or set "
          "with --admin-token.",
    "de": "Diese Schnittstelle braucht den Header `Authorization: Bearer <Admin-Token>` (das Wort "
          "Bearer, ein Leerzeichen, dann das Token); das Token steht im Serverprotokoll neben dem "
          "Speicher oder wird mit --admin-token gesetzt.",
}
WRONG_TOKEN = {
    "en": "The admin token is wrong. This API needs `Authorization: Bearer <admin token>`; the "
          "token is in the server's record beside the store, or set with --admin-token.",
    "de": "Das Admin-Token ist falsch. Diese Schnittstelle braucht `Authorization: Bearer "
          "<Admin-Token>`; das Token steht im Serverprotokoll neben dem Speicher oder wird mit "
          "--admin-token gesetzt.",
}


def require_token() -> None:
    """The admin token, sent as `Authorization: Bearer <token>` and nothing else: a bare token
    once passed too, which taught clients a form other servers (and proxies' log filters) do
    not know. Compared in constant time (hmac.compare_digest)."""
    expected = get_settings().admin_token
    header = request.headers.get("Authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise _unauthorized(NO_BEARER)
    given = given.strip()
    if len(given) > MAX_TOKEN_CHARS or not expected or not hmac.compare_digest(
            given.encode("utf-8", "surrogateescape"), expected.encode()):
        raise Forbidden(messages=WRONG_TOKEN)


def _unauthorized(messages: dict[str, str]) -> Unauthorized:
    error = Unauthorized(messages=messages)
    error.headers = {"WWW-Authenticate": 'Bearer realm="admin"'}
    return error


NO_FILES = {
    "en": 'Send JSON {"files": [{"path": …, "content_base64": …}, …]} naming at least one file; '
          'to drop the graphs of files not sent, add "prune": true (a load never empties the '
          "published graph by leaving files out).",
    "de": 'Senden Sie JSON {"files": [{"path": …, "content_base64": …}, …]} mit mindestens einer '
          'Datei; um die Graphen nicht gesendeter Dateien zu entfernen, fügen Sie "prune": true '
          "hinzu (ein Laden leert den veröffentlichten Graphen nie durch Weglassen).",
}
TOO_DEEP = {
    "en": "The JSON body is nested too deeply to be read; send the flat form "
          '{"files": [{"path": …, "content_base64": …}, …]}.',
    "de": "Der JSON-Inhalt ist zu tief verschachtelt; senden Sie die flache Form "
          '{"files": [{"path": …, "content_base64": …}, …]}.',
}


def json_body() -> object:
    """The request's JSON, or a 4xx saying what is wrong: a body over the limit is a 413 (Flask's
    silent get_json turned it into None and so into a 400), and nesting deep enough to exhaust
    the parser's recursion a 400 (it was a 500)."""
    limit = get_settings().max_upload_bytes
    if request.content_length is not None and request.content_length > limit:
        raise PayloadTooLarge.over_limit({"en": "The request", "de": "Die Anfrage"}, limit,
                                         size=request.content_length, setting="max_upload_bytes")
    request.get_data(cache=True)  # raises werkzeug's 413 for an over-limit chunked body
    try:
        return request.get_json(silent=True)
    except RecursionError:
        raise BadRequest(messages=TOO_DEEP) from None


@bp.post("/load")
def load():
    """Body: {"files": [{"path": "data/x.ttl", "content_base64": "…"}], "folders": [...],
    "force": bool, "prune": bool}."""
    require_token()
    body = json_body()
    if not isinstance(body, dict) or not isinstance(body.get("files"), list) or not body["files"]:
        raise BadRequest(messages=NO_FILES)
    try:
        sources = [SourceFile(str(f["path"]), base64.b64decode(f["content_base64"], validate=True))
                   for f in body["files"]]
    except (KeyError, TypeError, ValueError):
        raise BadRequest("Each file needs a `path` and its content as `content_base64`.") from None
    folders = body.get("folders") or list(iris.SOURCE_FOLDERS)
    if not isinstance(folders, list) or not set(folders) <= set(iris.SOURCE_FOLDERS):
        raise BadRequest(f"`folders` must be a list drawn from {', '.join(iris.SOURCE_FOLDERS)}.")
    for source in sources:
        parts = source.path.split("/")
        if parts[0] not in folders or ".." in parts or len(parts) < 2:
            raise BadRequest(f"{source.path}: a loaded file must lie below one of "
                             f"{', '.join(folders)}/ (relative, without '..').")
    report = load_sources(get_store(), sources, folders=folders, force=bool(body.get("force")),
                          prune=body.get("prune") is True)
    return jsonify(report.to_dict())


@bp.get("/dump")
def dump():
    """The published dataset in `format=` (default nquads), the bytes `kg dump` writes.

    Behind the token: the whole dataset is serialised in memory on every request, which a
    public route should not offer; public dumps are better made once per publication state."""
    require_token()
    info = rdfio.rdf_format(request.args.get("format") or "nquads")
    return Response(get_store().dump(info.oxigraph), content_type=info.media_type)


@bp.get("/revalidate")
def revalidate_published():
    """What the store publishes judged against the shapes, as `kg validate --store` does
    (`lang=`, `engine=`): the report as JSON, whether or not the data conform."""
    require_token()
    settings = get_settings()
    validator = Validator(load_bundle(settings.root_path),
                          engine=request.args.get("engine") or DEFAULT_ENGINE)
    report = revalidate(get_store(), validator, settings.root_path, request_language())
    return jsonify(report.to_dict())



@bp.post("/backup")
def backup_store():
    """Body: {"directory": "/absolute/new/folder"}: what `kg backup` asks of a running server,
    the one process that may read the store while it serves. The folder is on the server's
    machine, as the store is."""
    require_token()
    body = json_body()
    directory = body.get("directory") if isinstance(body, dict) else None
    if not isinstance(directory, str) or not directory or "\0" in directory:
        raise BadRequest('Send JSON {"directory": "/absolute/path/of/a/new/folder"}.')
    return jsonify(store_backup.backup(get_store(), Path(directory),
                                       workspace_dir(get_settings().store)))
