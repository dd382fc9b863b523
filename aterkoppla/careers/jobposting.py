"""schema.org JobPosting for a recruitment, so that job search engines can index it."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import nh3
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe

from aterkoppla.organisation.models import Organisation
from aterkoppla.recruitment.models import Recruitment

# What a job posting's description may keep of the HTML staff typed: paragraphs, lists and
# emphasis, without attributes. Job boards render the description as HTML.
DESCRIPTION_TAGS = {"p", "br", "ul", "ol", "li", "b", "strong", "i", "em"}

# Characters that could end the <script> element or open markup inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def job_posting(recruitment: Recruitment, organisation: Organisation, url: str) -> dict[str, Any]:
    tasks = recruitment.job_task_list()
    description = linebreaks(recruitment.description)
    if tasks:
        items = "".join(f"<li>{task}</li>" for task in tasks)
        description += f"<ul>{items}</ul>"
    # Staff-written HTML (a pasted link, an <img onerror=…>) goes to search engines only as
    # the tags above; everything else is removed, its text kept.
    description = nh3.clean(description, tags=DESCRIPTION_TAGS, attributes={})
    posted = recruitment.published_at or recruitment.created_at
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": recruitment.title,
        "description": description,
        "datePosted": timezone.localtime(posted).date().isoformat(),
        "employmentType": recruitment.employment_type,
        "hiringOrganization": {"@type": "Organization", "name": organisation.name},
        "identifier": {
            "@type": "PropertyValue",
            "name": organisation.name,
            "value": str(recruitment.pk),
        },
        "directApply": True,
        "url": url,
        "inLanguage": recruitment.language,
    }
    if organisation.website:
        data["hiringOrganization"]["sameAs"] = organisation.website
    if recruitment.application_deadline:
        end_of_day = dt.datetime.combine(
            recruitment.application_deadline,
            dt.time(23, 59, 59),
            tzinfo=timezone.get_default_timezone(),
        )
        data["validThrough"] = end_of_day.isoformat()
    locality = recruitment.location or organisation.city
    if locality:
        data["jobLocation"] = {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": locality,
                "addressCountry": organisation.country,
            },
        }
    if recruitment.remote:
        data["jobLocationType"] = "TELECOMMUTE"
    if recruitment.remote or not locality:
        # Search engines need a place or the country applicants must be in.
        data["applicantLocationRequirements"] = {
            "@type": "Country",
            "name": organisation.country,
        }
    return data


def as_script(data: dict[str, Any]) -> SafeString:
    """JSON for a ``<script type="application/ld+json">`` element, safe to embed."""
    text = json.dumps(data, ensure_ascii=False, indent=2).translate(_SCRIPT_ESCAPES)
    return mark_safe(text)  # noqa: S308 — escaped above so it cannot leave the script element
