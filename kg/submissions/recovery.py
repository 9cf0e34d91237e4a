"""After a crash: finish or undo what the journal shows half done, and say what is
inconsistent between the store, the kept files and the journal."""

from __future__ import annotations

from kg import iris
from kg.submissions.records import ACCEPTED, ERASED, read_record, read_records


class Recovery:
    """reconcile and check, part of kg.submissions.lifecycle.Submissions: uses its store, kept
    files, journal, audit log, lock and _finish_erase."""

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
