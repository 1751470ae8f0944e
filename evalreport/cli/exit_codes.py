"""Exit codes that scripts can rely on, and one clear line instead of a traceback.

Why: a scheduled script (or the officer's batch file) has to tell "done, look at the findings"
from "nothing was produced, try again": disk full, an outputs folder that cannot be written, a
busy workspace and a crash all used to exit 1, the code of a finished run with findings, and
some printed raw tracebacks. Every command is wrapped by :func:`reported` (in
``evalreport/cli/__init__.py``): a failure that ends a command early becomes exit code 3 with one
sentence in the workspace's language; the traceback goes to a log file,
``<workspace>/logs/evalreport-<timestamp>.log`` (the system temp folder for commands without a
workspace), which that sentence names when it helps.
"""

from __future__ import annotations

import errno
import functools
import os
import tempfile
import traceback
from collections.abc import Callable
from datetime import datetime
from enum import IntEnum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from evalreport.wording.catalog import text

__all__ = ["ExitCode", "exit_codes_help", "failure_language", "failure_message", "remember_language", "reported"]

_console = Console(stderr=True)
_LANG: list[str | None] = [None]  # the language of the open workspace, once a command has opened one


class ExitCode(IntEnum):
    DONE = 0  # done, nothing kept out
    FINDINGS = 1  # done, but errors keep some units (or unreadable files) out of the totals
    USAGE = 2  # wrong usage or configuration: nothing was done
    FAILED = 3  # the command could not finish (disk full, no permission, busy workspace, crash)


def exit_codes_help(lang: str = "vi") -> str:
    """The exit-code table for a command's ``--help`` epilog."""
    return text("EXIT_CODES_HELP", lang)


def remember_language(lang: str) -> None:
    """Say failures in the opened workspace's language ``lang`` from now on (unless the officer
    asked for a language: :func:`evalreport.cli.language.chosen`)."""
    _LANG[0] = lang


def failure_language() -> str:
    """The language failures are said in: the officer's explicit choice, else the opened
    workspace's, else the invocation's."""
    from evalreport.cli import language

    return language.chosen(_LANG[0])


def _usage_errors() -> tuple[type[Exception], ...]:
    """Worded errors that mean wrong usage or configuration (exit code 2), not a failed run."""
    from evalreport.form.definition import FormDefinitionError
    from evalreport.model.period import PeriodError
    from evalreport.store.config import WorkspaceConfigError

    return PeriodError, FormDefinitionError, WorkspaceConfigError


def reported(command: Callable[..., Any]) -> Callable[..., Any]:
    """``command`` with its failures turned into exit code 3, one line and a log file."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _LANG[0] = None  # no workspace opened yet in this invocation
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, typer.TyperException, KeyboardInterrupt):
            raise
        except Exception as exc:  # noqa: BLE001 - this is the command's last word
            if isinstance(exc, _usage_errors()):  # e.g. a form's file broken between two commands
                _console.print(f"[bold red]{exc.message(failure_language())}[/]", soft_wrap=True)
                raise typer.Exit(int(ExitCode.USAGE)) from None
            workspace = _workspace_of(kwargs)
            log = _write_log(workspace, exc)
            _console.print(f"[bold red]{failure_message(exc, failure_language(), log, workspace)}[/]",
                           soft_wrap=True)
            raise typer.Exit(int(ExitCode.FAILED)) from None

    return wrapper


def failure_message(exc: BaseException, lang: str, log: Path | None, workspace: Path | None = None) -> str:
    """One sentence saying why a command could not finish and what to do. A failed write names
    no file (a full disk is met in ``write``): then the workspace is the place named."""
    from evalreport.model.worded_error import WordedError
    from evalreport.store.publish import OutputsInUse

    where = str(log) if log is not None else text("EXIT_NO_LOG", lang)
    if isinstance(exc, (OutputsInUse, WordedError)):  # a busy workspace, a report open in Word, ...
        return exc.message(lang)
    if isinstance(exc, OSError):
        path = exc.filename or workspace or "?"
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return text("EXIT_DISK_FULL", lang).format(path=path)
        if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
            return text("EXIT_NOT_WRITABLE", lang).format(path=path)
        return text("EXIT_IO_ERROR", lang).format(path=path, reason=exc.strerror or exc, log=where)
    return text("EXIT_UNEXPECTED", lang).format(error=type(exc).__name__, log=where)


def _workspace_of(kwargs: dict[str, Any]) -> Path | None:
    """The command's workspace folder: ``--workspace``, or a ``FOLDER`` argument that is one
    (``init``, ``demo``); never a folder of submitted files, which is only read."""
    for name in ("workspace", "folder"):
        value = kwargs.get(name)
        if isinstance(value, (str, Path)) and (name == "workspace" or (Path(value) / "evalreport.yaml").is_file()):
            return Path(value)
    return None


def _write_log(workspace: Path | None, exc: BaseException) -> Path | None:
    """The traceback in a new log file; None when it cannot be written (a full disk)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    body = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    places = [workspace / "logs"] if workspace is not None and workspace.is_dir() else []
    places.append(Path(tempfile.gettempdir()) / "evalreport-logs")
    for folder in places:
        try:
            folder.mkdir(exist_ok=True)
            path = folder / f"evalreport-{stamp}-{os.getpid()}.log"
            with open(path, "a", encoding="utf-8") as fh:
                fh.write(body)
            return path
        except OSError:
            continue
    return None
