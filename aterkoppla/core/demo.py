"""Demo data: four recruitments with their teams, profiles and about forty applications.

Everything is built through the services, so the demo has the same timelines, promised answer
dates and invariants as real use, and it breaks loudly when a service's rules change. Dates are
relative to today, so the demo always looks current. Nothing is random: two loads on the same
day give the same data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TextIO

from django.db import transaction
from django.utils import timezone

from aterkoppla.accounts.models import User
from aterkoppla.applications.models import Application
from aterkoppla.applications.services import (
    application_move,
    application_receive,
    applications_close,
)
from aterkoppla.assessment.models import Interview, Rating, Scorecard, Screening
from aterkoppla.assessment.services import application_mark_for_rejection
from aterkoppla.lib.workdays import add_working_days
from aterkoppla.organisation.models import Organisation
from aterkoppla.recruitment.models import Criterion, Recruitment, TeamMembership
from aterkoppla.recruitment.services import (
    criterion_add,
    profile_freeze,
    recruitment_create,
    team_member_add,
)
from aterkoppla.timeline.models import TimelineEvent

Stage = Application.Stage
Kind = Criterion.Kind
Category = Criterion.Category
Role = TeamMembership.Role


# --- Users -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    first_name: str
    last_name: str
    description: str
    site_admin: bool = False

    @property
    def email(self) -> str:
        return f"{self.username}@example.se"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


RECRUITER = DemoUser(
    "rekryterare", "demo-rekryterare", "Rebecka", "Lind", "recruiter, owns every demo recruitment"
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
class Applicant:
    first_name: str
    last_name: str
    email: str
    phone: str
    days_ago: int
    # The stages the application went through after `received`, in order.
    path: tuple[str, ...] = ()
    language: str = "sv"
    education: tuple[str, ...] = ()
    experience: tuple[str, ...] = ()
    other: tuple[str, ...] = ()
    # A promise, in working days from today, made at the last open stage instead of the
    # default; used to put a "promise due" on the dashboard.
    reply_in: int | None = None
    # Screening proposed a rejection, with this reason for the candidate.
    rejection_reason: str = ""

    def merits(self) -> dict[str, list[str]]:
        return {
            "education": list(self.education),
            "experience": list(self.experience),
            "other": list(self.other),
        }


@dataclass(frozen=True)
class DemoRecruitment:
    title: str
    description: str
    job_tasks: tuple[str, ...]
    criteria: tuple[Req, ...]
    applicants: tuple[Applicant, ...]
    # Days from today: positive is ahead, negative has passed.
    deadline_in_days: int
    status: str = Recruitment.Status.OPEN
    language: str = "sv"
    interviewers: tuple[DemoUser, ...] = ()


SCREENED = (Stage.SCREENING,)
INTERVIEWED = (Stage.SCREENING, Stage.INTERVIEW)
REJECTED_AT_SCREENING = (Stage.SCREENING, Stage.REJECTED)
REJECTED_AFTER_INTERVIEW = (Stage.SCREENING, Stage.INTERVIEW, Stage.REJECTED)

WAREHOUSE = DemoRecruitment(
    title="Lagerarbetare till vårt lager i Jönköping",
    description=(
        "Vi är ett familjeägt grossistföretag som levererar verktyg och byggmaterial till "
        "butiker och e-handelskunder i hela Norden. Nu växer vi och söker fler lagerarbetare "
        "till vårt centrallager på Torsvik i Jönköping.\n\n"
        "Du blir en del av ett arbetslag på ett trettiotal personer och arbetar tvåskift "
        "måndag till fredag, 06.00–14.30 och 14.30–23.00 varannan vecka. Tjänsten är en "
        "tillsvidareanställning på heltid med sex månaders provanställning, och lön enligt "
        "kollektivavtal.\n\n"
        "Vi gör urval löpande, så skicka gärna in din ansökan redan i dag. Alla som söker får "
        "besked av oss."
    ),
    job_tasks=(
        "Plock och pack av kundorder",
        "Truckkörning och påfyllning av plockplatser",
        "Godsmottagning och kontroll av inleveranser",
        "Inventering och ordning i lagret",
    ),
    criteria=(
        Req(
            "Truckkort A+B",
            Kind.MUST,
            Category.EDUCATION,
            5,
            1,
            "Giltigt truckkort för ledstaplare och motviktstruck (behörighet A och B).",
        ),
        Req(
            "Erfarenhet av lagerarbete",
            Kind.MUST,
            Category.EXPERIENCE,
            4,
            0,
            "Minst ett års erfarenhet av plock, pack eller godsmottagning.",
        ),
        Req(
            "Kan arbeta tvåskift",
            Kind.MUST,
            Category.OTHER,
            3,
            0,
            "Arbetstiderna växlar veckovis mellan förmiddag och kväll.",
        ),
        Req(
            "Vana av lagersystem och handdator",
            Kind.MERIT,
            Category.SKILL,
            3,
            2,
            "Har arbetat i ett lagersystem (WMS), till exempel Astro WMS eller SAP EWM.",
        ),
        Req(
            "Noggrannhet",
            Kind.MERIT,
            Category.PERSONAL,
            3,
            3,
            "Rätt vara i rätt mängd: vi följer upp plockfel och saldodifferenser.",
        ),
    ),
    interviewers=(INTERVIEWER,),
    deadline_in_days=10,
    applicants=(
        Applicant(
            "Anna",
            "Johansson",
            "anna.johansson@example.se",
            "070-214 36 58",
            1,
            education=("Truckkort A+B, 2018",),
            experience=(
                "Lagerarbetare, DB Schenker Jönköping, 2018–2024",
                "Plockare, Apotea Morgongåva, 2016–2018",
            ),
            other=("B-körkort",),
        ),
        Applicant(
            "Mohammed",
            "Al-Rashid",
            "mohammed.alrashid@example.se",
            "072-318 44 02",
            2,
            education=(
                "Gymnasieexamen, Fordons- och transportprogrammet, 2015",
                "Truckkort A+B, 2021",
            ),
            experience=("Lagermedarbetare, Elgiganten centrallager Jönköping, 2021–2025",),
            other=("B-körkort", "C-körkort"),
        ),
        Applicant(
            "Emma",
            "Lindqvist",
            "emma.lindqvist@example.se",
            "073-555 12 90",
            3,
            education=(
                "Gymnasieexamen, Handels- och administrationsprogrammet, 2022",
                "Truckkort A, 2023",
            ),
            experience=("Butiksmedarbetare, ICA Maxi Jönköping, 2022–2025",),
        ),
        Applicant(
            "Oskar",
            "Nilsson",
            "oskar.nilsson@example.com",
            "076-204 88 13",
            4,
            education=("Truckkort A+B, 2020",),
            experience=(
                "Truckförare, Husqvarna Huskvarna, 2020–2025",
                "Lagerarbetare via bemanningsföretag, 2019–2020",
            ),
            other=("B-körkort", "Utbildning i Heta arbeten, 2022"),
        ),
        Applicant(
            "Fatima",
            "Hassan",
            "fatima.hassan@example.se",
            "070-482 19 77",
            5,
            education=("Truckkort A+B, 2022", "Komvux, svenska som andraspråk, 2020"),
            experience=("Plockare, Lekia e-handelslager Jönköping, 2022–2025",),
        ),
        Applicant(
            "Piotr",
            "Kowalski",
            "piotr.kowalski@example.com",
            "076-913 50 28",
            6,
            language="en",
            education=("Forklift licence A+B (Swedish truckkort), 2019",),
            experience=(
                "Warehouse operative, DHL Supply Chain Poznań, 2014–2019",
                "Warehouse worker, PostNord Jönköping, 2019–2025",
            ),
            other=("Driving licence B",),
        ),
        Applicant(
            "Ida",
            "Hedlund",
            "ida.hedlund@example.se",
            "073-640 27 15",
            2,
            education=("Gymnasieexamen, Ekonomiprogrammet, 2019",),
            experience=(
                "Kundtjänstmedarbetare, Jönköping Energi, 2021–2025",
                "Lagerarbetare, sommarjobb, Dahl Sverige Jönköping, 2018–2020",
            ),
            other=("B-körkort",),
        ),
        Applicant(
            "Johan",
            "Berg",
            "johan.berg@example.se",
            "070-733 61 04",
            8,
            path=SCREENED,
            education=("Truckkort A+B, 2017",),
            experience=("Lagerarbetare, Bring Jönköping, 2017–2025",),
            other=("B-körkort",),
        ),
        Applicant(
            "Sofia",
            "Karlsson",
            "sofia.karlsson@example.se",
            "072-156 93 40",
            9,
            path=INTERVIEWED,
            education=("Truckkort A+B, 2021",),
            experience=(
                "Godsmottagare, Clas Ohlson distributionscentral Insjön, 2021–2024",
                "Lagerarbetare, Stadium e-handel Norrköping, 2024–2025",
            ),
            other=("Arbetat i Astro WMS",),
        ),
        Applicant(
            "Ali",
            "Yilmaz",
            "ali.yilmaz@example.com",
            "073-208 74 56",
            10,
            path=INTERVIEWED,
            education=("Truckkort A+B, 2019",),
            experience=("Lagerarbetare, Kährs Nybro, 2019–2025",),
            other=("B-körkort",),
        ),
        Applicant(
            "Gunnel",
            "Ek",
            "",
            "036-71 22 45",
            6,
            path=SCREENED,
            education=("Truckkort A, 1998",),
            experience=("Kassabiträde, Konsum Jönköping, 1995–2020",),
            rejection_reason=(
                "Tjänsten kräver truckkort A+B och minst två års erfarenhet av lagerarbete, "
                "och det framgick inte av din ansökan."
            ),
        ),
        Applicant(
            "Elin",
            "Andersson",
            "elin.andersson@example.se",
            "076-337 80 92",
            11,
            path=SCREENED,
            education=("Truckkort A+B, 2024",),
            experience=(
                "Lagerarbetare, Jula centrallager Skara, 2024–2025",
                "Kassapersonal, Willys Jönköping, 2021–2024",
            ),
        ),
        Applicant(
            "Marcus",
            "Eriksson",
            "marcus.eriksson@example.se",
            "070-925 46 31",
            13,
            path=INTERVIEWED,
            education=("Truckkort A+B, 2016", "Utbildning i arbetsmiljö och ergonomi, 2021"),
            experience=("Lagerarbetare och skyddsombud, Schenker Jönköping, 2016–2025",),
            other=("B-körkort", "Arbetat i SAP EWM"),
        ),
        Applicant(
            "Hanna",
            "Svensson",
            "hanna.svensson@example.se",
            "072-471 05 86",
            14,
            path=INTERVIEWED,
            education=("Truckkort A+B, 2020",),
            experience=("Plockare och inventerare, Elkjøp Norden Jönköping, 2020–2025",),
            other=("B-körkort",),
        ),
        Applicant(
            "Nils",
            "Persson",
            "nils.persson@example.com",
            "073-862 39 20",
            15,
            path=REJECTED_AT_SCREENING,
            education=("Gymnasieexamen, Bygg- och anläggningsprogrammet, 2023",),
            experience=("Byggarbetare, sommarjobb, 2022–2023",),
        ),
        Applicant(
            "Sara",
            "Ahmadi",
            "sara.ahmadi@example.se",
            "076-581 23 47",
            12,
            path=(Stage.REJECTED,),
            education=("Gymnasieexamen, Barn- och fritidsprogrammet, 2024",),
            experience=("Elevassistent, Jönköpings kommun, 2024–2025",),
        ),
        Applicant(
            "Viktor",
            "Holm",
            "viktor.holm@example.se",
            "070-649 70 38",
            16,
            path=(Stage.SCREENING, Stage.WITHDRAWN),
            education=("Truckkort A+B, 2015",),
            experience=("Lagerarbetare, Bring Frigo Jönköping, 2015–2025",),
            other=("B-körkort", "C-körkort"),
        ),
    ),
)

BACKEND = DemoRecruitment(
    title="Backend-utvecklare (Python/Django)",
    description=(
        "Vi bygger tjänsterna som håller ordning på order, lager och leveranser åt hundratals "
        "butiker. Nu söker vi en backend-utvecklare som vill ta ansvar för våra webbtjänster "
        "och API:er i Python och Django, i ett team på sex utvecklare och en produktägare.\n\n"
        "Hos oss jobbar du nära verksamheten och ser direkt vad din kod gör för lagret och "
        "kunderna. Vi arbetar med korta iterationer, kodgranskning och automatiska tester, och "
        "vi driftar det vi bygger själva. Du utgår från kontoret i Jönköping, med möjlighet "
        "att arbeta hemifrån två dagar i veckan.\n\n"
        "Tjänsten är en tillsvidareanställning på heltid. Vi gör urval löpande och tjänsten "
        "kan tillsättas före sista ansökningsdag."
    ),
    job_tasks=(
        "Utveckla och underhålla våra webbtjänster i Python och Django",
        "Bygga och dokumentera REST-API:er för kunder och partner",
        "Granska kod och skriva automatiska tester",
        "Förbättra drift, övervakning och prestanda tillsammans med teamet",
    ),
    criteria=(
        Req(
            "Erfarenhet av Python",
            Kind.MUST,
            Category.EXPERIENCE,
            5,
            0,
            "Minst tre års yrkeserfarenhet av utveckling i Python.",
        ),
        Req(
            "Erfarenhet av Django",
            Kind.MUST,
            Category.SKILL,
            4,
            0,
            "Har byggt och drivit minst en Django-applikation i produktion.",
        ),
        Req(
            "Automatiska tester",
            Kind.MUST,
            Category.SKILL,
            3,
            2,
            "Skriver tester som en naturlig del av arbetet, till exempel med pytest.",
        ),
        Req(
            "API-design",
            Kind.MERIT,
            Category.SKILL,
            3,
            1,
            "Vana att designa och versionera REST-API:er, gärna beskrivna med OpenAPI.",
        ),
        Req(
            "PostgreSQL och drift",
            Kind.MERIT,
            Category.EXPERIENCE,
            2,
            3,
            "Har modellerat, optimerat och övervakat PostgreSQL-databaser i produktion.",
        ),
        Req(
            "Högskoleutbildning inom data",
            Kind.MERIT,
            Category.EDUCATION,
            1,
            0,
            "Examen inom datavetenskap, systemvetenskap eller motsvarande kunskaper.",
        ),
    ),
    deadline_in_days=17,
    interviewers=(INTERVIEWER,),
    applicants=(
        Applicant(
            "Erik",
            "Sandberg",
            "erik.sandberg@example.se",
            "070-318 52 64",
            1,
            education=("Civilingenjör, datateknik, Linköpings universitet, 2017",),
            experience=(
                "Backend-utvecklare (Python), Saab Linköping, 2017–2021",
                "Utvecklare (Python/Django), Tibber, 2021–2025",
            ),
        ),
        Applicant(
            "Priya",
            "Nair",
            "priya.nair@example.com",
            "072-640 18 39",
            2,
            language="en",
            education=("B.Tech. in Computer Science, University of Kerala, 2015",),
            experience=(
                "Software engineer (Python), Infosys Bengaluru, 2015–2019",
                "Backend developer (Django), Klarna Stockholm, 2019–2025",
            ),
            other=("AWS Certified Developer – Associate, 2022",),
        ),
        Applicant(
            "Linnea",
            "Forsberg",
            "linnea.forsberg@example.se",
            "073-127 90 45",
            3,
            education=("YH-examen, Javautvecklare, EC Utbildning, 2022",),
            experience=("Utvecklare (Java och Python), Jönköpings kommun, 2022–2025",),
        ),
        Applicant(
            "David",
            "Öberg",
            "david.oberg@example.se",
            "076-455 03 81",
            5,
            path=SCREENED,
            education=("Högskoleingenjör, datateknik, Jönköping University, 2019",),
            experience=("Fullstack-utvecklare (Django/React), Combitech Jönköping, 2019–2025",),
        ),
        Applicant(
            "Tomás",
            "García",
            "tomas.garcia@example.com",
            "070-862 27 13",
            6,
            path=SCREENED,
            language="en",
            education=("Grado en Ingeniería Informática, Universidad de Sevilla, 2016",),
            experience=(
                "Python developer, Cabify Madrid, 2016–2020",
                "Backend engineer (Django, PostgreSQL), Northvolt Västerås, 2020–2025",
            ),
            other=("Speaker at DjangoCon Europe, 2023",),
        ),
        Applicant(
            "Amina",
            "Warsame",
            "amina.warsame@example.se",
            "072-903 46 70",
            9,
            path=INTERVIEWED,
            reply_in=2,
            education=("Kandidatexamen i systemvetenskap, Högskolan i Skövde, 2018",),
            experience=(
                "Systemutvecklare (Python), Volvo Cars Göteborg, 2018–2022",
                "Backend-utvecklare (Django, PostgreSQL), Apotea, 2022–2025",
            ),
        ),
        Applicant(
            "Jonas",
            "Wikström",
            "jonas.wikstrom@example.se",
            "073-281 65 09",
            10,
            path=INTERVIEWED,
            education=("Civilingenjör, teknisk fysik, KTH, 2014",),
            experience=(
                "Utvecklare (Python), Spotify Stockholm, 2014–2019",
                "Tech lead (Django), Husqvarna Group Huskvarna, 2019–2025",
            ),
            other=("Bidragit till Django REST framework",),
        ),
        Applicant(
            "Wei",
            "Chen",
            "wei.chen@example.com",
            "076-714 38 52",
            11,
            path=INTERVIEWED,
            language="en",
            education=("MSc in Computer Science, Chalmers University of Technology, 2019",),
            experience=("Software developer (Python, FastAPI), Ericsson Göteborg, 2019–2025",),
        ),
        Applicant(
            "Karin",
            "Holmberg",
            "karin.holmberg@example.se",
            "070-567 21 98",
            12,
            path=(Stage.SCREENING, Stage.INTERVIEW, Stage.OFFER),
            education=("Kandidatexamen i datavetenskap, Lunds universitet, 2016",),
            experience=(
                "Backend-utvecklare (Django), Ikea IT Älmhult, 2016–2021",
                "Senior utvecklare (Python, PostgreSQL), Fortnox Växjö, 2021–2025",
            ),
            other=("Certified Kubernetes Application Developer, 2023",),
        ),
        Applicant(
            "Gustav",
            "Lund",
            "gustav.lund@example.se",
            "072-134 77 26",
            7,
            path=REJECTED_AT_SCREENING,
            education=("Webbutvecklare, Nackademin, 2024",),
            experience=("Praktik som frontendutvecklare, webbyrå i Jönköping, 2024",),
        ),
        Applicant(
            "Mattias",
            "Björk",
            "mattias.bjork@example.se",
            "073-496 12 83",
            13,
            path=REJECTED_AFTER_INTERVIEW,
            education=("Högskoleingenjör, elektroteknik, Högskolan i Halmstad, 2012",),
            experience=(
                "Inbyggda system (C), Getinge Halmstad, 2012–2020",
                "Utvecklare (Python), Elmia Jönköping, 2020–2025",
            ),
        ),
        Applicant(
            "Julia",
            "Ek",
            "julia.ek@example.se",
            "076-248 59 16",
            8,
            path=(Stage.SCREENING, Stage.WITHDRAWN),
            education=("Kandidatexamen i informatik, Linnéuniversitetet, 2020",),
            experience=("Backend-utvecklare (Python), Visma Växjö, 2020–2025",),
        ),
    ),
)

FINANCE = DemoRecruitment(
    title="Ekonomiassistent",
    description=(
        "Vill du arbeta med ekonomi i ett företag där du gör skillnad varje dag? Vi söker en "
        "ekonomiassistent till vår ekonomiavdelning på fem personer på huvudkontoret i "
        "Jönköping.\n\n"
        "Du ansvarar för leverantörs- och kundreskontran, bokför löpande och hjälper till vid "
        "månads- och årsbokslut. Du är den som kollegor och leverantörer vänder sig till med "
        "frågor om fakturor, så du behöver trivas med att ge service.\n\n"
        "Tjänsten är en tillsvidareanställning på heltid med start enligt överenskommelse. Vi "
        "arbetar i Visma Business."
    ),
    job_tasks=(
        "Hantera leverantörsreskontra och kundreskontra",
        "Bokföra löpande verifikationer och stämma av konton",
        "Medverka i månads- och årsbokslut",
        "Svara på frågor om fakturor från leverantörer och kollegor",
    ),
    criteria=(
        Req(
            "Erfarenhet av reskontra",
            Kind.MUST,
            Category.EXPERIENCE,
            5,
            0,
            "Minst två års erfarenhet av leverantörs- eller kundreskontra.",
        ),
        Req(
            "Utbildning inom ekonomi",
            Kind.MUST,
            Category.EDUCATION,
            4,
            1,
            "Gymnasieutbildning med ekonomiinriktning, YH-utbildning inom redovisning eller "
            "motsvarande.",
        ),
        Req(
            "Vana av affärssystem",
            Kind.MERIT,
            Category.SKILL,
            3,
            1,
            "Har arbetat i Visma, Fortnox eller ett liknande ekonomisystem.",
        ),
        Req(
            "Goda kunskaper i Excel",
            Kind.MERIT,
            Category.SKILL,
            2,
            2,
            "Använder formler, filter och pivottabeller vid avstämningar.",
        ),
        Req(
            "Serviceinriktad",
            Kind.MERIT,
            Category.PERSONAL,
            3,
            3,
            "Ger tydliga och vänliga svar i telefon och mejl.",
        ),
    ),
    deadline_in_days=-9,
    status=Recruitment.Status.CLOSED,
    applicants=(
        Applicant(
            "Maria",
            "Lindgren",
            "maria.lindgren@example.se",
            "070-274 83 15",
            34,
            path=(Stage.SCREENING, Stage.INTERVIEW, Stage.OFFER, Stage.HIRED),
            education=("YH-examen, Redovisningsekonom, Jönköping University, 2018",),
            experience=(
                "Ekonomiassistent, Fläkt Group Jönköping, 2018–2022",
                "Redovisningsassistent, Grant Thornton Jönköping, 2022–2025",
            ),
            other=("Arbetat i Visma Business och Fortnox",),
        ),
        Applicant(
            "Sanna",
            "Mäkinen",
            "sanna.makinen@example.se",
            "073-915 40 62",
            32,
            path=(Stage.SCREENING, Stage.INTERVIEW, Stage.RESERVE),
            education=("Gymnasieexamen, Ekonomiprogrammet, 2015", "Kurs i bokslut, Komvux, 2020"),
            experience=("Reskontraansvarig, Jönköpings Bildemontering, 2016–2025",),
            other=("Arbetat i Fortnox",),
        ),
        Applicant(
            "Ahmed",
            "Osman",
            "ahmed.osman@example.se",
            "076-382 15 97",
            30,
            path=REJECTED_AFTER_INTERVIEW,
            education=("Kandidatexamen i företagsekonomi, Jönköping University, 2021",),
            experience=("Ekonomiassistent, Region Jönköpings län, 2021–2025",),
        ),
        Applicant(
            "Lena",
            "Sjöberg",
            "lena.sjoberg@example.se",
            "070-159 62 48",
            27,
            path=REJECTED_AFTER_INTERVIEW,
            education=("Gymnasieexamen, Handelsprogrammet, 1995",),
            experience=("Löne- och ekonomiassistent, Tenhults Möbler, 2005–2025",),
            other=("Arbetat i Hogia och Excel",),
        ),
        Applicant(
            "Rebecca",
            "Olsson",
            "rebecca.olsson@example.com",
            "072-845 30 71",
            24,
            path=REJECTED_AT_SCREENING,
            education=("Gymnasieexamen, Samhällsvetenskapsprogrammet, 2023",),
            experience=("Kassabiträde, Coop Jönköping, 2023–2025",),
        ),
        Applicant(
            "Kristoffer",
            "Dahl",
            "kristoffer.dahl@example.se",
            "073-527 68 14",
            22,
            path=REJECTED_AT_SCREENING,
            education=("YH-examen, Redovisningskonsult, 2025",),
            experience=("LIA-praktik, redovisningsbyrå i Värnamo, 2025",),
        ),
        Applicant(
            "Ida",
            "Hedlund",
            "ida.hedlund@example.se",
            "073-640 27 15",
            19,
            path=REJECTED_AT_SCREENING,
            education=("Gymnasieexamen, Ekonomiprogrammet, 2019",),
            experience=("Kundtjänstmedarbetare, Jönköping Energi, 2021–2025",),
        ),
        Applicant(
            "Aleksandra",
            "Nowak",
            "aleksandra.nowak@example.com",
            "076-190 54 33",
            15,
            path=REJECTED_AT_SCREENING,
            language="en",
            education=("Master's degree in Finance and Accounting, University of Warsaw, 2020",),
            experience=("Accounts payable specialist, Shared services centre Kraków, 2020–2025",),
            other=("SAP FI",),
        ),
        Applicant(
            "Therese",
            "Axelsson",
            "therese.axelsson@example.se",
            "070-806 91 25",
            10,
            path=(Stage.REJECTED,),
            education=("Gymnasieexamen, Vård- och omsorgsprogrammet, 2012",),
            experience=("Undersköterska, Ryhov Jönköping, 2012–2025",),
        ),
        Applicant(
            "Jessica",
            "Nyberg",
            "jessica.nyberg@example.se",
            "072-697 13 58",
            21,
            path=(Stage.SCREENING, Stage.WITHDRAWN),
            education=("YH-examen, Ekonomiassistent, 2017",),
            experience=("Ekonomiassistent, Smålands Mekaniska, 2017–2025",),
        ),
    ),
)

SUPPORT = DemoRecruitment(
    title="Customer Support Specialist (English-speaking)",
    description=(
        "Our customers in Norway, Denmark, Finland and the Baltics write to us in English, and "
        "we want every one of them to get a quick, friendly and correct answer. Join our "
        "customer support team of eight at the head office in Jönköping.\n\n"
        "You answer questions about orders, deliveries and returns, solve problems together "
        "with the warehouse, and help us improve our help pages. Working hours are weekdays "
        "08.00–17.00.\n\n"
        "This is a permanent full-time position. Swedish is not required."
    ),
    job_tasks=(
        "Answer customer questions by email, chat and phone",
        "Solve order and delivery issues together with the warehouse",
        "Document cases and suggest improvements to our help pages",
    ),
    criteria=(
        Req(
            "Fluent English",
            Kind.MUST,
            Category.SKILL,
            5,
            0,
            "You write clear, friendly English and handle phone calls with ease.",
        ),
        Req(
            "Customer service experience",
            Kind.MUST,
            Category.EXPERIENCE,
            4,
            0,
            "At least one year in customer service, in any industry.",
        ),
        Req(
            "Problem solving",
            Kind.MERIT,
            Category.PERSONAL,
            3,
            1,
            "You follow a case through until the customer has an answer.",
        ),
        Req(
            "Ticket system",
            Kind.MERIT,
            Category.SKILL,
            2,
            2,
            "Experience with Zendesk, Freshdesk or a similar ticket system.",
        ),
    ),
    deadline_in_days=21,
    language="en",
    applicants=(
        Applicant(
            "Laura",
            "Bianchi",
            "laura.bianchi@example.com",
            "070-431 86 27",
            1,
            language="en",
            education=("BA in Modern Languages, University of Bologna, 2019",),
            experience=("Customer service agent, Booking.com Amsterdam, 2019–2025",),
            other=("Zendesk",),
        ),
        Applicant(
            "James",
            "O'Connor",
            "james.oconnor@example.com",
            "072-586 09 44",
            3,
            language="en",
            education=("Higher Diploma in Business, Dublin Business School, 2020",),
            experience=("Technical support agent, Dell Technologies Limerick, 2020–2025",),
        ),
        Applicant(
            "Sven",
            "Almqvist",
            "sven.almqvist@example.se",
            "073-350 72 18",
            6,
            path=SCREENED,
            education=("Kandidatexamen i engelska, Göteborgs universitet, 2021",),
            experience=("Kundtjänstmedarbetare, Telia Jönköping, 2021–2025",),
            other=("Freshdesk",),
        ),
        Applicant(
            "Nadia",
            "Petrova",
            "nadia.petrova@example.com",
            "076-623 41 05",
            9,
            path=INTERVIEWED,
            language="en",
            education=("BA in Linguistics, Sofia University, 2017",),
            experience=(
                "Customer support specialist, Zalando Berlin, 2017–2022",
                "Team lead, customer support, Boozt Malmö, 2022–2025",
            ),
            other=("Zendesk",),
        ),
        Applicant(
            "Tom",
            "Fischer",
            "tom.fischer@example.com",
            "070-148 35 69",
            11,
            path=REJECTED_AT_SCREENING,
            language="en",
            education=("Ausbildung, Kaufmann im Einzelhandel, Hamburg, 2024",),
            experience=("Sales assistant, MediaMarkt Hamburg, 2024–2025",),
        ),
    ),
)

RECRUITMENTS = (WAREHOUSE, BACKEND, FINANCE, SUPPORT)

# The recruitment's promise is kept unless it is too soon or has passed: each open stage
# promises at least this many working days from today (DESIGN §4, "status update with the
# next reply_by"). A reserve is told for how long they stay one.
STAGE_NOTICE_WORKING_DAYS = {
    Stage.SCREENING: 5,
    Stage.INTERVIEW: 10,
    Stage.OFFER: 5,
    Stage.RESERVE: 20,
}
# Who moves an application: the recruiter screens; the hiring manager decides after interviews.
DECIDED_BY_MANAGER_FROM = frozenset({Stage.INTERVIEW, Stage.RESERVE, Stage.OFFER})
# An application that went through these stages had an interview held.
INTERVIEW_STAGES = frozenset({Stage.INTERVIEW, Stage.RESERVE, Stage.OFFER, Stage.HIRED})


# --- Loading ---------------------------------------------------------------------------------


@dataclass
class DemoResult:
    created_users: list[str] = field(default_factory=list)
    # Usernames that existed before with another password or without the demo rights, so the
    # printed sign-in details may not work for them.
    changed_users: list[str] = field(default_factory=list)
    created_recruitments: list[str] = field(default_factory=list)
    existing_recruitments: list[str] = field(default_factory=list)
    applications: int = 0

    @property
    def created_anything(self) -> bool:
        return bool(self.created_users or self.created_recruitments)


def load_demo(*, stdout: TextIO | None = None) -> DemoResult:
    """Create the demo users and whichever demo recruitments are missing; return what was done."""
    result = DemoResult()
    with transaction.atomic():
        # Idempotence: a demo recruitment is known by its title and demo owner, so a second
        # run adds nothing and a half-loaded demo is completed.
        loaded = set(
            Recruitment.objects.filter(
                owner__username=RECRUITER.username,
                title__in=[spec.title for spec in RECRUITMENTS],
            ).values_list("title", flat=True)
        )
        # Password hashing is slow on purpose, and `serve --demo` runs this on every start:
        # accounts are checked against the demo passwords only on a load that adds data.
        check = len(loaded) < len(RECRUITMENTS)
        if check:
            _organisation()
        users = {spec.username: _user(spec, result, check=check) for spec in DEMO_USERS}
        for spec in RECRUITMENTS:
            if spec.title in loaded:
                result.existing_recruitments.append(spec.title)
                continue
            count = _load_recruitment(spec, users=users)
            result.created_recruitments.append(spec.title)
            result.applications += count
            if stdout is not None:
                stdout.write(f"Created “{spec.title}” with {count} applications.\n")
    return result


def _organisation() -> None:
    """Name the employer, unless someone already has."""
    organisation = Organisation.current()
    if organisation.name == Organisation._meta.get_field("name").default:
        organisation.name = "Nordlager AB"
        organisation.city = "Jönköping"
        organisation.website = "https://nordlager.example.se"
        organisation.save()


def _user(spec: DemoUser, result: DemoResult, *, check: bool) -> User:
    user = User.objects.filter(username=spec.username).first()
    if user is None:
        result.created_users.append(spec.username)
        return User.objects.create_user(
            username=spec.username,
            password=spec.password,
            email=spec.email,
            first_name=spec.first_name,
            last_name=spec.last_name,
            is_staff=spec.site_admin,
            is_superuser=spec.site_admin,
        )
    # Someone's own account is never overwritten; we only warn that the printed details
    # may not apply to it.
    if check and (
        not user.check_password(spec.password) or (spec.site_admin and not user.is_site_admin)
    ):
        result.changed_users.append(spec.username)
    return user


def _load_recruitment(spec: DemoRecruitment, *, users: dict[str, User]) -> int:
    today = timezone.localdate()
    deadline = today + dt.timedelta(days=spec.deadline_in_days)
    owner = users[RECRUITER.username]
    manager = users[MANAGER.username]
    recruitment = recruitment_create(
        owner=owner,
        title=spec.title,
        description=spec.description,
        job_tasks="\n".join(spec.job_tasks),
        language=spec.language,
        status=spec.status,
        application_deadline=deadline,
        # Seven working days after the deadline: time to screen everyone before answering.
        first_reply_by=add_working_days(deadline, 7),
    )
    team_member_add(recruitment=recruitment, by=owner, user=manager, role=Role.HIRING_MANAGER)
    for interviewer in spec.interviewers:
        team_member_add(
            recruitment=recruitment,
            by=owner,
            user=users[interviewer.username],
            role=Role.INTERVIEWER,
        )
    for req in spec.criteria:
        criterion_add(
            recruitment=recruitment,
            by=owner,
            name=req.name,
            kind=req.kind,
            category=req.category,
            weight=req.weight,
            description=req.description,
            job_task=spec.job_tasks[req.task],
        )
    # Oldest first, so the timelines and ids follow the order the applications arrived in.
    applicants = sorted(enumerate(spec.applicants), key=lambda pair: -pair[1].days_ago)
    for index, applicant in applicants:
        _apply(recruitment, applicant, index=index, owner=owner, manager=manager, today=today)
    return len(spec.applicants)


def _apply(
    recruitment: Recruitment,
    applicant: Applicant,
    *,
    index: int,
    owner: User,
    manager: User,
    today: dt.date,
) -> None:
    # A spread of times of day between 07 and 22, the way applications actually arrive.
    at = dt.time(7 + (index * 5) % 15, (index * 17 + 3) % 60)
    now = timezone.now()
    received_at = min(
        dt.datetime.combine(
            today - dt.timedelta(days=applicant.days_ago),
            at,
            tzinfo=timezone.get_current_timezone(),
        ),
        now - dt.timedelta(minutes=5 * (len(applicant.path) + 1)),
    )
    # Spread the moves evenly between arrival and now, so timelines read as they happened.
    step = (now - received_at) / (len(applicant.path) + 1)
    application = application_receive(
        recruitment=recruitment,
        first_name=applicant.first_name,
        last_name=applicant.last_name,
        email=applicant.email,
        phone=applicant.phone,
        language=applicant.language,
        merits=applicant.merits(),
        source=Application.Source.FORM,
        received_at=received_at,
    )
    for position, stage in enumerate(applicant.path):
        by = manager if application.stage in DECIDED_BY_MANAGER_FROM else owner
        reply_by = None
        if stage in STAGE_NOTICE_WORKING_DAYS:
            last = position == len(applicant.path) - 1
            if last and applicant.reply_in is not None:
                reply_by = add_working_days(today, applicant.reply_in)
            else:
                # Never take back a promise: a new date is only ever later than the old one.
                notice = add_working_days(today, STAGE_NOTICE_WORKING_DAYS[stage])
                reply_by = max(application.reply_by, notice)
        if stage in Application.CLOSED_STAGES:
            (application,) = applications_close(
                applications=[application],
                outcome=stage,
                by=by,
                at=received_at + step * (position + 1),
            )
            continue
        application = application_move(
            application=application,
            to_stage=stage,
            by=by,
            reply_by=reply_by,
            at=received_at + step * (position + 1),
        )
    if Stage.SCREENING in applicant.path:
        _screen(application, applicant, by=owner, at=received_at + step)
    if applicant.rejection_reason:
        application_mark_for_rejection(
            application=application, by=owner, marked=True, reason=applicant.rejection_reason
        )
    if INTERVIEW_STAGES.intersection(applicant.path):
        position = applicant.path.index(Stage.INTERVIEW)
        booked_at = received_at + step * (position + 1)
        _interview(
            application,
            index=index,
            by=owner,
            booked_at=booked_at,
            until=now,
            chosen=bool({Stage.OFFER, Stage.HIRED} & set(applicant.path)),
        )


# --- Assessment: what the team recorded, entered afterwards like the moves above ------------

SCREENING_NOTES = {
    "met": "Framgår av CV:t.",
    "partly": "Delvis: kortare erfarenhet än vi söker.",
    "not_met": "Framgår inte av ansökan.",
}
EVIDENCE = {
    5: "Gav flera konkreta exempel som tydligt visar detta.",
    4: "Gav ett konkret exempel från sitt senaste jobb.",
    3: "Uppfyller kravet enligt det som kom fram i intervjun.",
    2: "Kunde ge få exempel; behöver mer erfarenhet här.",
    1: "Kom inte fram i intervjun.",
}
IMPRESSIONS = (
    "Lugn och strukturerad, svarade konkret och ställde egna frågor om arbetslaget.",
    "Engagerad och nyfiken, men svaren blev ibland allmänna utan exempel.",
    "Tydlig och förberedd; beskrev sina arbetsuppgifter steg för steg.",
    "Kortfattad i början, mer utförlig när frågorna gällde praktiska situationer.",
)
STRENGTHS = (
    "Gott säkerhetstänk och erfarenhet av truckkörning i trånga gångar.",
    "Vana att räkna och kontrollera inleveranser.",
    "Bra exempel på samarbete i skiftlag.",
    "Har arbetat i lagersystem och lär sig nya verktyg snabbt.",
)
TIPS = (
    "Ge gärna fler konkreta exempel med siffror, till exempel plockfel eller volymer.",
    "Berätta mer om hur du själv löste problem, inte bara vad laget gjorde.",
    "Förbered en fråga om arbetsplatsen; det visar intresse.",
    "Beskriv din erfarenhet av lagersystem mer i detalj.",
)


def _at(moment: dt.datetime) -> dt.datetime:
    return moment.replace(second=0, microsecond=0)


def _screen(application: Application, applicant: Applicant, *, by: User, at: dt.datetime) -> None:
    version = profile_freeze(recruitment=application.recruitment, by=by)
    musts = list(application.recruitment.criteria.filter(kind=Criterion.Kind.MUST))
    rejected_early = application.closed_from_stage == Stage.SCREENING
    results = {}
    for position, criterion in enumerate(musts):
        result = "met"
        if rejected_early and position == len(musts) - 1:
            result = "not_met"
        elif len(applicant.experience) < 2 and criterion.category == Category.EXPERIENCE:
            result = "partly"
        Screening.objects.create(
            application=application,
            criterion=criterion,
            result=result,
            note=SCREENING_NOTES[result],
            profile_version=version,
            screened_by=by,
            screened_at=at,
        )
        results[criterion.name] = result
    values = list(results.values())
    TimelineEvent.objects.create(
        application=application,
        at=at,
        actor=TimelineEvent.Actor.USER,
        actor_user=by,
        kind="screened",
        data={
            "version": version.number,
            "results": results,
            "met": values.count("met"),
            "partly": values.count("partly"),
            "not_met": values.count("not_met"),
        },
    )


def _interview(
    application: Application,
    *,
    index: int,
    by: User,
    booked_at: dt.datetime,
    until: dt.datetime,
    chosen: bool = False,
) -> None:
    """A held interview with scorecards: the hiring manager's always, an interviewer's on
    every recruitment that has one except for one candidate, to show a missing scorecard."""
    recruitment = application.recruitment
    version = profile_freeze(recruitment=recruitment, by=by)
    held_at = _at(min(booked_at + dt.timedelta(days=2), until - dt.timedelta(minutes=2)))
    interview = Interview.objects.create(
        application=application,
        scheduled_at=held_at - dt.timedelta(hours=1),
        location="Torsviks lager, Jönköping, reception",
        held_at=held_at,
        profile_version=version,
        created_by=by,
        created_at=booked_at,
    )
    team = {m.role: m.user for m in recruitment.memberships.select_related("user")}
    people = [team[Role.HIRING_MANAGER]]
    if Role.INTERVIEWER in team:
        people.append(team[Role.INTERVIEWER])
    interview.interviewers.set(people)
    Application.objects.filter(pk=application.pk).update(interviewed=True)
    for at, kind, data in (
        (
            booked_at,
            "interview_scheduled",
            {
                "interview": interview.pk,
                "at": interview.scheduled_at.isoformat(),
                "interviewers": [str(u) for u in people],
            },
        ),
        (held_at, "interview_held", {"interview": interview.pk}),
    ):
        TimelineEvent.objects.create(
            application=application,
            at=at,
            actor=TimelineEvent.Actor.USER,
            actor_user=by,
            kind=kind,
            data=data,
        )
    criteria = list(recruitment.criteria.all())
    for seat, person in enumerate(people):
        if seat and index % 4 == 3:
            continue  # this interviewer has not scored yet
        card = Scorecard.objects.create(
            interview=interview,
            interviewer=person,
            impression=IMPRESSIONS[(index + seat) % len(IMPRESSIONS)],
            strengths=STRENGTHS[(index + seat) % len(STRENGTHS)],
            tips=TIPS[(index + seat) % len(TIPS)],
            profile_version=version,
            submitted_at=held_at + dt.timedelta(minutes=30 + seat * 15),
        )
        for position, criterion in enumerate(criteria):
            # Deterministic, different per candidate, and now and then two points apart
            # between the two interviewers, so that the comparison has something to show.
            score = 2 + (index * 3 + position * 2) % 4
            if chosen:
                # The one offered the job scored well: the comparison should agree.
                score = max(score, 4 if position % 3 else 5)
            elif seat and (index + position) % 5 == 0:
                score = max(1, score - 2)
            Rating.objects.create(
                scorecard=card, criterion=criterion, score=score, evidence=EVIDENCE[score]
            )
        TimelineEvent.objects.create(
            application=application,
            at=card.submitted_at,
            actor=TimelineEvent.Actor.USER,
            actor_user=person,
            kind="scorecard_submitted",
            data={"interview": interview.pk, "scorecard": card.pk, "interviewer": str(person)},
        )
