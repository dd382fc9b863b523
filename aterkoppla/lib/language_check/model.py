"""The second reader: a linear model trained on the labelled corpus reads each sentence in
which no pattern of the lexicon matched (kept or cancelled; ``matcher._model_findings``).

The rules (the lexicon and ``context.py``) are exact and explain themselves, but they only
know the phrasings someone wrote down; measured blind on batches written after them, they
found about four in five discriminatory sentences. A model trained on every labelled sentence
of the tuning corpus, hard negatives and the product's own wording included, recognises new
phrasings of the same remarks ("Vi behöver någon som kan stanna länge, inte någon som snart
ska gå hem och vila.") from the words and word pieces they share with the corpus. Its
findings are ``warn``: they are shown with the category's message and suggestion and the words
that weighed most, and never block a text on their own.

The model is multinomial logistic regression over the sentence's features (words, word pairs
and the three- to five-letter pieces of each word, which carry compounds and misspellings),
each weighted ``1/sqrt(n)`` for ``n`` features. ``training.py`` fits it with scikit-learn;
the weights are stored in ``data/model-<lang>.json.gz`` together with the SHA-256 of the corpus
they were trained on, and a test fails when the corpus changes without a new model
(``make languagemodel``). Reading needs no library: a sum of weights and a softmax.
"""

from __future__ import annotations

import functools
import gzip
import itertools
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aterkoppla.lib.language_check.names import countries

DATA_DIR = Path(__file__).parent / "data"
FORMAT = 1
# Fewer words than this and a sentence is not read: a heading or a fragment carries too
# little for the model to judge.
MIN_WORDS = 4
# The words named as the reason for a finding.
EXPLAINED_WORDS = 3

_WORD = re.compile(r"\w+")


def model_path(language: str) -> Path:
    return DATA_DIR / f"model-{language}.json.gz"


def word_features(word: str) -> list[str]:
    """A word's own features: the word and its three- to five-letter pieces, with a space
    marking its start and end (``" ung"``, ``"ung "``)."""
    features = ["w:" + word]
    padded = f" {word} "
    for size in (3, 4, 5):
        if len(padded) < size:
            break
        features.extend("c:" + padded[at : at + size] for at in range(len(padded) - size + 1))
    return features


def features(words: list[str]) -> set[str]:
    """The features of a sentence's lower-cased words: each word's own, and each pair of
    neighbouring words (with the sentence's start and end as words of their own)."""
    found: set[str] = set()
    previous = "<s>"
    for word in words:
        found.update(word_features(word))
        found.add(f"b:{previous} {word}")
        previous = word
    found.add(f"b:{previous} </s>")
    return found


@functools.cache
def _countries() -> frozenset[str]:
    """Country names of one word, in Swedish and English (names.py)."""
    return frozenset(
        name.lower() for language in ("sv", "en") for name in countries(language) if " " not in name
    )


def words_of(sentence: str) -> list[str]:
    """The sentence's words, lower-cased, with every country name as ``@country``: which
    country a sentence names says nothing about whether it is a remark about a person."""
    places = _countries()
    return ["@country" if word in places else word for word in _WORD.findall(sentence.lower())]


@dataclass(frozen=True, slots=True)
class Reading:
    """What the model made of one sentence: its most likely category (never "none"), that
    category's probability, and the sentence's words that weighed most towards it."""

    category: str
    probability: float
    words: tuple[str, ...]


@dataclass(frozen=True)
class Model:
    language: str
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[tuple[int, float], ...]]
    threshold: float
    corpus_sha256: str
    # Categories flagged at another probability than ``threshold`` (age: lower).
    thresholds: dict[str, float] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Model:
        if data.get("format") != FORMAT:
            raise ValueError(f"model format {data.get('format')!r}, expected {FORMAT}")
        classes = tuple(data["classes"])
        if "none" not in classes or len(data["bias"]) != len(classes):
            raise ValueError("a model needs the class 'none' and one bias per class")
        return cls(
            language=data["language"],
            classes=classes,
            bias=tuple(float(b) for b in data["bias"]),
            weights={
                feature: tuple((int(index), float(weight)) for index, weight in pairs)
                for feature, pairs in data["weights"].items()
            },
            threshold=float(data["threshold"]),
            corpus_sha256=data["corpus_sha256"],
            thresholds={name: float(value) for name, value in data.get("thresholds", {}).items()},
        )

    def probabilities(self, words: list[str]) -> list[float]:
        found = features(words)
        scale = 1 / math.sqrt(len(found))
        scores = list(self.bias)
        weights = self.weights
        for feature in found:
            for index, weight in weights.get(feature, ()):
                scores[index] += weight * scale
        top = max(scores)
        exps = [math.exp(score - top) for score in scores]
        total = sum(exps)
        return [value / total for value in exps]

    def read(self, sentence: str, threshold: float = 0.0) -> Reading | None:
        """The sentence's most likely category other than "none", or None when it has too
        few words to be read or the category's probability is below ``threshold``."""
        words = words_of(sentence)
        if len(words) < MIN_WORDS:
            return None
        probabilities = self.probabilities(words)
        best = max(
            (index for index, name in enumerate(self.classes) if name != "none"),
            key=probabilities.__getitem__,
        )
        if probabilities[best] < threshold:
            return None
        strongest = self._weighed_most(words, best)
        # Named as written ("Syrien", not "@country"), in the sentence's order.
        written = _WORD.findall(sentence.lower())
        named = dict.fromkeys(
            original for original, word in zip(written, words, strict=True) if word in strongest
        )
        return Reading(self.classes[best], probabilities[best], tuple(named)[:EXPLAINED_WORDS])

    def flags(self, sentence: str) -> Reading | None:
        """The reading when it reaches its category's threshold, else None."""
        lowest = min([self.threshold, *self.thresholds.values()])
        reading = self.read(sentence, lowest)
        if reading is None:
            return None
        if reading.probability < self.thresholds.get(reading.category, self.threshold):
            return None
        return reading

    def _weighed_most(self, words: list[str], index: int) -> frozenset[str]:
        """The words whose own features (the word and its pieces; half of each word pair)
        push most towards class ``index``."""
        weights = self.weights

        def towards(feature: str) -> float:
            return sum(weight for at, weight in weights.get(feature, ()) if at == index)

        pushes = {word: sum(map(towards, set(word_features(word)))) for word in words}
        # Each word pair counts half for each of its words (not for the sentence's edges).
        edged = ["<s>", *words, "</s>"]
        for left, right in itertools.pairwise(edged):
            half = towards(f"b:{left} {right}") / 2
            for word in (left, right):
                if word in pushes:
                    pushes[word] += half
        return frozenset(
            sorted((word for word, push in pushes.items() if push > 0), key=pushes.__getitem__)[
                -EXPLAINED_WORDS:
            ]
        )


@functools.cache
def model(language: str) -> Model | None:
    """The stored model of ``language``, or None when there is none."""
    path = model_path(language)
    if not path.exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as stored:
        return Model.from_dict(json.load(stored))
