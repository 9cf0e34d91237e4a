"""`kg token …`: the submitters' tokens."""

from __future__ import annotations

import click

from kg.cli.failures import handle_errors
from kg.cli.settings_flags import settings_options
from kg.submissions import TokenBook, parse_scope


@click.group()
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
