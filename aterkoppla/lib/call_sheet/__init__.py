"""The call sheet (samtalsunderlag, DESIGN §5): a prepared, readable sheet for the manager who
phones a candidate who was interviewed and not chosen. Plain Python, no Django.

    >>> from aterkoppla.lib.call_sheet import CallSheetFacts, compose
"""

from __future__ import annotations

from aterkoppla.lib.call_sheet.compose import (
    OUTCOME_CHOSEN,
    OUTCOME_NONE,
    OUTCOME_PENDING,
    CallSheet,
    CallSheetFacts,
    CriterionFacts,
    CriterionRow,
    PreparedAnswer,
    SheetFinding,
    Translate,
    compose,
    format_number,
    mentions,
)

__all__ = [
    "OUTCOME_CHOSEN",
    "OUTCOME_NONE",
    "OUTCOME_PENDING",
    "CallSheet",
    "CallSheetFacts",
    "CriterionFacts",
    "CriterionRow",
    "PreparedAnswer",
    "SheetFinding",
    "Translate",
    "compose",
    "format_number",
    "mentions",
]
