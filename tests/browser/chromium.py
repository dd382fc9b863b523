"""How Återkoppla's tools start Debian's Chromium: the browser tests and the screenshot script.

Playwright cannot download its own browser here; without the background-networking flags
Chromium keeps trying to reach Google's hosts on a closed network.
"""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
