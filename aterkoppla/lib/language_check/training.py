"""Fitting the second reader (``model.py``) on the labelled tuning corpus.

Run ``make languagemodel`` (``scripts/train_language_model.py``) after a change to the
corpus; a test fails until the stored models match the corpus again. Needs scikit-learn,
which is a development dependency: the product reads the stored weights without it.

The settings were chosen on the fresh batches, measured blind (each batch read by a model
trained only on the batches written before it, and by the rules as they were before the
batch was fixed); docs/LANGUAGE_CHECK.md ("The second reader") gives the figures.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from aterkoppla.lib.language_check.model import FORMAT, Model, features, model_path, words_of

# Inverse strength of the L2 penalty (scikit-learn's ``C``).
C = 30.0
# Weights smaller than this are not stored: the model file stays small and reads the same.
SMALLEST_WEIGHT = 0.1
# A sentence is flagged when its most likely category other than "none" has at least this
# probability.
THRESHOLD = 0.5
# Lower for age, the category the rules miss most on text they have not seen: on four fresh
# batches measured blind (docs/LANGUAGE_CHECK.md) it found 11 more of 272 age sentences with
# no more false alarms and no wrong extra category.
THRESHOLDS = {"age": 0.4}
DIGITS = 4


def corpus_sha256(paths: Iterable[Path]) -> str:
    """One digest over the corpus files' names and contents, in name order."""
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.name):
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def fit(
    language: str, examples: Sequence[tuple[str, frozenset[str]]], sha256: str
) -> dict[str, Any]:
    """The stored form of a model fitted on ``examples`` (a sentence and its categories; no
    category for a hard negative). A sentence of several categories counts once for each."""
    import numpy
    from scipy.sparse import csr_matrix  # type: ignore[import-untyped]
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    columns: list[int] = []
    values: list[float] = []
    labels: list[str] = []
    for text, categories in examples:
        found = sorted(features(words_of(text)))
        for category in sorted(categories) or ["none"]:
            row = len(labels)
            labels.append(category)
            for feature in found:
                rows.append(row)
                columns.append(vocabulary.setdefault(feature, len(vocabulary)))
                values.append(1 / math.sqrt(len(found)))
    matrix = csr_matrix((values, (rows, columns)), shape=(len(labels), len(vocabulary)))
    fitted = LogisticRegression(C=C, max_iter=5000).fit(matrix, labels)
    classes = [str(name) for name in fitted.classes_]
    coefficients = numpy.round(fitted.coef_, DIGITS)
    weights: dict[str, list[list[float]]] = {}
    for feature, column in sorted(vocabulary.items()):
        pairs = [
            [index, float(coefficients[index, column])]
            for index in range(len(classes))
            if abs(coefficients[index, column]) >= SMALLEST_WEIGHT
        ]
        if pairs:
            weights[feature] = pairs
    return {
        "format": FORMAT,
        "language": language,
        "corpus_sha256": sha256,
        "settings": {"C": C, "smallest_weight": SMALLEST_WEIGHT, "sentences": len(examples)},
        "threshold": THRESHOLD,
        "thresholds": THRESHOLDS,
        "classes": classes,
        "bias": [round(float(b), DIGITS) for b in fitted.intercept_],
        "weights": weights,
    }


def write(data: dict[str, Any], path: Path | None = None) -> Path:
    """Store a fitted model (checked by reading it back) where ``model.model`` finds it."""
    Model.from_dict(data)
    target = path or model_path(data["language"])
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # mtime=0: the same model gives the same bytes.
    with open(target, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(text.encode("utf-8"))
    return target
