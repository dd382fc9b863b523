"""Fit the language check's second reader (one model per language) on the tuning corpus and
store it in aterkoppla/lib/language_check/data/model-<lang>.json.gz. Fitted on the tuning
corpus and the ordinary text (language_check_ordinary.toml); the held-out split is never read.

    .venv/bin/python scripts/train_language_model.py     (or: make languagemodel)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from aterkoppla.lib.language_check import training
from aterkoppla.lib.tests.corpus_eval import LANGUAGES, training_files, training_set


def main() -> None:
    cases = training_set()
    sha256 = training.corpus_sha256(training_files())
    for language in LANGUAGES:
        examples = [(case.text, case.expected) for case in cases if case.lang == language]
        data = training.fit(language, examples, sha256)
        path = training.write(data)
        print(f"{path.name}: {len(examples)} sentences, {len(data['weights'])} features")


if __name__ == "__main__":
    main()
