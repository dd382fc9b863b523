"""Context by grammar: does a sensitive word describe a person, or a subject of work?

"Hon har ADHD" is about the candidate; "Hon har arbetat med barn med ADHD" is about her work.
The lexicon's fixed word windows cannot tell these apart (the work word may be seven words
away, and a "things, not people" word elsewhere in the sentence must not cancel a real hit),
so each hit of a protected ground is judged from the structure of its own sentence:

1. The sentence around the hit is cut out (a full stop before a capital letter, ``!``, ``?``
   or a line break ends one; "t.ex." and "p.g.a." do not).
2. From the hit backwards, the nearest *signal* in its clause decides:
   a **person signal** (a personal pronoun or "kandidaten"/"the candidate" as subject, a
   possessive "hennes/his/their", "själv/herself") binds the hit to a person; a **work
   signal** ("har arbetat med", "erfarenhet av", "kunskap om", "utbildning i", "examen i",
   "undervisat i", "ansvarat för", "worked with", "degree in", "responsible for", "policy",
   "projekt", "target group", "brukare/users/patients") makes the hit its object, a subject
   of work. A relative pronoun ("som", "who") passes to its antecedent's governor; a clause
   that starts with a verb after "och/men/and/but" takes the subject of the clause before.
3. A work noun as the head of the hit ("rullstolsanvändare", "wheelchair users",
   "parental leave policy", "pensionärer som målgrupp") makes it work too, unless the
   hit is the predicate of a person ("hon är rullstolsanvändare").
4. The job's requirement profile: when a requirement's name or description names the
   same topic (the same lexicon entry), a hit that no person signal binds is job-related.

A person signal that binds the hit wins over every work word elsewhere in the sentence, and
over the entry's ``unless_near`` window. ``exceptions`` (phrases overlapping the hit) still
cancel first. Every decision names its rule (:class:`Decision`), shown by :func:`explain`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from aterkoppla.lib.language_check.lexicon import Entry, Lexicon, lexicon

# Judged by grammar; "fit" and "disrespect" are about the writer's tone, not a ground.
GROUNDS = frozenset(
    {
        "sex",
        "transgender_identity",
        "ethnicity",
        "religion",
        "disability",
        "sexual_orientation",
        "age",
        "parental_leave",
        "union",
        "special_category",
    }
)
FLAGS = re.IGNORECASE | re.UNICODE
REACH = 600  # characters looked at on either side of a hit for its sentence


@dataclass(frozen=True, slots=True)
class Decision:
    """Why a hit was kept or cancelled: ``rule`` names the rule, ``signal`` the words."""

    flagged: bool
    rule: str = ""
    signal: str = ""


DEFAULT = Decision(flagged=True)


def _alt(words: Iterable[str]) -> str:
    return "(?:" + "|".join(words) + ")"


@dataclass(frozen=True)
class Grammar:
    signals: re.Pattern[str]
    head: re.Pattern[str]
    compound_head: re.Pattern[str]
    predicate: re.Pattern[str]
    person_head: re.Pattern[str]
    verb_start: re.Pattern[str]
    plural_antecedent: re.Pattern[str]
    name: re.Pattern[str]
    # "people with diabetes": a group of people in general, not the candidate; unless a
    # hiring verb or a negation before it makes it a blanket exclusion.
    exclusion: re.Pattern[str] | None = None
    # "Turkish and Greek yoghurt": a thing after the hit, read only when no person is named.
    thing: re.Pattern[str] | None = None
    third_party: re.Pattern[str] | None = None


_SV_FINITE = [
    "är", "var", "blev", "blir", "har", "hade", "verkar", "verkade", "kommer", "ska", "skulle",
    "kan", "kunde", "vill", "ville", "måste", "behöver", "behövde", "lider", "led", "väntar",
    "väntade", "tar", "tog", "går", "gick", "bär", "bar", "talar", "pratar", "pratade",
    "berättar", "berättade", "nämner", "nämnde", "sa", "sade", "säger", "saknar", "saknade",
    "bor", "bodde", "fyller", "fyllde", "känner", "kände", "tycks", "uppger", "uppgav",
    "använder", "använde", "får", "fick", "klarar", "orkar", "orkade", "slutade", "började",
    "tillhör", "tror", "trodde", "ser", "såg", "sitter", "satt",
    "ber", "bad", "äter", "åt", "lever", "levde", "fastar", "fastade", "firar", "firade",
    "stammar", "röker", "dricker", "ammar", "vabbar", "identifierar",
]  # fmt: skip
_EN_FINITE = [
    "is", "was", "are", "were", "has", "had", "have", "became", "becomes", "seems", "seemed",
    "appears", "appeared", "looks", "looked", "will", "would", "can", "could", "wants",
    "wanted", "must", "needs", "needed", "suffers", "suffered", "takes", "took", "goes",
    "went", "wears", "wore", "told", "tells", "mentioned", "mentions", "said", "says", "uses",
    "used", "lacks", "lacked", "lives", "lived", "turns", "turned", "feels", "felt", "may",
    "might", "should", "plans", "planned", "expects", "is expecting",
]  # fmt: skip
_SV_SUBJECT = [
    "hon", "han", "hen", "henne", "honom", "kandidaten", "den\\s+sökande", "sökanden",
    "den\\s+intervjuade", "personen", "du", "dig", "någon", "nån", "en\\s+person",
]  # fmt: skip
_EN_SUBJECT = [
    "she", "he", "him", "you", "the\\s+candidate", "candidate", "the\\s+applicant",
    "applicant", "the\\s+interviewee", "someone", "somebody", "anyone", "anybody",
    "a\\s+person",
]  # fmt: skip
_SV_WORK_NOUNS = [
    "\\w*brukar(?:e|en|na)", "\\w*användar(?:e|en|na)", "\\w*patient(?:er|en|erna)?",
    "\\w*klient(?:er|en|erna)?", "\\w*vårdtagar(?:e|en|na)", "\\w*omsorgstagar(?:e|en|na)",
    "elev(?:er|en|erna)?", "\\w+elev(?:er|erna)", "\\w*deltagar(?:e|en|na)",
    "kund(?:er|en|erna)", "besökar(?:e|na)", "\\w*målgrupp(?:en|er|erna)?",
]  # fmt: skip
_EN_WORK_NOUNS = [
    "(?:service\\s+)?users?", "clients?", "customers?", "patients?", "residents?", "pupils?",
    "students?", "participants?", "learners?", "service\\s+users", "target\\s+groups?", "tenants?",
]  # fmt: skip
_SV_ADVERBS = (
    "(?:\\s+(?:mycket|länge|främst|mest|direkt|särskilt|också|även|nära|dagligen|aktivt"
    "|tidigare|bland\\s+annat|mestadels|huvudsakligen))?"
)
_EN_ADVERBS = (
    "(?:\\s+(?:closely|directly|mainly|mostly|extensively|primarily|daily|also|previously"
    "|especially))?"
)
# Activities, plans, programmes and lists for a group, harassment or discrimination, writing or
# teaching about a topic, mentoring and receiving a group, as subjects of work: "aktiviteter
# för pensionärer", "handlingsplan mot trakasserier på grund av kön", "sin uppsats om kvinnors
# karriärvägar", "mentor för tjejer", "utbildat personal om transpersoners rättigheter".
_SV_WORK_TOPICS = [
    "\\w*aktivitet(?:en|er|erna)?\\s+(?:för|med|åt)",
    "\\w+plan(?:en|er|erna)?\\s+(?:mot|för|kring)",
    "(?:trakasserier|diskriminering|kränkningar|särbehandling)\\s+(?:på\\s+grund\\s+av|pga|utifrån)",
    "\\w*program(?:met|men)?\\s+(?:för|åt|med)",
    "\\w*(?:uppsats|avhandling|rapport|artikel|studie|föreläsning)(?:en|er|erna)?\\s+(?:om|kring)",
    "\\w*(?:mentor|tränare|förebild)\\s+(?:för|åt|till)", "\\w*mottagning(?:en)?\\s+(?:av|för)",
    "(?:utbild|informer|föreläs)\\w*\\s+\\w+\\s+(?:om|i|kring)",
    "\\w*(?:kalender|lista|översikt|sammanställning)\\w*\\s+(?:över|om|för)",
]  # fmt: skip
# A verb of work whose object the hit is: "har hanterat föräldrapenning", "har förskrivit
# rullstolar", "utreder ADHD hos vuxna". A closed list: most verbs also take what a person
# has or does ("har utvecklat diabetes", "har sparat dagar inför föräldraledigheten",
# "har informerat oss om graviditeten"), so only verbs of professional work on a subject
# matter count, as a supine after "har/hade" (also with the subject after it, "Som
# lönespecialist har han rättat avdrag för vab", and without "har" in a subordinate clause,
# "hur han löst en tvist om …"). Passives ("har behandlats") end in -s and never count.
_SV_WORK_SUPINES = [
    "rättat", "hanterat", "förskrivit", "ordnat", "utrett", "analyserat", "projekterat",
    "byggt", "utbildat", "lagerhållit", "skrivit", "delat\\s+ut", "lagt\\s+om", "skött",
    "bedömt", "förhandlat", "katalogiserat", "guidat", "sålt", "programmerat", "implementerat",
    "handlett", "översatt", "lärt\\s+ut", "monterat", "kontrollerat", "rekryterat",
    "installerat", "designat", "administrerat", "dokumenterat", "granskat", "kartlagt",
    "inventerat", "kalibrerat", "restaurerat", "renoverat", "konstruerat", "levererat",
    "publicerat", "producerat", "intervjuat", "coachat", "handlagt", "behandlat", "assisterat",
    "rådgett", "föreläst", "bokfört", "fakturerat", "budgeterat", "upphandlat", "medlat",
    "tolkat", "transkriberat", "redigerat", "certifierat", "ritat", "projektlett",
    "arrangerat", "schemalagt", "bemannat", "utvärderat", "följt\\s+upp", "arkiverat",
    "registrerat", "diariefört", "kodat", "migrerat", "underhållit", "reparerat", "svetsat",
    "sorterat", "städat", "serverat", "lagat", "kört", "transporterat", "lastat", "plockat",
    "packat", "expedierat", "marknadsfört", "anställt", "introducerat", "mentorerat",
    "instruerat", "fotograferat", "filmat", "regisserat", "modererat", "beviljat", "beräknat",
    "modellerat", "simulerat", "validerat", "verifierat", "kvalitetssäkrat", "inspekterat",
    "besiktigat", "auditerat", "reviderat", "konserverat", "utformat", "tagit\\s+fram",
    "byggt\\s+upp", "satt\\s+upp", "löst", "organiserat\\s+om", "katalogiserat",
]  # fmt: skip
_SV_WORK_OBJECT = [
    # A job ad's own frame: "Arbetsuppgifter: …", "I tjänsten ingår att …", "Rollen innebär …".
    "(?:arbetsuppgifter(?:na)?|ansvarsområden?|meriterande|krav|kvalifikationer|uppdrag(?:et)?)\\s*:",
    "(?:tjänsten|rollen|uppdraget|jobbet|arbetet)\\s+(?:innebär|omfattar)",
    "ingår(?:\\s+det)?(?:\\s+att)?",
    "samarbet\\w*\\s+med",
    "intresse(?:t)?\\s+(?:för|av)",
    "kampanj\\w*\\s+(?:för|om|mot)",
    "sälj(?:a|er)",
    "sålde",
    # Not blending in among people: "passa in bland", "sticka ut bland".
    "(?<!\\bin\\s)(?<!\\but\\s)bland(?!\\s+annat)",
    # Other people's: "de anställdas föräldraledighet", "personalens sjukfrånvaro".
    "anställdas|medarbetarnas|medarbetares|kollegornas|kollegors|personalens|arbetstagarnas"
    "|arbetstagares|elevernas|kundernas|patienternas|brukarnas|deltagarnas",
    # Discrimination as a subject: "diskriminering på grund av etnisk tillhörighet".
    "diskriminer\\w*(?:\\s+(?:på\\s+grund\\s+av|pga|p\\.g\\.a\\.?|av|mot|utifrån))?",
    # Finite forms of verbs of professional work on a subject matter.
    "(?:hanter|administrer|analyser|projekter|dokumenter|utvärder"
    "|förhandl|beräkn|gransk|kartlägg)(?:a|ar|ade|at)?(?!\\s+åt)",
    "(?:utred|bedöm|förskriv|lagerhåll)(?:a|er|de|de|t|tt|it)?",
    "(?:följ(?:a|er|de|t)?|följt)\\s+upp",
    "hjälp(?:a|er|te|t)",
    # Texts and courses about a topic: "en uppsats om religionsfrihet", "kursen Judisk historia".
    "\\w*(?:rapport|uppsats|artikel|artiklar|handbok|handböcker|bok|böcker|avhandling"
    "|föreläsning|studie|studier|utredning|dokumentär|film|podd|broschyr|material"
    "|vägledning|text|texter|examensarbete|seminari\\w*|workshop|information|konferens|utställning"
    "|temadag|festival|evenemang|serie|manus|reportage)"
    "(?:en|et|er|ar|na|arna|erna)?\\s+(?:(?:som\\s+)?(?:handlar|handlade)\\s+om|om|kring|rörande"
    "|(?:som\\s+)?(?:gäller|gällde|behandlar|behandlade|beskriver|beskrev|undersöker|undersökte))",
    "\\w*kurs(?:en|erna)",
    "skriv(?:a|er|it)\\s+om",
    "skrev\\s+om",
    "föreläs\\w*",
    # Contact with, advice to, care for people with a condition.
    "kontakt(?:er|en)?\\s+med",
    "råd\\s+(?:till|om|kring)",
    # Also with an age range between: "unga vuxna 18–25 år med psykisk ohälsa".
    "(?:personer|människor|individer|vuxna|ungdomar|familjer|äldre|unga)"
    "(?:\\s+\\d{1,2}\\s*[–-]\\s*\\d{1,2}\\s+år)?\\s+med",
]
# A subject after its verb: "ansvarade han för", "arbetade hon med".
_SV_INVERTED = "(?:\\s+(?:han|hon|hen|du|vi|de))?"
_SV_WORK = [
    f"(?:arbet|jobb)(?:a|ar|at|ade|e|et){_SV_INVERTED}{_SV_ADVERBS}"
    "(?:\\s+(?:på|i|vid|hos)(?:\\s+[\\w-]+){1,3}?)?\\s+(?:med|inom|mot|kring|som)",
    # The place someone worked at: "har arbetat på en kvinnojour", not "på deltid".
    f"(?:arbet|jobb)(?:at|ade){_SV_INVERTED}{_SV_ADVERBS}\\s+(?:på|vid|hos)"
    "(?!\\s+(?:deltid|heltid|halvtid|distans|natt|nätter(?:na)?|kvällar(?:na)?|helg\\w*"
    "|sabbat\\w*|jul\\w*|påsk\\w*|midsommar\\w*|\\w*dag(?:ar|en|arna)?|ramadan\\w*)(?![\\w]))",
    "(?:arbet|jobb)(?:at|ade)\\s+(?:på|vid|hos|i)\\s+(?:en|ett)",
    "erfarenhet(?:er|en|erna)?\\s+(?:av|inom|från|med|kring|i)",
    "kunskap(?:er|en|erna)?\\s+(?:om|i|inom|kring|av)", "kunnig\\w*\\s+(?:om|i|inom)",
    "kompetens\\w*\\s+(?:om|i|inom|kring)", "förståelse\\s+för", "insikt(?:er)?\\s+(?:i|om)",
    "expert\\w*\\s+(?:på|inom|i)", "speciali\\w*\\s+(?:på|inom|i|mot)",
    "inrikt\\w*\\s+(?:mot|på)", "fokus\\w*\\s+på",
    "utbild(?:ning|ningar|ningen|ad|ade|at|a)?\\s+(?:i|inom|om|kring|mot)",
    "\\w*examen\\s+(?:i|inom)", "\\w*kurs(?:er|en|erna)?\\s+(?:i|om|inom)",
    "stud(?:erar|erat|erade|era|ier|ierna)", "läs(?:er|t|te)", "undervis\\w*(?:\\s+(?:i|om))?",
    "\\w*lärare\\s+(?:i|för)", f"ansvar(?:ar|at|ade|a|et)?{_SV_INVERTED}\\s+för",
    "ansvarig\\w*\\s+för",
    "handlägg\\w*", "samordn\\w*", "stött(?:a|ar|at|ade|ning)",
    "stöd(?:jer|de|ja|t)?\\s+(?:till|för|åt)",
    "vård(?:a|ar|at|ade)", "vård(?:en)?\\s+av", "omsorg(?:en)?\\s+(?:om|av)",
    "omvårdnad(?:en)?\\s+av", "bemöt\\w*", "handled\\w*", "rådgiv\\w*",
    "forsk\\w*\\s+(?:om|kring|på|inom|i)",
    "frågor(?:na)?(?:\\s+från\\s+[\\w-]+)?\\s+(?:om|kring|som\\s+rör|rörande)",
    "\\w*ärenden\\s+(?:om|kring|som\\s+rör|rörande)", "riktlinje\\w*",
    "rutin(?:er|erna|en)?\\s+för",
    "\\w*polic(?:y|yn|ys|ies)", "\\w*projekt(?:et|en|s)?", "\\w*boende(?:t|n)?",
    "\\w*ämne(?:t|n|na)?", "\\w*verksamhet(?:en|er)?\\s+(?:för|med|inom)",
    "insats(?:er|erna)?\\s+(?:för|till|mot)",
    "\\w*(?:chef|ledare|samordnare|coach|kontaktperson|stödperson|assistent)"
    "\\s+(?:för|åt|till|inom)",
    "tillgänglighet\\w*", "\\w*förhandl\\w*(?:\\s+\\w+)?\\s+(?:med|mot)",
    "administrer(?:a|ar|at|ade)", "hanter(?:a|ar|at|ade)", "s(?:ålt|ålde|äljer|älja)",
    "\\w*(?:app|system|portal|modul|blankett|formulär|verktyg|funktion)"
    "(?:en|et|er|ar|arna|erna|na)?\\s+för", "utre(?:tt|dde|der|da)",
    "delegering\\w*\\s+(?:för|av|på)",
    "\\w*(?:uppsats|avhandling|artikel|artiklar|rapport)\\w*\\s+(?:om|kring|på)",
    "\\w*(?:ombudsman|ombudsmän|anställd|handläggare|utredare|jurist|ekonom|kommunikatör)"
    "\\s+(?:på|hos|vid)", *_SV_WORK_NOUNS,
    "\\w*(?:avdelning|enhet|mottagning|klinik|skola|center|centrum|hem|grupp|team)"
    "(?:en|et|er|ar|na)?\\s+(?:för|med)",
    *_SV_WORK_TOPICS,
    "\\w*(?:studio|butik|jour|linje|program|nätverk|förening)(?:en|et|er|ar|na)?\\s+(?:för|med)",
    *_SV_WORK_OBJECT,
]  # fmt: skip
# The supine of a verb of work, after "har" or in a subordinate clause.
_SV_WORK.append(
    "(?:(?:har|hade|ha)(?:\\s+(?:han|hon|hen|du|vi|de|kandidaten|personen|sökanden))?"
    "|(?:hur|att|där)\\s+(?:han|hon|hen|du|vi|de)|och|samt|eller)"
    "(?:\\s+som\\s+[\\w-]+)?"
    "(?:\\s+(?:inte|aldrig|också|även|tidigare|länge|främst|ofta|alltid|nyligen|redan|just"
    "|dessutom|bland\\s+annat|bl\\.a\\.|framgångsrikt|självständigt|aktivt|mestadels))*"
    f"\\s+{_alt(_SV_WORK_SUPINES)}"
)
_EN_WORK = [
    f"work(?:s|ed|ing)?{_EN_ADVERBS}\\s+(?:with|on|in|among|alongside|as)",
    "experience[ds]?\\s+(?:of|in|with|from|working|supporting|teaching|around)",
    "knowledge\\s+(?:of|about|in|around)", "expertise\\s+(?:in|on|with|around)",
    "understanding\\s+of", "awareness\\s+of", "background\\s+in", "speciali[sz]\\w*\\s+in",
    "focus\\w*\\s+on", "degree\\s+in",
    "(?:bachelor|master|doctorate|phd|msc|bsc|ba|ma|mba)(?:'s)?(?:\\s+degree)?\\s+in",
    "(?:diploma|certificate|qualifications?)\\s+in", "trained\\s+in", "training\\s+(?:in|on|about)",
    "stud(?:y|ied|ies|ying)", "taught", "teach(?:es|ing)?", "teacher\\s+of",
    "lectur\\w*\\s+(?:in|on|about)", "courses?\\s+(?:in|on|about)", "modules?\\s+(?:in|on)",
    "responsib\\w*\\s+for", "in\\s+charge\\s+of", "manag(?:ed|es|ing)", "led", "leads",
    "leading", "coordinat\\w*", "oversaw", "oversee\\w*", "support(?:s|ed|ing)",
    "assist(?:s|ed|ing)", "advis\\w*\\s+on", "advice\\s+on", "counsel\\w*",
    "research\\w*\\s+(?:on|into|in|about)",
    "(?:issues|questions|matters|cases|casework)\\s+(?:about|on|involving|around|concerning)",
    "polic(?:y|ies)", "guidelines?", "procedures\\s+for", "subjects?",
    "projects?(?!\\s+(?:lead|leader|manager|coordinator|owner))",
    "(?:manager|lead|leader|coordinator|assistant|carer|caregiver|support\\s+worker|coach)"
    "\\s+(?:for|of|to)",
    "program(?:me)?s?\\s+(?:for|on|about)", "services?\\s+for",
    "(?:schemes?|initiatives?|networks?|campaigns?|mentoring|mentorship|workshops?)"
    "\\s+(?:for|aimed\\s+at|targeting|targeted\\s+at)",
    "(?:thes[ie]s|dissertations?|essays?|papers?|articles?|reports?|books?|podcasts?|documentar(?:y|ies)"
    "|series|films?|exhibitions?|shows?)\\s+(?:on|about|into)",
    "(?:case\\s*workers?|case\\s+(?:officer|manager)s?|social\\s+workers?|counsell?ors?|advis[eo]rs?"
    "|interpreters?|mentors?|tutors?|guides?|specialists?|consultants?)\\s+(?:for|of|to|with)",
    "process(?:es)?\\s+for", "intake", "research(?:ed|ing)",
    # Not a duration: "grow with the team for 20+ years" is not a team for a group of people.
    "(?:wards?|units?|clinics?|cent(?:re|er)s?|homes?|schools?|teams?|groups?)\\s+(?:for|with)"
    "(?!\\s+(?:(?:about|over|almost|nearly|at\\s+least|more\\s+than|the\\s+(?:next|last|past)|a\\s+(?:few|couple\\s+of))\\s+)?"
    "(?:\\d+\\+?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty|many|several|some)\\s+"
    "(?:years?|yrs|months?|weeks?|days?|decades?)(?![\\w]))",
    "accessibility", "inclusion", "caring\\s+for", "care\\s+(?:for|of)",
    *_EN_WORK_NOUNS,
    # A possessive before a work product is the author's, not the topic's owner: "her thesis on
    # Islam", "his research on depression".
    "(?:her|his|their|your)\\s+(?:(?:master's|bachelor's|doctoral|phd|own)\\s+)?(?:thesis|dissertation"
    "|papers?|essays?|articles?|books?|research|stud(?:y|ies)|reports?|presentations?|lectures?"
    "|talks?|blog|podcast|courses?|modules?|curriculum|lessons?|classes|students|pupils|patients"
    "|clients|customers|users|apps?|products?|tools?|company|business|portfolio|campaigns?"
    "|projects?|analys[ie]s|survey|dashboard|designs?)",
    # Other people's: "employees' parental leave", "the patients' medication".
    "(?:employees|staff|colleagues|workers|clients|patients|users|customers|members|pupils"
    "|students|residents|visitors|tenants|passengers|guests)(?:'s|')",
]  # fmt: skip
# A person as the agent of a work verb, the hit its object: "she ran payroll for … parental
# leave deductions", "he restored a church and a mosque". Not for union activity, where the
# verb is the activity itself ("he organised a union drive").
_EN_AGENT = [
    "process(?:es|ed|ing)", "handl(?:es|ed|ing)", "administer(?:s|ed|ing)?", "calculat\\w*",
    "buil(?:t|ds|ding)", "design(?:s|ed|ing)", "wr(?:ote|ites|iting)", "draft(?:s|ed|ing)",
    "updat(?:e|es|ed|ing)", "analy[sz](?:e|es|ed|ing)", "review(?:s|ed|ing)", "audit(?:s|ed|ing)",
    "negotiat\\w*", "represent(?:s|ed|ing)", "advis(?:e|es|ed|ing)", "prepar(?:e|es|ed|ing)",
    "implement\\w*", "configur\\w*", "restor(?:e|es|ed|ing)", "renovat\\w*", "assess(?:es|ed|ing)?",
    "screen(?:s|ed|ing)", "treat(?:s|ed|ing)", "track(?:s|ed|ing)", "document(?:s|ed|ing)",
    "clean(?:s|ed|ing)", "cover(?:s|ed|ing)", "compar(?:e|es|ed|ing)", "serv(?:e|es|ed|ing)",
    "sell(?:s|ing)?", "sold", "market(?:s|ed|ing)", "target(?:s|ed|ing)", "translat\\w*",
    "organi[sz](?:e|es|ed|ing)",
    # Not "the office runs on memes", "the plant runs on diesel": fuelled by, not run by.
    "(?:r[ua]n|runs|running)(?!\\s+(?:(?:to|away|off|from|out|into|in)(?![\\w])|on(?![\\w-])))",
    "help(?:s|ed|ing)", "visit(?:s|ed|ing)",
    "train(?:s|ed|ing)", "arrang(?:e|es|ed|ing)", "schedul(?:e|es|ed|ing)", "recruit(?:s|ed|ing)",
    "invoic(?:e|es|ed|ing)", "monitor(?:s|ed|ing)", "report(?:s|ed|ing)\\s+on", "dispens\\w*",
    "fit(?:s|ted|ting)", "install(?:s|ed|ing)", "adapt(?:s|ed|ing)",
    "test(?:s|ed|ing)(?!\\s+(?:positive|negative))", "prescrib\\w*", "suppl(?:y|ies|ied|ying)",
    "repair(?:s|ed|ing)?", "maintain(?:s|ed|ing)?", "deliver(?:s|ed|ing)?", "stock(?:s|ed|ing)",
    "answer(?:s|ed|ing)", "investigat\\w*", "examin(?:e|es|ed|ing)", "catalogu?(?:e|es|ed|ing)",
    "digiti[sz]\\w*", "archiv(?:e|es|ed|ing)", "set(?:s|ting)?\\s+up", "code[sd]?", "coding",
]  # fmt: skip
_SV_HEADS = [
    "brukare\\w*", "användare\\w*", "patient\\w*", "klient\\w*", "kunder\\w*", "vårdtagare\\w*",
    "elever\\w*", "deltagare\\w*", "målgrupp\\w*", "polic\\w*", "projekt\\w*", "frågor\\w*",
    "ärenden\\w*", "vård\\w*", "omsorg\\w*", "mottagning\\w*", "forskning\\w*", "verksamhet\\w*",
    "insats\\w*", "anpassa\\w*", "vänlig\\w*", "boende\\w*", "rutin\\w*", "utbildning\\w*",
    "process\\w*", "kedja\\w*", "koordinator\\w*", "statistik\\w*",
    "evenemang\\w*", "event\\w*", "festival\\w*", "kampanj\\w*", "konferens\\w*", "seminari\\w*",
    # Laws, benefits, insurance, facilities and bodies named after a topic:
    # "föräldraledighetslagen", "sjukersättning", "handikapptoaletter", "pensionärsföreningar".
    "lag(?:en|ar|arna|stiftning\\w*)?", "ersättning\\w*", "försäkring\\w*", "tillägg\\w*",
    "förening(?:en|ar|arna)?", "förbund\\w*", "toalett\\w*", "utredning\\w*", "frihet\\w*",
    "\\w*sköterska\\w*", "\\w*sköterskor\\w*", "avdrag\\w*", "statistik\\w*", "kostnad\\w*",
]  # fmt: skip
_EN_HEADS = [
    "users?", "clients?", "customers?", "patients?", "residents?", "pupils?", "students?",
    "participants?", "polic(?:y|ies)", "projects?", "issues", "cases", "services?", "care",
    "accessible", "friendly", "access", "units?", "ward", "research", "training", "awareness",
    "support", "benefits?", "pay", "entitlements?", "rights",
    "guidelines", "deductions?", "uptake", "consultations?", "negotiations?",
    "fees?", "contracts?", "visitors?", "guests?", "passengers?", "travell?ers", "tenants?",
    "viewers?", "audiences?", "shoppers?", "periods?", "cuisine", "dishes", "verification",
    "clinics?", "cent(?:re|er)s?", "departments?", "calendars?", "ranges?", "owners?",
]  # fmt: skip
_SV_PERSONS = [
    "kandidat\\w*", "sökande", "medarbetar\\w*", "kolleg\\w*", "anställd\\w*", "personal\\w*",
    "\\w*(?:ledare|ledaren|chef|chefen|ansvarig|ansvariga|samordnare|samordnaren)",
]  # fmt: skip
_EN_PERSONS = [
    "candidates?", "applicants?", "staff", "employees?", "colleagues?", "hires?", "recruits?",
    "team\\s+members?", "(?:project|team|line)\\s+(?:lead|leader|manager|coordinator|owner)",
    "manager", "supervisor", "boss",
]  # fmt: skip
# Clients or customers who WANT a kind of person: "the client would prefer a male engineer",
# "our customers expect young staff". The work noun is then the subject of a wish about the
# candidate, not the people the candidate works with, so it binds the hit instead of cancelling it.
_EN_PREFERENCE = (
    "(?:(?:the|our|their|some|most|many|a)\\s+)?(?:[\\w-]+\\s+)?"
    "(?:clients?|customers?|patients?|guests?|residents?|buyers?)\\s+"
    "(?:(?:would|'d|will|did|do|does|might|may|often|usually|always|generally|really"
    "|specifically|also)\\s+){0,2}"
    "(?:rather(?:\\s+have)?|prefer(?:s|red)?|want(?:s|ed)?|ask(?:s|ed)?\\s+(?:\\w+\\s+)?for"
    "|request(?:s|ed)?|demand(?:s|ed)?|insist(?:s|ed)?\\s+on|like|expect(?:s|ed)?|need(?:s|ed)?"
    "|(?:are|is|were|was)\\s+used\\s+to|(?:respond|relate)(?:s|ed|d)?\\s+better\\s+to"
    "|feel(?:s)?\\s+more\\s+comfortable\\s+with|trust(?:s|ed)?"
    # "the client said no non-Europeans", "the client is conservative", "customers might mind"
    "|said\\s+no|says\\s+no"
    "|(?:are|is|were|was|can\\s+be|tend\\s+to\\s+be)\\s+(?:(?:quite|very|a\\s+bit|rather|pretty|really"
    "|so|too|a\\s+little|fairly|very\\s+much)\\s+)?(?:conservative|old[\\s-]fashioned|old[\\s-]school"
    "|traditional|picky|particular)"
    "|(?:mind|react|object|complain)(?:s|ed)?"
    "|(?:not|won't|wouldn't|don't|doesn't|didn't|never)\\s+(?:accept|like|want|trust|connect\\s+with))"
)
# The same in Swedish: "Kunderna på Östermalm vill ha en …", "gästerna föredrar en kvinnlig
# receptionist", "Kunden har uttryckligen bett om en …", "uppdragsgivaren skulle vilja ha en
# ung konsult": a customer's wish about the person hired, not customers as a subject of work.
# A wish for something about a topic is a service: "kunderna vill ha information om
# föräldrapenning" stays work.
_SV_PREFERENCE = (
    "(?:(?:våra|vår|vissa|många|flera|några|de\\s+flesta|en\\s+del)\\s+)?(?:[\\w-]+\\s+)?"
    "(?:kund(?:en|erna|er)?|gäst(?:en|erna|er)|patient(?:en|erna|er)|de\\s+boende|boende"
    "|brukar(?:en|na|e)|klient(?:en|erna|er)|beställar(?:en|na|e)|uppdragsgivar(?:en|na|e)"
    "|köpar(?:en|na|e)|besökar(?:na|e)|hyresgäst(?:en|erna|er)|resenär(?:en|erna|er)"
    "|passagerar(?:en|na|e))"
    "(?:\\s+(?:på|i|hos|från|inom|ute\\s+på)\\s+[\\w-]+)?"
    "\\s+(?:(?:har|hade|skulle|kommer\\s+att|kan|kanske|nog|ofta|alltid|oftast|helst|hellre"
    "|uttryckligen|tydligt|specifikt|särskilt|gärna|också|även|säkert|troligen|brukar"
    "|i\\s+regel)\\s+){0,3}"
    "(?:(?:vill|ville|vilja)(?:\\s+(?:helst|hellre|gärna|nog|ju|inte))?\\s+"
    "(?:ha|möta|se|träffa|bli\\s+bemötta\\s+av)"
    "|(?:är|var)\\s+(?:inte\\s+)?(?:redo|mogna)\\s+för|accepterar|accepterade|tolererar|godtar"
    "|föredr(?:ar|og|agit|a)|önsk(?:ar|ade|at)|efterfråg(?:ar|ade|at)|(?:ber|bad|bett)\\s+om"
    "|begär(?:de|t)?|kräv(?:er|de|a)|gillar|förväntar\\s+sig|(?:är|var)\\s+vana\\s+vid"
    "|(?:känner|kände)\\s+sig\\s+(?:tryggare|trygga|bekvämare|bekväma)\\s+med"
    "|litar\\s+(?:mer\\s+)?på|tar\\s+(?:bättre|hellre)\\s+emot|tar\\s+(?:mer\\s+)?intryck\\s+av)"
    "(?!\\s+(?:[\\w-]+\\s+){0,2}(?:om|kring|angående|gällande)\\s)"
)
_SV_PREPOSITIONS = "på|i|av|med|för|till|om|från|under|vid|hos|efter|inför|och|eller"
# Swedish: a determiner (or "att") after the hit begins a phrase of its own, which is no head
# of the hit: "Namnet … kan avskräcka vissa kunder" ("kunder" is the verb's object, not the name's
# head). (English keeps "transitioning the support team": "the" may join a head there.)
_SV_DETERMINERS = (
    "vissa|alla|många|några|flera|de|den|det|en|ett|våra|vår|vårt|dessa|denna|detta|sina|sin|sitt"
    "|att"  # a clause of its own: "ser så utländsk ut att kunderna …"
)
_EN_PREPOSITIONS = (
    "on|in|at|of|with|for|to|from|by|after|before|and|or|because|due|that|which|who|whom|whose"
)
# People in general, with or on something: "people with diabetes", "employees on sick leave",
# "families with small children", "adults with autism".
_EN_GENERIC = (
    "(?:people|persons|individuals|adults|children|kids|youngsters|teenagers|pupils|students"
    "|learners|employees|staff|workers|colleagues|families|parents|users|visitors|travell?ers"
    "|passengers|residents|tenants|members|patients|clients|customers|those|everyone|anyone"
    "|veterans|survivors|victims|owners)"
    "(?:\\s+(?:who\\s+(?:have|are|use|live|suffer\\s+from)|living|with|on|diagnosed\\s+with"
    "|affected\\s+by|suffering\\s+from))"
)
# Before a generic group, a blanket exclusion: "we don't hire people with epilepsy".
_EN_EXCLUSION = (
    "(?<![\\w])(?:want|wanted|hire|hiring|hired|employ|employing|take|taking|took|need|accept"
    "|accepting|avoid|avoiding|prefer|recruit|recruiting|no|not|never|don't|can't|cannot|won't"
    "|without)(?![\\w])[\\s\\w',-]{0,30}$"
)
# Things a hit can describe when no person is named: "a Buddhist temple", "Turkish and Greek
# yoghurt", "our LGBT network", "epilepsy monitoring", "young plants".
_EN_THINGS = [
    "temples?", "churche?s?", "mosques?", "synagogues?", "cathedrals?", "manuscripts?", "texts?",
    "art", "architecture", "music", "food", "cuisine", "yog(?:h)?urt", "cheese", "wine", "beer",
    "products?", "goods", "compan(?:y|ies)", "firms?", "factor(?:y|ies)", "suppliers?", "markets?",
    "networks?", "bars?", "restaurants?", "shops?", "plants?", "trees?", "seedlings", "animals?",
    "monitoring", "screening", "testing", "diagnostics", "devices?", "equipment", "software",
    "apps?", "websites?", "magazines?", "festivals?", "events?", "films?", "books?",
]  # fmt: skip
# "their" after these is theirs: "employees can register their pronouns".
_EN_ANTECEDENTS = [
    "employees", "staff", "colleagues", "workers", "people", "members", "visitors", "guests",
    "passengers", "tenants", "families", "parents", "children", "adults", "individuals",
]  # fmt: skip


def _grammar(
    *,
    subject: list[str],
    possessive: str,
    plural: str,
    reflexive: str,
    relative: str,
    work: list[str],
    boundary: str,
    coordinator: str,
    finite: list[str],
    heads: list[str],
    role: str,
    prepositions: str,
    verb_ending: str,
    work_nouns: list[str],
    persons: list[str],
    contrast: str,
    generic: str = "",
    exclusion: str = "",
    agent: tuple[str, ...] = (),
    antecedents: tuple[str, ...] = (),
    things: tuple[str, ...] = (),
    preference: str = "(?!)",
    relative_clause: str = "(?!)",
    determiners: str = "(?!)",
    third_party: str = "",
) -> Grammar:
    verb = _alt(finite)
    pronoun = _alt(subject)
    role = _alt(persons)
    signals = (
        r"(?<![\w])(?:"
        rf"(?P<preference>{preference})|"
        + (rf"(?P<generic>{generic})|" if generic else "")
        + rf"(?P<work>{_alt(work)})"
        + (rf"|(?P<agent>{_alt(agent)})" if agent else "")
        + rf"|(?P<boundary>{boundary})"
        rf"|(?P<coordinated>(?:{coordinator})(?=\s+(?:{verb}|{pronoun})(?![\w])))"
        rf"|(?P<possessive>{possessive})"
        rf"|(?P<plural>{plural})"
        rf"|(?P<reflexive>{reflexive})"
        rf"|(?P<subject>{pronoun}|{role}(?=\s+{verb}(?![\w])))"
        rf"|(?P<relative>{relative})"
        r")(?![\w])"
        r"|(?P<comma>,)(?=\s*(?:" + verb + "|" + pronoun + "|" + contrast + r")(?![\w]))"
        r"|(?P<stop>[;:()\[\]])"
    )
    return Grammar(
        signals=re.compile(signals, FLAGS),
        head=re.compile(
            rf"[\s-]+(?!{relative_clause})"
            rf"(?:(?!(?:{prepositions}|{verb}|{determiners})(?![\w]))(?![\w'-]*(?:{verb_ending})(?![\w]))"
            rf"[\w'-]+[\s-]+)?(?:{role}\s+)?{_alt(heads)}(?![\w])",
            FLAGS,
        ),
        compound_head=re.compile(rf"\w{{3}}s?(?P<head>{_alt(heads)})$", FLAGS),
        predicate=re.compile(
            rf"(?<![\w])(?:{verb}|varit|blivit|been|become)"
            r"(?:\s+(?:en|ett|a|an|själv|också|även|nog|nu|sedan|numera|also|now|herself|himself|themselves)){0,2}\s*$",
            FLAGS,
        ),
        person_head=re.compile(rf"[\s-]+{role}(?![\w])", FLAGS),
        verb_start=re.compile(rf"\s*(?:{verb})(?![\w])", FLAGS),
        plural_antecedent=re.compile(
            rf"(?<![\w]){_alt([*work_nouns, *antecedents])}(?![\w])", FLAGS
        ),
        # "Anna har …": a name (a capitalised word) as the subject of a verb.
        name=re.compile(rf"(?<![\w])(?-i:[A-ZÅÄÖÉÜ])[\w-]+\s+(?:{verb})(?![\w])", FLAGS),
        exclusion=re.compile(exclusion, FLAGS) if exclusion else None,
        thing=re.compile(
            rf"(?:[\s-]+(?:and|or|&)[\s-]+[\w'-]+)?(?:[\s-]+[\w'-]+)?[\s-]+{_alt(things)}(?![\w])",
            FLAGS,
        )
        if things
        else None,
        # "ersätta en medarbetare som är föräldraledig": a colleague, not the candidate,
        # unless the colleague is the candidate's predicate ("hon var en kollega som …").
        third_party=re.compile(
            rf"(?<![\w])(?P<predicate>(?:{verb}|varit)(?:\s+{pronoun})?\s+(?:en|ett)\s+"
            r"(?:[\w-]+\s+)?)?"
            rf"(?:{third_party})\s*$",
            FLAGS,
        )
        if third_party
        else None,
    )


@functools.cache
def grammar(language: str) -> Grammar:
    """The signals of ``sv`` or ``en``, compiled once per process."""
    if language == "en":
        return _grammar(
            subject=[*_EN_SUBJECT, "they", "them"],
            possessive="her|his|hers|your",
            plural="their|theirs|they|them",
            reflexive="herself|himself|themselves|themself|yourself",
            relative="who|whom|whose|that|which",
            work=_EN_WORK,
            boundary="but|because|while|although|though|whereas|however|until|unless|despite|since|when",
            coordinator="and|or",
            finite=_EN_FINITE,
            heads=_EN_HEADS,
            role="as\\s+(?:a|the)?",
            prepositions=_EN_PREPOSITIONS,
            verb_ending="s",
            work_nouns=_EN_WORK_NOUNS,
            persons=_EN_PERSONS,
            contrast="not|rather|instead",
            generic=_EN_GENERIC,
            agent=tuple(_EN_AGENT),
            things=tuple(_EN_THINGS),
            exclusion=_EN_EXCLUSION,
            antecedents=tuple(_EN_ANTECEDENTS),
            preference=_EN_PREFERENCE,
            # "the Swedish look the client asked for": a relative clause without "that", its
            # own subject and verb after the hit, not the hit's head ("transitioning the
            # support team" keeps its head).
            relative_clause="(?:the|our|their|this|these|those|my|your)\\s+[\\w-]+\\s+(?:\\w+ed|asks?"
            "|wants?|expects?|needs?|prefers?|likes?|said|says|had|has|have|is|are|was|were|would"
            "|will|might|can|could|may|did|does|do)(?![\\w])",
        )
    return _grammar(
        subject=_SV_SUBJECT,
        possessive="hennes|hans|hens|sin|sitt|sina|din|ditt|dina",
        plural="deras|dem",
        reflexive="själv|själva|självt",
        relative="som|vars",
        work=_SV_WORK,
        boundary="men|eftersom|medan|fastän|fast|trots|dock|innan|tills|när|samtidigt\\s+som|även\\s+om|därför\\s+att"
        "|på\\s+grund\\s+av|pga|p\\.g\\.a\\.?|till\\s+följd\\s+av",
        coordinator="och|samt|eller",
        finite=_SV_FINITE,
        heads=_SV_HEADS,
        role="som",
        prepositions=_SV_PREPOSITIONS,
        determiners=_SV_DETERMINERS,
        verb_ending="ar|er|ade|de|te",
        work_nouns=_SV_WORK_NOUNS,
        persons=_SV_PERSONS,
        contrast="inte|utan|snarare|hellre",
        # "en accent som kunderna klagar på": a relative clause with its own subject, not
        # "pensionärer som målgrupp".
        relative_clause="som\\s+\\w+(?:na|en|et)(?![\\w])",
        third_party="medarbetar\\w*|kolleg\\w*|anställd\\w*|arbetskamrat\\w*",
        preference=_SV_PREFERENCE,
    )


_ELIDED = re.compile(r"-\s+(?:och|eller|samt|and|or)\s+(\w+)", FLAGS)
_SENTENCE_END = re.compile(r"[.!?]+(?=\s+[\"'(]*[A-ZÅÄÖÉÜ0-9])|[!?]|\n")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text``'s sentences, cut where ``sentence_bounds`` cuts them, without
    the spaces around them."""
    spans = []
    begin = 0
    for found in _SENTENCE_END.finditer(text):
        spans.append((begin, found.end()))
        begin = found.end()
    spans.append((begin, len(text)))
    trimmed = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            trimmed.append((start, end))
    return trimmed


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``."""
    lo = max(0, start - REACH)
    begin = lo
    for found in _SENTENCE_END.finditer(text, lo, start):
        begin = found.end()
    stop = _SENTENCE_END.search(text, end, min(len(text), end + REACH))
    return begin, (stop.start() if stop else min(len(text), end + REACH))


# Belonging to an association, a union or a congregation, just before the hit: "är med i
# en hbtq-förening", "engagerad i Vårdförbundet", "medlem i ett fackförbund", "an active
# member of the Pentecostal church". The hit is then the person's own, whatever its head.
_MEMBERSHIP_WORDS = (
    r"(?<![\w])(?:(?:är|var|har\s+varit)\s+med|medlem(?:mar)?|aktiv|engagerad|engagerat\s+sig"
    r"|förtroendevald|ordförande|styrelseledamot|organiserad|ansluten"
    r"|(?:a\s+)?(?:paying\s+|active\s+|card-carrying\s+)?members?|active|involved|engaged"
    r"|elected|volunteers?|volunteered)"
    r"\s+(?:i|inom|för|av|of|in|with|at)(?:\s+(?:en|ett|den|det|sin|sitt|a|an|the|her|his|their"
    r"|lokala|local))?"
)
_MEMBERSHIP = re.compile(_MEMBERSHIP_WORDS + r"\s*$", FLAGS)
# A hit that begins with its own membership words: "Engagerad i Vårdförbundet".
_MEMBERSHIP_IN_HIT = re.compile(_MEMBERSHIP_WORDS + r"(?=\s)", FLAGS)
# Just before a work governor, a judgement or a refusal makes the hit about people: "dålig
# erfarenhet av", "bad experience with", "kan inte stötta", "can't support".
_JUDGEMENT = re.compile(
    r"(?<![\w])(?:dålig[at]?|negativ[at]?|sämre|bad|poor|negative|terrible|mixed"
    r"|(?:kan|klarar|vill|orkar)(?:\s+(?:vi|jag|man|de|hon|han))?\s+(?:inte|ej|aldrig)"
    r"|can't|cannot|can\s+not|won't|will\s+not|couldn't|wouldn't)\s*$",
    FLAGS,
)
# The years that close a merit, then a comma: "på Volvo 1989–2005,", "at IKEA (2015-2019),".
_MERIT_END = re.compile(
    r"(?<![\w])(?:19|20)\d\d(?:\s*[-–]\s*(?:(?:19|20)?\d\d|idag|i\s+dag|nu|now|present|today))?"
    r"\)?\s*[,;]"
    # Not when the list of the work goes on: "2015–2021, bl.a. rehabutredningar vid …".
    r"(?!\s*(?:bl\.?\s?a\.?|bland\s+annat|t\.?\s?ex\.?|till\s+exempel|främst|framför\s+allt"
    r"|inkl\.?|inklusive|varav|där|med|inom|som|och|samt|senast|därefter|sedan|sen|including"
    r"|incl\.?|e\.g\.|mainly|where|with|then|and)(?![\w]))",
    FLAGS,
)
# "arbetar som", "worked as": a role that the hit itself may be.
_ROLE_AS = re.compile(r"(?<![\w])(?:som|as(?:\s+an?)?)$", FLAGS)
# The hit ends the role's noun phrase: "som skyddsombud för Byggnads", not "as a sexual
# health educator".
_ROLE_END = re.compile(
    r"\s*(?:$|[,.;:!?)]|(?:på|i|för|hos|vid|inom|och|men|sedan|since|for|at|in|with|and|but"
    r"|on|until)(?![\w]))",
    FLAGS,
)
# At most two words (no preposition) between "som" and the hit: "som regionalt skyddsombud".
_ROLE_GAP = re.compile(
    r"(?:som|as)(?:\s+an?)?(?:\s+(?!(?:på|i|för|med|av|hos|vid|inom|åt|till|on|in|for|with"
    r"|of|at|to)(?![\w]))[\w-]+){0,2}\s+$",
    FLAGS,
)


def _own_role(text: str, decision: Decision, begin: int, start: int, end: int) -> bool:
    if decision.flagged or not _ROLE_AS.search(decision.signal):
        return False
    at = text.rfind(decision.signal.split()[-1], begin, start)
    return bool(_ROLE_GAP.match(text, at, start) and _ROLE_END.match(text, end))


# A personal pronoun as the subject inside the hit itself.
# "a 50-year-old would struggle", "the 41-year-old can't": an adult's age as a noun, the
# subject of a verb, is a person whatever work words stand before it.
_AGED_SUBJECT = re.compile(r"(?<![\w])(?:a|an|the|this|that|any)\s+$", FLAGS)
_AGED_NOUN = re.compile(r"[2-7]\d\s*-?\s*year-old", FLAGS)
_SUBJECT_IN_HIT = re.compile(r"(?<![\w])(?:she|he|hon|han|hen)(?![\w])", FLAGS)


def _person(kind: str, found: re.Match[str]) -> Decision:
    return Decision(flagged=True, rule=f"context.person.{kind}", signal=found.group().strip())


def _work(kind: str, signal: str) -> Decision:
    return Decision(flagged=False, rule=f"context.work.{kind}", signal=signal.strip())


def grammar_decision(
    text: str, start: int, end: int, language: str, topical: bool = False, category: str = ""
) -> Decision | None:
    """Person or work for the hit ``text[start:end]``, or None when its sentence says
    neither. ``topical``: the requirement profile names the hit's topic."""
    g = grammar(language)
    begin, finish = sentence_bounds(text, start, end)
    # Searched a little past the hit, so that "och har" before a hit "har tre barn" is seen.
    signals = [
        m for m in g.signals.finditer(text, begin, min(finish, start + 40)) if m.end() <= start
    ]
    person = g.person_head.match(text, end, finish)
    if person is not None:
        # "den äldre kandidaten", "young staff": the hit describes a person.
        return Decision(True, "context.person.head", person.group().strip())
    if (
        language == "en"
        and _AGED_NOUN.fullmatch(text, start, end)
        and _AGED_SUBJECT.search(text, max(begin, start - 6), start)
        and g.verb_start.match(text, end)
    ):
        return Decision(True, "context.person.aged_subject", text[start:end])
    own = _SUBJECT_IN_HIT.search(text, start, end)
    if own is not None:
        # "where she is from", "var han kommer ifrån": the hit names its own person, whatever
        # clients or work words stand before it ("Customers keep asking where she is from").
        return Decision(True, "context.person.subject", own.group())
    decision = _backwards(text, signals, len(signals) - 1, g, begin, category)
    if decision is not None and not decision.flagged and decision.rule == "context.work.governor":
        at = text.rfind(decision.signal, begin, start)
        judged = _JUDGEMENT.search(text, max(begin, at - 30), at) if at >= 0 else None
        if judged is not None:
            # "dålig erfarenhet av folk från …", "can't support someone with ADHD": a
            # judgement about people, or a refusal, not a subject of work.
            return Decision(True, "context.person.judgement", judged.group().strip())
    if decision is not None and not decision.flagged and decision.rule == "context.work.governor":
        at = text.rfind(decision.signal, begin, start)
        if at >= 0 and _MERIT_END.search(text, at + len(decision.signal), start):
            # "Jobbade på Ericsson 1985-2010, lite mossig": the merit ends with its years;
            # what follows the comma is a remark of its own, not the object of the work.
            decision = None
    if decision is not None and _own_role(text, decision, begin, start, end):
        # "jobbar i dag som regionalt skyddsombud": the hit is the person's own role, not
        # the object of their work ("arbetar som undersköterska med dementa" is).
        return Decision(True, "context.person.role", decision.signal)
    if decision is None or decision.flagged:
        # "med i en hbtq-förening", "member of a union": belonging, not work.
        membership = _MEMBERSHIP.search(text, begin, start) or _MEMBERSHIP_IN_HIT.match(
            text, start, end
        )
        if membership is not None:
            return Decision(True, "context.person.membership", membership.group().strip())
    # A work noun as the head of the hit ("wheelchair users", "rullstolsanvändare").
    head = g.head.match(text, end, finish)
    word_end = end
    while word_end < finish and (text[word_end].isalnum() or text[word_end] == "_"):
        word_end += 1
    compound = g.compound_head.search(text, start, word_end)
    if compound is None and head is None:
        # "sjuk- och pensionsförsäkringar": the hit is the first part of an elided compound
        # whose head is the last word's.
        elided = _ELIDED.match(text, end, finish)
        if elided is not None:
            compound = g.compound_head.search(text, elided.start(1), elided.end(1))
    if head is not None or compound is not None:
        predicate = g.predicate.search(text, begin, start)
        if decision is not None and decision.flagged and predicate is not None:
            return Decision(True, "context.person.predicate", predicate.group().strip())
        signal = head.group() if head is not None else compound.group("head")  # type: ignore[union-attr]
        return _work("head", signal)
    if decision is None and g.thing is not None:
        thing = g.thing.match(text, end, finish)
        if thing is not None and not g.predicate.search(text, begin, start):
            return _work("thing", thing.group())
    if decision is None and topical:
        # The profile makes the topic the job's, unless a person is the subject.
        name = g.name.search(text, begin, start)
        if name is not None:
            return Decision(True, "context.person.name", name.group())
        return Decision(False, "context.work.profile", text[start:end])
    return decision


def _backwards(
    text: str,
    signals: list[re.Match[str]],
    index: int,
    g: Grammar,
    begin: int,
    category: str = "",
) -> Decision | None:
    while index >= 0:
        found = signals[index]
        kind = found.lastgroup
        if kind == "preference":
            # "the client would prefer a male engineer": a wish about the person hired.
            return _person("preference", found)
        if kind == "work":
            return _work("governor", found.group())
        if kind == "generic":
            return _generic(text, found, g, begin)
        if kind == "agent":
            if category == "union":
                index -= 1
                continue
            return _work("agent", found.group())
        if kind == "subject" and _inverted_after_work(text, signals, index):
            # "I rollen som handläggare bedömde hon rätten till föräldrapenning": the
            # subject after its verb of work; the hit is that verb's object.
            return _work("governor", signals[index - 1].group())
        if kind in ("possessive", "subject", "reflexive"):
            return _person(str(kind), found)
        if kind == "plural":
            # "their" of the clients, patients, users mentioned before is theirs, not a person's.
            antecedent = g.plural_antecedent.search(text, begin, found.start())
            if antecedent is not None:
                return _work("antecedent", antecedent.group())
            return _person("subject", found)
        if kind == "relative":
            # "barn som har autism": the relative clause is about its antecedent.
            if g.third_party is not None:
                colleague = g.third_party.search(text, begin, found.start())
                if colleague is not None and colleague.group("predicate") is None:
                    return _work("third_party", colleague.group())
            index -= 1
            continue
        # A boundary: a clause that begins with a verb has the subject of the one before.
        if g.verb_start.match(text, found.end()):
            return _elliptical(text, signals, index - 1, g, begin, category)
        return None
    return None


def _generic(text: str, found: re.Match[str], g: Grammar, begin: int) -> Decision:
    """People in general ("people with diabetes", "employees on sick leave") are a subject of
    work, unless a hiring verb or a negation just before makes the phrase a blanket exclusion
    ("we don't hire people with epilepsy")."""
    if g.exclusion is not None:
        before = g.exclusion.search(text, max(begin, found.start() - 40), found.start())
        if before is not None:
            return Decision(True, "context.person.generic", before.group().strip())
    return _work("generic", found.group())


def _inverted_after_work(text: str, signals: list[re.Match[str]], index: int) -> bool:
    if index == 0:
        return False
    before = signals[index - 1]
    return before.lastgroup == "work" and not text[before.end() : signals[index].start()].strip()


def _elliptical(
    text: str,
    signals: list[re.Match[str]],
    index: int,
    g: Grammar,
    begin: int,
    category: str = "",
) -> Decision | None:
    while index >= 0:
        found = signals[index]
        kind = found.lastgroup
        if kind in ("subject", "possessive", "reflexive", "plural"):
            decision = _backwards(text, signals, index, g, begin, category)
            if decision is not None and decision.flagged:
                return Decision(True, "context.person.elliptical", decision.signal)
            return decision
        if kind == "relative":
            return _backwards(text, signals, index - 1, g, begin, category)
        index -= 1
    return None


@functools.lru_cache(maxsize=256)
def profile_topics(language: str, profile: tuple[str, ...]) -> frozenset[str]:
    """The lexicon entries the requirement profile's names and descriptions name."""
    lex = lexicon(language)
    topics: set[str] = set()
    for text in profile:
        for _start, _end, index in lex.scan(text):
            topics.add(lex.pattern_entries[index].id)
    return frozenset(topics)


# Between two items of one list: "kön och ålder", "autism, ADHD".
_COORDINATION = re.compile(r"\s*(?:,\s*)?(?:(?:och|eller|samt|and|or|&|/)\s*)?", FLAGS)


class Judge:
    """Decides, hit by hit, whether a hit stands; keeps the decisions for the findings
    and for :func:`explain`."""

    __slots__ = ("decisions", "language", "text", "topics")

    def __init__(self, text: str, language: str, profile: Iterable[str] | None = None) -> None:
        self.text = text
        self.language = language
        cleaned = tuple(p for p in profile or () if p and p.strip())
        self.topics = profile_topics(language, cleaned) if cleaned else frozenset()
        self.decisions: dict[tuple[int, int, str], Decision] = {}

    def __call__(self, entry: Entry, start: int, end: int) -> bool:
        """Whether the hit of ``entry`` at ``start:end`` is cancelled."""
        decision = self.decide(entry, start, end)
        self.decisions[(start, end, entry.id)] = decision
        return not decision.flagged

    def decide(self, entry: Entry, start: int, end: int) -> Decision:
        text = self.text
        if entry.excepted(text, start, end):
            return Decision(False, "lexicon.exception", entry.id)
        coordinated = self._coordinated(start, end)
        if coordinated is not None:
            return coordinated
        if entry.window_first and entry.cancelled(text, start, end):
            # The cautious entries (``window_first``: names of countries, languages and
            # nationalities; the languages someone speaks) count only beside a person word,
            # and never next to a stated need or requirement ("the role requires German",
            # "someone who speaks Polish with our suppliers"): their own window decides
            # before the grammar.
            return Decision(False, "lexicon.window", entry.id)
        if entry.category in GROUNDS:
            decision = grammar_decision(
                text,
                start,
                end,
                self.language,
                topical=entry.id in self.topics,
                category=entry.category,
            )
            if decision is not None:
                return decision
        if entry.unless_near is not None and entry.cancelled(text, start, end):
            return Decision(False, "lexicon.unless_near", entry.id)
        return DEFAULT

    def _coordinated(self, start: int, end: int) -> Decision | None:
        """A hit in a list after a hit that is a subject of work is one too: "diskriminering
        på grund av kön och ålder", "experience of autism, ADHD and dyslexia" (not a clause
        of its own: "guidat i moskéer och ber själv"); and so is a hit inside such a hit
        ("läggning" in "sexuell läggning")."""
        for (before_start, before_end, _), decision in self.decisions.items():
            if decision.flagged or not decision.rule.startswith(
                ("context.work.", "lexicon.exception")
            ):
                continue
            if before_start <= start and end <= before_end:
                if decision.rule.startswith("context.work."):
                    return decision
                continue
            if (
                before_end <= start
                and _COORDINATION.fullmatch(self.text, before_end, start)
                and self.text[before_end:start].strip()
                and not grammar(self.language).verb_start.match(self.text, start)
            ):
                return Decision(
                    False, "context.work.coordinated", self.text[before_end:start].strip()
                )
        return None

    def decision(self, start: int, end: int, entry: Entry) -> Decision:
        return self.decisions.get((start, end, entry.id), DEFAULT)

    def bound(self, start: int, end: int, entry: Entry) -> bool:
        """Whether the grammar bound the hit to a person (``context.person.*``)."""
        decision = self.decisions.get((start, end, entry.id))
        return decision is not None and decision.rule.startswith("context.person.")


@dataclass(frozen=True, slots=True)
class Explanation:
    """One hit of the lexicon and what became of it (offsets into the text as written)."""

    start: int
    end: int
    match: str
    entry: str
    category: str
    flagged: bool
    rule: str
    signal: str


def explain(
    text: str, lang: str = "auto", *, profile: Iterable[str] | None = None
) -> list[Explanation]:
    """Every hit of the lexicon in ``text`` with the decision on it: flagged or cancelled,
    and the rule (and the words) that decided. For debugging the data and for telling a
    recruiter why a word was not flagged."""
    from aterkoppla.lib.language_check.matcher import _hits  # the matcher imports this module
    from aterkoppla.lib.language_check.normalise import (
        detect_language,
        normalise,
        original_span,
    )

    if not text:
        return []
    matchable, origin = normalise(text)
    language = detect_language(matchable) if lang == "auto" else lang
    lex: Lexicon = lexicon(language)
    judge = Judge(matchable, language, profile)
    _hits(lex, matchable, judge)
    by_id = {entry.id: entry for entry in lex.entries}
    out = []
    for (start, end, entry_id), decision in sorted(judge.decisions.items()):
        first, last = original_span(origin, start, end)
        out.append(
            Explanation(
                start=first,
                end=last,
                match=text[first:last],
                entry=entry_id,
                category=by_id[entry_id].category,
                flagged=decision.flagged,
                rule=decision.rule,
                signal=decision.signal,
            )
        )
    return out


__all__ = ["GROUNDS", "Decision", "Explanation", "Judge", "explain", "grammar_decision"]
