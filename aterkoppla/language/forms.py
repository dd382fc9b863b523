"""Forms with free text that the language check reads (DESIGN §6).

Mark a field with :func:`checked` (live feedback in the browser); mix
:class:`LanguageCheckedMixin` in before the form class for the reason field. The check that
stops a text is the service's (``aterkoppla.language.gate``), not the form's: a form only
shows what the service found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aterkoppla.core.forms import add_service_errors
from aterkoppla.language.gate import LanguageBlocked, language_advice
from aterkoppla.language.models import Policy
from aterkoppla.language.review import Review, blocked_error, describe, special_category_reminder

if TYPE_CHECKING:
    # What the mixin is mixed into; at run time it is a plain class before the form class.
    _FormBase = forms.BaseForm
else:
    _FormBase = object

T = TypeVar("T")

OVERRIDE_FIELD = "language_override_reason"
OVERRIDE_MAX = 1000
# The mark of a checked field, on its widget: the browser's script looks for it, and so does
# the form (:meth:`LanguageCheckedMixin.language_fields`).
CHECKED_ATTR = "data-language-check"


def checked(field: forms.Field, lang: str = "auto") -> forms.Field:
    """Mark a form field as checked; its widget gets live feedback in the browser.

    ``lang`` is the language the text is written in when it is known (a template's).
    """
    field.widget.attrs[CHECKED_ATTR] = ""
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


class LanguageCheckedMixin(_FormBase):
    """A form with texts the language check reads: live feedback while typing, and the field
    for a reason to keep a stopped text.

    The check itself is the service's (``aterkoppla.language.gate``): the view passes
    :attr:`language_override_reason` to the service, and on ``LanguageBlocked`` calls
    :meth:`language_stopped`, which puts each finding on its field and shows the reason
    field.
    """

    def __init__(self, *args: Any, language_policy: str = Policy.BLOCK, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.language_policy = language_policy
        self._language_stopped = False
        self.language_setup()

    def language_setup(self) -> None:
        """Tell the browser the policy of the checked widgets and put the override field last.

        Forms that add checked fields in their own ``__init__`` call this again at its end.
        """
        for name in self.language_fields():
            if self.language_policy == Policy.WARN:
                self.fields[name].widget.attrs["data-language-policy"] = Policy.WARN
        override = self.fields.pop(OVERRIDE_FIELD, None)
        self.fields[OVERRIDE_FIELD] = override or override_field()

    def language_fields(self) -> list[str]:
        return [name for name, f in self.fields.items() if CHECKED_ATTR in f.widget.attrs]

    @property
    def language_override_reason(self) -> str:
        return (getattr(self, "cleaned_data", None) or {}).get(OVERRIDE_FIELD, "")

    def language_field_for(self, name: str) -> str | None:
        """The form field that holds the service's text ``name`` (the same name, by default)."""
        return name if name in self.fields else None

    def language_stopped(self, exc: LanguageBlocked) -> None:
        """The service stopped texts: show each finding on its field, and the reason field."""
        self._language_stopped = True
        for name, findings in exc.blocking.items():
            self.add_error(self.language_field_for(name), blocked_error(findings))

    @property
    def language_blocked(self) -> bool:
        """Show the override field: a text was stopped, or a reason was already given."""
        data = getattr(self, "data", {}) or {}
        return self._language_stopped or bool(data.get(OVERRIDE_FIELD))

    def language_save(
        self,
        request: HttpRequest,
        save: Callable[[], T],
        *,
        success: str | Callable[[Any], str] = "",
    ) -> tuple[bool, T | None]:
        """Run the service that stores this form's texts (``save``) for a page.

        Stopped texts and the service's other errors go on the form (``(False, None)``);
        otherwise the success message (text, or made from what the service returned), then
        the warnings the saved texts had, are shown once on the next page (``(True, what the
        service returned)``).
        """
        try:
            with language_advice() as advice:
                result = save()
        except LanguageBlocked as exc:
            self.language_stopped(exc)
            return False, None
        except ValidationError as exc:
            add_service_errors(self, exc)
            return False, None
        text = success(result) if callable(success) else success
        if text:
            messages.success(request, text)
        self.language_advise(request, advice)
        return True, result

    def language_advise(self, request: HttpRequest, reviews: Iterable[Review]) -> None:
        """Show the warnings the saved texts had, once, on the next page."""
        advice = [finding for found in reviews for finding in found.advice()]
        for finding in advice:
            messages.warning(
                request, _("Language check: %(finding)s") % {"finding": describe(finding)}
            )
        reminder = special_category_reminder(advice)
        if reminder:
            messages.warning(request, reminder)
