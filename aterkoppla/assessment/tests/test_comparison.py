from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from aterkoppla.applications.models import Application
from aterkoppla.applications.services import (
    application_move,
    application_receive,
    applications_close,
)
from aterkoppla.assessment.matrix import Flag
from aterkoppla.assessment.models import Interview, Rating, Scorecard, Screening
from aterkoppla.assessment.services import (
    RatingInput,
    ScreeningResult,
    interview_schedule,
    scorecard_submit,
    screening_record,
)
from aterkoppla.recruitment.models import Criterion
from aterkoppla.recruitment.services import profile_freeze

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

Stage = Application.Stage
MET, PARTLY, NOT_MET = Screening.Result.MET, Screening.Result.PARTLY, Screening.Result.NOT_MET


def _url(recruitment, query: str = "") -> str:
    return reverse("assessment:comparison", args=[recruitment.pk]) + query


def _english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _criteria(recruitment) -> tuple[Criterion, Criterion, Criterion]:
    truck, warehouse, accuracy = Criterion.objects.filter(recruitment=recruitment)
    return truck, warehouse, accuracy


def _receive(recruitment, first: str, last: str, **extra) -> Application:
    email = unicodedata.normalize("NFKD", f"{first}.{last}@example.se".lower())
    return application_receive(
        recruitment=recruitment,
        first_name=first,
        last_name=last,
        email=email.encode("ascii", "ignore").decode(),
        **extra,
    )


def _interview(application, owner, interviewers) -> Interview:
    application_move(application=application, to_stage=Stage.INTERVIEW, by=owner)
    return interview_schedule(
        application=application,
        by=owner,
        scheduled_at=timezone.now() + dt.timedelta(hours=1),
        interviewers=interviewers,
        location="Lagret, Jönköping",
    )


def _score(interview, by, scores: dict[Criterion, int]) -> None:
    """Submit ``by``'s scorecard once the interview has taken place."""
    with time_machine.travel(interview.ends_at + dt.timedelta(minutes=5)):
        scorecard_submit(
            interview=interview,
            by=by,
            ratings=[
                RatingInput(c.pk, score, "Berättade om sitt lager") for c, score in scores.items()
            ],
            impression="Lugn och konkret.",
        )


@pytest.fixture
def three(recruitment, owner, member, interviewer):
    """Three interviewed candidates, scored by the interviewer and the recruiter.

    Sara Ek: truck 4·4, warehouse 2·4, accuracy 3·5; total 40/11.
    Bo Andersson: screened not to hold a truck licence; truck 5, warehouse 2; total 33/9.
    Cia Berg: screened partly experienced; truck 3, warehouse 4, accuracy 1; total 33/11.
    """
    truck, warehouse, accuracy = _criteria(recruitment)
    ek = _receive(recruitment, "Sara", "Ek")
    interview = _interview(ek, owner, [interviewer, member])
    _score(interview, interviewer, {truck: 4, warehouse: 2, accuracy: 5})
    _score(interview, member, {truck: 4, warehouse: 4, accuracy: 3})

    andersson = _receive(recruitment, "Bo", "Andersson")
    screening_record(application=andersson, by=owner, results=[ScreeningResult(truck.pk, NOT_MET)])
    interview = _interview(andersson, owner, [interviewer])
    _score(interview, interviewer, {truck: 5, warehouse: 2})

    berg = _receive(recruitment, "Cia", "Berg", merits={"experience": ["Lagerarbete, 1 år"]})
    screening_record(application=berg, by=owner, results=[ScreeningResult(warehouse.pk, PARTLY)])
    interview = _interview(berg, owner, [interviewer])
    _score(interview, interviewer, {truck: 3, warehouse: 4, accuracy: 1})
    return ek, andersson, berg


def _rows(response) -> list[str]:
    return [row.name for row in response.context["rows"]]


# Who may open it -------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["owner", "member", "hiring_manager", "site_admin"])
def test_deciding_roles_open_the_comparison(request, client_for, recruitment, who):
    response = client_for(request.getfixturevalue(who)).get(_url(recruitment))
    assert response.status_code == 200


def test_interviewer_role_may_not_open_the_comparison(client_for, recruitment, interviewer):
    assert client_for(interviewer).get(_url(recruitment)).status_code == 403


def test_outsider_gets_404(client_for, recruitment, outsider):
    assert client_for(outsider).get(_url(recruitment)).status_code == 404


def test_anonymous_is_sent_to_log_in(client_for, recruitment):
    response = client_for(None).get(_url(recruitment))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


# What it shows ---------------------------------------------------------------------------


def test_columns_are_musts_then_merits_by_weight(client_for, owner, recruitment):
    from aterkoppla.recruitment.services import criterion_add

    criterion_add(
        recruitment=recruitment,
        by=owner,
        name="Körkort B",
        kind=Criterion.Kind.MERIT,
        weight=4,
        reason="Truckarna flyttas mellan lagren på allmän väg.",
    )
    response = client_for(owner).get(_url(recruitment))
    names = [c["column"].criterion.name for c in response.context["columns"]]
    assert names == ["Truckkort A+B", "Erfarenhet av lagerarbete", "Körkort B", "Noggrannhet"]


def test_means_scores_disagreement_and_totals(client_for, owner, recruitment, three):
    ek, andersson, berg = three
    response = client_for(owner).get(_url(recruitment))
    rows = {row.application: row for row in response.context["rows"]}

    truck, warehouse, accuracy = (cell for cell in rows[ek].cells)
    assert (truck.mean, truck.scores, truck.count, truck.disagreement) == (
        Decimal("4.0"),
        (4, 4),
        2,
        False,
    )
    assert (warehouse.mean, warehouse.scores, warehouse.disagreement) == (
        Decimal("3.0"),
        (2, 4),
        True,
    )
    assert (accuracy.mean, accuracy.scores, accuracy.disagreement) == (
        Decimal("4.0"),
        (3, 5),
        True,
    )
    assert rows[ek].total == Decimal("3.64")
    assert (rows[ek].scored, rows[ek].musts_met, rows[ek].musts) == (3, 2, 2)

    assert rows[andersson].total == Decimal("3.67")
    assert rows[andersson].scored == 2
    assert rows[andersson].cells[2].mean is None
    assert rows[berg].total == Decimal("3.00")

    page = response.content.decode()
    assert "2 · 4" in page
    assert "3,64" in page  # Swedish decimals
    assert page.count("marker--disagree") == 2 + 1  # two cells and the legend


def test_must_flags_from_screening_and_low_scores(client_for, owner, recruitment, three):
    _ek, andersson, berg = three
    rows = {r.application: r for r in client_for(owner).get(_url(recruitment)).context["rows"]}

    # Screened "not met" even though the interview scored 5; and a mean of 2 is below 3.
    assert [c.flag for c in rows[andersson].cells[:2]] == [Flag.NOT_MET, Flag.NOT_MET]
    assert rows[andersson].musts_met == 0
    assert [c.flag for c in rows[berg].cells[:2]] == [Flag.MET, Flag.PARTLY]
    assert rows[berg].musts_met == 1
    # A merit is never flagged.
    assert rows[berg].cells[2].flag == Flag.UNKNOWN


def test_flags_and_musts_met_on_the_page(client_for, owner, recruitment, three):
    _ek, andersson, berg = three
    page = _english(client_for(owner)).get(_url(recruitment)).content.decode()
    row = page[page.index(f'id="candidate-{andersson.pk}"') :]
    row = row[: row.index("</tr>")]
    assert row.count("marker--not-met") == 2
    assert "0/2" in row
    row = page[page.index(f'id="candidate-{berg.pk}"') :]
    row = row[: row.index("</tr>")]
    assert "marker--partly" in row
    assert "1/2" in row


@pytest.mark.parametrize(
    ("sort", "expected", "aria"),
    [
        ("", ["Bo Andersson", "Sara Ek", "Cia Berg"], ("Total", "descending")),
        ("?sort=total", ["Cia Berg", "Sara Ek", "Bo Andersson"], ("Total", "ascending")),
        ("?sort=name", ["Bo Andersson", "Cia Berg", "Sara Ek"], ("Candidate", "ascending")),
        ("?sort=-name", ["Sara Ek", "Cia Berg", "Bo Andersson"], ("Candidate", "descending")),
        ("?sort=-musts", ["Sara Ek", "Cia Berg", "Bo Andersson"], ("Musts met", "descending")),
        ("?sort=nonsense", ["Bo Andersson", "Sara Ek", "Cia Berg"], ("Total", "descending")),
    ],
)
def test_sorting(client_for, owner, recruitment, three, sort, expected, aria):
    response = _english(client_for(owner)).get(_url(recruitment, sort))
    assert _rows(response) == expected
    label, direction = aria
    header = rf'aria-sort="{direction}"[^>]*><a class="sort" href="[^"]*">{label}</a>'
    assert re.search(header, response.content.decode())
    assert response.content.decode().count("aria-sort=") == 1


def test_sorting_by_a_criterion(client_for, owner, recruitment, three):
    truck, _warehouse, accuracy = _criteria(recruitment)
    client = client_for(owner)
    response = client.get(_url(recruitment, f"?sort=-c{truck.pk}"))
    assert _rows(response) == ["Bo Andersson", "Sara Ek", "Cia Berg"]
    header = response.context["columns"][0]
    assert header["aria_sort"] == "descending"
    assert header["url"] == f"?sort=c{truck.pk}"
    # Unscored candidates come last in either direction.
    response = client.get(_url(recruitment, f"?sort=c{accuracy.pk}"))
    assert _rows(response) == ["Cia Berg", "Sara Ek", "Bo Andersson"]
    response = client.get(_url(recruitment, f"?sort=-c{accuracy.pk}"))
    assert _rows(response) == ["Sara Ek", "Cia Berg", "Bo Andersson"]


def test_only_interviewed_candidates_who_have_not_withdrawn(
    client_for, owner, recruitment, interviewer, three
):
    ek, _andersson, _berg = three
    booked = _receive(recruitment, "Dan", "Bokad")
    _interview(booked, owner, [interviewer])
    _receive(recruitment, "Eva", "Ny")
    applications_close(applications=[ek], outcome=Stage.WITHDRAWN, by=owner)

    response = client_for(owner).get(_url(recruitment))

    assert sorted(_rows(response)) == ["Bo Andersson", "Cia Berg"]


def test_missing_merits_and_scorecards_are_flagged(
    client_for, owner, recruitment, interviewer, member
):
    truck, _warehouse, _accuracy = _criteria(recruitment)
    application = _receive(recruitment, "Dan", "Halv")
    interview = _interview(application, owner, [interviewer, member])
    _score(interview, interviewer, {truck: 3})

    response = _english(client_for(owner)).get(_url(recruitment))

    row = response.context["rows"][0]
    assert row.merits_missing
    assert [m.name for m in row.missing_scorecards] == ["Mats Medlem"]
    page = response.content.decode()
    assert "Scorecards missing: Mats Medlem" in page
    assert "Merits summary missing" in page


def test_legend_print_button_and_print_styles(client_for, owner, recruitment, three):
    page = _english(client_for(owner)).get(_url(recruitment)).content.decode()
    assert "3 · Meets the requirement" in page
    assert "5 · Excellent" in page
    assert "data-print hidden" in page
    assert "assessment/print.js" in page
    assert "assessment/assessment.css" in page
    # No inline script: the button works through the static file.
    assert "<script>" not in page
    assert "onclick" not in page


def test_no_one_interviewed_yet(client_for, owner, recruitment, application):
    response = client_for(owner).get(_url(recruitment))
    assert response.context["rows"] == []
    assert 'id="matrix"' not in response.content.decode()


# Independent scoring ---------------------------------------------------------------------


def test_interviewer_who_has_not_scored_sees_no_scores_for_that_candidate(
    client_for, owner, recruitment, interviewer, hiring_manager, three
):
    ek, andersson, _berg = three
    truck, warehouse, _accuracy = _criteria(recruitment)
    # The hiring manager interviews Bo Andersson again, with the interviewer, and has not scored.
    interview = interview_schedule(
        application=andersson,
        by=owner,
        scheduled_at=timezone.now() + dt.timedelta(days=1),
        interviewers=[hiring_manager, interviewer],
        location="Kontoret",
    )

    response = _english(client_for(hiring_manager)).get(_url(recruitment, "?sort=-total"))

    rows = {r.application: r for r in response.context["rows"]}
    hidden = rows[andersson]
    assert hidden.hidden
    assert all(cell.count == 0 and cell.mean is None for cell in hidden.cells)
    assert hidden.total is None
    # Its hidden total does not place it in the order either.
    assert _rows(response)[-1] == "Bo Andersson"
    assert not rows[ek].hidden
    page = response.content.decode()
    row = page[page.index(f'id="candidate-{andersson.pk}"') :]
    row = row[: row.index("</tr>")]
    assert "Submit your scorecard first" in row
    assert reverse("assessment:scorecard", args=[interview.pk]) in row
    assert "score__mean" not in row

    # Others see the scores as before.
    owner_rows = client_for(owner).get(_url(recruitment)).context["rows"]
    assert not any(r.hidden for r in owner_rows)

    # Once the hiring manager has scored, the row opens.
    _score(interview, hiring_manager, {truck: 2, warehouse: 3})
    rows = {
        r.application: r for r in client_for(hiring_manager).get(_url(recruitment)).context["rows"]
    }
    assert not rows[andersson].hidden
    assert rows[andersson].cells[0].scores == (2, 5)
    # The interviewer has not scored the second interview: it is held, so they are missing.
    assert [m.name for m in rows[andersson].missing_scorecards] == ["Ivar Intervju"]


# Query count -----------------------------------------------------------------------------


def _bulk(recruitment, owner, interviewers, n: int) -> None:
    """``n`` candidates interviewed yesterday, each scored by some of the interviewers."""
    version = profile_freeze(recruitment=recruitment, by=owner)
    criteria = list(Criterion.objects.filter(recruitment=recruitment))
    yesterday = timezone.now() - dt.timedelta(days=1)
    for i in range(n):
        application = _receive(recruitment, f"Kandidat{i:02d}", f"Efternamn{i:02d}")
        Application.objects.filter(pk=application.pk).update(
            stage=Stage.INTERVIEW, interviewed=True
        )
        if i % 3 == 0:
            Screening.objects.create(
                application=application,
                criterion=criteria[0],
                result=[MET, PARTLY, NOT_MET][i % 9 // 3],
                profile_version=version,
                screened_by=owner,
            )
        interview = Interview.objects.create(
            application=application,
            scheduled_at=yesterday,
            held_at=yesterday + dt.timedelta(hours=1),
            location="Lagret",
            profile_version=version,
            created_by=owner,
        )
        interview.interviewers.set(interviewers)
        # Every other candidate still lacks one scorecard.
        for j, user in enumerate(interviewers[: len(interviewers) - i % 2]):
            card = Scorecard.objects.create(
                interview=interview, interviewer=user, profile_version=version
            )
            Rating.objects.bulk_create(
                Rating(scorecard=card, criterion=c, score=1 + (i + j + k) % 5)
                for k, c in enumerate(criteria)
            )


@pytest.mark.parametrize("n", [5, 50])
def test_comparison_query_count_does_not_grow(
    client_for,
    owner,
    member,
    interviewer,
    hiring_manager,
    recruitment,
    n,
    django_assert_num_queries,
):
    _bulk(recruitment, owner, [member, interviewer, hiring_manager], n)
    client = client_for(hiring_manager)
    # session, user, recruitment, membership, criteria, applications, merits, ratings, screenings,
    # interviewer slots without a scorecard
    with django_assert_num_queries(10):
        response = client.get(_url(recruitment))
    rows = response.context["rows"]
    assert len(rows) == n
    # The hiring manager lacks a scorecard on every other interview: those rows are hidden.
    assert sum(r.hidden for r in rows) == n // 2
    assert all(r.missing_scorecards for r in rows if r.hidden)
    assert all(r.cells[0].count == 3 for r in rows if not r.hidden)
