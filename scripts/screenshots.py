"""Screenshots of a running Återkoppla for the docs, taken with headless Debian Chromium.

Starts nothing: run the product first (``make run`` serves the demo), then

    .venv/bin/python scripts/screenshots.py [BASE_URL]

It logs in as the demo recruiter and saves full-page PNGs, 1280 px wide, of the recruitments
list, one recruitment (the backend one when there is one), its requirement profile, its
comparison matrix and one of its applications, under stable names in docs/screenshots/.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from urllib.parse import urljoin

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS

VIEWPORT = {"width": 1280, "height": 900}
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


class ScreenshotError(Exception):
    pass


def log_in(page: Page, base_url: str, username: str, password: str) -> None:
    page.goto(urljoin(base_url, "/login/"))
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("main form[method=post] button").last.click()
    page.wait_for_load_state()
    if "/login/" in page.url:
        raise ScreenshotError(f"Could not log in as {username!r} at {base_url}.")


def save(page: Page, out: Path, name: str) -> None:
    path = out / name
    page.screenshot(path=path, full_page=True, animations="disabled", caret="hide")
    print(f"Saved {path} ({page.url})")


def take(base_url: str, username: str, password: str, out: Path, language: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(
            viewport=VIEWPORT, locale=language, timezone_id="Europe/Stockholm"
        )
        page = context.new_page()
        page.set_default_timeout(20_000)
        log_in(page, base_url, username, password)

        page.goto(urljoin(base_url, "/recruitments/"))
        save(page, out, "recruitments.png")

        links = page.locator("main table tbody th a")
        if links.count() == 0:
            raise ScreenshotError(f"{username!r} sees no recruitment at {base_url}.")
        backend = links.filter(has_text=re.compile("backend", re.IGNORECASE))
        (backend if backend.count() else links).first.click()
        page.wait_for_load_state()
        recruitment_url = page.url
        save(page, out, "recruitment.png")

        page.locator("nav.tabs a[href$='/profile/']").click()
        page.wait_for_load_state()
        save(page, out, "profile.png")

        page.goto(recruitment_url + "comparison/")
        save(page, out, "comparison.png")

        page.goto(recruitment_url)
        applications = page.locator("table#applications tbody th a")
        if applications.count() == 0:
            raise ScreenshotError(f"The recruitment at {recruitment_url} has no application.")
        applications.first.click()
        page.wait_for_load_state()
        save(page, out, "application.png")
        browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base_url", nargs="?", default="http://127.0.0.1:8000")
    parser.add_argument("--username", default="rekryterare")
    parser.add_argument("--password", default="demo-rekryterare")
    parser.add_argument("--language", default="sv-SE", help="Browser language (default sv-SE).")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="Folder for the PNGs.")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"screenshots: needs Debian's Chromium at {CHROMIUM}.", file=sys.stderr)
        return 2
    try:
        take(args.base_url, args.username, args.password, args.out, args.language)
    except (ScreenshotError, PlaywrightError) as exc:
        print(f"screenshots: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
