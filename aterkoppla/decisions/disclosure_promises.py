"""A request for the written information is a promise (DESIGN §7): its date is kept like an
answer date (``applications.promises``: due within two working days, broken once passed).

The daily check tells the recruitment's owner, by a staff message, once when a request falls
due soon and once when its date has passed without the letter; each alert is on the
application's timeline, which is also what makes it happen once. The worker runs
:func:`disclosure_promises_sweep` (registered in ``decisions.sweeps``) every minute; a second
run changes nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from aterkoppla.applications.promises import promise_due_soon_q, promise_passed_q, promise_state
from aterkoppla.decisions.events import DISCLOSURE_DUE_SOON, DISCLOSURE_OVERDUE
from aterkoppla.decisions.models import DisclosureRequest
from aterkoppla.messaging.models import Kind, Message
from aterkoppla.messaging.services import staff_message_queue
from aterkoppla.timeline.models import TimelineEvent
from aterkoppla.timeline.services import timeline_record

logger = logging.getLogger("aterkoppla.worker")

# The event that records each alert, by the promise's state.
ALERT_EVENTS = {"due_soon": DISCLOSURE_DUE_SOON, "broken": DISCLOSURE_OVERDUE}


@dataclass
class DisclosureSweepResult:
    due_soon: list[int] = field(default_factory=list)
    overdue: list[int] = field(default_factory=list)


def disclosure_promises_sweep(now: dt.datetime) -> DisclosureSweepResult:
    """Alert the owners of the requests that fell due soon, or passed their date, since the
    last run. Two reads find what is left to do; each alert then runs on its own."""
    today = timezone.localdate(now)
    near = list(
        DisclosureRequest.objects.filter(status=DisclosureRequest.Status.OPEN)
        .filter(promise_due_soon_q(today, "due") | promise_passed_q(today, "due"))
        .order_by("due", "pk")
        .values_list("pk", "application_id", "due")
    )
    done = {
        (kind, data.get("request"))
        for kind, data in TimelineEvent.objects.filter(
            kind__in=ALERT_EVENTS.values(), application_id__in={row[1] for row in near}
        ).values_list("kind", "data")
    }
    result = DisclosureSweepResult()
    for pk, _application_id, due in near:
        state = promise_state(due, today)
        if (ALERT_EVENTS[state], pk) in done:
            continue
        if disclosure_alert(request_id=pk, now=now):
            (result.overdue if state == "broken" else result.due_soon).append(pk)
    if result.due_soon or result.overdue:
        logger.info(
            "Written information: %d owners reminded of a date due soon, %d of a date passed",
            len(result.due_soon),
            len(result.overdue),
        )
    return result


@transaction.atomic
def disclosure_alert(*, request_id: int, now: dt.datetime) -> str:
    """Tell the recruitment's owner that ``request_id`` falls due soon or is late, once for
    each, with the event on the timeline. Returns the state alerted ("due_soon", "broken")
    or "" when there was nothing (left) to do."""
    request = (
        DisclosureRequest.objects.select_for_update(of=("self",))
        .select_related("application__candidate", "application__recruitment__owner")
        .get(pk=request_id)
    )
    # Checked again under the lock: the letter may have gone, another worker may have been first.
    state = request.promise_state(timezone.localdate(now))
    if not state:
        return ""
    kind = ALERT_EVENTS[state]
    if TimelineEvent.objects.filter(
        application_id=request.application_id, kind=kind, data__request=request.pk
    ).exists():
        return ""
    message = _alert_owner(request, state)
    data: dict[str, object] = {"request": request.pk, "due": request.due.isoformat()}
    if message is not None:
        data["message"] = message.pk
    timeline_record(application_id=request.application_id, kind=kind, at=now, data=data)
    return state


def _alert_owner(request: DisclosureRequest, state: str) -> Message | None:
    """The staff message to the owner, in the product's default language (staff have no
    stored language); None when the owner has no email address."""
    application = request.application
    owner = application.recruitment.owner
    language = settings.LANGUAGE_CODE[:2]
    with translation.override(language):
        names = {
            "name": application.candidate.full_name,
            "job": application.recruitment.title,
            "date": formats.date_format(request.due, "j F Y"),
        }
        if state == "broken":
            subject = gettext("Written information is late: %(name)s, %(job)s") % names
            opening = (
                gettext(
                    "%(name)s asked for the written information under diskrimineringslagen "
                    "2 kap. 4 § (%(job)s). It was promised by %(date)s, and that date has passed "
                    "without the letter. Send it as soon as you can."
                )
                % names
            )
        else:
            subject = gettext("Written information due by %(date)s: %(name)s, %(job)s") % names
            opening = (
                gettext(
                    "%(name)s asked for the written information under diskrimineringslagen "
                    "2 kap. 4 § (%(job)s). It is promised by %(date)s."
                )
                % names
            )
        page = settings.SITE_URL + reverse("decisions:disclosure", args=[request.pk])
        body = "\n\n".join(
            [
                opening,
                gettext("Review the letter and send it here:") + "\n" + page,
                gettext("You get this message because you own the recruitment."),
            ]
        )
    return staff_message_queue(
        to=owner,
        kind=Kind.DISCLOSURE_REMINDER,
        subject=subject,
        body=body + "\n",
        dedupe_key=f"disclosure-alert:{request.pk}:{state}",
        language=language,
    )
