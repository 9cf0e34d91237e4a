"""`kg submit`, `kg submissions`, `kg withdraw`, `kg erase`: the submissions' life, here or
through the server that holds the store."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg.cli.failures import EXIT_CONFORMS, EXIT_VIOLATIONS, fail, handle_errors, os_error_line
from kg.cli.settings_flags import settings_options
from kg.cli.store_or_server import open_store_or_server
from kg.errors import KGError
from kg.i18n import LANGUAGES
from kg.submissions import OPERATOR, Submissions
from kg.submissions.client import call, multipart
from kg.validation.model import Report
from kg.validation.package import PackageFile, files_from_zip
from kg.validation.render import render_reports


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


@click.command("submit")
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


@click.command("submissions")
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


@click.command("withdraw")
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


@click.command("erase")
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
