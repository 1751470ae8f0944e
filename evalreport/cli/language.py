"""Which language the command line speaks, decided once per invocation before anything is shown.

Why here and so early: an officer who never opens a terminal must meet Vietnamese in the very
first line Typer prints (its usage line, its "Error" panel, a missing option), and those texts are
Typer's and Click's, not ours. So the language is known before the arguments are parsed: the
``--lang`` flag wins, then the environment variable ``EVALREPORT_LANG``, then the ``language:`` of
the workspace named by ``-w/--workspace`` (or of the current folder), else Vietnamese.

The choice also installs the gettext catalog of Typer's strings
(``evalreport/wording/locale/<lang>/LC_MESSAGES/evalreport.mo``) as the process's default domain,
and refreshes the few Typer texts built once at import time.
"""

from __future__ import annotations

import gettext
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

__all__ = ["LANGS", "ENV_VAR", "LOCALE_DIR", "DOMAIN", "choose", "install", "current", "chosen", "translate"]

ENV_VAR = "EVALREPORT_LANG"
DOMAIN = "evalreport"
LOCALE_DIR = Path(__file__).resolve().parents[1] / "wording" / "locale"
LANGS = ("vi", "en")
_CONFIG_LANGUAGE = re.compile(r"^language:\s*['\"]?(vi|en)\b", re.MULTILINE)

# The language of the running invocation, and whether the officer asked for it (flag or variable)
# rather than it coming from a workspace or the default: an explicit choice overrides the
# workspace's ``language:`` for everything the command prints.
_state = {"lang": "vi", "explicit": False}

# Typer's texts worded once at import time (typer.rich_utils's constants), in English as imported:
# each invocation sets them again from these, in its language.
_TYPER_CONSTANTS: dict[str, str] = {}


def _flag(args: Sequence[str], *names: str) -> str | None:
    """The value of the last ``--name value`` / ``--name=value`` in ``args`` (the last one wins, as
    Click's own parsing does)."""
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        for name in names:
            if arg == name and i + 1 < len(args):
                found = args[i + 1]
            elif arg.startswith(name + "=") and name.startswith("--"):
                found = arg.split("=", 1)[1]
    return found


def _workspace_language(args: Sequence[str]) -> str | None:
    """The workspace's ``language:``, read with a regular expression (no YAML parser at start)."""
    folder = Path(_flag(args, "--workspace", "-w") or ".")
    try:
        match = _CONFIG_LANGUAGE.search((folder / "evalreport.yaml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    return match[1] if match else None


def choose(args: Sequence[str], environ: Mapping[str, str] | None = None) -> tuple[str, bool]:
    """``(language, explicit)`` for a command line: flag, then variable, then workspace, then vi.
    An unknown value is skipped here; the command that declares ``--lang`` reports it."""
    environ = os.environ if environ is None else environ
    for value in (_flag(args, "--lang"), environ.get(ENV_VAR)):
        if value in LANGS:
            return value, True
    return _workspace_language(args) or "vi", False


def translate(message: str) -> str:
    """A Typer/Click string in the installed language (itself when the catalog lacks it)."""
    return gettext.dgettext(DOMAIN, message)


def install(lang: str, explicit: bool = False) -> None:
    """Make ``lang`` the language of this invocation, for our texts and for Typer's."""
    from typer import rich_utils

    if not _TYPER_CONSTANTS:  # captured before our catalog is bound, so in English
        _TYPER_CONSTANTS.update({name: value for name, value in vars(rich_utils).items()
                                 if name.isupper() and name.endswith(("_STRING", "_TITLE", "_TEXT", "_HELP"))
                                 and isinstance(value, str) and value and not name.startswith("STYLE")})
    _state.update(lang=lang if lang in LANGS else "vi", explicit=explicit)
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)  # typer.core's ``_`` is gettext.gettext: the default domain
    os.environ["LANGUAGE"] = _state["lang"]  # gettext's catalog choice (inherited by children: intended)
    for name, msgid in _TYPER_CONSTANTS.items():
        setattr(rich_utils, name, translate(msgid))


def current() -> str:
    """The language of the running invocation."""
    return _state["lang"]


def chosen(workspace_language: str | None) -> str:
    """The language for a command that opened a workspace: the officer's explicit choice, else the
    workspace's ``language:``."""
    if _state["explicit"] or workspace_language not in LANGS:
        return _state["lang"]
    return workspace_language
