"""Render messages from templates in a sandbox.

Templates are Jinja2 text, edited by the organisation, rendered in a ``SandboxedEnvironment``
over a fixed set of plain strings: a template can print these names and use simple
conditions, nothing else (no loops, macros, assignments, calls or arithmetic: checked on the
template's syntax tree, ``_check_syntax``), and its output is capped (``MAX_OUTPUT``). A
template that does not render is refused when saved; one that fails for some candidate
anyway gives a held message with the shipped wording (``messaging.services``), never a crash.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from jinja2 import StrictUndefined, Template, TemplateError, nodes
from jinja2.sandbox import SandboxedEnvironment

DEFAULTS = Path(__file__).parent / "defaults"

# The names a template may use, with what each holds (shown to admins beside the editor, in
# their language).
VARIABLES = {
    "first_name": gettext_lazy("The candidate's first name"),
    "last_name": gettext_lazy("The candidate's last name"),
    "job_title": gettext_lazy("The title of the recruitment"),
    "reply_by": gettext_lazy("The promised answer date, written out (16 december 2026)"),
    "previous_reply_by": gettext_lazy("The answer date promised before, for a new date"),
    "stage": gettext_lazy("The application's stage in plain words"),
    "portal_url": gettext_lazy("The private link to the candidate's page"),
    "confirm_url": gettext_lazy(
        "The link that confirms an application sent from an address we already know (confirmations)"
    ),
    "talent_pool_url": gettext_lazy(
        "The private link to the talent pool on the candidate's page (to join, renew or leave)"
    ),
    "talent_pool_wanted": gettext_lazy(
        "“yes” when the candidate said in the feedback call that they would like to hear about "
        "future jobs and is not in the talent pool yet, else empty (call summaries)"
    ),
    "talent_pool_until": gettext_lazy(
        "The date the candidate's talent pool consent ends, written out (renewal reminders)"
    ),
    "job_url": gettext_lazy("The job's page on the career page (invitations from the talent pool)"),
    "survey_url": gettext_lazy(
        "The private link to the survey on the candidate's page (after the final answer)"
    ),
    "organisation": gettext_lazy("The organisation's name"),
    "organisation_phone": gettext_lazy("The organisation's phone number"),
    "organisation_email": gettext_lazy(
        "The organisation's contact address for candidates (where replies go without a "
        "recruiter's address)"
    ),
    "privacy_notice": gettext_lazy("The privacy notice from the settings"),
    "reason": gettext_lazy("The reason for the decision, where one was given (rejections)"),
    "summary": gettext_lazy(
        "What was said about the decision and the reasons (after a feedback call)"
    ),
    "outcome": gettext_lazy(
        "Who got the job, for rejections: “chosen” (someone), “pending” (nobody yet, others "
        "go on) or “none” (nobody is hired)"
    ),
    "assessed": gettext_lazy(
        "“yes” when the application was assessed against the requirement profile, else empty "
        "(rejections)"
    ),
    "by_letter": gettext_lazy(
        "“yes” when the message is a letter to print (it cannot be answered by replying)"
    ),
    "disclosure_due": gettext_lazy(
        "The date the written information under diskrimineringslagen 2 kap. 4 § is promised "
        "by, when the candidate asked for it in the call"
    ),
    "erase_on": gettext_lazy(
        "The date the candidate's data will be erased, written out (after an erasure request)"
    ),
    "erased_now": gettext_lazy(
        "“yes” when some of the candidate's applications were erased at once (erasure requests)"
    ),
    "interview_time": gettext_lazy(
        "When the interview starts, written out (tisdag 8 december 2026 kl. 10.00)"
    ),
    "previous_interview_time": gettext_lazy("When a moved interview was to start before"),
    "interview_length": gettext_lazy("How long the interview lasts (1 timme)"),
    "interview_place": gettext_lazy("Where the interview is held, if it has a place"),
    "video_url": gettext_lazy("The link to a video interview, if it has one"),
    "interviewers": gettext_lazy("Whom the candidate meets: the interviewers' names"),
    "bring": gettext_lazy("What the candidate should bring, if anything was given"),
    "contact": gettext_lazy("Whom to ask about the interview: a name and an address"),
}

_environment = SandboxedEnvironment(
    autoescape=False,  # plain text; the HTML part is escaped separately below
    undefined=StrictUndefined,
    keep_trailing_newline=False,
    trim_blocks=True,
    lstrip_blocks=True,
)
# Only the names we pass in: no range(), dict(), lipsum() or other built-in helpers.
_environment.globals.clear()


# What a template may be made of: text, the names above, conditions ({% if %}, "and", "or",
# "not", comparisons, "a if b else c"), joining with ~ and a few string filters. No loops,
# macros, assignments, calls or arithmetic: a template's output is then bounded by its own
# length and the names' values, and it renders the same way for every candidate's data.
_ALLOWED_NODES = (
    nodes.Template,
    nodes.Output,
    nodes.TemplateData,
    nodes.Name,
    nodes.Const,
    nodes.If,
    nodes.CondExpr,
    nodes.Not,
    nodes.And,
    nodes.Or,
    nodes.Compare,
    nodes.Operand,
    nodes.Concat,
    nodes.Filter,
    nodes.Test,
)
ALLOWED_FILTERS = frozenset({"upper", "lower", "capitalize", "title", "trim", "default"})
ALLOWED_TESTS = frozenset({"defined", "none"})
_COMPARISONS = frozenset({"eq", "ne", "in", "notin"})
# The most a rendered subject and body may hold together.
MAX_OUTPUT = 100_000

_CONSTRUCTS = {
    nodes.For: "{% for %}",
    nodes.Macro: "{% macro %}",
    nodes.CallBlock: "{% call %}",
    nodes.Assign: "{% set %}",
    nodes.AssignBlock: "{% set %}",
    nodes.Call: "( )",
    nodes.Include: "{% include %}",
    nodes.Import: "{% import %}",
    nodes.FromImport: "{% from %}",
    nodes.Extends: "{% extends %}",
    nodes.Block: "{% block %}",
    nodes.With: "{% with %}",
    nodes.FilterBlock: "{% filter %}",
}


def _refused_construct(node: nodes.Node) -> str:
    for kind, shown in _CONSTRUCTS.items():
        if isinstance(node, kind):
            return shown
    if isinstance(node, nodes.BinExpr | nodes.UnaryExpr):
        return node.operator
    if isinstance(node, nodes.Getattr | nodes.Getitem):
        return "." if isinstance(node, nodes.Getattr) else "[ ]"
    return type(node).__name__


def _check_syntax(tree: nodes.Template) -> None:
    """Refuse anything but the allowed nodes (see ``_ALLOWED_NODES``), naming what was used."""
    for node in tree.find_all(nodes.Node):
        refused = None
        if not isinstance(node, _ALLOWED_NODES):
            refused = _refused_construct(node)
        elif isinstance(node, nodes.Filter) and node.name not in ALLOWED_FILTERS:
            refused = f"|{node.name}"
        elif isinstance(node, nodes.Test) and node.name not in ALLOWED_TESTS:
            refused = f"is {node.name}"
        elif isinstance(node, nodes.Operand) and node.op not in _COMPARISONS:
            refused = node.op
        elif isinstance(node, nodes.Name) and node.name not in VARIABLES:
            raise TemplateProblem(
                _("“%(name)s” is not a name a template can use") % {"name": node.name}
            )
        if refused is not None:
            raise TemplateProblem(
                _(
                    "“%(construct)s” cannot be used in a message template: only the names, "
                    "{%% if %%} conditions and the filters %(filters)s"
                )
                % {"construct": refused, "filters": ", ".join(sorted(ALLOWED_FILTERS))}
            )


@lru_cache(maxsize=256)
def _compiled(source: str) -> Template:
    """Check and compile each template text once per process; messages reuse the few there
    are."""
    try:
        tree = _environment.parse(source)
    except TemplateError as exc:
        raise TemplateProblem(str(exc)) from None
    _check_syntax(tree)
    return _environment.from_string(tree)


def _render(template: Template, context: dict[str, str], room: int) -> str:
    """Render, stopping as soon as the output would be longer than ``room``."""
    parts, size = [], 0
    for part in template.generate(context):
        size += len(part)
        if size > room:
            raise TemplateProblem(
                _("the message would be longer than %(count)s characters") % {"count": MAX_OUTPUT}
            )
        parts.append(part)
    return "".join(parts)


class TemplateProblem(ValueError):
    """A template cannot be used; the message says why, for the person editing it (in the
    active language; a broken shipped default is the developers' problem and stays English)."""


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


@lru_cache(maxsize=64)
def default_template(kind: str, language: str) -> tuple[str, str]:
    """The shipped (subject, body) for a kind and language."""
    raw = (DEFAULTS / f"{kind}.{language}.txt").read_text(encoding="utf-8")
    first, _blank, body = raw.partition("\n\n")
    if not first.startswith("Subject: "):
        raise TemplateProblem(f"{kind}.{language}.txt must start with a Subject: line")
    return first.removeprefix("Subject: ").strip(), body.strip() + "\n"


def subject_clean(subject: str) -> str:
    """A subject on one line: no leading or trailing space, line breaks and runs of spaces
    made one space. Every subject that is stored (templates, messages) passes here."""
    return " ".join(subject.split())


def render_strings(subject: str, body: str, context: dict[str, str]) -> tuple[str, str]:
    """Render subject and body; raise :class:`TemplateProblem` on any error."""
    unknown = set(context) - set(VARIABLES)
    if unknown:
        raise TemplateProblem(_("unknown context names: %(names)s") % {"names": sorted(unknown)})
    try:
        rendered_subject = _render(_compiled(subject), context, MAX_OUTPUT)
        rendered_body = _render(_compiled(body), context, MAX_OUTPUT - len(rendered_subject))
    except TemplateProblem:
        raise
    except TemplateError as exc:
        raise TemplateProblem(str(exc)) from None
    except Exception as exc:
        # RecursionError, MemoryError, a value a filter cannot take: never a crash.
        raise TemplateProblem(f"{type(exc).__name__}: {exc}") from None
    rendered_subject = subject_clean(rendered_subject)
    if not rendered_subject:
        raise TemplateProblem(_("the subject is empty"))
    return rendered_subject, _tidy(rendered_body)


# The signature separator of plain-text mail (RFC 3676 4.3): dash, dash, space, alone on a
# line. Mail programs show what follows it (here the privacy notice) as a footer.
SEPARATOR = "-- "


def _is_separator(line: str) -> bool:
    return line.rstrip() == "--"


def _tidy(text: str) -> str:
    """At most one empty line in a row, no trailing spaces (conditions leave gaps), and a
    separator line written exactly as mail programs know it."""
    lines = [
        SEPARATOR if _is_separator(line) else line.rstrip() for line in text.strip().splitlines()
    ]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)) + "\n"


# A web address in a line of text; punctuation that ends a sentence is not part of it.
_URL = re.compile(r"https?://[^\s<>\"']+")
_URL_TAIL = ".,;:!?)]}"


def _own_link(url: str, site: str) -> bool:
    site = site.rstrip("/")
    return bool(site) and (url == site or url.startswith(site + "/"))


@lru_cache(maxsize=4096)
def _line_html(line: str, site: str) -> str:
    """One line escaped, the product's own links (to ``site``) made clickable and every other
    address left as text: a message links only where the product sends people. Messages of
    one kind share most lines, so a bulk decision makes each shared line once."""
    parts, position = [], 0
    for match in _URL.finditer(line):
        url = match.group(0).rstrip(_URL_TAIL)
        parts.append(escape(line[position : match.start()]))
        parts.append(
            format_html('<a href="{0}">{0}</a>', url) if _own_link(url, site) else escape(url)
        )
        position = match.start() + len(url)
    parts.append(escape(line[position:]))
    return "".join(parts)


def _paragraphs(text: str, site: str) -> list[str]:
    return [
        mark_safe("<br>".join(_line_html(line, site) for line in block.splitlines()))  # noqa: S308
        for block in text.strip().split("\n\n")
        if block.strip()
    ]


def to_html(text: str, *, organisation: str, language: str) -> str:
    """The HTML part: the same words, paragraphs kept, the product's links clickable, and what
    follows the signature separator (the privacy notice) as a footer under a rule."""
    lines = text.strip().splitlines()
    cut = next((number for number, line in enumerate(lines) if _is_separator(line)), None)
    main, footer = (lines, []) if cut is None else (lines[:cut], lines[cut + 1 :])
    site = settings.SITE_URL
    return render_to_string(
        "messaging/email.html",
        {
            "paragraphs": _paragraphs("\n".join(main), site),
            "footer": _paragraphs("\n".join(footer), site),
            "organisation": organisation,
            "language": language,
        },
    )


def sample_context(language: str) -> dict[str, str]:
    """Values for previews and for checking templates when they are saved, in ``language``."""
    with translation.override(language):
        return {
            "first_name": "Sara",
            "last_name": "Ek",
            "job_title": _("Warehouse worker"),
            "reply_by": formats.date_format(dt.date(2026, 12, 16), "j F Y"),
            "previous_reply_by": formats.date_format(dt.date(2026, 12, 9), "j F Y"),
            "stage": _("Interview"),
            "portal_url": "https://example.se/ansokan/abc123/",
            "confirm_url": "https://example.se/jobb/bekrafta/abc123/",
            "talent_pool_url": "https://example.se/ansokan/abc123/talangbank/",
            "talent_pool_wanted": "yes",
            "talent_pool_until": formats.date_format(dt.date(2027, 12, 16), "j F Y"),
            "job_url": "https://example.se/jobb/12/",
            "survey_url": "https://example.se/ansokan/abc123/enkat/",
            "organisation": "Exempel AB",
            "organisation_phone": "036-12 34 56",
            "organisation_email": "rekrytering@example.se",
            "privacy_notice": _("How we handle your personal data …"),
            "reason": _(
                "The job requires a forklift licence (A+B), which your application did not show."
            ),
            "summary": _("What decided it was above all experience of warehouse work …"),
            "outcome": "chosen",
            "assessed": "yes",
            # Empty: the usual case, in which the summary says how to ask for it.
            "disclosure_due": "",
            "by_letter": "",
            "erase_on": formats.date_format(dt.date(2028, 12, 16), "j F Y"),
            "erased_now": "",
            "interview_time": _("Tuesday 8 December 2026 at 10:00"),
            "previous_interview_time": _("Monday 7 December 2026 at 14:00"),
            "interview_length": _("1 hour"),
            "interview_place": _("Storgatan 1, Jönköping, reception"),
            "video_url": "https://meet.example.se/intervju",
            "interviewers": _("Johan Ström (hiring manager) and Leila Haddad"),
            "bring": _("Bring ID and your forklift licence."),
            "contact": "Rebecka Lind, rebecka.lind@example.se",
        }


def check_template(subject: str, body: str, language: str) -> None:
    """Raise :class:`TemplateProblem` unless the template renders with every name filled in."""
    render_strings(subject, body, sample_context(language))
