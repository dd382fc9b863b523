"""Swedish work verbs, texts about a topic and compound heads: the hit as the object of
someone's work is not flagged; the same words about the candidate are. Plain pytest."""

from __future__ import annotations

import pytest

from aterkoppla.lib.language_check import check
from aterkoppla.lib.language_check.context import explain


def _categories(text: str) -> set[str]:
    return {f.category for f in check(text, "sv")}


# (category, the hit as the object of work: not flagged, about the candidate: flagged)
PAIRS = [
    # a supine after "har": a verb of work ...
    (
        "disability",
        "Som arbetsterapeut har hon förskrivit rullstolar och rullatorer.",
        "Hon har själv använt rullstol i många år.",
    ),
    (
        "union",
        "Han har hanterat varsel i samråd med facket.",
        "Han har lett en strejk på sitt förra jobb.",
    ),
    (
        "sex",
        "Kandidaten har analyserat löneskillnader mellan kvinnor och män.",
        "Kandidaten har varit gravid två gånger under anställningen.",
    ),
    # ... also with the subject after "har"
    (
        "parental_leave",
        "Som lönespecialist har han rättat avdrag för vab i lönesystemet.",
        "Som lönespecialist har han vabbat mycket.",
    ),
    # a finite verb of work before an inverted subject
    (
        "parental_leave",
        "I rollen som handläggare bedömde hon rätten till föräldrapenning.",
        "I våras var hon föräldraledig.",
    ),
    # texts and courses about a topic
    (
        "religion",
        "Hans doktorsavhandling handlar om buddhistiska kloster.",
        "Han är buddhist och mediterar på lunchen.",
    ),
    (
        "religion",
        "Hon har gått kursen Judisk historia vid Lunds universitet.",
        "Hon är judisk och firar sabbat.",
    ),
    # contact with people, people with a condition
    (
        "parental_leave",
        "Som förskollärare har hon daglig kontakt med småbarnsföräldrar.",
        "Hon är småbarnsförälder och kan inte jobba kvällar.",
    ),
    (
        "disability",
        "I tjänsten ingår att hjälpa personer med psykiska funktionsnedsättningar.",
        "Han har en psykisk funktionsnedsättning.",
    ),
    # a law, a benefit or a facility named after the topic; an elided compound
    (
        "parental_leave",
        "Hon har utbildat chefer i föräldraledighetslagen.",
        "Hon är föräldraledig till i höst.",
    ),
    (
        "disability",
        "Som försäkringshandläggare har hon hanterat sjuk- och pensionsförsäkringar.",
        "Hon är sjuk och borta mycket.",
    ),
]


@pytest.mark.parametrize(("category", "work", "person"), PAIRS)
def test_work_object_is_not_flagged_and_the_person_is(category, work, person):
    assert category not in _categories(work), explain(work, "sv")
    assert category in _categories(person), explain(person, "sv")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # verbs of what a person has, is, gets or tells about themselves still bind
        ("Hon har haft cancer två gånger.", "disability"),
        ("Kandidaten har just kommit tillbaka från föräldraledighet.", "parental_leave"),
        ("Hon har gjort ett gentest som visar ärftlig risk.", "special_category"),
        ("Han har berättat om sin diagnos, ADHD.", "disability"),
        # a cause ends the clause: the work verb before it does not govern the hit
        ("Han har arbetat deltid på grund av ryggproblem.", "disability"),
        # a benefit as a person's predicate
        ("Han har sjukersättning sedan flera år.", "disability"),
        # verbs outside the closed list of verbs of work do not govern
        ("Han har utvecklat diabetes de senaste åren.", "disability"),
        ("Han har sparat semesterdagar inför föräldraledigheten.", "parental_leave"),
        ("Hon har jobbat halvtid under sjukskrivningen.", "disability"),
        ("Sökanden vill inte jobba på sabbaten.", "religion"),
    ],
)
def test_state_verbs_and_causes_still_bind_the_hit(text, category):
    assert category in _categories(text), explain(text, "sv")


def test_the_decision_names_the_work_verb():
    text = "Han har hanterat varsel i samråd med facket."
    (hit,) = [e for e in explain(text, "sv") if e.match == "facket"]
    assert (hit.flagged, hit.rule, hit.signal) == (False, "context.work.governor", "har hanterat")
    text = "Som lönespecialist har han rättat avdrag för vab."
    (hit,) = [e for e in explain(text, "sv") if e.match == "vab"]
    assert (hit.flagged, hit.rule, hit.signal) == (False, "context.work.governor", "har han rättat")


def test_a_relative_clause_with_its_own_subject_is_no_work_head():
    text = "Han har en stark accent som kunderna klagar på."
    assert "ethnicity" in _categories(text), explain(text, "sv")
    assert check("Vi har pensionärer som målgrupp.", "sv") == []


def test_a_known_compound_is_not_read_as_a_typo():
    assert check("Vi söker en aktivitetssamordnare till äldreboendet.", "sv") == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a colleague in a relative clause is not the candidate
        ("Hon ska ersätta en medarbetare som är föräldraledig under våren.", "parental_leave"),
        ("Tjänsten är ett vikariat för en kollega som är sjukskriven.", "disability"),
        # a job ad's frame and collaboration with the union
        (
            "Arbetsuppgifter: löneadministration, vab- och sjukfrånvarorapportering.",
            "parental_leave",
        ),
        ("Rollen innebär nära samarbete med facket och skyddsombuden.", "union"),
        # discrimination as a subject of work, with a cause
        (
            "I tjänsten ingår underlag om diskriminering på grund av etnisk tillhörighet.",
            "ethnicity",
        ),
        # an inverted subject between a verb and its preposition; a role between "har" and
        # the supine
        ("Som väktare ansvarade han för säkerheten vid moskén.", "religion"),
        ("Han har som eventtekniker byggt scener åt Stockholm Pride.", "sexual_orientation"),
        # a population
        ("Hon har arbetat med medlemsvärvning bland pensionärer.", "age"),
    ],
)
def test_colleagues_job_ad_frames_and_populations_are_not_the_candidate(text, category):
    assert category not in _categories(text), explain(text, "sv")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # the colleague as the candidate's predicate is the candidate
        ("Enligt referensen var hon en medarbetare som ofta var sjukskriven.", "disability"),
        # a clause after "och" that begins with a verb keeps the subject before it
        ("Han har guidat i moskéer och ber själv fem gånger om dagen.", "religion"),
        # a person signal after the job ad's frame still binds
        ("Tjänsten innebär mycket resor och hon är gravid.", "sex"),
    ],
)
def test_the_candidate_still_binds_after_these_frames(text, category):
    assert category in _categories(text), explain(text, "sv")


def test_a_colleague_decision_names_its_rule():
    text = "Hon ska ersätta en medarbetare som är föräldraledig."
    (hit,) = [e for e in explain(text, "sv") if e.match == "föräldraledig"]
    assert (hit.flagged, hit.rule, hit.signal) == (False, "context.work.third_party", "medarbetare")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a subordinate clause drops "har"
        ("Han berättade hur han löst en tvist om ledighet under fastan.", "religion"),
        # other people's leave
        ("Du tar hänsyn till de anställdas föräldraledighet och semester.", "parental_leave"),
        # an event about a topic
        ("Hon planerade mat till en konferens om judiskt liv i Sverige.", "religion"),
    ],
)
def test_subordinate_supines_other_peoples_and_events_are_work(text, category):
    assert category not in _categories(text), explain(text, "sv")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # an adverb or a strong preterite after "att hon" is no supine
        ("Vi tror att hon snart blir mammaledig igen.", "parental_leave"),
        ("Vi märkte att han bröt på arabiska.", "ethnicity"),
        # a supine of what a person has been through still binds
        ("Vi vet att hon varit sjukskriven länge.", "disability"),
    ],
)
def test_subordinate_clauses_about_the_candidate_still_bind(text, category):
    assert category in _categories(text), explain(text, "sv")
