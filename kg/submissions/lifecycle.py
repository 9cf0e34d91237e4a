"""Submissions: accept, reject, replace, withdraw and erase, each all or nothing. A new package
that does not conform is refused and leaves only an audit line (`_refuse`); a rejected
replacement stays in its submission's history.

Every operation runs the same steps: validate and check the scope (nothing written yet), write
a journal entry, keep the files, change the store in ONE replace_graphs call (data graph, its
history copy and the record together), append to the audit log, end the journal entry. The store
step is atomic; the steps around it are undone or finished by `reconcile()` (run when a server
or a writing command opens the store), told apart by the record's `last_op`: a store that has
the operation's record has done the operation. Erasure is finished in any case once begun.

Here: reading, submitting and replacing, and the steps they share; withdrawal and erasure are in
kg.submissions.removal, reconciliation and the consistency check in kg.submissions.recovery.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path

from kg import iris
from kg.errors import Conflict, Forbidden, NotFound, Unauthorized
from kg.store.base import GraphLoad, Store
from kg.submissions import scope
from kg.submissions.audit import AuditLog
from kg.submissions.files import KeptFiles, workspace_dir
from kg.submissions.ids import id_ok, new_id, new_opid
from kg.submissions.journal import Journal, crash_point
from kg.validation.package import PackageFile, validate_package
from kg.submissions.records import (ACCEPTED, ERASED, REJECTED, WITHDRAWN, FileNote,
                                    SubmissionRecord, Upload, now, provenance, read_record,
                                    read_records, record_load)
from kg.submissions.recovery import Recovery
from kg.submissions.removal import Removal
from kg.submissions.tokens import Principal, TokenBook


@dataclass
class Outcome:
    record: SubmissionRecord | None  # None: a new package refused, of which nothing was kept
    upload: Upload
    report: object  # kg.validation.Report

    @property
    def accepted(self) -> bool:
        return self.upload.outcome == ACCEPTED


def shapes_version(root: Path) -> str:
    """The checksum of the shapes files a package was judged by (names and contents)."""
    digest = sha256()
    for path in sorted((root / "shapes").rglob("*.ttl")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return "sha256:" + digest.hexdigest()


class Submissions(Removal, Recovery):
    """The submissions of one store; one instance per writing process (its lock orders them)."""

    def __init__(self, store: Store, settings, *, runner=None) -> None:
        self.store, self.settings, self.runner = store, settings, runner
        self.root = workspace_dir(settings.local_store)
        self.kept, self.journal, self.audit = (KeptFiles(self.root), Journal(self.root),
                                               AuditLog(self.root))
        self.tokens = TokenBook(settings.tokens_path)
        self._lock = threading.RLock()
        # Called after an erasure has left the store: whatever else holds published data
        # (the server's search index, the query workers' checkpoints) lets go of it.
        self.after_erase: list[Callable[[], None]] = []

    # -- who -----------------------------------------------------------------------------

    def authenticate(self, secret: str | None) -> Principal:
        if not secret:
            raise Unauthorized(messages=_NO_TOKEN)
        principal = self.tokens.authenticate(secret)
        if principal is None:
            raise Unauthorized(messages=_BAD_TOKEN)
        return principal

    def visible(self, record: SubmissionRecord, principal: Principal) -> bool:
        return (principal.everywhere or record.by == principal.name
                or any(principal.covers(a) for a in record.municipalities))

    # -- reading -------------------------------------------------------------------------

    def list(self, principal: Principal) -> list[SubmissionRecord]:
        records = read_records(self.store).values()
        return sorted((r for r in records if self.visible(r, principal)),
                      key=lambda r: (r.created, r.id), reverse=True)

    def get(self, submission_id: str, principal: Principal) -> SubmissionRecord:
        record = read_record(self.store, submission_id) if id_ok(submission_id) else None
        if record is None or not self.visible(record, principal):
            raise NotFound(messages={
                "en": f"There is no submission {submission_id} that this token may see; "
                      "GET /api/submissions lists those it may.",
                "de": f"Es gibt keine Einreichung {submission_id}, die dieses Token sehen darf; "
                      "GET /api/submissions listet die, die es darf."})
        return record

    def report(self, submission_id: str, upload: int, principal: Principal) -> dict:
        record = self.get(submission_id, principal)
        if record.status == ERASED or upload not in {u.n for u in record.uploads}:
            raise NotFound(messages={
                "en": f"Submission {submission_id} has no version {upload}.",
                "de": f"Die Einreichung {submission_id} hat keine Version {upload}."})
        return self.kept.report(submission_id, upload)

    # -- writing (withdraw and erase: kg.submissions.removal) ------------------------------

    def submit(self, files: list[PackageFile], principal: Principal, lang: str) -> Outcome:
        result = self._judge(files, principal, lang)
        if not result.conforms:
            return self._refuse(files, result, principal)
        with self._lock:
            submission_id = new_id()
            stamp = now()
            record = SubmissionRecord(submission_id, ACCEPTED if result.conforms else REJECTED,
                                      stamp, principal.name,
                                      scope.municipalities(result.triples, self.store))
            upload = self._upload(1, result, files, principal, stamp)
            record.uploads.append(upload)
            if result.conforms:
                record.current = 1
            op = "accept" if result.conforms else "reject"
            self._run(op, record, upload, files, result)
            return Outcome(record, upload, result.report)

    def replace(self, submission_id: str, files: list[PackageFile], principal: Principal,
                lang: str) -> Outcome:
        self._changeable(self.get(submission_id, principal), principal, "replace")
        result = self._judge(files, principal, lang)
        with self._lock:
            record = self._changeable(self.get(submission_id, principal), principal, "replace")
            stamp = now()
            upload = self._upload(record.next_upload(), result, files, principal, stamp)
            record.uploads.append(upload)
            record.updated = stamp
            if result.conforms:
                upload.revision_of = record.current
                record.current, record.status = upload.n, ACCEPTED
                record.municipalities = scope.municipalities(result.triples, self.store)
            self._run("replace" if result.conforms else "reject", record, upload, files, result)
            return Outcome(record, upload, result.report)

    # -- steps ---------------------------------------------------------------------------

    def _judge(self, files: list[PackageFile], principal: Principal, lang: str):
        extra = {"runner": self.runner} if self.runner is not None else {}
        result = validate_package(files, lang, store=self.store, settings=self.settings, **extra)
        outside = scope.first_out_of_scope(result.triples, principal, self.store)
        if outside is not None:
            allowed = ", ".join(sorted(principal.scope))
            raise Forbidden(messages={
                "en": f"<{outside}> is outside this token's scope (AGS {allowed}): it neither is "
                      "nor links to one of its municipalities. Leave it out, link it to its "
                      "municipality, or ask for a token whose scope covers it.",
                "de": f"<{outside}> liegt außerhalb des Bereichs dieses Tokens (AGS {allowed}): "
                      "es ist keine seiner Gemeinden und verweist auf keine. Lassen Sie es weg, "
                      "verknüpfen Sie es mit seiner Gemeinde, oder fragen Sie nach einem Token, "
                      "dessen Bereich es abdeckt."},
                detail={"thing": outside, "scope": sorted(principal.scope)})
        return result

    def _refuse(self, files: list[PackageFile], result, principal: Principal) -> Outcome:
        """A new package that does not conform leaves no id, no record and no kept files: the
        steward has the report in the answer, and files that were never published (which may
        hold personal data) are not ours to keep. Only the audit line stays: who, when, how
        many triples, the files' checksums, the shapes' version and the counts; never file
        names or data. One synced append, so there is nothing to journal."""
        upload = self._upload(1, result, files, principal, now())
        self.audit.append({"opid": new_opid(), "op": "refuse", "at": upload.at, "submission": None,
                           "by": principal.name, "outcome": REJECTED, "triples": upload.triples,
                           "sha256": [f.sha256 for f in upload.files],
                           "shapes_version": upload.shapes_version,
                           "counts": dict(result.report.counts)})
        return Outcome(None, upload, result.report)

    def _upload(self, n: int, result, files: list[PackageFile], principal: Principal,
                stamp: str) -> Upload:
        notes = [FileNote(f.name, sha256(f.data).hexdigest(), len(f.data)) for f in files]
        return Upload(n, ACCEPTED if result.conforms else REJECTED, stamp, principal.name, notes,
                      triples=len(result.triples), shapes_version=shapes_version(
                          self.settings.root_path), conforms=result.conforms)

    def _run(self, op: str, record: SubmissionRecord, upload: Upload, files: list[PackageFile],
             result) -> None:
        opid = new_opid()
        record.last_op = opid
        audit = self._audit_entry(op, opid, record, upload, upload.by)
        self.journal.begin({"opid": opid, "op": op, "id": record.id, "upload": upload.n,
                            "began": now(), "audit": audit})
        crash_point(op, "after-journal")
        self.kept.write(record.id, upload.n, [(f.name, f.data) for f in files],
                        result.report.to_dict())
        crash_point(op, "after-files")
        loads = [record_load(record)]
        if upload.outcome == ACCEPTED:
            loads += self._data_loads(record, upload, result.triples)
        self.store.replace_graphs(loads)
        crash_point(op, "after-store")
        self.audit.append(audit)
        crash_point(op, "after-audit")
        self.journal.end(opid)

    def _data_loads(self, record: SubmissionRecord, upload: Upload, triples) -> list[GraphLoad]:
        published = iris.submission_graph(record.id)
        history = iris.submission_version_graph(record.id, upload.n)
        source = f"submission/{record.id}/v{upload.n}"
        return [GraphLoad(published, [*triples, *provenance(record, upload, published)],
                          source=source, sha256=upload.package_sha256, publish=True),
                GraphLoad(history, [*triples, *provenance(record, upload, history)],
                          source=source, sha256=upload.package_sha256, publish=False)]

    def _changeable(self, record: SubmissionRecord, principal: Principal,
                    what: str) -> SubmissionRecord:
        if record.status in (ERASED, WITHDRAWN) and what == "replace":
            raise Conflict(messages={
                "en": f"Submission {record.id} is {record.status}; send a new submission "
                      "(POST /api/submissions) instead.",
                "de": f"Die Einreichung {record.id} ist {_GERMAN_STATUS[record.status]}; senden "
                      "Sie stattdessen eine neue Einreichung (POST /api/submissions)."})
        return record

    @staticmethod
    def _audit_entry(op: str, opid: str, record: SubmissionRecord, upload: Upload | None,
                     by: str) -> dict:
        entry = {"opid": opid, "op": op, "at": now(), "submission": record.id, "by": by}
        if upload is not None:
            entry.update(version=upload.n, outcome=upload.outcome, triples=upload.triples,
                         sha256=[f.sha256 for f in upload.files])
        return entry


_GERMAN_STATUS = {ACCEPTED: "angenommen", REJECTED: "abgelehnt", WITHDRAWN: "zurückgezogen",
                  ERASED: "gelöscht"}
_NO_TOKEN = {
    "en": "Submissions need a token: send `Authorization: Bearer <token>`. The operators of this "
          "service give one per municipality (kg token add).",
    "de": "Einreichungen brauchen ein Token: senden Sie `Authorization: Bearer <Token>`. Die "
          "Betreiber dieses Dienstes vergeben eines je Gemeinde (kg token add)."}
_BAD_TOKEN = {
    "en": "This token is not valid (unknown or revoked). Check that it was copied whole, or ask "
          "the operators for a new one.",
    "de": "Dieses Token ist nicht gültig (unbekannt oder widerrufen). Prüfen Sie, ob es "
          "vollständig kopiert wurde, oder fragen Sie die Betreiber nach einem neuen."}
