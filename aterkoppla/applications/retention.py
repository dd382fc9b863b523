"""How long an application is kept, and what may never be deleted before then (DESIGN §8).

An application is kept for the organisation's retention period (``retention_months``, two
years by default) after its final answer: a claim of discrimination in hiring can be brought
until two years after the decision (diskrimineringslagen 6 kap. 4 § with
medbestämmandelagen 64–66 §§), and the employer must then be able to show what happened
(6 kap. 3 §). A legal hold on its recruitment keeps it for as long as the hold is in force.

Within that time nothing of it is deleted: not the application, its candidate, its
recruitment, its messages nor its timeline. This module is the one home of that rule; the
admin asks it, and a ``pre_delete`` guard (``ApplicationsConfig.ready``) refuses every other
path. What may go before then goes by anonymisation (``aterkoppla.privacy.services``), which
deletes no guarded row.
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from aterkoppla.applications.models import Application, Candidate
from aterkoppla.organisation.models import Organisation
from aterkoppla.recruitment.models import Recruitment
from aterkoppla.recruitment.selectors import recruitment_held_ids

# The longest time within which a claim about a hiring decision can be brought
# (diskrimineringslagen 6 kap. 4 § with medbestämmandelagen 64–66 §§): an erasure asked for
# earlier waits for it, however long the organisation keeps applications.
CLAIM_WINDOW_MONTHS = 24


class RetentionRefused(Exception):
    """A deletion the retention rule forbids; ``str()`` says why, to a person."""


def _months() -> int:
    return Organisation.current().retention_months


def claim_window_until(application: Application) -> dt.datetime | None:
    """When a claim about the decision on ``application`` can no longer be brought: None
    when no decision of the employer's could be disputed (it was withdrawn by the candidate,
    or it is still open — erasing it withdraws it). A rejection still owed its call counts
    from the decision."""
    if application.stage not in (Application.Stage.REJECTED, Application.Stage.HIRED):
        return None
    answered = application.final_answer_at or application.stage_changed_at
    months = min(_months(), CLAIM_WINDOW_MONTHS)
    return answered + relativedelta(months=months)


def retention_cutoff(now: dt.datetime, months: int | None = None) -> dt.datetime:
    """Applications answered at or before this time have run out their retention."""
    return now - relativedelta(months=months or _months())


def protected_applications(now: dt.datetime | None = None) -> QuerySet[Application]:
    """The applications nothing may delete yet: not anonymised, and within retention (open,
    answer still to give, or answered less than the retention period ago) or under a hold."""
    now = now or timezone.now()
    months = _months()
    within = Q(final_answer_at__isnull=True) | Q(final_answer_at__gt=retention_cutoff(now, months))
    return Application.objects.filter(
        Q(anonymised_at__isnull=True) & (within | Q(recruitment_id__in=recruitment_held_ids()))
    )


def deletion_refusal(obj: Model) -> str | None:
    """Why ``obj`` may not be deleted now, to a person; None when it may. Covers applications,
    candidates, recruitments, messages and timeline events (anything else: None)."""
    from aterkoppla.messaging.models import Message
    from aterkoppla.timeline.models import TimelineEvent

    protected = protected_applications()
    if isinstance(obj, Application):
        application_q = protected.filter(pk=obj.pk)
    elif isinstance(obj, Candidate):
        application_q = protected.filter(candidate_id=obj.pk)
    elif isinstance(obj, Recruitment):
        if recruitment_held_ids().filter(recruitment_id=obj.pk).exists():
            return _(
                "The recruitment is under a legal hold: nothing of it may be deleted until a "
                "site admin lifts the hold."
            )
        application_q = protected.filter(recruitment_id=obj.pk)
    elif isinstance(obj, Message | TimelineEvent):
        if obj.application_id is None:
            # A recruitment's own events (its profile, its status) go with the recruitment,
            # which asked the same question first; a hold keeps them.
            if isinstance(obj, TimelineEvent) and obj.recruitment_id is not None:
                return deletion_refusal(Recruitment(pk=obj.recruitment_id))
            return None
        application_q = protected.filter(pk=obj.application_id)
    else:
        return None
    if application_q.exists():
        return _(
            "An application is within its retention period or under a legal hold: it may be "
            "needed if a decision is challenged (diskrimineringslagen 6 kap. 4 §). A "
            "candidate's data can be erased from the candidate's page or by an erasure "
            "request, which anonymises what may go and schedules the rest."
        )
    return None


def guarded_models() -> tuple[type[Model], ...]:
    """The models whose rows the retention rule keeps (``deletion_refusal``)."""
    from aterkoppla.messaging.models import Message
    from aterkoppla.timeline.models import TimelineEvent

    return (Application, Candidate, Recruitment, Message, TimelineEvent)


def refuse_guarded_deletion(sender: type[Model], instance: Model, **kwargs: object) -> None:
    """``pre_delete`` receiver: the last line for any path that deletes a guarded row."""
    refusal = deletion_refusal(instance)
    if refusal is not None:
        raise RetentionRefused(refusal)
