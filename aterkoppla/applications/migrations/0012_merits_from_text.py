"""Free-text merits become structured merits, best-effort.

Each line is split by ``aterkoppla.lib.merit_text.parse_merit``: a period of years becomes
the length and the period, an organisation (a comma-separated part, a part after "på"/"at"/
"vid", a name ending in "AB", "Kommun", "universitet" …) goes to its own field. A line it
cannot split safely is kept whole, marked ``needs_review`` with the text as written: it is
left out of everything other candidates are told until a person has checked it.

Backwards, each merit is written as one line again ("role, organisation, 2016–2022").
"""

from django.db import migrations

from aterkoppla.lib.merit_text import identifying_details, parse_merit

SECTIONS = ("education", "experience", "other")
TEXT_MAX = 200
BATCH = 2000
LEVEL_WORDS = {
    "course": "kurs",
    "upper_secondary": "gymnasieutbildning",
    "vocational": "yrkeshögskoleexamen",
    "university": "högskolestudier",
    "bachelor": "kandidatexamen",
    "master": "masterexamen",
    "doctorate": "doktorsexamen",
    "leadership": "chef",
    "internship": "praktik",
}


def _merit(Merit, application_id, kind, position, line):
    parsed = parse_merit(kind, line)
    fits = all(len(text) <= TEXT_MAX for text in (parsed.role, parsed.field, parsed.organisation))
    safe = (
        parsed.safe
        and fits
        and bool(parsed.role or parsed.field or parsed.level)
        and not identifying_details(parsed.role or parsed.field, parsed.organisation)
    )
    if not safe:
        return Merit(
            application_id=application_id,
            kind=kind,
            position=position,
            field=line[:TEXT_MAX],
            needs_review=True,
            source_text=line,
        )
    return Merit(
        application_id=application_id,
        kind=kind,
        position=position,
        role=parsed.role,
        field=parsed.field,
        level=parsed.level,
        years=parsed.years if parsed.years is None or parsed.years <= 80 else None,
        months=parsed.months,
        organisation=parsed.organisation,
        from_year=parsed.from_year,
        to_year=parsed.to_year,
    )


def forwards(apps, schema_editor):
    Application = apps.get_model("applications", "Application")
    Merit = apps.get_model("applications", "Merit")
    rows = []
    for pk, merits in Application.objects.values_list("pk", "merits_text").iterator(BATCH):
        for kind in SECTIONS:
            lines = [line.strip() for line in (merits or {}).get(kind) or [] if line.strip()]
            for position, line in enumerate(lines):
                rows.append(_merit(Merit, pk, kind, position, line))
        if len(rows) >= BATCH:
            Merit.objects.bulk_create(rows)
            rows = []
    Merit.objects.bulk_create(rows)


def _line(merit):
    if merit.needs_review and merit.source_text:
        return merit.source_text
    level = LEVEL_WORDS.get(merit.level, "")
    subject = " i ".join(part for part in (merit.role, merit.field) if part)
    head = " i ".join(part for part in (level, subject) if part) or merit.level
    period = ""
    if merit.from_year and merit.to_year:
        period = f"{merit.from_year}–{merit.to_year}"
    elif merit.from_year:
        period = f"{merit.from_year}–"
    elif merit.to_year:
        period = str(merit.to_year)
    elif merit.years:
        period = f"{merit.years} år"
    return ", ".join(part for part in (head, merit.organisation, period) if part)


def backwards(apps, schema_editor):
    Application = apps.get_model("applications", "Application")
    Merit = apps.get_model("applications", "Merit")
    texts = {}
    for merit in Merit.objects.order_by("application_id", "kind", "position", "id").iterator(BATCH):
        merits = texts.setdefault(merit.application_id, {kind: [] for kind in SECTIONS})
        merits[merit.kind].append(_line(merit))
    for pk, merits in texts.items():
        Application.objects.filter(pk=pk).update(merits_text=merits)


class Migration(migrations.Migration):
    dependencies = [("applications", "0011_merit")]

    operations = [migrations.RunPython(forwards, backwards)]
