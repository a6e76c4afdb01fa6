"""Calibrate the abstention threshold on the judged MEDIQA questions (train + dev, never test).

For every question the assistant's own abstention statistic (the best similarity among the passages
it would show) is measured when the collection covers the question (a passage judged relevant is
shown). The threshold keeps answering `--answer-rate` of those covered questions (default 95%):
abstaining on a covered question is the costly error, and off-topic questions (cars, code) score far
below any covered one. For reference it also reports how often a question would still be answered
when its relevant articles are held out (best similarity among passages of unjudged documents),
which overstates wrong answers: unjudged MEDIQA passages are often on the same topic.
The result goes to assistant/calibration.json.

    .venv/bin/python bench/calibrate.py [--index data/eval-index/mediqa-qa] [--write]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from assistant.retrieval.abstain import CALIBRATION_FILE
from assistant.retrieval.hybrid import HybridRetriever
from assistant.understanding.question import analyze
from bench.common import MEDIQA, ensure_index
from healthqa.evaluation.beir import load_beir
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


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(q * len(ordered))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=MEDIQA)
    parser.add_argument("--index", type=Path, default=Path("data/eval-index/mediqa-qa"))
    parser.add_argument("--splits", nargs="+", default=["train", "dev"])
    parser.add_argument("--answer-rate", type=float, default=0.95)
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
            analysis = analyze(dataset.queries[qid])
            shown = retriever.search(analysis)
            if any(p.doc_id in relevant for p in shown.passages):
                covered.append(shown.top_similarity)
            deep = retriever.search(analysis, k=100)
            outside = [p.similarity for p in deep.passages if p.doc_id not in judgements]
            if outside:
                uncovered.append(max(outside))
    threshold = quantile(covered, 1 - args.answer_rate)
    _, j = best_cut(covered, uncovered)
    answered = sum(s >= threshold for s in covered) / len(covered)
    wrongly = sum(s >= threshold for s in uncovered) / len(uncovered)
    result = {
        "threshold": round(threshold, 4),
        "unseen_focus_margin": 0.1,
        "source": (
            f"bench/calibrate.py on {dataset.name} {'+'.join(args.splits)}: "
            f"answers {answered:.1%} of {len(covered)} covered questions; would still answer "
            f"{wrongly:.1%} of {len(uncovered)} with their judged articles held out "
            f"(best Youden J over all cuts {j:.3f})"
        ),
    }
    print(json.dumps(result, indent=2))
    if args.write:
        CALIBRATION_FILE.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {CALIBRATION_FILE}")


if __name__ == "__main__":
    main()
