"""Who is owed a phone call, and how a rejection reaches the candidate (DESIGN §4, P3).

The guide the product follows says "Har du intervjuat kandidaten bör du ringa": a candidate
with whom an interview was held hears a no by phone. Being invited, or sitting in the
interview stage, is not enough: a candidate whose interview never took place gets a written
answer like everyone else who was not interviewed. Whether an interview was held is the
stored fact ``Application.interviewed``, set when an interview is marked held (which a
submitted scorecard does too). Everything that needs the channel of a rejection (the
decision, the decision screen, the candidate page, the API, the demo) asks this module.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    """How a candidate is told the outcome of their application."""

    CALL = "call", _("Phone call")
    EMAIL = "email", _("Email")
    LETTER = "letter", _("Letter")
    # Hires and offers are told in person; nothing is sent.
    IN_PERSON = "none", _("In person")


def owed_a_call(*, interviewed: bool) -> bool:
    """An interview was held with the candidate: a rejection is given by phone first."""
    return interviewed


def rejection_channel_of(*, interviewed: bool, email: str) -> Channel:
    """The channel of a rejection from the facts it depends on: a call for someone
    interviewed; else an email, or a letter to print when there is no email address."""
    if owed_a_call(interviewed=interviewed):
        return Channel.CALL
    return Channel.EMAIL if email else Channel.LETTER


def rejection_channel(application: Any) -> Channel:
    """The channel of a rejection of this application (its candidate loaded)."""
    return rejection_channel_of(
        interviewed=application.interviewed, email=application.candidate.email
    )


def disclosure_refusal(application: Any) -> str:
    """Why ``application`` may not ask for the written information under
    diskrimineringslagen 2 kap. 4 §, or "" when it may: an applicant who did not get the
    job, once the application has its answer."""
    from django.utils.translation import gettext

    if application.stage == "hired":
        return gettext("The written information is for applicants who did not get the job.")
    if application.is_open:
        return gettext(
            "The written information can be asked for once the application has its answer."
        )
    return ""
