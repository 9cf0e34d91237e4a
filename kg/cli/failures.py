"""How a command ends: its exit codes, and every failure as one line on stderr."""

from __future__ import annotations

import functools
import sys

import click

from kg.errors import KGError

EXIT_CONFORMS, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2
# The server took the request but closed the connection before answering: it may have done it.
EXIT_UNKNOWN = 3


def fail(message: str, code: int = EXIT_ERROR) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


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
