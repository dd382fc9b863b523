"""For API tests: a client that sends a real bearer token, and valid request bodies."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.test import Client

BASE = "/api/v1"


class ApiClient:
    """A test client for ``/api/v1`` that sends ``Authorization: Bearer <key>`` when given one."""

    def __init__(self, key: str | None) -> None:
        self.client = Client()
        # Messages in English, so that tests do not depend on the Swedish catalogue.
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        self.key = key
        self.headers = {"Authorization": f"Bearer {key}"} if key else {}

    def get(self, path: str, **headers: str) -> Any:
        return self.client.get(BASE + path, headers=self.headers | headers)

    def post(
        self,
        path: str,
        body: Any = None,
        *,
        raw: bytes | str | None = None,
        content_type: str = "application/json",
        **headers: str,
    ) -> Any:
        data = raw if raw is not None else json.dumps(body)
        return self.client.post(
            BASE + path, data=data, content_type=content_type, headers=self.headers | headers
        )

    def patch(self, path: str, body: Any = None, **headers: str) -> Any:
        return self.client.patch(
            BASE + path,
            data=json.dumps(body),
            content_type="application/json",
            headers=self.headers | headers,
        )

    def put(self, path: str, body: Any, **headers: str) -> Any:
        return self.client.put(
            BASE + path,
            data=json.dumps(body),
            content_type="application/json",
            headers=self.headers | headers,
        )

    def request(self, method: str, path: str, **headers: str) -> Any:
        return self.client.generic(method, BASE + path, headers=self.headers | headers)


def application_body(email: str = "erik.nilsson@example.se", **candidate: str) -> dict:
    return {
        "candidate": {
            "first_name": "Erik",
            "last_name": "Nilsson",
            "email": email,
            "phone": "073-555 12 34",
            "language": "en",
        }
        | candidate,
        "merits": {
            "education": ["Truckkort A+B, 2019"],
            "experience": ["Lagerarbetare, PostNord, 2020–2024"],
            "other": [],
        },
    }


def recruitment_body(**fields: Any) -> dict:
    return {
        "title": "Truckförare",
        "description": "Truckkörning och godsmottagning i Jönköping.",
        "language": "sv",
        "application_deadline": "2026-12-15",
        "first_reply_by": "2026-12-22",
        "criteria": [
            {
                "name": "Truckkort A+B",
                "description": "Giltigt truckkort.",
                "kind": "must",
                "category": "education",
                "weight": 5,
            },
            {
                "name": "Erfarenhet av lager",
                "description": "",
                "kind": "merit",
                "category": "experience",
                "weight": 3,
            },
        ],
    } | fields
