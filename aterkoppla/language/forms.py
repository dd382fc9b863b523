"""Forms whose free text passes the language check before it is saved (DESIGN §6).

Mark a field with :func:`checked`; mix :class:`LanguageCheckedMixin` in before the form
class. A ``block`` finding becomes an error on its field until the text is edited or the
user gives a reason in ``language_override_reason``; the view then calls
:meth:`LanguageCheckedMixin.language_record` in the transaction that saves the text.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aterkoppla.accounts.models import User
from aterkoppla.applications.models import Application
from aterkoppla.language.models import LanguageOverride, Policy
from aterkoppla.language.review import Review, blocked_error, describe, record_override, review

OVERRIDE_FIELD = "language_override_reason"
OVERRIDE_MAX = 1000


def checked(field: forms.Field, lang: str = "auto") -> forms.Field:
    """Mark a form field as checked; its widget gets live feedback in the browser.

    ``lang`` is the language the text is written in when it is known (a template's).
    """
    field.language_check = True  # type: ignore[attr-defined]
    field.language_lang = lang  # type: ignore[attr-defined]
    field.widget.attrs["data-language-check"] = ""
    if lang != "auto":
        field.widget.attrs["data-language"] = lang
    return field


def override_field() -> forms.CharField:
    return forms.CharField(
        label=gettext_lazy("Reason to keep the text as it is"),
        required=False,
        max_length=OVERRIDE_MAX,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy(
            "Only if the finding is wrong here, for example a stated requirement of the job. "
            "The reason is recorded with your name."
        ),
    )


class LanguageCheckedMixin:
    """Checks every field marked with :func:`checked` in ``clean()``."""

    language_where: str = ""
    fields: dict[str, forms.Field]
    cleaned_data: dict[str, Any]

    def __init__(self, *args: Any, language_policy: str = Policy.BLOCK, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        self.language_policy = language_policy
        self.language_review: Review | None = None
        self.language_setup()

    def language_setup(self) -> None:
        """Mark the checked widgets for the browser and put the override field last.

        Forms that add checked fields in their own ``__init__`` call this again at its end.
        """
        for name in self.language_fields():
            attrs = self.fields[name].widget.attrs
            attrs["data-language-check"] = ""
            if self.language_policy == Policy.WARN:
                attrs["data-language-policy"] = Policy.WARN
        self.fields[OVERRIDE_FIELD] = self.fields.pop(OVERRIDE_FIELD, None) or override_field()

    def language_fields(self) -> list[str]:
        return [name for name, f in self.fields.items() if getattr(f, "language_check", False)]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()  # type: ignore[misc]
        names = self.language_fields()
        self.language_review = review(
            {name: cleaned.get(name) or "" for name in names},
            policy=self.language_policy,
            labels={name: str(self.fields[name].label or name) for name in names},
            langs={name: getattr(self.fields[name], "language_lang", "auto") for name in names},
        )
        if self.language_review.needs_override and not cleaned.get(OVERRIDE_FIELD):
            for name, findings in self.language_review.blocking.items():
                self.add_error(name, blocked_error(findings))  # type: ignore[attr-defined]
        return cleaned

    def language_where_of(self, found: Review) -> str:
        """What kind of text was kept (a form with several kinds overrides this)."""
        return self.language_where

    @property
    def language_blocked(self) -> bool:
        """Show the override field: a text was stopped, or a reason was already given."""
        data = getattr(self, "data", {}) or {}
        return bool(
            (self.language_review is not None and self.language_review.needs_override)
            or data.get(OVERRIDE_FIELD)
        )

    def language_record(
        self, *, by: User | None, application: Application | None = None, subject: str = ""
    ) -> LanguageOverride | None:
        """After a valid form is saved: record any kept ``block`` finding, with the reason."""
        if self.language_review is None:
            return None
        if application is not None and not subject:
            subject = f"{application.candidate.full_name} · {application.recruitment.title}"
        return record_override(
            self.language_review,
            where=self.language_where_of(self.language_review),
            by=by,
            reason=self.cleaned_data.get(OVERRIDE_FIELD, ""),
            application=application,
            subject=subject,
        )

    def language_advise(self, request: HttpRequest) -> None:
        """Show the warnings the saved text had, once, on the next page."""
        if self.language_review is None:
            return
        for finding in self.language_review.advice():
            messages.warning(
                request, _("Language check: %(finding)s") % {"finding": describe(finding)}
            )
