"""Calibrate the abstention threshold on the judged MEDIQA questions (train + dev, never test).

For every question, two numbers: the similarity of the best passage from a document judged
relevant (what the assistant sees when the collection covers the question) and the similarity of
the best passage from any other document (what it sees when the relevant articles are held out, i.e.
the collection does not cover the question). The threshold is the cut that best separates the two
(Youden's J); the result goes to assistant/calibration.json.

    .venv/bin/python bench/calibrate.py [--index data/eval-index/mediqa-qa] [--write]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from assistant.abstain import CALIBRATION_FILE
from assistant.question import analyze
from assistant.retrieval import HybridRetriever
from bench.common import MEDIQA, ensure_index
from evaluation.beir import load_beir
from index.reader import IndexReader

RELEVANT = 2


def best_cut(covered: list[float], uncovered: list[float]) -> tuple[float, float]:
    """The threshold maximising true-answer rate minus false-answer rate, and that J."""
    candidates = sorted(set(covered + uncovered))
    best = (0.0, -1.0)
    for threshold in candidates:
        answered = sum(s >= threshold for s in covered) / len(covered)
        wrongly = sum(s >= threshold for s in uncovered) / len(uncovered)
        j = answered - wrongly
        if j > best[1]:
            best = (threshold, j)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=MEDIQA)
    parser.add_argument("--index", type=Path, default=Path("data/eval-index/mediqa-qa"))
    parser.add_argument("--splits", nargs="+", default=["train", "dev"])
    parser.add_argument("--write", action="store_true", help="update assistant/calibration.json")
    args = parser.parse_args()

    dataset = load_beir(args.dataset)
    settings, embedder = ensure_index(args.index, [dataset.corpus_path])
    reader = IndexReader.open(settings.index_dir)
    retriever = HybridRetriever(reader, embedder, candidates=settings.candidates)
    covered: list[float] = []
    uncovered: list[float] = []
    for split in args.splits:
        for qid, judgements in dataset.qrels(split).items():
            relevant = {doc for doc, grade in judgements.items() if grade >= RELEVANT}
            if not relevant or qid not in dataset.queries:
                continue
            retrieval = retriever.search(analyze(dataset.queries[qid]), k=100)
            inside = [p.similarity for p in retrieval.passages if p.doc_id in relevant]
            outside = [p.similarity for p in retrieval.passages if p.doc_id not in judgements]
            if inside:
                covered.append(max(inside))
            if outside:
                uncovered.append(max(outside))
    threshold, j = best_cut(covered, uncovered)
    answered = sum(s >= threshold for s in covered) / len(covered)
    wrongly = sum(s >= threshold for s in uncovered) / len(uncovered)
    result = {
        "threshold": round(threshold, 4),
        "unseen_focus_margin": 0.1,
        "source": (
            f"bench/calibrate.py on {dataset.name} {'+'.join(args.splits)}: "
            f"{len(covered)} covered / {len(uncovered)} held-out questions, Youden J {j:.3f}; "
            f"answers {answered:.1%} of covered, {wrongly:.1%} of held-out"
        ),
    }
    print(json.dumps(result, indent=2))
    if args.write:
        CALIBRATION_FILE.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {CALIBRATION_FILE}")


if __name__ == "__main__":
    main()
