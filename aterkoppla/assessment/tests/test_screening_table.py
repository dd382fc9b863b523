from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

from aterkoppla.applications.models import Application, Document
from aterkoppla.applications.services import (
    application_move,
    application_receive,
    applications_close,
)
from aterkoppla.assessment.models import Screening
from aterkoppla.assessment.services import (
    ScreeningResult,
    application_mark_for_rejection,
    screening_record,
)
from aterkoppla.messaging.models import Kind, Message
from aterkoppla.recruitment.models import Criterion
from aterkoppla.timeline.models import TimelineEvent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

Stage = Application.Stage
MET, PARTLY, NOT_MET = Screening.Result.MET, Screening.Result.PARTLY, Screening.Result.NOT_MET


def _url(recruitment) -> str:
    return reverse("assessment:screening_table", args=[recruitment.pk])


def _musts(recruitment) -> list[Criterion]:
    return list(Criterion.objects.filter(recruitment=recruitment, kind=Criterion.Kind.MUST))


def _receive(recruitment, first: str, last: str, *, days_ago: int = 0) -> Application:
    from django.utils import timezone

    return application_receive(
        recruitment=recruitment,
        first_name=first,
        last_name=last,
        email=unicodedata.normalize("NFKD", f"{first}.{last}@example.se".lower())
        .encode("ascii", "ignore")
        .decode(),
        received_at=timezone.now() - dt.timedelta(days=days_ago),
    )


def _row(application, *, results=None, action="keep") -> dict[str, str]:
    data = {f"a{application.pk}-c{cid}": value for cid, value in (results or {}).items()}
    data[f"a{application.pk}-action"] = action
    return data


def _post(client, recruitment, *rows: dict, reply_by: str = "", ids=None):
    data: dict[str, object] = {"reply_by": reply_by}
    row_ids = []
    for row in rows:
        data |= row
        row_ids.extend(k.split("-")[0][1:] for k in row if k.endswith("-action"))
    data["row"] = ids if ids is not None else row_ids
    return client.post(_url(recruitment), data)


def _english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


# Who may open it -------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["owner", "member", "hiring_manager", "site_admin"])
def test_deciding_roles_open_the_table(request, client_for, recruitment, application, who):
    response = client_for(request.getfixturevalue(who)).get(_url(recruitment))
    assert response.status_code == 200
    assert response.context["rows"][0].application == application


def test_interviewer_may_not_open_or_post_the_table(client_for, recruitment, interviewer):
    client = client_for(interviewer)
    assert client.get(_url(recruitment)).status_code == 403
    assert client.post(_url(recruitment), {"row": []}).status_code == 403


def test_outsider_gets_404(client_for, recruitment, outsider):
    assert client_for(outsider).get(_url(recruitment)).status_code == 404
    assert client_for(outsider).post(_url(recruitment), {}).status_code == 404


def test_anonymous_is_sent_to_log_in(client_for, recruitment):
    response = client_for(None).get(_url(recruitment))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_tabs_link_the_table_for_deciding_roles_only(client_for, recruitment, owner, interviewer):
    page = client_for(owner).get(recruitment.get_absolute_url()).content.decode()
    assert _url(recruitment) in page
    assert reverse("assessment:comparison", args=[recruitment.pk]) in page
    page = client_for(interviewer).get(recruitment.get_absolute_url()).content.decode()
    assert _url(recruitment) not in page


# What it shows ---------------------------------------------------------------------------


def test_rows_are_open_early_applications_oldest_first(client_for, owner, recruitment):
    newest = _receive(recruitment, "Nora", "Ny", days_ago=1)
    oldest = _receive(recruitment, "Olle", "Gammal", days_ago=9)
    screening = _receive(recruitment, "Siv", "Sållad", days_ago=5)
    application_move(application=screening, to_stage=Stage.SCREENING, by=owner)
    interviewing = _receive(recruitment, "Ivan", "Intervju", days_ago=6)
    application_move(application=interviewing, to_stage=Stage.INTERVIEW, by=owner)
    rejected = _receive(recruitment, "Rut", "Nej", days_ago=7)
    applications_close(applications=[rejected], outcome=Stage.REJECTED, by=owner)

    response = client_for(owner).get(_url(recruitment))

    assert [row.application for row in response.context["rows"]] == [oldest, screening, newest]
    page = response.content.decode()
    assert "Ivan Intervju" not in page
    assert "Rut Nej" not in page
    assert response.context["rows"][0].application.days_waiting() == 9


def test_columns_are_the_musts_with_results_preselected(client_for, owner, recruitment):
    application = _receive(recruitment, "Sara", "Ek")
    truck, warehouse = _musts(recruitment)
    screening_record(
        application=application,
        by=owner,
        results=[ScreeningResult(truck.pk, PARTLY, "Bara A-kort")],
    )
    application_mark_for_rejection(application=application, by=owner, marked=True)
    Document.objects.create(
        application=application,
        kind=Document.Kind.CV,
        file="documents/cv",
        original_name="cv.pdf",
        content_type="application/pdf",
        size=10,
        sha256="0" * 64,
    )

    response = client_for(owner).get(_url(recruitment))

    assert response.context["musts"] == [truck, warehouse]
    page = response.content.decode()
    assert "Noggrannhet" not in page  # a merit, not screened here
    assert '<option value="partly" selected>' in page
    # An unscreened must offers "–"; a screened one cannot be taken back to it.
    assert f'name="a{application.pk}-c{warehouse.pk}"' in page
    form = response.context["rows"][0].form
    assert [v for v, _label in form.fields[f"c{truck.pk}"].choices] == [MET, PARTLY, NOT_MET]
    assert next(v for v, _label in form.fields[f"c{warehouse.pk}"].choices) == ""
    assert "tag--reject" in page
    document = application.documents.get()
    assert document.get_absolute_url() in page
    assert application.get_absolute_url() in page
    actions = [v for v, _label in form.fields["action"].choices]
    assert actions == ["keep", "screening", "interview", "unmark"]


def test_english_page_names_the_actions(client_for, owner, recruitment, application):
    page = _english(client_for(owner)).get(_url(recruitment)).content.decode()
    assert "Fast screening" in page
    for label in ("Keep", "Move to screening", "Move to interview", "Mark for rejection"):
        assert f">{label}</option>" in page
    assert ">Partly met</option>" in page


# Saving the page -------------------------------------------------------------------------


def test_one_post_screens_moves_and_marks(client_for, owner, recruitment):
    first = _receive(recruitment, "Anna", "Först", days_ago=3)
    second = _receive(recruitment, "Bo", "Andra", days_ago=2)
    third = _receive(recruitment, "Cia", "Tredje", days_ago=1)
    truck, warehouse = _musts(recruitment)
    client = _english(client_for(owner))

    response = _post(
        client,
        recruitment,
        _row(first, results={truck.pk: MET, warehouse.pk: MET}, action="interview"),
        _row(second, results={truck.pk: NOT_MET, warehouse.pk: ""}, action="reject"),
        _row(third),
    )

    assert response.status_code == 302
    assert response["Location"] == _url(recruitment)
    first.refresh_from_db()
    second.refresh_from_db()
    third.refresh_from_db()
    assert first.stage == Stage.INTERVIEW
    assert dict(first.screenings.values_list("criterion_id", "result")) == {
        truck.pk: MET,
        warehouse.pk: MET,
    }
    assert second.marked_for_rejection
    assert second.stage == Stage.RECEIVED
    assert dict(second.screenings.values_list("criterion_id", "result")) == {truck.pk: NOT_MET}
    # Untouched rows are not written at all.
    assert not third.screenings.exists()
    assert not third.timeline.filter(kind="screened").exists()
    # The candidate who moves on is told (the service queues the status update).
    assert Message.objects.filter(application=first, kind=Kind.STATUS_UPDATE).count() == 1
    assert not Message.objects.filter(application=second, kind=Kind.STATUS_UPDATE).exists()
    notice = [str(m) for m in response.wsgi_request._messages]
    assert notice == ["2 screened, 1 moved to interview, 1 marked for rejection."]


def test_changing_a_result_keeps_the_note(client_for, owner, recruitment):
    application = _receive(recruitment, "Sara", "Ek")
    truck, _warehouse = _musts(recruitment)
    screening_record(
        application=application, by=owner, results=[ScreeningResult(truck.pk, PARTLY, "Bara A")]
    )

    _post(client_for(owner), recruitment, _row(application, results={truck.pk: MET}))

    screening = application.screenings.get()
    assert (screening.result, screening.note) == (MET, "Bara A")


def test_move_to_screening_and_undo_a_mark(client_for, owner, recruitment):
    marked = _receive(recruitment, "Mia", "Markerad")
    application_mark_for_rejection(application=marked, by=owner, marked=True)
    moving = _receive(recruitment, "Max", "Vidare")
    client = _english(client_for(owner))

    response = _post(
        client,
        recruitment,
        _row(marked, action="unmark"),
        _row(moving, action="screening"),
        reply_by="2026-12-21",
    )

    assert response.status_code == 302
    marked.refresh_from_db()
    moving.refresh_from_db()
    assert not marked.marked_for_rejection
    assert (moving.stage, moving.reply_by) == (Stage.SCREENING, dt.date(2026, 12, 21))
    # The date is for moves only.
    assert marked.reply_by == dt.date(2026, 12, 18)
    notice = [str(m) for m in response.wsgi_request._messages]
    assert notice == ["1 moved to screening, 1 no longer marked for rejection."]


def test_nothing_changed_says_so(client_for, owner, recruitment, application):
    response = _post(_english(client_for(owner)), recruitment, _row(application))
    assert response.status_code == 302
    assert [str(m) for m in response.wsgi_request._messages] == ["Nothing was changed."]


def test_one_bad_row_leaves_the_whole_page_unwritten(client_for, owner, recruitment):
    screened = _receive(recruitment, "Anna", "Först", days_ago=3)
    late = _receive(recruitment, "Bo", "Sen", days_ago=2)
    truck, warehouse = _musts(recruitment)
    with time_machine.travel(dt.datetime(2026, 12, 21, 9, 0, tzinfo=dt.UTC)):
        client = _english(client_for(owner))
        # The promise to both has passed: moving on needs a new date, which is not given.
        response = _post(
            client,
            recruitment,
            _row(screened, results={truck.pk: MET}, action="reject"),
            _row(late, results={truck.pk: MET, warehouse.pk: PARTLY}, action="interview"),
        )

    assert response.status_code == 400
    assert not Screening.objects.exists()
    screened.refresh_from_db()
    late.refresh_from_db()
    assert not screened.marked_for_rejection
    assert late.stage == Stage.RECEIVED
    assert not Message.objects.filter(kind=Kind.STATUS_UPDATE).exists()
    assert not TimelineEvent.objects.filter(kind="screened").exists()
    page = response.content.decode()
    failed = response.context["failed_rows"]
    assert [row.application for row in failed] == [late]
    # The summary links to the row; the row keeps what was chosen.
    assert f'href="#id_a{late.pk}-c{truck.pk}"' in page
    assert "Bo Sen:" in page
    assert f'id="row-{late.pk}" class="row--error"' in page
    assert '<option value="partly" selected>' in page


def test_an_invalid_choice_is_refused_without_writing(client_for, owner, recruitment):
    first = _receive(recruitment, "Anna", "Först", days_ago=3)
    second = _receive(recruitment, "Bo", "Andra")
    truck, _warehouse = _musts(recruitment)

    response = _post(
        client_for(owner),
        recruitment,
        _row(first, results={truck.pk: MET}),
        _row(second, results={truck.pk: "maybe"}),
    )

    assert response.status_code == 400
    assert not Screening.objects.exists()
    assert [row.application for row in response.context["failed_rows"]] == [second]


def test_rows_of_another_recruitment_are_ignored(client_for, owner, recruitment, application):
    from aterkoppla.recruitment.services import recruitment_create

    other = recruitment_create(owner=owner, title="Annan")
    stranger = _receive(other, "Kim", "Annan")
    truck, _warehouse = _musts(recruitment)

    _post(
        client_for(owner),
        recruitment,
        _row(application, results={truck.pk: MET}),
        _row(stranger, action="interview"),
    )

    stranger.refresh_from_db()
    assert stranger.stage == Stage.RECEIVED
    assert application.screenings.get().result == MET


# Query count -----------------------------------------------------------------------------


def _fill(recruitment, owner, n: int) -> None:
    truck, warehouse = _musts(recruitment)
    for i in range(n):
        application = _receive(recruitment, f"Kandidat{i:02d}", f"Efternamn{i:02d}", days_ago=i)
        if i % 3 == 0:
            screening_record(
                application=application,
                by=owner,
                results=[ScreeningResult(truck.pk, MET), ScreeningResult(warehouse.pk, PARTLY)],
            )
        if i % 2 == 0:
            Document.objects.create(
                application=application,
                kind=Document.Kind.CV,
                file=f"documents/cv{i}",
                original_name="cv.pdf",
                content_type="application/pdf",
                size=10,
                sha256="0" * 64,
            )


@pytest.mark.parametrize("n", [5, 50])
def test_table_query_count_does_not_grow(
    client_for, owner, recruitment, n, django_assert_num_queries
):
    _fill(recruitment, owner, n)
    client = client_for(owner)
    # session, user, recruitment, membership, musts, page count, applications,
    # their documents, their screenings
    with django_assert_num_queries(9):
        response = client.get(_url(recruitment))
    assert len(response.context["rows"]) == n
    assert response.content.decode().count('name="row"') == n


def test_table_pages_at_fifty(client_for, owner, recruitment):
    for i in range(52):
        _receive(recruitment, f"K{i:02d}", "Kandidat", days_ago=60 - i)
    client = client_for(owner)
    first = client.get(_url(recruitment))
    second = client.get(_url(recruitment) + "?page=2")
    assert len(first.context["rows"]) == 50
    assert [r.application.candidate.first_name for r in second.context["rows"]] == ["K50", "K51"]
    assert 'href="?page=2"' in first.content.decode()
