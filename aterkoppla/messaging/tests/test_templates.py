from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from aterkoppla.messaging.models import CANDIDATE_KINDS, MessageTemplate
from aterkoppla.messaging.rendering import (
    TemplateProblem,
    check_template,
    default_template,
    render_strings,
    sample_context,
)
from aterkoppla.recruitment.models import Language

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", CANDIDATE_KINDS)
@pytest.mark.parametrize("language", Language.values)
def test_every_default_template_renders(kind, language):
    subject, body = default_template(kind, language)
    rendered_subject, text = render_strings(subject, body, sample_context(language))
    assert rendered_subject
    assert "Sara" in text
    assert "{{" not in text and "{%" not in text


@pytest.mark.parametrize(
    "body",
    [
        "Hej {{ first_name }",  # syntax error
        "Hej {{ förnamn }}",  # not a name we offer
        "{{ first_name.__class__.__mro__ }}",  # the sandbox refuses internals
        "{% for x in range(10**9) %}{% endfor %}",  # range is not offered
        "{{ undefined_name }}",
    ],
)
def test_broken_or_unsafe_templates_are_refused(body):
    with pytest.raises(TemplateProblem):
        check_template("Ämne", body, "sv")


def test_empty_subject_is_refused():
    with pytest.raises(TemplateProblem):
        check_template("  ", "Hej", "sv")


def _edit_url(kind="acknowledgement", language="sv"):
    return reverse("messaging:template", args=[kind, language])


def test_site_admin_saves_and_resets_a_template(client_for, site_admin, application):
    client = client_for(site_admin)
    page = client.get(_edit_url()).content.decode()
    assert "Tack för din ansökan" in page  # the default text, in the form
    assert "Sara" in page  # previewed on the real application
    response = client.post(
        _edit_url(), {"subject": "Tack, {{ first_name }}!", "body": "Hej {{ first_name }}!"}
    )
    assert response.status_code == 302
    own = MessageTemplate.objects.get(kind="acknowledgement", language="sv")
    assert own.updated_by == site_admin
    client.post(_edit_url(), {"action": "reset"})
    assert not MessageTemplate.objects.exists()


def test_a_template_that_does_not_render_is_refused_when_saved(client_for, site_admin):
    response = client_for(site_admin).post(
        _edit_url(), {"subject": "Hej", "body": "Hej {{ first_name }"}
    )
    assert response.status_code == 400
    assert "Mallen kan inte användas" in response.content.decode()
    assert not MessageTemplate.objects.exists()


def test_saved_template_is_used_for_new_messages(client_for, site_admin, recruitment):
    from aterkoppla.applications.services import application_receive

    client_for(site_admin).post(
        _edit_url(language="en"),
        {"subject": "Thanks, {{ first_name }}", "body": "Answer by {{ reply_by }}."},
    )
    application = application_receive(
        recruitment=recruitment,
        first_name="Tom",
        last_name="Hill",
        email="tom@example.com",
        language="en",
    )
    message = application.messages.get()
    assert message.subject == "Thanks, Tom"
    assert message.body_text.strip() == (
        f"Answer by {application.reply_by.day} {application.reply_by:%B} "
        f"{application.reply_by.year}."
    )
    assert isinstance(application.reply_by, dt.date)


def test_live_preview_renders_what_is_typed(client_for, site_admin, application):
    url = reverse("messaging:template_preview", args=["status_update", "sv"])
    data = client_for(site_admin).post(url, {"subject": "Hej {{ first_name }}", "body": "x"})
    assert data.json()["subject"] == "Hej Sara"
    bad = client_for(site_admin).post(url, {"subject": "Hej", "body": "{{ nope"}).json()
    assert "error" in bad


def test_unknown_kind_or_language_is_404(client_for, site_admin):
    client = client_for(site_admin)
    assert client.get(_edit_url(kind="rejection_letter")).status_code == 404
    assert client.get(_edit_url(language="de")).status_code == 404


@pytest.mark.parametrize("who", ["owner", "member", "outsider"])
def test_only_site_admins_edit_templates(request, client_for, recruitment, who):
    client = client_for(request.getfixturevalue(who))
    assert client.get(reverse("messaging:templates")).status_code == 403
    assert client.get(_edit_url()).status_code == 403
    assert client.post(_edit_url(), {"subject": "x", "body": "y"}).status_code == 403
    preview = reverse("messaging:template_preview", args=["acknowledgement", "sv"])
    assert client.post(preview, {"subject": "x", "body": "y"}).status_code == 403
    assert not MessageTemplate.objects.exists()


def test_anonymous_is_sent_to_login(client_for):
    for url in (reverse("messaging:templates"), _edit_url()):
        response = client_for(None).get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_interview_messages_are_edited_like_the_others(client_for, site_admin, application):
    client = client_for(site_admin)
    listing = client.get(reverse("messaging:templates")).content.decode()
    for kind in ("interview_booked", "interview_moved", "interview_cancelled"):
        assert _edit_url(kind) in listing
    assert _edit_url("interview_invitation") not in listing  # to staff: the product's words
    page = client.get(_edit_url("interview_booked")).content.decode()
    # Previewed on a real application, with an example interview.
    assert "När: tisdag 8 december 2026 kl. 10.00 (1 timme)" in page
    assert "Du träffar: Johan Ström (rekryterande chef) och Leila Haddad" in page
    response = client.post(
        _edit_url("interview_booked"),
        {
            "subject": "Intervju {{ interview_time }}",
            "body": "Hej {{ first_name }}! Vi ses {{ interview_time }}.{% if bring %} {{ bring }}"
            "{% endif %}",
        },
    )
    assert response.status_code == 302
    assert MessageTemplate.objects.filter(kind="interview_booked", language="sv").exists()


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ("{% for a in first_name %}{% for b in first_name %}x{% endfor %}{% endfor %}", "for"),
        ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "macro"),
        ("{{ 'a' * 20000000 }}", "*"),
        ("{{ 10 ** 10 ** 10 }}", "**"),
        ("{% set x = first_name %}{{ x }}", "set"),
        ("{{ first_name.upper() }}", "( )"),
        ("{{ first_name.__class__ }}", "."),
        ("{{ first_name[0] }}", "[ ]"),
        ("{{ first_name|replace('a', 'b') }}", "|replace"),
        ("{% if first_name > 'M' %}x{% endif %}", "gt"),
        ("{% include 'base.html' %}", "include"),
    ],
)
def test_loops_macros_and_arithmetic_are_refused_with_their_name(body, named):
    """A template prints names under conditions and nothing more: no loop, recursion or
    multiplication that could run away for some candidate's data."""
    with pytest.raises(TemplateProblem, match=re.escape(named)):
        check_template("Ämne", body, "sv")


def test_conditions_joins_and_simple_filters_are_allowed():
    body = (
        "{% if reason and outcome == 'chosen' %}Hej {{ first_name|capitalize }}{% elif not "
        "assessed %}{{ job_title ~ ' ' ~ organisation|upper }}{% else %}{{ 'x' if by_letter "
        "else 'y' }}{% endif %} {{ bring|default('–') }}{% if stage in 'screening interview' "
        "%}!{% endif %}{% if video_url is defined %}.{% endif %}"
    )
    check_template("Ämne", body, "sv")


def test_the_output_is_capped():
    context = sample_context("sv") | {"privacy_notice": "x" * 200_000}
    with pytest.raises(TemplateProblem, match="100000"):
        render_strings("Ämne", "{{ privacy_notice }}", context)


def test_a_stored_template_that_cannot_render_gives_a_held_message_with_the_standard_wording(
    client, recruitment, settings
):
    """A template stored before the rules (or broken by hand) must not cost the candidate
    their application: the form answers as usual, the acknowledgement is held with the
    shipped wording and says why."""
    from aterkoppla.applications.models import Application
    from aterkoppla.careers.tests.test_views import _apply
    from aterkoppla.messaging.models import Message

    MessageTemplate.objects.create(
        kind="acknowledgement",
        language="sv",
        subject="Tack {{ first_name }}",
        body="{% for a in first_name %}{% for b in first_name %}x{% endfor %}{% endfor %}",
    )
    response = _apply(client, recruitment)
    assert response.status_code == 302
    application = Application.objects.get()
    message = application.messages.get()
    assert message.status == Message.Status.HELD
    assert message.subject == "Tack för din ansökan till Lagerarbetare"
    assert "Sara" in message.body_text
    assert "standard" in message.last_error or "standardformulering" in message.last_error


def test_the_preview_shows_the_problem_instead_of_failing(client_for, site_admin):
    response = client_for(site_admin).post(
        reverse("messaging:template_preview", args=["acknowledgement", "sv"]),
        {"subject": "Hej", "body": "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}"},
    )
    assert response.status_code in (200, 400)
    assert "macro" in response.content.decode()


def test_an_acknowledgement_that_cannot_be_written_is_written_by_the_sweep(
    recruitment, monkeypatch
):
    from django.utils import timezone

    from aterkoppla.applications import services
    from aterkoppla.applications.sweeps import acknowledgements

    def broken(*args, **kwargs):
        raise RuntimeError("the outbox is unavailable")

    monkeypatch.setattr(services, "message_queue", broken)
    application = services.application_receive(
        recruitment=recruitment, first_name="Sara", last_name="Ek", email="sara@example.se"
    )
    assert not application.messages.exists()
    assert acknowledgements(timezone.now()) == []  # still broken: tried again later
    monkeypatch.undo()
    assert acknowledgements(timezone.now()) == [application.pk]
    assert application.messages.get().kind == "acknowledgement"
    assert acknowledgements(timezone.now()) == []
