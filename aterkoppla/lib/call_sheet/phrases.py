"""The call sheet's wording: English msgids for the Django catalogue, by key.

Candidate-facing phrases (``CANDIDATE``, ``QUESTIONS``) are said in the candidate's language;
the caller's reminders (``READER``) are in the reader's. This module only marks the English
source text for extraction (``make messages``); ``compose`` translates each phrase through the
function it is given, so lib needs no Django. The Swedish is in
``aterkoppla/locale/sv/LC_MESSAGES/django.po``.

Placeholders are ``str.format`` fields, filled in after translating, so a translation may put
them in another order. The wording is spoken: short sentences, no officialese, "tyvärr" at most
once.
"""

from __future__ import annotations


def gettext_noop(message: str) -> str:
    """``message`` unchanged; the name marks it for xgettext (makemessages passes
    ``--keyword=gettext_noop``), as Django's own ``gettext_noop`` does."""
    return message


QUESTIONS = {
    "q1_chosen": gettext_noop("What did I lack compared to the person who got the job?"),
    "q1_pending": gettext_noop("Why did I not go further?"),
    "q1_none": gettext_noop("Why did I not get the job?"),
    "q2": gettext_noop("Can I have some tips for my next interview?"),
    "q3": gettext_noop("What impression did I give?"),
}

# Words that mark a text as speaking of someone in the third person with a gender. The
# answers refer to the hired person as "den vi valde" / "the person we chose" instead.
# Word lists for a check, not wording: not translated.
GENDERED_PRONOUNS = {
    "sv": frozenset({"han", "hon", "honom", "henne", "hans", "hennes"}),
    "en": frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"}),
}

CANDIDATE: dict[str, str] = {
    # Translators: the hired person in the call-sheet phrases below ({chosen}), never named
    # and never "he" or "she". Swedish: "den vi valde".
    "chosen": gettext_noop("the person we chose"),
    # Translators: {chosen} when more than one person was hired. Swedish: "de vi valde".
    "chosen_plural": gettext_noop("the people we chose"),
    # Translators: {got_job} in the call sheet's sentence on the candidate's rights.
    "got_job": gettext_noop("the person who got the job"),
    # Translators: {got_job} when more than one person was hired.
    "got_job_plural": gettext_noop("the people who got the jobs"),
    # The decision as said on the phone; "pending": nobody hired yet, others go on; "none":
    # nobody is hired (the recruitment is cancelled or advertised again).
    "decision_chosen": gettext_noop(
        "We have chosen another candidate for the {job} position, and I would like to explain "
        "how we reached the decision."
    ),
    "decision_chosen_plural": gettext_noop(
        "We have chosen other candidates for the {job} positions, and I would like to explain "
        "how we reached the decision."
    ),
    "decision_chosen_no_job": gettext_noop(
        "We have chosen another candidate for the position, and I would like to explain how we "
        "reached the decision."
    ),
    "decision_chosen_plural_no_job": gettext_noop(
        "We have chosen other candidates for the positions, and I would like to explain how we "
        "reached the decision."
    ),
    "decision_pending": gettext_noop(
        "We are going on with other candidates for the {job} position, and I would like to "
        "explain how we reached the decision."
    ),
    "decision_pending_no_job": gettext_noop(
        "We are going on with other candidates for the position, and I would like to explain "
        "how we reached the decision."
    ),
    "decision_none": gettext_noop(
        "We have decided not to fill the {job} position in this recruitment, and I would like "
        "to explain what that means for you."
    ),
    "decision_none_no_job": gettext_noop(
        "We have decided not to fill the position in this recruitment, and I would like to "
        "explain what that means for you."
    ),
    # The same in the written summary: a letter, in the written register.
    "letter_decision_chosen": gettext_noop(
        "We have chosen another candidate for the {job} position."
    ),
    "letter_decision_chosen_plural": gettext_noop(
        "We have chosen other candidates for the {job} positions."
    ),
    "letter_decision_chosen_no_job": gettext_noop(
        "We have chosen another candidate for the position."
    ),
    "letter_decision_chosen_plural_no_job": gettext_noop(
        "We have chosen other candidates for the positions."
    ),
    "letter_decision_pending": gettext_noop(
        "We are going on with other candidates for the {job} position."
    ),
    "letter_decision_pending_no_job": gettext_noop(
        "We are going on with other candidates for the position."
    ),
    "letter_decision_none": gettext_noop(
        "We have decided not to fill the {job} position in this recruitment."
    ),
    "letter_decision_none_no_job": gettext_noop(
        "We have decided not to fill the position in this recruitment."
    ),
    "letter_strengths_lead": gettext_noop("What we saw as your strengths:"),
    "letter_tips_lead": gettext_noop("Tips for next time:"),
    # Translators: joins the last two items of a list of criteria: "A, B and C".
    "and": gettext_noop("and"),
    # strengths to open with
    # strengths to open with, by the kind of requirement and how it was assessed
    "strength_interview": gettext_noop(
        "You showed strong ability in the interview – {mean} out of 5 ({name})"
    ),
    "strength_interview_very": gettext_noop(
        "You showed very strong ability in the interview – {mean} out of 5 ({name})"
    ),
    "strength_interview_experience": gettext_noop(
        "Your experience came across well in the interview – {mean} out of 5 ({name})"
    ),
    "strength_interview_document": gettext_noop(
        "You met the requirement well – {mean} out of 5 ({name})"
    ),
    "strength_met_must": gettext_noop("You fully met the requirement ({name})"),
    "strength_met_merit": gettext_noop("You had this merit ({name})"),
    "strength_met_experience": gettext_noop(
        "Your application showed the experience we asked for ({name})"
    ),
    "strength_generic": gettext_noop(
        "Thank you for taking the time to meet us and for your interest in the {job} position."
    ),
    "strength_generic_no_job": gettext_noop(
        "Thank you for taking the time to meet us and for your interest in the position."
    ),
    # Translators: {names} is one criterion or a list of them ("A, B and C").
    "q1_lead": gettext_noop("What decided it was above all {names}."),
    # q1 for a degree, a licence or a certificate (had or not) ...
    "q1_not_met_document": gettext_noop(
        "{name} is a requirement for the job, and we could not see in your application that "
        "you have it."
    ),
    "q1_not_met_document_there": gettext_noop(
        "It is a requirement for the job, and we could not see in your application that you "
        "have it."
    ),
    "q1_partly_document": gettext_noop(
        "On {name}, what your application showed met the requirement only in part."
    ),
    "q1_partly_document_there": gettext_noop("What your application showed met it only in part."),
    # ... and for experience (what kind and how much)
    "q1_not_met_experience": gettext_noop(
        "{name} is a requirement for the job, and your application did not show that experience."
    ),
    "q1_not_met_experience_there": gettext_noop(
        "It is a requirement for the job, and your application did not show that experience."
    ),
    "q1_partly_experience": gettext_noop(
        "On {name}, your application showed some of the experience we asked for, but not all of it."
    ),
    "q1_partly_experience_there": gettext_noop(
        "Your application showed some of that experience, but not all of it."
    ),
    # q1 per decisive criterion; "_there" when it is the only one and already named
    "q1_not_met": gettext_noop(
        "{name} is a requirement for the job, and when we went through the applications we "
        "could not see that you met it."
    ),
    "q1_not_met_there": gettext_noop(
        # Translators: follows "What decided it was above all {names}.", so "It" is that criterion.
        "It is a requirement for the job, and when we went through the applications we could "
        "not see that you met it."
    ),
    "q1_partly": gettext_noop(
        "On {name}, you partly met the requirement, from what we saw in your application."
    ),
    # Translators: follows "What decided it was above all {names}.", so "it" is that criterion.
    "q1_partly_there": gettext_noop("You partly met it, from what we saw in your application."),
    "q1_gap": gettext_noop(
        # Translators: {hired} and {candidate} are mean interview scores (out of 5).
        "On {name}, {chosen} scored higher in the interview: {hired} against your {candidate} "
        "out of 5."
    ),
    "q1_gap_there": gettext_noop(
        # Translators: "There" is the criterion just named in "What decided it was above all …".
        "There, {chosen} scored higher in the interview: {hired} against your {candidate} out of 5."
    ),
    "q1_gap_small": gettext_noop(
        "On {name}, {chosen} scored slightly higher in the interview: {hired} against your "
        "{candidate} out of 5."
    ),
    "q1_gap_small_there": gettext_noop(
        "There, {chosen} scored slightly higher in the interview: {hired} against your "
        "{candidate} out of 5."
    ),
    "q1_gap_next": gettext_noop("On {name}, it was {hired} against your {candidate}."),
    "q1_score": gettext_noop("On {name}, you scored {candidate} out of 5 in the interview."),
    "q1_score_there": gettext_noop("There, you scored {candidate} out of 5 in the interview."),
    # Translators: {merit} is one of the hired person's merits, generalised ("six years of
    # experience in warehouse work").
    "q1_merit": gettext_noop("As for merits, {chosen} has {merit}."),
    "q1_task": gettext_noop("It matters for the task “{task}”."),
    "q1_overall_chosen": gettext_noop(
        "We compared everyone we met against the job profile, and overall {chosen} met the "
        "requirements best."
    ),
    "q1_overall_pending": gettext_noop(
        "We compared the applications against the job profile, and at this stage others met "
        "the requirements better."
    ),
    "q1_overall_none": gettext_noop(
        "We compared everyone we met against the job profile, and decided not to fill the "
        "position this time."
    ),
    # Translators: followed by the decider's own explanation of the decision.
    "q1_explanation": gettext_noop("In short: {explanation}"),
    "q1_close": gettext_noop(
        "The decision is about what this particular job requires, not about you as a person."
    ),
    # q2
    "q2_tips_lead": gettext_noop("A few concrete tips from the interview:"),
    "q2_weak_first": gettext_noop(
        "Where you had the most to gain was {name} ({candidate} out of 5 in the interview)."
    ),
    "q2_weak_next": gettext_noop("There was also room to gain on {name} ({candidate} out of 5)."),
    # Translators: followed by an interviewer's note, addressed to the candidate.
    "q2_weak_evidence": gettext_noop("The interviewers noted: {evidence}"),
    # A tip after a requirement scored low in the interview, by its kind.
    "q2_weak_tip_skill": gettext_noop(
        "Prepare a couple of concrete examples – a situation, what you did and what came of it."
    ),
    "q2_weak_tip_personal": gettext_noop(
        "Think of a couple of situations where you showed it, and tell them concretely: what "
        "happened, what you did and how it went."
    ),
    "q2_weak_tip_experience": gettext_noop(
        "Tell more concretely what you have done: which tasks, for how long and with what results."
    ),
    "q2_weak_tip_document": gettext_noop(
        "Show clearly how your education or certificate relates to the tasks of the job."
    ),
    "q2_weak_description": gettext_noop("What we looked for was “{description}”."),
    "q2_not_met": gettext_noop(
        "{name} was a requirement here and we could not see it in your application – if you "
        "have it, make it clear next time."
    ),
    "q2_must_document": gettext_noop(
        "{name} was a requirement here: get it, or if you already have it, state it clearly in "
        "your application."
    ),
    "q2_merit_document": gettext_noop(
        "{name} counts as a merit for jobs like this: if you have it, state it clearly in your "
        "application."
    ),
    "q2_experience": gettext_noop(
        "Describe your experience concretely in your application – what you did, for how long "
        "and in what role ({name})."
    ),
    "q2_partly": gettext_noop(
        "We could only partly see {name} in your application – it helps to describe more "
        "concretely what you have done."
    ),
    "q2_generic": gettext_noop(
        "We did not note any particular tips, but a general piece of advice is to prepare "
        "concrete examples of how you have handled tasks like the ones in the job advert."
    ),
    # q3
    "q3_strengths_lead": gettext_noop("This is what we noted as your strengths:"),
    "q3_high": gettext_noop("You did well on {names}."),
    "q3_high_also": gettext_noop("You also did well on {names}."),
    "q3_met": gettext_noop("You met the requirements for {names}."),
    "q3_met_one": gettext_noop("You met the requirement for {names}."),
    "q3_impressions_lead": gettext_noop("Our impression from the interview:"),
    "q3_nothing": gettext_noop(
        "We did not write down anything particular about the impression beyond the assessment "
        "against the job profile, so I would rather not guess. Thank you for taking the time "
        "to meet us."
    ),
    # points: short facts beside an answer, for the caller's eyes
    # Translators: a criterion on the call sheet: its name, that it is a must, its weight (1-5).
    "row_must": gettext_noop("{name} (requirement, weight {weight})"),
    # Translators: a criterion on the call sheet: its name, that it is a merit, its weight (1-5).
    "row_merit": gettext_noop("{name} (merit, weight {weight})"),
    "screening_met": gettext_noop("screening: met"),
    "screening_partly": gettext_noop("screening: partly met"),
    "screening_not_met": gettext_noop("screening: not met"),
    # Translators: mean interview scores: the candidate's ("you"), then the hired person's.
    "interview_both": gettext_noop("interview: you {candidate}, {chosen} {hired} (out of 5)"),
    "interview_candidate": gettext_noop("interview: you {candidate} out of 5 ({count} scores)"),
    "interview_candidate_one": gettext_noop("interview: you {candidate} out of 5 (1 score)"),
    "interview_none": gettext_noop("interview: not scored"),
    "point_evidence": gettext_noop("Note ({name}): {text}"),
    "point_screening_note": gettext_noop("Screening note ({name}): {text}"),
    "point_merit": gettext_noop("Merit of {chosen}: {merit}"),
    "point_explanation": gettext_noop("The decider's explanation: {text}"),
    "point_tip": gettext_noop("Tip: {text}"),
    "point_strength": gettext_noop("Strength: {text}"),
    "point_impression": gettext_noop("Impression: {text}"),
    "point_contradicted": gettext_noop(
        "{name}: the candidate scored at least as high as {chosen}; say why it decided in the "
        "decider's words, not with the scores."
    ),
    "point_no_decisive": gettext_noop(
        "No decisive criteria marked and no score differences to show."
    ),
    # offers and rights
    "offer_talent_pool": gettext_noop(
        "We would like to stay in touch for future recruitments. Would you like to join our "
        "talent pool? You will get a link where you can say yes yourself, and you can withdraw "
        "at any time."
    ),
    "offer_survey": gettext_noop(
        "You will also get a short survey about how you experienced the recruitment – your "
        "answers help us improve."
    ),
    "rights": gettext_noop(
        "Under the Swedish Discrimination Act (diskrimineringslagen, chapter 2, section 4) you "
        "have the right to written information about the education, work experience and other "
        "merits of {got_job}. Just ask us, now on the phone or later by email, and we will send "
        "it promptly."
    ),
    # With nobody hired the right concerns those called to interview.
    "rights_pending": gettext_noop(
        "Under the Swedish Discrimination Act (diskrimineringslagen, chapter 2, section 4) you "
        "have the right to written information about the education, work experience and other "
        "merits of the person who gets the job and of those called to interview. Just ask us, "
        "now on the phone or later by email, and we will send it promptly."
    ),
    "rights_none": gettext_noop(
        "Under the Swedish Discrimination Act (diskrimineringslagen, chapter 2, section 4) you "
        "have the right to written information about the education, work experience and other "
        "merits of those called to interview. Just ask us, now on the phone or later by email, "
        "and we will send it promptly."
    ),
}

# The caller's reminders, in the reader's language.
READER: dict[str, str] = {
    "protected_grounds": gettext_noop(
        "Never mention sex, transgender identity or expression, ethnicity, religion or other "
        "belief, disability, sexual orientation or age – nor parental leave or union membership "
        "– as a reason or explanation. Keep to the job profile."
    ),
    "other_candidates": gettext_noop(
        "Never say the name of the person who got the job, and do not describe them or other "
        "applicants. Speak only of merits: education, experience and other merits. Say “the "
        "person we chose”, never “he” or “she”."
    ),
    "listen": gettext_noop(
        "Listen more than you talk. The decision is made: explain it, but do not argue, and "
        "promise nothing you cannot keep."
    ),
    "summary": gettext_noop("Offer a written summary of the call."),
    "note": gettext_noop(
        "Note what the candidate asks about and what you promise – especially if they want the "
        "written information under diskrimineringslagen chapter 2, section 4."
    ),
    "no_answer": gettext_noop(
        "If the candidate does not answer, try again on another day. After three attempts on at "
        "least two different days, a written message is sent instead."
    ),
    "computed": gettext_noop(
        "The decider marked no decisive criteria. The decisive reasons on this sheet are "
        "computed from the scores – check them with the decider before you call."
    ),
    "no_explanation": gettext_noop(
        "There is no written explanation of the decision. Ask the decider for one before you call."
    ),
    "gendered_explanation": gettext_noop(
        "The explanation refers to someone as “he” or “she”. Say it in your own words: “you” "
        "for the candidate and “the person we chose” for the one hired."
    ),
    "third_person_notes": gettext_noop(
        "Some notes speak of the candidate in the third person in a way the sheet cannot turn "
        "into “you”: they are left out of the answers. If you use them, say them in your own "
        "words, to the candidate."
    ),
    "other_language_notes": gettext_noop(
        "Some notes are not in the candidate's language: they are left out of the answers and "
        "the written summary. If you use them, say them in the candidate's language."
    ),
    "identifying_notes": gettext_noop(
        "A note or the explanation names the person chosen, or an employer, school or year of "
        "their merits: it is left out of the answers. Never say it; speak of merits in general "
        "terms (kind, level and length)."
    ),
    "contradicted": gettext_noop(
        "A decisive requirement is one where the candidate scored at least as high as the person "
        "chosen. Do not compare scores on it: say why it decided, as the decider explained."
    ),
    "block_findings": gettext_noop(
        "The language check found wording that must not be used in the call. Read the findings "
        "and do not say it that way."
    ),
    "warn_findings": gettext_noop("The language check has findings. Read them before you call."),
    # Translators: put before the general thanks on a call sheet with no strengths noted.
    "generic_strength": gettext_noop("[Generic wording – no strengths noted]"),
}
