"""Submissions: accept, reject, replace, withdraw and erase, each all or nothing. A new package
that does not conform is refused and leaves only an audit line (`_refuse`); a rejected
replacement stays in its submission's history.

Every operation runs the same steps: validate and check the scope (nothing written yet), write
a journal entry, keep the files, change the store in ONE replace_graphs call (data graph, its
history copy and the record together), append to the audit log, end the journal entry. The store
step is atomic; the steps around it are undone or finished by `reconcile()` (run when a server
or a writing command opens the store), told apart by the record's `last_op`: a store that has
the operation's record has done the operation. Erasure is finished in any case once begun.
"""

from __future__ import annotations

import datetime as dt
import secrets
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path

from kg import iris
from kg.errors import BadRequest, Conflict, Forbidden, NotFound, Unauthorized
from kg.store.base import GraphLoad, Store
from kg.submissions import scope
from kg.submissions.audit import AuditLog
from kg.submissions.files import KeptFiles, workspace_dir
from kg.submissions.journal import Journal, crash_point
from kg.validation.package import PackageFile, validate_package
from kg.submissions.records import (ACCEPTED, ERASED, REJECTED, WITHDRAWN, FileNote,
                                    SubmissionRecord, Upload, now, provenance, read_record,
                                    read_records, record_load)
from kg.submissions.tokens import OPERATOR, Principal, TokenBook


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


class Submissions:
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
        record = read_record(self.store, submission_id) if _ID_OK(submission_id) else None
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

    # -- writing -------------------------------------------------------------------------

    def submit(self, files: list[PackageFile], principal: Principal, lang: str) -> Outcome:
        result = self._judge(files, principal, lang)
        if not result.conforms:
            return self._refuse(files, result, principal)
        with self._lock:
            submission_id = _new_id()
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

    def withdraw(self, submission_id: str, principal: Principal) -> SubmissionRecord:
        with self._lock:
            record = self._changeable(self.get(submission_id, principal), principal, "withdraw")
            if record.status != ACCEPTED:
                raise Conflict(messages={
                    "en": f"Submission {submission_id} is {record.status}, not published: "
                          "there is nothing to withdraw.",
                    "de": f"Die Einreichung {submission_id} ist nicht veröffentlicht "
                          f"({record.status}): es gibt nichts zurückzuziehen."})
            record.status, record.withdrawn = WITHDRAWN, now()
            record.updated = record.withdrawn
            opid = _opid()
            record.last_op = opid
            audit = self._audit_entry("withdraw", opid, record, record.upload(record.current),
                                      principal.name)
            self.journal.begin({"opid": opid, "op": "withdraw", "id": record.id,
                                "began": now(), "audit": audit})
            crash_point("withdraw", "after-journal")
            self.store.replace_graphs([record_load(record)],
                                      drop=[iris.submission_graph(record.id)])
            crash_point("withdraw", "after-store")
            self.audit.append(audit)
            crash_point("withdraw", "after-audit")
            self.journal.end(opid)
            return record

    def erase(self, submission_id: str, reason: str, actor: str = OPERATOR.name) -> dict:
        """Remove a submission's data and files for good; only an audit record stays."""
        if not reason or not reason.strip():
            raise BadRequest(messages={
                "en": "An erasure needs a reason (--reason …): the audit log keeps why it "
                      "happened.",
                "de": "Eine Löschung braucht einen Grund (--reason …): das Prüfprotokoll hält "
                      "fest, warum sie geschah."})
        with self._lock:
            record = self.get(submission_id, OPERATOR)
            if record.status == ERASED:
                raise Conflict(messages={
                    "en": f"Submission {submission_id} was erased on {record.erased}.",
                    "de": f"Die Einreichung {submission_id} wurde am {record.erased} gelöscht."})
            opid = _opid()
            entry = {"opid": opid, "op": "erase", "id": submission_id, "began": now(),
                     "reason": reason.strip(), "by": actor,
                     "uploads": [u.n for u in record.uploads]}
            self.journal.begin(entry)
            crash_point("erase", "after-journal")
            return self._finish_erase(entry)

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
        self.audit.append({"opid": _opid(), "op": "refuse", "at": upload.at, "submission": None,
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
        opid = _opid()
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

    def _finish_erase(self, entry: dict) -> dict:
        """Every step of an erasure, each one safe to repeat (reconciliation calls this too)."""
        submission_id, opid = entry["id"], entry["opid"]
        record = read_record(self.store, submission_id)
        if record is None or record.last_op != opid:
            tombstone = SubmissionRecord(submission_id, ERASED, record.created if record else "",
                                         entry["by"], erased=entry["began"],
                                         reason=entry["reason"], last_op=opid,
                                         updated=entry["began"])
            prefix = iris.submission_graph(submission_id)
            graphs = [g for g in self.store.graphs()
                      if g == prefix or (g.startswith(prefix + "/") and not g.endswith("/record"))]
            self.store.replace_graphs([record_load(tombstone)], drop=graphs)
        # Every time, also when reconciling: the erased terms may still be on disk.
        getattr(self.store, "rewrite", lambda: None)()
        crash_point("erase", "after-store")
        self.kept.remove_submission(submission_id)
        crash_point("erase", "after-files")
        self._purge_copies()
        crash_point("erase", "after-purge")
        audit = {"opid": opid, "op": "erase", "at": now(), "submission": submission_id,
                 "by": entry["by"], "reason": entry["reason"]}
        self.audit.append(audit)
        crash_point("erase", "after-audit")
        self.journal.end(opid)
        return audit

    def _purge_copies(self) -> None:
        """Copies made from published states that held the erased data: the public dumps
        (made again from the store on the next request) and what the hooks hold."""
        dumps = Path(self.settings.local_store.rstrip("/") + ".dumps")
        if dumps.is_dir():
            for state in dumps.iterdir():
                shutil.rmtree(state, ignore_errors=True)
        for hook in self.after_erase:
            hook()

    # -- after a crash -------------------------------------------------------------------

    def reconcile(self) -> list[str]:
        """Finish or undo what a crash left half done; returns what was done, in words."""
        done = []
        with self._lock:
            for entry in self.journal.pending():
                op, submission_id, opid = entry["op"], entry["id"], entry["opid"]
                if op == "erase":
                    self._finish_erase(entry)
                    done.append(f"finished erasing {submission_id}")
                    continue
                record = read_record(self.store, submission_id)
                if record is not None and record.last_op == opid:
                    self.audit.append(entry["audit"])
                    done.append(f"finished {op} of {submission_id}")
                else:
                    if "upload" in entry:
                        self.kept.remove_upload(submission_id, entry["upload"])
                    done.append(f"undid {op} of {submission_id}")
                self.journal.end(opid)
            records = read_records(self.store)
            for submission_id, uploads in self.kept.uploads_on_disk().items():
                record = records.get(submission_id)
                keep = set() if record is None else {u.n for u in record.uploads}
                for n in uploads:
                    if n not in keep:
                        self.kept.remove_upload(submission_id, n)
                        done.append(f"removed stray files {submission_id}/{n}")
        return done

    def check(self) -> list[str]:
        """What is inconsistent between store, kept files and journal; empty when nothing is."""
        problems = [f"journal entry {e['opid']} ({e['op']}) pending" for e in self.journal.pending()]
        published, graphs = set(self.store.published_graphs()), set(self.store.graphs())
        records = read_records(self.store)
        on_disk = self.kept.uploads_on_disk()
        for submission_id, record in records.items():
            data = iris.submission_graph(submission_id)
            mine = {g for g in graphs if g == data or (g.startswith(data + "/") and
                                                       not g.endswith("/record"))}
            if record.status == ERASED:
                if mine or submission_id in on_disk:
                    problems.append(f"{submission_id} is erased but data or files remain")
                continue
            if (record.status == ACCEPTED) != (data in published):
                problems.append(f"{submission_id} is {record.status} but its graph is "
                                f"{'' if data in published else 'not '}published")
            for upload in record.uploads:
                problems += self.kept.verify(submission_id, upload.n)
                history = iris.submission_version_graph(submission_id, upload.n)
                if (upload.outcome == ACCEPTED) != (history in graphs):
                    problems.append(f"{submission_id} v{upload.n} ({upload.outcome}) history "
                                    "graph is wrong")
                if history in published:
                    problems.append(f"{submission_id} v{upload.n}: history graph is published")
            if set(on_disk.get(submission_id, [])) != {u.n for u in record.uploads}:
                problems.append(f"{submission_id}: kept uploads differ from its record")
        for submission_id in set(on_disk) - set(records):
            problems.append(f"{submission_id}: files without a record")
        return problems


def _new_id() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d") + "-" + secrets.token_hex(4)


def _ID_OK(submission_id: str) -> bool:
    return (len(submission_id) == 17 and submission_id[8] == "-"
            and submission_id[:8].isdigit() and all(c in "0123456789abcdef" for c in submission_id[9:]))


def _opid() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%f") + "-" + secrets.token_hex(3)


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
