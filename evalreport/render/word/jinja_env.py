"""The Jinja2 environment narrative templates run in, and the error an officer sees when a
template they edited is wrong.

Templates are edited by officers in Word and may come from anywhere, so they run in Jinja2's
sandbox; values come from submitted workbooks (unit names like "Chi bộ A & B <1>"), so output is
autoescaped and can never break the document's XML. A misspelt variable must not silently print
nothing into an official report, so undefined names fail loudly, and the failure is turned into
:class:`TemplateRenderError`, which names the tag, the paragraph text around it and what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import partial
from types import TracebackType
from typing import Any

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from jinja2.utils import missing

from evalreport.render.word.filters import FILTERS
from evalreport.wording.catalog import both, text
from evalreport.wording.language import pick

__all__ = ["ReportUndefined", "ReportUndefinedError", "TemplateRenderError", "make_jinja_env", "template_error"]


_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_XML_TAG = re.compile(r"<[^>]+>")


class ReportUndefinedError(UndefinedError):
    """An undefined name was used; carries the problem in both languages and the name."""

    def __init__(self, message: str, *, messages: Mapping[str, str], name: str):
        super().__init__(message)
        self.messages, self.name = dict(messages), name


class ReportUndefined(StrictUndefined):
    """Fails on any use, with a message that names the missing variable or item (both languages)."""

    __slots__ = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Jinja raises ``self._undefined_exception(message)``; ours carries both languages and the name.
        self._undefined_exception = partial(ReportUndefinedError, messages=self.problem_messages(),
                                            name=str(self._undefined_name))

    @property
    def _undefined_message(self) -> str:
        return self.problem_messages()["en"]

    def problem_messages(self) -> dict[str, str]:
        if self._undefined_hint:
            return both("RENDER_OTHER", detail=self._undefined_hint)
        name = str(self._undefined_name)
        if self._undefined_obj is missing:
            return both("RENDER_UNDEFINED_VAR", name=name)
        owner = self._undefined_obj
        keys = sorted(map(str, owner.keys()))[:12] if isinstance(owner, Mapping) else []
        texts = both("RENDER_UNDEFINED_ATTR", name=name)
        if keys:
            listed = ", ".join(keys)
            texts = {lang: text("RENDER_ITEMS_LISTED", lang, problem=t, items=listed) for lang, t in texts.items()}
        return texts


class TemplateRenderError(ValueError):
    """A narrative template could not be rendered. ``tag`` is the Jinja tag at fault (when it can
    be found), ``excerpt`` the paragraph text around it, ``problem`` what is wrong."""

    def __init__(self, template: str, tag: str, problem: Mapping[str, str], excerpt: str, lineno: int | None,
                 lang: str = "vi"):
        self.template, self.tag, self.problem, self.excerpt, self.lineno = template, tag, dict(problem), excerpt, lineno
        self.lang = lang
        super().__init__(self.message(lang))

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:  # pickled whole (a run's helper process raises it)
        return type(self), (self.template, self.tag, self.problem, self.excerpt, self.lineno, self.lang)

    def message(self, lang: str = "vi") -> str:
        return text("RENDER_TEMPLATE_ERROR", lang, template=self.template, tag=self.tag, excerpt=self.excerpt,
                    problem=pick(self.problem, lang) if self.problem else "")


# Characters XML 1.0 forbids (a unit name pasted from Word may carry a vertical tab). docxtpl's own
# controls stay: \a new paragraph, \t tab, \n line break, \f page break.
_XML_ILLEGAL = re.compile(r"[\x00-\x06\x08\x0b\x0e-\x1f\ufffe\uffff]")


def xml_safe(value: Any) -> Any:
    """Jinja ``finalize`` hook: text printed into the document never holds an XML-illegal character."""
    if isinstance(value, str):
        return type(value)(_XML_ILLEGAL.sub(lambda m: " " if m.group() == "\x0b" else "", value))
    return value


class _ReportEnvironment(SandboxedEnvironment):
    """Compiles each template source once: docxtpl hands the same document, header and footer XML
    to ``from_string`` for every unit of an all-levels run, and compiling them was a sixth of a
    ward report's rendering (about 30 of 170 ms in a profile of 50 wards)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._compiled: dict[str, Any] = {}

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:  # noqa: A002
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        found = self._compiled.get(source)
        if found is None:
            if len(self._compiled) >= 64:  # an edited template per run at most; never grows without bound
                self._compiled.clear()
            found = self._compiled[source] = super().from_string(source)
        return found


_SHARED: list[SandboxedEnvironment] = []


def make_jinja_env() -> SandboxedEnvironment:
    """A sandboxed, autoescaping environment with the report filters and strict undefined names
    (one per process, shared: its compiled templates are reused by the next unit's report)."""
    if not _SHARED:
        _SHARED.append(_new_env())
    return _SHARED[0]


def _new_env() -> SandboxedEnvironment:
    env = _ReportEnvironment(autoescape=True, undefined=ReportUndefined, keep_trailing_newline=True,
                               finalize=xml_safe)
    env.filters.update(FILTERS)
    return env


def _template_lineno(exc: BaseException) -> int | None:
    """The template line of the error: syntax errors carry it; for runtime errors Jinja rewrites
    the traceback so that frames of the template have the template's line numbers."""
    if isinstance(exc, TemplateSyntaxError) and exc.lineno:
        return exc.lineno
    tb: TracebackType | None = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _problem(exc: BaseException) -> dict[str, str]:
    if isinstance(exc, UndefinedError):
        if isinstance(exc, ReportUndefinedError):
            return exc.messages
        return both("RENDER_OTHER", detail=str(exc))
    if isinstance(exc, TemplateSyntaxError):
        return both("RENDER_SYNTAX", detail=exc.message or str(exc))
    if isinstance(exc, SecurityError):
        return both("RENDER_UNSAFE", detail=str(exc))
    return both("RENDER_OTHER", detail=f"{type(exc).__name__}: {exc}")


def _culprit_name(exc: BaseException) -> str | None:
    """The name the faulty tag must contain: the undefined variable, or the block or tag a syntax
    error complains about."""
    if isinstance(exc, ReportUndefinedError):
        return exc.name
    if isinstance(exc, TemplateSyntaxError):
        text = exc.message or ""
        m = re.search(r"block that needs to be closed is '(\w+)'", text) or re.search(r"'(\w+)'", text)
        return m.group(1) if m else None
    if isinstance(exc, UndefinedError):
        # Jinja's own wording: "'x' is undefined" / "'dict object' has no attribute 'y'"
        quoted = re.findall(r"'([^']+)'", str(exc))
        return quoted[-1] if quoted else None
    return None


def template_error(exc: BaseException, source: str, template_name: str, lang: str = "vi") -> TemplateRenderError:
    """Turn a Jinja error raised while rendering ``source`` (the template text Jinja saw, XML for
    a .docx) into a :class:`TemplateRenderError` naming the tag and the paragraph text."""
    lines = source.splitlines()
    lineno = _template_lineno(exc)
    name = _culprit_name(exc)
    excerpt_line = ""
    if lineno and 0 < lineno <= len(lines):
        excerpt_line = lines[lineno - 1]
    tag = ""
    in_line = _TAG.findall(_XML_TAG.sub("", excerpt_line))
    if name:
        named = [t for t in in_line if re.search(rf"\b{re.escape(name)}\b", t)]
        if not named:
            # e.g. an unclosed {% if %} is reported at the end of the document: find the tag itself,
            # the last one above the reported line
            above = lines[:lineno] if lineno else lines
            for ln in reversed(above):
                found = [t for t in _TAG.findall(_XML_TAG.sub("", ln)) if re.search(rf"\b{re.escape(name)}\b", t)]
                if found:
                    named, excerpt_line = found[-1:], ln
                    break
        in_line = named or in_line
    if in_line:
        tag = in_line[0]
    excerpt = " ".join(_XML_TAG.sub("", excerpt_line).split())
    if len(excerpt) > 200:
        at = max(excerpt.find(tag), 0) if tag else 0
        excerpt = ("…" if at > 80 else "") + excerpt[max(at - 80, 0):at + 120] + "…"
    return TemplateRenderError(template_name, tag or "?", _problem(exc), excerpt, lineno, lang)


def is_template_error(exc: BaseException) -> bool:
    return isinstance(exc, (TemplateError, SecurityError))
