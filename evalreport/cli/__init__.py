"""The ``evalreport`` command line. Each command group lives in its own module under
``evalreport/cli/`` and registers itself on :data:`app`; this file only assembles them.

The root group is a :class:`~evalreport.cli.localized.LocalizedGroup`: at every invocation it
decides the language (``--lang``, ``EVALREPORT_LANG``, the workspace's ``language:``, else
Vietnamese) and rewords the whole tree, Typer's own strings included, before parsing.
"""

from __future__ import annotations

import typer
from typer.core import TyperCommand

from evalreport.cli.localized import LocalizedCommand, LocalizedGroup

app = typer.Typer(
    name="evalreport",
    cls=LocalizedGroup,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Command modules; each defines register(app). Order is the order of --help.
from evalreport.cli import bundle as _bundle_commands  # noqa: E402
from evalreport.cli import check as _check_commands  # noqa: E402
from evalreport.cli import demo as _demo_commands  # noqa: E402
from evalreport.cli import period as _period_commands  # noqa: E402
from evalreport.cli import report as _report_commands  # noqa: E402
from evalreport.cli import template as _template_commands  # noqa: E402
from evalreport.cli import workspace as _workspace_commands  # noqa: E402

_COMMAND_MODULES: tuple = (_template_commands, _check_commands, _report_commands, _demo_commands, _workspace_commands,
                             _period_commands, _bundle_commands)

for _module in _COMMAND_MODULES:
    _module.register(app)


def _speak_the_language(typer_app: typer.Typer) -> None:
    """Every command and group of ``typer_app`` built with the localized classes (the modules
    register plain commands)."""
    for info in typer_app.registered_commands:
        if info.cls in (None, TyperCommand):
            info.cls = LocalizedCommand
    for group in typer_app.registered_groups:
        group.typer_instance.info.cls = LocalizedGroup
        _speak_the_language(group.typer_instance)


_speak_the_language(app)


def _exit_codes_everywhere(typer_app: typer.Typer) -> None:
    """Every command (and sub-command) ends with the documented exit codes: its failures are
    reported by :func:`~evalreport.cli.exit_codes.reported`, and its help lists the codes."""
    from evalreport.cli.exit_codes import exit_codes_help, reported

    for info in typer_app.registered_commands:
        info.callback = reported(info.callback)
        info.epilog = info.epilog or exit_codes_help()
    for group in typer_app.registered_groups:
        _exit_codes_everywhere(group.typer_instance)


_exit_codes_everywhere(app)


@app.callback()
def _root() -> None:
    """Consolidate standardized evaluation workbooks up a Party organization hierarchy."""


def main() -> None:  # pragma: no cover - console entry
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
