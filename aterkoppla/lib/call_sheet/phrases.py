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
    "q1": gettext_noop("What did I lack compared to the person who got the job?"),
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
    "decision": gettext_noop(
        "We have chosen another candidate for the {job} position, and I would like to explain "
        "how we reached the decision."
    ),
    "decision_plural": gettext_noop(
        "We have chosen other candidates for the {job} positions, and I would like to explain "
        "how we reached the decision."
    ),
    "decision_no_job": gettext_noop(
        "We have chosen another candidate for the position, and I would like to explain how we "
        "reached the decision."
    ),
    "decision_no_job_plural": gettext_noop(
        "We have chosen other candidates for the positions, and I would like to explain how we "
        "reached the decision."
    ),
    # Translators: joins the last two items of a list of criteria: "A, B and C".
    "and": gettext_noop("and"),
    # strengths to open with
    "strength_high": gettext_noop(
        "You showed strong ability in the interview – {mean} out of 5 ({name})"
    ),
    "strength_very_high": gettext_noop(
        "You showed very strong ability in the interview – {mean} out of 5 ({name})"
    ),
    "strength_met_must": gettext_noop("You fully met the requirement ({name})"),
    "strength_met_merit": gettext_noop("You had this merit ({name})"),
    "strength_generic": gettext_noop(
        "Thank you for taking the time to meet us and for your interest in the {job} position."
    ),
    "strength_generic_no_job": gettext_noop(
        "Thank you for taking the time to meet us and for your interest in the position."
    ),
    # q1
    "q1_open_high": gettext_noop("First, I want to say that you did well on {name}."),
    "q1_open_high_not_gap": gettext_noop(
        "First, I want to say that you did well on {name} – that is not where the difference lay."
    ),
    "q1_open_note": gettext_noop("First, I want to say that we saw clear strengths in you: {note}"),
    "q1_open_met_must": gettext_noop(
        "First, I want to say that you met the requirement for {name}."
    ),
    "q1_open_met_merit": gettext_noop(
        "First, I want to say that you had the merit {name}, which was good."
    ),
    # Translators: {names} is one criterion or a list of them ("A, B and C").
    "q1_lead": gettext_noop("What decided it was above all {names}."),
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
    "q1_scores": gettext_noop(
        "On {name}, you scored {candidate} out of 5 in the interview and {chosen} {hired}."
    ),
    "q1_scores_there": gettext_noop(
        "There, you scored {candidate} out of 5 in the interview and {chosen} {hired}."
    ),
    "q1_score": gettext_noop("On {name}, you scored {candidate} out of 5 in the interview."),
    "q1_score_there": gettext_noop("There, you scored {candidate} out of 5 in the interview."),
    # Translators: {merit} is one line of the hired person's merits, quoted.
    "q1_merit": gettext_noop("The merits of {chosen} include “{merit}”."),
    "q1_task": gettext_noop("It matters for the task “{task}”."),
    "q1_overall": gettext_noop(
        "We compared everyone we met against the job profile, and overall {chosen} met the "
        "requirements best."
    ),
    # Translators: followed by the decider's own explanation of the decision.
    "q1_explanation": gettext_noop("In short: {explanation}"),
    "q1_close": gettext_noop(
        "The decision is about what this particular job requires, not about you as a person."
    ),
    # q2
    "q2_tips_lead": gettext_noop("A few concrete tips from the interview:"),
    "q2_weak_first": gettext_noop(
        "Where you had the most to gain was {name} ({candidate} out of 5 in the interview): it "
        "helps to prepare a couple of concrete examples – what you did, how you did it and what "
        "came of it."
    ),
    "q2_weak_next": gettext_noop("The same goes for {name} ({candidate} out of 5)."),
    "q2_weak_description": gettext_noop("What we looked for was “{description}”."),
    "q2_not_met": gettext_noop(
        "{name} was a requirement here and we could not see it in your application – if you "
        "have it, make it clear next time."
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
        "Some notes speak of the candidate in the third person. Say “you” when you read them out."
    ),
    "block_findings": gettext_noop(
        "The language check found wording that must not be used in the call. Read the findings "
        "and do not say it that way."
    ),
    "warn_findings": gettext_noop("The language check has findings. Read them before you call."),
    # Translators: put before the general thanks on a call sheet with no strengths noted.
    "generic_strength": gettext_noop("[Generic wording – no strengths noted]"),
}
