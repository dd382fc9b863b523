"""``/decisions/``: deciding a recruitment, the feedback calls, call sheets and letters."""

from __future__ import annotations

from django.urls import path

from aterkoppla.decisions import views

app_name = "decisions"
urlpatterns = [
    path("recruitments/<int:pk>/", views.decision, name="decision"),
    path("recruitments/<int:pk>/calls/", views.calls, name="calls"),
    path("calls/<int:pk>/", views.call_mode, name="call"),
    path("calls/<int:pk>/call-back.ics", views.callback_ics, name="callback_ics"),
    path("applications/<int:pk>/call-sheet/", views.call_sheet, name="call_sheet"),
    path("letters/<int:pk>/", views.letter, name="letter"),
    path("applications/<int:pk>/disclosure-requests/", views.disclosure_new, name="disclosure_new"),
    path("disclosure-requests/<int:pk>/", views.disclosure, name="disclosure"),
    path("disclosure-requests/<int:pk>/letter.pdf", views.disclosure_pdf, name="disclosure_pdf"),
    path("letters/<int:pk>/printed/", views.letter_printed, name="letter_printed"),
]
