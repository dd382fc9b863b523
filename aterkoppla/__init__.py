"""Återkoppla: feedback-first recruitment for Swedish employers."""

__version__ = "0.1.0"
