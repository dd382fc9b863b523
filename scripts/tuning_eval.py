"""The language check's figures on the tuning set only (every language_check_corpus*.toml),
for the work of writing rules: the held-out split is neither measured nor listed.

    .venv/bin/python scripts/tuning_eval.py [--misses]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from aterkoppla.lib.tests.corpus_eval import evaluate, markdown, misses_text, tuning_set


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the tuning set's misses")
    args = parser.parse_args()
    cases = tuning_set()
    evaluation = evaluate(cases)
    print(markdown(evaluation, f"Tuning set ({len(cases)} sentences)", confusion=False))
    if args.misses:
        print(misses_text(evaluation))


if __name__ == "__main__":
    main()
