"""Logging helpers."""

from __future__ import annotations

import logging


class NoTracebackBelow500(logging.Filter):
    """Django logs a refused request (403, 404) with the exception that made it, so the log
    of an ordinary "not yours" holds a traceback. Answers below 500 keep their one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if isinstance(status, int) and status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
