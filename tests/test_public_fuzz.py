"""Whatever is sent to a public form or a candidate's page — HTML, template syntax, SQL, very
long or odd Unicode, control characters — the answer is a page or a clear refusal, never a
500, and nothing it stores breaks a later page (hypothesis)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aterkoppla.messaging.links import portal_url_create

pytestmark = pytest.mark.django_db

NASTY = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }}{% for x in y %}{% endfor %}",
    "${7*7}#{7*7}",
    "' OR 1=1 --",
    "Robert'); DROP TABLE applications_application;--",
    "\x00",
    "Sara\r\nBcc: all@example.se",
    "\u202eemos\u202c",
    "\ud800",
    "𝔖𝔞𝔯𝔞 🧑‍🚒" * 20,
    "a" * 5_000,
    "https://evil.example/prize",
    "../../etc/passwd",
]
text = st.one_of(st.sampled_from(NASTY), st.text(max_size=200))
FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _clean(value: str) -> str:
    # A lone surrogate cannot even be sent as form data (it is not UTF-8); a browser cannot
    # send one either.
    return value.encode("utf-8", "replace").decode("utf-8")


@FUZZ
@given(
    first_name=text,
    last_name=text,
    email=text,
    phone=text,
    language=text,
    education=st.lists(text, max_size=3),
)
def test_the_application_form(
    recruitment, settings, first_name, last_name, email, phone, language, education
):
    settings.APPLY_RATE = "100000/h"
    from django.core.files.uploadedfile import SimpleUploadedFile

    from aterkoppla.lib.tests import samples

    response = Client().post(
        reverse("careers:apply", args=[recruitment.pk]),
        {
            "first_name": _clean(first_name),
            "last_name": _clean(last_name),
            "email": _clean(email),
            "phone": _clean(phone),
            "language": _clean(language),
            "education": [_clean(row) for row in education],
            "cv": SimpleUploadedFile("cv.pdf", samples.pdf_bytes(), "application/pdf"),
        },
    )
    assert response.status_code in (200, 302, 400, 429), response.status_code


@FUZZ
@given(email=text, next_url=text, username=text, password=text, language=text)
def test_the_other_public_forms(email, next_url, username, password, language):
    client = Client()
    responses = [
        client.post(reverse("portal:lost_link"), {"email": _clean(email)}),
        client.post(
            reverse("accounts:login"),
            {"username": _clean(username), "password": _clean(password), "next": _clean(next_url)},
        ),
        client.post(
            reverse("set_language"), {"language": _clean(language), "next": _clean(next_url)}
        ),
        client.get(reverse("careers:list"), {"q": _clean(email)}),
    ]
    for response in responses:
        assert response.status_code < 500, response.status_code


@FUZZ
@given(token=text, reason=text, answer=text)
def test_a_candidates_page_and_its_forms(application, token, reason, answer):
    client = Client()
    own = portal_url_create(application).rstrip("/").rsplit("/", 1)[1]
    for value in (_clean(token), own):
        if "/" in value or not value.strip():
            continue
        for name in ("portal:application", "portal:withdraw", "portal:erasure", "portal:survey"):
            url = reverse(name, kwargs={"token": value})
            get = client.get(url)
            post = client.post(url, {"reason": _clean(reason), "answer": _clean(answer)})
            assert get.status_code < 500 and post.status_code < 500, (name, value)
