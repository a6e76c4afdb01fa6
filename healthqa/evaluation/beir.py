"""BEIR-format benchmarks: queries, graded qrels per split, and TREC run files.

A dataset folder holds `corpus.jsonl`, `queries.jsonl` and `qrels/<split>.tsv` (a header line
`query-id corpus-id score`, then one tab-separated judgement per line).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from healthqa.errors import EvaluationError

Qrels = Mapping[str, Mapping[str, int]]  # query id -> corpus id -> grade
Run = Mapping[str, Sequence[tuple[str, float]]]  # query id -> (doc id, score), best first

QRELS_HEADER = ("query-id", "corpus-id", "score")
RUN_DEPTH = 100
_RUN_TAG = re.compile(r"^\S+$")


@dataclass(frozen=True)
class BeirDataset:
    root: Path
    queries: Mapping[str, str]  # query id -> question text

    @property
    def name(self) -> str:
        return self.root.resolve().name

    @property
    def corpus_path(self) -> Path:
        return self.root / "corpus.jsonl"

    def splits(self) -> tuple[str, ...]:
        return tuple(sorted(p.stem for p in (self.root / "qrels").glob("*.tsv")))

    def qrels(self, split: str) -> Qrels:
        path = self.root / "qrels" / f"{split}.tsv"
        if not path.is_file():
            raise EvaluationError(
                f"{self.name} has no split {split!r}; it has {', '.join(self.splits()) or 'none'}."
            )
        return read_qrels(path)


def load_beir(root: Path) -> BeirDataset:
    for required in ("corpus.jsonl", "queries.jsonl", "qrels"):
        if not (root / required).exists():
            raise EvaluationError(f"{root} is not a BEIR dataset: it has no {required}.")
    return BeirDataset(root=root, queries=read_queries(root / "queries.jsonl"))


def read_queries(path: Path) -> dict[str, str]:
    queries: dict[str, str] = {}
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                queries[str(row["_id"])] = str(row["text"])
            except (json.JSONDecodeError, KeyError, TypeError):
                raise EvaluationError(
                    f"{path} line {number} is not a query object with _id and text."
                ) from None
    return queries


def read_qrels(path: Path) -> dict[str, dict[str, int]]:
    qrels: dict[str, dict[str, int]] = {}
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            fields = line.split()
            if not fields or (number == 1 and tuple(fields) == QRELS_HEADER):
                continue
            if len(fields) != 3:
                raise EvaluationError(
                    f"{path} line {number} should be 'query-id corpus-id score'; it has "
                    f"{len(fields)} fields."
                )
            query_id, doc_id, grade = fields
            try:
                qrels.setdefault(query_id, {})[doc_id] = int(grade)
            except ValueError:
                raise EvaluationError(
                    f"{path} line {number} has score {grade!r}; it must be an integer."
                ) from None
    return qrels


def write_qrels(path: Path, qrels: Qrels) -> None:
    lines = ["\t".join(QRELS_HEADER)]
    lines += [
        f"{query_id}\t{doc_id}\t{grade}"
        for query_id, judged in qrels.items()
        for doc_id, grade in judged.items()
    ]
    _write_atomically(path, "\n".join(lines) + "\n")


def write_run_file(path: Path, run: Run, *, tag: str = "healthqa", depth: int = RUN_DEPTH) -> None:
    """TREC run format: `qid Q0 docid rank score tag`, ranks from 1, at most `depth` per query."""
    if not _RUN_TAG.match(tag):
        raise EvaluationError(f"Run tag {tag!r} must be one word without spaces.")
    lines = [
        f"{query_id} Q0 {doc_id} {rank} {score:.6f} {tag}"
        for query_id, ranked in run.items()
        for rank, (doc_id, score) in enumerate(ranked[:depth], start=1)
    ]
    _write_atomically(path, "\n".join(lines) + ("\n" if lines else ""))


def read_run_file(path: Path) -> dict[str, list[tuple[str, float]]]:
    """A TREC run, each query's documents in rank order (the rank column, not file order)."""
    ranked: dict[str, list[tuple[int, str, float]]] = {}
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            fields = line.split()
            if not fields:
                continue
            if len(fields) != 6:
                raise EvaluationError(
                    f"{path} line {number} should be 'qid Q0 docid rank score tag'."
                )
            query_id, _, doc_id, rank, score, _ = fields
            try:
                ranked.setdefault(query_id, []).append((int(rank), doc_id, float(score)))
            except ValueError:
                raise EvaluationError(
                    f"{path} line {number} has a rank or score that is not a number."
                ) from None
    return {
        query_id: [(doc_id, score) for _, doc_id, score in sorted(rows)]
        for query_id, rows in ranked.items()
    }


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)
