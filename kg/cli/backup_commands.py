"""`kg backup` and `kg restore`: the whole store into a folder and back."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli.failures import fail, handle_errors
from kg.cli.settings_flags import settings_options
from kg.cli.store_or_server import ask_server, open_store_or_server
from kg.store import backup as store_backup
from kg.submissions.files import workspace_dir


@click.command("backup")
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


@click.command("restore")
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
