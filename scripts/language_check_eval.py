"""The language check measured on its labelled corpora, as Markdown.

    .venv/bin/python scripts/language_check_eval.py [--misses] [--heldout-only]
    .venv/bin/python scripts/language_check_eval.py --only FILE.toml [--misses]

Prints the figures (recall, wrong extra categories, false alarms per language and category,
and the confusion matrix) for the tuning set and for the frozen held-out split; see
aterkoppla/lib/tests/corpus_eval.py for the definitions. ``--misses`` also lists every sentence
of the tuning set the check got wrong; the held-out split's sentences are never listed, so
that no rule is tuned on them. ``--only`` measures one corpus file of the tuning set, such as a
new batch of sentences before any rule is written for it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from aterkoppla.lib.tests.corpus_eval import (
    HELDOUT_FILES,
    evaluate,
    heldout_set,
    load,
    markdown,
    misses_text,
    tuning_set,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the tuning set's misses")
    parser.add_argument("--heldout-only", action="store_true", help="only the held-out split")
    parser.add_argument("--only", type=Path, help="measure one tuning-set file")
    args = parser.parse_args()
    if args.only:
        if args.only.resolve() in {path.resolve() for path in HELDOUT_FILES}:
            parser.error("the held-out split is only measured as a whole, without its misses")
        cases = load([args.only])
        evaluation = evaluate(cases)
        print(markdown(evaluation, f"{args.only.name} ({len(cases)} sentences)"))
        if args.misses:
            print(misses_text(evaluation))
        return
    if not args.heldout_only:
        tuning = tuning_set()
        evaluation = evaluate(tuning)
        print(markdown(evaluation, f"Tuning set ({len(tuning)} sentences)", confusion=False))
        if args.misses:
            print(misses_text(evaluation))
    heldout = heldout_set()
    print(markdown(evaluate(heldout), f"Held-out split ({len(heldout)} sentences)"))


if __name__ == "__main__":
    main()
