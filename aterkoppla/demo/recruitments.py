"""The demo's recruitments: a warehouse still to decide, a backend developer with an offer
out, a finance assistant hired, an English-speaking support job, and two finished months ago
(``past``) that the figures page sets side by side.

Nothing is random: two loads on the same day give the same data. Every text here passes the
language check.
"""

from __future__ import annotations

from aterkoppla.demo.past import PAST
from aterkoppla.demo.specs import (
    INTERVIEWED,
    INTERVIEWER,
    REJECTED_AFTER_INTERVIEW,
    REJECTED_AT_SCREENING,
    SCREENED,
    WITHDRAWN_AT_SCREENING,
    Applicant,
    Call,
    DemoRecruitment,
    Outcome,
    Req,
    Stage,
    edu,
    job,
    oth,
)
from aterkoppla.recruitment.models import Criterion, Recruitment

Kind = Criterion.Kind
Category = Criterion.Category

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
    # Rolling selection: two clear misses were answered early; the rest is for you to decide.
    decided_working_days_ago=6,
    interview_place="Torsviks lager, Jönköping, reception",
    interview_bring="Ta med id-handling och ditt truckkort.",
    impressions=(
        "Lugn och strukturerad, svarade konkret och ställde egna frågor om arbetslaget.",
        "Engagerad och nyfiken, men svaren blev ibland allmänna utan exempel.",
        "Tydlig och förberedd; beskrev sina arbetsuppgifter steg för steg.",
        "Kortfattad i början, mer utförlig när frågorna gällde praktiska situationer.",
    ),
    strengths=(
        "Gott säkerhetstänk och erfarenhet av truckkörning i trånga gångar.",
        "Vana att räkna och kontrollera inleveranser.",
        "Bra exempel på samarbete i skiftlag.",
        "Har arbetat i lagersystem och lär sig nya verktyg snabbt.",
    ),
    tips=(
        "Ge gärna fler konkreta exempel med siffror, till exempel plockfel eller volymer.",
        "Berätta mer om hur du själv löste problem, inte bara vad laget gjorde.",
        "Förbered en fråga om arbetsplatsen; det visar intresse.",
        "Beskriv din erfarenhet av lagersystem mer i detalj.",
    ),
    applicants=(
        Applicant(
            "Anna",
            "Johansson",
            "anna.johansson@example.se",
            "070-214 36 58",
            1,
            education=(edu("truckkort A+B", period=(None, 2018)),),
            experience=(
                job("lagerarbetare", at="DB Schenker Jönköping", period=(2018, 2024)),
                job("plockare", at="Apotea Morgongåva", period=(2016, 2018)),
            ),
            other=(oth("B-körkort", level="licence"),),
        ),
        Applicant(
            "Mohammed",
            "Al-Rashid",
            "mohammed.alrashid@example.se",
            "072-318 44 02",
            2,
            education=(
                edu(
                    "fordons- och transportprogrammet", level="upper_secondary", period=(None, 2015)
                ),
                edu("truckkort A+B", period=(None, 2021)),
            ),
            experience=(
                job(
                    "lagermedarbetare", at="Elgiganten centrallager Jönköping", period=(2021, 2025)
                ),
            ),
            other=(oth("B-körkort", level="licence"), oth("C-körkort", level="licence")),
        ),
        Applicant(
            "Emma",
            "Lindqvist",
            "emma.lindqvist@example.se",
            "073-555 12 90",
            3,
            education=(
                edu(
                    "handels- och administrationsprogrammet",
                    level="upper_secondary",
                    period=(None, 2022),
                ),
                edu("truckkort A", period=(None, 2023)),
            ),
            experience=(job("butiksmedarbetare", at="ICA Maxi Jönköping", period=(2022, 2025)),),
        ),
        Applicant(
            "Oskar",
            "Nilsson",
            "oskar.nilsson@example.com",
            "076-204 88 13",
            4,
            education=(edu("truckkort A+B", period=(None, 2020)),),
            experience=(
                job("truckförare", at="Husqvarna Huskvarna", period=(2020, 2025)),
                job("lagerarbetare via bemanningsföretag", period=(2019, 2020)),
            ),
            other=(
                oth("B-körkort", level="licence"),
                oth(
                    "certifikat för heta arbeten",
                    level="certificate",
                    at="Brandskyddsföreningen, Jönköping",
                    period=(None, 2022),
                ),
            ),
        ),
        Applicant(
            "Fatima",
            "Hassan",
            "fatima.hassan@example.se",
            "070-482 19 77",
            5,
            education=(
                edu("truckkort A+B", period=(None, 2022)),
                edu("svenska som andraspråk", level="course", period=(None, 2020)),
            ),
            experience=(job("plockare", at="Lekia e-handelslager Jönköping", period=(2022, 2025)),),
        ),
        Applicant(
            "Piotr",
            "Kowalski",
            "piotr.kowalski@example.com",
            "076-913 50 28",
            6,
            language="en",
            education=(
                edu(
                    "truckkort A+B",
                    level="course",
                    at="Poznań Forklift Training Centre",
                    period=(None, 2019),
                ),
            ),
            experience=(
                job("warehouse operative", at="DHL Supply Chain Poznań", period=(2014, 2019)),
                job("warehouse worker", at="PostNord Jönköping", period=(2019, 2025)),
            ),
            other=(oth("driving licence B", level="licence"),),
        ),
        Applicant(
            "Ida",
            "Hedlund",
            "ida.hedlund@example.se",
            "073-640 27 15",
            2,
            education=(edu("ekonomiprogrammet", level="upper_secondary", period=(None, 2019)),),
            experience=(
                job("kundtjänstmedarbetare", at="Jönköping Energi", period=(2021, 2025)),
                job(
                    "lagerarbetare",
                    field="sommarjobb",
                    at="Dahl Sverige, Jönköping",
                    period=(2018, 2020),
                ),
            ),
            other=(oth("B-körkort", level="licence"),),
        ),
        Applicant(
            "Johan",
            "Berg",
            "johan.berg@example.se",
            "070-733 61 04",
            8,
            path=SCREENED,
            education=(edu("truckkort A+B", period=(None, 2017)),),
            experience=(job("lagerarbetare", at="Bring Jönköping", period=(2017, 2025)),),
            other=(oth("B-körkort", level="licence"),),
        ),
        Applicant(
            "Sofia",
            "Karlsson",
            "sofia.karlsson@example.se",
            "072-156 93 40",
            9,
            path=INTERVIEWED,
            education=(edu("truckkort A+B", period=(None, 2021)),),
            experience=(
                job(
                    "godsmottagare",
                    at="Clas Ohlson distributionscentral Insjön",
                    period=(2021, 2024),
                ),
                job("lagerarbetare", at="Stadium e-handel Norrköping", period=(2024, 2025)),
            ),
            other=(oth("WMS-system (Astro WMS)"),),
            learned_at_interview=(oth("WMS-system (Astro WMS)"),),
        ),
        Applicant(
            "Ali",
            "Yilmaz",
            "ali.yilmaz@example.com",
            "073-208 74 56",
            10,
            path=INTERVIEWED,
            education=(edu("truckkort A+B", period=(None, 2019)),),
            experience=(job("lagerarbetare", at="Kährs Nybro", period=(2019, 2025)),),
            other=(oth("B-körkort", level="licence"),),
        ),
        Applicant(
            "Gunnel",
            "Ek",
            "",
            "036-71 22 45",
            6,
            path=SCREENED,
            education=(edu("truckkort A", period=(None, 1998)),),
            experience=(job("kassabiträde", at="Konsum Jönköping", period=(1995, 2020)),),
            # By post: entered by hand, and a rejection would be a letter to print.
            lacks=("Truckkort A+B", "Erfarenhet av lagerarbete"),
            rejection_reason=(
                "Tjänsten kräver truckkort A+B och minst ett års erfarenhet av lagerarbete, "
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
            education=(edu("truckkort A+B", period=(None, 2024)),),
            experience=(
                job("lagerarbetare", at="Jula centrallager Skara", period=(2024, 2025)),
                job("kassapersonal", at="Willys Jönköping", period=(2021, 2024)),
            ),
        ),
        Applicant(
            "Marcus",
            "Eriksson",
            "marcus.eriksson@example.se",
            "070-925 46 31",
            13,
            path=INTERVIEWED,
            education=(
                edu("truckkort A+B", period=(None, 2016)),
                edu("utbildning i arbetsmiljö och ergonomi", period=(None, 2021)),
            ),
            experience=(
                job("lagerarbetare och skyddsombud", at="Schenker Jönköping", period=(2016, 2025)),
            ),
            other=(oth("B-körkort", level="licence"), oth("arbetat i SAP EWM")),
        ),
        Applicant(
            "Hanna",
            "Svensson",
            "hanna.svensson@example.se",
            "072-471 05 86",
            14,
            path=INTERVIEWED,
            education=(edu("truckkort A+B", period=(None, 2020)),),
            experience=(
                job("plockare och inventerare", at="Elkjøp Norden Jönköping", period=(2020, 2025)),
            ),
            other=(oth("B-körkort", level="licence"),),
        ),
        Applicant(
            "Nils",
            "Persson",
            "nils.persson@example.com",
            "073-862 39 20",
            15,
            path=REJECTED_AT_SCREENING,
            education=(
                edu(
                    "bygg- och anläggningsprogrammet", level="upper_secondary", period=(None, 2023)
                ),
            ),
            experience=(
                job(
                    "byggarbetare", field="sommarjobb", at="Skanska, Jönköping", period=(2022, 2023)
                ),
            ),
            lacks=("Truckkort A+B", "Erfarenhet av lagerarbete"),
            rejection_reason=(
                "Tjänsten kräver giltigt truckkort A+B och minst ett års erfarenhet av plock, "
                "pack eller godsmottagning. Det framgick inte av din ansökan."
            ),
        ),
        Applicant(
            "Sara",
            "Ahmadi",
            "sara.ahmadi@example.se",
            "076-581 23 47",
            12,
            path=(Stage.REJECTED,),
            education=(
                edu("barn- och fritidsprogrammet", level="upper_secondary", period=(None, 2024)),
            ),
            experience=(job("elevassistent", at="Jönköpings kommun", period=(2024, 2025)),),
            rejection_reason=(
                "Tjänsten kräver truckkort A+B och erfarenhet av lagerarbete, och vi kunde inte "
                "se det i din ansökan."
            ),
        ),
        Applicant(
            "Viktor",
            "Holm",
            "viktor.holm@example.se",
            "070-649 70 38",
            16,
            path=WITHDRAWN_AT_SCREENING,
            education=(edu("truckkort A+B", period=(None, 2015)),),
            experience=(job("lagerarbetare", at="Bring Frigo Jönköping", period=(2015, 2025)),),
            other=(oth("B-körkort", level="licence"), oth("C-körkort", level="licence")),
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
    decided_working_days_ago=1,
    interview_place="Huvudkontoret, Jönköping, plan 3",
    impressions=(
        "Lugn och strukturerad, resonerade högt kring kodexemplet och ställde egna frågor om "
        "teamet.",
        "Engagerad och nyfiken, men svaren blev ibland allmänna utan exempel.",
        "Tydlig och förberedd; beskrev sina projekt steg för steg.",
        "Kortfattad i början, mer utförlig när frågorna gällde konkreta tekniska val.",
    ),
    strengths=(
        "Bra exempel på REST-API:er som har byggts, versionerats och dokumenterats i produktion.",
        "Skriver tester som en naturlig del av arbetet och kunde förklara varför.",
        "Van vid kodgranskning, både att ge och att ta emot synpunkter.",
        "Erfarenhet av att felsöka långsamma frågor i PostgreSQL.",
    ),
    tips=(
        "Ge gärna fler konkreta exempel med siffror, till exempel svarstider eller antal "
        "användare.",
        "Berätta mer om vad du själv gjorde, inte bara vad teamet gjorde.",
        "Förbered en fråga om hur vi arbetar; det visar intresse.",
        "Beskriv hur du testar din kod mer i detalj.",
    ),
    applicants=(
        Applicant(
            "Erik",
            "Sandberg",
            "erik.sandberg@example.se",
            "070-318 52 64",
            1,
            education=(
                edu("datateknik", level="master", at="Linköpings universitet", period=(None, 2017)),
            ),
            experience=(
                job("backend-utvecklare (Python)", at="Saab Linköping", period=(2017, 2021)),
                job("utvecklare (Python/Django)", at="Tibber", period=(2021, 2025)),
            ),
        ),
        Applicant(
            "Priya",
            "Nair",
            "priya.nair@example.com",
            "072-640 18 39",
            2,
            language="en",
            education=(
                edu(
                    "computer science",
                    level="bachelor",
                    at="University of Kerala, India",
                    period=(2011, 2015),
                ),
            ),
            experience=(
                job("software engineer (Python)", at="Infosys Bengaluru", period=(2015, 2019)),
                job("backend developer (Django)", at="Klarna Stockholm", period=(2019, 2025)),
            ),
            other=(
                oth(
                    "AWS Certified Developer – Associate",
                    level="certificate",
                    at="Amazon Web Services",
                    period=(None, 2022),
                ),
            ),
        ),
        Applicant(
            "Linnea",
            "Forsberg",
            "linnea.forsberg@example.se",
            "073-127 90 45",
            3,
            education=(
                edu("javautvecklare", level="vocational", at="EC Utbildning", period=(None, 2022)),
            ),
            experience=(
                job("utvecklare (Java och Python)", at="Jönköpings kommun", period=(2022, 2025)),
            ),
        ),
        Applicant(
            "David",
            "Öberg",
            "david.oberg@example.se",
            "076-455 03 81",
            5,
            path=SCREENED,
            education=(
                edu("datateknik", level="bachelor", at="Jönköping University", period=(None, 2019)),
            ),
            experience=(
                job(
                    "fullstack-utvecklare (Django/React)",
                    at="Combitech Jönköping",
                    period=(2019, 2025),
                ),
            ),
        ),
        Applicant(
            "Tomás",
            "García",
            "tomas.garcia@example.com",
            "070-862 27 13",
            6,
            path=SCREENED,
            language="en",
            education=(
                edu(
                    "ingeniería informática",
                    level="bachelor",
                    at="Universidad de Sevilla, Spanien",
                    period=(2012, 2016),
                ),
            ),
            experience=(
                job("Python developer", at="Cabify Madrid", period=(2016, 2020)),
                job(
                    "backend engineer (Django, PostgreSQL)",
                    at="Northvolt Västerås",
                    period=(2020, 2025),
                ),
            ),
            other=(
                oth(
                    "talare på en internationell Django-konferens",
                    level="assignment",
                    at="DjangoCon Europe, Edinburgh",
                    period=(None, 2023),
                ),
            ),
        ),
        Applicant(
            "Amina",
            "Warsame",
            "amina.warsame@example.se",
            "072-903 46 70",
            9,
            path=INTERVIEWED,
            reply_in=2,
            education=(
                edu(
                    "systemvetenskap",
                    level="bachelor",
                    at="Högskolan i Skövde",
                    period=(None, 2018),
                ),
            ),
            experience=(
                job("systemutvecklare (Python)", at="Volvo Cars Göteborg", period=(2018, 2022)),
                job("backend-utvecklare (Django, PostgreSQL)", at="Apotea", period=(2022, 2025)),
            ),
        ),
        Applicant(
            "Jonas",
            "Wikström",
            "jonas.wikstrom@example.se",
            "073-281 65 09",
            10,
            path=INTERVIEWED,
            education=(edu("teknisk fysik", level="master", at="KTH", period=(None, 2014)),),
            experience=(
                job("utvecklare (Python)", at="Spotify Stockholm", period=(2014, 2019)),
                job("tech lead (Django)", at="Husqvarna Group Huskvarna", period=(2019, 2025)),
            ),
            other=(oth("bidragit till Django REST framework"),),
            # The decision screen and the comparison show a scorecard still to come.
            scorecard_missing=True,
        ),
        Applicant(
            "Wei",
            "Chen",
            "wei.chen@example.com",
            "076-714 38 52",
            11,
            path=INTERVIEWED,
            # Booked for the next working day: invited, not yet interviewed.
            interview_ahead=True,
            language="en",
            education=(
                edu(
                    "computer science",
                    level="master",
                    at="Chalmers tekniska högskola, Göteborg",
                    period=(2017, 2019),
                ),
            ),
            experience=(
                job(
                    "software developer (Python, FastAPI)",
                    at="Ericsson Göteborg",
                    period=(2019, 2025),
                ),
            ),
        ),
        Applicant(
            "Karin",
            "Holmberg",
            "karin.holmberg@example.se",
            "070-567 21 98",
            12,
            path=(Stage.SCREENING, Stage.INTERVIEW, Stage.OFFER),
            education=(
                edu("datavetenskap", level="bachelor", at="Lunds universitet", period=(None, 2016)),
            ),
            experience=(
                job("backend-utvecklare (Django)", at="Ikea IT Älmhult", period=(2016, 2021)),
                job(
                    "senior utvecklare (Python, PostgreSQL)",
                    at="Fortnox Växjö",
                    period=(2021, 2025),
                ),
            ),
            other=(
                oth(
                    "Certified Kubernetes Application Developer",
                    level="certificate",
                    at="Linux Foundation",
                    period=(None, 2023),
                ),
            ),
        ),
        Applicant(
            "Gustav",
            "Lund",
            "gustav.lund@example.se",
            "072-134 77 26",
            7,
            path=REJECTED_AT_SCREENING,
            education=(
                edu(
                    "webbutveckling",
                    level="vocational",
                    at="Nackademin, Stockholm",
                    period=(2022, 2024),
                ),
            ),
            experience=(
                job(
                    "frontendutvecklare",
                    level="internship",
                    at="webbyrå i Jönköping",
                    period=(None, 2024),
                ),
            ),
            lacks=("Erfarenhet av Python", "Erfarenhet av Django"),
            rejection_reason=(
                "Tjänsten kräver minst tre års yrkeserfarenhet av Python och erfarenhet av "
                "Django i produktion, och det framgick inte av din ansökan."
            ),
        ),
        Applicant(
            "Mattias",
            "Björk",
            "mattias.bjork@example.se",
            "073-496 12 83",
            13,
            path=REJECTED_AFTER_INTERVIEW,
            education=(
                edu(
                    "elektroteknik",
                    level="bachelor",
                    at="Högskolan i Halmstad",
                    period=(None, 2012),
                ),
            ),
            experience=(
                job("inbyggda system (C)", at="Getinge Halmstad", period=(2012, 2020)),
                job("utvecklare (Python)", at="Elmia Jönköping", period=(2020, 2025)),
            ),
            partly=("Erfarenhet av Django", "Automatiska tester"),
            decisive=("Erfarenhet av Django", "Automatiska tester"),
            explanation=(
                "Tjänsten kräver erfarenhet av att bygga och driva Django-applikationer i "
                "produktion och av att skriva automatiska tester som en del av arbetet. I "
                "intervjun gav du få exempel på båda, och andra kandidater visade mer "
                "erfarenhet av just detta."
            ),
            # The call is still to make: a voicemail so far.
            calls=(
                Call(
                    Outcome.VOICEMAIL,
                    "Lämnade ett meddelande och bad Mattias ringa tillbaka.",
                    days_after=0,
                    hour=15,
                ),
            ),
        ),
        Applicant(
            "Julia",
            "Ek",
            "julia.ek@example.se",
            "076-248 59 16",
            8,
            path=WITHDRAWN_AT_SCREENING,
            # She phoned the recruiter, who recorded it.
            withdrew_online=False,
            education=(
                edu("informatik", level="bachelor", at="Linnéuniversitetet", period=(None, 2020)),
            ),
            experience=(job("backend-utvecklare (Python)", at="Visma Växjö", period=(2020, 2025)),),
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
    # One decision after the deadline: a hire, a reserve, two calls and the written answers.
    decided_working_days_ago=4,
    interview_place="Huvudkontoret, Jönköping, reception",
    interview_bring="Ta med id-handling och kopior av dina betyg.",
    impressions=(
        "Lugn och noggrann, svarade konkret och ställde egna frågor om bokslutsarbetet.",
        "Engagerad och serviceinriktad, men svaren blev ibland allmänna utan exempel.",
        "Tydlig och förberedd; beskrev sitt arbete med reskontran steg för steg.",
        "Kortfattad i början, mer utförlig när frågorna gällde praktiska situationer.",
    ),
    strengths=(
        "Van att stämma av konton och hitta differenser.",
        "Bra exempel på hur leverantörsfrågor har lösts i telefon och mejl.",
        "Har arbetat i flera ekonomisystem och lär sig nya verktyg snabbt.",
        "Strukturerad i månadsbokslutet, med egna checklistor.",
    ),
    tips=(
        "Ge gärna fler konkreta exempel med siffror, till exempel antal fakturor i månaden.",
        "Berätta mer om hur du själv löste problem, inte bara vad avdelningen gjorde.",
        "Förbered en fråga om arbetsplatsen; det visar intresse.",
        "Beskriv din erfarenhet av ekonomisystem mer i detalj.",
    ),
    applicants=(
        Applicant(
            "Maria",
            "Lindgren",
            "maria.lindgren@example.se",
            "070-274 83 15",
            34,
            path=(Stage.SCREENING, Stage.INTERVIEW, Stage.OFFER, Stage.HIRED),
            education=(
                edu(
                    "redovisningsekonom",
                    level="vocational",
                    at="Jönköping University",
                    period=(None, 2018),
                ),
            ),
            experience=(
                job("ekonomiassistent", at="Fläkt Group Jönköping", period=(2018, 2022)),
                job("redovisningsassistent", at="Grant Thornton Jönköping", period=(2022, 2025)),
            ),
            other=(oth("affärssystemen Visma Business och Fortnox"),),
        ),
        Applicant(
            "Sanna",
            "Mäkinen",
            "sanna.makinen@example.se",
            "073-915 40 62",
            32,
            path=(Stage.SCREENING, Stage.INTERVIEW, Stage.RESERVE),
            education=(
                edu("ekonomiprogrammet", level="upper_secondary", period=(None, 2015)),
                edu("bokslut", level="course", at="Komvux", period=(None, 2020)),
            ),
            experience=(
                job("reskontraansvarig", at="Jönköpings Bildemontering", period=(2016, 2025)),
            ),
            other=(oth("arbetat i Fortnox"),),
        ),
        Applicant(
            "Ahmed",
            "Osman",
            "ahmed.osman@example.se",
            "076-382 15 97",
            30,
            path=REJECTED_AFTER_INTERVIEW,
            education=(
                edu(
                    "företagsekonomi",
                    level="bachelor",
                    at="Jönköping University",
                    period=(None, 2021),
                ),
            ),
            experience=(job("ekonomiassistent", at="Region Jönköpings län", period=(2021, 2025)),),
            decisive=("Vana av affärssystem", "Goda kunskaper i Excel"),
            explanation=(
                "Vi arbetar i Visma Business, och den vi anställde har flera års vana av det "
                "och av avstämningar i Excel. Din erfarenhet av reskontra är god, men du har "
                "inte arbetat i Visma eller ett liknande system lika länge."
            ),
            calls=(
                Call(
                    Outcome.REACHED,
                    "Gick igenom beslutet och de avgörande kraven. Ahmed ställde några frågor "
                    "och vill ha en skriftlig sammanfattning.",
                    summary_requested=True,
                    talent_pool=True,
                ),
            ),
        ),
        Applicant(
            "Lena",
            "Sjöberg",
            "lena.sjoberg@example.se",
            "070-159 62 48",
            27,
            path=REJECTED_AFTER_INTERVIEW,
            education=(edu("handelsprogrammet", level="upper_secondary", period=(None, 1995)),),
            experience=(
                job("löne- och ekonomiassistent", at="Tenhults Möbler", period=(2005, 2025)),
            ),
            other=(oth("affärssystemet Hogia och Excel"),),
            partly=("Erfarenhet av reskontra",),
            decisive=("Erfarenhet av reskontra",),
            explanation=(
                "Tjänsten handlar till största delen om leverantörs- och kundreskontra. Din "
                "erfarenhet gäller främst lönearbete, och den vi anställde har längre "
                "erfarenhet av reskontra."
            ),
            calls=(
                Call(Outcome.NO_ANSWER, "Inget svar. Försöker igen i morgon.", minute=30),
                Call(
                    Outcome.REACHED,
                    "Gick igenom beslutet. Lena frågade vad som vägde tyngst och vill gärna vara "
                    "med i vår talangpool.",
                    days_after=2,
                    hour=13,
                    minute=15,
                    talent_pool=True,
                ),
            ),
            # Confirmed the talent pool from the link the call's "yes" sent her.
            joins_talent_pool="Ekonomi och lön",
        ),
        Applicant(
            "Rebecca",
            "Olsson",
            "rebecca.olsson@example.com",
            "072-845 30 71",
            24,
            path=REJECTED_AT_SCREENING,
            education=(
                edu("samhällsvetenskapsprogrammet", level="upper_secondary", period=(None, 2023)),
            ),
            experience=(job("kassabiträde", at="Coop Jönköping", period=(2023, 2025)),),
            lacks=("Erfarenhet av reskontra", "Utbildning inom ekonomi"),
            rejection_reason=(
                "Tjänsten kräver minst två års erfarenhet av reskontra och en utbildning inom "
                "ekonomi, och det framgick inte av din ansökan."
            ),
        ),
        Applicant(
            "Kristoffer",
            "Dahl",
            "kristoffer.dahl@example.se",
            "073-527 68 14",
            22,
            path=REJECTED_AT_SCREENING,
            education=(edu("redovisningskonsult", level="vocational", period=(None, 2025)),),
            experience=(
                job(
                    "",
                    field="redovisning",
                    level="internship",
                    at="Redovisningsbyrå i Värnamo",
                    period=(None, 2025),
                ),
            ),
            lacks=("Erfarenhet av reskontra",),
            rejection_reason=(
                "Tjänsten kräver minst två års erfarenhet av leverantörs- eller kundreskontra. "
                "Din utbildning motsvarar kravet, men den erfarenheten framgick inte av din "
                "ansökan."
            ),
        ),
        Applicant(
            "Ida",
            "Hedlund",
            "ida.hedlund@example.se",
            "073-640 27 15",
            19,
            path=REJECTED_AT_SCREENING,
            education=(edu("ekonomiprogrammet", level="upper_secondary", period=(None, 2019)),),
            experience=(job("kundtjänstmedarbetare", at="Jönköping Energi", period=(2021, 2025)),),
            lacks=("Erfarenhet av reskontra",),
            rejection_reason=(
                "Tjänsten kräver minst två års erfarenhet av leverantörs- eller kundreskontra, "
                "och det framgick inte av din ansökan."
            ),
        ),
        Applicant(
            "Aleksandra",
            "Nowak",
            "aleksandra.nowak@example.com",
            "076-190 54 33",
            15,
            path=REJECTED_AT_SCREENING,
            language="en",
            education=(
                edu(
                    "finance and accounting",
                    level="master",
                    at="University of Warsaw, Polen",
                    period=(2018, 2020),
                ),
            ),
            experience=(
                job(
                    "accounts payable specialist",
                    at="Shared services centre Kraków",
                    period=(2020, 2025),
                ),
            ),
            other=(oth("SAP FI"),),
            # She meets both requirements: the reason compares merits of the profile instead.
            rejection_reason=(
                "Many applicants met both requirements. We invited those whose applications "
                "showed the most of the profile's merits – an accounting system such as Visma "
                "or Fortnox, Excel for reconciliations and service to suppliers – and chose "
                "others this time."
            ),
        ),
        Applicant(
            "Therese",
            "Axelsson",
            "therese.axelsson@example.se",
            "070-806 91 25",
            10,
            path=(Stage.REJECTED,),
            education=(
                edu("vård- och omsorgsprogrammet", level="upper_secondary", period=(None, 2012)),
            ),
            experience=(job("undersköterska", at="Ryhov Jönköping", period=(2012, 2025)),),
            rejection_reason=(
                "Tjänsten kräver erfarenhet av reskontra och en utbildning inom ekonomi, och det "
                "framgick inte av din ansökan."
            ),
        ),
        Applicant(
            "Jessica",
            "Nyberg",
            "jessica.nyberg@example.se",
            "072-697 13 58",
            21,
            path=WITHDRAWN_AT_SCREENING,
            education=(edu("ekonomiassistent", level="vocational", period=(None, 2017)),),
            experience=(job("ekonomiassistent", at="Smålands Mekaniska", period=(2017, 2025)),),
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
    decided_working_days_ago=2,
    interview_video="https://meet.example.se/nordlager-support",
    impressions=(
        "Calm and structured, answered with concrete cases and asked about the team.",
        "Engaged and curious, but some answers stayed general without examples.",
        "Clear and well prepared; walked through a difficult case step by step.",
        "Brief at first, more detailed when the questions were about real customer cases.",
    ),
    strengths=(
        "Strong examples of turning an unhappy customer into a satisfied one.",
        "Experienced with Zendesk macros and ticket routing.",
        "Writes short, friendly and correct answers.",
        "Follows cases through with the warehouse until they are solved.",
    ),
    tips=(
        "Give more concrete examples with numbers, such as tickets per day or response times.",
        "Say more about what you did yourself, not only what the team did.",
        "Prepare a question about how we work; it shows interest.",
        "Describe your experience with ticket systems in more detail.",
    ),
    applicants=(
        Applicant(
            "Laura",
            "Bianchi",
            "laura.bianchi@example.com",
            "070-431 86 27",
            1,
            language="en",
            education=(
                edu(
                    "modern languages",
                    level="bachelor",
                    at="University of Bologna, Italien",
                    period=(2016, 2019),
                ),
            ),
            experience=(
                job("customer service agent", at="Booking.com Amsterdam", period=(2019, 2025)),
            ),
            other=(oth("Zendesk"),),
        ),
        Applicant(
            "James",
            "O'Connor",
            "james.oconnor@example.com",
            "072-586 09 44",
            3,
            language="en",
            education=(
                edu(
                    "business",
                    level="vocational",
                    at="Dublin Business School, Irland",
                    period=(2019, 2020),
                ),
            ),
            experience=(
                job(
                    "technical support agent", at="Dell Technologies Limerick", period=(2020, 2025)
                ),
            ),
        ),
        Applicant(
            "Sven",
            "Almqvist",
            "sven.almqvist@example.se",
            "073-350 72 18",
            6,
            path=SCREENED,
            education=(
                edu("engelska", level="bachelor", at="Göteborgs universitet", period=(None, 2021)),
            ),
            experience=(job("kundtjänstmedarbetare", at="Telia Jönköping", period=(2021, 2025)),),
            other=(oth("Freshdesk"),),
        ),
        Applicant(
            "Nadia",
            "Petrova",
            "nadia.petrova@example.com",
            "076-623 41 05",
            9,
            path=INTERVIEWED,
            language="en",
            education=(
                edu("linguistics", level="bachelor", at="Sofia University", period=(None, 2017)),
            ),
            experience=(
                job("customer support specialist", at="Zalando Berlin", period=(2017, 2022)),
                job(
                    "teamledare",
                    field="kundtjänst",
                    level="leadership",
                    at="Boozt, Malmö",
                    period=(2022, 2025),
                ),
            ),
            other=(oth("Zendesk"),),
        ),
        Applicant(
            "Tom",
            "Fischer",
            "tom.fischer@example.com",
            "070-148 35 69",
            11,
            path=REJECTED_AT_SCREENING,
            language="en",
            education=(
                edu(
                    "detaljhandel (Kaufmann im Einzelhandel)",
                    level="vocational",
                    at="Berufsschule Hamburg, Tyskland",
                    period=(2021, 2024),
                ),
            ),
            experience=(job("sales assistant", at="MediaMarkt Hamburg", period=(2024, 2025)),),
            lacks=("Customer service experience",),
            rejection_reason=(
                "The job asks for at least one year of customer service, answering customers "
                "by email, chat and phone, and we could not see that in your application."
            ),
        ),
    ),
)

RECRUITMENTS = (WAREHOUSE, BACKEND, FINANCE, SUPPORT, *PAST)
