"""Two recruitments finished months ago, for the figures page: one team kept every promise and
called everyone it had interviewed; the other let its dates pass, sent automatic new dates,
answered late and reached only some of its interviewed candidates by phone. Candidates of both
answered the survey, so the page can set a call against a written answer.

Both are over well before the other recruitments start, so the promise sweep that runs during
the slow one's history touches nothing else.
"""

from __future__ import annotations

from aterkoppla.demo.specs import (
    REJECTED_AFTER_INTERVIEW,
    REJECTED_AT_SCREENING,
    Applicant,
    Call,
    DemoRecruitment,
    Outcome,
    Req,
    Stage,
    Survey,
    edu,
    job,
    oth,
)
from aterkoppla.recruitment.models import Criterion, Recruitment

Kind = Criterion.Kind
Category = Criterion.Category

HIRED_PATH = (Stage.SCREENING, Stage.INTERVIEW, Stage.OFFER, Stage.HIRED)

TRUCK_LICENCE = "Truckkort A+B"
TRUCK_EXPERIENCE = "Erfarenhet av truckkörning"
EVENINGS = "Kan arbeta kvällstid"


def _reached(notes: str, *, days_after: int = 1, hour: int = 10, **extra: bool) -> Call:
    return Call(Outcome.REACHED, notes, days_after=days_after, hour=hour, **extra)


# --- Kept every promise ----------------------------------------------------------------------

EVENING_SHIFT = DemoRecruitment(
    title="Truckförare till kvällsskiftet",
    description=(
        "Vi söker en truckförare till kvällsskiftet på vårt lager i Jönköping, måndag till "
        "torsdag 15–23.\n\n"
        "Du lastar och lossar gods med motviktstruck och skjutstativtruck, plockar order och "
        "ser till att lagret är säkert och i ordning till morgonskiftet."
    ),
    job_tasks=(
        "Lasta och lossa gods med motviktstruck",
        "Plocka och kontrollera order",
        "Hålla ordning och säkerhet i lagret",
    ),
    criteria=(
        Req(TRUCK_LICENCE, Kind.MUST, Category.EDUCATION, 5, 0, "Giltigt truckkort A+B."),
        Req(
            TRUCK_EXPERIENCE,
            Kind.MUST,
            Category.EXPERIENCE,
            4,
            0,
            "Minst ett års erfarenhet av att köra truck i lager eller terminal.",
        ),
        Req(EVENINGS, Kind.MUST, Category.OTHER, 3, 1, "Skiftet är 15–23 måndag till torsdag."),
        Req(
            "Noggrannhet",
            Kind.MERIT,
            Category.PERSONAL,
            2,
            1,
            "Plockar och kontrollerar order utan fel.",
        ),
    ),
    deadline_in_days=-117,
    status=Recruitment.Status.CLOSED,
    decided_days_ago=110,
    interview_place="Lagret, Lovsjövägen 4, Jönköping, personalingången",
    interview_bring="Ta med id-handling och ditt truckkort.",
    impressions=(
        "Lugn och tydlig, beskrev säkerhetsrutinerna vid lastning på ett konkret sätt.",
        "Positiv och frågvis, svarade kort men med bra exempel från terminalen.",
        "Strukturerad, berättade steg för steg hur ett plockfel hittas och rättas.",
    ),
    strengths=(
        "Lång vana av motviktstruck i högt tempo.",
        "Noggrann med säkerheten vid lastkajen.",
        "Van vid kvällsskift och att arbeta självständigt.",
    ),
    tips=(
        "Berätta mer om vilka trucktyper du har kört och hur länge.",
        "Ge gärna ett exempel på ett problem du själv har löst på lagret.",
        "Förbered en fråga om arbetsplatsen; det visar intresse.",
    ),
    applicants=(
        Applicant(
            "Mikael",
            "Strand",
            "mikael.strand@example.se",
            "070-612 44 80",
            125,
            path=HIRED_PATH,
            education=(edu("truckkort A+B", period=(None, 2012)),),
            experience=(job("truckförare", at="DHL Freight Jönköping", period=(2012, 2026)),),
            survey=Survey(10, comment="Snabbt och tydligt från början till slut."),
        ),
        Applicant(
            "Annika",
            "Holm",
            "annika.holm@example.se",
            "072-310 25 96",
            124,
            path=REJECTED_AFTER_INTERVIEW,
            education=(edu("truckkort A+B", period=(None, 2022)),),
            experience=(job("lagerarbetare", at="Elgiganten Torsvik", period=(2022, 2026)),),
            decisive=(TRUCK_EXPERIENCE,),
            explanation=(
                "Den vi anställde har många års erfarenhet av att köra motviktstruck i högt "
                "tempo. Du har kört truck mest i korta perioder."
            ),
            calls=(_reached("Gick igenom beslutet. Annika tyckte att det var tydligt."),),
            survey=Survey(9),
            joins_talent_pool="Truckförare eller lagerarbete, gärna kvällar",
        ),
        Applicant(
            "Daniel",
            "Eriksson",
            "daniel.eriksson@example.se",
            "073-845 12 07",
            123,
            path=REJECTED_AFTER_INTERVIEW,
            education=(edu("truckkort A+B", period=(None, 2019)),),
            experience=(job("terminalarbetare", at="Schenker Torsvik", period=(2019, 2026)),),
            decisive=(EVENINGS,),
            explanation=(
                "Skiftet är kvällar måndag till torsdag, och du kan arbeta kvällar bara två "
                "dagar i veckan."
            ),
            calls=(
                _reached(
                    "Gick igenom beslutet. Daniel förstod och frågade om dagtid framöver.",
                    hour=11,
                ),
            ),
            survey=Survey(10, comment="Uppskattade att ni ringde och förklarade."),
            joins_talent_pool="Truckförare på dagtid",
        ),
        Applicant(
            "Sanna",
            "Lund",
            "sanna.lund@example.se",
            "076-204 88 31",
            122,
            path=REJECTED_AFTER_INTERVIEW,
            education=(edu("truckkort A", period=(None, 2023)),),
            experience=(job("lagerarbetare", at="IKEA Distribution Torsvik", period=(2023, 2026)),),
            partly=(TRUCK_LICENCE,),
            decisive=(TRUCK_LICENCE,),
            explanation=(
                "Tjänsten kräver truckkort A+B för att köra skjutstativtruck. Du har truckkort A."
            ),
            calls=(
                _reached(
                    "Gick igenom beslutet och vad B-behörigheten innebär.",
                    hour=13,
                ),
            ),
            survey=Survey(9),
        ),
        Applicant(
            "Peter",
            "Wallin",
            "peter.wallin@example.se",
            "070-998 13 54",
            121,
            path=REJECTED_AFTER_INTERVIEW,
            education=(edu("truckkort A+B", period=(None, 2020)),),
            experience=(job("chaufför", at="Jönköpings Taxi", period=(2015, 2026)),),
            decisive=(TRUCK_EXPERIENCE,),
            explanation=(
                "Den vi anställde har lång erfarenhet av truck i lager. Din erfarenhet är "
                "främst som chaufför, och truck har du kört mindre."
            ),
            calls=(
                _reached("Gick igenom beslutet. Peter ville veta vad som vägde tyngst.", hour=14),
            ),
            survey=Survey(8, clear_reason="partly"),
        ),
        Applicant(
            "Grace",
            "Okafor",
            "grace.okafor@example.com",
            "072-417 66 20",
            120,
            path=REJECTED_AFTER_INTERVIEW,
            language="en",
            education=(edu("forklift licence A+B", period=(None, 2021)),),
            experience=(job("warehouse operative", at="Amazon Eskilstuna", period=(2021, 2026)),),
            decisive=(TRUCK_EXPERIENCE,),
            explanation=(
                "The person we hired has longer experience of driving counterbalance trucks. "
                "Your experience is mainly of order picking."
            ),
            calls=(
                _reached("Gick igenom beslutet på engelska. Grace tackade för samtalet.", hour=15),
            ),
            survey=Survey(10),
        ),
        *(
            Applicant(
                first,
                last,
                f"{first.lower()}.{last.lower()}@example.se",
                phone,
                days,
                path=REJECTED_AT_SCREENING,
                education=(edu("B-körkort", period=(None, 2018)),),
                experience=(job(role, at=employer, period=(2018, 2026)),),
                lacks=(TRUCK_LICENCE,),
                rejection_reason=(
                    "Tjänsten kräver truckkort A+B, och det framgick inte av din ansökan."
                ),
                survey=survey,
            )
            for first, last, phone, days, role, employer, survey in (
                ("Olof", "Nyberg", "070-301 55 12", 124, "budbilsförare", "Bring", Survey(8)),
                ("Jenny", "Falk", "073-502 61 44", 123, "butikssäljare", "Biltema", Survey(7)),
                ("Reza", "Karimi", "076-118 40 92", 122, "lokalvårdare", "ISS", Survey(9)),
                (
                    "Emelie",
                    "Borg",
                    "072-660 73 18",
                    121,
                    "kassabiträde",
                    "ICA Maxi",
                    Survey(6, clear_reason="partly"),
                ),
                ("Hampus", "Lind", "070-744 09 63", 119, "montör", "Husqvarna", Survey(10)),
            )
        ),
    ),
)


# --- Let its promises pass -------------------------------------------------------------------

TMS = "Vana av TMS-system"
PLANNING = "Erfarenhet av transportplanering"

PLANNER = DemoRecruitment(
    title="Transportplanerare",
    description=(
        "Vi söker en transportplanerare som planerar våra transporter från lagret i "
        "Jönköping till kunder i hela Norden.\n\n"
        "Du bokar transporter i vårt TMS-system, har daglig kontakt med åkerier och kunder "
        "och löser det som händer när en leverans blir försenad."
    ),
    job_tasks=(
        "Planera dagens och morgondagens transporter",
        "Boka transporter i TMS-systemet",
        "Ha kontakt med åkerier och kunder",
    ),
    criteria=(
        Req(
            PLANNING,
            Kind.MUST,
            Category.EXPERIENCE,
            5,
            0,
            "Minst två års erfarenhet av att planera transporter.",
        ),
        Req(
            "Utbildning inom logistik",
            Kind.MUST,
            Category.EDUCATION,
            4,
            0,
            "YH-utbildning eller högskoleutbildning inom logistik, eller motsvarande.",
        ),
        Req(TMS, Kind.MERIT, Category.SKILL, 3, 1, "Har arbetat i ett TMS-system."),
        Req(
            "Goda kunskaper i engelska",
            Kind.MERIT,
            Category.SKILL,
            2,
            2,
            "Skriver och talar engelska med åkerier i andra länder.",
        ),
    ),
    deadline_in_days=-85,
    status=Recruitment.Status.CLOSED,
    decided_days_ago=55,
    # The team was short-handed: the promise sweep sent new dates, then only staff could act.
    promise_sweeps=True,
    interview_place="Huvudkontoret, Jönköping, reception",
    impressions=(
        "Erfaren och lugn, beskrev hur en försenad leverans hanteras steg för steg.",
        "Engagerad men allmän i svaren; få exempel från planeringen.",
        "Tydlig och analytisk, med egna idéer om hur körningarna kan samordnas.",
    ),
    strengths=(
        "Van att planera många körningar samtidigt.",
        "Bra kontakt med åkerier, även på engelska.",
        "Har arbetat i två olika TMS-system.",
    ),
    tips=(
        "Ge fler exempel med siffror, till exempel hur många transporter per dag.",
        "Berätta mer om hur du själv löste ett problem med en leverans.",
        "Beskriv din erfarenhet av TMS-system mer i detalj.",
    ),
    applicants=(
        Applicant(
            "Karin",
            "Åberg",
            "karin.aberg@example.se",
            "070-455 21 38",
            95,
            path=HIRED_PATH,
            education=(
                edu("logistik", level="vocational", at="YH Jönköping", period=(None, 2015)),
            ),
            experience=(job("transportplanerare", at="PostNord Jönköping", period=(2015, 2026)),),
            other=(oth("TMS-systemet Transwide"),),
            survey=Survey(7, comment="Bra intervju, men det tog lång tid innan jag fick besked."),
        ),
        Applicant(
            "Jonas",
            "Hedlund",
            "jonas.hedlund@example.se",
            "073-220 67 45",
            94,
            path=REJECTED_AFTER_INTERVIEW,
            education=(edu("logistik", level="vocational", period=(None, 2020)),),
            experience=(job("transportledare", at="DSV Jönköping", period=(2020, 2026)),),
            decisive=(TMS,),
            explanation=(
                "Den vi anställde har flera års vana av att boka i ett TMS-system. Du har "
                "planerat transporter men inte arbetat i något sådant system."
            ),
            calls=(
                Call(Outcome.NO_ANSWER, "Inget svar.", days_after=3),
                _reached("Gick igenom beslutet. Jonas undrade varför det dröjde.", days_after=4),
            ),
            survey=Survey(7, clear_reason="yes", respectful="partly"),
        ),
        Applicant(
            "Elin",
            "Sundberg",
            "elin.sundberg@example.se",
            "076-533 19 02",
            93,
            path=REJECTED_AFTER_INTERVIEW,
            education=(edu("logistik", level="bachelor", period=(None, 2023)),),
            experience=(job("logistikassistent", at="Husqvarna", period=(2023, 2026)),),
            partly=(PLANNING,),
            decisive=(PLANNING,),
            explanation=(
                "Den vi anställde har lång erfarenhet av att planera transporter själv. Din "
                "erfarenhet gäller mest att följa upp leveranser."
            ),
            calls=(
                _reached(
                    "Gick igenom beslutet. Elin tyckte att beskedet var tydligt.", days_after=3
                ),
            ),
            survey=Survey(9),
            joins_talent_pool="Transportplanering eller logistik",
        ),
        Applicant(
            "Tobias",
            "Ek",
            "tobias.ek@example.se",
            "070-871 36 59",
            92,
            path=REJECTED_AFTER_INTERVIEW,
            education=(edu("logistik", level="vocational", period=(None, 2018)),),
            experience=(job("åkeriplanerare", at="Jönköpings Åkeri", period=(2018, 2026)),),
            decisive=(TMS,),
            explanation=(
                "Den vi anställde har längre vana av att boka i ett TMS-system, vilket är en "
                "stor del av arbetet."
            ),
            calls=(
                _reached("Gick igenom beslutet. Tobias frågade om fler tjänster.", days_after=5),
            ),
            survey=Survey(8, clear_reason="partly"),
        ),
        Applicant(
            "Maja",
            "Persson",
            "maja.persson@example.se",
            "072-198 54 70",
            91,
            path=REJECTED_AFTER_INTERVIEW,
            education=(edu("logistik", level="vocational", period=(None, 2021)),),
            experience=(job("orderhandläggare", at="Fagerhult", period=(2021, 2026)),),
            decisive=(PLANNING,),
            explanation=(
                "Den vi anställde har flera års erfarenhet av transportplanering. Din "
                "erfarenhet gäller främst orderhantering."
            ),
            calls=tuple(
                Call(Outcome.NO_ANSWER, "Inget svar.", days_after=days, hour=hour)
                for days, hour in ((2, 10), (2, 15), (3, 11))
            ),
            survey=Survey(3, clear_reason="no", respectful="partly"),
        ),
        Applicant(
            "Viktor",
            "Lundgren",
            "viktor.lundgren@example.se",
            "073-640 28 13",
            90,
            path=REJECTED_AFTER_INTERVIEW,
            education=(edu("logistik", level="bachelor", period=(None, 2019)),),
            experience=(job("inköpare", at="Swedish Match", period=(2019, 2026)),),
            decisive=(PLANNING,),
            explanation=(
                "Den vi anställde har lång erfarenhet av transportplanering. Din erfarenhet "
                "gäller främst inköp."
            ),
            calls=tuple(
                Call(Outcome.VOICEMAIL, "Lämnade meddelande.", days_after=days, hour=hour)
                for days, hour in ((2, 11), (2, 16), (3, 9))
            ),
            survey=Survey(4, clear_reason="partly", respectful="partly"),
        ),
        *(
            Applicant(
                first,
                last,
                email,
                phone,
                days,
                path=REJECTED_AT_SCREENING,
                language=language,
                education=(edu(field, period=(None, 2019)),),
                experience=(job(role, at=employer, period=(2019, 2026)),),
                lacks=(PLANNING,),
                rejection_reason=reason,
                survey=survey,
            )
            for (
                first,
                last,
                email,
                phone,
                days,
                language,
                field,
                role,
                employer,
                reason,
                survey,
            ) in (
                (
                    "Lina",
                    "Axelsson",
                    "lina.axelsson@example.se",
                    "070-122 36 47",
                    94,
                    "sv",
                    "ekonomi",
                    "kundtjänstmedarbetare",
                    "Telia",
                    "Tjänsten kräver minst två års erfarenhet av transportplanering, och det "
                    "framgick inte av din ansökan.",
                    Survey(2, clear_reason="no", respectful="partly"),
                ),
                (
                    "Oskar",
                    "Mattsson",
                    "oskar.mattsson@example.se",
                    "073-455 80 21",
                    93,
                    "sv",
                    "logistik",
                    "lagerarbetare",
                    "Postnord",
                    "Tjänsten kräver minst två års erfarenhet av transportplanering, och det "
                    "framgick inte av din ansökan.",
                    Survey(5, clear_reason="partly"),
                ),
                (
                    "Sara",
                    "Nilsson",
                    "sara.nilsson@example.se",
                    "076-901 12 34",
                    92,
                    "sv",
                    "samhällsvetenskap",
                    "butikssäljare",
                    "Lindex",
                    "Tjänsten kräver minst två års erfarenhet av transportplanering, och det "
                    "framgick inte av din ansökan.",
                    Survey(6),
                ),
                (
                    "Tom",
                    "Baker",
                    "tom.baker@example.com",
                    "072-381 46 05",
                    91,
                    "en",
                    "business studies",
                    "sales assistant",
                    "Clas Ohlson",
                    "The job requires at least two years of experience of transport planning, "
                    "which your application did not show.",
                    Survey(3, clear_reason="no", respectful="no"),
                ),
                (
                    "Nora",
                    "Berglund",
                    "nora.berglund@example.se",
                    "070-663 27 98",
                    89,
                    "sv",
                    "logistik",
                    "truckförare",
                    "Schenker",
                    "Tjänsten kräver minst två års erfarenhet av transportplanering, och det "
                    "framgick inte av din ansökan.",
                    Survey(7, comment="Jag fick vänta länge på besked."),
                ),
            )
        ),
    ),
)

PAST = (EVENING_SHIFT, PLANNER)
