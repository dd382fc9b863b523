"""Where one application POST spends its time: each part timed alone, in one process.

Run by ``bench/b3_apply.py --breakdown`` after the load run, against its database (no
server, no concurrency; the median of ``B3_REPEAT`` calls, default 50). Needs
``DJANGO_SETTINGS_MODULE=b3_site.settings``, ``B3_JOB`` (the recruitment) and ``B3_PDF``
(the CV file).
"""

from __future__ import annotations

import io
import os
import statistics
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import django

django.setup()

import b3_apply  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from aterkoppla.applications import services as application_services  # noqa: E402
from aterkoppla.applications.models import Candidate  # noqa: E402
from aterkoppla.careers import views  # noqa: E402
from aterkoppla.careers.forms import ApplyForm  # noqa: E402
from aterkoppla.lib.documents import identify  # noqa: E402
from aterkoppla.messaging.rendering import (  # noqa: E402
    default_template,
    render_strings,
    sample_context,
    to_html,
)
from aterkoppla.recruitment.models import Recruitment  # noqa: E402

JOB = int(os.environ["B3_JOB"])
PDF = Path(os.environ["B3_PDF"]).read_bytes()
REPEAT = int(os.environ.get("B3_REPEAT", "50"))
RUN = uuid.uuid4().hex[:8]
_numbers = iter(range(10**9))

POST = b3_apply.ApplyRequest(f"/jobb/{JOB}/ansok/", f"/jobb/{JOB}/tack/", "x" * 32, "x" * 32, PDF)
FIELDS = {"first_name": "Sara", "last_name": "Ek", "phone": "070-123 45 67", "language": "sv"}


def email() -> str:
    return f"breakdown-{RUN}-{next(_numbers)}@example.se"


def body() -> bytes:
    return POST.head + email().encode() + POST.tail


def timed(label: str, fn: Callable[..., object], setup: Callable[[], object] | None = None) -> None:
    times = []
    for i in range(REPEAT + 5):  # the first five warm caches up and are not counted
        arg = setup() if setup else None
        start = time.perf_counter()
        fn(arg) if setup else fn()
        if i >= 5:
            times.append(time.perf_counter() - start)
    print(f"{statistics.median(times) * 1000:8.2f} ms  {label}")


def main() -> None:
    client = Client(HTTP_HOST="127.0.0.1")
    factory = RequestFactory(HTTP_HOST="127.0.0.1")
    recruitment = Recruitment.objects.get(pk=JOB)
    content_type = POST.headers["Content-Type"]

    def whole_post() -> None:
        path = f"/jobb/{JOB}/ansok/"
        response = client.generic("POST", path, data=body(), content_type=content_type)
        assert response.status_code == 302, response.status_code  # noqa: S101

    def parse() -> None:
        factory.generic("POST", "/", data=body(), content_type=content_type).FILES  # noqa: B018

    def valid_form() -> ApplyForm:
        form = ApplyForm(dict(FIELDS, email=email()), {"cv": SimpleUploadedFile("cv.pdf", PDF)})
        assert form.is_valid(), form.errors  # noqa: S101
        return form

    def receive(form: ApplyForm) -> None:
        data = form.cleaned_data
        application_services.application_receive(
            recruitment=recruitment,
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            phone=data["phone"],
            language=data["language"],
            merits=form.merits(),
            documents=form.documents(),
            source="form",
        )

    def receive_without_message(form: ApplyForm) -> None:
        with mock.patch.object(application_services, "message_queue", lambda **kwargs: None):
            receive(form)

    subject, text = default_template("acknowledgement", "sv")
    context = sample_context("sv")
    rendered = render_strings(subject, text, context)[1]
    request = factory.get(f"/jobb/{JOB}/ansok/")

    print(f"Candidates in the database: {Candidate.objects.count()}")
    timed("whole POST through the test client (middleware, view, redirect)", whole_post)
    timed("GET /bench/bare/ through the test client", lambda: client.get("/bench/bare/"))
    timed("multipart parsing of the ~100 KB body (request.FILES)", parse)
    timed("identify(): pypdf reads the CV", lambda: identify(io.BytesIO(PDF)))
    timed("ApplyForm.is_valid() (includes identify)", valid_form)
    timed("_get_published(pk): the recruitment and its criteria", lambda: views._get_published(JOB))
    timed(
        "_job_context(): JSON-LD etc., built on every POST",
        lambda: views._job_context(request, recruitment),
    )
    timed("application_receive() as a whole", receive, setup=valid_form)
    timed(
        "application_receive() with message_queue() stubbed out",
        receive_without_message,
        valid_form,
    )
    timed(
        "render_strings(): Jinja compiles and renders the acknowledgement",
        lambda: render_strings(subject, text, context),
    )
    timed(
        "to_html(): urlize each line, render the HTML part",
        lambda: to_html(rendered, organisation="Exempel AB", language="sv"),
    )
    with CaptureQueriesContext(connection) as queries:
        whole_post()
    writes = [q for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    print(f"SQL statements in one whole POST: {len(queries)} ({len(writes)} not SELECT)")
    plan = Candidate.objects.filter(email__iexact="sara.ek@example.se").explain()
    print("Plan of _candidate_for()'s lookup (email__iexact): " + " | ".join(plan.splitlines()))


if __name__ == "__main__":
    main()
