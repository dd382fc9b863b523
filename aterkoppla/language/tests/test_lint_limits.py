"""The ``aterkoppla lint`` command accepts the same text length per line as the API."""

from __future__ import annotations

from aterkoppla.core.management.commands.lint import MAX_LINE
from aterkoppla.language.review import MAX_TEXT


def test_the_lint_commands_line_limit_is_the_apis():
    assert MAX_LINE == MAX_TEXT
