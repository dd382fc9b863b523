"""What the candidate's copy of their data holds (GDPR art. 15), and what it leaves out."""

from __future__ import annotations

import json
import re

import pytest

from aterkoppla.privacy.export import candidate_export
from aterkoppla.privacy.responses import export_json
from aterkoppla.privacy.tests.conftest import (
    CALL_NOTE_NAMING_EMMA,
    EVIDENCE_NAMING_EMMA,
    SARA_CALL_NOTE,
    SARA_EVIDENCE,
    SARA_TIPS,
    SCREENING_NOTE_NAMING_EMMA,
)
from aterkoppla.privacy.tests.helpers import others_in

pytestmark = pytest.mark.django_db

MARKER_SV = "[utelämnat: nämner en annan sökande]"
MARKER_EN = "[left out: names another applicant]"


def _sara(scene, language=None) -> dict:
    return candidate_export(scene.sara.candidate, language=language)


def _lagerarbetare(export: dict) -> dict:
    return next(app for app in export["applications"] if app["job"] == "Lagerarbetare")


def test_the_candidate_record_is_all_there(scene):
    person = _sara(scene)["candidate"]
    assert person["first_name"] == "Sara"
    assert person["last_name"] == "Ek"
    assert person["email"] == "sara.ek@example.se"
    assert person["phone"] == "+46701234567"
    assert person["language"] == "sv"
    assert person["created_at"] is not None


def test_every_application_of_the_person_is_in_it(scene):
    export = _sara(scene)
    assert [app["job"] for app in export["applications"]] == ["Lagerarbetare", "Truckförare"]
    assert {app["id"] for app in export["applications"]} == {
        scene.sara.pk,
        scene.sara_elsewhere.pk,
    }


def test_the_application_has_its_stages_promises_and_answer(scene):
    app = _lagerarbetare(_sara(scene))
    assert app["stage"] == "rejected"
    assert app["stage_label"] == "Ej aktuell"
    assert app["source"] == "manual"
    assert app["interviewed"] is True
    assert app["final_answer_at"] is not None
    assert [step["to_stage"] for step in app["stages"]] == ["interview", "rejected"]
    # One promise, though the stage change repeated it.
    assert [str(p["reply_by"]) for p in app["promises"]] == ["2026-12-18"]


def test_merits_are_the_candidates_own_with_employer_and_years(scene):
    merits = _lagerarbetare(_sara(scene))["merits"]
    experience = next(m for m in merits if m["kind"] == "experience")
    assert experience["organisation"] == "Jula Logistik"
    assert (experience["from_year"], experience["to_year"]) == (2019, 2022)
    assert experience["years"] == 3
    assert experience["text"] == "tre års erfarenhet som lagerarbetare"
    education = next(m for m in merits if m["kind"] == "education")
    assert education["organisation"] == "Truckskolan i Jönköping"


def test_screening_scorecards_and_the_decision_about_them(scene):
    app = _lagerarbetare(_sara(scene))
    assert [(row["requirement"], row["result"]) for row in app["screening"]] == [
        ("Truckkort A+B", "met"),
        ("Erfarenhet av lagerarbete", "partly"),
    ]
    assert app["screening"][0]["note"] == "Truckkort A+B från 2021."
    assert len(app["interviews"]) == 1
    assert app["interviews"][0]["place"] == "Lagret, Jönköping"
    assert app["interviews"][0]["held_at"] is not None
    cards = app["scorecards"]
    assert [card["interviewer"] for card in cards] == ["Intervjuare 1", "Intervjuare 2"]
    assert all(len(card["ratings"]) == 3 for card in cards)
    assert cards[0]["ratings"][0]["evidence"] == SARA_EVIDENCE
    assert cards[0]["tips"] == SARA_TIPS
    (decision,) = app["decisions"]
    assert decision["result"] == "rejected"
    assert decision["channel"] == "call"
    assert decision["decisive_requirements"] == ["Erfarenhet av lagerarbete"]
    assert decision["explanation"].startswith("Den vi valde hade längre erfarenhet")


def test_the_call_the_request_and_the_messages(scene):
    app = _lagerarbetare(_sara(scene))
    call = app["call"]
    assert call["status"] == "done"
    assert [a["outcome"] for a in call["attempts"]] == ["no_answer", "reached"]
    (asked,) = app["disclosure_requests"]
    assert (asked["via"], asked["status"]) == ("call", "answered")
    kinds = [message["kind"] for message in app["messages"]]
    # The reached call wanted no summary: the survey the call sheet promised came on its own.
    assert kinds == [
        "acknowledgement",
        "status_update",
        "interview_booked",
        "survey_invitation",
        "disclosure_letter",
    ]
    assert all(message["to"] == "sara.ek@example.se" for message in app["messages"])
    assert app["messages"][0]["body_text"].startswith("Hej Sara!")


def test_no_message_carries_the_key_of_a_link_to_her_page(scene):
    # Queued messages still hold their links whole; a copy of the export may be passed on.
    text = export_json(_sara(scene))
    assert "/ansokan/…/" in text
    assert re.search(r"/ansokan/[A-Za-z0-9_-]{20,}/", text) is None


def test_the_timeline_is_in_the_readers_language(scene):
    swedish = [e["summary"] for e in _lagerarbetare(_sara(scene))["timeline"]]
    english = [e["summary"] for e in _lagerarbetare(_sara(scene, "en"))["timeline"]]
    assert "Ansökan inkom (Inlagd för hand)." in swedish
    assert "Application received (Added by hand)." in english
    assert "Återkopplingssamtal: Nådd." in swedish


def test_staff_are_named_by_their_role_only(scene, hiring_manager, interviewer):
    app = _lagerarbetare(_sara(scene))
    text = json.dumps(
        {key: app[key] for key in ("scorecards", "timeline", "interviews", "call")},
        ensure_ascii=False,
        default=str,
    )
    for person in (hiring_manager, interviewer):
        assert person.get_full_name() not in text
        assert person.first_name not in text
    summaries = [e["summary"] for e in app["timeline"]]
    assert "Intervju bokad med 2 intervjuare." in summaries
    assert "Intervjuare 1 lämnade sin bedömning." in summaries


def test_a_staff_note_naming_another_applicant_is_replaced_by_a_marker(scene):
    app = _lagerarbetare(_sara(scene))
    assert app["screening"][1]["note"] == MARKER_SV
    evidence = [r["evidence"] for card in app["scorecards"] for r in card["ratings"]]
    assert MARKER_SV in evidence
    assert app["call"]["attempts"][1]["notes"] == MARKER_SV
    english = _lagerarbetare(_sara(scene, "en"))
    assert english["screening"][1]["note"] == MARKER_EN
    text = export_json(_sara(scene))
    for note in (SCREENING_NOTE_NAMING_EMMA, EVIDENCE_NAMING_EMMA, CALL_NOTE_NAMING_EMMA):
        assert note not in text


def test_nothing_about_the_other_applicants_is_in_the_json(scene):
    text = export_json(_sara(scene))
    json.loads(text)
    assert others_in(text) == []
    # The others are there to be left out: their details are in their own exports.
    assert "Nordlager AB" in export_json(candidate_export(scene.emma.candidate))
    assert "Postnord Terminal Torsvik" in export_json(candidate_export(scene.ali.candidate))


def test_a_first_name_the_candidate_shares_keeps_notes_about_her(scene):
    # Sara Lind applied too; "Sara" alone is taken to be the candidate herself.
    app = _lagerarbetare(_sara(scene))
    assert app["call"]["attempts"][0]["notes"] == SARA_CALL_NOTE


def test_the_other_applicants_have_nothing_of_sara(scene):
    emma = export_json(candidate_export(scene.emma.candidate))
    for detail in ("Sara", "sara.ek@example.se", "Jula Logistik", "Truckskolan"):
        assert detail not in emma


def test_an_english_candidates_export_is_in_english(scene):
    export = candidate_export(scene.tom.candidate)
    assert export["language"] == "en"
    assert export["candidate"]["first_name"] == "Tom"
    (app,) = export["applications"]
    assert app["job"] == "Truckförare"
    assert app["stage_label"] == "Received"
    assert export["privacy_notice"].startswith("How we handle your personal data")


def test_the_talent_pool_consent_with_its_text_and_the_invitations(scene, owner, recruitment):
    from aterkoppla.applications.models import TalentPoolConsent, TalentPoolInvitation
    from aterkoppla.applications.talent_pool import talent_pool_join

    candidate = scene.sara.candidate
    consent = talent_pool_join(candidate=candidate, scope="Lager", via=TalentPoolConsent.Via.PORTAL)
    TalentPoolInvitation.objects.create(
        candidate=candidate, recruitment=recruitment, consent=consent, invited_by=owner
    )
    person = _sara(scene)["candidate"]
    (given,) = person["talent_pool"]
    assert given["text"] == consent.text and "talangbank" in given["text"]
    assert given["scope"] == "Lager"
    assert given["withdrawn_at"] is None
    (invited,) = person["talent_pool_invitations"]
    assert invited["job"] == recruitment.title
    assert invited["invited_at"] is not None
    assert "Lager" in json.loads(export_json(_sara(scene)))["candidate"]["talent_pool"][0]["scope"]
