"""The kept original files of each upload, beside the store:
`<store>.submissions/{id}/{upload}/` holds the files as sent, `manifest.json` (names and
checksums) and `report.json` (the validation report).

An upload's folder is written under a temporary name, synced, and renamed: a folder with a
number as its name is complete. Names from the package are never used as paths (a zip member
named `../x` must not escape): each file is stored as `files/{index}` and the manifest maps
index to name.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from kg.errors import NotFound

_TEMP = ".writing-"


def workspace_dir(store: str) -> Path:
    return Path(store.rstrip("/") + ".submissions")


def _sync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_synced(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


class KeptFiles:
    def __init__(self, root: Path) -> None:
        self.root = root

    def upload_dir(self, submission_id: str, upload: int) -> Path:
        return self.root / submission_id / str(upload)

    def write(self, submission_id: str, upload: int, files: list[tuple[str, bytes]],
              report: dict) -> Path:
        final = self.upload_dir(submission_id, upload)
        temporary = final.with_name(_TEMP + final.name)
        shutil.rmtree(temporary, ignore_errors=True)
        (temporary / "files").mkdir(parents=True)
        manifest = []
        for index, (name, data) in enumerate(files):
            write_synced(temporary / "files" / str(index), data)
            manifest.append({"index": index, "name": name, "bytes": len(data),
                             "sha256": hashlib.sha256(data).hexdigest()})
        write_synced(temporary / "manifest.json", json.dumps(manifest, ensure_ascii=False).encode())
        write_synced(temporary / "report.json", json.dumps(report, ensure_ascii=False).encode())
        _sync_dir(temporary / "files")
        _sync_dir(temporary)
        shutil.rmtree(final, ignore_errors=True)
        temporary.rename(final)
        _sync_dir(final.parent)
        return final

    def manifest(self, submission_id: str, upload: int) -> list[dict]:
        path = self.upload_dir(submission_id, upload) / "manifest.json"
        return json.loads(path.read_text(encoding="utf-8"))

    def report(self, submission_id: str, upload: int) -> dict:
        path = self.upload_dir(submission_id, upload) / "report.json"
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise NotFound(messages={
                "en": f"Submission {submission_id} has no version {upload}.",
                "de": f"Die Einreichung {submission_id} hat keine Version {upload}."}) from None

    def verify(self, submission_id: str, upload: int) -> list[str]:
        """Problems with an upload's kept files (missing, changed); empty when all is well."""
        problems = []
        try:
            manifest = self.manifest(submission_id, upload)
        except (OSError, ValueError):
            return [f"{submission_id}/{upload}: no readable manifest"]
        for entry in manifest:
            path = self.upload_dir(submission_id, upload) / "files" / str(entry["index"])
            try:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                problems.append(f"{submission_id}/{upload}: {entry['name']} is missing")
                continue
            if digest != entry["sha256"]:
                problems.append(f"{submission_id}/{upload}: {entry['name']} has changed")
        return problems

    def remove_upload(self, submission_id: str, upload: int) -> None:
        final = self.upload_dir(submission_id, upload)
        shutil.rmtree(final.with_name(_TEMP + final.name), ignore_errors=True)
        shutil.rmtree(final, ignore_errors=True)
        self._remove_if_empty(submission_id)

    def remove_submission(self, submission_id: str) -> None:
        shutil.rmtree(self.root / submission_id, ignore_errors=True)

    def _remove_if_empty(self, submission_id: str) -> None:
        folder = self.root / submission_id
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()

    def uploads_on_disk(self) -> dict[str, list[int]]:
        """{submission id: [upload numbers]} of every complete upload folder; half-written
        folders (a crash while writing) are deleted on the way."""
        found: dict[str, list[int]] = {}
        if not self.root.is_dir():
            return found
        for folder in self.root.iterdir():
            if not folder.is_dir() or folder.name in ("journal",):
                continue
            for upload in folder.iterdir():
                if upload.name.startswith(_TEMP):
                    shutil.rmtree(upload, ignore_errors=True)
                elif upload.name.isdigit():
                    found.setdefault(folder.name, []).append(int(upload.name))
            self._remove_if_empty(folder.name)
        return found
