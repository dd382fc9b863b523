"""Composing the call sheet (samtalsunderlag, DESIGN §5) from plain facts.

The caller is often a manager making a rejection call for the first time. The sheet gives them
the decision in one sentence, the criteria behind it, strengths to open with, and answers to the
three questions candidates usually ask, written so they can be read almost verbatim in the
candidate's language. The hired person is never named nor described by gender: only as
"den vi valde" / "the person we chose" and by their merits.

Plain Python, no Django: the caller builds ``CallSheetFacts`` from the models and passes the
functions that translate the English phrases (``phrases.py``) from the catalogue.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from aterkoppla.lib.call_sheet.person import names_anyone, second_person, speaks_of_someone
from aterkoppla.lib.call_sheet.phrases import CANDIDATE, QUESTIONS, READER
from aterkoppla.lib.language_check import Finding, check, detect_language, language_of

# Turns an English phrase (a msgid) into one language; at the Django boundary, ``gettext``
# under ``translation.override``.
Translate = Callable[[str], str]

LANGUAGES = ("sv", "en")
MAX_COMPUTED_GAPS = 3
STRONG = 4.0  # a mean score at or above this is a strength
VERY_STRONG = 4.5
SMALL_GAP = 0.5
MAX_WEAK_TIPS = 2
# Who got the job, as the sheet may speak of it: someone was chosen; nobody yet, the
# recruitment goes on with others; nobody at all (cancelled or advertised again).
OUTCOME_CHOSEN = "chosen"
OUTCOME_PENDING = "pending"
OUTCOME_NONE = "none"
OUTCOMES = (OUTCOME_CHOSEN, OUTCOME_PENDING, OUTCOME_NONE)

# ------------------------------------------------------------------------------ input


@dataclass(frozen=True)
class CriterionFacts:
    """One criterion of the requirement profile, with this candidate's results on it."""

    id: int
    name: str
    kind: str  # "must" or "merit"
    weight: int  # 1..5
    description: str = ""
    # "education", "experience", "skill", "personal" or "other": how it is spoken of
    category: str = "experience"
    job_task: str = ""
    screening: str = ""  # "met" | "partly" | "not_met" | "" (not screened)
    screening_note: str = ""
    scores: tuple[int, ...] = ()
    evidence: tuple[str, ...] = ()
    hired_mean: float | None = None
    # The evidence of the low scores (2 or less): what a tip for this requirement rests on.
    weak_evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class CallSheetFacts:
    """Everything the sheet is made from. Never holds the hired person's name."""

    language: str  # the candidate's language, "sv" or "en"
    candidate_name: str
    first_name: str
    phone: str
    phone_uri: str
    job_title: str
    organisation: str
    decision_date: str
    criteria: tuple[CriterionFacts, ...]
    decisive_ids: tuple[int, ...] = ()
    explanation: str = ""
    impressions: tuple[str, ...] = ()
    strengths: tuple[str, ...] = ()
    tips: tuple[str, ...] = ()
    # The hired person's merits as they may be said: generalised, naming no employer, school,
    # place or year (``applications.merits``).
    hired_merits: tuple[str, ...] = ()
    hired_count: int = 1
    # With nobody hired (``hired_count`` 0): "pending" (others go on) or "none" (nobody is).
    outcome: str = OUTCOME_CHOSEN
    # The names of the people chosen: never shown; a staff text naming them is not said.
    withheld_names: tuple[str, ...] = ()
    # The language the team writes its notes in (the recruitment's); "" for the candidate's.
    staff_language: str = ""
    talent_pool: bool = False
    survey: bool = False


# ------------------------------------------------------------------------------ output


@dataclass(frozen=True)
class CriterionRow:
    id: int
    name: str
    kind: str
    weight: int
    description: str
    job_task: str
    screening: str
    screening_note: str
    candidate_mean: float | None
    score_count: int
    evidence: tuple[str, ...]
    hired_mean: float | None
    gap: float | None  # hired_mean - candidate_mean
    decisive: bool
    category: str = "experience"
    # Decisive although the candidate scored at least as high as the person chosen: the
    # decider's explanation says why, never the scores.
    contradicted: bool = False
    weak_evidence: tuple[str, ...] = ()

    @property
    def is_must(self) -> bool:
        return self.kind == "must"

    @property
    def weighted_gap(self) -> float | None:
        return None if self.gap is None else self.gap * max(self.weight, 1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "weight": self.weight,
            "description": self.description,
            "job_task": self.job_task,
            "screening": self.screening,
            "screening_note": self.screening_note,
            "candidate_mean": self.candidate_mean,
            "score_count": self.score_count,
            "evidence": list(self.evidence),
            "hired_mean": self.hired_mean,
            "gap": self.gap,
            "decisive": self.decisive,
            "category": self.category,
            "contradicted": self.contradicted,
        }


@dataclass(frozen=True)
class PreparedAnswer:
    question: str
    answer: str
    points: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"question": self.question, "answer": self.answer, "points": list(self.points)}


@dataclass(frozen=True)
class SheetFinding:
    """A language-check finding and where on the sheet its text is (``"explanation"``,
    ``"q1"``, ``"evidence: Truckkort A+B"``; a second note of the same kind gets ``" (2)"``).
    The finding's offsets are into that text."""

    source: str
    finding: Finding

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, **self.finding.to_dict()}


@dataclass(frozen=True)
class CallSheet:
    language: str  # the candidate's
    heading: str
    decision: str
    rows: tuple[CriterionRow, ...]
    decisive: tuple[CriterionRow, ...]
    strengths_to_open_with: tuple[str, ...]
    answers: dict[str, PreparedAnswer]
    offers: tuple[str, ...]
    rights: str
    reminders: tuple[str, ...]
    findings: tuple[SheetFinding, ...]
    reader_language: str = "sv"
    # "marked" (by the decider), "computed" (from gaps and unmet musts) or "none"
    decisive_basis: str = "none"
    strengths_generic: bool = False
    candidate_name: str = ""
    phone: str = ""
    phone_uri: str = ""
    job_title: str = ""
    organisation: str = ""
    decision_date: str = ""
    explanation: str = ""
    hired_merits: tuple[str, ...] = ()
    outcome: str = OUTCOME_CHOSEN
    # The written summary after the call: strengths, reasons and tips as a letter.
    summary: str = ""
    # Staff notes left out of what is said, and why: "person" (written about the candidate
    # in a way that cannot be turned into "du"/"you"), "language" (not the candidate's),
    # "identifies" (names the person chosen, or an employer, school or year of their merits).
    unsaid: tuple[tuple[str, str], ...] = ()

    @property
    def has_blocking_findings(self) -> bool:
        return any(item.finding.severity == "block" for item in self.findings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "reader_language": self.reader_language,
            "heading": self.heading,
            "candidate_name": self.candidate_name,
            "phone": self.phone,
            "phone_uri": self.phone_uri,
            "job_title": self.job_title,
            "organisation": self.organisation,
            "decision_date": self.decision_date,
            "decision": self.decision,
            "explanation": self.explanation,
            "rows": [row.to_dict() for row in self.rows],
            "decisive": [row.to_dict() for row in self.decisive],
            "decisive_basis": self.decisive_basis,
            "hired_merits": list(self.hired_merits),
            "outcome": self.outcome,
            "summary": self.summary,
            "unsaid": [{"text": text, "reason": reason} for text, reason in self.unsaid],
            "strengths_to_open_with": list(self.strengths_to_open_with),
            "strengths_generic": self.strengths_generic,
            "answers": {key: answer.to_dict() for key, answer in self.answers.items()},
            "offers": list(self.offers),
            "rights": self.rights,
            "reminders": list(self.reminders),
            "findings": [item.to_dict() for item in self.findings],
        }


# ------------------------------------------------------------------------------ helpers


def format_number(value: float, language: str) -> str:
    """One decimal, rounded half up; a decimal comma in Swedish (``3,5``), a point in English."""
    text = str(Decimal(repr(float(value))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    if text == "-0.0":
        text = "0.0"
    return text.replace(".", ",") if language == "sv" else text


def _clean(texts: tuple[str, ...] | list[str]) -> list[str]:
    """Stripped, non-empty, without repeats, in order."""
    seen: set[str] = set()
    result = []
    for text in texts:
        text = " ".join((text or "").split())
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            result.append(text)
    return result


def _sentence(text: str) -> str:
    """``text`` ending like a sentence, so that notes can be read out one after another."""
    text = text.strip()
    if not text:
        return text
    body = text.rstrip("”\"'’)»")
    if body and body[-1] in ".!?…:":
        return text
    return text + "."


def _join(names: list[str], and_word: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {and_word} {names[-1]}"


_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_STOP = frozenset(
    {
        "och", "and", "the", "för", "for", "med", "som", "att", "har", "all", "alla", "are",
        "has", "ett", "den", "det", "per", "via", "its", "not", "inte", "you", "can", "kan",
        "ska", "mer", "more", "års", "any", "our", "vår", "vårt", "våra", "who", "that", "this",
        "till", "from", "från", "with", "inom", "within", "samt", "eller", "också", "also",
        "mycket", "very", "good", "goda", "bra", "minst", "least", "över", "over", "under",
        "some", "olika", "många", "many",
    }
)  # fmt: skip
# Words about any merit ("erfarenhet", "knowledge"): sharing them relates nothing.
_GENERIC_STEMS = (
    "erfaren", "experien", "kunskap", "knowledg", "förmåg", "abilit", "skill", "färdighet",
    "kompeten", "competen", "year", "arbete", "work", "jobb", "job", "krav", "require",
    "merit", "utbild", "educat", "tjänst", "position", "examen", "degree",
)  # fmt: skip


def _tokens(text: str) -> set[str]:
    return {
        word
        for word in (w.casefold() for w in _WORD.findall(text))
        if len(word) >= 3
        and not word.isdigit()
        and word not in _STOP
        and not word.startswith(_GENERIC_STEMS)
    }


def _related(a: str, b: str) -> bool:
    """Whether two words name the same thing: equal, or sharing a prefix as long as the
    shorter word or six letters ("lager"/"lagerarbete", "arbetsledning"/"arbetsledare")."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= min(shorter, 6) and shorter >= 4


def _shared_words(criterion: set[str], merit: set[str]) -> int:
    return sum(1 for word in criterion if any(_related(word, other) for other in merit))


def mentions(text: str, name: str) -> bool:
    """Whether ``text`` speaks of the requirement ``name`` (shares a word with it that is not
    a word about any merit, such as "erfarenhet"): an explanation that addresses it."""
    words = _tokens(name)
    return bool(words) and _shared_words(words, _tokens(text)) > 0


def _score(row: CriterionRow) -> float:
    """The candidate's mean on ``row``, 0 when not scored."""
    return row.candidate_mean if row.candidate_mean is not None else 0.0


def _mean(scores: tuple[int, ...]) -> float | None:
    return round(sum(scores) / len(scores), 2) if scores else None


# ------------------------------------------------------------------------------ composer


class _Phrases:
    """Phrases by key, each translated from its English msgid when it is looked up."""

    __slots__ = ("_messages", "_translate")

    def __init__(self, messages: Mapping[str, str], translate: Translate) -> None:
        self._messages = messages
        self._translate = translate

    def __getitem__(self, key: str) -> str:
        return self._translate(self._messages[key])


class _Composer:
    def __init__(
        self,
        facts: CallSheetFacts,
        reader_language: str,
        translate_candidate: Translate,
        translate_reader: Translate,
    ):
        self.facts = facts
        self.lang = facts.language
        self.reader = reader_language
        self.t = _Phrases(CANDIDATE, translate_candidate)
        self.q = _Phrases(QUESTIONS, translate_candidate)
        self.r = _Phrases(READER, translate_reader)
        self.outcome = facts.outcome if facts.hired_count == 0 else OUTCOME_CHOSEN
        self.plural = facts.hired_count > 1
        self.chosen = self.t["chosen_plural" if self.plural else "chosen"]
        self.explanation = " ".join(facts.explanation.split())
        self.names = tuple(n for n in (facts.first_name,) if n)
        # The names of the people chosen, only to keep any text naming them from being said.
        self.withheld = tuple(n for n in facts.withheld_names if len(n) > 1)
        # Everything the staff wrote, shown as points and checked ...
        self.all_strengths = _clean(facts.strengths)
        self.all_impressions = _clean(facts.impressions)
        self.all_tips = _clean(facts.tips)
        self.all_merits = _clean(facts.hired_merits) if self.outcome == OUTCOME_CHOSEN else []
        # ... and what of it may be said to the candidate (``said``: the text as said, in the
        # second person), set in ``check_staff_texts`` once the staff texts are checked.
        self.blocked: set[str] = set()
        self.unsaid: dict[str, str] = {}  # text -> why it is not said ("person", "language")
        self.strength_notes: list[str] = []
        self.impressions: list[str] = []
        self.tips: list[str] = []
        self.merits: list[str] = []
        self.reminders_extra: list[str] = []
        self.gap_told = False

    def num(self, value: float | None) -> str:
        return "" if value is None else format_number(value, self.lang)

    # ---- what may be said

    def said(self, text: str, about_candidate: bool = True) -> str:
        """A staff text as it may be said to the candidate: in their language, with no
        blocking finding, naming nobody chosen, and addressed as "du"/"you" when it is a note
        about the candidate (a note in the third person is rewritten when it can be). Other
        texts (the decider's explanation, a requirement) are said only when they speak of
        nobody in the third person. "" when it may not be said as it is."""
        if not text or text in self.blocked or text in self.unsaid:
            return ""
        # A note too short to tell is taken to be in the language the team writes in.
        language = language_of(text, signs=1) or self.facts.staff_language or self.lang
        if language != self.lang:
            self.unsaid[text] = "language"
            return ""
        if self.withheld and names_anyone(text, self.withheld):
            self.unsaid[text] = "identifies"
            return ""
        if not about_candidate:
            if speaks_of_someone(text, self.names):
                self.unsaid[text] = "person"
                return ""
            return text
        addressed = second_person(text, language, self.names)
        if addressed is None:
            self.unsaid[text] = "person"
            return ""
        return addressed

    def about_decisive(self, text: str, decisive: list[CriterionRow]) -> bool:
        """Whether a strength note names a decisive requirement (then it is not a strength
        to open with: the sheet would contradict itself)."""
        words = _tokens(text)
        for row in decisive:
            name = _tokens(row.name)
            shared = _shared_words(name, words)
            if name and (shared == len(name) or shared >= 2):
                return True
        return False

    # ---- rows and decisive criteria

    def base_rows(self) -> list[CriterionRow]:
        rows = []
        for criterion in self.facts.criteria:
            candidate = _mean(criterion.scores)
            hired = None if criterion.hired_mean is None else round(criterion.hired_mean, 2)
            if self.outcome != OUTCOME_CHOSEN:
                hired = None
            gap = None if candidate is None or hired is None else round(hired - candidate, 2)
            rows.append(
                CriterionRow(
                    id=criterion.id,
                    name=" ".join(criterion.name.split()),
                    kind=criterion.kind,
                    weight=criterion.weight,
                    description=criterion.description.strip(),
                    job_task=criterion.job_task.strip(),
                    screening=criterion.screening,
                    screening_note=criterion.screening_note.strip(),
                    candidate_mean=candidate,
                    score_count=len(criterion.scores),
                    evidence=tuple(_clean(criterion.evidence)),
                    hired_mean=hired,
                    gap=gap,
                    decisive=False,
                    category=criterion.category,
                    weak_evidence=tuple(_clean(criterion.weak_evidence)),
                )
            )
        musts = [row for row in rows if row.is_must]
        merits = [row for row in rows if not row.is_must]
        merits.sort(key=lambda row: -row.weight)  # stable: profile order within a weight
        return musts + merits

    def choose_decisive(self, rows: list[CriterionRow]) -> tuple[list[int], str]:
        marked = set(self.facts.decisive_ids)
        chosen = [row.id for row in rows if row.id in marked]
        if chosen:
            return chosen, "marked"
        unmet = [row.id for row in rows if row.is_must and row.screening == "not_met"]
        gaps = [row for row in rows if row.gap is not None and row.gap > 0 and row.id not in unmet]
        order = {row.id: index for index, row in enumerate(rows)}
        gaps.sort(key=lambda row: (-(row.weighted_gap or 0.0), order[row.id]))
        chosen = unmet + [row.id for row in gaps[:MAX_COMPUTED_GAPS]]
        return chosen, "computed" if chosen else "none"

    # ---- strengths: where the candidate did well, never a decisive requirement

    def high_rows(self, rows: list[CriterionRow]) -> list[CriterionRow]:
        high = [row for row in rows if not row.decisive and _score(row) >= STRONG]
        order = {row.id: index for index, row in enumerate(rows)}
        high.sort(key=lambda row: (-_score(row), -row.weight, order[row.id]))
        return high

    def met_rows(self, rows: list[CriterionRow]) -> list[CriterionRow]:
        """Met at screening, not decisive, and not scored in the interview (a scored
        requirement is a strength only by its score: ``high_rows``)."""
        return [
            row
            for row in rows
            if row.screening == "met" and not row.decisive and row.candidate_mean is None
        ]

    def strength_line(self, row: CriterionRow) -> str:
        t = self.t
        if row.candidate_mean is not None:
            very = "_very" if _score(row) >= VERY_STRONG else ""
            key = {
                "experience": "strength_interview_experience",
                "education": "strength_interview_document",
                "other": "strength_interview_document",
            }.get(row.category, "strength_interview")
            if key == "strength_interview":
                key += very
            return t[key].format(mean=self.num(row.candidate_mean), name=row.name)
        if row.category == "experience":
            return t["strength_met_experience"].format(name=row.name)
        key = "strength_met_must" if row.is_must else "strength_met_merit"
        return t[key].format(name=row.name)

    def strengths(self, rows: list[CriterionRow]) -> tuple[list[str], bool]:
        lines = list(self.strength_notes)
        for row in self.high_rows(rows) + self.met_rows(rows):
            lines.append(self.strength_line(row))
        if lines:
            return lines, False
        return [f"{self.r['generic_strength']} {self.thanks()}"], True

    def thanks(self) -> str:
        job = self.facts.job_title.strip()
        if job:
            return self.t["strength_generic"].format(job=_job_in_sentence(job, self.lang))
        return self.t["strength_generic_no_job"]

    # ---- q1: what decided, from the gaps and the decider's explanation

    def related_merit(self, row: CriterionRow, used: set[str]) -> str:
        words = _tokens(f"{row.name} {row.description}")
        if not words:
            return ""
        best, best_score = "", 0
        for merit in self.merits:
            if merit in used:
                continue
            score = _shared_words(words, _tokens(merit))
            if score > best_score:
                best, best_score = merit, score
        return best

    def row_facts(self, row: CriterionRow) -> str:
        t = self.t
        parts = [
            t["row_must" if row.is_must else "row_merit"].format(name=row.name, weight=row.weight)
        ]
        if row.screening in ("met", "partly", "not_met"):
            parts.append(t[f"screening_{row.screening}"])
        if row.candidate_mean is not None and row.hired_mean is not None:
            parts.append(
                t["interview_both"].format(
                    candidate=self.num(row.candidate_mean),
                    hired=self.num(row.hired_mean),
                    chosen=self.chosen,
                )
            )
        elif row.candidate_mean is not None:
            key = "interview_candidate_one" if row.score_count == 1 else "interview_candidate"
            parts.append(
                t[key].format(candidate=self.num(row.candidate_mean), count=row.score_count)
            )
        else:
            parts.append(t["interview_none"])
        return "; ".join(parts)

    def row_notes(self, row: CriterionRow, limit: int = 2) -> list[str]:
        t = self.t
        notes = []
        if row.screening_note:
            notes.append(t["point_screening_note"].format(name=row.name, text=row.screening_note))
        for text in row.evidence[:limit]:
            notes.append(t["point_evidence"].format(name=row.name, text=text))
        return notes

    def q1(self, rows: list[CriterionRow], decisive: list[CriterionRow]) -> PreparedAnswer:
        t = self.t
        sentences: list[str] = []
        points: list[str] = []
        if decisive:
            sentences.append(
                t["q1_lead"].format(names=_join([row.name for row in decisive], t["and"]))
            )
        used: set[str] = set()
        self.gap_told = False
        for row in decisive:
            sentences.extend(self.decisive_sentences(row, used, named=len(decisive) > 1))
            points.append(self.row_facts(row))
            points.extend(self.row_notes(row))
            if row.contradicted:
                points.append(t["point_contradicted"].format(name=row.name, chosen=self.chosen))
        for merit in self.merits:
            if merit in used:
                points.append(t["point_merit"].format(chosen=self.chosen, merit=merit))
        if not decisive:
            sentences.append(t[f"q1_overall_{self.outcome}"].format(chosen=self.chosen))
            points.append(t["point_no_decisive"])
        if self.explanation:
            points.append(t["point_explanation"].format(text=self.explanation))
            explanation = self.said(self.explanation, about_candidate=False)
            if explanation:
                sentences.append(t["q1_explanation"].format(explanation=_sentence(explanation)))
            elif self.unsaid.get(self.explanation) == "person":
                self.reminders_extra.append("gendered_explanation")
        if any(row.contradicted for row in decisive) and not self.said(
            self.explanation, about_candidate=False
        ):
            self.reminders_extra.append("contradicted")
        sentences.append(t["q1_close"])
        return PreparedAnswer(self.q[f"q1_{self.outcome}"], " ".join(sentences), tuple(points))

    def decisive_sentences(self, row: CriterionRow, used: set[str], named: bool) -> list[str]:
        """What to say about one decisive requirement, by how it was assessed and what kind
        of requirement it is. ``named`` is false when it is the only one and the lead sentence
        has just named it ("Där fick den vi valde …"). A requirement on which the candidate
        scored at least as high as the person chosen gets no score sentence: the decider's
        explanation (required for it) says why it decided."""
        t = self.t
        suffix = "" if named else "_there"
        sentences = []
        kind = _kind_of(row)
        if row.screening in ("not_met", "partly"):
            sentences.append(t[f"q1_{row.screening}{kind}{suffix}"].format(name=row.name))
        candidate, hired, gap = row.candidate_mean, row.hired_mean, row.gap
        key = ""
        if row.contradicted:
            key = ""
        elif gap is not None and gap > 0 and self.gap_told and named:
            key = "q1_gap_next"
        elif gap is not None and gap > 0:
            key = "q1_gap_small" if gap < SMALL_GAP else "q1_gap"
            self.gap_told = True
        elif candidate is not None and hired is None:
            key = "q1_score"
        if key:
            values = {"candidate": self.num(candidate), "hired": self.num(hired)}
            suffixed = key if key == "q1_gap_next" else key + suffix
            sentences.append(t[suffixed].format(name=row.name, chosen=self.chosen, **values))
        merit = self.related_merit(row, used)
        if merit:
            used.add(merit)
            sentences.append(t["q1_merit"].format(chosen=self.chosen, merit=merit.rstrip(".")))
        task = self.said(row.job_task, about_candidate=False)
        if task:
            sentences.append(t["q1_task"].format(task=task.rstrip(".")))
        return sentences

    # ---- q2: tips that fit the kind of requirement and how it was assessed

    def q2(self, rows: list[CriterionRow]) -> PreparedAnswer:
        t = self.t
        sentences: list[str] = []
        points: list[str] = []
        if self.tips:
            sentences.append(t["q2_tips_lead"])
            sentences.extend(_sentence(tip) for tip in self.tips)
        points.extend(t["point_tip"].format(text=tip) for tip in self.all_tips)
        order = {row.id: index for index, row in enumerate(rows)}
        weak = [row for row in rows if row.candidate_mean is not None and _score(row) < STRONG]
        weak.sort(key=lambda row: (_score(row), -row.weight, order[row.id]))
        weak = weak[:MAX_WEAK_TIPS]
        for index, row in enumerate(weak):
            key = "q2_weak_first" if index == 0 else "q2_weak_next"
            sentences.append(t[key].format(name=row.name, candidate=self.num(row.candidate_mean)))
            evidence = next((said for text in row.weak_evidence if (said := self.said(text))), "")
            if evidence and row.category in ("skill", "personal"):
                sentences.append(t["q2_weak_evidence"].format(evidence=_sentence(evidence)))
            sentences.append(t[f"q2_weak_tip_{_category(row)}"])
            about = self.said(row.description, about_candidate=False) or self.said(
                row.job_task, about_candidate=False
            )
            if about:
                sentences.append(t["q2_weak_description"].format(description=about.rstrip(".")))
            points.append(self.row_facts(row))
            points.extend(self.row_notes(row))
        weak_ids = {row.id for row in weak}
        for row in rows:
            if row.id in weak_ids or row.screening not in ("not_met", "partly"):
                continue
            category = _category(row)
            if category == "document":
                key = "q2_must_document" if row.is_must else "q2_merit_document"
            elif category == "experience":
                key = "q2_experience"
            elif row.screening == "not_met" and not row.is_must:
                continue
            else:
                key = f"q2_{row.screening}"
            sentences.append(t[key].format(name=row.name))
            points.append(self.row_facts(row))
            points.extend(self.row_notes(row, limit=0))
        if not sentences:
            sentences.append(t["q2_generic"])
        return PreparedAnswer(self.q["q2"], " ".join(sentences), tuple(points))

    # ---- q3: the impression, from the strengths

    def q3(self, rows: list[CriterionRow]) -> PreparedAnswer:
        t = self.t
        sentences: list[str] = []
        points: list[str] = []
        if self.strength_notes:
            sentences.append(t["q3_strengths_lead"])
            sentences.extend(_sentence(note) for note in self.strength_notes)
        points.extend(t["point_strength"].format(text=note) for note in self.all_strengths)
        high = self.high_rows(rows)
        if high:
            key = "q3_high_also" if self.strength_notes else "q3_high"
            sentences.append(t[key].format(names=_join([row.name for row in high], t["and"])))
            for row in high:
                points.append(self.row_facts(row))
                points.extend(self.row_notes(row, limit=1))
        met = [row for row in self.met_rows(rows) if row.is_must]
        if met and not self.strength_notes:
            key = "q3_met" if len(met) > 1 else "q3_met_one"
            sentences.append(t[key].format(names=_join([row.name for row in met], t["and"])))
        if self.impressions:
            sentences.append(t["q3_impressions_lead"])
            sentences.extend(_sentence(note) for note in self.impressions)
        points.extend(t["point_impression"].format(text=note) for note in self.all_impressions)
        if not sentences:
            sentences.append(t["q3_nothing"])
        return PreparedAnswer(self.q["q3"], " ".join(sentences), tuple(points))

    # ---- the written summary: a letter, not the phone script

    def summary(
        self, strengths: list[str], generic: bool, answers: dict[str, PreparedAnswer]
    ) -> str:
        t = self.t
        parts = [self.decision(written=True)]
        if not generic:
            lines = "\n".join(f"– {_sentence(line)}" for line in strengths)
            parts.append(f"{t['letter_strengths_lead']}\n{lines}")
        parts.append(answers["q1"].answer)
        parts.append(f"{t['letter_tips_lead']}\n{answers['q2'].answer}")
        if self.impressions:
            parts.append(
                f"{t['q3_impressions_lead']} {' '.join(_sentence(n) for n in self.impressions)}"
            )
        return "\n\n".join(part.strip() for part in parts if part.strip())

    # ---- the rest

    def decision(self, written: bool = False) -> str:
        job = self.facts.job_title.strip()
        prefix = "letter_" if written else ""
        key = f"{prefix}decision_{self.outcome}"
        if self.plural and self.outcome == OUTCOME_CHOSEN:
            key += "_plural"
        if job:
            return self.t[key].format(job=_job_in_sentence(job, self.lang))
        return self.t[key + "_no_job"]

    def heading(self) -> str:
        job = ", ".join(part for part in (self.facts.job_title, self.facts.organisation) if part)
        return " – ".join(part for part in (self.facts.candidate_name.strip(), job) if part)

    def offers(self) -> list[str]:
        offers = []
        if self.facts.talent_pool:
            offers.append(self.t["offer_talent_pool"])
        if self.facts.survey:
            offers.append(self.t["offer_survey"])
        return offers

    def rights(self) -> str:
        if self.outcome == OUTCOME_CHOSEN:
            got_job = self.t["got_job_plural" if self.plural else "got_job"]
            return self.t["rights"].format(got_job=got_job)
        return self.t[f"rights_{self.outcome}"]

    def staff_texts(self, rows: list[CriterionRow]) -> list[tuple[str, str]]:
        """(source, text) for everything on the sheet that the staff wrote."""
        texts = [("explanation", self.explanation)]
        for row in rows:
            texts.append((f"criterion: {row.name}", row.name))
            texts.append((f"requirement: {row.name}", row.description))
            texts.append((f"job task: {row.name}", row.job_task))
            texts.append((f"screening note: {row.name}", row.screening_note))
            texts.extend(_numbered(f"evidence: {row.name}", row.evidence))
        texts.extend(_numbered("impression", self.all_impressions))
        texts.extend(_numbered("strength", self.all_strengths))
        texts.extend(_numbered("tip", self.all_tips))
        texts.extend(_numbered("hired merit", self.all_merits))
        return [(source, text) for source, text in texts if text]

    def check_staff_texts(
        self, rows: list[CriterionRow], decisive: list[CriterionRow]
    ) -> list[SheetFinding]:
        """The staff texts' findings; texts with a blocking finding are not read out, nor
        notes that cannot be said to the candidate as they are."""
        found = []
        for source, text in self.staff_texts(rows):
            for finding in _check(text, self.lang, self.reader, by_staff=True):
                found.append(SheetFinding(source, finding))
                if finding.severity == "block":
                    self.blocked.add(text)
        self.strength_notes = [
            said
            for text in self.all_strengths
            if (said := self.said(text)) and not self.about_decisive(text, decisive)
        ]
        self.impressions = [said for text in self.all_impressions if (said := self.said(text))]
        self.tips = [said for text in self.all_tips if (said := self.said(text))]
        self.merits = [text for text in self.all_merits if self.said(text, about_candidate=False)]
        return found

    def check_composed(self, texts: list[tuple[str, str]]) -> list[SheetFinding]:
        return [
            SheetFinding(source, finding)
            for source, text in texts
            for finding in _check(text, self.lang, self.reader, by_staff=False)
        ]

    def reminders(self, basis: str, findings: list[SheetFinding]) -> list[str]:
        r = self.r
        keys = ["protected_grounds", "other_candidates", "listen", "summary", "note", "no_answer"]
        extra = []
        if any(item.finding.severity == "block" for item in findings):
            extra.append("block_findings")
        elif findings:
            extra.append("warn_findings")
        if basis == "computed":
            extra.append("computed")
        if not self.explanation:
            extra.append("no_explanation")
        extra.extend(dict.fromkeys(self.reminders_extra))
        reasons = set(self.unsaid.values())
        if "person" in reasons:
            extra.append("third_person_notes")
        if "language" in reasons:
            extra.append("other_language_notes")
        if "identifies" in reasons or self.unsaid.get(self.explanation) == "identifies":
            extra.append("identifying_notes")
        return [r[key] for key in extra + keys]

    def compose(self) -> CallSheet:
        rows = self.base_rows()
        decisive_ids, basis = self.choose_decisive(rows)
        rows = [
            replace(
                row,
                decisive=row.id in decisive_ids,
                contradicted=(
                    row.id in decisive_ids
                    and row.candidate_mean is not None
                    and row.hired_mean is not None
                    and row.candidate_mean >= row.hired_mean
                ),
            )
            for row in rows
        ]
        by_id = {row.id: row for row in rows}
        decisive = [by_id[i] for i in decisive_ids]
        findings = self.check_staff_texts(rows, decisive)
        strengths, generic = self.strengths(rows)
        answers = {"q1": self.q1(rows, decisive), "q2": self.q2(rows), "q3": self.q3(rows)}
        decision = self.decision()
        summary = self.summary(strengths, generic, answers)
        composed = [("decision", decision)] + [(k, a.answer) for k, a in answers.items()]
        findings += self.check_composed(composed)
        return CallSheet(
            language=self.lang,
            heading=self.heading(),
            decision=decision,
            rows=tuple(rows),
            decisive=tuple(by_id[i] for i in decisive_ids),
            strengths_to_open_with=tuple(strengths),
            answers=answers,
            offers=tuple(self.offers()),
            rights=self.rights(),
            reminders=tuple(self.reminders(basis, findings)),
            findings=tuple(findings),
            reader_language=self.reader,
            decisive_basis=basis,
            strengths_generic=generic,
            candidate_name=self.facts.candidate_name,
            phone=self.facts.phone,
            phone_uri=self.facts.phone_uri,
            job_title=self.facts.job_title,
            organisation=self.facts.organisation,
            decision_date=self.facts.decision_date,
            explanation=self.explanation,
            hired_merits=tuple(self.all_merits),
            outcome=self.outcome,
            summary=summary,
            unsaid=tuple(
                (text, reason) for text, reason in self.unsaid.items() if text != self.explanation
            ),
        )


def _category(row: CriterionRow) -> str:
    """How a requirement is spoken of: "document" (a degree, a licence, a certificate: had or
    not), "experience" (what kind and how much), "skill" or "personal" (shown in action)."""
    if row.category in ("education", "other"):
        return "document"
    return row.category if row.category in ("experience", "skill", "personal") else "skill"


def _kind_of(row: CriterionRow) -> str:
    """The suffix of a q1 screening phrase for ``row``'s category ("" for skills)."""
    category = _category(row)
    return f"_{category}" if category in ("document", "experience") else ""


def _numbered(source: str, texts: tuple[str, ...] | list[str]) -> list[tuple[str, str]]:
    """``source`` for the first text, ``source (2)`` for the second and so on."""
    return [
        (source if index == 1 else f"{source} ({index})", text)
        for index, text in enumerate(texts, start=1)
    ]


def _job_in_sentence(job: str, language: str) -> str:
    """A Swedish job title in running text starts in lower case ("tjänsten som lagerarbetare"),
    unless its first word looks like a name or an acronym ("IT-tekniker", "Java-utvecklare")."""
    if language != "sv":
        return job
    first = job.split()[0]
    if first.isalpha() and first[0].isupper() and first[1:].islower():
        return job[0].lower() + job[1:]
    return job


def _check(text: str, language: str, reader: str, by_staff: bool) -> list[Finding]:
    """The checker's findings on ``text`` in the candidate's language. Staff notes may be in
    the other language (a Swedish team writing about an English-speaking candidate): when the
    text reads as that language, it is checked in that language as well."""
    findings = check(text, lang=language, reader_lang=reader)
    if by_staff:
        detected = detect_language(text)
        if detected != language:
            seen = {(f.start, f.end, f.category) for f in findings}
            for finding in check(text, lang=detected, reader_lang=reader):
                if (finding.start, finding.end, finding.category) not in seen:
                    findings.append(finding)
            findings.sort(key=lambda f: (f.start, f.end))
    return findings


def compose(
    facts: CallSheetFacts,
    reader_language: str = "sv",
    *,
    translate_candidate: Translate,
    translate_reader: Translate,
) -> CallSheet:
    """The call sheet for ``facts``: candidate-facing text in ``facts.language``, the caller's
    reminders and the language-check messages in ``reader_language`` (both ``sv`` or ``en``).

    The wording comes from the English phrases in ``phrases.py``: ``translate_candidate``
    turns each into ``facts.language`` and ``translate_reader`` into ``reader_language`` (the
    identity is right for English). Placeholders are filled in after translating."""
    if facts.language not in LANGUAGES:
        raise ValueError(f"language must be sv or en, not {facts.language!r}")
    if reader_language not in LANGUAGES:
        raise ValueError(f"reader_language must be sv or en, not {reader_language!r}")
    if facts.outcome not in OUTCOMES:
        raise ValueError(f"outcome must be one of {OUTCOMES}, not {facts.outcome!r}")
    return _Composer(facts, reader_language, translate_candidate, translate_reader).compose()
