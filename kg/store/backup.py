"""`kg backup` and `kg restore`: the whole embedded store, every graph (the system graph with its
publication state, load records and submission records included), and the kept files of the
submissions beside it.

A backup folder holds `store/` (an Oxigraph store), `submissions/` (a copy of
`<store>.submissions`, when there is one) and `kg-backup.json`, which says what it is and how
many quads it holds; restore refuses any folder whose manifest and store do not agree.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import shutil
from pathlib import Path

import pyoxigraph as ox

from kg import __version__
from kg.errors import BadRequest, Conflict, InsufficientStorage, KGError, StoreBusy, no_space
from kg.running import read_record
from kg.store.embedded import EmbeddedStore

MANIFEST = "kg-backup.json"
FORMAT = "integration-kg-backup/1"
STORE, SUBMISSIONS = "store", "submissions"
# Folders beside the store that belong to its state: after a restore they would describe the
# store that was replaced (a rollback copy would even be put back over the restored one).
_STALE_BESIDE = (".rollback", ".rollback-making", ".checkpoints")
# Uploads being written are complete only once renamed (kg.submissions.files).
_UNFINISHED = ".writing-*"


def _texts(en: str, de: str, **values) -> dict[str, str]:
    return {"en": en.format(**values), "de": de.format(**values)}


def check_target(target: Path) -> None:
    """A backup goes into a new or empty folder: it never mixes with or replaces other files."""
    if not target.is_absolute():
        raise BadRequest(messages=_texts(
            "The backup folder {path} must be an absolute path.",
            "Der Sicherungsordner {path} muss ein absoluter Pfad sein.", path=target))
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise Conflict(messages=_texts(
            "{path} exists and is not an empty folder; give a new folder for the backup.",
            "{path} existiert und ist kein leerer Ordner; geben Sie einen neuen Ordner für die "
            "Sicherung an.", path=target))


def backup(store: EmbeddedStore, target: Path, workspace: Path | None = None) -> dict:
    """Copy the store's committed state, and the submissions' kept files in `workspace`
    (kg.submissions.files.workspace_dir: the caller names it, the store knows no submissions),
    into `target`."""
    check_target(target)
    if store.path is None:
        raise BadRequest("An in-memory store has nothing on disk to back up.")
    if target.resolve().is_relative_to(store.path.resolve()):
        raise BadRequest(messages=_texts(
            "The backup folder {path} lies inside the store; give a folder outside it.",
            "Der Sicherungsordner {path} liegt im Speicher; geben Sie einen Ordner außerhalb an.",
            path=target))
    making = target.with_name(target.name + ".making")
    try:
        shutil.rmtree(making, ignore_errors=True)
        making.mkdir(parents=True)
        # The store first, then the kept files: an upload whose files are copied but whose
        # quads are not is what a crash after writing the files leaves, which the next start
        # reconciles; the other way round an accepted version could lack its files.
        store.backup(making / STORE)
        kept = workspace is not None and workspace.is_dir()
        if kept:
            shutil.copytree(workspace, making / SUBMISSIONS,
                            ignore=shutil.ignore_patterns(_UNFINISHED))
        manifest = {"format": FORMAT, "made": _now(), "version": __version__,
                    "source": str(store.path), **_count(making / STORE),
                    "submissions": kept}
        (making / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        if target.exists():
            target.rmdir()  # empty, as checked
        making.rename(target)
    except OSError as exc:
        shutil.rmtree(making, ignore_errors=True)
        raise _write_failed(exc, target) from None
    return manifest


def read_backup(source: Path) -> dict:
    """The manifest of the backup in `source`, once its store is found to hold what it says."""
    try:
        manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise ValueError
    except (OSError, ValueError):
        raise BadRequest(messages=_texts(
            "{path} is not a backup made by `kg backup` (it has no {manifest}); give the "
            "folder `kg backup` wrote.",
            "{path} ist keine mit `kg backup` erstellte Sicherung (ohne {manifest}); geben Sie "
            "den Ordner an, den `kg backup` geschrieben hat.",
            path=source, manifest=MANIFEST)) from None
    try:
        counted = _count(source / STORE)
    except OSError:
        counted = None
    if counted is None or counted["quads"] != manifest.get("quads"):
        raise BadRequest(messages=_texts(
            "The backup in {path} is damaged: its store does not hold the {n} quads its "
            "manifest names. Use another backup.",
            "Die Sicherung in {path} ist beschädigt: ihr Speicher enthält nicht die {n} Quads, "
            "die ihr Manifest nennt. Verwenden Sie eine andere Sicherung.",
            path=source, n=manifest.get("quads"))) from None
    return manifest


def restore(source: Path, store_path: Path, workspace: Path) -> dict:
    """Put the backup in `source` in place of the store at `store_path` (not while served), and
    its kept files in place of `workspace`."""
    manifest = read_backup(source)
    record = read_record(str(store_path))
    if record is not None:
        raise StoreBusy(messages=_texts(
            "The store {store} is served by the running server at {url} (pid {pid}); stop it "
            "before restoring, then start it again.",
            "Der Speicher {store} wird vom laufenden Server unter {url} (PID {pid}) bereitgestellt; "
            "beenden Sie ihn vor der Wiederherstellung und starten Sie ihn danach neu.",
            store=store_path, url=record.url, pid=record.pid))
    if store_path.exists() and not (store_path / "CURRENT").is_file() and (
            not store_path.is_dir() or any(store_path.iterdir())):
        # Restoring replaces the folder: never one that holds anything but a store.
        raise BadRequest(messages=_texts(
            "{store} is not a store (no Oxigraph files in it); give the store's folder with "
            "--store, or a new one.",
            "{store} ist kein Speicher (keine Oxigraph-Dateien darin); geben Sie mit --store "
            "den Ordner des Speichers oder einen neuen an.", store=store_path))
    if store_path.exists():
        EmbeddedStore(store_path).close()  # refuses (StoreBusy) while another process holds it
        gc.collect()
    incoming = store_path.with_name(store_path.name + ".restoring")
    try:
        shutil.rmtree(incoming, ignore_errors=True)
        shutil.copytree(source / STORE, incoming / STORE)
        if (source / SUBMISSIONS).is_dir():
            shutil.copytree(source / SUBMISSIONS, incoming / SUBMISSIONS)
        for suffix in _STALE_BESIDE:
            shutil.rmtree(store_path.with_name(store_path.name + suffix), ignore_errors=True)
        _swap(incoming / STORE, store_path)
        if (incoming / SUBMISSIONS).is_dir():
            _swap(incoming / SUBMISSIONS, workspace)
        else:
            shutil.rmtree(workspace, ignore_errors=True)
    except OSError as exc:
        raise _write_failed(exc, store_path) from None
    finally:
        shutil.rmtree(incoming, ignore_errors=True)
    return manifest


def _swap(new: Path, place: Path) -> None:
    old = place.with_name(place.name + ".before-restore")
    shutil.rmtree(old, ignore_errors=True)
    place.parent.mkdir(parents=True, exist_ok=True)
    if place.exists():
        place.rename(old)
    new.rename(place)
    shutil.rmtree(old, ignore_errors=True)


def _count(path: Path) -> dict:
    opened = ox.Store.read_only(str(path))
    try:
        return {"quads": len(opened), "graphs": sum(1 for _ in opened.named_graphs())}
    finally:
        del opened
        gc.collect()


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _write_failed(exc: OSError, path: Path) -> KGError:
    if no_space(exc):
        return InsufficientStorage.no_space(path)
    return KGError(messages=_texts(
        "Writing {path} failed: {reason}. Fix the cause and try again.",
        "Das Schreiben von {path} ist fehlgeschlagen: {reason}. Beheben Sie die Ursache und "
        "versuchen Sie es erneut.", path=path, reason=exc.strerror or exc))
