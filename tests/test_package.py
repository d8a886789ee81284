"""The package's public surface: every re-exported name resolves and says what it is."""
from __future__ import annotations

import inspect

import pytest

import searchlib


@pytest.mark.parametrize("name", [n for n in searchlib.__all__ if n != "__version__"])
def test_public_name_resolves_with_a_docstring(name):
    value = getattr(searchlib, name)
    assert inspect.getdoc(value), f"searchlib.{name} has no docstring"


def test_callables_keep_their_identity_after_submodules_are_imported():
    import searchlib.embedded  # noqa: F401
    import searchlib.extraction  # noqa: F401

    assert callable(searchlib.extract) and callable(searchlib.default_index)
    assert searchlib.extract("").to_dict()["date"] is None


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError):
        searchlib.no_such_name  # noqa: B018
