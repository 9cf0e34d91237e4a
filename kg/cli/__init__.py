"""The `kg` command line: the same core as the web app. Each command group lives in a module of
its own; this one gathers them under `main`."""

from __future__ import annotations

import click

from kg import config
from kg.cli.backup_commands import backup_command, restore_command
from kg.cli.failures import handle_errors
from kg.cli.load_dump import dump, load
from kg.cli.query_command import query
from kg.cli.settings_flags import settings_options
from kg.cli.submission_commands import erase, submissions_list, submit, withdraw
from kg.cli.token_commands import token
from kg.cli.validate_command import validate


@click.group()
@click.version_option(package_name="integration-kg")
def main() -> None:
    """integration-kg: the knowledge graph of municipal integration infrastructure."""


@click.command()
@settings_options
@handle_errors
def serve(settings) -> None:
    """Serve the web app and the SPARQL endpoint (waitress)."""
    # Here, not at the top: only this command needs the web app, and Flask, werkzeug, Jinja and
    # waitress would add a quarter of a second to every other command's start.
    from kg.serving import serve as run

    run(settings)


@click.command("settings")
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


for command in (load, serve, query, dump, validate, token, submit, submissions_list, withdraw,
                erase, backup_command, restore_command, show_settings):
    main.add_command(command)
