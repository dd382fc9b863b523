"""Email addresses that nobody reads: a sender or Reply-To must never be one of them."""

from __future__ import annotations

import re
from email.headerregistry import Address
from email.utils import parseaddr

# Local parts that say "do not answer": noreply, no-reply, no_reply, donotreply, do-not-reply.
_NO_REPLY = re.compile(r"^(?:no|do-?_?not)[-_.]?reply$", re.IGNORECASE)
# Domains that only exist on the machine itself, or are reserved for examples in tests.
_LOCAL_DOMAINS = ("localhost", "localdomain", "local", "invalid", "test")


def address_of(value: str) -> str:
    """The bare address in ``"Name <address>"`` or ``address`` ("" when there is none)."""
    address = parseaddr(value or "")[1].strip()
    return address if "@" in address else ""


def is_unattended(value: str) -> bool:
    """True for an address no person reads: empty, a no-reply box, or a machine-local domain.

    ``value`` may carry a display name (``"Återkoppla <noreply@localhost>"``).
    """
    address = address_of(value)
    if not address:
        return True
    local, _at, domain = address.rpartition("@")
    domain = domain.lower().rstrip(".")
    if not local or ("." not in domain and domain != "localhost"):
        return True
    if _NO_REPLY.match(local):
        return True
    return domain in _LOCAL_DOMAINS or domain.endswith(tuple(f".{d}" for d in _LOCAL_DOMAINS))


def named_address(name: str, address: str) -> str:
    """``Name <address>`` as people read it (quoted where needed, not encoded: the mail
    library encodes headers when it sends)."""
    return str(Address(display_name=" ".join(name.split()), addr_spec=address))
