"""The seam to package validation (kg.validation.package, built alongside): a package of files
in, a report, the merged triples and each file's name and checksum out.

Until that module is on this branch, a thin stand-in over today's kg.validation with the same
signature keeps submissions working and testable; it goes when the real one arrives.
"""

from __future__ import annotations

try:
    from kg.validation.package import PackageFile, PackageResult, files_from_zip, validate_package
except ImportError:  # pragma: no cover - replaced by the merge of branch validation-packages
    import hashlib
    import io
    import zipfile
    from collections.abc import Sequence
    from dataclasses import dataclass, field

    import pyoxigraph as ox

    from kg.errors import BadRequest
    from kg.parsed_input import RowIndex, Submission
    from kg.validation import Report, Validator, load_bundle
    from kg.validation.inputs import detect_format, read_input

    @dataclass(frozen=True)
    class PackageFile:  # type: ignore[no-redef]
        name: str
        data: bytes
        fmt: str | None = None

    @dataclass(frozen=True)
    class FileDigest:
        name: str
        sha256: str
        fmt: str
        triples: int
        template: str | None = None

    @dataclass
    class PackageResult:  # type: ignore[no-redef]
        report: Report
        triples: list
        files: list = field(default_factory=list)

        @property
        def conforms(self) -> bool:
            return self.report.conforms

    def files_from_zip(data: bytes, *, max_bytes: int, source: str = "the zip") -> list:  # type: ignore[no-redef]
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            members = [e for e in archive.infolist() if not e.is_dir()]
            return [PackageFile(e.filename, archive.read(e)) for e in members]
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise BadRequest(f"{source} is not a readable zip archive ({exc}).") from None

    def validate_package(files: Sequence[PackageFile], lang: str, *, store, settings,  # type: ignore[no-redef]
                         runner=None) -> PackageResult:
        if not files:
            raise BadRequest(messages={
                "en": "The package has no files: send one or more files (RDF or CSV by "
                      "template).",
                "de": "Das Paket enthält keine Dateien: senden Sie eine oder mehrere Dateien "
                      "(RDF oder CSV nach Vorlage)."})
        merged, digests, lines = [], [], None
        for number, file in enumerate(files, start=1):
            fmt = detect_format(explicit=file.fmt, filename=file.name)
            parsed = read_input(file.data, fmt, source=file.name,
                                max_bytes=settings.max_upload_bytes)
            lines = parsed.lines if len(files) == 1 else RowIndex({})

            def apart(term, number=number):
                return ox.BlankNode(f"f{number}_{term.value}") if isinstance(term, ox.BlankNode) else term

            triples = [ox.Triple(apart(t.subject), t.predicate, apart(t.object))
                       for t in parsed.triples]
            merged.extend(triples)
            digests.append(FileDigest(file.name, hashlib.sha256(file.data).hexdigest(), fmt,
                                      len(triples)))
        merged = list(dict.fromkeys(merged))
        source = ", ".join(f.name for f in files)
        report = Validator(load_bundle(settings.root_path), store).validate(
            Submission(merged, source, lines), lang)
        return PackageResult(report, merged, digests)

__all__ = ["PackageFile", "PackageResult", "files_from_zip", "validate_package"]
