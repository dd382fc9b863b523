"""Deciding a recruitment and making the call, in a real browser: the explanation is
language-checked while typed, the confirmation comes before anything is sent, and call mode
logs the call."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from aterkoppla.decisions.models import CallTask
from aterkoppla.messaging.models import Kind, Message

pytestmark = pytest.mark.browser

AGE = "Hon är nog för gammal för vårt unga team"


def test_decide_and_call(
    page: Page,
    log_in_as,
    transactional_db: None,
    owner,
    hiring_manager,
    recruitment,
    interviewed,
    others,
    artifacts: Path,
):
    sara, ali, emma = interviewed
    log_in_as(owner)
    page.goto(reverse("decisions:decision", args=[recruitment.pk]))
    page.select_option(f"#id_outcome_{emma.pk}", "hired")
    page.select_option(f"#id_outcome_{sara.pk}", "rejected")
    row = page.locator(f"#row-{sara.pk}")
    row.locator("input[type=checkbox]").nth(1).check()
    explanation = page.locator(f"#id_explanation_{sara.pk}")
    explanation.press_sequentially(AGE, delay=5)
    expect(row.locator(".lc__mark--block").first).to_have_text("för gammal")
    expect(row.locator(".lc__finding").first).to_contain_text("I stället:")
    # Ali's reasons are hidden until he is rejected.
    expect(page.locator(f"#row-{ali.pk} .decision-row__reasons")).to_be_hidden()
    page.check("input[name=others][value=all]")
    page.locator("main form button.button").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert not CallTask.objects.exists()

    explanation = page.locator(f"#id_explanation_{sara.pk}")
    explanation.fill("Den vi valde hade längre erfarenhet av lagerarbete.")
    page.locator("main form button.button").click()
    expect(page.locator("h2")).to_contain_text("Bekräfta beslutet")
    page.screenshot(path=artifacts / "decision-confirm.png", full_page=True)
    assert not Message.objects.filter(kind=Kind.REJECTION).exists()
    page.locator("main form.actions button").click()
    expect(page).to_have_url(re.compile(rf"/decisions/recruitments/{recruitment.pk}/calls/$"))
    assert Message.objects.filter(kind=Kind.REJECTION).count() == 2

    # The hiring manager makes the call.
    page.context.clear_cookies()
    log_in_as(hiring_manager)
    page.locator("#calls a.button").first.click()
    expect(page.locator("a[href^='tel:']").first).to_be_visible()
    expect(page.locator("#answer-q1")).to_contain_text("Erfarenhet av lagerarbete")
    page.check("input[name=outcome][value=reached]")
    page.fill("#id_notes", "Hon frågade hur hon kan bli bättre på intervjuer.")
    page.check("#id_summary_requested")
    page.locator("aside form button.button").click()
    expect(page.locator("main")).to_contain_text("Samtalet är registrerat")
    page.screenshot(path=artifacts / "call-logged.png", full_page=True)
    assert CallTask.objects.get().status == CallTask.Status.DONE
    assert sara.messages.filter(kind=Kind.CALL_SUMMARY).exists()
