"""A small, safe expression language for form definitions.

Rules, derived fields and shares are written in form definitions as text such as
``dv_htxsnv + dv_httnv`` or ``dv_tong_so == dv_mien + dv_duoc_danh_gia``. They are parsed with
Python's :mod:`ast` and only a whitelist of node types is accepted (names, numbers, ``+ - * /``,
unary minus, parentheses and one comparison), so a definition file can never run code. The
parsed tree is kept, which lets a rule quote both sides of a failed equation term by term
("120 ≠ 3 + 2 + 1 + 113 = 119").
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from evalreport.model.worded_error import WordedError

__all__ = ["Expression", "Comparison", "ExpressionError", "parse_expression", "parse_comparison"]

_BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
_CMPOPS = {
    ast.Eq: ("==", "≠", operator.eq),
    ast.NotEq: ("!=", "=", operator.ne),
    ast.Lt: ("<", "≥", operator.lt),
    ast.LtE: ("<=", ">", operator.le),
    ast.Gt: (">", "≤", operator.gt),
    ast.GtE: (">=", "<", operator.ge),
}


class ExpressionError(WordedError, ValueError):
    """An expression in a form definition is not valid: a catalog key (``EXPR_*``) and its
    parameters, so that a form's author checking it with the command line reads why in their
    language; ``str()`` is the English reason."""


def _names(node: ast.AST) -> frozenset[str]:
    return frozenset(n.id for n in ast.walk(node) if isinstance(n, ast.Name))


def _check_node(node: ast.AST, text: str) -> None:
    for n in ast.walk(node):
        if isinstance(n, (ast.Expression, ast.Load, ast.Name, ast.BinOp, ast.UnaryOp, ast.USub, ast.UAdd)):
            continue
        if isinstance(n, tuple(_BINOPS)):
            continue
        if isinstance(n, ast.Constant) and isinstance(n.value, (int, float)) and not isinstance(n.value, bool):
            continue
        raise ExpressionError("EXPR_NOT_ALLOWED", text=text, node=type(n).__name__)


def _eval(node: ast.AST, ns: Mapping[str, float | int | None]) -> float | int | None:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return ns.get(node.id)
    if isinstance(node, ast.UnaryOp):
        v = _eval(node.operand, ns)
        if v is None:
            return None
        return -v if isinstance(node.op, ast.USub) else v
    if isinstance(node, ast.BinOp):
        a, b = _eval(node.left, ns), _eval(node.right, ns)
        if a is None or b is None:
            return None
        if isinstance(node.op, ast.Div) and b == 0:
            return None
        return _BINOPS[type(node.op)](a, b)
    raise ExpressionError("EXPR_CANNOT_EVALUATE", node=type(node).__name__)  # pragma: no cover - blocked by _check_node


def _compile(node: ast.AST):
    """The checked tree as nested closures: same results as :func:`_eval`, several times faster,
    which matters when a national run evaluates millions of rule and share expressions."""
    if isinstance(node, ast.Constant):
        value = node.value
        return lambda ns: value
    if isinstance(node, ast.Name):
        name = node.id
        return lambda ns: ns.get(name)
    if isinstance(node, ast.UnaryOp):
        inner = _compile(node.operand)
        if isinstance(node.op, ast.USub):
            return lambda ns: None if (v := inner(ns)) is None else -v
        return inner
    terms = _terms(node)
    if len(terms) > 2 and all(isinstance(t, ast.Name) for _, t in terms):
        # The common shape of rules and derived fields: a sum of fields, as one tight loop.
        signed = tuple((t.id, sign) for sign, t in terms)

        def linear(ns):
            total = 0
            for name, sign in signed:
                v = ns.get(name)
                if v is None:
                    return None
                total += v if sign > 0 else -v
            return total
        return linear
    if isinstance(node, ast.BinOp):
        left, right, op = _compile(node.left), _compile(node.right), _BINOPS[type(node.op)]
        is_div = isinstance(node.op, ast.Div)

        def binop(ns):
            a = left(ns)
            if a is None:
                return None
            b = right(ns)
            if b is None or (is_div and b == 0):
                return None
            return op(a, b)
        return binop
    raise ExpressionError("EXPR_CANNOT_EVALUATE", node=type(node).__name__)  # pragma: no cover - blocked by _check_node


def _terms(node: ast.AST, sign: int = 1) -> list[tuple[int, ast.AST]]:
    """Split a sum into its signed top-level terms: a + b - (c + d) -> +a, +b, -(c + d)."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
        right_sign = sign if isinstance(node.op, ast.Add) else -sign
        return _terms(node.left, sign) + [(right_sign, node.right)]
    return [(sign, node)]


@dataclass(frozen=True)
class Expression:
    """An arithmetic expression over field codes and parameters."""

    text: str
    tree: ast.AST = field(repr=False, compare=False)

    @property
    def names(self) -> frozenset[str]:
        """Every field code or parameter the expression refers to."""
        return _names(self.tree)

    def evaluate(self, ns: Mapping[str, float | int | None]) -> float | int | None:
        """Value of the expression, or None when a referenced value is missing or a divisor is 0."""
        return self._compiled(ns)

    @cached_property
    def _compiled(self):
        return _compile(self.tree)

    def __getstate__(self) -> dict:
        """Without the compiled closures, which cannot be pickled: a spawned worker (Windows has
        no fork) receives the forms through pickle, after the run may already have evaluated
        them, and compiles its own on first use."""
        state = dict(self.__dict__)
        state.pop("_compiled", None)
        return state

    def quote_terms(self, ns: Mapping[str, float | int | None], fmt=str) -> str:
        """The expression with values in place of names, e.g. ``3 + 2 + 1 + 113``."""
        parts: list[str] = []
        for i, (sign, node) in enumerate(_terms(self.tree)):
            v = _eval(node, ns)
            shown = "?" if v is None else fmt(v)
            if i == 0:
                parts.append(shown if sign > 0 else f"−{shown}")
            else:
                parts.append(("+ " if sign > 0 else "− ") + shown)
        return " ".join(parts)


@dataclass(frozen=True)
class Comparison:
    """``left <op> right``: the shape of every rule check."""

    text: str
    left: Expression
    right: Expression
    op: str
    negated_symbol: str

    @property
    def names(self) -> frozenset[str]:
        return self.left.names | self.right.names

    @cached_property
    def _func(self):
        return next(f for sym, _, f in _CMPOPS.values() if sym == self.op)

    def holds(self, ns: Mapping[str, float | int | None]) -> bool | None:
        """True or False, or None when a side cannot be computed (a missing value)."""
        a, b = self.left.evaluate(ns), self.right.evaluate(ns)
        if a is None or b is None:
            return None
        func = self._func
        if isinstance(a, float) or isinstance(b, float):
            # Tolerate binary rounding of parameters such as 0.2 * 35 = 7.000000000000001.
            if self.op in ("<=", ">=", "==") and abs(a - b) < 1e-9:
                return True
        return bool(func(a, b))


def _parse(text: str, empty_key: str) -> ast.expr:
    if not isinstance(text, str) or not text.strip():
        raise ExpressionError(empty_key)
    try:
        return ast.parse(text.strip(), mode="eval").body
    except SyntaxError as exc:
        raise ExpressionError("EXPR_SYNTAX", text=text, reason=exc.msg) from None


def parse_expression(text: str) -> Expression:
    """Parse an arithmetic expression; raise :class:`ExpressionError` with the reason."""
    body = _parse(text, "EXPR_EMPTY_EXPRESSION")
    _check_node(body, text)
    return Expression(text.strip(), body)


def parse_comparison(text: str) -> Comparison:
    """Parse ``left <op> right`` with exactly one comparison operator."""
    body = _parse(text, "EXPR_EMPTY_CHECK")
    if not isinstance(body, ast.Compare) or len(body.ops) != 1:
        raise ExpressionError("EXPR_ONE_COMPARISON", text=text)
    sym, neg, _ = _CMPOPS[type(body.ops[0])]
    left, right = body.left, body.comparators[0]
    for side in (left, right):
        _check_node(side, text)
    return Comparison(
        text.strip(), Expression(ast.unparse(left), left), Expression(ast.unparse(right), right), sym, neg
    )
