"""Context by grammar: a sensitive word about a person is flagged, the same word as a subject
of work is not, whatever the distance; the rule that decided is recorded. Plain pytest."""

from __future__ import annotations

import pytest

from aterkoppla.lib.language_check import check
from aterkoppla.lib.language_check.context import explain, sentence_bounds

# (language, category, work use: not flagged, the same words about the candidate: flagged)
PAIRS = [
    # HR work on parental-leave policies
    (
        "sv",
        "parental_leave",
        "Hon har arbetat med HR-frågor om föräldraledighet i tio år.",
        "Hon är föräldraledig i tio månader till.",
    ),
    (
        "sv",
        "parental_leave",
        "Han ansvarade för föräldraledighetspolicyn på kontoret.",
        "Han ska vara föräldraledig hela våren.",
    ),
    (
        "en",
        "parental_leave",
        "She has worked on parental leave policies for ten years.",
        "She is on parental leave for ten more months.",
    ),
    (
        "en",
        "parental_leave",
        "He was responsible for maternity questions in the HR team.",
        "He asked about maternity because his wife is due in May.",
    ),
    # care work with disabled people
    (
        "sv",
        "disability",
        "Hon har erfarenhet av arbete med personer med funktionsnedsättning.",
        "Hon har en funktionsnedsättning.",
    ),
    (
        "en",
        "disability",
        "She has experience of working with people with a disability.",
        "She has a disability.",
    ),
    # accessibility projects
    (
        "sv",
        "disability",
        "Han ledde ett projekt om tillgänglighet för rullstolsburna.",
        "Han är rullstolsburen.",
    ),
    (
        "en",
        "disability",
        "He led an accessibility project for deaf visitors.",
        "He is deaf.",
    ),
    # religious studies as a teaching subject
    (
        "sv",
        "religion",
        "Hon har undervisat i religion på högstadiet.",
        "Hon är väldigt religiös.",
    ),
    ("en", "religion", "He taught religious studies for six years.", "He is very religious."),
    # a degree in gender equality
    (
        "en",
        "sex",
        "She has a degree in gender equality.",
        "Her gender made her a poor fit.",
    ),
    # "users" of wheelchairs
    (
        "sv",
        "disability",
        "Hon stöttade rullstolsanvändare på ett dagcenter.",
        "Hon är rullstolsanvändare.",
    ),
    (
        "en",
        "disability",
        "She supported wheelchair users at a day centre.",
        "She uses a wheelchair.",
    ),
    # pensioners as a target group
    (
        "sv",
        "age",
        "Pensionärer som målgrupp var nytt för henne.",
        "Han är pensionär sedan i våras.",
    ),
    (
        "en",
        "age",
        "Our target group is pensioners in rural areas.",
        "He is a pensioner and wants part-time work.",
    ),
    # "medicin" as a subject
    ("sv", "disability", "Hon har läst medicin i Uppsala.", "Hon tar medicin varje dag."),
    (
        "en",
        "disability",
        "He studied medication management at university.",
        "He takes medication every day.",
    ),
    # a copula, a possessive and a personal description bind the hit
    (
        "sv",
        "disability",
        "Kunskap om diabetes är ett krav i tjänsten.",
        "Kandidaten har diabetes.",
    ),
    (
        "sv",
        "disability",
        "Vi söker dig som har kunskap om autism.",
        "Hans autism märktes under intervjun.",
    ),
    (
        "en",
        "disability",
        "Knowledge of autism is a requirement.",
        "The candidate seems depressed.",
    ),
    (
        "en",
        "parental_leave",
        "She has experience with clients with small children.",
        "They have small children.",
    ),
]


@pytest.mark.parametrize(("lang", "category", "work", "person"), PAIRS)
def test_work_use_is_not_flagged_and_the_same_words_about_a_person_are(
    lang, category, work, person
):
    assert category not in {f.category for f in check(work, lang)}, explain(work, lang)
    assert category in {f.category for f in check(person, lang)}, explain(person, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "sv",
            "Hon har arbetat med barn och ungdomar i olika åldrar och i flera kommuner med autism.",
        ),
        (
            "en",
            "She has worked with children and young people of all ages in several towns with "
            "autism.",
        ),
    ],
)
def test_the_work_word_seven_words_away_still_governs(lang, text):
    assert check(text, lang) == []
    (hit,) = [e for e in explain(text, lang) if e.match == "autism"]
    assert not hit.flagged
    assert hit.rule == "context.work.governor"


@pytest.mark.parametrize(
    ("lang", "text", "category"),
    [
        ("sv", "Han har ADHD men lång erfarenhet av kundtjänst.", "disability"),
        ("sv", "Hon har arbetat med barn och har själv ADHD.", "disability"),
        ("sv", "Hon har arbetat med barn och har ADHD.", "disability"),
        ("sv", "Hon har erfarenhet av vårdarbete, men hon är gravid.", "sex"),
        ("en", "He has ADHD but long experience in customer service.", "disability"),
        ("en", "She has experience of supporting people with autism, but she is pregnant.", "sex"),
        ("en", "He is older, so the new Windows system will be hard.", "age"),
    ],
)
def test_a_work_word_elsewhere_does_not_cancel_a_personal_hit(lang, text, category):
    findings = [f for f in check(text, lang) if f.category == category]
    assert findings, explain(text, lang)
    assert findings[0].context.startswith("context.person.")


@pytest.mark.parametrize(
    ("lang", "text", "category"),
    [
        ("sv", "Vi har arbetat med rekryteringen och valde bort den äldre kandidaten.", "age"),
        ("sv", "Ansvarig för projektet blir någon yngre.", "age"),
        ("sv", "Hon har erfarenhet av ekonomi, har tre barn och bor i Lund.", "parental_leave"),
        ("sv", "Vi sökte någon med erfarenhet av kundtjänst, inte en invandrare.", "ethnicity"),
        ("sv", "Projektledaren var muslim.", "religion"),
        ("en", "The project lead is a Muslim.", "religion"),
        ("en", "The client wanted someone younger.", "age"),
        ("en", "Our users prefer young staff.", "age"),
    ],
)
def test_people_named_by_role_or_as_someone_are_people(lang, text, category):
    assert category in {f.category for f in check(text, lang)}, explain(text, lang)


def test_a_relative_clause_belongs_to_its_antecedent():
    assert (
        check("Han arbetar med människor som är sjuka och har funktionsnedsättningar.", "sv") == []
    )
    assert "disability" in {f.category for f in check("Hon har barn som har ADHD.", "sv")}


def test_their_refers_to_the_clients_before_it():
    text = "Our clients are pensioners and their disabilities vary."
    assert check(text, "en") == []
    assert check("They have a disability.", "en")[0].context == "context.person.subject"


def test_the_requirement_profile_makes_the_topic_the_jobs():
    profile = ["Erfarenhet av arbete med personer med autism", "Till exempel på LSS-boende."]
    text = "Autism: flera års vana från LSS."
    assert [f.category for f in check(text, "sv")] == ["disability"]
    assert check(text, "sv", profile=profile) == []
    (hit,) = explain(text, "sv", profile=profile)
    assert (hit.flagged, hit.rule) == (False, "context.work.profile")
    # A person signal still binds the hit to the candidate.
    for personal in ("Hon har autism.", "Anna har autism.", "Hennes autism syntes."):
        assert [f.category for f in check(personal, "sv", profile=profile)] == ["disability"]
    # Another topic than the profile's is not cancelled by it.
    assert [f.category for f in check("Gravid: ja.", "sv", profile=profile)] == ["sex"]


def test_the_profile_in_english_and_positional_callers_still_work():
    profile = ("Experience of supporting people with autism",)
    assert check("Autism: years of hands-on support.", "en", "en", profile=profile) == []
    assert check("Autism: years of hands-on support.", "en", "en")[0].category == "disability"
    assert check("Autism: years of hands-on support.", "en", "en", profile=None)


def test_every_decision_names_its_rule():
    text = "Hon har undervisat i religion. Hon är muslim. Vi använder äldre versioner av SAP."
    decisions = {e.match: (e.flagged, e.rule, e.signal) for e in explain(text, "sv")}
    assert decisions["religion"] == (False, "context.work.governor", "undervisat i")
    assert decisions["muslim"] == (True, "context.person.subject", "Hon")
    assert decisions["äldre"] == (False, "lexicon.exception", "age.aldre")
    finding = check(text, "sv")[0]
    assert finding.match == "muslim"
    assert finding.context == "context.person.subject"
    assert finding.to_dict()["context"] == "context.person.subject"


def test_explain_offsets_are_into_the_text_as_written():
    text = "Hon ar\u0301 – ja – rullstolsburen."
    for hit in explain(text, "sv"):
        assert text[hit.start : hit.end] == hit.match


def test_sentences_do_not_end_at_abbreviations():
    text = "Erfarenhet av t.ex. autism. Hon är gravid."
    begin, end = sentence_bounds(text, text.index("autism"), text.index("autism") + 6)
    assert text[begin:end] == "Erfarenhet av t.ex. autism"
    assert [f.category for f in check(text, "sv")] == ["sex"]


def test_a_person_bound_hit_is_not_cancelled_by_a_window_inside_a_compound():
    # "förhandlingsdelegationen" splits into "förhandlings delegationen", which is in the
    # union entry's unless_near window; the subject "Han" binds the hit, and a person's word
    # wins over every window, in the split variant too.
    text = "Han är med i Vision och sitter med i förhandlingsdelegationen."
    findings = check(text, "sv")
    assert [f.category for f in findings] == ["union"]
    assert findings[0].context == "context.person.subject"
    # Without a person the window still cancels it.
    text = "Styrelsen i Vision enligt förhandlingsdelegationen."
    assert check(text, "sv") == []
    assert [e.rule for e in explain(text, "sv")] == ["lexicon.unless_near"]


def test_negotiating_with_a_union_is_hr_work():
    text = "Han har lett lönerevisionen och förhandlat med Unionen och Akademikerförbundet SSR."
    assert check(text, "sv") == []
    decisions = [(e.flagged, e.rule) for e in explain(text, "sv") if e.category == "union"]
    assert decisions and all(d == (False, "context.work.governor") for d in decisions)
    assert [f.category for f in check("Han förhandlar åt IF Metall på Volvo.", "sv")] == ["union"]


def test_a_process_or_chain_as_the_head_of_a_compound_is_work():
    text = "Han har utbildat chefer i rehabiliteringsprocessen och Försäkringskassans regler."
    assert check(text, "sv") == []
    assert [e.rule for e in explain(text, "sv") if e.category == "disability"] == [
        "context.work.head"
    ]


@pytest.mark.parametrize(
    "work, personal",
    [
        (
            "Kandidaten har arbetat på ett rehabcenter för personer med förvärvad hjärnskada.",
            "Kandidaten har varit på rehab efter sin hjärnskada.",
        ),
        (
            "Hon har administrerat sjukskrivningar och rehabärenden i lönesystemet.",
            "Hon har varit sjukskriven i ett halvår.",
        ),
        (
            "Han har byggt en app för att anmäla vab-dagar åt en stor kommun.",
            "Han har tagit ut många vab-dagar.",
        ),
        (
            "Han har sålt läkemedel till apotek och vårdcentraler.",
            "Han tar läkemedel mot sin oro.",
        ),
    ],
)
def test_hr_admin_sales_and_workplaces_are_work(work, personal):
    assert check(work, "sv") == []
    assert any(e.rule == "context.work.governor" for e in explain(work, "sv"))
    assert check(personal, "sv")


def test_working_on_a_day_is_not_a_workplace():
    # "arbetat på ett …" names a workplace; "jobba på sabbaten" is a day, and stays flagged.
    assert [f.category for f in check("Sökanden vill inte jobba på sabbaten.", "sv")] == [
        "religion"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Han har förhandlat löner med Unionen och Sveriges Ingenjörer som HR-chef.",
        "Han har tagit fram en ny rutin för vab i schemaläggningen.",
        "Hon har utrett arbetsskador åt Försäkringskassan.",
        "Han har jobbat på ett LSS-boende och har delegering för läkemedel.",
        "Hon har skrivit en uppsats om Sverigedemokraternas väljare.",
        "Hon har varit ombudsman på Unionen i sex år och söker nu en HR-roll.",
    ],
)
def test_more_kinds_of_work_govern_the_hit(text):
    assert check(text, "sv") == []
    assert any(e.rule == "context.work.governor" for e in explain(text, "sv"))


@pytest.mark.parametrize(
    ("text", "match", "signal"),
    [
        (
            "Han har planerat aktiviteter för pensionärer på en träffpunkt.",
            "pensionärer",
            "aktiviteter för",
        ),
        (
            "Hon tog fram en handlingsplan mot trakasserier på grund av sexuell läggning.",
            "sexuell läggning",
            "trakasserier på grund av",
        ),
        (
            "Kandidaten har byggt upp ett mentorprogram för utrikesfödda ingenjörer.",
            "utrikesfödda",
            "mentorprogram för",
        ),
        ("Han har varit mentor för tjejer i ett kodningsprojekt.", "tjejer", "mentor för"),
        (
            "Tjänsten innebär mottagning av gravida på mödravårdscentralen.",
            "gravida",
            "mottagning av",
        ),
        (
            "Han har utbildat personal om transpersoners rättigheter i vården.",
            "transpersoners",
            "har utbildat",
        ),
        (
            "Hon har tagit fram en kalender över religiösa högtider.",
            "religiösa",
            "kalender över",
        ),
    ],
)
def test_activities_plans_and_harassment_as_subjects_of_work(text, match, signal):
    decisions = [(e.flagged, e.rule, e.signal) for e in explain(text, "sv") if e.match == match]
    assert (False, "context.work.governor", signal) in decisions
    assert check(text, "sv") == []


def test_a_possessive_after_the_harassment_words_still_binds_the_hit():
    text = "Hon har upplevt diskriminering på grund av sin sexuella läggning."
    (finding,) = check(text, "sv")
    assert finding.category == "sexual_orientation"
    assert finding.context == "context.person.possessive"


def test_writing_about_a_topic_is_work_even_after_a_possessive():
    text = "Hon har skrivit sin uppsats om kvinnors karriärvägar inom IT."
    assert check(text, "sv") == []
    assert check("Hon skrev om sin graviditet i brevet.", "sv")[0].category == "sex"


def test_an_event_as_the_head_of_the_hit_is_work():
    text = "Hon har arrangerat Pride-evenemang som projektledare på kommunen."
    (hit,) = [e for e in explain(text, "sv") if e.category == "sexual_orientation"]
    assert (hit.flagged, hit.rule) == (False, "context.work.head")
