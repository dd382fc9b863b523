from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from aterkoppla.applications.models import Document
from aterkoppla.applications.services import IncomingDocument
from aterkoppla.core.forms import PhoneField
from aterkoppla.core.validators import validate_person_name
from aterkoppla.lib.documents import DocumentRejected, identify
from aterkoppla.recruitment.models import Language

MAX_ROWS = 15
MAX_ROW_LENGTH = 300


class RowsWidget(forms.Widget):
    """Several inputs sharing one name: the repeatable rows of a merits section."""

    template_name = "careers/widgets/rows.html"
    min_rows = 3

    def value_from_datadict(self, data: Any, files: Any, name: str) -> list[str]:
        getlist = getattr(data, "getlist", None)
        return list(getlist(name)) if getlist else list(data.get(name) or [])

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return False

    def get_context(self, name: str, value: Any, attrs: dict | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        # Only the first input carries the id that the label points to.
        context["widget"]["first_id"] = context["widget"]["attrs"].pop("id", "")
        rows = [row for row in (value or []) if row]
        rows += [""] * max(self.min_rows - len(rows), 1 if len(rows) < MAX_ROWS else 0)
        context["widget"]["rows"] = rows
        return context


class RowsField(forms.Field):
    widget = RowsWidget

    def to_python(self, value: Any) -> list[str]:
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        rows = [str(row).strip() for row in value if str(row).strip()]
        if len(rows) > MAX_ROWS:
            raise forms.ValidationError(
                _("At most %(n)s rows per section."), params={"n": MAX_ROWS}, code="rows"
            )
        if any(len(row) > MAX_ROW_LENGTH for row in rows):
            raise forms.ValidationError(
                _("Keep each row under %(n)s characters."), params={"n": MAX_ROW_LENGTH}
            )
        return rows


DOCUMENT_ERRORS = {
    "empty": _("The file “%(name)s” is empty."),
    "unknown": _(
        "“%(name)s” is not a PDF, Word (.docx) or OpenDocument (.odt) document. "
        "Save it in one of those formats and try again."
    ),
    "damaged": _(
        "“%(name)s” could not be read: the file seems damaged or incomplete. "
        "Save it again and try once more."
    ),
}


class DocumentField(forms.FileField):
    """A CV or letter: PDF, DOCX or ODT recognised by content, within the size limit."""

    def __init__(self, *, kind: str, **kwargs: Any) -> None:
        self.kind = kind
        kwargs.setdefault(
            "widget",
            forms.ClearableFileInput(
                attrs={
                    "accept": ".pdf,.docx,.odt,application/pdf,"
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
                    "application/vnd.oasis.opendocument.text"
                }
            ),
        )
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> IncomingDocument | None:
        upload: UploadedFile | None = super().clean(data, initial)
        if not upload:
            return None
        name, size = upload.name, upload.size
        if not name or size is None:
            # FileField.clean has already refused these: no name, or no size (not a file).
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if size > settings.UPLOAD_MAX_BYTES:
            raise forms.ValidationError(
                _("“%(name)s” is larger than %(mb)s MB. Make the file smaller and try again."),
                params={"name": name, "mb": settings.UPLOAD_MAX_MB},
            )
        try:
            doc_type = identify(upload)
        except DocumentRejected as rejected:
            raise forms.ValidationError(
                DOCUMENT_ERRORS[rejected.reason], params={"name": name}
            ) from None
        return IncomingDocument(kind=self.kind, name=name, file=upload, type=doc_type)


class ApplyForm(forms.Form):
    first_name = forms.CharField(
        label=_("First name"),
        max_length=100,
        validators=[validate_person_name],
        widget=forms.TextInput({"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=100,
        validators=[validate_person_name],
        widget=forms.TextInput({"autocomplete": "family-name"}),
    )
    email = forms.EmailField(
        label=_("Email"),
        help_text=_("We send the confirmation and our answers here."),
        widget=forms.EmailInput({"autocomplete": "email"}),
    )
    phone = PhoneField(
        label=_("Phone"),
        required=False,
        help_text=_("If you are interviewed, we call to give you our answer."),
        widget=forms.TextInput({"autocomplete": "tel", "inputmode": "tel"}),
    )
    language = forms.ChoiceField(
        label=_("Language for our messages to you"),
        choices=Language.choices,
        widget=forms.RadioSelect,
    )
    cv = DocumentField(kind=Document.Kind.CV, label=_("CV"))
    cover_letter = DocumentField(
        kind=Document.Kind.COVER_LETTER, label=_("Cover letter"), required=False
    )
    education = RowsField(label=_("Education"), required=False)
    experience = RowsField(label=_("Work experience"), required=False)
    other = RowsField(label=_("Other merits"), required=False)
    # A field people never see (hidden by CSS and from assistive technology); bots fill it in.
    homepage = forms.CharField(required=False, label=_("Leave this field empty"))

    def clean_first_name(self) -> str:
        return self.cleaned_data["first_name"].strip()

    def clean_last_name(self) -> str:
        return self.cleaned_data["last_name"].strip()

    def is_bot(self) -> bool:
        return bool(self.data.get("homepage"))

    def merits(self) -> dict[str, list[str]]:
        return {key: self.cleaned_data[key] for key in ("education", "experience", "other")}

    def documents(self) -> list[IncomingDocument]:
        return [doc for doc in (self.cleaned_data["cv"], self.cleaned_data["cover_letter"]) if doc]
