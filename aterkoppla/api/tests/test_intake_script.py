"""The issue's "done when": a script with a token creates a recruitment and 50 applications
over HTTP, and sending every application again with its Idempotency-Key creates nothing new.

The script is plain ``urllib`` against a running server, as an integration would be written.
"""

from __future__ import annotations

import io
import json
import urllib.error
import urllib.request
from typing import Any

import pytest
from django.core.management import call_command

from aterkoppla.applications.models import Application, Candidate
from aterkoppla.messaging.models import Message
from aterkoppla.recruitment.models import Recruitment
from aterkoppla.timeline.models import TimelineEvent

Answer = tuple[int, dict[str, str], Any]

RECRUITMENT = {
    "title": "Kundtjänstmedarbetare",
    "description": "Svara på frågor från våra kunder i telefon och chatt.",
    "language": "sv",
    "application_deadline": "2026-12-20",
    "first_reply_by": "2027-01-08",
    "status": "open",
    "criteria": [
        {
            "name": "Svenska flytande",
            "description": "Tal och skrift.",
            "kind": "must",
            "category": "skill",
            "weight": 5,
        },
        {
            "name": "Erfarenhet av kundtjänst",
            "description": "",
            "kind": "merit",
            "category": "experience",
            "weight": 3,
        },
    ],
}


class Script:
    """What an integration does: JSON over HTTP with a bearer token."""

    def __init__(self, base: str, token: str) -> None:
        self.base = base
        self.token = token

    def call(self, method: str, path: str, body: Any = None, **headers: str) -> Answer:
        request = urllib.request.Request(  # noqa: S310 — the test's own server
            self.base + path,
            data=json.dumps(body).encode() if body is not None else None,
            method=method,
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"}
            | headers,
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                return response.status, dict(response.headers), json.load(response)
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), json.load(error)

    def send_applications(self, recruitment_id: int, n: int) -> list[Answer]:
        return [
            self.call(
                "POST",
                f"/recruitments/{recruitment_id}/applications",
                {
                    "candidate": {
                        "first_name": f"Sökande{i}",
                        "last_name": "Svensson",
                        "email": f"sokande{i}@example.se",
                        "phone": f"070-123 45 {i:02d}",
                        "language": "sv" if i % 3 else "en",
                    },
                    "merits": {"education": ["Gymnasieexamen"], "experience": [], "other": []},
                },
                **{"Idempotency-Key": f"intake-{recruitment_id}-{i}"},
            )
            for i in range(n)
        ]


def _stored() -> tuple[int, int, int, int, int]:
    return (
        Recruitment.objects.count(),
        Application.objects.count(),
        Candidate.objects.count(),
        TimelineEvent.objects.filter(kind="received").count(),
        Message.objects.filter(kind="acknowledgement").count(),
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("nov_25")
def test_script_makes_50_applications_and_a_retry_makes_nothing_new(live_server):
    out = io.StringIO()
    call_command("createtoken", "intake", "--create", "--name", "Intake script", stdout=out)
    script = Script(f"{live_server.url}/api/v1", token=out.getvalue().splitlines()[-1])

    status, _headers, recruitment = script.call("POST", "/recruitments", RECRUITMENT)
    assert status == 201, recruitment
    first = script.send_applications(recruitment["id"], 50)

    assert [status for status, _h, _b in first] == [201] * 50
    ids = [body["id"] for _s, _h, body in first]
    assert len(set(ids)) == 50
    assert {body["reply_by"] for _s, _h, body in first} == {"2027-01-08"}
    assert _stored() == (1, 50, 50, 50, 50)

    # The script did not hear the answers and sends everything again with the same keys.
    again = script.send_applications(recruitment["id"], 50)

    assert [status for status, _h, _b in again] == [201] * 50
    assert [body["id"] for _s, _h, body in again] == ids
    assert {headers.get("Idempotent-Replayed") for _s, headers, _b in again} == {"true"}
    assert _stored() == (1, 50, 50, 50, 50)
    _status, _headers, detail = script.call("GET", f"/recruitments/{recruitment['id']}")
    assert detail["stage_counts"]["received"] == 50
