"""The public API (``evalreport.__all__``): every name resolves, says what it is for, and takes no
plumbing parameters (hashes, stat results, caches) that belong to the workspace's internals."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

import evalreport

NAMES = [n for n in evalreport.__all__ if n != "__version__"]
PLUMBING = {"sha256", "stat", "data", "known_checks"}


def test_all_lists_exactly_the_lazy_exports():
    assert sorted(NAMES) == sorted(evalreport._EXPORTS)
    assert set(evalreport.__all__) <= set(dir(evalreport))


@pytest.mark.parametrize("name", NAMES)
def test_every_public_name_resolves_and_has_its_own_docstring(name):
    obj = getattr(evalreport, name)
    doc = inspect.getdoc(obj) or ""
    # A dataclass without a docstring gets its signature as __doc__: that says nothing about why.
    assert doc and not doc.startswith(f"{obj.__name__}("), f"{name} has no docstring"


@pytest.mark.parametrize("name", [n for n in NAMES if inspect.isfunction(getattr(evalreport, n))])
def test_public_functions_take_no_plumbing_parameters(name):
    assert not PLUMBING & set(inspect.signature(getattr(evalreport, name)).parameters)


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no_such_name"):
        evalreport.no_such_name  # noqa: B018


def test_the_package_ships_its_type_marker():
    assert (Path(evalreport.__file__).parent / "py.typed").is_file()
