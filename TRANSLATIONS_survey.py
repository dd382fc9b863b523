"""Swedish for the msgids added by the survey branch (the candidate-experience survey and the
finished candidate page). Strings with a context are in TR_CONTEXT as (context, msgid)."""

TR = {
    # experience: the rule
    "The survey is closed: the data of this application has been removed.": (
        "Enkäten är stängd: uppgifterna i den här ansökan har tagits bort."
    ),
    "You can answer the survey once you have had our final answer.": (
        "Du kan svara på enkäten när du har fått vårt slutliga besked."
    ),
    "You have already answered the survey for this application. Thank you!": (
        "Du har redan svarat på enkäten för den här ansökan. Tack!"
    ),
    "Choose a number from 0 to 10.": "Välj en siffra från 0 till 10.",
    "Choose yes, partly or no.": "Välj ja, delvis eller nej.",
    "Write at most %(count)s characters.": "Skriv högst %(count)s tecken.",
    "The text contains a character that cannot be saved.": (
        "Texten innehåller ett tecken som inte kan sparas."
    ),
    # experience: the model
    "Candidate experience": "Kandidatupplevelse",
    "Yes": "Ja",
    "Partly": "Delvis",
    "No": "Nej",
    "Not chosen": "Inte vald",
    "Withdrew": "Drog tillbaka ansökan",
    "In writing": "Skriftligt",
    "would recommend us (0–10)": "skulle rekommendera oss (0–10)",
    "got a clear answer why": "fick ett tydligt besked om varför",
    "felt respectfully treated": "kände sig respektfullt bemött",
    "comment": "kommentar",
    "told": "besked gavs",
    "survey answer": "enkätsvar",
    "survey answers": "enkätsvar",
    # messaging
    "Survey after the feedback call": "Enkät efter återkopplingssamtalet",
    "The private link to the survey on the candidate's page (after the final answer)": (
        "Den privata länken till enkäten på kandidatens sida (efter det slutliga beskedet)"
    ),
    # portal: the survey
    "How likely is it that you would recommend us as an employer to a friend?": (
        "Hur sannolikt är det att du skulle rekommendera oss som arbetsgivare till en vän?"
    ),
    "Did you get a clear answer as to why?": "Fick du ett tydligt besked om varför?",
    "Did you feel treated with respect?": "Kände du dig respektfullt bemött?",
    "Is there anything else you would like to tell us?": "Vill du berätta något mer för oss?",
    "At most 2,000 characters. Please do not name other people or write about your health.": (
        "Högst 2 000 tecken. Skriv inte namn på andra personer och inget om din hälsa."
    ),
    "Choose how likely you would be to recommend us, from 0 to 10.": (
        "Välj hur sannolikt det är att du skulle rekommendera oss, från 0 till 10."
    ),
    "Choose whether you got a clear answer as to why.": (
        "Välj om du fick ett tydligt besked om varför."
    ),
    "Choose whether you felt treated with respect.": ("Välj om du kände dig respektfullt bemött."),
    "Thank you for your answers! They help us do better.": (
        "Tack för dina svar! De hjälper oss att bli bättre."
    ),
    "How did you experience our recruitment?": "Hur upplevde du vår rekrytering?",
    "Three short questions about your application for %(title)s at %(name)s. It takes a minute.": (
        "Tre korta frågor om din ansökan till %(title)s hos %(name)s. Det tar en minut."
    ),
    "Answering is up to you and changes nothing in your application. We read the answers "
    "together with other candidates' answers, never one by one with your name, and use them to "
    "treat candidates better. Your comment is deleted together with your application.": (
        "Du väljer själv om du vill svara, och det påverkar inte din ansökan. Vi läser svaren "
        "tillsammans med andra kandidaters svar, aldrig ett och ett med ditt namn, och använder "
        "dem för att bemöta kandidater bättre. Din kommentar raderas tillsammans med din ansökan."
    ),
    "Not at all likely": "Inte alls sannolikt",
    "Very likely": "Mycket sannolikt",
    "Send my answers": "Skicka mina svar",
    # portal: the candidate page
    "Where your application is": "Var din ansökan är",
    "not reached": "nåddes inte",
    "You are a reserve": "Du är reserv",
    "Final candidate": "Slutkandidat",
    "You got the job": "Du fick jobbet",
    "Not this time": "Inte den här gången",
    "You withdrew": "Du drog tillbaka ansökan",
    "Comes by phone": "Kommer per telefon",
    "Your interview": "Din intervju",
    "Bring": "Ta med",
    "What you can do": "Det här kan du göra",
    "Tell us how it went": "Berätta hur du upplevde det",
    "Thank you for answering our survey.": "Tack för att du svarade på vår enkät.",
    "Three short questions about how you experienced our recruitment. It takes a minute, and we "
    "read the answers only together with other candidates'.": (
        "Tre korta frågor om hur du upplevde vår rekrytering. Det tar en minut, och vi läser "
        "svaren bara tillsammans med andra kandidaters."
    ),
    "Answer the survey": "Svara på enkäten",
    # privacy: the export
    "Your answers to our survey": "Dina svar på vår enkät",
    "Date of your answer": "Datum för ditt svar",
    "%(score)s of 10": "%(score)s av 10",
    "Your comment": "Din kommentar",
    "You have answered our survey. Our staff do not see one person's answers, so they are not "
    "in this copy: you find them in the copy you download from your own application page.": (
        "Du har svarat på vår enkät. Vår personal ser inte en enskild persons svar, så de finns "
        "inte i den här kopian: du hittar dem i kopian som du laddar ner från din egen "
        "ansökningssida."
    ),
}

# pgettext: (context, msgid) -> Swedish.
TR_CONTEXT = {
    ("progress step", "Application received"): "Ansökan mottagen",
    ("progress step", "Review"): "Granskning",
    ("progress step", "Interview"): "Intervju",
    ("progress step", "Answer"): "Besked",
}
