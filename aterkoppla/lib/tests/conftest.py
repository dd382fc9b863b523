"""The library's tests run without a database: CI runs them once, on SQLite's pass only
(.ci/run), because aterkoppla.lib is plain Python. A test here that asks for one is refused."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        wants_db = item.get_closest_marker("django_db") or {"db", "transactional_db"} & set(
            getattr(item, "fixturenames", ())
        )
        if "aterkoppla/lib/tests/" in str(item.path) and wants_db:
            raise pytest.UsageError(
                f"{item.nodeid}: aterkoppla/lib's tests must not use the database"
            )
