"""The shape of the demo: its users, and what a recruitment and its applicants went through.

Data only. :mod:`aterkoppla.demo.recruitments` fills it in; :mod:`aterkoppla.demo.build`
plays it through the services.
"""

from __future__ import annotations

from dataclasses import dataclass

from aterkoppla.applications.merits import MeritData
from aterkoppla.applications.models import Application, Merit
from aterkoppla.decisions.models import CallAttempt
from aterkoppla.recruitment.models import Recruitment

Stage = Application.Stage
Outcome = CallAttempt.Outcome


# --- Users -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    first_name: str
    last_name: str
    description: str
    site_admin: bool = False
    recruiter: bool = False

    @property
    def email(self) -> str:
        return f"{self.username}@example.se"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


RECRUITER = DemoUser(
    "rekryterare",
    "demo-rekryterare",
    "Rebecka",
    "Lind",
    "recruiter, owns every demo recruitment",
    recruiter=True,
)
MANAGER = DemoUser(
    "chef", "demo-chef", "Johan", "Ström", "hiring manager on every demo recruitment"
)
INTERVIEWER = DemoUser(
    "intervjuare",
    "demo-intervjuare",
    "Leila",
    "Haddad",
    "interviewer on the warehouse and backend recruitments only",
)
ADMIN = DemoUser(
    "admin", "demo-admin", "Alva", "Admin", "site admin: sees everything", site_admin=True
)
DEMO_USERS = (RECRUITER, MANAGER, INTERVIEWER, ADMIN)


# --- Recruitments and applicants -------------------------------------------------------------


@dataclass(frozen=True)
class Req:
    """A criterion of the profile; ``task`` is the index of the job task it serves."""

    name: str
    kind: str
    category: str
    weight: int
    task: int
    description: str


@dataclass(frozen=True)
class Call:
    """One attempt at the feedback call, ``days_after`` working days after the decision."""

    outcome: str
    notes: str = ""
    days_after: int = 1
    hour: int = 10
    minute: int = 0
    summary_requested: bool = False
    talent_pool: bool = False


@dataclass(frozen=True)
class Survey:
    """The candidate's answer to the survey after their final answer (0–10, yes/partly/no)."""

    recommend: int
    clear_reason: str = "yes"
    respectful: str = "yes"
    comment: str = ""


@dataclass(frozen=True)
class Applicant:
    first_name: str
    last_name: str
    # Empty for an application that came by post: staff enter it by hand.
    email: str
    phone: str
    days_ago: int
    # The stages the application went through after `received`, in order. `screening` is
    # followed by a recorded screening; `interview` by an interview held (unless
    # ``interview_ahead``); `hired`, `reserve` and `rejected` come from the recruitment's
    # decision; `withdrawn` from the candidate (see ``withdrew_online``).
    path: tuple[str, ...] = ()
    language: str = "sv"
    # Structured merits (``edu``, ``job``, ``oth``), with employers, schools, places and years
    # in the fields only staff see.
    education: tuple[MeritData, ...] = ()
    experience: tuple[MeritData, ...] = ()
    other: tuple[MeritData, ...] = ()
    # A promise, in working days from today, made at the last open stage instead of the
    # default; used to put a "promise due" on the dashboard.
    reply_in: int | None = None
    # The requirements (by name) screening found not met, and partly met; the rest are met.
    lacks: tuple[str, ...] = ()
    partly: tuple[str, ...] = ()
    # A proposal to reject, with the reason the candidate reads (in their language).
    rejection_reason: str = ""
    # Rejected after an interview: the decisive requirements (by name) and the explanation
    # the caller gives.
    decisive: tuple[str, ...] = ()
    explanation: str = ""
    calls: tuple[Call, ...] = ()
    # Other merits the team added to the summary after the interview.
    learned_at_interview: tuple[MeritData, ...] = ()
    # The interview is booked but still ahead: not interviewed yet.
    interview_ahead: bool = False
    # The second interviewer has not handed in a scorecard yet.
    scorecard_missing: bool = False
    # Withdrew on their candidate page; else the recruiter recorded it after a phone call.
    withdrew_online: bool = True
    # Answered the survey on their page the evening after the final answer.
    survey: Survey | None = None
    # Joined the talent pool on their page after the final answer, for these kinds of jobs.
    joins_talent_pool: str = ""

    @property
    def interviewed(self) -> bool:
        return Stage.INTERVIEW in self.path and not self.interview_ahead

    def ends_in(self, stage: str) -> bool:
        return bool(self.path) and self.path[-1] == stage

    def merits(self, *, after_interview: bool = True) -> list[MeritData]:
        other = list(self.other)
        if not after_interview:
            other = [merit for merit in other if merit not in self.learned_at_interview]
        return [*self.education, *self.experience, *other]


Period = tuple[int | None, int | None]


def edu(field: str, *, level: str = "", at: str = "", period: Period = (None, None)) -> MeritData:
    """An education: the field and level others may be told; the school and years for staff."""
    return MeritData(
        kind=Merit.Kind.EDUCATION,
        field=field,
        level=level,
        organisation=at,
        from_year=period[0],
        to_year=period[1],
    )


def job(
    role: str,
    *,
    field: str = "",
    level: str = "",
    at: str = "",
    period: Period = (None, None),
) -> MeritData:
    """Work experience: role, field and length (from the period) for others; the employer,
    its place and the years for staff."""
    start, end = period
    return MeritData(
        kind=Merit.Kind.EXPERIENCE,
        role=role,
        field=field,
        level=level,
        years=end - start if start is not None and end is not None and end > start else None,
        months=6 if start is not None and end == start else None,
        organisation=at,
        from_year=start,
        to_year=end,
    )


def oth(field: str, *, level: str = "", at: str = "", period: Period = (None, None)) -> MeritData:
    """Another merit: a licence, certificate, language or position of trust."""
    return MeritData(
        kind=Merit.Kind.OTHER,
        field=field,
        level=level,
        organisation=at,
        from_year=period[0],
        to_year=period[1],
    )


@dataclass(frozen=True)
class Texts:
    """What the team writes in one language: screening notes, evidence by score."""

    notes: dict[str, str]
    evidence: dict[int, str]


@dataclass(frozen=True)
class DemoRecruitment:
    title: str
    description: str
    job_tasks: tuple[str, ...]
    criteria: tuple[Req, ...]
    applicants: tuple[Applicant, ...]
    # Days from today: positive is ahead, negative has passed.
    deadline_in_days: int
    # What the interviewers write (in the recruitment's language), one each by turn.
    impressions: tuple[str, ...]
    strengths: tuple[str, ...]
    tips: tuple[str, ...]
    interview_place: str = ""
    interview_video: str = ""
    # What the invitation asks the candidates to bring; empty: it says nothing about it.
    interview_bring: str = ""
    # The decision that closes the rejected, hired and reserve applications: aimed at this
    # many working days before today (later if the applications it decides need it).
    decided_working_days_ago: int = 1
    # Or this many calendar days ago (on the next working day), for a recruitment long done.
    decided_days_ago: int | None = None
    # The worker's promise sweep runs each morning of the history: a team that lets its
    # promised dates pass gets automatic new dates sent, then escalations.
    promise_sweeps: bool = False
    status: str = Recruitment.Status.OPEN
    language: str = "sv"
    interviewers: tuple[DemoUser, ...] = ()


SCREENED = (Stage.SCREENING,)
INTERVIEWED = (Stage.SCREENING, Stage.INTERVIEW)
REJECTED_AT_SCREENING = (Stage.SCREENING, Stage.REJECTED)
REJECTED_AFTER_INTERVIEW = (Stage.SCREENING, Stage.INTERVIEW, Stage.REJECTED)
WITHDRAWN_AT_SCREENING = (Stage.SCREENING, Stage.WITHDRAWN)

SWEDISH = Texts(
    notes={
        "met": "Framgår av CV:t.",
        "partly": "Delvis: kortare erfarenhet än vi söker.",
        "not_met": "Framgår inte av ansökan.",
    },
    evidence={
        5: "Gav flera konkreta exempel som tydligt visar detta.",
        4: "Gav ett konkret exempel från sitt senaste jobb.",
        3: "Uppfyller kravet enligt det som kom fram i intervjun.",
        2: "Kunde ge få exempel; behöver mer erfarenhet här.",
        1: "Kom inte fram i intervjun.",
    },
)
ENGLISH = Texts(
    notes={
        "met": "Shown in the CV.",
        "partly": "Partly: less experience than we ask for.",
        "not_met": "Not shown in the application.",
    },
    evidence={
        5: "Gave several concrete examples that clearly show this.",
        4: "Gave a concrete example from their latest job.",
        3: "Meets the requirement from what came up in the interview.",
        2: "Could give few examples; needs more experience here.",
        1: "Did not come up in the interview.",
    },
)
TEXTS = {"sv": SWEDISH, "en": ENGLISH}
