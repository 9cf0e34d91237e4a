"""The `kg` command line: the same core as the web app."""

from __future__ import annotations

import base64
import functools
import http.client
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import click

from kg import config, loading, rdfio, results
from kg.errors import BadRequest, KGError, StoreBusy, Unavailable
from kg.i18n import LANGUAGES
from kg.running import ServerRecord, read_record
from kg.sparql_client import run_remote_query
from kg.store import backup as store_backup
from kg.store import open_store
from kg.submissions import OPERATOR, Submissions, TokenBook, parse_scope
from kg.submissions.client import call, multipart
from kg.submissions.files import workspace_dir
from kg.validation import Validator, load_bundle
from kg.validation.engine import DEFAULT_ENGINE, ENGINES
from kg.validation.files import validate_files
from kg.validation.inputs import known_formats
from kg.validation.package import PackageFile, files_from_zip
from kg.validation.model import Report
from kg.validation.published import revalidate
from kg.validation.render import render_reports

EXIT_CONFORMS, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2
# The server took the request but closed the connection before answering: it may have done it.
EXIT_UNKNOWN = 3


def settings_options(func):
    """Every setting as a flag of the command (declared once, in kg.config.SETTINGS)."""
    for setting in reversed(config.SETTINGS):
        func = click.option(setting.flag, setting.name, default=None,
                            type=str if setting.multiple else setting.type,
                            multiple=setting.multiple,
                            help=f"{setting.help} [env {setting.env}; default {setting.default!r}]"
                            if not setting.secret else f"{setting.help} [env {setting.env}]")(func)
    func = click.option("--config", "config_file", type=click.Path(dir_okay=False),
                        help="A TOML file of settings [env KG_CONFIG].")(func)

    @functools.wraps(func)
    def wrapper(config_file, **kwargs):
        names = {s.name for s in config.SETTINGS}
        flags = {k: kwargs.pop(k) for k in list(kwargs) if k in names}
        # A list flag not given arrives as (); None lets the environment or the file decide.
        flags = {k: (v if v != () else None) for k, v in flags.items()}
        # Read here, outside the command's own handle_errors: a bad file or variable is
        # unusable input too, and gets the same one-line message and exit code.
        settings = handle_errors(config.load_settings)(flags, config_file=config_file)
        return func(settings, **kwargs)

    return wrapper


def fail(message: str, code: int = EXIT_ERROR) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


def write_stdout(data: bytes) -> None:
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def os_error_line(exc: OSError) -> str:
    return f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")


def handle_errors(func):
    """Every error a command meets is one line on stderr and exit code 2, never a traceback:
    ours say what to do; the operating system's (a full disk, a missing permission) say what
    it refused."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KGError as exc:
            fail(exc.message, getattr(exc, "exit_code", EXIT_ERROR))
        except OSError as exc:
            fail(os_error_line(exc))
        except Exception as exc:  # a bug of ours: still one line, and the kind of failure
            fail(f"unexpected {type(exc).__name__}: {exc}; please report it with the command "
                 "you ran.")
    return wrapper


def open_store_or_server(settings):
    """(store, None), or (None, record) of the running `kg serve` that holds the store: the one
    writer, through which local commands then go."""
    if settings.store_is_remote:
        # A remote server holds no lock for us: the record of a running `kg serve` says so.
        record = read_record(settings.local_store)
        if record is not None:
            return None, record
    try:
        return open_store(settings), None
    except StoreBusy:
        record = read_record(settings.store)
        if record is None:
            raise
        return None, record


@click.group()
@click.version_option(package_name="integration-kg")
def main() -> None:
    """integration-kg: the knowledge graph of municipal integration infrastructure."""


@main.command()
@settings_options
@click.option("--force", is_flag=True, help="Reload every file, changed or not.")
@click.option("--prune", is_flag=True,
              help="Drop the graphs of files no longer below --root (without it they are kept "
                   "and listed).")
@handle_errors
def load(settings, force: bool, prune: bool) -> None:
    """Load ontology/, shapes/ and data/ into their graphs (one graph per file)."""
    sources = loading.collect_sources(settings.root_path)
    if not sources:
        fail(f"No RDF files below {settings.root_path.resolve()}/{{ontology,shapes,data}}; "
             "run in the project folder or pass --root.")
    store, server = open_store_or_server(settings)
    if server is not None:
        report = _load_through_server(server, sources, force, prune)
        click.echo(f"Sent to the running server at {server.url}.")
    else:
        try:
            # A remote store: what a write cut short left on the server (see kg.store.remote).
            getattr(store, "drop_leftover_staging", lambda: None)()
            report = _load_here(store, sources, force, prune).to_dict()
        finally:
            store.close()
    click.echo(f"Loaded {len(report['loaded'])} file(s), {report['triples']:,} triples in "
               f"{report['seconds']:.2f} s; {len(report['unchanged'])} unchanged; "
               f"{len(report['removed'])} graph(s) of removed files dropped.")
    kept = report.get("kept") or []
    if kept:
        # A partial tree (a wrong --root) once dropped every graph it lacked, silently.
        click.echo(f"Kept {len(kept)} graph(s) whose files are not below "
                   f"{settings.root_path.resolve()}: {', '.join(kept)}; pass --prune to drop "
                   "them.", err=True)


def _load_here(store, sources, force, prune):
    show = sys.stderr.isatty() and not os.environ.get("CI")

    def progress(source, triples):
        if show:
            click.echo(f"  parsed {source.path}: {triples:,} triples", err=True)

    report = loading.load_sources(store, sources, force=force, prune=prune, progress=progress)
    if show and report.seconds > 0:
        click.echo(f"  {report.triples / report.seconds:,.0f} triples/s", err=True)
    return report


def _load_through_server(record: ServerRecord, sources, force, prune) -> dict:
    body = json.dumps({"force": force, "prune": prune, "files": [
        {"path": s.path, "content_base64": base64.b64encode(s.content).decode()} for s in sources
    ]}).encode()
    return json.loads(ask_server(record, "/api/admin/load", body=body, what=_LOAD))


_LOAD = {"en": "the load", "de": "das Laden"}
_DUMP = {"en": "the dump", "de": "den Abzug"}
_REVALIDATION = {"en": "the revalidation", "de": "die erneute Prüfung"}
_CUT_OFF = {"en": "The running server at {url} closed the connection before answering {what} "
                   "({reason}); it may have completed: check with `kg dump` or /health, and "
                   "repeat it if not (a repeated load changes nothing that is loaded).",
            "de": "Der laufende Server unter {url} hat die Verbindung geschlossen, bevor er auf "
                  "{what} antwortete ({reason}); es kann abgeschlossen sein: prüfen Sie das mit "
                  "`kg dump` oder /health und wiederholen Sie es sonst (ein wiederholtes Laden "
                  "ändert nichts bereits Geladenes)."}
_REFUSED = {"en": "The running server at {url} refused {what}: {said}",
            "de": "Der laufende Server unter {url} hat {what} abgelehnt: {said}"}
_SILENT = {"en": "The store is held by a server (pid {pid}) at {url} that does not answer "
                 "({reason}); stop it, then try again.",
           "de": "Der Speicher wird von einem Server (PID {pid}) unter {url} gehalten, der nicht "
                 "antwortet ({reason}); beenden Sie ihn und versuchen Sie es dann erneut."}


def ask_server(record: ServerRecord, path: str, *, what: dict[str, str],
               params: dict[str, str] | None = None, body: bytes | None = None,
               timeout: float = 600) -> bytes:
    """The answer of the running server that holds the store to an authorised request (POST
    with `body`, else GET). Its refusal, in its own words, or its silence is a KGError."""
    url = record.url.rstrip("/") + path + ("?" + urllib.parse.urlencode(params) if params else "")
    headers = {"Authorization": f"Bearer {record.token}"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=body, headers=headers,
                                     method="POST" if body is not None else "GET")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()
    except urllib.error.HTTPError as exc:
        said = _said(exc)
        raise KGError(messages={lang: text.format(url=record.url, what=what[lang],
                                                  said=said.get(lang) or said["en"])
                                for lang, text in _REFUSED.items()}) from None
    except urllib.error.URLError as exc:
        raise Unavailable(messages={lang: text.format(pid=record.pid, url=record.url,
                                                      reason=exc.reason)
                                    for lang, text in _SILENT.items()}) from None
    except (http.client.HTTPException, OSError) as exc:
        # The request was sent but no whole answer came back: the server may have done it.
        error = Unavailable(messages={lang: text.format(url=record.url, what=what[lang],
                                                        reason=str(exc) or type(exc).__name__)
                                      for lang, text in _CUT_OFF.items()})
        error.exit_code = EXIT_UNKNOWN
        raise error from None


def _said(exc: urllib.error.HTTPError) -> dict[str, str]:
    """What a refusing server said, in every language it said it (at least in English)."""
    try:
        error = json.loads(exc.read() or b"{}")
        return {"en": str(error["message"]), **error.get("messages", {})}
    except (ValueError, KeyError, AttributeError, TypeError):
        return {"en": f"{exc.code} {exc.reason}"}


@main.command()
@settings_options
@handle_errors
def serve(settings) -> None:
    """Serve the web app and the SPARQL endpoint (waitress)."""
    # Here, not at the top: only this command needs the web app, and Flask, werkzeug, Jinja and
    # waitress would add a quarter of a second to every other command's start.
    from kg.serving import serve as run

    run(settings)


@main.command()
@settings_options
@click.argument("query_text", required=False)
@click.option("--file", "query_file", type=click.File("r", encoding="utf-8"),
              help="Read the query from a file.")
@click.option("--endpoint", help="Ask this SPARQL endpoint instead of the local store.")
@click.option("--format", "output", type=click.Choice(["table", "csv", "tsv", "json"]),
              default="table", show_default=True)
@handle_errors
def query(settings, query_text, query_file, endpoint, output) -> None:
    """Run a SPARQL query (SELECT/ASK; CONSTRUCT prints Turtle) and print the result."""
    text = query_file.read() if query_file else query_text
    if not text:
        fail("Give a query as an argument or with --file.")
    if endpoint:
        result = run_remote_query(endpoint, text, timeout=settings.query_timeout)
    else:
        result = _query_local(settings, text)
    # Binary, so that CSV keeps the CRLF line ends its specification asks for.
    write_stdout(format_result(result, output).encode("utf-8"))


def _query_local(settings, text: str):
    """The local store, or, while a server holds it, that server's endpoint."""
    store, server = open_store_or_server(settings)
    if server is not None:
        return run_remote_query(server.url + "sparql", text, timeout=settings.query_timeout)
    try:
        return store.query(text, row_cap=settings.result_row_cap)
    finally:
        store.close()


@main.command()
@settings_options
@click.option("--format", "fmt", default="nquads", show_default=True,
              type=click.Choice([f.name for f in rdfio.RDF_FORMATS]),
              help="Dataset formats (nquads, trig) keep the graphs; the others merge them.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="File to write (default: stdout).")
@handle_errors
def dump(settings, fmt: str, output: str | None) -> None:
    """Write the published dataset (while a server holds the store, as that server has it)."""
    store, server = open_store_or_server(settings)
    if server is not None:
        data = ask_server(server, "/api/admin/dump", params={"format": fmt}, what=_DUMP)
    else:
        try:
            data = store.dump(rdfio.rdf_format(fmt).oxigraph)
        finally:
            store.close()
    if output:
        Path(output).write_bytes(data)
    else:
        write_stdout(data)


@main.command("validate")
@settings_options
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--lang", type=click.Choice(LANGUAGES), default="en", show_default=True,
              help="Language of the report (and of the error, for unusable input).")
@click.option("--format", "output", type=click.Choice(["text", "json", "turtle", "html"]),
              default="text", show_default=True, help="How to print the report.")
@click.option("--input-format", type=click.Choice(known_formats()),
              help="The files' format, when their endings do not tell it.")
@click.option("--template", help="The CSV template of CSV files (default: told by the header).")
@click.option("--no-context", is_flag=True,
              help="Do not look up what the files reference in the store.")
@click.option("--engine", type=click.Choice(ENGINES), default=DEFAULT_ENGINE, show_default=True,
              help="The SHACL engine; the default is the one the server uses.")
def validate(settings, files, lang, output, input_format, template, no_context, engine) -> None:
    """Check FILEs against the shapes, in the context of the store (exit 0 conforms,
    1 violations, 2 unusable input). Without FILE: revalidate the data the store publishes."""
    try:
        reports = _validate(settings, files, lang, input_format, template, no_context, engine)
    except KGError as exc:
        fail(exc.text(lang))
    except OSError as exc:
        fail(os_error_line(exc))
    click.echo(render_reports(reports, output), nl=False)
    sys.exit(EXIT_CONFORMS if all(r.conforms for r in reports) else EXIT_VIOLATIONS)


def _validate(settings, files, lang, input_format, template, no_context, engine) -> list[Report]:
    if not files and no_context:
        raise BadRequest(messages={
            "en": "Nothing to validate: give FILEs, or leave out --no-context to revalidate what "
                  "the store publishes.",
            "de": "Nichts zu prüfen: geben Sie Dateien an, oder lassen Sie --no-context weg, um "
                  "den veröffentlichten Bestand des Speichers erneut zu prüfen."})
    store, server = (None, None) if no_context else _validation_store(settings, files)
    if server is not None:
        # The server holds the store: it revalidates what it publishes, and sends the report.
        answer = ask_server(server, "/api/admin/revalidate", params={"lang": lang, "engine": engine},
                            what=_REVALIDATION)
        return [Report.from_dict(json.loads(answer))]
    try:
        validator = Validator(load_bundle(settings.root_path), store, engine=engine)
        if files:
            return validate_files(validator, files, lang, max_bytes=settings.max_upload_bytes,
                                  input_format=input_format, template=template)
        return [revalidate(store, validator, settings.root_path, lang)]
    finally:
        if store is not None:
            store.close()


def _validation_store(settings, files) -> tuple:
    """(the store to look references up in, or without FILEs to revalidate, if there is one;
    None), or (None, the record of the server that holds it) for a revalidation."""
    if not settings.store_is_remote and not Path(settings.store).exists():
        if not files:
            raise BadRequest(messages={
                "en": f"No store at {settings.store}; give --store PATH, or FILEs to validate.",
                "de": f"Kein Speicher unter {settings.store}; geben Sie --store PFAD oder zu "
                      "prüfende Dateien an."})
        click.echo(f"Note: no store at {settings.store}; references are not looked up.", err=True)
        return None, None
    try:
        store, server = open_store_or_server(settings)
    except StoreBusy as exc:
        raise StoreBusy(messages={
            lang: exc.text(lang) + hint for lang, hint in (
                ("en", " Or validate through the server: POST /api/validate."),
                ("de", " Oder prüfen Sie über den Server: POST /api/validate."))}) from None
    if server is not None and files:
        raise StoreBusy(messages={
            "en": f"The store {settings.store} is held by the server at {server.url}, so the "
                  f"files cannot be checked in its context here: send them to "
                  f"{server.url}api/validate (POST), or give --no-context.",
            "de": f"Der Speicher {settings.store} wird vom Server unter {server.url} gehalten, "
                  f"daher lassen sich die Dateien hier nicht in seinem Kontext prüfen: senden "
                  f"Sie sie an {server.url}api/validate (POST), oder geben Sie --no-context an."})
    return store, server


def format_result(result, output: str) -> str:
    if result.form == "graph":
        return rdfio.serialize(result.triples, rdfio.rdf_format("turtle")).decode()
    if output != "table":
        return results.serialize(result, results.result_format(output)).decode()
    if result.form == "ask":
        return ("true" if result.boolean else "false") + "\n"
    cells = [[results.display(v) for v in row] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(result.variables)]
    line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()  # noqa: E731
    out = [line(result.variables), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''}"
               + (", cut at the row cap" if result.truncated else "") + ")")
    return "\n".join(out) + "\n"


# -- tokens and submissions ---------------------------------------------------------------

@main.group()
def token() -> None:
    """Submitters' tokens: each scoped to municipalities (AGS), kept only as a hash."""


@token.command("add")
@settings_options
@click.argument("name")
@click.option("--scope", "scope_text", required=True,
              help="AGS the token may submit for, comma-separated (e.g. 14713000), or '*'.")
@handle_errors
def token_add(settings, name: str, scope_text: str) -> None:
    """Make a token for NAME and print it once (only its hash is kept)."""
    secret = TokenBook(settings.tokens_path).add(name, parse_scope(scope_text))
    click.echo(f"Token for {name} (shown once, keep it safe; only its hash is kept in "
               f"{settings.tokens_path}):", err=True)
    click.echo(secret)


@token.command("list")
@settings_options
@handle_errors
def token_list(settings) -> None:
    """List the tokens: name, scope, made, revoked (never the token)."""
    for entry in TokenBook(settings.tokens_path).entries():
        state = f"revoked {entry.revoked}" if entry.revoked else "valid"
        click.echo(f"{entry.name}\t{','.join(entry.scope)}\tmade {entry.created}\t{state}")


@token.command("revoke")
@settings_options
@click.argument("name")
@handle_errors
def token_revoke(settings, name: str) -> None:
    """Revoke the token of NAME at once (a running server reads the file on every request)."""
    TokenBook(settings.tokens_path).revoke(name)
    click.echo(f"Revoked the token of {name}.")


_TOKEN_OPTION = click.option(
    "--token", envvar="KG_TOKEN", default=None,
    help="The submitter's token [env KG_TOKEN]. Without it the command acts as the operator "
         "(every municipality).")


def _submissions_here(settings):
    """(Submissions on the store opened here, after reconciling, None) or (None, server)."""
    store, server = open_store_or_server(settings)
    if server is not None:
        return None, server
    service = Submissions(store, settings)
    for done in service.reconcile():
        click.echo(f"Note: after an earlier crash, {done}.", err=True)
    return service, None


def _principal(service, given: str | None):
    return OPERATOR if not given else service.authenticate(given)


def _print_outcome(answer: dict, lang: str) -> int:
    report = Report.from_dict(answer["report"])
    accepted = answer["status"] == "accepted" and report.conforms
    click.echo(render_reports([report], "text"), nl=False, err=True)
    if answer.get("id") is None:  # a new package refused: nothing was kept
        click.echo("Not accepted (nothing published, nothing kept): correct the package and "
                   "submit it again.")
        return EXIT_VIOLATIONS
    verb = "Accepted and published" if accepted else "Not accepted (nothing published)"
    click.echo(f"{verb}: submission {answer['id']}, version {answer['version']}.")
    return EXIT_CONFORMS if accepted else EXIT_VIOLATIONS


@main.command("submit")
@settings_options
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, exists=True))
@_TOKEN_OPTION
@click.option("--replace", "replaces", metavar="ID", help="Replace this submission.")
@click.option("--lang", type=click.Choice(LANGUAGES), default="en", show_default=True)
def submit(settings, files, token, replaces, lang) -> None:
    """Submit FILEs as one package (a .zip is unpacked): exit 0 published, 1 not conforming,
    2 refused."""
    try:
        contents = [(Path(f).name, Path(f).read_bytes()) for f in files]
        service, server = _submissions_here(settings)
        if server is not None:
            body, content_type = multipart(contents)
            path = f"/api/submissions/{replaces}" if replaces else "/api/submissions"
            _, answer = call(server.url, "PUT" if replaces else "POST", path,
                             token or server.token, body=body, content_type=content_type,
                             lang=lang)
        else:
            try:
                package = []
                for name, data in contents:
                    package += (files_from_zip(data, max_bytes=settings.max_upload_bytes,
                                               source=name) if name.lower().endswith(".zip")
                                else [PackageFile(name, data)])
                who = _principal(service, token)
                outcome = (service.replace(replaces, package, who, lang) if replaces
                           else service.submit(package, who, lang))
            finally:
                service.store.close()
            answer = {**(outcome.record.summary() if outcome.record is not None
                         else {"id": None, "status": outcome.upload.outcome}),
                      "version": outcome.upload.n if outcome.record is not None else None,
                      "report": outcome.report.to_dict()}
    except KGError as exc:
        fail(exc.text(lang))
    except OSError as exc:
        fail(os_error_line(exc))
    sys.exit(_print_outcome(answer, lang))


@main.command("submissions")
@settings_options
@click.argument("submission_id", required=False)
@_TOKEN_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the records as JSON.")
@handle_errors
def submissions_list(settings, submission_id, token, as_json) -> None:
    """List the submissions (or show one): status, versions, files."""
    service, server = _submissions_here(settings)
    if server is not None:
        path = f"/api/submissions/{submission_id}" if submission_id else "/api/submissions"
        _, answer = call(server.url, "GET", path, token or server.token)
        records = [answer] if submission_id else answer["submissions"]
    else:
        try:
            who = _principal(service, token)
            found = [service.get(submission_id, who)] if submission_id else service.list(who)
            records = [r.summary() for r in found]
        finally:
            service.store.close()
    if as_json or submission_id:
        click.echo(json.dumps(records[0] if submission_id else records, indent=1,
                              ensure_ascii=False))
        return
    for r in records:
        versions = ", ".join(f"v{v['version']} {v['state']}" for v in r.get("history", []))
        click.echo(f"{r['id']}\t{r['status']}\t{r['by']}\t{','.join(r['municipalities'])}\t"
                   f"{versions}")


@main.command("withdraw")
@settings_options
@click.argument("submission_id")
@_TOKEN_OPTION
@handle_errors
def withdraw(settings, submission_id, token) -> None:
    """Withdraw a submission: its data leave the published graph; record and history stay."""
    service, server = _submissions_here(settings)
    if server is not None:
        call(server.url, "DELETE", f"/api/submissions/{submission_id}", token or server.token)
    else:
        try:
            service.withdraw(submission_id, _principal(service, token))
        finally:
            service.store.close()
    click.echo(f"Withdrew submission {submission_id}.")


@main.command("erase")
@settings_options
@click.argument("submission_id")
@click.option("--reason", required=True, help="Why (kept in the audit log).")
@handle_errors
def erase(settings, submission_id, reason) -> None:
    """Erase a submission for good (a person's right to erasure): its data, history and kept
    files leave every graph, checkpoint and dump; an audit record of when and why stays."""
    service, server = _submissions_here(settings)
    if server is not None:
        call(server.url, "POST", f"/api/admin/submissions/{submission_id}/erase", server.token,
             body=json.dumps({"reason": reason}).encode(), content_type="application/json")
    else:
        try:
            service.erase(submission_id, reason)
        finally:
            service.store.close()
    click.echo(f"Erased submission {submission_id}; the audit log records why.")


@main.command("backup")
@settings_options
@click.argument("directory", type=click.Path(file_okay=False))
@handle_errors
def backup_command(settings, directory: str) -> None:
    """Back the whole store up into DIRECTORY (new or empty): every graph, the system graph and
    the submissions' kept files. Works while `kg serve` runs (the server makes the copy)."""
    target = Path(directory).resolve()
    if settings.store_is_remote:
        # Its data are in the Oxigraph server's --location, which only that server may copy.
        fail(f"--store {settings.store}: kg backup copies the embedded store only; back the "
             "Oxigraph server up on its own host (`oxigraph backup --location DIR --destination "
             "TARGET`) together with the --state-dir folder, or write the published dataset "
             "with `kg dump`.")
    store_backup.check_target(target)
    if not Path(settings.store).is_dir():
        fail(f"No store at {settings.store}; give the store's folder with --store.")
    store, server = open_store_or_server(settings)
    if server is not None:
        manifest = json.loads(ask_server(server, "/api/admin/backup", what=_BACKUP,
                                         body=json.dumps({"directory": str(target)}).encode()))
    else:
        try:
            manifest = store_backup.backup(store, target, workspace_dir(settings.store))
        finally:
            store.close()
    click.echo(f"Backed up {manifest['quads']:,} quads in {manifest['graphs']} graphs to {target}.")


_BACKUP = {"en": "the backup", "de": "die Sicherung"}


@main.command("restore")
@settings_options
@click.argument("directory", type=click.Path(file_okay=False))
@handle_errors
def restore_command(settings, directory: str) -> None:
    """Put the backup in DIRECTORY (made by `kg backup`) in place of the store. Refused while a
    server serves the store: stop it first."""
    if settings.store_is_remote:
        fail(f"--store {settings.store}: only the embedded store can be restored.")
    manifest = store_backup.restore(Path(directory).resolve(), Path(settings.store),
                                    workspace_dir(settings.store))
    click.echo(f"Restored {manifest['quads']:,} quads in {manifest['graphs']} graphs "
               f"(backed up {manifest['made']}) into {settings.store}.")


@main.command("settings")
@click.option("--markdown", is_flag=True, help="Print the README's configuration table.")
@settings_options
def show_settings(settings, markdown: bool) -> None:
    """Show the settings in force (or the table of all settings)."""
    if markdown:
        click.echo(config.settings_table_markdown(), nl=False)
        return
    for setting in config.SETTINGS:
        value = "***" if setting.secret and getattr(settings, setting.name) else getattr(settings, setting.name)
        click.echo(f"{setting.name} = {value!r}")


if __name__ == "__main__":
    main()
