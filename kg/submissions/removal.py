"""Taking a submission's data out of the published graph: withdrawal (its record and history
stay) and erasure (nothing stays but the audit line of when and why). Steps and crash points as
in kg.submissions.lifecycle; an erasure once begun is finished, also by reconciliation."""

from __future__ import annotations

import shutil
from pathlib import Path

from kg import iris
from kg.errors import BadRequest, Conflict
from kg.submissions.ids import new_opid
from kg.submissions.journal import crash_point
from kg.submissions.records import (ACCEPTED, ERASED, WITHDRAWN, SubmissionRecord, now,
                                    read_record, record_load)
from kg.submissions.tokens import OPERATOR, Principal


class Removal:
    """Withdraw and erase, part of kg.submissions.lifecycle.Submissions: uses its store, kept
    files, journal, audit log, lock, after_erase hooks and its get, _changeable and
    _audit_entry."""

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
            opid = new_opid()
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
            opid = new_opid()
            entry = {"opid": opid, "op": "erase", "id": submission_id, "began": now(),
                     "reason": reason.strip(), "by": actor,
                     "uploads": [u.n for u in record.uploads]}
            self.journal.begin(entry)
            crash_point("erase", "after-journal")
            return self._finish_erase(entry)

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
