"""Ranking ablation on MEDIQA: every signal the retriever could use, measured per split.

For each judged question the candidates (dense top 100 for the message as asked and for its
cleaned question, BM25 top 30) get their signals once; each variant is then a weighted sum,
scored with the project's own metrics (documents ranked by their best passage). Choices are made
on train and dev; test is printed for the record. Results go to bench/results/ranking.json and
the table in bench/QUALITY.md.

    .venv/bin/python -m bench.ranking [--index data/eval-index/mediqa-qa]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.retrieval.coverage import distinctive_words
from assistant.understanding.question import analyze
from bench.common import MEDIQA, ensure_index, write_results
from healthqa.evaluation import metrics
from healthqa.evaluation.beir import Qrels, load_beir
from index.embedder import Vectors
from index.reader import IndexReader

SPLITS = ("train", "dev", "test")
SHOWN = ("P@1", "MRR@10", "nDCG@10")


@dataclass(frozen=True)
class Candidate:
    doc_id: str
    signals: Mapping[str, float]


Variant = Callable[[Mapping[str, float]], float]

VARIANTS: dict[str, Variant] = {
    "dense, cleaned question (old probe)": lambda s: s["dense_clean"],
    "dense, message as asked": lambda s: s["dense"],
    "BM25 alone": lambda s: s["bm25"],
    "dense + 0.2 BM25": lambda s: s["dense"] + 0.2 * s["bm25"],
    "dense + header": lambda s: s["dense"] + s["header"],
    "dense + 0.5 best sentence": lambda s: s["dense"] + 0.5 * s["sentence"],
    "dense + header + 0.5 sentence (shipped)": lambda s: (
        s["dense"] + s["header"] + 0.5 * s["sentence"]
    ),
    "shipped + 0.1 BM25": lambda s: (
        s["dense"] + s["header"] + 0.5 * s["sentence"] + 0.1 * s["bm25"]
    ),
    "shipped + 0.3 cleaned-question dense": lambda s: (
        s["dense"] + s["header"] + 0.5 * s["sentence"] + 0.3 * s["dense_clean"]
    ),
    "header on the question sentences": lambda s: (
        s["dense"] + s["header_q"] + 0.5 * s["sentence"]
    ),
    "shipped + 0.5 question-sentence header": lambda s: (
        s["dense"] + s["header"] + 0.5 * s["sentence"] + 0.5 * s["header_q"]
    ),
    "shipped + 0.3 question-sentence dense": lambda s: (
        s["dense"] + s["header"] + 0.5 * s["sentence"] + 0.3 * s["dense_q"]
    ),
    # CHiQA's lead: is the article about the question's focus? (its title or heading names it)
    "shipped + 0.05 focus in title": lambda s: (
        s["dense"] + s["header"] + 0.5 * s["sentence"] + 0.05 * s["focus_title"]
    ),
    "shipped + 0.1 focus in title": lambda s: (
        s["dense"] + s["header"] + 0.5 * s["sentence"] + 0.1 * s["focus_title"]
    ),
    "shipped + 0.2 focus in title": lambda s: (
        s["dense"] + s["header"] + 0.5 * s["sentence"] + 0.2 * s["focus_title"]
    ),
}


Embed = Callable[[Sequence[str]], Vectors]


def candidates(reader: IndexReader, embed: Embed, question: str) -> list[Candidate]:
    analysis = analyze(question)
    asked, clean, only = embed(
        [analysis.asked or question, analysis.text or question, analysis.question or question]
    )
    ids = [cid for cid, _ in reader.dense_search(asked, 100)]
    ids += [cid for cid, _ in reader.dense_search(clean, 100) if cid not in set(ids)]
    lexical = dict(reader.lexical_search(analysis.keywords, 30))
    ids += [cid for cid in lexical if cid not in set(ids)]
    stored = reader.chunks(ids)
    vectors = reader.vectors(ids)
    sentences = reader.sentence_vectors(ids)
    keys = [(s.chunk.doc_id, s.chunk.section_index) for s in stored]
    headers = reader.header_vectors(keys)
    best_lexical = max(lexical.values(), default=0.0) or 1.0
    wanted = distinctive_words(analysis.focus) if analysis.focus else []
    found = []
    for n, cid in enumerate(ids):
        header = headers.get(keys[n])
        rows = sentences.get(cid)
        found.append(
            Candidate(
                doc_id=stored[n].chunk.doc_id,
                signals={
                    "dense": float(vectors[n] @ asked),
                    "dense_clean": float(vectors[n] @ clean),
                    "header": 0.0 if header is None else float(header @ asked),
                    "header_q": 0.0 if header is None else float(header @ only),
                    "dense_q": float(vectors[n] @ only),
                    "sentence": 0.0 if rows is None or not len(rows) else float(
                        (rows @ asked).max()
                    ),
                    "bm25": lexical.get(cid, 0.0) / best_lexical,
                    "focus_title": _names(wanted, stored[n].chunk.title),
                },
            )
        )
    return found


def _names(wanted: Sequence[str], title: str) -> float:
    """1 when every distinctive word of the focus begins a word of the title."""
    words = title.lower().replace("-", " ").split()
    found = bool(wanted) and all(any(w.startswith(x) for w in words) for x in wanted)
    return 1.0 if found else 0.0


def score(variant: Variant, table: Mapping[str, list[Candidate]], qrels: Qrels) -> dict[str, float]:
    run: dict[str, list[tuple[str, float]]] = {}
    for qid, found in table.items():
        best: dict[str, float] = {}
        for candidate in found:
            value = variant(candidate.signals)
            best[candidate.doc_id] = max(value, best.get(candidate.doc_id, -1e9))
        run[qid] = sorted(best.items(), key=lambda pair: -pair[1])
    per_query = metrics.score_run(run, qrels)
    return {name: metrics.mean([q[name] for q in per_query.values()]) for name in SHOWN}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=Path("data/eval-index/mediqa-qa"))
    args = parser.parse_args()
    dataset = load_beir(MEDIQA)
    settings, embedder = ensure_index(args.index, [dataset.corpus_path])
    reader = IndexReader.open(settings.index_dir)
    results: dict[str, dict[str, dict[str, float]]] = {name: {} for name in VARIANTS}
    for split in SPLITS:
        qrels = dataset.qrels(split)
        table = {
            qid: candidates(reader, embedder.embed_queries, dataset.queries[qid]) for qid in qrels
        }
        for name, variant in VARIANTS.items():
            results[name][split] = score(variant, table, qrels)
    print(f"| variant | {' | '.join(f'{s} {m}' for s in SPLITS for m in SHOWN)} |")
    print("|---|" + "---|" * (len(SPLITS) * len(SHOWN)))
    for name, by_split in results.items():
        cells = [f"{by_split[s][m]:.3f}" for s in SPLITS for m in SHOWN]
        print(f"| {name} | {' | '.join(cells)} |")
    out = Path(__file__).with_name("results") / "ranking.json"
    write_results(out, results)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
