"""Would fine-tuning the embedding model on question -> answer pairs help? A probe, not shipped.

all-MiniLM-L6-v2 is trained for one pass on N MedQuAD (question, answer) pairs with in-batch
negatives (MultipleNegativesRankingLoss, batch 32, lr 2e-5, 128 tokens), then both it and the
base model rank the MEDIQA corpus for every judged question: plain dense search, one vector per
passage (title + text, first 256 tokens), the same setting as the shared README's MiniLM row.
MEDIQA's questions and judgements are never trained on. Results: bench/results/finetune.json and
bench/QUALITY.md.

    .venv/bin/python -m bench.finetune [--pairs 6000]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import numpy as np
import torch
from sentence_transformers import SentenceTransformer
from sentence_transformers.sentence_transformer import losses

from bench.common import MEDIQA, SHARED, write_results
from healthqa.errors import IngestError
from healthqa.evaluation import metrics
from healthqa.evaluation.beir import BeirDataset, load_beir
from healthqa.settings import default_embedding_model
from ingest.medquad import load_medquad

SPLITS = ("train", "dev", "test")
SHOWN = ("P@1", "MRR@10", "nDCG@10")


def medquad_pairs(folder: Path) -> list[tuple[str, str]]:
    """Every answered MedQuAD section as (its question, its answer's first 1,500 characters)."""
    pairs = []
    for path in sorted(folder.glob("*/*.xml")):
        try:
            article = load_medquad(path)
        except IngestError:  # a file the loader refuses is simply not a pair
            continue
        pairs += [(s.heading, s.text[:1500]) for s in article.sections
                  if s.heading and len(s.text) > 80]
    return pairs


def rank_mediqa(model: SentenceTransformer, dataset: BeirDataset) -> dict[str, dict[str, float]]:
    rows = [json.loads(line) for line in dataset.corpus_path.open(encoding="utf-8")]
    ids = [row["_id"] for row in rows]
    model.max_seq_length = 256
    passages = model.encode([f"{row.get('title', '')}. {row['text']}" for row in rows],
                            batch_size=64, normalize_embeddings=True, convert_to_numpy=True)
    figures = {}
    for split in SPLITS:
        qrels = dataset.qrels(split)
        questions = model.encode([dataset.queries[q] for q in qrels], batch_size=64,
                                 normalize_embeddings=True, convert_to_numpy=True)
        scores = questions @ passages.T
        run = {
            qid: [(ids[j], float(scores[i, j])) for j in np.argsort(-scores[i])[:100]]
            for i, qid in enumerate(qrels)
        }
        per_query = metrics.score_run(run, qrels)
        figures[split] = {m: round(metrics.mean([q[m] for q in per_query.values()]), 3)
                          for m in SHOWN}
    return figures


def fine_tune(model: SentenceTransformer, pairs: list[tuple[str, str]]) -> float:
    model.max_seq_length = 128
    loss = losses.MultipleNegativesRankingLoss(model)
    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-5)
    model.train()
    started = time.perf_counter()
    for start in range(0, len(pairs), 32):
        batch = pairs[start : start + 32]
        questions = model.tokenize([q for q, _ in batch])
        answers = model.tokenize([a for _, a in batch])
        value = loss([questions, answers], torch.empty(0))
        optimizer.zero_grad()
        value.backward()
        optimizer.step()
    model.eval()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=6000)
    args = parser.parse_args()
    random.seed(0)
    torch.manual_seed(0)
    pairs = medquad_pairs(SHARED / "medquad")
    random.shuffle(pairs)
    dataset = load_beir(MEDIQA)
    path = str(default_embedding_model())
    base = rank_mediqa(SentenceTransformer(path, device="cpu"), dataset)
    print("base", base, flush=True)
    model = SentenceTransformer(path, device="cpu")
    seconds = fine_tune(model, pairs[: args.pairs])
    tuned = rank_mediqa(model, dataset)
    print(f"fine-tuned on {args.pairs} pairs in {seconds:.0f} s", tuned, flush=True)
    out = Path(__file__).with_name("results") / "finetune.json"
    write_results(out, {"pairs": args.pairs, "of_pairs": len(pairs),
                        "train_seconds": round(seconds), "base": base, "fine_tuned": tuned})


if __name__ == "__main__":
    main()
