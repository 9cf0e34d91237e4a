"""`kg load` and `kg dump`: the files into the store's graphs, the published dataset out."""

from __future__ import annotations

import base64
import json
import os
import sys
from pathlib import Path

import click

from kg import loading, rdfio
from kg.cli.failures import fail, handle_errors
from kg.cli.settings_flags import settings_options
from kg.cli.stdout import write_stdout
from kg.cli.store_or_server import ask_server, open_store_or_server
from kg.running import ServerRecord


@click.command()
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


@click.command()
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
