"""The outbox pages: every message exactly as sent, newest first, filterable, at a fixed cost."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from aterkoppla.applications import outbox_views as views
from aterkoppla.applications.models import Application
from aterkoppla.applications.services import application_move, application_receive
from aterkoppla.lib.links import redact_links
from aterkoppla.messaging.models import Kind, Message

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]


def _recruitment_outbox(recruitment, query: str = "") -> str:
    return reverse("applications:recruitment_outbox", args=[recruitment.pk]) + query


def _application_outbox(application) -> str:
    return reverse("applications:outbox", args=[application.pk])


def _english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _receive(recruitment, owner, i: int) -> Application:
    return application_receive(
        recruitment=recruitment,
        first_name=f"Kandidat{i}",
        last_name="Testsson",
        email=f"kandidat{i}@example.se",
        by=owner,
    )


def _articles(page: str) -> list[str]:
    return re.findall(r'<article class="panel" id="message-\d+".*?</article>', page, re.DOTALL)


@pytest.fixture
def outbox(recruitment, owner, application):
    """Sara's acknowledgement (sent) and status update (failed); Erik's acknowledgement."""
    application_move(application=application, to_stage="screening", by=owner)
    acknowledgement = Message.objects.get(application=application, kind=Kind.ACKNOWLEDGEMENT)
    acknowledgement.status = Message.Status.SENT
    acknowledgement.attempts = 1
    acknowledgement.sent_at = timezone.now()
    acknowledgement.save()
    update = Message.objects.get(application=application, kind=Kind.STATUS_UPDATE)
    update.status = Message.Status.FAILED
    update.attempts = 3
    update.last_error = "550 5.1.1 <sara.ek@example.se>: Recipient address rejected"
    update.save()
    erik = application_receive(
        recruitment=recruitment,
        first_name="Erik",
        last_name="Nilsson",
        email="erik.nilsson@example.se",
        language="en",
        by=owner,
    )
    return {
        "acknowledgement": acknowledgement,
        "update": update,
        "erik": Message.objects.get(application=erik),
    }


def test_recruitment_outbox_lists_every_message_newest_first(client_for, owner, outbox):
    response = client_for(owner).get(_recruitment_outbox(outbox["erik"].application.recruitment))
    assert response.status_code == 200
    shown = list(response.context["page"].object_list)
    assert shown == [outbox["erik"], outbox["update"], outbox["acknowledgement"]]
    page = response.content.decode()
    assert [a.split('"')[3] for a in _articles(page)] == [f"message-{m.pk}" for m in shown]
    tabs = re.search(r'<nav class="tabs".*?</nav>', page, re.DOTALL).group(0)
    assert re.search(r'href="[^"]+/messages/" aria-current="page"', tabs)


def test_each_message_shows_its_facts_and_its_text_exactly_as_sent(client_for, owner, outbox):
    update = outbox["update"]
    page = _english(client_for(owner)).get(_application_outbox(update.application)).content.decode()
    article = next(a for a in _articles(page) if f'id="message-{update.pk}"' in a)
    for fact in (
        "Status update",  # the kind
        "Sara Ek &lt;sara.ek@example.se&gt;",  # to
        html.escape(update.subject),
        ">Failed<",
        "<dt>Attempts</dt><dd>3</dd>",
        "Recipient address rejected",
    ):
        assert fact in article, fact
    text = re.search(r"<pre[^>]*>(.*?)</pre>", article, re.DOTALL).group(1)
    assert html.unescape(text) == redact_links(update.body_text)
    sent = next(a for a in _articles(page) if f'id="message-{outbox["acknowledgement"].pk}"' in a)
    assert "<dt>Sent</dt><dd><time" in sent
    assert "<dt>Sent</dt><dd>–</dd>" in article


def test_html_is_shown_in_a_sandbox_where_nothing_runs(client_for, owner, outbox):
    message = outbox["acknowledgement"]
    message.body_html = '<p onclick="x()">Hej</p><script>alert("hi")</script>\'"'
    message.save(update_fields=["body_html"])
    client = client_for(owner)
    page = client.get(_application_outbox(message.application)).content.decode()
    assert "<script>alert" not in page
    article = next(a for a in _articles(page) if f'id="message-{message.pk}"' in a)
    iframe = re.search(r"<iframe [^>]*>", article).group(0)
    assert 'sandbox=""' in iframe
    src = re.search(r'src="([^"]*)"', iframe).group(1)
    framed = client.get(src)
    assert framed.content.decode() == message.body_html
    # Its own page may run nothing: no script source at all, only the mail's inline styles.
    assert "script-src" not in framed["Content-Security-Policy"]
    assert "default-src 'none'" in framed["Content-Security-Policy"]


def test_the_real_html_part_round_trips_through_the_page(client_for, owner, outbox):
    message = outbox["erik"]
    assert message.body_html.startswith("<!doctype html>")
    client = client_for(owner)
    page = client.get(_application_outbox(message.application)).content.decode()
    src = re.search(r'<iframe sandbox="" src="([^"]*)"', page).group(1)
    assert client.get(src).content.decode() == redact_links(message.body_html)


def test_status_filter_shows_only_that_status_with_counts(client_for, owner, outbox):
    recruitment = outbox["erik"].application.recruitment
    response = _english(client_for(owner)).get(_recruitment_outbox(recruitment, "?status=failed"))
    assert list(response.context["page"].object_list) == [outbox["update"]]
    page = response.content.decode()
    assert 'href="?status=failed" aria-current="true">Failed <span class="count">1</span>' in page
    assert '<a href="?">All <span class="count">3</span>' in page
    assert '?status=queued">Queued <span class="count">1</span>' in page
    assert "?status=sending" not in page  # statuses without messages are not offered

    unknown = client_for(owner).get(_recruitment_outbox(recruitment, "?status=nonsense"))
    assert len(unknown.context["page"].object_list) == 3
    empty = _english(client_for(owner)).get(_recruitment_outbox(recruitment, "?status=sending"))
    assert "No messages with this status." in empty.content.decode()


def test_application_outbox_shows_only_that_application(client_for, owner, outbox, application):
    response = client_for(owner).get(_application_outbox(application))
    assert list(response.context["page"].object_list) == [
        outbox["update"],
        outbox["acknowledgement"],
    ]
    assert "erik.nilsson@example.se" not in response.content.decode()


def test_application_page_links_to_its_outbox(client_for, owner, application):
    page = client_for(owner).get(application.get_absolute_url()).content.decode()
    assert f'href="{_application_outbox(application)}"' in page


def test_retry_button_only_for_failed_messages_and_managing_roles(
    client_for, owner, hiring_manager, outbox
):
    url = _recruitment_outbox(outbox["erik"].application.recruitment)
    page = client_for(owner).get(url).content.decode()
    assert page.count('action="/applications/messages/') == 1
    assert f'action="{reverse("applications:message_retry", args=[outbox["update"].pk])}"' in page
    assert (
        'action="/applications/messages/'
        not in client_for(hiring_manager).get(url).content.decode()
    )


def test_empty_outbox_says_what_will_appear(client_for, owner, recruitment):
    page = _english(client_for(owner)).get(_recruitment_outbox(recruitment)).content.decode()
    assert "No messages yet." in page


def test_long_outbox_is_paged(monkeypatch, client_for, owner, recruitment):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    for i in range(5):
        _receive(recruitment, owner, i)
    client = client_for(owner)
    first = client.get(_recruitment_outbox(recruitment))
    assert [m.to_address for m in first.context["page"].object_list] == [
        "kandidat4@example.se",
        "kandidat3@example.se",
    ]
    assert 'href="?page=2"' in first.content.decode()
    last = client.get(_recruitment_outbox(recruitment, "?page=3"))
    assert [m.to_address for m in last.context["page"].object_list] == ["kandidat0@example.se"]
    # Past the end, or not a number: the nearest page, not an error.
    assert client.get(_recruitment_outbox(recruitment, "?page=99")).status_code == 200
    assert client.get(_recruitment_outbox(recruitment, "?page=x")).status_code == 200


# session, user, recruitment, team membership, counts per status, page count, the page
OUTBOX_QUERIES = 7


@pytest.mark.parametrize("n", [2, 30])
def test_recruitment_outbox_query_count_is_fixed(
    django_assert_num_queries, client_for, owner, recruitment, n
):
    for i in range(n):
        application = _receive(recruitment, owner, i)
        if i % 2:
            application_move(application=application, to_stage="screening", by=owner)
    Message.objects.filter(pk__in=Message.objects.order_by("pk")[: n // 2]).update(
        status=Message.Status.FAILED, last_error="550 nope"
    )
    client = client_for(owner)
    with django_assert_num_queries(OUTBOX_QUERIES):
        response = client.get(_recruitment_outbox(recruitment))
    assert response.context["total"] == n + n // 2
    with django_assert_num_queries(OUTBOX_QUERIES):
        client.get(_recruitment_outbox(recruitment, "?status=failed"))


@pytest.mark.parametrize("moves", [0, 3])
def test_application_outbox_query_count_is_fixed(
    django_assert_num_queries, client_for, owner, application, moves
):
    reply_by = dt.date(2026, 12, 18)
    for stage in ["screening", "interview", "reserve"][:moves]:
        application = application_move(
            application=application, to_stage=stage, by=owner, reply_by=reply_by
        )
    client = client_for(owner)
    with django_assert_num_queries(OUTBOX_QUERIES):
        response = client.get(_application_outbox(application))
    assert response.context["total"] == 1 + moves
