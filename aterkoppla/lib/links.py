"""Candidate links in stored text: their secret part taken out.

A link to the candidate page (``/ansokan/<token>/``) is the candidate's key, and so is the
link that confirms an application from a known address (``/jobb/bekrafta/<token>/``). Staff
reading the outbox, and the stored copy of a message once delivered, keep the link's place
but not the key, so nobody but the candidate can act as the candidate.
"""

from __future__ import annotations

import re

# A candidate link in a stored message: /ansokan/<token>/ (but not /ansokan/ny-lank/), or
# /jobb/bekrafta/<token>/.
_LINK = re.compile(r"(/ansokan/(?!ny-lank/)|/jobb/bekrafta/)([A-Za-z0-9_-]{20,100})(/)")
REDACTED = "…"


def redact_links(text: str) -> str:
    """The text with the tokens of candidate links taken out."""
    return _LINK.sub(rf"\g<1>{REDACTED}\g<3>", text)
