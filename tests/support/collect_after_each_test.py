"""A pytest plugin that runs a full garbage collection after every test.

Objects that only a collection frees (a document in a reference cycle with its
workshop) then die at a known moment instead of whenever the collector next runs,
so a crash in their teardown shows up in the test that made them. Loaded with
`-p tests.support.collect_after_each_test`; tests/gui/test_document_collection.py
uses it.
"""

from __future__ import annotations

import gc

import pytest


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    gc.collect()
