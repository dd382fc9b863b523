"""The addresses pages had before each app got its own prefix: permanent redirects.

Links in mail already sent (interview invitations name the interview's page, a call-back
reminder the call's) and bookmarks keep working. Only pages one opens are redirected; forms
post to the new addresses.
"""

from __future__ import annotations

from django.urls import URLPattern, path
from django.views.generic import RedirectView


def _moved(old: str, name: str) -> URLPattern:
    return path(old, RedirectView.as_view(pattern_name=name, permanent=True, query_string=True))


urlpatterns = [
    _moved("login/", "accounts:login"),
    _moved("recruitments/<int:pk>/applications/new/", "applications:add"),
    _moved("recruitments/<int:pk>/import/", "applications:import"),
    _moved("recruitments/<int:pk>/messages/", "applications:recruitment_outbox"),
    _moved("recruitments/<int:pk>/screening/", "assessment:screening_table"),
    _moved("recruitments/<int:pk>/comparison/", "assessment:comparison"),
    _moved("recruitments/<int:pk>/decision/", "decisions:decision"),
    _moved("recruitments/<int:pk>/calls/", "decisions:calls"),
    _moved("applications/<int:pk>/screening/", "assessment:screening"),
    _moved("applications/<int:pk>/merits/", "assessment:merits"),
    _moved("applications/<int:pk>/interviews/new/", "assessment:interview_new"),
    _moved("applications/<int:pk>/call-sheet/", "decisions:call_sheet"),
    _moved("interviews/<int:pk>/", "assessment:interview"),
    _moved("interviews/<int:pk>/scorecard/", "assessment:scorecard"),
    _moved("interviews/<int:pk>/invitation.ics", "assessment:interview_ics"),
    _moved("calls/<int:pk>/", "decisions:call"),
    _moved("calls/<int:pk>/call-back.ics", "decisions:callback_ics"),
    _moved("letters/<int:pk>/", "decisions:letter"),
    _moved("settings/templates/", "messaging:templates"),
    _moved("settings/templates/<str:kind>/<str:language>/", "messaging:template"),
]
