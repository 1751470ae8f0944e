"""The ``evalreport`` command line. Each command group lives in its own module under
``evalreport/cli/`` and registers itself on :data:`app`; this file only assembles them."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="evalreport",
    help="Consolidate standardized evaluation workbooks up a Party organization hierarchy.",
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


@app.callback()
def _root() -> None:
    """Consolidate standardized evaluation workbooks up a Party organization hierarchy."""


def main() -> None:  # pragma: no cover - console entry
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
