"""The dashboard "Who is waiting?": what it lists, for whom, in what order, at what cost."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from aterkoppla.applications.promises import promise_escalate
from aterkoppla.applications.services import application_move, applications_close
from aterkoppla.dashboard import selectors
from aterkoppla.dashboard.tests.helpers import TODAY, english, fail, receive
from aterkoppla.messaging.models import Message
from aterkoppla.recruitment.services import recruitment_create
from tests.helpers import as_recruiter

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

HOME = "/"


def _names(section) -> list[str]:
    return [row.application.candidate.full_name for row in section.rows]


def _section(page: str, anchor: str) -> str:
    """The HTML of one section of the dashboard."""
    match = re.search(rf'<section id="{anchor}".*?</section>', page, re.DOTALL)
    assert match, anchor
    return match.group(0)


@pytest.fixture
def waiting(recruitment, owner):
    """Two promises due soon, one not yet, two broken, one answered, one failed message."""
    return {
        "today": receive(recruitment, owner, "Tove Idag", reply_by=TODAY),
        # Friday 27 November is the second working day after Wednesday the 25th.
        "friday": receive(recruitment, owner, "Frida Fredag", reply_by=dt.date(2026, 11, 27)),
        # Monday 30 November is the third: not yet "due soon".
        "monday": receive(recruitment, owner, "Mona Måndag", reply_by=dt.date(2026, 11, 30)),
        "late5": receive(recruitment, owner, "Lena Sen", reply_by=dt.date(2026, 11, 20)),
        "late1": receive(recruitment, owner, "Leo Igår", reply_by=dt.date(2026, 11, 24)),
        "answered": receive(recruitment, owner, "Anna Klar", reply_by=dt.date(2026, 11, 18)),
    }


def test_login_leads_to_the_dashboard(client, owner):
    response = client.post(
        reverse("accounts:login"), {"username": "owner", "password": "test-password"}
    )
    assert response["Location"] == HOME == reverse("dashboard:home") == reverse("dashboard:home")
    page = client.get(HOME)
    assert page.status_code == 200
    assert page.templates[0].name == "dashboard/home.html"


def test_anonymous_home_still_goes_to_login(client_for):
    assert client_for(None).get(HOME)["Location"] == reverse("accounts:login")


def test_dashboard_is_swedish_by_default_and_first_in_the_menu(client_for, owner):
    page = client_for(owner).get(HOME).content.decode()
    assert '<html lang="sv">' in page
    nav = re.search(r'<nav class="site-nav".*?</nav>', page, re.DOTALL).group(0)
    links = re.findall(r'<a href="([^"]+)"', nav)
    assert links[0] == HOME
    assert f'<a href="{HOME}" aria-current="page">' in nav


def test_lists_promises_due_soon_and_broken_most_urgent_first(client_for, owner, waiting):
    applications_close(applications=[waiting["answered"]], outcome="rejected", by=owner)
    response = client_for(owner).get(HOME)
    result = response.context["waiting"]
    assert result.due_by == dt.date(2026, 11, 27)
    assert _names(result.due_soon) == ["Tove Idag", "Frida Fredag"]
    assert [row.days for row in result.due_soon.rows] == [0, 2]
    assert _names(result.broken) == ["Lena Sen", "Leo Igår"]
    assert [row.days for row in result.broken.rows] == [5, 1]
    assert (result.due_soon.total, result.broken.total, result.failed.total) == (2, 2, 0)

    page = response.content.decode()
    broken = _section(page, "broken")
    assert f'href="{waiting["late5"].get_absolute_url()}">Lena Sen</a>' in broken
    assert "Mona Måndag" not in page
    assert "Anna Klar" not in page  # rejected: answered, nobody is waiting


def test_each_row_shows_candidate_recruitment_stage_date_and_days(
    client_for, owner, recruitment, waiting
):
    application_move(application=waiting["late5"], to_stage="screening", by=owner, reply_by=TODAY)
    application_move(
        application=waiting["late1"], to_stage="screening", by=owner, reply_by=dt.date(2026, 12, 4)
    )
    page = english(client_for(owner)).get(HOME).content.decode()
    due = _section(page, "due-soon")
    row = re.search(r"<tr>\s*<th scope=\"row\"><a [^>]*>Lena Sen</a>.*?</tr>", due, re.DOTALL)
    assert row, due
    row = row.group(0)
    assert f'href="{recruitment.get_absolute_url()}">Lagerarbetare</a>' in row
    assert "stage--screening" in row
    assert "25 November 2026" in row
    assert ">today<" in row
    heading = re.search(r'<h2 id="due-soon-title">.*?</h2>', due, re.DOTALL).group(0)
    assert "Promises due soon" in heading
    assert '<span class="count">3</span>' in heading


def test_escalated_broken_promises_are_marked(client_for, owner, waiting):
    late = waiting["late5"]
    promise_escalate(application=late, broken=late.reply_by, reason="policy", now=timezone.now())
    response = english(client_for(owner)).get(HOME)
    rows = response.context["waiting"].broken.rows
    assert [(row.application.candidate.full_name, row.escalated) for row in rows] == [
        ("Anna Klar", False),
        ("Lena Sen", True),
        ("Leo Igår", False),
    ]
    broken = _section(response.content.decode(), "broken")
    assert broken.count(">escalated</span>") == 1


def test_failed_messages_show_the_error_and_a_retry_button(client_for, owner, recruitment, waiting):
    message = fail(waiting["monday"])
    page = english(client_for(owner)).get(HOME).content.decode()
    failed = _section(page, "failed")
    assert "Mona Måndag" in failed
    assert "Recipient address rejected" in failed
    assert message.subject in failed
    assert f'action="{reverse("applications:message_retry", args=[message.pk])}"' in failed
    assert reverse("applications:outbox", args=[waiting["monday"].pk]) in failed
    assert 'name="next" value="/"' in failed
    assert re.search(r'<h2 id="failed-title">[^<]*<span class="count">1</span>', failed)


@pytest.mark.parametrize("who", ["hiring_manager"])
def test_failed_messages_without_retry_for_roles_that_do_not_manage(
    request, client_for, waiting, who
):
    message = fail(waiting["monday"])
    page = client_for(request.getfixturevalue(who)).get(HOME).content.decode()
    failed = _section(page, "failed")
    assert "Mona Måndag" in failed
    assert reverse("applications:message_retry", args=[message.pk]) not in failed


def test_queued_and_sent_messages_are_not_on_the_dashboard(client_for, owner, waiting):
    Message.objects.filter(application=waiting["today"]).update(status=Message.Status.SENT)
    result = client_for(owner).get(HOME).context["waiting"]
    assert result.failed.total == 0
    assert result.failed.rows == []


def test_only_the_users_recruitments_count(client_for, owner, outsider, site_admin, waiting):
    other = recruitment_create(owner=as_recruiter(outsider), title="Utvecklare")
    theirs = receive(other, outsider, "Olle Annan", reply_by=dt.date(2026, 11, 2))
    fail(theirs)

    mine = client_for(owner).get(HOME)
    assert "Olle Annan" not in mine.content.decode()
    assert _names(mine.context["waiting"].broken) == ["Anna Klar", "Lena Sen", "Leo Igår"]
    assert mine.context["waiting"].failed.total == 0

    outsiders = client_for(outsider).get(HOME).context["waiting"]
    assert _names(outsiders.broken) == ["Olle Annan"]
    assert outsiders.failed.total == 1
    assert outsiders.due_soon.total == 0

    everything = client_for(site_admin).get(HOME).context["waiting"]
    assert _names(everything.broken) == ["Olle Annan", "Anna Klar", "Lena Sen", "Leo Igår"]
    assert everything.failed.total == 1
    assert everything.failed.rows[0].can_retry


def test_empty_dashboard_says_something_kind(client_for, outsider):
    page = english(client_for(outsider)).get(HOME).content.decode()
    assert "Nobody is waiting past their date. Well done." in page
    assert "No promise falls due in the next 2 working days." in page
    assert "Every message reached its candidate" in page
    assert "<table" not in page


def test_long_lists_are_cut_with_a_count_of_the_rest(monkeypatch, client_for, owner, recruitment):
    monkeypatch.setattr(selectors, "LIST_LIMIT", 3)
    for i in range(5):
        receive(recruitment, owner, f"Sen Nummer{i}", reply_by=dt.date(2026, 11, 10 + i))
    response = english(client_for(owner)).get(HOME)
    broken = response.context["waiting"].broken
    assert (broken.total, len(broken.rows), broken.more) == (5, 3, 2)
    assert _names(broken) == ["Sen Nummer0", "Sen Nummer1", "Sen Nummer2"]
    assert "And 2 more, not listed here" in _section(response.content.decode(), "broken")


def _fill(recruitment, owner, n: int) -> None:
    """``n`` applications spread over every list of the dashboard."""
    for i in range(n):
        reply_by = [TODAY, dt.date(2026, 11, 27), dt.date(2026, 11, 20), dt.date(2026, 12, 18)]
        application = receive(recruitment, owner, f"Person Nummer{i}", reply_by=reply_by[i % 4])
        if i % 3 == 0:
            fail(application)
        if i % 5 == 0:
            promise_escalate(
                application=application,
                broken=application.reply_by,
                reason="policy",
                now=timezone.now(),
            )


# session, user, the counts, three lists, the count of failed messages; calls to make,
# letters to print, requests for written information and erasures promised: a list and a
# count each
DASHBOARD_QUERIES = 16


@pytest.mark.parametrize("n", [2, 30])
@pytest.mark.parametrize("who", ["owner", "interviewer", "site_admin"])
def test_query_count_does_not_grow_with_the_data(
    request, django_assert_num_queries, client_for, owner, recruitment, n, who
):
    _fill(recruitment, owner, n)
    client = client_for(request.getfixturevalue(who))
    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = client.get(HOME)
    result = response.context["waiting"]
    if who == "interviewer":
        # Interviewers see only the candidates they interview: none here.
        assert result.due_soon.total + result.broken.total + result.failed.total == 0
        return
    assert result.due_soon.total + result.broken.total > 0
    assert result.failed.total == len(range(0, n, 3))


def test_missing_contact_details_are_on_the_dashboard_with_the_waiting_messages(
    client_for, site_admin, owner, recruitment, organisation_without_contact
):
    receive(recruitment, owner, "Sara Ek")
    receive(recruitment, owner, "Tom Lee")
    page = client_for(site_admin).get(HOME).content.decode()
    notice = re.search(
        r'<div class="notice[^"]*" role="status" id="contact-missing">.*?</div>', page, re.DOTALL
    )
    assert notice, page
    text = notice.group(0)
    assert (
        "Inga meddelanden kan skickas: organisationens kontaktuppgifter är inte kompletta." in text
    )
    assert "2 meddelanden väntar och skickas när de är ifyllda." in text
    assert "organisationens namn" in text
    assert f'href="{reverse("organisation:settings")}#contact"' in text

    # A recruiter cannot open the settings: the notice says who can.
    page = client_for(owner).get(HOME).content.decode()
    assert "Inga meddelanden kan skickas" in page
    assert "En webbplatsadministratör fyller i dem under Inställningar." in page
    assert reverse("organisation:settings") + "#contact" not in page


def test_no_notice_once_the_contact_details_are_complete(client_for, site_admin):
    page = client_for(site_admin).get(HOME).content.decode()
    assert 'id="contact-missing"' not in page


def test_the_outbox_shows_who_answers_and_why_a_message_waits(
    client_for, owner, recruitment, organisation_without_contact
):
    application = receive(recruitment, owner, "Sara Ek")
    url = reverse("applications:outbox", args=[application.pk])
    page = client_for(owner).get(url).content.decode()
    assert "Väntar på kontaktuppgifter" in page
    assert "organisationens kontaktuppgifter är inte kompletta" in page


def test_an_erasure_promised_for_a_date_is_on_the_dashboard_and_marked_when_held(
    client_for, owner, outsider, site_admin, recruitment
):
    from aterkoppla.applications.services import applications_close
    from aterkoppla.privacy.services import erasure_request
    from aterkoppla.recruitment.models import LegalHold
    from aterkoppla.recruitment.services import legal_hold_set

    application = receive(recruitment, owner, "Mirela Kovač")
    applications_close(applications=[application], outcome="rejected", by=owner)
    outcome = erasure_request(candidate=application.candidate, via="phone", by=owner)
    page = client_for(owner).get(HOME).content.decode()
    assert 'id="erasures"' in page and "Mirela Kovač" in page
    assert "Mirela" not in client_for(outsider).get(HOME).content.decode()
    legal_hold_set(
        recruitment=recruitment, source=LegalHold.Source.DISPUTED, reason="Tvist.", by=owner
    )
    later = outcome.erase_on + dt.timedelta(days=3)
    waiting = client_for(site_admin).get(HOME).context["waiting"]
    from aterkoppla.dashboard.selectors import waiting_for

    rows = waiting_for(site_admin, today=later).erasures.rows
    assert [(r.request.pk, r.state) for r in rows] == [(outcome.request.pk, "broken")]
    assert waiting.erasures.total == 1
