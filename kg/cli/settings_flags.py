"""Every setting of kg.config as a flag of the commands that take them."""

from __future__ import annotations

import functools

import click

from kg import config
from kg.cli.failures import handle_errors


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
