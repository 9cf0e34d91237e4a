"""A submission package: one or more files (RDF in any supported syntax, CSVs by template)
validated together, in the context of the published graph, as one set of data.

The seam for the submissions API (and /api/validate): `validate_package(files, lang, store=,
settings=, runner=)` returns the report, the package's merged triples (ready to be stored as one
named graph) and each file's name and SHA-256. Unusable input raises before anything is judged:
400 (syntax, a CSV cell, a bad name), 413 (over the upload limit), 415 (a format we cannot tell);
those that need no parsing (check_package) in the caller's thread, the rest where it is parsed.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import pyoxigraph as ox

from kg.config import Settings
from kg.csv_templates import TEMPLATES
from kg.errors import BadRequest, PayloadTooLarge
from kg.parsed_input import Submission
from kg.store.base import Store
from kg.validation.bundle import load_bundle
from kg.validation.engine import Validator
from kg.validation.inputs import CSV, detect_format, read_input
from kg.validation.model import Report
from kg.validation.running import run_validation, validate_in_worker

# Enough for any real package (a municipality with a handful of tables and a Turtle file or
# two); a limit at all, so that a zip of 100,000 empty entries costs nothing to refuse.
MAX_FILES = 200


@dataclass(frozen=True)
class PackageFile:
    name: str  # as uploaded (a zip member's path inside the zip)
    data: bytes
    fmt: str | None = None  # a format name or media type; None: told by the name's ending
    template: str | None = None  # for a CSV: the template; None: by its name, else its header


@dataclass(frozen=True)
class FileDigest:
    name: str
    sha256: str
    fmt: str  # the format it was read as: turtle, …, csv
    triples: int
    template: str | None = None  # for a CSV: the template it was read by


@dataclass
class PackageResult:
    report: Report
    # The whole package, merged, blank nodes kept apart per file (empty if not asked for).
    triples: list[ox.Triple]
    files: list[FileDigest] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return self.report.conforms


class PackageLines:
    """node -> the file that describes it -> its line (or CSV row) there."""

    def __init__(self) -> None:
        self.homes: dict[str, tuple[str, str]] = {}  # node -> (file name, node as in the file)
        self.indexes: dict[str, object] = {}  # file name -> its Lines

    def add(self, name: str, lines, renamed: dict[str, str], triples: Sequence[ox.Triple]) -> None:
        self.indexes[name] = lines
        for t in triples:
            # An IRI's home is the file that describes it, not one that only names it.
            homes = (t.subject, t.object) if isinstance(t.object, ox.BlankNode) else (t.subject,)
            for term in homes:
                key = _node_key(term)
                if key is not None:
                    self.homes.setdefault(key, (name, renamed.get(key, key)))

    def source_of(self, node: str) -> str | None:
        home = self.homes.get(node)
        return home[0] if home else None

    def line_of(self, node: str) -> int | None:
        home = self.homes.get(node)
        if home is None:
            return None
        return self.indexes[home[0]].line_of(home[1])


def _node_key(term) -> str | None:
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return None


def files_from_zip(data: bytes, *, max_bytes: int, source: str = "the zip") -> list[PackageFile]:
    """A zip's files as a package: folders and the hidden files of archivers are skipped; a
    name with '..' or an absolute path is a 400; more than MAX_FILES files, or more than
    `max_bytes` unpacked (read in bounded pieces: the sizes a zip declares may lie), a 413."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise BadRequest(messages={
            "en": f"{source} is not a readable zip archive ({exc}); pack the files again, or "
                  "send them one by one.",
            "de": f"{source} ist kein lesbares Zip-Archiv ({exc}); packen Sie die Dateien neu "
                  "oder senden Sie sie einzeln."}) from None
    members = [e for e in entries if not e.is_dir() and not _hidden(e.filename)]
    _check_count(len(members))
    out: list[PackageFile] = []
    left = max_bytes
    for entry in members:
        name = _safe_name(entry.filename)
        if entry.flag_bits & 0x1:
            raise BadRequest(messages={
                "en": f"{name} in {source} is encrypted; send the zip without a password.",
                "de": f"{name} in {source} ist verschlüsselt; senden Sie das Zip ohne Passwort."})
        content = _read_bounded(archive, entry, left, max_bytes, source)
        left -= len(content)
        out.append(PackageFile(name, content))
    return out


def _hidden(name: str) -> bool:
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return bool(parts) and (parts[0] == "__MACOSX" or parts[-1].startswith("."))


def _safe_name(name: str) -> str:
    path = name.replace("\\", "/")
    if path.startswith("/") or (len(path) > 1 and path[1] == ":") or ".." in path.split("/"):
        raise BadRequest(messages={
            "en": f"The zip holds a file named {name!r}: names with '..' or an absolute path are "
                  "not accepted. Pack the files with names relative to one folder.",
            "de": f"Das Zip enthält eine Datei namens {name!r}: Namen mit '..' oder einem "
                  "absoluten Pfad werden nicht angenommen. Packen Sie die Dateien mit Namen "
                  "relativ zu einem Ordner."})
    return path


def _read_bounded(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, left: int, max_bytes: int,
                  source: str) -> bytes:
    chunks, size = [], 0
    try:
        with archive.open(entry) as stream:
            while chunk := stream.read(min(1 << 20, left - size + 1)):
                size += len(chunk)
                if size > left:
                    raise PayloadTooLarge.over_limit(
                        {"en": f"{source} unpacked", "de": f"{source} entpackt"},
                        max_bytes, setting="max_upload_bytes")
                chunks.append(chunk)
    except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError) as exc:
        raise BadRequest(messages={
            "en": f"{entry.filename} in {source} cannot be unpacked ({exc}); pack it again.",
            "de": f"{entry.filename} in {source} lässt sich nicht entpacken ({exc}); packen Sie "
                  "es neu."}) from None
    return b"".join(chunks)


def check_package(files: Sequence[PackageFile], settings: Settings) -> list[PackageFile]:
    """What can be refused without parsing, refused: no files or too many (400, 413), too many
    bytes (413), two files of one name (400), a format we cannot tell (415). Returns the files
    with their format (and a CSV's template) decided. Cheap, so it runs in the request thread;
    the parsing is left to wherever the package is judged."""
    if not files:
        raise BadRequest(messages={
            "en": "The package has no files: send one or more files (RDF or CSV by template), or "
                  "a zip of them.",
            "de": "Das Paket enthält keine Dateien: senden Sie eine oder mehrere Dateien (RDF oder "
                  "CSV nach Vorlage) oder ein Zip-Archiv davon."})
    _check_count(len(files))
    total = sum(len(f.data) for f in files)
    if total > settings.max_upload_bytes:
        raise PayloadTooLarge.over_limit({"en": "The package", "de": "Das Paket"},
                                         settings.max_upload_bytes, size=total,
                                         setting="max_upload_bytes")
    seen: set[str] = set()
    checked = []
    for file in files:
        if file.name in seen:
            raise BadRequest(messages={
                "en": f"Two files are named {file.name!r}; give each file of a package its own "
                      "name.",
                "de": f"Zwei Dateien heißen {file.name!r}; geben Sie jeder Datei des Pakets einen "
                      "eigenen Namen."})
        seen.add(file.name)
        fmt = detect_format(explicit=file.fmt, filename=file.name)
        template = (file.template or template_for(file.name)) if fmt == CSV else None
        checked.append(PackageFile(file.name, file.data, fmt, template))
    return checked


def parse_package(files: Sequence[PackageFile], max_bytes: int
                  ) -> tuple[Submission, list[FileDigest]]:
    """Checked files (check_package) parsed and merged into one Submission; 400 for a file that
    does not parse (naming it, and the line where the parser tells)."""
    merged: list[ox.Triple] = []
    lines = PackageLines()
    digests = []
    for number, file in enumerate(files, start=1):
        assert file.fmt is not None, "parse_package takes the files check_package returned"
        submission = read_input(file.data, file.fmt, source=file.name, max_bytes=max_bytes,
                                template=file.template)
        triples, renamed = _apart(submission.triples, number) if len(files) > 1 else \
            (submission.triples, {})
        lines.add(file.name, submission.lines, renamed, triples)
        merged.extend(triples)
        digests.append(FileDigest(file.name, hashlib.sha256(file.data).hexdigest(), file.fmt,
                                  len(triples), file.template))
    source = files[0].name if len(files) == 1 else ", ".join(f.name for f in files)
    return Submission(list(dict.fromkeys(merged)), source, lines), digests


def read_package(files: Sequence[PackageFile], settings: Settings
                 ) -> tuple[Submission, list[FileDigest]]:
    """The package parsed and merged into one Submission; 400/413/415 for unusable input."""
    return parse_package(check_package(files, settings), settings.max_upload_bytes)


def template_for(name: str) -> str | None:
    """The CSV template a file is named after (plans.csv → plans); else None: told by its header."""
    stem = PurePosixPath(name).stem.lower()
    return stem if any(t.name == stem for t in TEMPLATES) else None


def _apart(triples: list[ox.Triple], number: int) -> tuple[list[ox.Triple], dict[str, str]]:
    """Each file's blank nodes renamed (f<number>_<label>): `_:b0` in two files are two nodes.
    Returns the triples and new name -> name in the file, for finding lines."""
    renamed: dict[str, str] = {}

    def term(t):
        if isinstance(t, ox.BlankNode):
            new = ox.BlankNode(f"f{number}_{t.value}")
            renamed["_:" + new.value] = "_:" + t.value
            return new
        return t

    return [ox.Triple(term(t.subject), t.predicate, term(t.object)) for t in triples], renamed


def _check_count(count: int) -> None:
    if count > MAX_FILES:
        raise PayloadTooLarge(messages={
            "en": f"The package has {count} files; this server accepts at most {MAX_FILES} per "
                  "package. Send it in several packages.",
            "de": f"Das Paket enthält {count} Dateien; dieser Server nimmt höchstens {MAX_FILES} "
                  "je Paket an. Senden Sie es in mehreren Paketen."},
            detail={"files": count, "limit_files": MAX_FILES})


def validate_package(files: Sequence[PackageFile], lang: str, *, store: Store | None,
                     settings: Settings, runner=None, keep_triples: bool = True) -> PackageResult:
    """Parse, merge and validate a package in the context of the published graph.

    With `runner` a WorkerPool (what `kg serve` has), the parsing and judging run in a worker
    process on a checkpoint, under the query deadline (503 past it) and after the client's turn
    (kg.querying.fairness): the request thread only does check_package's cheap checks, so a
    client over its budget hears so at once. Otherwise in this process on `store` (None: without
    context). `keep_triples=False`: the result's triples are left empty, so a worker sends back
    only the report (parsed 5 MB of Turtle are about 65 MB here; a submission needs them to store,
    a validation does not)."""
    package = RawPackage(tuple(check_package(files, settings)), settings.max_upload_bytes,
                         keep_triples)
    return run_package(package, lang, store=store, settings=settings, runner=runner)


@dataclass(frozen=True)
class RawPackage:
    """A checked package as uploaded (bytes, not triples): what is sent to a worker to parse."""

    files: tuple[PackageFile, ...]
    max_bytes: int
    keep_triples: bool = True


def judge_package(package: RawPackage, judge: Callable[[Submission], Report]) -> PackageResult:
    """Parse `package` and judge it with `judge`; each record names the file it comes from."""
    submission, digests = parse_package(package.files, package.max_bytes)
    report = judge(submission)
    lines: PackageLines = submission.lines  # type: ignore[assignment]
    for record in report.records:
        record.source = lines.source_of(record.node)
    return PackageResult(report, submission.triples if package.keep_triples else [], digests)


def judge_submission_or_package(sent: Submission | RawPackage, lang: str, *, store: Store,
                                root: str | Path, engine: str) -> Report | PackageResult:
    """What a validation worker answers for what it was sent: the Report of a parsed Submission,
    or the PackageResult of a RawPackage (an upload's bytes), parsed here first. Public and here
    because two kinds of worker judge alike with it, the pool's (kg.querying.worker) and a remote
    store's validation process (kg.querying.remote_validation), and neither should reach into
    the other's private names."""

    def judge(submission: Submission) -> Report:
        # Made once the input is parsed: input that does not parse is refused without loading
        # the shapes (about a second on a fresh worker, charged to the client's budget).
        return Validator(load_bundle(Path(root)), store, engine).validate(submission, lang)

    if isinstance(sent, RawPackage):
        return judge_package(sent, judge)
    return judge(sent)


def run_package(package: RawPackage, lang: str, *, store: Store | None, settings: Settings,
                runner=None) -> PackageResult:
    """`package` parsed and judged in a worker of `runner` where it has them; else parsed here
    and judged by run_validation (a remote store's runner judges in a process of its own)."""
    result = validate_in_worker(package, lang, settings=settings, runner=runner)
    if result is not None:
        return result
    return judge_package(package, lambda submission: run_validation(
        submission, lang, store=store, settings=settings, runner=runner))
