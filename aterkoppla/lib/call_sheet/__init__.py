"""The call sheet (samtalsunderlag, DESIGN §5): a prepared, readable sheet for the manager who
phones a candidate who was interviewed and not chosen. Plain Python, no Django.

    >>> from aterkoppla.lib.call_sheet import CallSheetFacts, compose
"""

from __future__ import annotations

from aterkoppla.lib.call_sheet.compose import (
    CallSheet,
    CallSheetFacts,
    CriterionFacts,
    CriterionRow,
    PreparedAnswer,
    SheetFinding,
    Translate,
    compose,
    format_number,
)

__all__ = [
    "CallSheet",
    "CallSheetFacts",
    "CriterionFacts",
    "CriterionRow",
    "PreparedAnswer",
    "SheetFinding",
    "Translate",
    "compose",
    "format_number",
]
