"""The authenticated API of local commands: while a server holds the store, `kg load` writes, and
`kg dump` and `kg validate --store` read, through the server."""

from __future__ import annotations

import base64
import hmac
from pathlib import Path

from flask import Blueprint, Response, jsonify, request

from kg import iris, rdfio
from kg.errors import BadRequest, Forbidden
from kg.loading import SourceFile, load_sources
from kg.store import backup as store_backup
from kg.submissions.files import workspace_dir
from kg.validation import Validator, load_bundle
from kg.validation.published import revalidate
from kg.web.context import get_settings, get_store, request_language

bp = Blueprint("admin", __name__, url_prefix="/api/admin")


def require_token() -> None:
    expected = get_settings().admin_token
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        raise Forbidden("This API needs `Authorization: Bearer <admin token>`; the token is in "
                        "the server's record beside the store, or set with --admin-token.")


@bp.post("/load")
def load():
    """Body: {"files": [{"path": "data/x.ttl", "content_base64": "…"}], "folders": [...], "force": bool}."""
    require_token()
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("files"), list):
        raise BadRequest('Send JSON {"files": [{"path": …, "content_base64": …}, …]}.')
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
    report = load_sources(get_store(), sources, folders=folders, force=bool(body.get("force")))
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
                          engine=request.args.get("engine") or "pyshacl")
    report = revalidate(get_store(), validator, settings.root_path, request_language())
    return jsonify(report.to_dict())



@bp.post("/backup")
def backup_store():
    """Body: {"directory": "/absolute/new/folder"}: what `kg backup` asks of a running server,
    the one process that may read the store while it serves. The folder is on the server's
    machine, as the store is."""
    require_token()
    body = request.get_json(silent=True)
    directory = body.get("directory") if isinstance(body, dict) else None
    if not isinstance(directory, str) or not directory or "\0" in directory:
        raise BadRequest('Send JSON {"directory": "/absolute/path/of/a/new/folder"}.')
    return jsonify(store_backup.backup(get_store(), Path(directory),
                                       workspace_dir(get_settings().store)))
