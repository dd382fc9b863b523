"""The CSV upload page and its example file: who may use them, and what the page shows."""

from __future__ import annotations

import codecs

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from aterkoppla.applications.models import Application
from aterkoppla.timeline.models import TimelineEvent

pytestmark = pytest.mark.usefixtures("english", "nov_25")

HEADER = "förnamn;efternamn;e-post;telefon\n"
GOOD = "Sara;Ek;sara.ek@example.se;070-123 45 67\nPer;Lind;per@example.se;\n"


@pytest.fixture
def client_for(client_for, settings):
    """Clients that chose English, so the assertions read the msgids whatever the catalogue."""

    def make(user):
        client = client_for(user)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        return client

    return make


def _page(recruitment) -> str:
    return reverse("applications:import", args=[recruitment.pk])


def _example(recruitment) -> str:
    return reverse("applications:import_example", args=[recruitment.pk])


def _upload(content: str | bytes, name: str = "ansokningar.csv") -> SimpleUploadedFile:
    data = content.encode() if isinstance(content, str) else content
    return SimpleUploadedFile(name, data, content_type="text/csv")


def _post(client, recruitment, content, **options):
    return client.post(_page(recruitment), {"file": _upload(content), **options})


# Who may


@pytest.mark.parametrize("who", ["owner", "member", "site_admin"])
def test_managers_see_the_page_and_the_example(request, client_for, recruitment, who):
    client = client_for(request.getfixturevalue(who))
    page = client.get(_page(recruitment))
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.content.decode()
    assert client.get(_example(recruitment)).status_code == 200


@pytest.mark.parametrize("who", ["owner", "member", "site_admin"])
def test_managers_may_import(request, client_for, recruitment, who):
    response = _post(client_for(request.getfixturevalue(who)), recruitment, HEADER + GOOD)
    assert response.status_code == 200
    assert Application.objects.count() == 2


@pytest.mark.parametrize("who", ["hiring_manager", "interviewer"])
def test_team_members_who_may_not_manage_get_403(request, client_for, recruitment, who):
    client = client_for(request.getfixturevalue(who))
    assert client.get(_page(recruitment)).status_code == 403
    assert _post(client, recruitment, HEADER + GOOD).status_code == 403
    assert client.get(_example(recruitment)).status_code == 403
    assert not Application.objects.exists()


def test_outsider_gets_404(client_for, outsider, recruitment):
    client = client_for(outsider)
    assert client.get(_page(recruitment)).status_code == 404
    assert _post(client, recruitment, HEADER + GOOD).status_code == 404
    assert client.get(_example(recruitment)).status_code == 404
    assert not Application.objects.exists()


def test_anonymous_is_sent_to_login(client_for, recruitment):
    client = client_for(None)
    for response in (
        client.get(_page(recruitment)),
        _post(client, recruitment, HEADER + GOOD),
        client.get(_example(recruitment)),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    assert not Application.objects.exists()


def test_missing_recruitment_is_404(client_for, owner):
    assert client_for(owner).get(reverse("applications:import", args=[999999])).status_code == 404


def test_example_is_get_only(client_for, owner, recruitment):
    assert client_for(owner).post(_example(recruitment)).status_code == 405


# What the page does


def test_import_shows_the_result(client_for, member, recruitment):
    response = _post(client_for(member), recruitment, HEADER + GOOD)
    page = response.content.decode()
    assert "2 applications were imported." in page
    assert "Read 2 rows (UTF-8, separated by semicolons)." in page
    event = TimelineEvent.objects.filter(
        application__candidate__first_name="Sara", kind="received"
    ).get()
    assert event.actor_user == member
    assert event.data["source"] == "import"


def test_a_bad_row_is_shown_with_its_line_and_nothing_is_imported(client_for, owner, recruitment):
    content = HEADER + GOOD + "Anna;Berg;anna@;\n;Holm;;\n"
    page = _post(client_for(owner), recruitment, content).content.decode()
    assert "Nothing was imported" in page
    assert "Nothing was imported, because 2 rows have problems." in page
    assert '<th scope="row" class="num">4</th>' in page
    assert "The email address “anna@” is not valid." in page
    assert '<th scope="row" class="num">5</th>' in page
    assert "A first name is missing." in page
    assert not Application.objects.exists()


def test_skip_bad_rows_imports_the_others(client_for, owner, recruitment):
    content = HEADER + "Anna;Berg;anna@;\n" + GOOD
    page = _post(client_for(owner), recruitment, content, skip_bad="on").content.decode()
    assert "2 applications were imported." in page
    assert "1 row with a problem was left out." in page
    assert "The email address “anna@” is not valid." in page
    assert Application.objects.count() == 2


def test_do_not_send_acknowledgements_is_recorded(client_for, owner, recruitment):
    _post(client_for(owner), recruitment, HEADER + GOOD, no_ack="on")
    assert [e.data.get("acknowledge") for e in TimelineEvent.objects.filter(kind="received")] == [
        False,
        False,
    ]


def test_duplicates_are_listed(client_for, owner, recruitment, application):
    content = HEADER + GOOD + "Per;Lind;PER@example.se;\n"
    page = _post(client_for(owner), recruitment, content).content.decode()
    assert "Already applied, not imported twice" in page
    assert "sara.ek@example.se" in page
    assert "Before this import" in page
    assert "Earlier in this file (line 3)" in page
    assert Application.objects.count() == 2


def test_windows_1252_upload(client_for, owner, recruitment):
    content = (HEADER + "Åsa;Öberg;;\n").encode("cp1252")
    page = _post(client_for(owner), recruitment, content).content.decode()
    assert "1 application was imported." in page
    assert Application.objects.get().candidate.full_name == "Åsa Öberg"


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "The file is empty."),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "This is a PDF file, not a CSV file."),
        (b"PK\x03\x04\x14\x00\x06\x00", "This is a spreadsheet workbook"),
        (b"namn;mejl\nSara Ek;sara@example.se\n", "The file has a column “namn”"),
    ],
)
def test_unusable_files_are_explained_in_the_error_summary(
    client_for, owner, recruitment, content, says
):
    page = _post(client_for(owner), recruitment, content).content.decode()
    assert "There is a problem" in page
    assert says in page
    assert not Application.objects.exists()


def test_files_over_5_mb_are_refused(client_for, owner, recruitment):
    content = HEADER + "Sara;Ek;;\n" * (5 * 1024 * 1024 // 10 + 1)
    page = _post(client_for(owner), recruitment, content).content.decode()
    assert "The file is larger than 5 MB. Split the list into smaller files." in page
    assert not Application.objects.exists()


def test_more_rows_than_a_request_can_take_are_refused(client_for, owner, recruitment):
    content = HEADER + "".join(f"P{n};Ek;;\n" for n in range(2001))
    page = _post(client_for(owner), recruitment, content).content.decode()
    assert "The file has more than 2000 rows, the most that can be imported at once here." in page
    assert not Application.objects.exists()


def test_a_hostile_heading_row_is_a_form_error_not_a_server_error(client_for, owner, recruitment):
    # One heading row of a million separators: the separator sniffing used to raise csv.Error.
    response = _post(client_for(owner), recruitment, ";" * 1_000_000 + "\nSara;Ek\n")
    assert response.status_code == 200
    assert "Line 1 has more than 500 columns." in response.content.decode()
    assert not Application.objects.exists()


def test_posting_without_a_file_asks_for_one(client_for, owner, recruitment):
    page = client_for(owner).post(_page(recruitment), {"skip_bad": "on"}).content.decode()
    assert "There is a problem" in page
    assert 'href="#id_file"' in page


def test_example_file_is_utf8_with_swedish_headings(client_for, owner, recruitment):
    response = client_for(owner).get(_example(recruitment))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="ansokningar-exempel.csv"'
    assert response.content.startswith(codecs.BOM_UTF8)
    heading = response.content.decode("utf-8-sig").splitlines()[0]
    assert heading == (
        "förnamn;efternamn;e-post;telefon;språk;utbildning 1;utbildning 1 nivå;"
        "utbildning 1 skola;utbildning 1 period;erfarenhet 1;erfarenhet 1 område;"
        "erfarenhet 1 nivå;erfarenhet 1 längd;erfarenhet 1 arbetsgivare;erfarenhet 1 period;"
        "övrigt 1;övrigt 1 nivå;utbildning;inkommen"
    )


def test_the_page_describes_the_columns_and_links_the_example(client_for, owner, recruitment):
    page = client_for(owner).get(_page(recruitment)).content.decode()
    for heading in ("förnamn", "efternamn", "e-post", "telefon", "språk", "inkommen"):
        assert f"<code>{heading}</code>" in page
    assert f'href="{_example(recruitment)}"' in page
