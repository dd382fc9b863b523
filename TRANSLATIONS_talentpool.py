"""Swedish for the msgids the talent pool branch added (renewal, offers, the staff page)."""

TR = {
    # applications/models.py
    "renewal asked": "förnyelse efterfrågad",
    "renewed": "förnyat",
    "renews": "förnyar",
    "invited": "inbjuden",
    "talent pool invitation": "inbjudan från talangbanken",
    "talent pool invitations": "inbjudningar från talangbanken",
    "This person is already invited to this recruitment.": (
        "Personen är redan inbjuden till den här rekryteringen."
    ),
    # messaging/models.py
    "Talent pool: confirm joining": "Talangbank: bekräfta",
    "Talent pool: renew": "Talangbank: förnya",
    "Talent pool: invitation to apply": "Talangbank: inbjudan att söka",
    # messaging/rendering.py
    "The private link to the talent pool on the candidate's page (to join, renew or leave)": (
        "Den personliga länken till talangbanken på kandidatens sida (för att gå med, förnya "
        "eller lämna)"
    ),
    "“yes” when the candidate said in the feedback call that they would like to hear about "
    "future jobs and is not in the talent pool yet, else empty (call summaries)": (
        "”yes” när kandidaten sa i återkopplingssamtalet att hen vill höra om framtida jobb och "
        "inte redan finns i talangbanken, annars tomt (sammanfattningar av samtal)"
    ),
    "The date the candidate's talent pool consent ends, written out (renewal reminders)": (
        "Datumet då kandidatens samtycke till talangbanken upphör, utskrivet (påminnelser om "
        "att förnya)"
    ),
    "The job's page on the career page (invitations from the talent pool)": (
        "Jobbets sida på karriärsidan (inbjudningar från talangbanken)"
    ),
    # applications/events.py
    "Asked to renew the talent pool consent": "Ombedd att förnya samtycket till talangbanken",
    "Renewed the talent pool consent": "Förnyade samtycket till talangbanken",
    "Invited from the talent pool": "Inbjuden från talangbanken",
    "The candidate was asked to renew their talent pool consent, which ends on %(date)s.": (
        "Kandidaten ombads förnya sitt samtycke till talangbanken, som upphör %(date)s."
    ),
    "The candidate renewed their talent pool consent, until %(date)s.": (
        "Kandidaten förnyade sitt samtycke till talangbanken, till och med %(date)s."
    ),
    "Invited from the talent pool to apply for %(job)s.": (
        "Inbjuden från talangbanken att söka %(job)s."
    ),
    # applications/talent_pool.py
    "You can renew from %(date)s, a month before your consent ends.": (
        "Du kan förnya från %(date)s, en månad innan ditt samtycke upphör."
    ),
    "%(name)s is no longer in the talent pool: their consent has ended or was withdrawn.": (
        "%(name)s finns inte längre i talangbanken: samtycket har upphört eller återkallats."
    ),
    "%(job)s is not open for applications.": "%(job)s är inte öppen för ansökningar.",
    "%(name)s has already applied for %(job)s.": "%(name)s har redan sökt %(job)s.",
    "%(name)s was already invited to apply for %(job)s on %(date)s.": (
        "%(name)s bjöds redan in att söka %(job)s den %(date)s."
    ),
    "%(name)s has no email address, so the invitation cannot be sent. Call them.": (
        "%(name)s har ingen e-postadress, så inbjudan kan inte skickas. Ring i stället."
    ),
    "%(name)s has no application to write from.": "%(name)s har ingen ansökan att skriva utifrån.",
    # decisions/forms.py
    "They get a link to join the talent pool themselves: what they say in the call is no "
    "consent.": (
        "Kandidaten får en länk för att själv gå med i talangbanken: det som sägs i samtalet är "
        "inget samtycke."
    ),
    # portal (talent_pool_views.py, _talent_pool_member.html)
    "Thank you. You are in our talent pool until %(date)s.": (
        "Tack! Du finns i vår talangbank till och med %(date)s."
    ),
    "Your consent ends on %(date)s. Would you like to stay? If you renew it, you agree again, "
    "from today, to this:": (
        "Ditt samtycke upphör %(date)s. Vill du vara kvar? Om du förnyar det godkänner du på "
        "nytt, från och med i dag, det här:"
    ),
    "Renew my consent": "Förnya mitt samtycke",
    # applications/forms.py
    "Requirement met": "Uppfyllt krav",
    "Words of a requirement they met at screening or scored 4 or 5 on.": (
        "Ord ur ett krav som personen uppfyllde i urvalet eller fick 4 eller 5 på vid intervju."
    ),
    "Kind of requirement met": "Typ av uppfyllt krav",
    "Any": "Alla",
    "Search": "Sök",
    "Name, the jobs they want to hear about, merits or jobs they applied for.": (
        "Namn, jobb som personen vill höra om, meriter eller jobb som hen har sökt."
    ),
    "Choose the recruitment to invite them to.": "Välj rekryteringen du vill bjuda in till.",
    # applications/talent_pool_views.py
    "%(name)s is invited to apply for %(job)s.": "%(name)s är inbjuden att söka %(job)s.",
    # applications/templates/applications/talent_pool.html
    "People who have agreed to be contacted about future jobs, as long as their consent "
    "holds. You see those who applied to a recruitment you are on as owner, recruiter or "
    "hiring manager.": (
        "Personer som har gått med på att bli kontaktade om framtida jobb, så länge deras "
        "samtycke gäller. Du ser dem som har sökt till en rekrytering där du är ägare, "
        "rekryterare eller rekryterande chef."
    ),
    "Show everyone": "Visa alla",
    "People in the talent pool": "Personer i talangbanken",
    "Wants to hear about": "Vill höra om",
    "Valid until": "Gäller till och med",
    "Earlier applications": "Tidigare ansökningar",
    "Invited": "Inbjuden till",
    "Invite to a recruitment": "Bjud in till en rekrytering",
    "Any job": "Alla jobb",
    "%(outcome)s (reached: %(stage)s)": "%(outcome)s (kom till: %(stage)s)",
    "%(job)s, %(date)s": "%(job)s, %(date)s",
    "Recruitment to invite %(name)s to": "Rekrytering att bjuda in %(name)s till",
    "Invite": "Bjud in",
    "Previous": "Föregående",
    "Next": "Nästa",
    "Nobody in the talent pool matches your search.": "Ingen i talangbanken matchar din sökning.",
    "Nobody you can see is in the talent pool.": "Ingen som du kan se finns i talangbanken.",
}
