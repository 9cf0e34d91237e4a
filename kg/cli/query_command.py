"""`kg query`: a SPARQL query against the store, its server or another endpoint, printed."""

from __future__ import annotations

import click

from kg import rdfio, results
from kg.cli.failures import fail, handle_errors
from kg.cli.settings_flags import settings_options
from kg.cli.stdout import write_stdout
from kg.cli.store_or_server import open_store_or_server
from kg.sparql_client import run_remote_query


@click.command()
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
