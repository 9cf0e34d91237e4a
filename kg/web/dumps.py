"""/dumps/: the published dataset as files (N-Quads gzip, TriG), whole and per graph, and a
listing of them (HTML for people, JSON for programs).

HTTP only: which files a publication state has, and making them, is kg.dumps's. The files are
served from disk with an ETag (their sha256) and Last-Modified (when they were made), so a
client that has one asks again cheaply; HEAD and Range come with werkzeug's send_file.
"""

from __future__ import annotations

import datetime as dt
from flask import Blueprint, Response, current_app, jsonify, render_template, request, send_file

from kg.dumps import DumpShelf, Manifest, dump_dir
from kg.errors import NotFound, Unavailable
from kg.web.conneg import negotiate
from kg.web.context import get_store, request_language
from kg.web.sparql import public_url

bp = Blueprint("dumps", __name__, url_prefix="/dumps")

HTML, JSON = "text/html", "application/json"
_SHELF_KEY = "kg.dumps"


def get_shelf() -> DumpShelf:
    shelf = current_app.extensions.get(_SHELF_KEY)
    if shelf is None:
        store = get_store()
        path = getattr(store, "path", None)
        if path is None:
            raise Unavailable(messages={
                "en": "This server's store lives in memory only, so it has no folder for dump "
                      "files; use /sparql, or serve an on-disk store (--store PATH).",
                "de": "Der Speicher dieses Servers liegt nur im Arbeitsspeicher und hat daher "
                      "keinen Ordner für Abzüge; verwenden Sie /sparql, oder betreiben Sie einen "
                      "Speicher auf der Platte (--store PFAD)."})
        shelf = current_app.extensions[_SHELF_KEY] = DumpShelf(store, dump_dir(path))
    return shelf


@bp.get("/")
def listing() -> Response:
    chosen = negotiate(request.headers.get("Accept"), [HTML, JSON])
    lang = request_language()
    manifest = get_shelf().current()
    if chosen == JSON:
        body = manifest.to_dict()
        for entry in body["files"]:
            entry["url"] = public_url("dumps/" + entry["name"])
        response = jsonify(body)
    else:
        whole = [f for f in manifest.files if f.graph is None]
        graphs = [f for f in manifest.files if f.graph is not None]
        response = Response(render_template("dumps.html", lang=lang, manifest=manifest,
                                            whole=whole, graphs=graphs),
                            content_type="text/html; charset=utf-8")
    response.vary.add("Accept")
    response.vary.add("Accept-Language")
    # The listing changes with the state and with how it is shown, and with nothing else.
    response.set_etag(f"{manifest.state.fingerprint}-{chosen.split('/')[1]}-{lang}")
    response.last_modified = _made(manifest)
    response.cache_control.no_cache = True
    return response.make_conditional(request)


@bp.get("/<path:name>")
def download(name: str) -> Response:
    shelf = get_shelf()
    manifest = shelf.current()
    entry = manifest.file(name)
    if entry is None:
        raise NotFound(messages={
            "en": f"There is no dump file {name!r} for the data published now. The listing at "
                  f"/dumps/ names every file (dataset.nq.gz, dataset.trig and one pair per "
                  f"graph).",
            "de": f"Für die jetzt veröffentlichten Daten gibt es keine Abzugsdatei {name!r}. Die "
                  f"Übersicht unter /dumps/ nennt jede Datei (dataset.nq.gz, dataset.trig und "
                  f"ein Paar je Graph)."}, detail={"name": name})
    response = send_file(shelf.path(manifest.state.fingerprint) / entry.name,
                         mimetype=entry.content_type, download_name=download_name(entry.name),
                         conditional=True, etag=entry.sha256, last_modified=_made(manifest))
    # The address stays and its content changes with the data: ask every time, cheaply (304).
    response.cache_control.no_cache = True
    response.cache_control.public = True
    return response


def _made(manifest: Manifest) -> dt.datetime:
    return dt.datetime.fromisoformat(manifest.made)


def download_name(name: str) -> str:
    """`graph/data/dataset.nq.gz` saves as `graph-data-dataset.nq.gz`: the plain base name of a
    graph's file could be that of the whole dataset (`dataset.nq.gz`)."""
    return name.replace("/", "-")
