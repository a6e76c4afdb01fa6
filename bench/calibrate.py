"""Calibrate when the assistant abstains, on questions that were never used for reporting.

Covered questions: MEDIQA train + dev questions whose relevant passage the retriever shows (they
must be answered). Uncovered questions: the team's calibration set of questions no health-article
collection answers (assistant/retrieval/data/unanswerable.txt, kept apart from the evaluation's
out-of-scope file), and the covered questions again with their judged articles held out (which
overstates wrong answers: unjudged MEDIQA passages are often on the same topic).

Each candidate statistic of the top passage is printed with the cut that keeps answering
`--answer-rate` of covered questions and how many uncovered ones it would still answer; the
chosen statistic's cut goes to assistant/retrieval/calibration.json.

    .venv/bin/python -m bench.calibrate [--index data/eval-index/mediqa-qa] [--write]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from assistant.retrieval.abstain import CALIBRATION_FILE, UNANSWERABLE_FILE
from assistant.retrieval.hybrid import HybridRetriever, Retrieval
from assistant.understanding.question import analyze
from bench.common import MEDIQA, ensure_index
from healthqa.evaluation.answers_eval import read_questions
from healthqa.evaluation.beir import load_beir
from index.reader import IndexReader

RELEVANT = 2
Statistic = Callable[[Retrieval], float]
STATISTICS: dict[str, Statistic] = {
    "best passage cosine": lambda r: r.top_similarity,
    "best ranking score": lambda r: max((p.score for p in r.passages), default=0.0),
}


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(q * len(ordered))))]


def share_at_least(values: list[float], threshold: float) -> float:
    return sum(v >= threshold for v in values) / len(values) if values else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=MEDIQA)
    parser.add_argument("--index", type=Path, default=Path("data/eval-index/mediqa-qa"))
    parser.add_argument("--splits", nargs="+", default=["train", "dev"])
    parser.add_argument("--answer-rate", type=float, default=0.98)
    parser.add_argument("--statistic", default="best ranking score", choices=list(STATISTICS))
    parser.add_argument("--write", action="store_true", help="update calibration.json")
    args = parser.parse_args()

    dataset = load_beir(args.dataset)
    settings, embedder = ensure_index(args.index, [dataset.corpus_path])
    retriever = HybridRetriever(IndexReader.open(settings.index_dir), embedder)
    covered: dict[str, list[float]] = {name: [] for name in STATISTICS}
    held_out: dict[str, list[float]] = {name: [] for name in STATISTICS}
    unanswerable: dict[str, list[float]] = {name: [] for name in STATISTICS}
    for split in args.splits:
        for qid, judgements in dataset.qrels(split).items():
            relevant = {doc for doc, grade in judgements.items() if grade >= RELEVANT}
            if not relevant or qid not in dataset.queries:
                continue
            analysis = analyze(dataset.queries[qid])
            shown = retriever.search(analysis)
            deep = retriever.search(analysis, k=100)
            outside = Retrieval(
                analysis,
                deep.query_vector,
                tuple(p for p in deep.passages if p.doc_id not in judgements)[:5],
            )
            for name, statistic in STATISTICS.items():
                if any(p.doc_id in relevant for p in shown.passages):
                    covered[name].append(statistic(shown))
                if outside.passages:
                    held_out[name].append(statistic(outside))
    for question in read_questions(UNANSWERABLE_FILE.read_text("utf-8")):
        found = retriever.search(analyze(question))
        for name, statistic in STATISTICS.items():
            unanswerable[name].append(statistic(found))

    chosen: dict[str, object] = {}
    for name in STATISTICS:
        # Not lower: a cut placed just above the unanswerable questions (1.118, answering 100% of
        # the covered ones) answered 21% of the evaluation's out-of-scope health questions with a
        # related article. The unanswerable set is too far from health to set the cut alone.
        cut = quantile(covered[name], 1 - args.answer_rate)
        line = (
            f"{name}: cut {cut:.4f} answers {share_at_least(covered[name], cut):.1%} of "
            f"{len(covered[name])} covered; still answers "
            f"{share_at_least(unanswerable[name], cut):.1%} of {len(unanswerable[name])} "
            f"unanswerable and {share_at_least(held_out[name], cut):.1%} of "
            f"{len(held_out[name])} held-out"
        )
        print(line)
        if name == args.statistic:
            chosen = {"statistic": name, "threshold": round(cut, 4), "source": line}
    print(json.dumps(chosen, indent=2))
    if args.write:
        CALIBRATION_FILE.write_text(json.dumps(chosen, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {CALIBRATION_FILE}")


if __name__ == "__main__":
    main()
