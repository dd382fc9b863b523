"""Whatever a person or a bot types into the application form, the form answers with a
cleaned application or with errors — never with an exception."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.datastructures import MultiValueDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aterkoppla.careers.forms import ApplyForm
from aterkoppla.lib.tests import samples

anything = st.text(max_size=400)
rows = st.lists(anything, max_size=20)


@settings(
    max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    first_name=anything,
    last_name=anything,
    email=anything,
    phone=anything,
    language=anything,
    education=rows,
    experience=rows,
    other=rows,
    cv=st.sampled_from(
        [samples.pdf_bytes(), samples.exe_bytes(), b"", samples.docx_bytes()[:100], b"%PDF-"]
    ),
)
def test_any_input_gives_a_result_or_errors(
    first_name, last_name, email, phone, language, education, experience, other, cv
):
    data = MultiValueDict(
        {
            "first_name": [first_name],
            "last_name": [last_name],
            "email": [email],
            "phone": [phone],
            "language": [language],
            "education": education,
            "experience": experience,
            "other": other,
        }
    )
    files = MultiValueDict({"cv": [SimpleUploadedFile("cv.pdf", cv)]})
    form = ApplyForm(data, files)
    if form.is_valid():
        assert form.cleaned_data["language"] in {"sv", "en"}
        assert form.cleaned_data["first_name"]
        assert all(len(row) <= 300 for row in form.merits()["education"])
        assert form.documents()[0].type.kind in {"pdf", "docx", "odt"}
    else:
        assert form.errors
        assert all(
            isinstance(message, str) for errors in form.errors.values() for message in errors
        )
