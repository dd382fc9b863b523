"""The call-sheet composer: decisive criteria, ordering, strengths, the three prepared answers,
anonymity of the hired person, numbers, languages and language-check findings. Plain pytest,
no database.

The composer's wording is English msgids translated through the functions it is given. Here
those functions read the compiled Django catalogue (``aterkoppla/locale``) with the standard
library's ``gettext``, not Django's: the composer stays testable (and benchmarkable) without
Django, and the Swedish asserted below is still exactly what users get, since Django reads the
same .mo (``make messages`` compiles it; ``checkcatalog`` fails when it is stale).
"""

from __future__ import annotations

import functools
import gettext
import json
import re
import string
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import aterkoppla
from aterkoppla.lib.call_sheet import (
    CallSheet,
    CallSheetFacts,
    CriterionFacts,
    Translate,
    format_number,
)
from aterkoppla.lib.call_sheet import compose as compose_with
from aterkoppla.lib.call_sheet.phrases import CANDIDATE, QUESTIONS, READER
from aterkoppla.lib.language_check import check

LOCALE_DIR = Path(aterkoppla.__file__).parent / "locale"


@functools.cache
def catalogue(language: str) -> Translate:
    """The catalogue's translation into ``language``. English has no catalogue: the msgids are
    the English wording."""
    return gettext.translation(
        "django", localedir=LOCALE_DIR, languages=[language], fallback=language != "sv"
    ).gettext


def compose(facts: CallSheetFacts, reader_language: str = "sv") -> CallSheet:
    """The sheet with the catalogue's wording, as ``decisions.call_sheets`` composes it."""
    return compose_with(
        facts,
        reader_language,
        translate_candidate=catalogue(facts.language),
        translate_reader=catalogue(reader_language),
    )


GENDERED = re.compile(
    r"\b(han|hon|honom|henne|hans|hennes|he|she|him|her|his|hers)\b", re.IGNORECASE
)

WAREHOUSE = (
    CriterionFacts(
        1,
        "Erfarenhet av lagerarbete",
        "merit",
        4,
        description="Minst två års erfarenhet av lagerarbete",
        job_task="Plock och pack",
        category="experience",
        scores=(3, 3),
        evidence=("Ett års lagerarbete, mest inleverans",),
        hired_mean=4.5,
    ),
    CriterionFacts(
        2,
        "Truckkort A+B",
        "must",
        5,
        description="Giltigt truckkort A och B",
        job_task="Lastning och lossning",
        category="other",
        screening="met",
    ),
    CriterionFacts(
        3, "Noggrannhet", "merit", 5, category="personal", scores=(4, 4, 5), hired_mean=4.0
    ),
    CriterionFacts(4, "Kundbemötande", "merit", 2, category="skill", scores=(2, 3), hired_mean=3.5),
    CriterionFacts(5, "B-körkort", "must", 3, category="other", screening="met"),
)

HIRED_MERITS_SV = (
    "fyra års erfarenhet av lagerarbete med plock och pack",
    "truckkort A, B och C",
    "gymnasieexamen från handelsprogrammet",
)


def swedish(**changes) -> CallSheetFacts:
    facts = CallSheetFacts(
        language="sv",
        candidate_name="Piotr Kowalski",
        first_name="Piotr",
        phone="070-123 45 67",
        phone_uri="tel:+46701234567",
        job_title="Lagerarbetare",
        organisation="Nordlager AB",
        decision_date="26 november 2026",
        criteria=WAREHOUSE,
        decisive_ids=(1,),
        explanation="Vi valde en kandidat med längre erfarenhet av plock i lager med höga volymer.",
        impressions=("Lugn och saklig, svarade genomtänkt på alla frågor.",),
        strengths=("Mycket noggrann och strukturerad",),
        tips=("Ge konkreta exempel med siffror, till exempel hur många order du plockade",),
        hired_merits=HIRED_MERITS_SV,
        talent_pool=True,
        survey=True,
    )
    return replace(facts, **changes)


def english(**changes) -> CallSheetFacts:
    facts = CallSheetFacts(
        language="en",
        candidate_name="Amira Haddad",
        first_name="Amira",
        phone="073-555 12 34",
        phone_uri="tel:+46735551234",
        job_title="Customer Service Agent",
        organisation="Nordlager AB",
        decision_date="26 November 2026",
        criteria=(
            CriterionFacts(
                1,
                "Customer service experience",
                "merit",
                5,
                description="Experience handling customer calls and complaints",
                job_task="Answering customer calls",
                category="experience",
                scores=(3, 4),
                evidence=("Good example of calming an upset customer",),
                hired_mean=4.5,
            ),
            CriterionFacts(
                2,
                "Swedish and English",
                "must",
                4,
                description="Fluent Swedish and English in speech and writing",
                category="skill",
                screening="met",
                scores=(4, 5),
                hired_mean=4.5,
            ),
            CriterionFacts(
                3,
                "CRM systems",
                "merit",
                3,
                description="Experience with Salesforce or a similar CRM",
                category="experience",
                scores=(2, 2),
                hired_mean=4.0,
            ),
            CriterionFacts(
                4, "Problem solving", "merit", 4, category="skill", scores=(3, 3), hired_mean=3.5
            ),
        ),
        explanation="We chose a candidate with several years of Salesforce use in a busy "
        "contact centre.",
        impressions=("Warm and clear on the phone; well prepared.",),
        strengths=("Calm and friendly with customers",),
        tips=("Bring one or two examples with numbers",),
        hired_merits=(
            "three years of experience in a contact centre",
            "a Salesforce Administrator certificate",
        ),
        talent_pool=True,
    )
    return replace(facts, **changes)


def minimal(language: str = "sv") -> CallSheetFacts:
    return CallSheetFacts(
        language=language,
        candidate_name="",
        first_name="",
        phone="",
        phone_uri="",
        job_title="",
        organisation="",
        decision_date="",
        criteria=(),
    )


# ------------------------------------------------------------------------------ decisive


def test_marked_decisive_criteria_are_named_in_q1():
    sheet = compose(swedish(decisive_ids=(1, 4)))
    assert sheet.decisive_basis == "marked"
    assert [row.name for row in sheet.decisive] == ["Erfarenhet av lagerarbete", "Kundbemötande"]
    assert all(row.decisive for row in sheet.decisive)
    assert {row.id for row in sheet.rows if row.decisive} == {1, 4}
    q1 = sheet.answers["q1"].answer
    assert "Erfarenhet av lagerarbete" in q1
    assert "Kundbemötande" in q1
    assert "den vi valde" in q1


def test_unknown_decisive_ids_are_ignored():
    sheet = compose(swedish(decisive_ids=(1, 99)))
    assert [row.id for row in sheet.decisive] == [1]


def test_without_marks_the_largest_weighted_gaps_are_decisive():
    criteria = (
        CriterionFacts(1, "A", "merit", 1, scores=(1,), hired_mean=5.0),  # gap 4 × 1 = 4
        CriterionFacts(2, "B", "merit", 5, scores=(3,), hired_mean=4.0),  # gap 1 × 5 = 5
        CriterionFacts(3, "C", "merit", 3, scores=(2,), hired_mean=4.0),  # gap 2 × 3 = 6
        CriterionFacts(4, "D", "merit", 4, scores=(2,), hired_mean=3.0),  # gap 1 × 4 = 4
        CriterionFacts(5, "E", "merit", 5, scores=(5,), hired_mean=3.0),  # negative
        CriterionFacts(6, "F", "merit", 5, scores=(4,)),  # hired unknown
    )
    sheet = compose(swedish(criteria=criteria, decisive_ids=()))
    assert sheet.decisive_basis == "computed"
    # weighted gaps 6, 5, then a tie at 4 broken by sheet order (D, weight 4, before A)
    assert [row.name for row in sheet.decisive] == ["C", "B", "D"]
    assert all(row.gap and row.gap > 0 for row in sheet.decisive)
    assert [row.name for row in sheet.rows] == ["B", "E", "F", "D", "C", "A"]
    assert sheet.rows[0].gap == pytest.approx(1.0)
    assert sheet.rows[2].gap is None
    reminders = " ".join(sheet.reminders)
    assert "beräknade" in reminders


def test_without_marks_unmet_musts_are_decisive_too():
    criteria = (
        CriterionFacts(1, "Truckkort A+B", "must", 5, screening="not_met"),
        CriterionFacts(2, "Noggrannhet", "merit", 3, scores=(3,), hired_mean=4.0),
        CriterionFacts(3, "B-körkort", "must", 3, screening="met"),
    )
    sheet = compose(swedish(criteria=criteria, decisive_ids=()))
    assert [row.name for row in sheet.decisive] == ["Truckkort A+B", "Noggrannhet"]
    q1 = sheet.answers["q1"].answer
    assert "Truckkort A+B är ett krav för tjänsten" in q1
    assert "På Noggrannhet fick den vi valde" in q1


def test_no_decisive_data_gives_a_general_answer():
    criteria = (CriterionFacts(1, "Noggrannhet", "merit", 3),)
    sheet = compose(swedish(criteria=criteria, decisive_ids=(), explanation=""))
    assert sheet.decisive == ()
    assert sheet.decisive_basis == "none"
    assert "kravprofilen" in sheet.answers["q1"].answer


# ------------------------------------------------------------------------------ rows


def test_rows_are_musts_first_then_merits_by_weight_stable():
    criteria = (
        CriterionFacts(1, "m1", "merit", 2),
        CriterionFacts(2, "k1", "must", 1),
        CriterionFacts(3, "m2", "merit", 5),
        CriterionFacts(4, "m3", "merit", 2),
        CriterionFacts(5, "k2", "must", 5),
        CriterionFacts(6, "m4", "merit", 5),
    )
    sheet = compose(swedish(criteria=criteria, decisive_ids=()))
    assert [row.name for row in sheet.rows] == ["k1", "k2", "m2", "m4", "m1", "m3"]


def test_row_means_counts_and_gaps():
    sheet = compose(swedish())
    rows = {row.id: row for row in sheet.rows}
    assert rows[3].candidate_mean == pytest.approx(4.33, abs=0.01)
    assert rows[3].score_count == 3
    assert rows[3].gap == pytest.approx(-0.33, abs=0.01)
    assert rows[5].candidate_mean is None
    assert rows[5].gap is None
    assert rows[1].evidence == ("Ett års lagerarbete, mest inleverans",)


# ------------------------------------------------------------------------------ strengths


def test_strengths_come_from_notes_high_scores_and_screening():
    sheet = compose(swedish())
    lines = sheet.strengths_to_open_with
    assert not sheet.strengths_generic
    assert lines == (
        "Mycket noggrann och strukturerad",
        "Du visade god förmåga i intervjun – 4,3 av 5 (Noggrannhet)",
        "Du uppfyllde kravet fullt ut (Truckkort A+B)",
        "Du uppfyllde kravet fullt ut (B-körkort)",
    )
    assert not any("Kundbemötande" in line for line in lines)


def test_strengths_from_screening_alone():
    criteria = (
        CriterionFacts(1, "B-körkort", "must", 3, category="other", screening="met"),
        CriterionFacts(2, "Lagererfarenhet", "must", 3, category="experience", screening="met"),
    )
    sheet = compose(swedish(criteria=criteria, strengths=(), decisive_ids=()))
    assert sheet.strengths_to_open_with == (
        "Du uppfyllde kravet fullt ut (B-körkort)",
        "Din ansökan visade den erfarenhet vi sökte (Lagererfarenhet)",
    )
    assert sheet.answers["q1"].answer.startswith("Vi jämförde alla vi träffade mot kravprofilen")


@pytest.mark.parametrize("reader", ["sv", "en"])
def test_strengths_are_never_empty_and_generic_is_marked(reader):
    criteria = (CriterionFacts(1, "Noggrannhet", "merit", 3, scores=(2,), hired_mean=4.0),)
    sheet = compose(swedish(criteria=criteria, strengths=()), reader_language=reader)
    assert len(sheet.strengths_to_open_with) == 1
    assert sheet.strengths_generic
    line = sheet.strengths_to_open_with[0]
    assert line.startswith("[Allmän formulering" if reader == "sv" else "[Generic wording")
    assert "Tack för att du tog dig tid" in line
    assert "lagerarbetare" in line


# ------------------------------------------------------------------------------ answers


def test_q1_opens_with_what_decided_and_includes_the_explanation():
    sheet = compose(swedish())
    q1 = sheet.answers["q1"]
    assert q1.question == "Vad saknade jag jämfört med den som fick jobbet?"
    assert q1.answer.startswith("Det som avgjorde var framför allt Erfarenhet av lagerarbete.")
    assert "Först vill jag säga" not in q1.answer
    assert "Vi valde en kandidat med längre erfarenhet av plock" in q1.answer
    assert any(point.startswith("Beslutsfattarens förklaring:") for point in q1.points)
    # the related merit of the hired person, found by shared words with the criterion
    assert (
        "När det gäller meriter har den vi valde fyra års erfarenhet av lagerarbete med plock "
        "och pack." in q1.answer
    )
    assert "handelsprogrammet" not in q1.answer


def test_q2_uses_tips_then_the_weakest_criteria():
    q2 = compose(swedish()).answers["q2"]
    assert q2.question == "Kan jag få några tips inför nästa jobbintervju?"
    answer = q2.answer
    assert answer.index("Ge konkreta exempel med siffror") < answer.index("Kundbemötande")
    assert answer.index("Kundbemötande (2,5 av 5") < answer.index("Erfarenhet av lagerarbete")
    assert "Noggrannhet" not in answer


def test_q3_opens_with_the_positive():
    q3 = compose(swedish()).answers["q3"]
    assert q3.question == "Vilket intryck gav jag?"
    answer = q3.answer
    assert answer.startswith("Det här noterade vi som dina styrkor: Mycket noggrann")
    assert answer.index("Mycket noggrann") < answer.index("Lugn och saklig")


def test_english_output():
    sheet = compose(english(), reader_language="en")
    assert sheet.language == "en"
    assert sheet.heading == "Amira Haddad – Customer Service Agent, Nordlager AB"
    assert sheet.decision.startswith(
        "We have chosen another candidate for the Customer Service Agent position"
    )
    questions = [answer.question for answer in sheet.answers.values()]
    assert questions == [
        "What did I lack compared to the person who got the job?",
        "Can I have some tips for my next interview?",
        "What impression did I give?",
    ]
    q1 = sheet.answers["q1"].answer
    assert "the person we chose scored higher" in q1
    assert "4.0 against your 2.0 out of 5" in q1
    assert "As for merits, the person we chose has a Salesforce Administrator certificate." in q1
    assert "In short: We chose a candidate" in q1
    assert sheet.answers["q3"].answer.startswith("This is what we noted as your strengths:")
    assert "diskrimineringslagen" in sheet.rights
    assert "education, work experience and other merits" in sheet.rights
    assert sheet.reminders[-1].startswith("If the candidate does not answer")
    assert "talent pool" in sheet.offers[0]


def test_swedish_output():
    sheet = compose(swedish())
    assert sheet.heading == "Piotr Kowalski – Lagerarbetare, Nordlager AB"
    assert sheet.decision == (
        "Vi har valt en annan kandidat till tjänsten som lagerarbetare, och jag vill gärna "
        "berätta hur vi tänkte."
    )
    assert "2 kap. 4 §" in sheet.rights
    assert "utbildning, yrkeserfarenhet och vilka andra meriter den som fick tjänsten" in (
        sheet.rights
    )
    assert len(sheet.offers) == 2
    assert any("kandidatbank" in offer for offer in sheet.offers)
    assert any("enkät" in offer for offer in sheet.offers)
    everything = json.dumps(sheet.to_dict(), ensure_ascii=False)
    assert everything.lower().count("tyvärr") <= 1


def test_reminders_are_in_the_readers_language():
    swedish_reader = compose(english(), reader_language="sv").reminders
    english_reader = compose(swedish(), reader_language="en").reminders
    assert any("kön" in line and "ålder" in line for line in swedish_reader)
    assert any("sex" in line and "age" in line for line in english_reader)
    assert any("sammanfattning" in line for line in swedish_reader)
    assert any("written summary" in line for line in english_reader)


def test_reader_language_does_not_change_candidate_text():
    a = compose(swedish(), reader_language="sv")
    b = compose(swedish(), reader_language="en")
    assert a.answers == b.answers
    assert a.decision == b.decision


def test_offers_follow_the_flags():
    assert compose(swedish(talent_pool=False, survey=False)).offers == ()
    assert len(compose(swedish(talent_pool=False, survey=True)).offers) == 1


def test_plural_hired():
    sheet = compose(english(hired_count=2, decisive_ids=(3,)), reader_language="en")
    assert "the people we chose" in sheet.answers["q1"].answer
    assert "the people who got the jobs" in sheet.rights
    assert "positions" in sheet.decision
    sv = compose(swedish(hired_count=3))
    assert "de vi valde" in sv.answers["q1"].answer
    assert "andra kandidater" in sv.decision


# ------------------------------------------------------------------------------ anonymity


def _paths(value, path=""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, f"{path}[{index}]")
    else:
        yield path, value


@pytest.mark.parametrize("facts", [swedish(), english(), swedish(hired_count=2)])
def test_the_hired_person_appears_only_as_merits(facts):
    sheet = compose(facts, reader_language=facts.language)
    data = sheet.to_dict()
    for merit in facts.hired_merits:
        places = [path for path, value in _paths(data) if isinstance(value, str) and merit in value]
        for path in places:
            if path.startswith(".hired_merits"):
                continue
            assert path in (".answers.q1.answer", ".summary") or path.startswith(
                ".answers.q1.points"
            ), path
    q1 = sheet.answers["q1"]
    assert not GENDERED.search(q1.answer)
    assert not any(GENDERED.search(point) for point in q1.points)


def test_a_gendered_explanation_is_left_out_of_the_answer():
    sheet = compose(swedish(explanation="Hon hade längre erfarenhet av plock och truck."))
    q1 = sheet.answers["q1"]
    assert not GENDERED.search(q1.answer)
    assert "längre erfarenhet av plock och truck" not in q1.answer
    assert any("Hon hade längre erfarenhet" in point for point in q1.points)
    assert any("”han” eller ”hon”" in line and "egna ord" in line for line in sheet.reminders)
    assert "längre erfarenhet av plock och truck" not in sheet.summary


# ------------------------------------------------------------------------------ numbers


def test_format_number():
    assert format_number(3.5, "sv") == "3,5"
    assert format_number(3.5, "en") == "3.5"
    assert format_number(3.25, "sv") == "3,3"  # half up, not to even
    assert format_number(11 / 3, "en") == "3.7"
    assert format_number(4, "sv") == "4,0"
    assert format_number(-0.04, "en") == "0.0"


def test_decimal_comma_in_swedish_and_point_in_english():
    sv = compose(swedish())
    assert "4,5 mot dina 3,0 av 5" in sv.answers["q1"].answer
    assert not re.search(r"\d\.\d", sv.answers["q1"].answer + sv.answers["q2"].answer)
    en = compose(english(decisive_ids=(1,)), reader_language="en")
    assert "4.5 against your 3.5 out of 5" in en.answers["q1"].answer
    assert not re.search(r"\d,\d", en.answers["q1"].answer + en.answers["q2"].answer)


# ------------------------------------------------------------------------------ findings


def test_a_discriminatory_explanation_is_reported():
    sheet = compose(swedish(explanation="Hon är nog för gammal för vårt unga team"))
    age = [item for item in sheet.findings if item.finding.category == "age"]
    assert age
    assert any(item.source == "explanation" for item in age)
    assert sheet.has_blocking_findings
    # never scripted for the caller to read out
    assert "gammal" not in sheet.answers["q1"].answer
    assert sheet.reminders[0].startswith("Språkgranskningen hittade formuleringar")
    found = sheet.to_dict()["findings"][0]
    assert found["source"] == "explanation"
    assert {"category", "severity", "start", "end", "match", "message", "suggestion"} <= set(found)
    assert sheet.explanation[found["start"] : found["end"]] == found["match"]


def test_a_blocked_strength_note_is_not_read_out_but_reported():
    note = "Trevlig ung tjej med mycket energi"
    sheet = compose(swedish(strengths=(note,)))
    assert note not in sheet.strengths_to_open_with
    assert note not in sheet.answers["q3"].answer
    assert note not in sheet.answers["q1"].answer
    assert any(item.source == "strength" for item in sheet.findings)


def test_staff_notes_are_checked_by_source():
    criteria = (
        replace(WAREHOUSE[0], evidence=("Bra svar", "Verkar vara gravid, blir snart ledig")),
        *WAREHOUSE[1:],
    )
    sheet = compose(swedish(criteria=criteria))
    sources = {item.source for item in sheet.findings}
    assert "evidence: Erfarenhet av lagerarbete (2)" in sources


def test_swedish_notes_are_checked_for_an_english_candidate():
    sheet = compose(english(explanation="Hon är nog för gammal för vårt unga team"))
    assert any(
        item.source == "explanation" and item.finding.category == "age" for item in sheet.findings
    )


@pytest.mark.parametrize(
    ("facts", "reader"),
    [
        (swedish(), "sv"),
        (swedish(decisive_ids=()), "en"),
        (english(), "en"),
        (english(decisive_ids=(1, 2), hired_count=2), "sv"),
        (minimal("sv"), "sv"),
        (minimal("en"), "en"),
    ],
)
def test_composed_text_has_no_blocking_findings(facts, reader):
    sheet = compose(facts, reader_language=reader)
    composed = [sheet.decision, *sheet.strengths_to_open_with, *sheet.offers, sheet.rights]
    composed += [answer.answer for answer in sheet.answers.values()]
    for text in composed:
        blocking = [f for f in check(text, lang=facts.language) if f.severity == "block"]
        assert not blocking, (text, blocking)
    assert not [item for item in sheet.findings if item.source in ("q1", "q2", "q3")]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_phrase_template_triggers_the_language_check(language):
    neutral = {
        "name": "Truckkort",
        "names": "Truckkort",
        "job": "Lagerarbetare",
        "chosen": catalogue(language)(CANDIDATE["chosen"]),
        "got_job": catalogue(language)(CANDIDATE["got_job"]),
        "mean": "4",
        "candidate": "3",
        "hired": "4",
        "value": "4",
        "merit": "Truckkort A",
        "task": "Plock",
        "description": "Truckkort A",
        "note": "Noggrann.",
        "evidence": "Noggrann.",
        "explanation": "Truckkort A.",
        "text": "Noggrann.",
        "weight": "3",
        "count": "2",
    }
    for key, msgid in CANDIDATE.items():
        template = catalogue(language)(msgid)
        fields = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        text = template.format(**{name: neutral[name] for name in fields})
        assert check(text, lang=language) == [], key


# ------------------------------------------------------------------------------ edge cases


@pytest.mark.parametrize("language", ["sv", "en"])
def test_minimal_input_composes_a_sensible_sheet(language):
    sheet = compose(minimal(language), reader_language=language)
    assert isinstance(sheet, CallSheet)
    assert sheet.rows == ()
    assert sheet.decisive == ()
    assert sheet.decision
    assert sheet.strengths_to_open_with and sheet.strengths_generic
    for answer in sheet.answers.values():
        assert answer.question and answer.answer
    assert sheet.rights
    assert sheet.findings == ()
    json.dumps(sheet.to_dict())


def test_unscored_unscreened_criteria():
    criteria = (
        CriterionFacts(1, "Truckkort A+B", "must", 5, description="Giltigt truckkort"),
        CriterionFacts(2, "Noggrannhet", "merit", 3, hired_mean=4.0),
    )
    sheet = compose(swedish(criteria=criteria, decisive_ids=(2,), strengths=(), tips=()))
    assert [row.candidate_mean for row in sheet.rows] == [None, None]
    assert sheet.answers["q1"].answer.startswith("Det som avgjorde var framför allt Noggrannhet.")
    assert "allmänt råd" in sheet.answers["q2"].answer


def test_to_dict_shape():
    data = compose(swedish()).to_dict()
    json.dumps(data)
    assert set(data["answers"]) == {"q1", "q2", "q3"}
    assert set(data["answers"]["q1"]) == {"question", "answer", "points"}
    assert data["rows"][0]["name"] == "Truckkort A+B"
    assert data["decisive"][0]["id"] == 1
    assert data["phone_uri"] == "tel:+46701234567"


def test_unknown_languages_are_refused():
    with pytest.raises(ValueError, match="language"):
        compose(swedish(language="de"))
    with pytest.raises(ValueError, match="reader_language"):
        compose(swedish(), reader_language="de")


def test_the_package_does_not_import_django():
    code = (
        "import sys, aterkoppla.lib.call_sheet; "
        "sys.exit(any(m.split('.')[0] == 'django' for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0  # noqa: S603


def test_the_questions_are_the_three_candidates_ask():
    # "What did I lack …?" has a form for each outcome: someone chosen, nobody yet, nobody.
    assert set(QUESTIONS) == {"q1_chosen", "q1_pending", "q1_none", "q2", "q3"}


def test_swedish_comes_from_the_catalogue_and_english_is_the_msgids():
    # Swedish from the compiled .mo (missing, it raises), English as the msgids themselves.
    assert catalogue("sv")(CANDIDATE["chosen"]) == "den vi valde"
    assert catalogue("en")(CANDIDATE["chosen"]) == "the person we chose"
    assert catalogue("en")(READER["summary"]) == "Offer a written summary of the call."


def test_a_tip_for_a_skill_rests_on_the_evidence_of_the_low_scores_said_as_du():
    criteria = tuple(
        replace(
            c,
            evidence=("Mycket trevlig i telefon", "Gav få exempel på hur hon hanterar arga kunder"),
            weak_evidence=("Gav få exempel på hur hon hanterar arga kunder",),
        )
        if c.name == "Kundbemötande"
        else c
        for c in WAREHOUSE
    )
    q2 = compose(swedish(criteria=criteria)).answers["q2"].answer
    assert "Mest att vinna hade du på Kundbemötande (2,5 av 5 i intervjun)." in q2
    assert "Intervjuarna noterade: Gav få exempel på hur du hanterar arga kunder." in q2
    assert "Förbered ett par konkreta exempel" in q2
    assert "Mycket trevlig i telefon" not in q2


def test_a_licence_is_never_a_thing_done_in_the_interview():
    """A degree, a licence or a certificate is had or not: its words say so."""
    criteria = tuple(
        replace(c, screening="not_met") if c.name == "Truckkort A+B" else c for c in WAREHOUSE
    )
    sheet = compose(swedish(criteria=criteria, decisive_ids=(2,)))
    q1, q2 = sheet.answers["q1"].answer, sheet.answers["q2"].answer
    assert "Det är ett krav för tjänsten, och vi kunde inte se i din ansökan att du har det." in q1
    assert "Truckkort A+B var ett skallkrav här; skaffa det, eller nämn det tydligt i ansökan" in q2
    assert "Truckkort" not in " ".join(sheet.strengths_to_open_with)
    assert "intervjun" not in q1.split("Truckkort A+B.")[1].split(".")[0]
