"""Finding risky wording: one pass of the combined expression, context checks at each hit,
then overlapping findings merged."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from aterkoppla.lib.language_check import model, morphology
from aterkoppla.lib.language_check.context import Judge, sentence_spans
from aterkoppla.lib.language_check.lexicon import Entry, Lexicon, categories, lexicon
from aterkoppla.lib.language_check.normalise import detect_language, normalise, original_span

READER_LANGUAGES = ("sv", "en")
TEXT_LANGUAGES = ("auto", "sv", "en")
_RANK = {"block": 0, "warn": 1, "info": 2}
# The second reader's findings are warnings: shown with the words that weighed most, never
# blocking a text on their own (model.py).
MODEL_SEVERITY = "warn"
_MODEL_LEAD = {
    "sv": "Meningen liknar anteckningar som granskningen har lärt sig känna igen (orden som "
    "vägde tyngst: {words}).",
    "en": "The sentence reads like notes the check has learnt to recognise (the words that "
    "weighed most: {words}).",
}
_QUOTES = {"sv": ("”", "”"), "en": ("“", "”")}


@dataclass(frozen=True, slots=True)
class Finding:
    """One risky phrase: where it is in the text, why it is risky, and what to write instead.

    ``text[start:end] == match``; ``message`` and ``suggestion`` are in the reader's language.
    ``rule`` names the lexicon entry and ``basis`` its legal basis; ``context`` the rule of
    the sentence's grammar that kept it (``context.person.subject``…; "" when none applied,
    see ``context.py``). It explains a finding and is not part of its identity.
    """

    category: str
    severity: str
    start: int
    end: int
    match: str
    message: str
    suggestion: str
    rule: str = ""
    basis: str = ""
    context: str = field(default="", compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "match": self.match,
            "message": self.message,
            "suggestion": self.suggestion,
            "rule": self.rule,
            "basis": self.basis,
            "context": self.context,
        }


def _hits(
    lex: Lexicon, text: str, cancelled: Callable[[Entry, int, int], bool] | None = None
) -> list[tuple[int, int, Entry]]:
    """The hits that stand; ``cancelled(entry, start, end)`` judges each one (by default the
    entry's own exceptions and window)."""
    if cancelled is None:
        cancelled = lambda entry, start, end: entry.cancelled(text, start, end)  # noqa: E731
    hits: list[tuple[int, int, Entry]] = []
    # The prefilter finds where a match could begin; the full expression runs only there.
    search, combined_at = lex.prefilter.search, lex.combined_at
    position = 0
    while True:
        candidate = search(text, position)
        if candidate is None:
            return hits
        at = candidate.start()
        found = combined_at(text[at]).match(text, at)
        if found is None:
            position = candidate.start() + 1
            continue
        start, end = found.span()
        group = found.lastgroup
        if group is None:
            raise RuntimeError("the combined expression matched outside its named patterns")
        index = int(group[1:])
        entry = lex.pattern_entries[index]
        if not cancelled(entry, start, end):
            hits.append((start, end, entry))
            position = end
            continue
        # The first pattern to match here was cancelled; another one may still apply.
        position = start + 1
        candidates = lex.by_initial.get(text[start].lower(), ()) + lex.by_initial.get("", ())
        for other in sorted(candidates):
            # Patterns before ``index`` were tried here already and did not match.
            if other <= index or lex.pattern_entries[other] is entry:
                continue
            again = lex.pattern_regex(other).match(text, start)
            if again is not None:
                other_entry = lex.pattern_entries[other]
                if not cancelled(other_entry, start, again.end()):
                    hits.append((start, again.end(), other_entry))
                    position = again.end()
                    break


def _merge(findings: list[Finding], text: str) -> list[Finding]:
    """Overlapping findings of one category become one, spanning both, with the more severe
    one's message; findings of different categories are all kept (each is its own problem)."""
    findings.sort(key=lambda f: (f.start, -f.end, _RANK[f.severity]))
    merged: list[Finding] = []
    open_by_category: dict[str, int] = {}
    for finding in findings:
        at = open_by_category.get(finding.category)
        if at is not None and finding.start < merged[at].end:
            previous = merged[at]
            lead = previous if _RANK[previous.severity] <= _RANK[finding.severity] else finding
            start, end = previous.start, max(previous.end, finding.end)
            merged[at] = Finding(
                category=lead.category,
                severity=lead.severity,
                start=start,
                end=end,
                match=text[start:end],
                message=lead.message,
                suggestion=lead.suggestion,
                rule=lead.rule,
                basis=lead.basis,
                context=lead.context,
            )
            continue
        open_by_category[finding.category] = len(merged)
        merged.append(finding)
    return merged


def check(
    text: str,
    lang: str = "auto",
    reader_lang: str = "sv",
    *,
    profile: Iterable[str] | None = None,
) -> list[Finding]:
    """The risky phrases in ``text``, sorted by where they start.

    ``lang`` is the text's language (``sv``, ``en`` or ``auto`` to detect it); ``reader_lang``
    the language of the messages and suggestions (``sv`` or ``en``). ``profile``: the names
    and descriptions of the job's requirements, when the text belongs to a recruitment; a
    topic they name is job-related unless the sentence binds it to a person.
    """
    if lang not in TEXT_LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(TEXT_LANGUAGES)}, not {lang!r}")
    if reader_lang not in READER_LANGUAGES:
        raise ValueError(f"reader_lang must be sv or en, not {reader_lang!r}")
    if not text:
        return []
    matchable, origin = normalise(text)
    language = detect_language(matchable) if lang == "auto" else lang
    findings = []
    lex = lexicon(language)
    # Whether each hit is about a person or a subject of work: context.py.
    judge = Judge(matchable, language, profile)
    # Morphology: exceptions inside compounds, and inflections, misspellings and compounds
    # the patterns missed; ``how`` names the step ("~lemma", "~spelling", "~compound").
    # Every place a pattern matched, kept or cancelled: the second reader leaves those
    # sentences to the rules.
    seen: list[tuple[int, int]] = []

    def judged(entry: Entry, start: int, end: int) -> bool:
        seen.append((start, end))
        return judge(entry, start, end)

    hits = _hits(lex, matchable, judged)
    for start, end, entry, how in morphology.refine(lex, matchable, hits, judge.bound):
        if how and judged(entry, start, end):
            continue  # a word only morphology read, used of a subject of work
        decision = judge.decision(start, end, entry)
        start, end = original_span(origin, start, end)
        findings.append(
            Finding(
                category=entry.category,
                severity=entry.severity,
                start=start,
                end=end,
                match=text[start:end],
                message=entry.message(reader_lang),
                suggestion=entry.suggestion(reader_lang),
                rule=entry.id + how,
                basis=entry.basis,
                context=decision.rule,
            )
        )
    findings += _model_findings(text, matchable, origin, language, reader_lang, seen)
    if len(findings) > 1:
        return _merge(findings, text)
    return findings


def _model_findings(
    text: str,
    matchable: str,
    origin: list[int] | None,
    language: str,
    reader_lang: str,
    seen: list[tuple[int, int]],
) -> list[Finding]:
    """The second reader's findings: each sentence in which no pattern matched at all (kept
    or cancelled by its context), read by the language's model (model.py)."""
    reader = model.model(language)
    if reader is None:
        return []
    findings = []
    for begin, finish in sentence_spans(matchable):
        if any(begin < other_end and other_start < finish for other_start, other_end in seen):
            continue
        start, end = original_span(origin, begin, finish)
        reading = reader.flags(matchable[begin:finish])
        if reading is None:
            continue
        defaults = categories()[reading.category]
        opening, closing = _QUOTES[reader_lang]
        words = ", ".join(f"{opening}{word}{closing}" for word in reading.words)
        lead = _MODEL_LEAD[reader_lang].format(words=words)
        findings.append(
            Finding(
                category=reading.category,
                severity=MODEL_SEVERITY,
                start=start,
                end=end,
                match=text[start:end],
                message=f"{lead} {defaults['message_' + reader_lang]}",
                suggestion=defaults["suggestion_" + reader_lang],
                rule=f"model.{reading.category}",
                basis=defaults["basis"],
                context=f"model p={reading.probability:.2f}",
            )
        )
    return findings
