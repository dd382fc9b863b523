"""The call sheet's wording, Swedish and English.

Candidate-facing phrases (``CANDIDATE``) are in the candidate's language; the caller's
reminders (``READER``) in the reader's. Placeholders are ``str.format`` fields. The wording is
spoken: short sentences, no officialese, "tyvärr" at most once.
"""

from __future__ import annotations

QUESTIONS = {
    "sv": {
        "q1": "Vad saknade jag jämfört med den som fick jobbet?",
        "q2": "Kan jag få några tips inför nästa jobbintervju?",
        "q3": "Vilket intryck gav jag?",
    },
    "en": {
        "q1": "What did I lack compared to the person who got the job?",
        "q2": "Can I have some tips for my next interview?",
        "q3": "What impression did I give?",
    },
}

# Words that mark a text as speaking of someone in the third person with a gender. The
# answers refer to the hired person as "den vi valde" / "the person we chose" instead.
GENDERED_PRONOUNS = {
    "sv": frozenset({"han", "hon", "honom", "henne", "hans", "hennes"}),
    "en": frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"}),
}

CANDIDATE: dict[str, dict[str, str]] = {
    "sv": {
        "chosen": "den vi valde",
        "chosen_plural": "de vi valde",
        "got_job": "den som fick tjänsten",
        "got_job_plural": "de som fick tjänsterna",
        "decision": "Vi har valt en annan kandidat till tjänsten som {job}, och jag vill gärna "
        "berätta hur vi tänkte.",
        "decision_plural": "Vi har valt andra kandidater till tjänsterna som {job}, och jag vill "
        "gärna berätta hur vi tänkte.",
        "decision_no_job": "Vi har valt en annan kandidat till tjänsten, och jag vill gärna "
        "berätta hur vi tänkte.",
        "decision_no_job_plural": "Vi har valt andra kandidater till tjänsterna, och jag vill "
        "gärna berätta hur vi tänkte.",
        "and": "och",
        # strengths to open with
        "strength_high": "Du visade god förmåga i intervjun – {mean} av 5 ({name})",
        "strength_very_high": "Du visade mycket god förmåga i intervjun – {mean} av 5 ({name})",
        "strength_met_must": "Du uppfyllde kravet fullt ut ({name})",
        "strength_met_merit": "Du hade den här meriten ({name})",
        "strength_generic": "Tack för att du tog dig tid att träffa oss och för ditt intresse "
        "för tjänsten{as_job}.",
        "as_job": " som {job}",
        # q1
        "q1_open_high": "Först vill jag säga att du gjorde starkt ifrån dig på {name}.",
        "q1_open_high_not_gap": "Först vill jag säga att du gjorde starkt ifrån dig på {name} "
        "– det var inte där skillnaden låg.",
        "q1_open_note": "Först vill jag säga att vi såg tydliga styrkor hos dig: {note}",
        "q1_open_met_must": "Först vill jag säga att du uppfyllde kravet på {name}.",
        "q1_open_met_merit": "Först vill jag säga att du hade meriten {name}, och det var bra.",
        "q1_lead": "Det som avgjorde var framför allt {names}.",
        # q1 per decisive criterion; "_there" when it is the only one and already named
        "q1_not_met": "{name} är ett krav för tjänsten, och när vi gick igenom ansökningarna "
        "kunde vi inte se att du uppfyllde det.",
        "q1_not_met_there": "Det är ett krav för tjänsten, och när vi gick igenom "
        "ansökningarna kunde vi inte se att du uppfyllde det.",
        "q1_partly": "{name} uppfyllde du delvis, enligt det vi såg i ansökan.",
        "q1_partly_there": "Det uppfyllde du delvis, enligt det vi såg i ansökan.",
        "q1_gap": "På {name} fick {chosen} en högre bedömning i intervjun: {hired} mot dina "
        "{candidate} av 5.",
        "q1_gap_there": "Där fick {chosen} en högre bedömning i intervjun: {hired} mot dina "
        "{candidate} av 5.",
        "q1_gap_small": "På {name} fick {chosen} en något högre bedömning i intervjun: {hired} "
        "mot dina {candidate} av 5.",
        "q1_gap_small_there": "Där fick {chosen} en något högre bedömning i intervjun: {hired} "
        "mot dina {candidate} av 5.",
        "q1_gap_next": "På {name} var det {hired} mot dina {candidate}.",
        "q1_scores": "På {name} fick du {candidate} av 5 i intervjun och {chosen} {hired}.",
        "q1_scores_there": "Där fick du {candidate} av 5 i intervjun och {chosen} {hired}.",
        "q1_score": "På {name} fick du {candidate} av 5 i intervjun.",
        "q1_score_there": "Där fick du {candidate} av 5 i intervjun.",
        "q1_merit": "Bland meriterna hos {chosen} finns ”{merit}”.",
        "q1_task": "Det är viktigt för arbetsuppgiften ”{task}”.",
        "q1_overall": "Vi jämförde alla vi träffade mot kravprofilen, och sammantaget "
        "motsvarade {chosen} kraven bäst.",
        "q1_explanation": "Sammanfattat: {explanation}",
        "q1_close": "Beslutet handlar om vad just den här tjänsten kräver, inte om dig som person.",
        # q2
        "q2_tips_lead": "Några konkreta tips från intervjun:",
        "q2_weak_first": "Där du hade mest att vinna var {name} ({candidate} av 5 i "
        "intervjun): förbered gärna ett par konkreta exempel – vad du gjorde, hur du gjorde det "
        "och vad det ledde till.",
        "q2_weak_next": "Samma råd gäller {name} ({candidate} av 5).",
        "q2_weak_description": "Det vi letade efter var ”{description}”.",
        "q2_not_met": "{name} var ett krav hos oss, och vi kunde inte se det i din ansökan – om "
        "du har det, skriv det tydligt nästa gång.",
        "q2_partly": "{name} såg vi bara delvis i din ansökan – beskriv gärna mer konkret vad du "
        "har gjort.",
        "q2_generic": "Vi har inga särskilda tips antecknade, men ett allmänt råd är att "
        "förbereda konkreta exempel på hur du har löst uppgifter som liknar dem i annonsen.",
        # q3
        "q3_strengths_lead": "Det här noterade vi som dina styrkor:",
        "q3_high": "Du gjorde starkt ifrån dig på {names}.",
        "q3_high_also": "Du gjorde också starkt ifrån dig på {names}.",
        "q3_met": "Du uppfyllde kraven på {names}.",
        "q3_met_one": "Du uppfyllde kravet på {names}.",
        "q3_impressions_lead": "Vårt intryck från intervjun:",
        "q3_nothing": "Vi skrev inte ner något särskilt om intrycket utöver bedömningen mot "
        "kravprofilen, så jag vill inte gissa. Tack för att du tog dig tid att träffa oss.",
        # points
        "kind_must": "krav",
        "kind_merit": "merit",
        "weight": "vikt {weight}",
        "screening_met": "urval: uppfyllt",
        "screening_partly": "urval: delvis uppfyllt",
        "screening_not_met": "urval: ej uppfyllt",
        "interview_both": "intervju: du {candidate}, {chosen} {hired} (av 5)",
        "interview_candidate": "intervju: du {candidate} av 5 ({count} bedömningar)",
        "interview_candidate_one": "intervju: du {candidate} av 5 (1 bedömning)",
        "interview_none": "intervju: ingen bedömning",
        "point_evidence": "Anteckning ({name}): {text}",
        "point_screening_note": "Urvalsanteckning ({name}): {text}",
        "point_merit": "Merit hos {chosen}: {merit}",
        "point_explanation": "Beslutsfattarens förklaring: {text}",
        "point_tip": "Tips: {text}",
        "point_strength": "Styrka: {text}",
        "point_impression": "Intryck: {text}",
        "point_no_decisive": "Inga avgörande kriterier markerade och inga poängskillnader att "
        "visa.",
        # offers and rights
        "offer_talent_pool": "Vi vill gärna hålla kontakten inför kommande rekryteringar. Vill "
        "du finnas med i vår kandidatbank? Du får en länk där du själv tackar ja, och du kan ta "
        "tillbaka ditt ja när du vill.",
        "offer_survey": "Du får också en kort enkät om hur du upplevde rekryteringen – dina svar "
        "hjälper oss att bli bättre.",
        "rights": "Enligt diskrimineringslagen (2 kap. 4 §) har du rätt att få skriftlig "
        "information om vilken utbildning, yrkeserfarenhet och vilka andra meriter {got_job} "
        "har. Be oss om det, nu i samtalet eller senare per e-post, så skickar vi uppgifterna "
        "skyndsamt.",
    },
    "en": {
        "chosen": "the person we chose",
        "chosen_plural": "the people we chose",
        "got_job": "the person who got the job",
        "got_job_plural": "the people who got the jobs",
        "decision": "We have chosen another candidate for the {job} position, and I would like "
        "to explain how we reached the decision.",
        "decision_plural": "We have chosen other candidates for the {job} positions, and I "
        "would like to explain how we reached the decision.",
        "decision_no_job": "We have chosen another candidate for the position, and I would "
        "like to explain how we reached the decision.",
        "decision_no_job_plural": "We have chosen other candidates for the positions, and I "
        "would like to explain how we reached the decision.",
        "and": "and",
        "strength_high": "You showed strong ability in the interview – {mean} out of 5 ({name})",
        "strength_very_high": "You showed very strong ability in the interview – {mean} out of "
        "5 ({name})",
        "strength_met_must": "You fully met the requirement ({name})",
        "strength_met_merit": "You had this merit ({name})",
        "strength_generic": "Thank you for taking the time to meet us and for your interest in "
        "the{as_job} position.",
        "as_job": " {job}",
        "q1_open_high": "First, I want to say that you did well on {name}.",
        "q1_open_high_not_gap": "First, I want to say that you did well on {name} – that is "
        "not where the difference lay.",
        "q1_open_note": "First, I want to say that we saw clear strengths in you: {note}",
        "q1_open_met_must": "First, I want to say that you met the requirement for {name}.",
        "q1_open_met_merit": "First, I want to say that you had the merit {name}, which was good.",
        "q1_lead": "What decided it was above all {names}.",
        "q1_not_met": "{name} is a requirement for the job, and when we went through the "
        "applications we could not see that you met it.",
        "q1_not_met_there": "It is a requirement for the job, and when we went through the "
        "applications we could not see that you met it.",
        "q1_partly": "On {name}, you partly met the requirement, from what we saw in your "
        "application.",
        "q1_partly_there": "You partly met it, from what we saw in your application.",
        "q1_gap": "On {name}, {chosen} scored higher in the interview: {hired} against your "
        "{candidate} out of 5.",
        "q1_gap_there": "There, {chosen} scored higher in the interview: {hired} against your "
        "{candidate} out of 5.",
        "q1_gap_small": "On {name}, {chosen} scored slightly higher in the interview: {hired} "
        "against your {candidate} out of 5.",
        "q1_gap_small_there": "There, {chosen} scored slightly higher in the interview: "
        "{hired} against your {candidate} out of 5.",
        "q1_gap_next": "On {name}, it was {hired} against your {candidate}.",
        "q1_scores": "On {name}, you scored {candidate} out of 5 in the interview and {chosen} "
        "{hired}.",
        "q1_scores_there": "There, you scored {candidate} out of 5 in the interview and {chosen} "
        "{hired}.",
        "q1_score": "On {name}, you scored {candidate} out of 5 in the interview.",
        "q1_score_there": "There, you scored {candidate} out of 5 in the interview.",
        "q1_merit": "The merits of {chosen} include “{merit}”.",
        "q1_task": "It matters for the task “{task}”.",
        "q1_overall": "We compared everyone we met against the job profile, and overall "
        "{chosen} met the requirements best.",
        "q1_explanation": "In short: {explanation}",
        "q1_close": "The decision is about what this particular job requires, not about you as "
        "a person.",
        "q2_tips_lead": "A few concrete tips from the interview:",
        "q2_weak_first": "Where you had the most to gain was {name} ({candidate} out of 5 in "
        "the interview): it helps to prepare a couple of concrete examples – what you did, how "
        "you did it and what came of it.",
        "q2_weak_next": "The same goes for {name} ({candidate} out of 5).",
        "q2_weak_description": "What we looked for was “{description}”.",
        "q2_not_met": "{name} was a requirement here and we could not see it in your "
        "application – if you have it, make it clear next time.",
        "q2_partly": "We could only partly see {name} in your application – it helps to "
        "describe more concretely what you have done.",
        "q2_generic": "We did not note any particular tips, but a general piece of advice is "
        "to prepare concrete examples of how you have handled tasks like the ones in the job "
        "advert.",
        "q3_strengths_lead": "This is what we noted as your strengths:",
        "q3_high": "You did well on {names}.",
        "q3_high_also": "You also did well on {names}.",
        "q3_met": "You met the requirements for {names}.",
        "q3_met_one": "You met the requirement for {names}.",
        "q3_impressions_lead": "Our impression from the interview:",
        "q3_nothing": "We did not write down anything particular about the impression beyond "
        "the assessment against the job profile, so I would rather not guess. Thank you for "
        "taking the time to meet us.",
        "kind_must": "requirement",
        "kind_merit": "merit",
        "weight": "weight {weight}",
        "screening_met": "screening: met",
        "screening_partly": "screening: partly met",
        "screening_not_met": "screening: not met",
        "interview_both": "interview: you {candidate}, {chosen} {hired} (out of 5)",
        "interview_candidate": "interview: you {candidate} out of 5 ({count} scores)",
        "interview_candidate_one": "interview: you {candidate} out of 5 (1 score)",
        "interview_none": "interview: not scored",
        "point_evidence": "Note ({name}): {text}",
        "point_screening_note": "Screening note ({name}): {text}",
        "point_merit": "Merit of {chosen}: {merit}",
        "point_explanation": "The decider's explanation: {text}",
        "point_tip": "Tip: {text}",
        "point_strength": "Strength: {text}",
        "point_impression": "Impression: {text}",
        "point_no_decisive": "No decisive criteria marked and no score differences to show.",
        "offer_talent_pool": "We would like to stay in touch for future recruitments. Would "
        "you like to join our talent pool? You will get a link where you can say yes yourself, "
        "and you can withdraw at any time.",
        "offer_survey": "You will also get a short survey about how you experienced the "
        "recruitment – your answers help us improve.",
        "rights": "Under the Swedish Discrimination Act (diskrimineringslagen, chapter 2, "
        "section 4) you have the right to written information about the education, work "
        "experience and other merits of {got_job}. Just ask us, now on the phone or later by "
        "email, and we will send it promptly.",
    },
}

# The caller's reminders, in the reader's language.
READER: dict[str, dict[str, str]] = {
    "sv": {
        "protected_grounds": "Nämn aldrig kön, könsöverskridande identitet eller uttryck, etnisk "
        "tillhörighet, religion eller annan trosuppfattning, funktionsnedsättning, sexuell "
        "läggning eller ålder – och inte heller föräldraledighet eller fackligt medlemskap – som "
        "skäl eller förklaring. Håll dig till kravprofilen.",
        "other_candidates": "Säg aldrig namnet på den som fick jobbet och beskriv varken hen "
        "eller andra sökande. Berätta bara om meriter: utbildning, erfarenhet och andra "
        "meriter. Säg ”den vi valde”, aldrig ”han” eller ”hon”.",
        "listen": "Lyssna mer än du pratar. Beslutet är fattat: förklara det gärna, men "
        "argumentera inte och lova inget du inte kan hålla.",
        "summary": "Erbjud en skriftlig sammanfattning av samtalet.",
        "note": "Anteckna vad kandidaten frågar om och vad du lovar – särskilt om hen vill ha "
        "skriftlig information enligt diskrimineringslagen 2 kap. 4 §.",
        "no_answer": "Svarar kandidaten inte: försök igen en annan dag. Efter tre försök på "
        "minst två olika dagar skickas ett skriftligt meddelande i stället.",
        "computed": "Beslutsfattaren markerade inga avgörande kriterier. De avgörande skälen på "
        "underlaget är beräknade från poängen – stäm av dem med beslutsfattaren innan du "
        "ringer.",
        "no_explanation": "Det finns ingen skriftlig förklaring till beslutet. Be "
        "beslutsfattaren om en innan du ringer.",
        "gendered_explanation": "Förklaringen nämner någon som ”han” eller ”hon”. Säg den med "
        "egna ord: ”du” om kandidaten och ”den vi valde” om den som fick jobbet.",
        "third_person_notes": "Några anteckningar talar om kandidaten i tredje person. Säg "
        "”du” när du läser upp dem.",
        "block_findings": "Språkgranskningen hittade formuleringar som inte får användas i "
        "samtalet. Läs anmärkningarna och säg det inte så.",
        "warn_findings": "Språkgranskningen har anmärkningar. Läs dem innan du ringer.",
        "generic_strength": "[Allmän formulering – inga styrkor antecknade]",
    },
    "en": {
        "protected_grounds": "Never mention sex, transgender identity or expression, ethnicity, "
        "religion or other belief, disability, sexual orientation or age – nor parental leave "
        "or union membership – as a reason or explanation. Keep to the job profile.",
        "other_candidates": "Never say the name of the person who got the job, and do not "
        "describe them or other applicants. Speak only of merits: education, experience and "
        "other merits. Say “the person we chose”, never “he” or “she”.",
        "listen": "Listen more than you talk. The decision is made: explain it, but do not "
        "argue, and promise nothing you cannot keep.",
        "summary": "Offer a written summary of the call.",
        "note": "Note what the candidate asks about and what you promise – especially if they "
        "want the written information under diskrimineringslagen chapter 2, section 4.",
        "no_answer": "If the candidate does not answer, try again on another day. After three "
        "attempts on at least two different days, a written message is sent instead.",
        "computed": "The decider marked no decisive criteria. The decisive reasons on this "
        "sheet are computed from the scores – check them with the decider before you call.",
        "no_explanation": "There is no written explanation of the decision. Ask the decider "
        "for one before you call.",
        "gendered_explanation": "The explanation refers to someone as “he” or “she”. Say it in "
        "your own words: “you” for the candidate and “the person we chose” for the one hired.",
        "third_person_notes": "Some notes speak of the candidate in the third person. Say "
        "“you” when you read them out.",
        "block_findings": "The language check found wording that must not be used in the "
        "call. Read the findings and do not say it that way.",
        "warn_findings": "The language check has findings. Read them before you call.",
        "generic_strength": "[Generic wording – no strengths noted]",
    },
}
