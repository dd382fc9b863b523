"""Measuring the language check on its labelled corpora: recall, false alarms and confusion.

Two sets, both in this folder and in one TOML format (``[sv]``/``[en]`` tables mapping a
category, or ``none`` for hard negatives, to sentences; ``[[multi]]`` entries with ``text``,
``lang`` and ``categories``):

- the tuning set, every ``language_check_corpus*.toml``: rules may be written and tuned
  against it;
- the held-out split, ``language_check_heldout.toml``: frozen, no rule may be tuned on it.

Figures, per language and per category, at sentence level:

- recall: of the sentences labelled with a category, the share with a finding of it;
- wrong extra: of the sentences labelled with a category, the share with a finding of a
  category they are not labelled with;
- false alarms: of the hard negatives, the share with any finding at all;
- confusion: expected category (``none`` for hard negatives) × found categories, a sentence
  counted once under each category found, or under ``none`` when nothing was found.

``scripts/language_check_eval.py`` prints both reports as Markdown.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from aterkoppla.lib.language_check import CATEGORIES, check

HERE = Path(__file__).resolve().parent
TUNING_FILES = tuple(sorted(HERE.glob("language_check_corpus*.toml")))
HELDOUT_FILES = (HERE / "language_check_heldout.toml",)
# Ordinary text, "none" only, for training the second reader (model.py); never evaluated.
ORDINARY_FILE = HERE / "language_check_ordinary.toml"
LANGUAGES = ("sv", "en")
NONE = "none"

# The targets for text the rules were not tuned on.
TARGET_RECALL = 0.95
TARGET_FALSE_ALARMS = 0.05
TARGET_CATEGORY_RECALL = 0.85


@dataclass(frozen=True)
class Case:
    text: str
    lang: str
    expected: frozenset[str]
    source: str = ""


def load(paths: Iterable[Path]) -> list[Case]:
    """The labelled sentences of ``paths``, in file order."""
    cases: list[Case] = []
    for path in paths:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for lang in LANGUAGES:
            for category, sentences in data.get(lang, {}).items():
                if category != NONE and category not in CATEGORIES:
                    raise ValueError(f"{path.name}: unknown category {category!r} in [{lang}]")
                expected = frozenset() if category == NONE else frozenset({category})
                cases += [Case(text, lang, expected, path.name) for text in sentences]
        for entry in data.get("multi", []):
            categories = frozenset(entry["categories"])
            if unknown := categories - set(CATEGORIES):
                raise ValueError(f"{path.name}: unknown categories {sorted(unknown)} in [[multi]]")
            cases.append(Case(entry["text"], entry["lang"], categories, path.name))
    return cases


def tuning_set() -> list[Case]:
    return load(TUNING_FILES)


def training_set() -> list[Case]:
    """What the second reader is fitted on: the tuning set and the ordinary text."""
    return load(TUNING_FILES) + load([ORDINARY_FILE])


def training_files() -> tuple[Path, ...]:
    return (*TUNING_FILES, ORDINARY_FILE)


def heldout_set() -> list[Case]:
    return load(HELDOUT_FILES)


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass
class LanguageFigures:
    """Counts for one language; the ratios are ``None`` when there is nothing to count."""

    positives: Counter[str] = field(default_factory=Counter)
    hits: Counter[str] = field(default_factory=Counter)
    wrong_extra: Counter[str] = field(default_factory=Counter)
    negatives: int = 0
    false_alarms: int = 0
    false_alarm_categories: Counter[str] = field(default_factory=Counter)
    positive_sentences: int = 0
    sentences_with_wrong_extra: int = 0

    def recall(self, category: str | None = None) -> float | None:
        if category is None:
            return _ratio(sum(self.hits.values()), sum(self.positives.values()))
        return _ratio(self.hits[category], self.positives[category])

    def wrong_extra_rate(self, category: str | None = None) -> float | None:
        if category is None:
            return _ratio(self.sentences_with_wrong_extra, self.positive_sentences)
        return _ratio(self.wrong_extra[category], self.positives[category])

    def false_alarm_rate(self) -> float | None:
        return _ratio(self.false_alarms, self.negatives)


@dataclass
class Evaluation:
    languages: dict[str, LanguageFigures]
    confusion: Counter[tuple[str, str]]
    misses: list[tuple[Case, frozenset[str]]]

    def category_recall(self, category: str) -> float | None:
        """Recall of ``category`` over both languages."""
        hits = sum(f.hits[category] for f in self.languages.values())
        return _ratio(hits, sum(f.positives[category] for f in self.languages.values()))


def evaluate(cases: Iterable[Case]) -> Evaluation:
    """Runs ``check`` on every case (in its labelled language) and counts."""
    languages = {lang: LanguageFigures() for lang in LANGUAGES}
    confusion: Counter[tuple[str, str]] = Counter()
    misses: list[tuple[Case, frozenset[str]]] = []
    for case in cases:
        found = frozenset(f.category for f in check(case.text, case.lang))
        figures = languages[case.lang]
        for row in case.expected or {NONE}:
            for column in found or {NONE}:
                confusion[row, column] += 1
        if not case.expected:
            figures.negatives += 1
            if found:
                figures.false_alarms += 1
                figures.false_alarm_categories.update(found)
                misses.append((case, found))
            continue
        figures.positive_sentences += 1
        extra = found - case.expected
        if extra:
            figures.sentences_with_wrong_extra += 1
        for category in case.expected:
            figures.positives[category] += 1
            if category in found:
                figures.hits[category] += 1
            if extra:
                figures.wrong_extra[category] += 1
        if case.expected - found or extra:
            misses.append((case, found))
    return Evaluation(languages, confusion, misses)


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def markdown(evaluation: Evaluation, title: str, *, confusion: bool = True) -> str:
    """The figures as Markdown: a table per category and language, the per-language totals
    and, with ``confusion``, the confusion matrix over both languages."""
    sv, en = evaluation.languages["sv"], evaluation.languages["en"]
    lines = [
        f"### {title}",
        "",
        "| Category | Sentences sv / en | Recall sv | Recall en | Recall both "
        "| Wrong extra sv | Wrong extra en |",
        "|---|---|---|---|---|---|---|",
    ]
    for category in CATEGORIES:
        lines.append(
            f"| `{category}` | {sv.positives[category]} / {en.positives[category]} "
            f"| {_fmt(sv.recall(category))} | {_fmt(en.recall(category))} "
            f"| {_fmt(evaluation.category_recall(category))} "
            f"| {_fmt(sv.wrong_extra_rate(category))} | {_fmt(en.wrong_extra_rate(category))} |"
        )
    lines += [
        "",
        "| Language | Positive sentences | Recall | Wrong extra | Hard negatives "
        "| False alarms | False-alarm rate |",
        "|---|---|---|---|---|---|---|",
    ]
    for lang, figures in evaluation.languages.items():
        lines.append(
            f"| {lang} | {figures.positive_sentences} | {_fmt(figures.recall())} "
            f"| {_fmt(figures.wrong_extra_rate())} | {figures.negatives} "
            f"| {figures.false_alarms} | {_fmt(figures.false_alarm_rate())} |"
        )
    if confusion:
        columns = [*CATEGORIES, NONE]
        lines += [
            "",
            "Confusion, both languages (rows: expected, columns: found; a sentence counts once "
            "under each category found):",
            "",
            "| expected \\ found | " + " | ".join(columns) + " |",
            "|---|" + "---|" * len(columns),
        ]
        for row in columns:
            cells = [str(evaluation.confusion[row, column] or "·") for column in columns]
            lines.append(f"| **{row}** | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def misses_text(evaluation: Evaluation) -> str:
    """Every sentence the check got wrong: expected, found and the text."""
    lines = []
    for case, found in evaluation.misses:
        expected = ",".join(sorted(case.expected)) or NONE
        lines.append(
            f"- [{case.lang}] expected {expected}, found {','.join(sorted(found)) or NONE}: "
            f"{case.text}"
        )
    return "\n".join(lines) + ("\n" if lines else "")
