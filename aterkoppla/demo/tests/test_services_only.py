"""The demo writes through the services only: no rows made or changed behind their back."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

DEMO = Path(__file__).resolve().parents[1]
SOURCES = sorted(path for path in DEMO.rglob("*.py") if "tests" not in path.parts)

# Writes that would skip a service's rules (users excepted: accounts has no service for them).
FORBIDDEN = {
    "create": re.compile(r"\.objects\.create\("),
    "update through a queryset": re.compile(
        r"\.objects\.(filter|exclude|all)\(.*?\)\s*\.update\(", re.S
    ),
    "delete through a queryset": re.compile(
        r"\.objects\.(filter|exclude|all)\(.*?\)\s*\.delete\(", re.S
    ),
    "bulk_create": re.compile(r"\bbulk_create\b"),
    "bulk_update": re.compile(r"\bbulk_update\b"),
    "get_or_create": re.compile(r"\b(get|update)_or_create\("),
    "save": re.compile(r"\.save\("),
}


def test_the_sources_are_found():
    names = {path.name for path in SOURCES}
    assert {"build.py", "load.py", "recruitments.py", "demo.py"} <= names


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(DEMO)))
def test_no_model_is_written_directly(path):
    text = path.read_text(encoding="utf-8")
    for what, pattern in FORBIDDEN.items():
        match = pattern.search(text)
        assert match is None, f"{path.name}: {what}: {match.group(0)!r}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(DEMO)))
def test_nothing_private_is_borrowed_from_another_app(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("aterkoppla."):
            private = [alias.name for alias in node.names if alias.name.startswith("_")]
            assert not private, f"{path.name} imports {private} from {node.module}"
            assert not any(part.startswith("_") for part in node.module.split(".")), node.module
        if isinstance(node, ast.Attribute) and node.attr.startswith("_"):
            own = isinstance(node.value, ast.Name) and node.value.id == "self"
            # `Model._meta` is Django's public API despite its name.
            assert own or node.attr == "_meta", f"{path.name} uses {node.attr}"


def test_a_forbidden_write_would_be_caught():
    caught = [
        'Screening.objects.create(application=a, result="met")',
        "Application.objects.filter(pk=1).update(interviewed=True)",
        "Rating.objects.bulk_create(ratings)",
        "application.save(update_fields=['stage'])",
    ]
    for line in caught:
        assert any(pattern.search(line) for pattern in FORBIDDEN.values()), line
    allowed = 'User.objects.create_user(username="chef")\npeople.update(users())'
    assert not any(pattern.search(allowed) for pattern in FORBIDDEN.values())
