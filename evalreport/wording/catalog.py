"""The message catalog: every user-facing text by key, one table per language, one lookup.

Why: the core (reader, checks, consolidation) says *what* is wrong as a rule code with plain
parameters; words are chosen only where something is shown (console, findings workbook, Excel
panel, ledger status), in the language asked for there. So a finding is the same data whatever
the language, the ledger stores no sentences, and the two languages of a text sit side by side in
the wording package where reviewers read them.

Templates are ``str.format`` strings. A placeholder may carry a format (``{own:number}``) that
renders the parameter in the asked language; parameter values may also be a label pair
``{"vi": ..., "en": ...}`` (labels of a form definition are the form's data), a nested phrase
(:func:`phrase`) or a list of those (``{items:list}``, joined with "; "; ``{items:lines}``, one a line;
``{items:indented_lines}``, one a line indented below the first).
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from typing import Any

from evalreport.wording import (
    aggregate_messages,
    archive_messages,
    check_messages,
    cli_phrases,
    cli_result_phrases,
    common_phrases,
    config_messages,
    exit_messages,
    file_kind_messages,
    hierarchy_messages,
    install_messages,
    intake_messages,
    movement_phrases,
    panel_labels,
    panel_messages,
    period_messages,
    reader_messages,
    render_messages,
    report_phrases,
    sentence_phrases,
    state_words,
    store_messages,
    template_phrases,
    workbook_phrases,
)
from evalreport.wording.language import LANGS, language, pick

__all__ = ["LANGS", "language", "pick", "text", "both", "describe", "phrase", "templates", "catalog", "keys",
           "register_form_rules", "form_rule_key", "placeholders"]

_BY_KEY: dict[str, dict[str, str]] = {}


def _add(entries: Mapping[str, Mapping[str, str]], origin: str) -> None:
    for key, texts in entries.items():
        if set(texts) != set(LANGS):
            raise ValueError(f"{origin}: message {key} needs exactly {LANGS}")
        if key in _BY_KEY and _BY_KEY[key] != dict(texts):
            raise ValueError(f"{origin}: message {key} is defined twice")
        _BY_KEY[key] = dict(texts)


for _module in (hierarchy_messages, install_messages, intake_messages, common_phrases, archive_messages,
                reader_messages, file_kind_messages, check_messages, aggregate_messages, store_messages,
                panel_labels, panel_messages, period_messages, render_messages, sentence_phrases, cli_phrases,
                exit_messages, state_words, config_messages, movement_phrases,
                workbook_phrases, cli_result_phrases, template_phrases, report_phrases):
    _add(_module.MESSAGES, _module.__name__)


def catalog(lang: str) -> dict[str, str]:
    """All templates of one language, by key."""
    return {key: texts[language(lang)] for key, texts in _BY_KEY.items()}


def keys() -> list[str]:
    return list(_BY_KEY)


def templates(key: str) -> Mapping[str, str] | None:
    return _BY_KEY.get(key)


def phrase(key: str, **params: Any) -> dict[str, Any]:
    """A parameter value worded by the catalog when its finding is: ``{"$key": key, **params}``."""
    return {"$key": key, **params}


# -- rules declared in form definitions -------------------------------------------------------

# The placeholders a form rule's message may use, and how their values are shown.
_RULE_FORMATS = {"left": "trim", "right": "trim", "left_terms": "terms", "right_terms": "terms",
                 "param_pct": "trim"}
_PLAIN_PLACEHOLDER = re.compile(r"\{(" + "|".join(_RULE_FORMATS) + r")\}")


def form_rule_key(form_code: str, version: str, rule_code: str) -> str:
    return f"form:{form_code}@{version}:{rule_code}"


def register_form_rules(form_code: str, version: str, rules: Mapping[str, Mapping[str, str]]) -> None:
    """Add the messages of a form definition's rules (``rule code -> {"vi", "en"}``) under
    :func:`form_rule_key`; a finding of such a rule names that key in its ``$template``
    parameter. ``{param_pct}`` is followed by "%" as the form's authors write it."""
    for code, texts in rules.items():
        _BY_KEY[form_rule_key(form_code, version, code)] = {
            lang: _PLAIN_PLACEHOLDER.sub(lambda m: "{" + m[1] + ":" + _RULE_FORMATS[m[1]] + "}"
                                         + ("%" if m[1] == "param_pct" else ""), texts[lang])
            for lang in LANGS}


# -- rendering --------------------------------------------------------------------------------

def _numbers():
    """Babel is imported when a number is first worded, not when the catalog is (the CLI's
    commands import the catalog at start)."""
    from evalreport.wording import numbers

    return numbers


def _trim(value: float | int, lang: str) -> str:
    """A rule's value as quoted: whole numbers plainly, others with up to two decimals."""
    if isinstance(value, float) and not value.is_integer():
        return _numbers().fmt_number(value, lang, 2).rstrip("0").rstrip(",.")
    return _numbers().fmt_number(value, lang)


def _signed_share(value: float, lang: str, decimals: int) -> str:
    return ("+" if value > 0 else "") + _numbers().fmt_share(value, lang, decimals=decimals)


_FORMATS = {
    "number": lambda v, lang: _numbers().fmt_number(v, lang),
    "share": lambda v, lang: _numbers().fmt_share(v, lang),
    "share0": lambda v, lang: _numbers().fmt_share(v, lang, decimals=0),
    "signed_share1": lambda v, lang: _signed_share(v, lang, 1),
    "change": lambda v, lang: _numbers().fmt_change(v, lang),
    "trim": _trim,
    "terms": lambda v, lang: "".join("?" if t is None else t if isinstance(t, str) else _trim(t, lang) for t in v),
    "period": lambda v, lang: _period_label(v, lang),
    "month_numbers": lambda v, lang: ", ".join(m[-2:] for m in v),  # ["2025-10", "2025-11"] -> "10, 11"
    "year": lambda v, lang: v[0][:4] if v else "",
    "iso_list": lambda v, lang: ", ".join(v),
    "roman": lambda v, lang: {1: "I", 2: "II", 3: "III", 4: "IV"}.get(v, str(v)),
    "count": lambda v, lang: _numbers().fmt_count(v, lang),
    "list": lambda v, lang: "; ".join(_Formatter(lang).shown(x) for x in v),
    "lines": lambda v, lang: "\n".join(_Formatter(lang).shown(x) for x in v),
    "indented_lines": lambda v, lang: "\n  ".join(_Formatter(lang).shown(x) for x in v),
}


def _period_label(value: str, lang: str) -> str:
    from evalreport.model.period import parse_period

    return parse_period(value).label(lang) if value else ""


class _Missing:
    """A placeholder without a parameter stays visible as ``{name}`` instead of failing."""

    def __init__(self, name: str):
        self.name = name


class _Formatter(string.Formatter):
    def __init__(self, lang: str):
        self.lang = lang

    def get_value(self, key: Any, args: Any, kwargs: Any) -> Any:
        return kwargs.get(key, _Missing(str(key))) if isinstance(key, str) else super().get_value(key, args, kwargs)

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, _Missing):
            return "{" + value.name + "}"
        if value is None:
            return ""
        if format_spec in _FORMATS:
            return _FORMATS[format_spec](value, self.lang)
        return self.shown(value) if not format_spec else format(value, format_spec)

    def shown(self, value: Any) -> str:
        if isinstance(value, Mapping):
            if "$key" in value:
                return text(value["$key"], self.lang, **{k: v for k, v in value.items() if k != "$key"})
            return pick(value, self.lang)
        return "" if value is None else str(value)


def text(key: str, lang: str = "vi", /, **params: Any) -> str:
    """The catalog's text for ``key`` in ``lang`` with ``params`` filled in.

    A key not in the catalog shows itself with its parameters, so nothing is ever lost."""
    texts = _BY_KEY.get(key)
    if texts is None:
        return f"{key}: " + ", ".join(f"{k}={v}" for k, v in params.items() if not k.startswith("$"))
    template = texts[language(lang)]
    if "{" not in template and "}" not in template:  # nothing to fill in: as format() would give it
        return template  # (string.Formatter is pure Python: a few µs a text, 150 texts a unit's workbook)
    return _Formatter(language(lang)).format(template, **params)


def both(key: str, **params: Any) -> dict[str, str]:
    """The text of ``key`` in every language, for an exception that is raised before anyone
    knows which language will show it (a report template's error crossing a process)."""
    return {lang: text(key, lang, **params) for lang in LANGS}


def describe(finding: Any, lang: str = "vi") -> str:
    """What an officer reads for ``finding`` in ``lang``.

    The template is the one its ``$template`` parameter names (rules of form definitions), else
    the one of its rule code. A finding read from a ledger written before findings were stored
    as parameters keeps its old sentences in ``$worded``, shown as they were."""
    params = finding.params
    worded = params.get("$worded")
    if worded:
        return pick(worded, lang)
    key = params.get("$template") or finding.rule
    if key not in _BY_KEY and key.startswith("form:"):
        _load_form_of(key)
    return text(key, lang, **params)


def _load_form_of(key: str) -> None:
    """Load the shipped form a rule key names (loading registers its rules' messages), for a
    process that shows stored findings of a form it has not loaded itself."""
    from evalreport.form.definition import FormDefinitionError, load_form

    try:
        load_form(key.removeprefix("form:").split("@", 1)[0])
    except (FormDefinitionError, OSError, ValueError):
        pass  # the finding is then shown by its code and parameters


def placeholders(template: str) -> set[str]:
    """The parameter names a template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
